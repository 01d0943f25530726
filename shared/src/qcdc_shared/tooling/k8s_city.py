"""The city's namespace ``qcdc-city`` (``qcdc deploy k8s``, the Kustomize ``base``): the NATS hub
as a StatefulSet of three clustered nodes with their volumes and a headless Service for their
routes, the gateway (Deployment, Service, Ingress, its migration Job), and their configuration."""

from __future__ import annotations

from qcdc_shared.registry import Registry
from qcdc_shared.tooling import k8s_pods as pods
from qcdc_shared.tooling import k8s_ward as ward_parts
from qcdc_shared.tooling.k8s_pods import Manifest
from qcdc_shared.tooling.k8s_ward import CITY_NAMESPACE, config_map, namespace_of
from qcdc_shared.tooling.nats_config import GATEWAY_USER, HUB, Layout

HUB_NAME = "nats-hub"  # the StatefulSet; its pods are nats-hub-0, -1, -2
HUB_SERVICE = "nats-hub"  # clients (the gateway) and the wards' leaves
HUB_ROUTES_SERVICE = "nats-hub-cluster"  # headless: each node's own name, for the routes
HUB_REPLICAS = 3
GATEWAY = "gateway"
# Secrets by name and key, in qcdc-city; never generated (deploy/README.md).
HUB_SECRET = "qcdc-nats-hub"  # key hub.conf: `qcdc deploy nats`'s secrets/hub.conf
GATEWAY_SECRET = "qcdc-nats-gateway"  # key password: QCDC_HUB_GATEWAY_PASSWORD
TLS_SECRET = "qcdc-gateway-tls"  # kubernetes.io/tls: the Ingress's certificate


def hub_address() -> str:
    """Where a ward's leaf reaches the hub's leaf-node listener (any node)."""
    return f"{HUB_SERVICE}.{CITY_NAMESPACE}.svc:{pods.NATS_LEAFNODE_PORT}"


def hub_routes() -> tuple[str, ...]:
    """Every hub node's cluster listener, by its stable name in the headless Service."""
    return tuple(
        f"{HUB_NAME}-{n}.{HUB_ROUTES_SERVICE}.{CITY_NAMESPACE}.svc:{pods.NATS_CLUSTER_PORT}"
        for n in range(HUB_REPLICAS)
    )


def nats_layout() -> Layout:
    """The hub-and-leaves layout in the cluster: ``qcdc deploy nats`` with the same hub
    address and routes writes the secrets these manifests mount (deploy/README.md)."""
    return Layout(hub_address=hub_address(), hub_routes=hub_routes())


def ward_url_template() -> str:
    """Where the gateway reaches a ward's services (``Settings.ward_url_template``): each
    service's Service in the ward's namespace."""
    return f"http://{{service}}.{namespace_of('{ward}')}.svc:{pods.HTTP_PORT}"


def _hub(image: str, storage: str, storage_class: str | None) -> list[Manifest]:
    conf = f"{HUB}.conf"
    label_set = pods.labels(HUB_NAME, "nats-hub", None)
    ports = [
        {"name": "client", "containerPort": pods.NATS_CLIENT_PORT, "protocol": "TCP"},
        {"name": "leafnodes", "containerPort": pods.NATS_LEAFNODE_PORT, "protocol": "TCP"},
        {"name": "cluster", "containerPort": pods.NATS_CLUSTER_PORT, "protocol": "TCP"},
    ]
    container = ward_parts.nats_container(image, conf, ports, pods.HUB)
    # A clustered hub node's server_name (nats_config.HUB_NODE_VARIABLE): its pod's name.
    container["env"] = [
        {"name": "QCDC_HUB_NODE", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}
    ]
    spread = {
        "weight": 100,
        "podAffinityTerm": {
            "labelSelector": {"matchLabels": pods.selector(HUB_NAME)},
            "topologyKey": "kubernetes.io/hostname",
        },
    }
    statefulset = {
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": pods.metadata(HUB_NAME, CITY_NAMESPACE, label_set),
        "spec": {
            "serviceName": HUB_ROUTES_SERVICE,
            "replicas": HUB_REPLICAS,
            # The nodes find each other by their routes: all start at once, not one by one.
            "podManagementPolicy": "Parallel",
            "selector": {"matchLabels": pods.selector(HUB_NAME)},
            "template": {
                "metadata": {"labels": label_set},
                "spec": pods.pod_spec(
                    [container],
                    [ward_parts.nats_volume("qcdc-hub-config", HUB_SECRET, conf)],
                    affinity={
                        "podAntiAffinity": {
                            "preferredDuringSchedulingIgnoredDuringExecution": [spread]
                        }
                    },
                    terminationGracePeriodSeconds=60,
                ),
            },
            "volumeClaimTemplates": [ward_parts.data_claim(storage, storage_class)],
        },
    }
    clients = pods.service(
        HUB_SERVICE,
        CITY_NAMESPACE,
        label_set,
        [
            pods.port("client", pods.NATS_CLIENT_PORT),
            pods.port("leafnodes", pods.NATS_LEAFNODE_PORT),
        ],
    )
    routes = pods.service(
        HUB_ROUTES_SERVICE, CITY_NAMESPACE, label_set, [pods.port("cluster", 6222)]
    )
    # Each node by name before it is ready: the routes must form for it to become so.
    routes["spec"].update({"clusterIP": "None", "publishNotReadyAddresses": True})
    budget = {
        "apiVersion": "policy/v1",
        "kind": "PodDisruptionBudget",
        "metadata": pods.metadata(HUB_NAME, CITY_NAMESPACE, label_set),
        "spec": {"maxUnavailable": 1, "selector": {"matchLabels": pods.selector(HUB_NAME)}},
    }
    return [statefulset, clients, routes, budget]


