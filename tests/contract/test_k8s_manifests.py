"""``qcdc deploy k8s`` for Ho Chi Minh City's 168 wards: every manifest is a valid object of a
current Kubernetes (kubernetes-validate's own schemas, strict: no field Kubernetes does not
know), names and ports agree (Services, probes, NetworkPolicies, ConfigMaps, the NATS files),
Secrets are only referred to, never generated, and only by the names deploy/README.md lists;
the same registry gives the same bytes, and ``deploy/k8s`` is what the repository's registry
generates."""

from __future__ import annotations

import csv
import functools
import os
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import kubernetes_validate
import kubernetes_validate.utils
import pytest
import yaml

from qcdc_shared.registry import SERVICES_OF_A_WARD, Registry, Ward, load_registry
from qcdc_shared.tooling import k8s
from qcdc_shared.tooling.k8s_city import nats_layout
from qcdc_shared.tooling.nats_config import write_nats_configs
from qcdc_shared.tooling.nats_server import nats_server_binary
from qcdc_shared.tooling.plugins import CITY_SERVICES, WARD_SERVICES, app_path

pytestmark = pytest.mark.contract

REPO = Path(__file__).resolve().parents[2]
HCMC = REPO.parent / "shared" / "data" / "hcmc_units_2025.csv"
COMMITTED = REPO / "deploy" / "k8s"
# The newest Kubernetes whose schemas kubernetes-validate 1.37.0 ships.
KUBERNETES = "1.37"
KUSTOMIZE_KINDS = {"Kustomization", "Component"}
Doc = dict[str, Any]
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # 10 times the Python one's speed


@pytest.fixture(scope="module")
def hcmc() -> Registry:
    if not HCMC.exists():
        message = f"reference data missing: {HCMC}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with HCMC.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    wards = [Ward(slug=row["slug"], code=row["code"], name=row["name"]) for row in rows]
    return Registry(city=rows[0]["city"], wards=wards)


@pytest.fixture(scope="module")
def generated(hcmc: Registry, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Doc]]:
    """Every file ``qcdc deploy k8s`` writes for the 168 wards, read back as YAML."""
    out = tmp_path_factory.mktemp("k8s")
    k8s.write_k8s(hcmc, out)
    return {
        str(path.relative_to(out)): [doc for doc in yaml.load_all(path.read_text(), LOADER) if doc]
        for path in sorted(out.rglob("*.yaml"))
    }


def objects(files: dict[str, list[Doc]]) -> Iterator[Doc]:
    for docs in files.values():
        yield from (doc for doc in docs if doc["kind"] not in KUSTOMIZE_KINDS)


