"""The pieces every generated Kubernetes workload shares (``qcdc deploy k8s``, ``k8s.py``):
labels, the non-root security context, probes, resources, environment from ConfigMaps and
Secrets *by reference*, and the container of a service as ``qcdc run`` starts it.

Plain dicts in, plain dicts out: ``k8s.py`` arranges them into manifests and YAML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Manifest = dict[str, Any]

PART_OF = "qcdc"
WARD_LABEL = "qcdc/ward"  # every object of a ward's namespace; the city's objects say "city"
HTTP_PORT = 8000  # every service and the gateway, in its own pod (uvicorn --port)
NATS_CLIENT_PORT = 4222  # nats_config.Layout: the hub's and every leaf's client listener
NATS_LEAFNODE_PORT = 7422  # nats_config.Layout.hub_leafnodes
NATS_CLUSTER_PORT = 6222  # nats_config.Layout.hub_cluster
# The images run as this user (the Dockerfile's non-root user); nothing runs as root.
RUN_AS = 10001
# Writable scratch beside a read-only root filesystem: Python's and uvicorn's temporary files
# and QCDC_VAR_DIR. Nothing kept there outlives the pod (databases and streams have volumes).
SCRATCH = "/tmp"


def labels(name: str, component: str, ward: str | None) -> dict[str, str]:
    return {
        "app.kubernetes.io/name": name,
        "app.kubernetes.io/component": component,
        "app.kubernetes.io/part-of": PART_OF,
        WARD_LABEL: ward or "city",
    }


def selector(name: str) -> dict[str, str]:
    """What a workload's pods are found by (its Service, its NetworkPolicy): the namespace
    already says which ward."""
    return {"app.kubernetes.io/name": name, "app.kubernetes.io/part-of": PART_OF}


def metadata(name: str, namespace: str, label_set: dict[str, str]) -> Manifest:
    return {"name": name, "namespace": namespace, "labels": dict(label_set)}


def pod_security() -> Manifest:
    return {
        "runAsNonRoot": True,
        "runAsUser": RUN_AS,
        "runAsGroup": RUN_AS,
        "fsGroup": RUN_AS,  # the volumes' files belong to the service's group
        "seccompProfile": {"type": "RuntimeDefault"},
    }


def container_security() -> Manifest:
    return {
        "allowPrivilegeEscalation": False,
        "readOnlyRootFilesystem": True,
        "runAsNonRoot": True,
        "capabilities": {"drop": ["ALL"]},
    }


@dataclass(frozen=True)
class Size:
    """Requests and limits of one container (Kubernetes quantities)."""

    cpu_request: str
    memory_request: str
    cpu_limit: str
    memory_limit: str

    def resources(self) -> Manifest:
        return {
            "requests": {"cpu": self.cpu_request, "memory": self.memory_request},
            "limits": {"cpu": self.cpu_limit, "memory": self.memory_limit},
        }


# Sizes from the measured figures (deploy/README.md, "Sizing"; docs/performance.md):
# a service process 108-114 MB at rest, 130 MB at most under the intake load (rss_mb_max);
# 9 ms of CPU per petition filed; a leaf 21 MiB and the hub 150 MiB with 168 wards linked
# (bench/results/topology.json). The limits leave room for what was not measured.
WARD_SERVICE = Size("50m", "160Mi", "1", "320Mi")
GATEWAY = Size("200m", "512Mi", "2", "2Gi")
LEAF = Size("20m", "48Mi", "500m", "256Mi")
HUB = Size("250m", "512Mi", "2", "2Gi")
MIGRATION = Size("50m", "160Mi", "1", "320Mi")


def value(name: str, text: str) -> Manifest:
    return {"name": name, "value": text}


def from_secret(name: str, secret: str, key: str) -> Manifest:
    """An environment variable read from a Secret the manifests never contain."""
    return {"name": name, "valueFrom": {"secretKeyRef": {"name": secret, "key": key}}}


def http_probe(path: str, *, period: int, failures: int, delay: int = 0) -> Manifest:
    probe: Manifest = {
        "httpGet": {"path": path, "port": "http"},
        "periodSeconds": period,
        "timeoutSeconds": 2,
        "failureThreshold": failures,
    }
    if delay:
        probe["initialDelaySeconds"] = delay
    return probe


def tcp_probe(port: str, *, period: int, failures: int) -> Manifest:
    return {
        "tcpSocket": {"port": port},
        "periodSeconds": period,
        "timeoutSeconds": 2,
        "failureThreshold": failures,
    }


def scratch_volume() -> tuple[Manifest, Manifest]:
    """(volume, mount) of the pod's writable scratch folder."""
    return (
        {"name": "scratch", "emptyDir": {"sizeLimit": "256Mi"}},
        {"name": "scratch", "mountPath": SCRATCH},
    )


def uvicorn_command(app: str) -> list[str]:
    """A service's start: the same ASGI app and uvicorn options as ``qcdc run``
    (``forked.uvicorn_args``), listening on the pod's address instead of loopback."""
    return [
        "uvicorn",
        app,
        "--host",
        "0.0.0.0",
        "--port",
        str(HTTP_PORT),
        "--log-level",
        "warning",
        "--timeout-graceful-shutdown",
        "3",
    ]


def service_container(
    name: str, image: str, command: list[str], env: list[Manifest], size: Size
) -> Manifest:
    """An HTTP service: ``/readyz`` says whether it takes writes (database, NATS link), ``/livez``
    only that the process answers, so a database away makes it unready, never restarted."""
    return {
        "name": name,
        "image": image,
        "imagePullPolicy": "IfNotPresent",
        "command": command,
        "env": env,
        "ports": [{"name": "http", "containerPort": HTTP_PORT, "protocol": "TCP"}],
        # A process started alone pays the imports the launcher's fork server saves
        # (docs/performance.md, item 11: 2.6-3.2 s on a loaded core): up to 60 s to start.
        "startupProbe": http_probe("/livez", period=2, failures=30),
        "readinessProbe": http_probe("/readyz", period=5, failures=2),
        "livenessProbe": http_probe("/livez", period=10, failures=3),
        "resources": size.resources(),
        "securityContext": container_security(),
        "volumeMounts": [scratch_volume()[1]],
    }


def pod_spec(containers: list[Manifest], volumes: list[Manifest], **more: Any) -> Manifest:
    return {
        # No pod of the platform talks to the Kubernetes API.
        "automountServiceAccountToken": False,
        "enableServiceLinks": False,  # no Service-named variables beside QCDC_*
        "securityContext": pod_security(),
        **more,
        "containers": containers,
        "volumes": [scratch_volume()[0], *volumes],
    }


def service(
    name: str, namespace: str, label_set: dict[str, str], ports: list[Manifest]
) -> Manifest:
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": metadata(name, namespace, label_set),
        "spec": {"selector": selector(label_set["app.kubernetes.io/name"]), "ports": ports},
    }


def port(name: str, number: int) -> Manifest:
    return {"name": name, "port": number, "targetPort": name, "protocol": "TCP"}
