"""A ward's namespace ``qcdc-<ward>`` (``qcdc deploy k8s``): its NATS leaf as a StatefulSet with
its volume, its four services as Deployments, one migration Job per service, the Services, and
the NetworkPolicies that keep other wards' pods away from its leaf and its services."""

from __future__ import annotations

from qcdc_shared.registry import SERVICES_OF_A_WARD, Ward
from qcdc_shared.tooling import k8s_pods as pods
from qcdc_shared.tooling.k8s_pods import Manifest
from qcdc_shared.tooling.nats_config import SERVICES_USER, leaf_name

CITY_NAMESPACE = "qcdc-city"
LEAF = "nats-leaf"  # the leaf's StatefulSet, Service and pods' name in the ward's namespace
SETTINGS = "qcdc-settings"  # ConfigMap: the QCDC_* settings of every process of a namespace
REGISTRY = "qcdc-registry"  # ConfigMap: deploy/wards.toml (production checks QCDC_WARD in it)
CONFIG_DIR = "/etc/qcdc"
NATS_DIR = "/etc/nats"
STORE_ROOT = "/data/nats"  # nats_config.Layout.store_root: the volume's mount
# Secrets by name and key, in each ward's namespace; never generated (deploy/README.md).
LEAF_SECRET = "qcdc-nats-leaf"  # key leaf-<ward>.conf: `qcdc deploy nats`'s secrets file
SERVICES_SECRET = "qcdc-nats-services"  # key password: QCDC_WARD_<WARD>_SERVICES_PASSWORD
DATABASE_SECRET = "qcdc-database"  # key url: QCDC_DATABASE_URL ({ward}, {service} filled in)
KEYS_SECRET = "qcdc-keys"  # keys identity-key, pseudonym-key
KEYS = (("QCDC_IDENTITY_KEY", "identity-key"), ("QCDC_PSEUDONYM_KEY", "pseudonym-key"))


def namespace_of(ward: str) -> str:
    return f"qcdc-{ward}"


def secret_environment(*, nats: tuple[str, str] | None) -> list[Manifest]:
    """What a service process is given from Secrets: its database, its keys (production
    refuses to start without them, ``Settings``), and its NATS password."""
    env = [pods.from_secret("QCDC_DATABASE_URL", DATABASE_SECRET, "url")]
    env += [pods.from_secret(name, KEYS_SECRET, key) for name, key in KEYS]
    if nats is not None:
        env.append(pods.from_secret("QCDC_NATS_PASSWORD", nats[0], nats[1]))
    return env


def settings_map(namespace: str, ward: str | None, settings: dict[str, str]) -> Manifest:
    return {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": pods.metadata(SETTINGS, namespace, pods.labels(SETTINGS, "config", ward)),
        "data": dict(sorted(settings.items())),
    }


def config_volume() -> tuple[Manifest, Manifest]:
    """(volume, mount) of the registry under /etc/qcdc."""
    items = [{"key": "wards.toml", "path": "wards.toml"}]
    return (
        {"name": "config", "configMap": {"name": REGISTRY, "items": items}},
        {"name": "config", "mountPath": CONFIG_DIR, "readOnly": True},
    )


def nats_volume(config_map: str, secret: str, conf: str) -> Manifest:
    """nats-server's file beside the ``secrets/<conf>`` it includes (``nats_config``): the
    ConfigMap's file and the Secret's, projected into one folder."""
    return {
        "name": "nats-config",
        "projected": {
            "defaultMode": 0o440,
            "sources": [
                {"configMap": {"name": config_map, "items": [{"key": conf, "path": conf}]}},
                {"secret": {"name": secret, "items": [{"key": conf, "path": f"secrets/{conf}"}]}},
            ],
        },
    }


def data_claim(storage: str, storage_class: str | None) -> Manifest:
    spec: Manifest = {
        "accessModes": ["ReadWriteOnce"],
        "resources": {"requests": {"storage": storage}},
    }
    if storage_class:
        spec["storageClassName"] = storage_class
    return {"metadata": {"name": "data"}, "spec": spec}