def test_every_manifest_of_168_wards_is_a_valid_kubernetes_object(
    generated: dict[str, list[Doc]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same few schema files for thousands of objects: read each once (validate() opens
    # them for every call).
    cached = functools.lru_cache(maxsize=None)(kubernetes_validate.utils.schema_contents)
    monkeypatch.setattr(kubernetes_validate.utils, "schema_contents", cached)
    assert KUBERNETES == kubernetes_validate.utils.latest_version().rsplit(".", 1)[0]
    checked: dict[str, int] = defaultdict(int)
    for doc in objects(generated):
        name = f"{doc['kind']} {doc['metadata'].get('namespace')}/{doc['metadata']['name']}"
        try:
            kubernetes_validate.validate(doc, KUBERNETES, strict=True)
        except kubernetes_validate.ValidationError as error:
            pytest.fail(f"{name}: {error.message} at {list(error.absolute_path)}")
        checked[doc["kind"]] += 1
    wards = 168
    assert checked["Namespace"] == wards + 1
    assert checked["Deployment"] == wards * len(SERVICES_OF_A_WARD) + 1  # and the gateway
    assert checked["StatefulSet"] == wards + 1  # a leaf each and the hub
    assert checked["Job"] == wards * len(SERVICES_OF_A_WARD) + 1
    assert checked["NetworkPolicy"] == wards * 2 + 1
    assert checked["Ingress"] == 1
    assert "Secret" not in checked  # only ever referred to


def pod_templates(doc: Doc) -> Iterator[Doc]:
    if doc["kind"] in ("Deployment", "StatefulSet", "Job"):
        yield doc["spec"]["template"]


def by_namespace(files: dict[str, list[Doc]]) -> dict[str, list[Doc]]:
    found: dict[str, list[Doc]] = defaultdict(list)
    for doc in objects(files):
        found[doc["metadata"].get("namespace") or doc["metadata"]["name"]].append(doc)
    return found


def selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return all(labels.get(key) == value for key, value in selector.items())


def test_services_probes_and_network_policies_name_real_ports_and_pods(
    generated: dict[str, list[Doc]], hcmc: Registry
) -> None:
    spaces = by_namespace(generated)
    assert set(spaces) == {"qcdc-city", *(f"qcdc-{w.slug}" for w in hcmc.wards)}
    for namespace, docs in spaces.items():
        templates = [t for doc in docs for t in pod_templates(doc)]
        for template in templates:
            for container in template["spec"]["containers"]:
                ports = {p["name"] for p in container.get("ports", [])}
                for kind in ("startupProbe", "readinessProbe", "livenessProbe"):
                    probe = container.get(kind)
                    if probe:
                        target = (probe.get("httpGet") or probe["tcpSocket"])["port"]
                        assert target in ports, (namespace, container["name"], kind)
        for service in (d for d in docs if d["kind"] == "Service"):
            chosen = [
                t
                for t in templates
                if selects(service["spec"]["selector"], t["metadata"]["labels"])
            ]
            assert chosen, f"{namespace}/{service['metadata']['name']} selects no pod"
            ports = {p["name"] for t in chosen for c in t["spec"]["containers"] for p in c["ports"]}
            for port in service["spec"]["ports"]:
                assert port["targetPort"] in ports, (namespace, service["metadata"]["name"])
        if namespace == "qcdc-city":
            continue
        policies = [d for d in docs if d["kind"] == "NetworkPolicy"]
        leaf_pods = [
            t for t in templates if t["metadata"]["labels"]["app.kubernetes.io/name"] == "nats-leaf"
        ]
        assert len(leaf_pods) == 1
        guarding = [
            p
            for p in policies
            if selects(p["spec"]["podSelector"]["matchLabels"], leaf_pods[0]["metadata"]["labels"])
        ]
        assert guarding, f"{namespace}: no NetworkPolicy selects its leaf"
        for policy in guarding:
            assert policy["spec"]["policyTypes"] == ["Ingress"]
            for rule in policy["spec"]["ingress"]:
                # A podSelector alone: pods of this namespace, this ward's, and no other's.
                assert all(set(source) == {"podSelector"} for source in rule["from"])


def secret_references(doc: Doc) -> Iterator[tuple[str, str | None]]:
    """(secret, key) of every reference in a manifest; key None: the whole Secret."""
    for template in pod_templates(doc):
        for container in template["spec"]["containers"]:
            for variable in container.get("env", []):
                ref = variable.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    yield ref["name"], ref["key"]
            assert all("secretRef" not in source for source in container.get("envFrom", []))
        for volume in template["spec"].get("volumes", []):
            if "secret" in volume:
                yield volume["secret"]["secretName"], None
            for source in volume.get("projected", {}).get("sources", []):
                if "secret" in source:
                    for item in source["secret"]["items"]:
                        yield source["secret"]["name"], item["key"]
    if doc["kind"] == "Ingress":
        for tls in doc["spec"]["tls"]:
            yield tls["secretName"], None


def test_every_secret_referred_to_is_a_documented_name_and_key(
    generated: dict[str, list[Doc]],
) -> None:
    readme = (REPO / "deploy" / "README.md").read_text(encoding="utf-8")
    used = set()
    for namespace, docs in by_namespace(generated).items():
        scope = "city" if namespace == "qcdc-city" else "ward"
        ward = namespace.removeprefix("qcdc-")
        for doc in docs:
            for name, key in secret_references(doc):
                keys = k8s.SECRETS.get((scope, name))
                assert keys is not None, f"{namespace}: {name} is not in k8s.SECRETS"
                expected = [k.replace("<ward>", ward) for k in keys]
                assert key is None or key in expected, (namespace, name, key)
                used.add((scope, name))
    assert used == set(k8s.SECRETS)  # each documented one is needed
    for _, name in k8s.SECRETS:
        assert f"`{name}`" in readme, f"deploy/README.md does not document {name}"


def test_config_maps_commands_and_images_agree(generated: dict[str, list[Doc]]) -> None:
    from qcdc_shared.tooling import migrate_cli

    tag = k8s.Parameters().tag
    migrate = migrate_cli.parser()
    apps = {name: app_path(WARD_SERVICES, name) for name in SERVICES_OF_A_WARD}
    apps["gateway"] = app_path(CITY_SERVICES, "gateway")
    for namespace, docs in by_namespace(generated).items():
        maps = {d["metadata"]["name"]: d["data"] for d in docs if d["kind"] == "ConfigMap"}
        for doc in docs:
            for template in pod_templates(doc):
                spec = template["spec"]
                assert spec["securityContext"]["runAsNonRoot"] is True
                for volume in spec["volumes"]:
                    sources = volume.get("projected", {}).get("sources", [])
                    for source in [volume, *sources]:
                        if "configMap" in source:
                            data = maps[source["configMap"]["name"]]
                            assert {i["key"] for i in source["configMap"]["items"]} <= set(data)
                for container in spec["containers"]:
                    assert container["securityContext"]["readOnlyRootFilesystem"] is True
                    assert "limits" in container["resources"]
                    for source in container.get("envFrom", []):
                        assert source["configMapRef"]["name"] in maps
                    command, image = container["command"], container["image"]
                    if command[0] == "uvicorn":
                        name = doc["metadata"]["name"]
                        assert command[1] == apps[name]
                        assert image == f"qcdc/{name}:{tag}"
                    elif command[0] == "qcdc":
                        options = migrate.parse_args(command[2:])
                        assert image == f"qcdc/{options.service}:{tag}"
                        assert options.ward == (
                            None if namespace == "qcdc-city" else namespace.removeprefix("qcdc-")
                        )
                    else:  # nats-server -c <the file the ConfigMap projects>
                        assert command[:2] == ["nats-server", "-c"]
                        assert image == f"qcdc/nats:{tag}"
                        assert any(Path(command[2]).name in data for data in maps.values())


def test_the_kustomizations_list_every_file_and_ward(
    generated: dict[str, list[Doc]], hcmc: Registry
) -> None:
    top = generated["kustomization.yaml"][0]
    assert top["resources"] == ["base", *(f"wards/{w.slug}" for w in hcmc.wards)]
    for path, docs in generated.items():
        if docs[0]["kind"] == "Kustomization":
            folder = Path(path).parent
            for resource in docs[0]["resources"]:
                target = folder / resource
                assert str(target) in generated or str(target / "kustomization.yaml") in generated
            for component in docs[0].get("components", []):
                resolved = os.path.normpath(folder / component / "kustomization.yaml")
                assert generated[resolved][0]["kind"] == "Component"


def test_generation_is_deterministic(hcmc: Registry) -> None:
    assert k8s.render(hcmc) == k8s.render(hcmc)


def test_the_committed_example_is_what_the_registry_generates() -> None:
    registry = load_registry(REPO / "deploy" / "wards.toml")
    committed = {
        str(path.relative_to(COMMITTED)): path.read_text(encoding="utf-8")
        for path in sorted(COMMITTED.rglob("*.yaml"))
    }
    assert committed == k8s.render(registry), (
        "deploy/k8s differs from the registry: run `.venv/bin/qcdc deploy k8s`"
    )


def test_nats_server_accepts_the_files_the_manifests_mount(tmp_path: Path) -> None:
    """The ConfigMaps' files beside the secrets `qcdc deploy nats` writes for the same hub
    address and routes (deploy/README.md) are files nats-server accepts."""
    registry = load_registry(REPO / "deploy" / "wards.toml")
    write_nats_configs(registry, tmp_path, nats_layout())
    texts = k8s.render(registry)
    for path in ("base/config.yaml", "wards/ben-thanh/config.yaml"):
        for doc in yaml.safe_load_all(texts[path]):
            if doc and doc["metadata"]["name"] in ("qcdc-hub-config", "qcdc-leaf-config"):
                for name, text in doc["data"].items():
                    assert (tmp_path / name).read_text() == text  # the same generator's file
                    checked = subprocess.run(
                        [nats_server_binary(), "-t", "-c", str(tmp_path / name)],
                        capture_output=True,
                        text=True,
                        env={**os.environ, "QCDC_HUB_NODE": "nats-hub-0"},
                    )
                    assert checked.returncode == 0, checked.stderr


def test_kustomize_builds_it_and_a_patch_in_the_ward_component_reaches_every_ward(
    tmp_path: Path,
) -> None:
    """What a city does: one patch in ``components/ward`` (kept by a regeneration), every
    ward gets it, nothing else changes. kubectl's own Kustomize, where kubectl is installed."""
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip("kubectl is not installed: Kustomize's build is not checked")
    registry = load_registry(REPO / "deploy" / "wards.toml")
    k8s.write_k8s(registry, tmp_path)
    component = tmp_path / k8s.COMPONENT_FILE
    component.write_text(
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n"
        "  - target: {kind: Deployment, name: petitions}\n"
        "    patch: |-\n"
        "      - op: replace\n"
        "        path: /spec/template/spec/containers/0/resources/limits/memory\n"
        "        value: 512Mi\n"
    )
    k8s.write_k8s(registry, tmp_path)  # a regeneration keeps the city's component
    built = subprocess.run(
        [kubectl, "kustomize", str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout
    objects_built = [doc for doc in yaml.load_all(built, LOADER) if doc]
    generated = {
        path: [doc for doc in yaml.load_all(text, LOADER) if doc]
        for path, text in k8s.render(registry).items()
    }
    assert len(objects_built) == len(list(objects(generated)))
    petitions = [
        doc
        for doc in objects_built
        if doc["kind"] == "Deployment" and doc["metadata"]["name"] == "petitions"
    ]
    assert len(petitions) == len(registry.wards)
    for doc in petitions:
        limits = doc["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"]
        assert limits["memory"] == "512Mi"
