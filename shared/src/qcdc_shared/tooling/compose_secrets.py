"""What the compose city reads from files (``qcdc deploy compose``): passwords, keys, the NATS
servers' configuration and secrets, and the registry, in one folder (git-ignored, mode 0700).

Kept where they exist, so regenerating never rotates a key by surprise; what follows from the
registry or from deploy/nats's passwords (the NATS files, each owner's NATS password, the
registry, the database owners) is rewritten every time.

PostgreSQL's superuser is PostgreSQL's alone: each owner (a ward, the gateway) logs in as a role
of its own that owns its databases and nothing else, so a ward's processes reach no other ward's
data (deploy/images/postgres/entrypoint.sh makes them at the first start).
"""

from __future__ import annotations

import base64
import secrets as random
from pathlib import Path

from qcdc_shared.registry import SERVICES_OF_A_WARD, Registry, dump_registry
from qcdc_shared.tooling.nats_config import Layout, write_nats_configs

HUB_HOST = "qcdc-hub"  # nats_config.Layout.hub_address's host: the leaves dial it
GATEWAY = "gateway"
SUPERUSER = "qcdc"
POSTGRES_HOST = "postgres:5432"


def database_name(service: str, ward: str | None) -> str:
    """One database per service and ward; PostgreSQL names take no hyphen unquoted."""
    return f"qcdc_{service}" + (f"_{ward.replace('-', '_')}" if ward else "")


def owner_role(owner: str) -> str:
    return f"qcdc_owner_{owner.replace('-', '_')}"


def _new_key() -> str:
    """A Fernet key (the identity key seals with it); as good for the pseudonym key."""
    return base64.urlsafe_b64encode(random.token_bytes(32)).decode()


def _write(path: Path, text: str) -> None:
    """Readable inside the containers (a bind-mounted file keeps its mode, and their users are
    not this one); the 0700 folder keeps it from this machine's other users."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o644)


def _kept(path: Path, new: str) -> str:
    """The file's secret when there is one (a restarted city keeps its keys), else ``new``."""
    if path.exists():
        return path.read_text(encoding="utf-8")
    _write(path, new)
    return new


def write_secrets(registry: Registry, out: Path, jwt_public_key: str | None) -> None:
    """Every file the compose file names, in ``out``."""
    key = out / "jwt-public-key.pem"
    if jwt_public_key is None and not key.exists():
        raise FileNotFoundError(
            f"{key}: give the city's identity provider's public key (--jwt-public-key FILE) / "
            "cần khoá công khai của hệ thống định danh (--jwt-public-key)"
        )
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    out.chmod(0o700)
    if jwt_public_key is not None:
        _write(key, jwt_public_key)
    nats = write_nats_configs(registry, out / "nats", Layout(hub_address=f"{HUB_HOST}:7422"))
    for conf in (out / "nats" / "secrets").glob("*.conf"):
        conf.chmod(0o644)
    _write(out / "wards.toml", dump_registry(registry))
    _kept(out / "postgres-password", random.token_urlsafe(24))
    _write(
        out / "postgres.env",
        f"POSTGRES_USER={SUPERUSER}\n"
        "POSTGRES_PASSWORD_FILE=/run/secrets/postgres-password\n"
        "POSTGRES_DATABASE_OWNERS_FILE=/run/secrets/database-owners\n",
    )
    owners = [
        (
            ward.slug,
            [database_name(service, ward.slug) for service in SERVICES_OF_A_WARD],
            f"qcdc_{{service}}_{ward.slug.replace('-', '_')}",
            nats.services(ward.slug)[1],
        )
        for ward in registry.wards
    ]
    gateway_database = database_name(GATEWAY, None)
    owners.append((GATEWAY, [gateway_database], gateway_database, nats.gateway()[1]))
    lines = []
    for owner, databases, database_template, nats_password in owners:
        folder, role = out / owner, owner_role(owner)
        password = _kept(folder / "database-password", random.token_urlsafe(24))
        lines.append(f"{role}:{password}:{','.join(databases)}\n")
        _write(
            folder / "database-url",
            f"postgresql+asyncpg://{role}:{password}@{POSTGRES_HOST}/{database_template}",
        )
        _kept(folder / "identity-key", _new_key())
        _kept(folder / "pseudonym-key", _new_key())
        _write(folder / "nats-password", nats_password)
    # Read by PostgreSQL at its first start only: a ward added to a running city needs its
    # role and databases made by hand (deploy/README.md).
    _write(out / "database-owners", "".join(lines))