def nats_container(image: str, conf: str, ports: list[Manifest], size: pods.Size) -> Manifest:
    """nats-server with its file; the monitor listens on loopback only (``nats_config``), so
    the probes knock at the client port."""
    return {
        "name": "nats",
        "image": image,
        "imagePullPolicy": "IfNotPresent",
        "command": ["nats-server", "-c", f"{NATS_DIR}/{conf}"],
        "ports": ports,
        "startupProbe": pods.tcp_probe("client", period=2, failures=30),
        "readinessProbe": pods.tcp_probe("client", period=5, failures=2),
        "livenessProbe": pods.tcp_probe("client", period=10, failures=3),
        "resources": size.resources(),
        "securityContext": pods.container_security(),
        "volumeMounts": [
            {"name": "nats-config", "mountPath": NATS_DIR, "readOnly": True},
            {"name": "data", "mountPath": STORE_ROOT},
            pods.scratch_volume()[1],
        ],
    }


def _leaf(ward: str, namespace: str, image: str, storage: str, klass: str | None) -> Manifest:
    conf = f"{leaf_name(ward)}.conf"
    label_set = pods.labels(LEAF, "nats-leaf", ward)
    client = {"name": "client", "containerPort": pods.NATS_CLIENT_PORT, "protocol": "TCP"}
    return {
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": pods.metadata(LEAF, namespace, label_set),
        "spec": {
            "serviceName": LEAF,
            "replicas": 1,  # a ward's leaf is one server; its store is the ward's stream
            "selector": {"matchLabels": pods.selector(LEAF)},
            "template": {
                "metadata": {"labels": label_set},
                "spec": pods.pod_spec(
                    [nats_container(image, conf, [client], pods.LEAF)],
                    [nats_volume("qcdc-leaf-config", LEAF_SECRET, conf)],
                    terminationGracePeriodSeconds=30,
                ),
            },
            "volumeClaimTemplates": [data_claim(storage, klass)],
        },
    }


def _service(ward: str, namespace: str, name: str, app: str, image: str) -> Manifest:
    label_set = pods.labels(name, "ward-service", ward)
    volume, mount = config_volume()
    container = pods.service_container(
        name,
        image,
        pods.uvicorn_command(app),
        secret_environment(nats=(SERVICES_SECRET, "password")),
        pods.WARD_SERVICE,
    )
    container["envFrom"] = [{"configMapRef": {"name": SETTINGS}}]
    container["volumeMounts"].append(mount)
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": pods.metadata(name, namespace, label_set),
        "spec": {
            "replicas": 1,  # one process per service and ward, as `qcdc run` runs them
            "selector": {"matchLabels": pods.selector(name)},
            "template": {
                "metadata": {"labels": label_set},
                "spec": pods.pod_spec([container], [volume], terminationGracePeriodSeconds=10),
            },
        },
    }


def migration_job(namespace: str, ward: str | None, service: str, image: str, tag: str) -> Manifest:
    """``qcdc migrate --service S [--ward W]`` once per image version (a Job's pod template
    cannot change: a new version is a new Job; finished ones go after a day)."""
    name = f"migrate-{service}-{_dns(tag)}"[:63].rstrip("-")
    label_set = pods.labels(f"migrate-{service}", "migration", ward)
    command = ["qcdc", "migrate", "--service", service] + (["--ward", ward] if ward else [])
    container = {
        "name": "migrate",
        "image": image,
        "imagePullPolicy": "IfNotPresent",
        "command": command,
        "envFrom": [{"configMapRef": {"name": SETTINGS}}],
        # The service's own settings: building its app checks them (``migrate_cli``).
        "env": secret_environment(nats=None),
        "resources": pods.MIGRATION.resources(),
        "securityContext": pods.container_security(),
        "volumeMounts": [pods.scratch_volume()[1], config_volume()[1]],
    }
    return {
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": pods.metadata(name, namespace, label_set),
        "spec": {
            "backoffLimit": 6,  # the database may still be starting: a few tries, spaced out
            "ttlSecondsAfterFinished": 86400,
            "template": {
                "metadata": {"labels": label_set},
                "spec": pods.pod_spec([container], [config_volume()[0]], restartPolicy="OnFailure"),
            },
        },
    }


