"""The durable consumers the installed services declare, for the AsyncAPI ``receive`` operations.

A service that consumes events has a ``consumers`` module whose ``consumers(runtime, ...)``
returns its ``qcdc_shared.service.Consumer`` list (the same function its ``main`` hands to
``ServiceDefinition``). Its declarations are read here, not copied: the function is called
with a stand-in runtime for a placeholder ward, and the ward is turned back into ``{ward}``.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import EntryPoint
from types import SimpleNamespace
from typing import Any

from qcdc_shared.published_contracts import ContractError
from qcdc_shared.subjects import DLQ_PREFIX, PREFIX, dlq_subject, ward_stream
from qcdc_shared.tooling.plugins import CITY_SERVICES, WARD_SERVICES, found

# A valid slug no real ward is expected to take; only its place in subjects matters.
PLACEHOLDER = "placeholder-ward"
WARD = "{ward}"


@dataclass(frozen=True)
class ConsumerContract:
    service: str
    name: str  # the durable consumer's name
    stream: str  # QCDC_{WARD} for a ward's own stream
    subject: str  # filter subject, qcdc.{ward}.... for a ward's consumer
    dead_letter_subject: str  # dlq.{ward}.<name>
    batch_size: int = 1

    def receives(self, contract_name: str, *, city_level: bool) -> bool:
        """Whether an event of ``contract_name`` reaches this consumer: its stream holds it
        (the city's own events are only in QCDC_CITY_EVENTS) and the filter matches."""
        from qcdc_shared.streams import CITY_EVENTS_STREAM

        if city_level != (self.stream == CITY_EVENTS_STREAM):
            return False
        ward = "city" if city_level else WARD
        return subject_matches(self.subject, f"{PREFIX}.{ward}.{contract_name}")


def subject_matches(pattern: str, subject: str) -> bool:
    """NATS wildcards: ``*`` one token, ``>`` one or more trailing tokens."""
    want, have = pattern.split("."), subject.split(".")
    for index, token in enumerate(want):
        if token == ">":
            return len(have) > index
        if index >= len(have) or token not in ("*", have[index]):
            return False
    return len(want) == len(have)


def _template(text: str) -> str:
    stream = ward_stream(PLACEHOLDER)
    return (
        text.replace(stream, "QCDC_{WARD}")
        .replace(f"{PREFIX}.{PLACEHOLDER}.", f"{PREFIX}.{WARD}.")
        .replace(f"{DLQ_PREFIX}.{PLACEHOLDER}.", f"{DLQ_PREFIX}.{WARD}.")
    )


def _arguments(function: Any) -> dict[str, Any]:
    """Keyword arguments a ``consumers`` function needs beyond the runtime: what it only
    closes over (rules, the registry's wards, callbacks) is never called here."""
    parameters = list(inspect.signature(function).parameters.values())[1:]
    return {
        p.name: (() if p.name == "wards" else None)
        for p in parameters
        if p.default is inspect.Parameter.empty
    }


def consumers_of(service: str, point: EntryPoint) -> list[ConsumerContract]:
    package = point.value.split(":")[0].split(".")[0]
    try:
        module = importlib.import_module(f"{package}.consumers")
    except ModuleNotFoundError as error:
        if error.name == f"{package}.consumers":
            return []  # consumes nothing
        raise
    function = getattr(module, "consumers", None)
    if not callable(function):
        raise ContractError(f"{package}.consumers has no consumers(runtime, ...) function")
    runtime = SimpleNamespace(ward=PLACEHOLDER, service=service)
    declared = function(runtime, **_arguments(function))
    return [
        ConsumerContract(
            service=service,
            name=spec.name,
            stream=_template(spec.stream),
            subject=_template(spec.subject),
            dead_letter_subject=_template(dlq_subject(ward=PLACEHOLDER, consumer=spec.name)),
            batch_size=spec.batch_size,
        )
        for spec in declared
    ]


def discover_consumers(
    points: Iterable[tuple[str, EntryPoint]] | None = None,
) -> list[ConsumerContract]:
    """Every installed service's durable consumers (ward and city services), by name."""
    if points is None:
        points = [item for group in (WARD_SERVICES, CITY_SERVICES) for item in found(group).items()]
    declared = [c for service, point in points for c in consumers_of(service, point)]
    names = [c.name for c in declared]
    if duplicates := sorted({name for name in names if names.count(name) > 1}):
        raise ContractError(f"durable consumers declared twice: {duplicates}")
    return sorted(declared, key=lambda c: (c.service, c.name))