def _gateway(app: str, image: str, host: str) -> list[Manifest]:
    label_set = pods.labels(GATEWAY, "gateway", None)
    volume, mount = ward_parts.config_volume()
    container = pods.service_container(
        GATEWAY,
        image,
        pods.uvicorn_command(app),
        ward_parts.secret_environment(nats=(GATEWAY_SECRET, "password")),
        pods.GATEWAY,
    )
    container["envFrom"] = [{"configMapRef": {"name": ward_parts.SETTINGS}}]
    container["volumeMounts"].append(mount)
    deployment = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": pods.metadata(GATEWAY, CITY_NAMESPACE, label_set),
        "spec": {
            "replicas": 1,  # one writer of the city's projections
            "strategy": {"type": "Recreate"},  # never two folding the same log at once
            "selector": {"matchLabels": pods.selector(GATEWAY)},
            "template": {
                "metadata": {"labels": label_set},
                "spec": pods.pod_spec([container], [volume], terminationGracePeriodSeconds=10),
            },
        },
    }
    service = pods.service(GATEWAY, CITY_NAMESPACE, label_set, [pods.port("http", pods.HTTP_PORT)])
    backend = {"service": {"name": GATEWAY, "port": {"name": "http"}}}
    ingress = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "Ingress",
        "metadata": pods.metadata(GATEWAY, CITY_NAMESPACE, label_set),
        "spec": {
            "tls": [{"hosts": [host], "secretName": TLS_SECRET}],
            "rules": [
                {
                    "host": host,
                    "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": backend}]},
                }
            ],
        },
    }
    return [deployment, service, ingress]


def _hub_policy() -> Manifest:
    """The hub's clients are the gateway, its leaf links come from the wards' leaves, its
    routes from its own nodes."""
    # A ward's namespace: labelled with its ward (a namespace without the label is none).
    wards = {
        "matchExpressions": [
            {"key": pods.WARD_LABEL, "operator": "Exists"},
            {"key": pods.WARD_LABEL, "operator": "NotIn", "values": ["city"]},
        ]
    }

    def rule(sources: list[Manifest], port: str) -> Manifest:
        return {"from": sources, "ports": [{"protocol": "TCP", "port": port}]}

    return {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": pods.metadata(
            "nats-hub-ingress", CITY_NAMESPACE, pods.labels("nats-hub-ingress", "network", None)
        ),
        "spec": {
            "podSelector": {"matchLabels": pods.selector(HUB_NAME)},
            "policyTypes": ["Ingress"],
            "ingress": [
                rule([{"podSelector": {"matchLabels": pods.selector(GATEWAY)}}], "client"),
                rule(
                    [
                        {
                            "namespaceSelector": wards,
                            "podSelector": {"matchLabels": pods.selector(ward_parts.LEAF)},
                        }
                    ],
                    "leafnodes",
                ),
                rule([{"podSelector": {"matchLabels": pods.selector(HUB_NAME)}}], "cluster"),
            ],
        },
    }


def city_manifests(
    registry: Registry,
    *,
    gateway_app: str,
    image: dict[str, str],
    tag: str,
    registry_toml: str,
    hub_conf: str,
    settings: dict[str, str],
    host: str,
    hub_storage: str,
    storage_class: str | None,
) -> dict[str, list[Manifest]]:
    """File name → manifests of the city's namespace."""
    space = {
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {
            "name": CITY_NAMESPACE,
            "labels": {
                **pods.labels(CITY_NAMESPACE, "city", None),
                "pod-security.kubernetes.io/enforce": "restricted",
            },
            "annotations": {"qcdc/city": registry.city},
        },
    }
    config = [
        ward_parts.settings_map(
            CITY_NAMESPACE,
            None,
            {
                **settings,
                "QCDC_NATS_URL": f"nats://{HUB_SERVICE}:{pods.NATS_CLIENT_PORT}",
                "QCDC_NATS_USER": GATEWAY_USER,
                "QCDC_WARD_URL_TEMPLATE": ward_url_template(),
            },
        ),
        config_map(
            ward_parts.REGISTRY,
            CITY_NAMESPACE,
            None,
            {"wards.toml": registry_toml},
        ),
        config_map("qcdc-hub-config", CITY_NAMESPACE, None, {f"{HUB}.conf": hub_conf}),
    ]
    return {
        "namespace.yaml": [space],
        "config.yaml": config,
        "hub.yaml": _hub(image["nats"], hub_storage, storage_class),
        "gateway.yaml": _gateway(gateway_app, image[GATEWAY], host),
        "migrations.yaml": [
            ward_parts.migration_job(CITY_NAMESPACE, None, GATEWAY, image[GATEWAY], tag)
        ],
        "network.yaml": [_hub_policy()],
    }