def _dns(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def _policies(ward: str, namespace: str) -> list[Manifest]:
    """Only this ward's pods reach its leaf; its services answer this ward's pods and the
    city's gateway (which serves their routes), nobody else's."""
    same_namespace = {"podSelector": {"matchLabels": {"app.kubernetes.io/part-of": pods.PART_OF}}}
    gateway = {
        "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": CITY_NAMESPACE}},
        "podSelector": {"matchLabels": pods.selector("gateway")},
    }

    def policy(name: str, pods_of: Manifest, sources: list[Manifest], port: str) -> Manifest:
        return {
            "apiVersion": "networking.k8s.io/v1",
            "kind": "NetworkPolicy",
            "metadata": pods.metadata(name, namespace, pods.labels(name, "network", ward)),
            "spec": {
                "podSelector": pods_of,
                "policyTypes": ["Ingress"],
                "ingress": [{"from": sources, "ports": [{"protocol": "TCP", "port": port}]}],
            },
        }

    leaf = {"matchLabels": pods.selector(LEAF)}
    services = {"matchLabels": {"app.kubernetes.io/component": "ward-service"}}
    return [
        policy("nats-leaf-from-this-ward", leaf, [same_namespace], "client"),
        policy("services-from-ward-and-gateway", services, [same_namespace, gateway], "http"),
    ]


def ward_manifests(
    ward: Ward,
    *,
    apps: dict[str, str],
    image: dict[str, str],
    tag: str,
    registry_toml: str,
    leaf_conf: str,
    settings: dict[str, str],
    leaf_storage: str,
    storage_class: str | None,
) -> dict[str, list[Manifest]]:
    """File name → manifests of one ward's namespace. ``apps``: each service's ASGI app
    (``module:attribute``, its entry point); ``image``: each image's full name."""
    slug, namespace = ward.slug, namespace_of(ward.slug)
    space = {
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {
            "name": namespace,
            "labels": {
                **pods.labels(namespace, "ward", slug),
                "pod-security.kubernetes.io/enforce": "restricted",
            },
            "annotations": {"qcdc/ward-name": ward.name, "qcdc/ward-code": ward.code},
        },
    }
    config = [
        settings_map(
            namespace,
            slug,
            {
                **settings,
                "QCDC_WARD": slug,
                "QCDC_NATS_URL": f"nats://{LEAF}:{pods.NATS_CLIENT_PORT}",
                "QCDC_NATS_USER": SERVICES_USER,
            },
        ),
        config_map(REGISTRY, namespace, slug, {"wards.toml": registry_toml}),
        config_map("qcdc-leaf-config", namespace, slug, {f"{leaf_name(slug)}.conf": leaf_conf}),
    ]
    leaf_labels = pods.labels(LEAF, "nats-leaf", slug)
    leaf_service = pods.service(LEAF, namespace, leaf_labels, [pods.port("client", 4222)])
    leaf_service["spec"]["clusterIP"] = "None"  # the StatefulSet's own (one pod)
    services = []
    for name in SERVICES_OF_A_WARD:
        services.append(_service(slug, namespace, name, apps[name], image[name]))
        service_labels = pods.labels(name, "ward-service", slug)
        services.append(
            pods.service(name, namespace, service_labels, [pods.port("http", pods.HTTP_PORT)])
        )
    jobs = [migration_job(namespace, slug, s, image[s], tag) for s in SERVICES_OF_A_WARD]
    return {
        "namespace.yaml": [space],
        "config.yaml": config,
        "leaf.yaml": [
            _leaf(slug, namespace, image["nats"], leaf_storage, storage_class),
            leaf_service,
        ],
        "services.yaml": services,
        "migrations.yaml": jobs,
        "network.yaml": _policies(slug, namespace),
    }


def config_map(name: str, namespace: str, ward: str | None, data: dict[str, str]) -> Manifest:
    return {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": pods.metadata(name, namespace, pods.labels(name, "config", ward)),
        "data": data,
    }
