"""What the ``qcdc`` command and the launcher find in the packages installed beside shared, by
package entry point (``importlib.metadata``): shared depends on no service or tool and names
none of them. A package declares, in its ``pyproject.toml``::

    [project.entry-points."qcdc.ward_services"]   # one process per ward: an ASGI app
    example = "example_package.main:app"
    [project.entry-points."qcdc.city_services"]   # one process for the city
    example = "example_package.main:app"
    [project.entry-points."qcdc.ward_local"]      # hub-leaf: one per ward, `<ward>/<name>`,
    example = "example_package.local:app"         # an ASGI app for QCDC_WARD (the portal)
    [project.entry-points."qcdc.contracts"]       # the integration events it publishes
    example = "example_package.contracts:EVENTS"
    [project.entry-points."qcdc.commands"]        # `qcdc <name> ...`: main(argv) -> int
    example-check = "example_package.check:main"
    [project.entry-points."qcdc.first_start"]     # what a new city gets before it opens
    example = "example_package.first_start:ExampleHook"

The services' and the demo's own ``pyproject.toml`` show the real declarations.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points

WARD_SERVICES = "qcdc.ward_services"
CITY_SERVICES = "qcdc.city_services"
WARD_LOCAL = "qcdc.ward_local"
CONTRACTS = "qcdc.contracts"
COMMANDS = "qcdc.commands"
FIRST_START = "qcdc.first_start"


def found(group: str) -> dict[str, EntryPoint]:
    """The entry points of ``group`` by name (the installed packages' declarations)."""
    return {point.name: point for point in entry_points(group=group)}


def app_path(group: str, service: str) -> str:
    """``module:attribute`` of a service's ASGI app, as uvicorn takes it."""
    point = found(group).get(service)
    if point is None:
        raise LookupError(
            f"no package declares the service {service!r} (entry point group {group}): "
            "is it installed (`uv sync`)?"
        )
    return point.value
