"""NATS configuration for a city of leaves (DESIGN §1), generated from the ward registry.

One hub (JetStream domain ``city``) and one leaf per ward (JetStream domain = the ward's slug)
whose remote binds the leaf's account to the hub. The boundary between wards is enforced by the
servers, not by the services' good manners:

- on a ward's leaf, the ``services`` user may publish only ``qcdc.<ward>.>`` and
  ``dlq.<ward>.>`` and use its own domain's JetStream API (``$JS.API.>``); it may subscribe only
  to its inboxes. ``$JS.<other domain>.API.>`` and every other ward's subjects are refused;
- on the hub, the leaf connection of ward *w* (user ``leaf-<w>``) may send only the deliveries
  of *w*'s stream to the city stream (``qcdc-source.<w>.>``, the deliver prefix the city stream
  names for *w*) and answers to the hub's JetStream requests; it receives only requests for its
  own domain (``$JS.<w>.API.>``) and flow control. Nothing under ``qcdc.`` crosses a leaf
  connection in either direction, so a leaked leaf credential injects into no other ward;
- on the hub, ``gateway`` publishes only ``qcdc.city.>`` and ``dlq.city.>`` and uses the hub's
  JetStream; ``observer`` (external subscribers) may only read ``QCDC_CITY``.

Passwords are never in these files: each file includes ``secrets/<server>.conf``, which defines
the variables it references (``qcdc deploy nats`` generates missing ones into that git-ignored
folder; a deployment may mount its own). A variable that file leaves out is read from the
server's environment (nats-server's own lookup).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qcdc_shared.registry import Registry
from qcdc_shared.subjects import (
    CITY,
    CITY_EVENTS_STREAM,
    CITY_STREAM,
    DLQ_PREFIX,
    DLQ_STREAM,
    PREFIX,
    source_deliver_prefix,
    ward_stream,
)

HUB_DOMAIN = CITY
ACCOUNT = "QCDC"
SYSTEM_ACCOUNT = "SYS"
HUB = "hub"
SECRETS_DIR = "secrets"
SERVICES_USER = "services"
GATEWAY_USER = "gateway"
OBSERVER_USER = "observer"
ADMIN_USER = "admin"
SYSTEM_USER = "sys"
ROUTE_USER = "route"
ROUTES_VARIABLE = "QCDC_HUB_ROUTES"  # the other hub nodes' routes, with the route password


HUB_NODE_VARIABLE = "$QCDC_HUB_NODE"  # a clustered hub node's own name, from its environment


def leaf_name(ward: str) -> str:
    return f"leaf-{ward}"


def _variable(server: str, user: str) -> str:
    """A password's nats-server variable (and environment variable) name; ``server`` is
    ``hub`` or a ward (``QCDC_WARD_<WARD>_...``: a ward may be called "hub")."""
    scope = "HUB" if server == HUB else "WARD_" + server.upper().replace("-", "_")
    return f"QCDC_{scope}_{user.upper().replace('-', '_')}_PASSWORD"


def leaf_url_variable(ward: str) -> str:
    """The variable holding a leaf's remote URL (with its hub password in it)."""
    return f"QCDC_WARD_{ward.upper().replace('-', '_')}_HUB_URL"


# --- permissions ------------------------------------------------------------------------------


API = "$JS.API"
# The development clock's bucket (qcdc_shared.clock.CLOCK_BUCKET), which every service watches.
CLOCK_STREAM = "KV_qcdc_clock"
# The city's own durable consumers of QCDC_CITY (the gateway's projections and webhooks): no
# observer may bind, acknowledge, change or delete them. A contract test holds the gateway to
# this list.
CITY_CONSUMERS = ("gateway-projections", "gateway-webhooks")


def _reads(stream: str) -> list[str]:
    """Pull consumers on ``stream``: make, look at, fetch from, acknowledge; never delete."""
    return [
        f"{API}.STREAM.INFO.{stream}",
        f"{API}.CONSUMER.CREATE.{stream}",  # one the server names (an ordered consumer)
        f"{API}.CONSUMER.CREATE.{stream}.>",
        f"{API}.CONSUMER.DURABLE.CREATE.{stream}.>",
        f"{API}.CONSUMER.INFO.{stream}.>",
        f"{API}.CONSUMER.MSG.NEXT.{stream}.>",
        f"$JS.ACK.{stream}.>",
    ]


def _own(*streams: str) -> list[str]:
    """Make these streams if they are missing (a service ensures its own at start); never
    update, purge or delete one: the law keeps everything, and a stream's subjects are its
    boundary."""
    return [f"{API}.STREAM.CREATE.{stream}" for stream in streams]


