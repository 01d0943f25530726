"""``qcdc migrate --service S --ward W``: one database's migrations, once, then exit.

A deployment runs this as a one-shot job per database (a compose service that the ward's
services wait for, a Kubernetes Job) and starts the services with QCDC_MIGRATE_AT_START=false,
so no service process ever alters a schema and two replicas never migrate at once. ``make
run`` and the tests keep migrating at start (the default).

The service is found by its entry point (``qcdc.ward_services`` or ``qcdc.city_services``,
:mod:`qcdc_shared.tooling.plugins`): its app carries its revisions and its settings, so the
database is the one the service itself would open (QCDC_DATABASE_URL with ``{ward}`` and
``{service}``). ``--service gateway`` (a city service) takes no ward: its database is the
city's. Building the app reads the same settings as the service, so the job is given the
service's environment.

Exit status: 0 migrated or already at head, 1 the database unreachable, 2 a wrong argument
or settings the service refuses.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from qcdc_shared.db import infrastructure_metadata
from qcdc_shared.migrations import (
    MigrationsMissing,
    missing_revisions,
    shown,
    unreachable,
    upgrade,
)
from qcdc_shared.settings import Settings, StartRefused
from qcdc_shared.subjects import check_ward
from qcdc_shared.tooling.plugins import CITY_SERVICES, WARD_SERVICES, found

if TYPE_CHECKING:
    from qcdc_shared.service import ServiceDefinition

PROG = "qcdc migrate"


@dataclass
class Outcome:
    url: str
    applied: list[str] = field(default_factory=list)


async def migrate_database(definition: ServiceDefinition, settings: Settings) -> Outcome:
    """Bring the service's database to head (created if missing); says which revisions it
    applied (none: it was at head already). Raises the driver's error when unreachable."""
    outcome = Outcome(settings.database_url_for(service=definition.name))
    await upgrade(
        outcome.url,
        service_versions=definition.migrations,
        target_metadata=[m for m in (infrastructure_metadata, definition.metadata) if m],
        applied=outcome.applied.append,
    )
    missing = await missing_revisions(outcome.url, service_versions=definition.migrations)
    if missing:  # a revision that does not reach head (a broken chain): never say "done"
        raise RuntimeError(f"still missing after the upgrade: {', '.join(missing)}")
    return outcome


def parser() -> argparse.ArgumentParser:
    found_services = sorted({*found(WARD_SERVICES), *found(CITY_SERVICES)})
    root = argparse.ArgumentParser(
        prog=PROG,
        description="Nâng cấp cơ sở dữ liệu của một dịch vụ rồi thoát — migrate one service's "
        "database to head, then exit (a deployment's one-shot job)",
    )
    root.add_argument("--service", required=True, help=", ".join(found_services))
    root.add_argument("--ward", help="ward slug (every service but the city's, e.g. gateway)")
    return root


def _load(service: str, ward: str | None) -> tuple[ServiceDefinition, Settings]:
    """The service's definition and settings, as its entry point's app was built with them."""
    ward_services, city_services = found(WARD_SERVICES), found(CITY_SERVICES)
    if service in ward_services:
        if not ward:
            raise ValueError(
                f"dịch vụ {service} thuộc phường: cần --ward — {service} is a ward's service: "
                "give --ward"
            )
        check_ward(ward)  # it names a database: a stray character must not reach it
        # Before the app is built, which reads the ward from the environment as a service does.
        os.environ["QCDC_WARD"] = ward
        point = ward_services[service]
    elif service in city_services:
        if ward:
            raise ValueError(
                f"{service} là dịch vụ của thành phố, không nhận --ward — {service} is the "
                "city's service: it takes no --ward"
            )
        point = city_services[service]
    else:
        known = ", ".join(sorted({*ward_services, *city_services}))
        raise ValueError(
            f"không có dịch vụ {service!r} (có: {known}) — no service {service!r} is "
            f"installed (found: {known})"
        )
    app = point.load()
    definition: ServiceDefinition = app.state.definition
    settings: Settings = app.state.settings
    if ward:  # the module may have been imported before (in-process callers)
        settings = settings.model_copy(update={"ward": ward})
    return definition, settings


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        definition, settings = _load(args.service, args.ward)
    except ValueError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except StartRefused as refused:
        print(refused, file=sys.stderr)
        return 2
    url = settings.database_url_for(service=definition.name)
    where = f"phường {args.ward} — ward {args.ward}" if args.ward else "thành phố — the city"
    print(f"{PROG}: {definition.name}, {where}: {shown(url)}", flush=True)
    try:
        outcome = asyncio.run(migrate_database(definition, settings))
    except MigrationsMissing as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except (OSError, DBAPIError) as error:
        print(unreachable(url, error).code, file=sys.stderr)
        return 1
    if outcome.applied:
        listed = ", ".join(outcome.applied)
        print(
            f"{PROG}: đã áp dụng {len(outcome.applied)} phiên bản — applied "
            f"{len(outcome.applied)} revision(s): {listed}"
        )
    else:
        print(
            f"{PROG}: đã ở phiên bản mới nhất, không thay đổi gì — already at head, nothing changed"
        )
    return 0
