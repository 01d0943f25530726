"""``python -m qcdc_shared.tooling.contracts_cli [--check]``: regenerate contracts/ from the code.

Each service lists the integration events it publishes in an ``EVENTS`` list and declares it
as its ``qcdc.contracts`` entry point (``qcdc_shared.tooling.plugins``): this gathers them
without shared naming any service. The AsyncAPI file's ``receive`` operations come from the
durable consumers each installed service declares (``tooling.consumer_contracts``). Each
installed service's OpenAPI goes to ``contracts/openapi/<service>.json`` (``tooling.
openapi_contracts``), refused when it breaks the committed one without a version bump.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from importlib.metadata import EntryPoint

from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.published_contracts import ContractError, contracts_dir
from qcdc_shared.tooling.consumer_contracts import discover_consumers
from qcdc_shared.tooling.contracts import check_contracts, write_contracts
from qcdc_shared.tooling.openapi_contracts import (
    check_openapi,
    refusals,
    service_documents,
    write_openapi,
)
from qcdc_shared.tooling.plugins import CONTRACTS, found


def discover_events(points: Iterable[EntryPoint] | None = None) -> list[type[IntegrationEvent]]:
    """Every installed service's ``EVENTS`` registry (entry points ``qcdc.contracts``, named by
    the service). A registry that does not import fails loudly: its events must not vanish."""
    events: list[type[IntegrationEvent]] = []
    for point in points if points is not None else found(CONTRACTS).values():
        registry = point.load()
        if not isinstance(registry, list):
            raise ContractError(f"{point.value} must be a list of IntegrationEvent classes")
        for model in registry:
            if not (isinstance(model, type) and issubclass(model, IntegrationEvent)):
                raise ContractError(f"{point.value} holds {model!r}, not an IntegrationEvent")
            if model.service != point.name:
                raise ContractError(
                    f"{point.value} registers {model.type_name()}, not an event of {point.name}"
                )
            events.append(model)
    return events


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qcdc_shared.tooling.contracts_cli")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when contracts/ differs from the code",
    )
    args = parser.parse_args(argv)
    try:
        events = discover_events()
        documents = service_documents()
        if args.check:
            problems = check_contracts(events) + check_openapi(documents)
            for problem in problems:
                print(problem, file=sys.stderr)
            return 1 if problems else 0
        if refused := refusals(documents):  # before anything is written
            raise ContractError("refusing to overwrite published OpenAPI:\n" + "\n".join(refused))
        written = write_contracts(events) + write_openapi(documents)
    except ContractError as error:
        print(error, file=sys.stderr)
        return 1
    root = contracts_dir()
    for path in written:
        print(f"wrote {path.relative_to(root.parent) if root.parent in path.parents else path}")
    consumers = len(discover_consumers())
    print(
        f"{len(events)} event contract(s), {consumers} consumer(s), {len(documents)} OpenAPI "
        f"document(s) up to date in {root}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