def _watches_the_clock() -> list[str]:
    return [
        *_own(CLOCK_STREAM),
        *_reads(CLOCK_STREAM),
        f"{API}.CONSUMER.DELETE.{CLOCK_STREAM}.>",  # a watcher's own consumer, when it stops
        f"{API}.DIRECT.GET.{CLOCK_STREAM}.>",
        f"{API}.STREAM.MSG.GET.{CLOCK_STREAM}",
        f"$JS.FC.{CLOCK_STREAM}.>",
    ]


def services_permissions(ward: str) -> dict[str, object]:
    """A ward's four services on their leaf: their ward's subjects, their own streams."""
    stream = ward_stream(ward)
    return {
        "publish": {
            "allow": [
                f"{PREFIX}.{ward}.>",
                f"{DLQ_PREFIX}.{ward}.>",
                f"{API}.INFO",
                *_own(stream, DLQ_STREAM),
                f"{API}.STREAM.INFO.{DLQ_STREAM}",
                *_reads(stream),
                *_watches_the_clock(),
            ]
        },
        "subscribe": {"allow": ["_INBOX.>"]},
    }


def leaf_connection_permissions(ward: str) -> dict[str, object]:
    """Seen from the hub: ``publish`` is what the leaf may send in, ``subscribe`` what it
    may receive (requests for its own domain, flow control of its stream's source)."""
    return {
        "publish": {"allow": [f"{source_deliver_prefix(ward)}.>", "$JSC.R.>"]},
        "subscribe": {"allow": [f"$JS.{ward}.API.>", f"$JS.FC.{ward_stream(ward)}.>"]},
    }


def gateway_permissions() -> dict[str, object]:
    """The city's own events, the city stream read and kept attached (``STREAM.UPDATE``: the
    source keeper), nothing of any ward's."""
    return {
        "publish": {
            "allow": [
                f"{PREFIX}.{CITY}.>",
                f"{DLQ_PREFIX}.{CITY}.>",
                f"{API}.INFO",
                *_own(CITY_STREAM, CITY_EVENTS_STREAM),
                f"{API}.STREAM.INFO.{CITY_EVENTS_STREAM}",
                f"{API}.STREAM.UPDATE.{CITY_STREAM}",
                *_reads(CITY_STREAM),
                *_watches_the_clock(),
            ]
        },
        "subscribe": {"allow": ["_INBOX.>"]},
    }


def observer_permissions() -> dict[str, object]:
    """Reads the city stream with consumers of its own; publishes no event, touches no other
    stream and none of the city's own consumers."""
    city_consumers = [
        f"{API}.CONSUMER.{verb}.{CITY_STREAM}.{name}{tail}"
        for name in CITY_CONSUMERS
        for verb in ("CREATE", "DURABLE.CREATE", "INFO", "MSG.NEXT", "DELETE")
        for tail in ("", ".>")
    ] + [f"$JS.ACK.{CITY_STREAM}.{name}.>" for name in CITY_CONSUMERS]
    return {
        "publish": {
            "allow": [
                f"{API}.INFO",
                f"{API}.STREAM.MSG.GET.{CITY_STREAM}",
                f"{API}.DIRECT.GET.{CITY_STREAM}.>",
                f"{API}.CONSUMER.DELETE.{CITY_STREAM}.>",
                *_reads(CITY_STREAM),
            ],
            "deny": city_consumers,
        },
        "subscribe": {"allow": ["_INBOX.>"]},
    }


# --- rendering --------------------------------------------------------------------------------


def _value(value: object) -> str:
    if isinstance(value, str) and value.startswith("$"):
        return value  # a variable reference
    return json.dumps(value, ensure_ascii=False)


def _permissions(perms: dict[str, object], indent: str) -> str:
    lines = []
    for direction, rules in perms.items():
        assert isinstance(rules, dict)
        parts = ", ".join(f"{key}: {_value(subjects)}" for key, subjects in rules.items())
        lines.append(f"{indent}  {direction}: {{ {parts} }}")
    return "{\n" + "\n".join(lines) + f"\n{indent}}}"


def _user(
    user: str,
    password_variable: str,
    perms: dict[str, object] | None,
    indent: str,
    *,
    connection: str = "STANDARD",
) -> str:
    """A user of the account; ``connection`` says how it may connect: a client
    (``STANDARD``) or a leaf node (``LEAFNODE``), never the other, so a leaked leaf password
    is no client login and a client password makes no leaf."""
    text = (
        f"{indent}{{ user: {_value(user)}, password: ${password_variable},\n"
        f"{indent}  allowed_connection_types: {_value([connection])}"
    )
    if perms is None:
        return text + " }"
    return text + f",\n{indent}  permissions: {_permissions(perms, indent + '  ')} }}"


@dataclass(frozen=True)
class Listen:
    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True)
