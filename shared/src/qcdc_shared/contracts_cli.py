"""``python -m qcdc_shared.contracts_cli [--check]``: regenerate contracts/ from the code.

Each service lists the integration events it publishes in ``qcdc_<svc>.contracts.EVENTS``;
this is the only place that gathers them, so shared code still knows no service's domain.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from qcdc_shared.contracts import (
    ContractError,
    check_contracts,
    contracts_dir,
    write_contracts,
)
from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.subjects import SERVICES


def discover_events(services: Sequence[str] = SERVICES) -> list[type[IntegrationEvent]]:
    """Every service's ``EVENTS`` registry; a service without one publishes nothing yet."""
    events: list[type[IntegrationEvent]] = []
    for service in services:
        name = f"qcdc_{service}.contracts"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            # Only the registry (or its package) being absent is fine; a broken import
            # inside an existing registry must fail loudly, or its events would vanish.
            if error.name in (name, f"qcdc_{service}"):
                continue
            raise
        registry = getattr(module, "EVENTS", None)
        if not isinstance(registry, list):
            raise ContractError(f"{name}.EVENTS must be a list of IntegrationEvent classes")
        for model in registry:
            if not (isinstance(model, type) and issubclass(model, IntegrationEvent)):
                raise ContractError(f"{name}.EVENTS holds {model!r}, not an IntegrationEvent")
            if model.service != service:
                raise ContractError(f"{name} registers {model.type_name()}, not its own event")
            events.append(model)
    return events


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qcdc_shared.contracts_cli")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when contracts/ differs from the code",
    )
    args = parser.parse_args(argv)
    try:
        events = discover_events()
        if args.check:
            problems = check_contracts(events)
            for problem in problems:
                print(problem, file=sys.stderr)
            return 1 if problems else 0
        written = write_contracts(events)
    except ContractError as error:
        print(error, file=sys.stderr)
        return 1
    root = contracts_dir()
    for path in written:
        print(f"wrote {path.relative_to(root.parent) if root.parent in path.parents else path}")
    print(f"{len(events)} event contract(s) up to date in {root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