class Layout:
    """Where the servers listen and keep their data; the committed files use a deployment's,
    ``qcdc run --topology hub-leaf`` a loopback layout with free ports."""

    hub_client: Listen = Listen("0.0.0.0", 4222)
    hub_leafnodes: Listen = Listen("0.0.0.0", 7422)
    hub_monitor: int | None = 8222
    hub_address: str = "qcdc-hub:7422"  # how a leaf reaches the hub's leaf-node listener
    leaf_client: dict[str, Listen] = field(default_factory=dict)  # default: 0.0.0.0:4222
    store_root: str = "/data/nats"
    # Every hub node's cluster listener (host:port; a route to itself is ignored): a cluster
    # of three in production. Each node then takes its own name from $QCDC_HUB_NODE.
    hub_routes: tuple[str, ...] = ()
    hub_cluster: Listen = Listen("0.0.0.0", 6222)
    # How often a leaf tries its link to the hub again while the hub is away (the server's
    # default is 1 s too; written down so the drill's figures say what they were made with).
    reconnect_seconds: int = 1

    def leaf_listen(self, ward: str) -> Listen:
        return self.leaf_client.get(ward, Listen("0.0.0.0", 4222))


def _header(name: str) -> str:
    return (
        f"# Generated by `qcdc deploy nats` from the ward registry: do not edit, regenerate.\n"
        f"# Passwords: {SECRETS_DIR}/{name}.conf (git-ignored) or the server's environment.\n"
        f'include "{SECRETS_DIR}/{name}.conf"\n'
    )


def _accounts(users: str, server: str) -> str:
    """The account of the platform's users and the server's own system account (its
    password is this server's: a leaf's secrets open no other server)."""
    return (
        f"accounts {{\n  {ACCOUNT}: {{\n    jetstream: enabled\n"
        f"    users: [\n{users}\n    ]\n  }}\n"
        f"  {SYSTEM_ACCOUNT}: {{ users: [ {{ user: {SYSTEM_USER}, "
        f"password: ${_variable(server, SYSTEM_USER)} }} ] }}\n"
        f"}}\nsystem_account: {SYSTEM_ACCOUNT}\n"
    )


def hub_config(registry: Registry, layout: Layout) -> str:
    indent = "      "
    # Leaf connections authenticate as users of the account (a leafnodes authorization
    # block takes no permissions): their permissions are what crosses each connection.
    users = "\n".join(
        [
            _user(GATEWAY_USER, _variable(HUB, GATEWAY_USER), gateway_permissions(), indent),
            _user(OBSERVER_USER, _variable(HUB, OBSERVER_USER), observer_permissions(), indent),
            _user(ADMIN_USER, _variable(HUB, ADMIN_USER), None, indent),
        ]
        + [
            _user(
                leaf_name(ward.slug),
                _variable(ward.slug, "leaf"),
                leaf_connection_permissions(ward.slug),
                indent,
                connection="LEAFNODE",
            )
            for ward in registry.wards
        ]
    )
    cluster = ""
    if layout.hub_routes:  # routes authenticate: a route bypasses every permission
        cluster = (
            f"cluster {{\n  name: qcdc-hub\n  listen: {_value(str(layout.hub_cluster))}\n"
            f"  authorization {{ user: route, password: ${_variable(HUB, ROUTE_USER)} }}\n"
            f"  routes: ${ROUTES_VARIABLE}\n}}\n"
        )
    monitor = f"http: {_value(f'127.0.0.1:{layout.hub_monitor}')}\n" if layout.hub_monitor else ""
    return (
        _header(HUB)
        + f"server_name: {HUB_NODE_VARIABLE if layout.hub_routes else 'qcdc-hub'}\n"
        + f"listen: {_value(str(layout.hub_client))}\n{monitor}"
        + f"jetstream {{ store_dir: {_value(f'{layout.store_root}/{HUB}')}, "
        + f"domain: {HUB_DOMAIN} }}\n"
        + cluster
        + f"leafnodes {{ listen: {_value(str(layout.hub_leafnodes))} }}\n"
        + _accounts(users, HUB)
    )


def leaf_config(ward: str, layout: Layout) -> str:
    name = leaf_name(ward)
    indent = "      "
    users = "\n".join(
        [
            _user(
                SERVICES_USER, _variable(ward, SERVICES_USER), services_permissions(ward), indent
            ),
            _user(ADMIN_USER, _variable(ward, ADMIN_USER), None, indent),
        ]
    )
    return (
        _header(name)
        + f"server_name: qcdc-{name}\nlisten: {_value(str(layout.leaf_listen(ward)))}\n"
        + f"jetstream {{ store_dir: {_value(f'{layout.store_root}/{name}')}, domain: {ward} }}\n"
        + "leafnodes {\n"
        + f'  reconnect: "{layout.reconnect_seconds}s"\n'
        + f"  remotes: [ {{ url: ${leaf_url_variable(ward)}, account: {ACCOUNT} }} ]\n}}\n"
        + _accounts(users, ward)
    )


# --- secrets ----------------------------------------------------------------------------------


def _new_password() -> str:
    return secrets.token_urlsafe(24)


def _read_passwords(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if ":" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition(":")
            if key.strip().endswith("_PASSWORD"):  # a leaf's hub URL is made from them
                found[key.strip()] = json.loads(value.strip())
    return found


@dataclass
class Secrets:
    """Every password of a city's NATS servers, by variable name. Kept in
    ``<out>/secrets/*.conf`` (mode 0600); missing ones are generated, existing ones kept."""

    values: dict[str, str]

    def password(self, server: str, user: str) -> str:
        return self.values[_variable(server, user)]

    def services(self, ward: str) -> tuple[str, str]:
        return SERVICES_USER, self.password(ward, SERVICES_USER)

    def admin(self, server: str) -> tuple[str, str]:
        """``server``: ``hub`` or a ward slug."""
        return ADMIN_USER, self.password(server, ADMIN_USER)

    def gateway(self) -> tuple[str, str]:
        return GATEWAY_USER, self.password(HUB, GATEWAY_USER)

    def observer(self) -> tuple[str, str]:
        return OBSERVER_USER, self.password(HUB, OBSERVER_USER)

    def system(self, server: str) -> tuple[str, str]:
        """A server's system account (monitoring requests such as ``$SYS.REQ.SERVER.PING``);
        ``server``: ``hub`` or a ward."""
        return SYSTEM_USER, self.password(server, SYSTEM_USER)

    def leaf(self, ward: str) -> tuple[str, str]:
        return leaf_name(ward), self.password(ward, "leaf")


def _hub_variables(wards: Iterable[str]) -> list[str]:
    users = (GATEWAY_USER, OBSERVER_USER, ADMIN_USER, SYSTEM_USER)
    return [_variable(HUB, user) for user in users] + [_variable(w, "leaf") for w in wards]


def _leaf_variables(ward: str) -> list[str]:
    return [_variable(ward, user) for user in (SERVICES_USER, ADMIN_USER, SYSTEM_USER)]


def load_secrets(out: Path, wards: Iterable[str], *, create: bool = True) -> Secrets:
    """What ``out/secrets/`` holds, completed with new passwords for what it lacks (only
    read with ``create=False``: a missing password is then an error)."""
    wards = list(wards)
    values = _read_passwords(out / SECRETS_DIR / f"{HUB}.conf")
    for ward in wards:
        values.update(_read_passwords(out / SECRETS_DIR / f"{leaf_name(ward)}.conf"))
    for name in _hub_variables(wards) + [v for w in wards for v in _leaf_variables(w)]:
        if name not in values and not create:
            raise LookupError(f"{out / SECRETS_DIR}: no {name}")
        values.setdefault(name, _new_password())
    return Secrets(values)


def _write_secret(path: Path, lines: dict[str, object]) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    text = "# Generated by `qcdc deploy nats`: never commit this file.\n" + "".join(
        f"{key}: {json.dumps(value)}\n" for key, value in lines.items()
    )
    partial = path.with_suffix(".tmp")
    partial.touch(mode=0o600)
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def write_nats_configs(
    registry: Registry, out: Path, layout: Layout | None = None, *, hub_scheme: str = "nats-leaf"
) -> Secrets:
    """The hub's and every leaf's configuration into ``out``, their secrets into
    ``out/secrets``; returns the secrets (kept where they existed)."""
    layout = layout or Layout()
    wards = [ward.slug for ward in registry.wards]
    out.mkdir(parents=True, exist_ok=True)
    found = load_secrets(out, wards)
    (out / f"{HUB}.conf").write_text(hub_config(registry, layout), encoding="utf-8")
    hub: dict[str, object] = {name: found.values[name] for name in _hub_variables(wards)}
    if layout.hub_routes:  # a variable the file defines must be used: only when clustered
        route = hub[_variable(HUB, ROUTE_USER)] = found.values.setdefault(
            _variable(HUB, ROUTE_USER), _new_password()
        )
        hub[ROUTES_VARIABLE] = [f"nats-route://{ROUTE_USER}:{route}@{r}" for r in layout.hub_routes]
    _write_secret(out / SECRETS_DIR / f"{HUB}.conf", hub)
    for ward in wards:
        name = leaf_name(ward)
        (out / f"{name}.conf").write_text(leaf_config(ward, layout), encoding="utf-8")
        user, password = found.leaf(ward)
        url = f"{hub_scheme}://{user}:{password}@{layout.hub_address}"
        variables = {v: found.values[v] for v in _leaf_variables(ward)}
        _write_secret(
            out / SECRETS_DIR / f"{name}.conf", {**variables, leaf_url_variable(ward): url}
        )
    return found
