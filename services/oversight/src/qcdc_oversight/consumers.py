"""What oversight reads from the ward's stream: the residential groups plans announces, and
every event, for violation detection (OVS-DETECT)."""

from __future__ import annotations

from qcdc_oversight.handlers.detection import detector
from qcdc_oversight.handlers.groups import project_group
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import Consumer
from qcdc_shared.subjects import ward_stream


def consumers(runtime: Runtime, rules: RuleBook) -> list[Consumer]:
    ward = runtime.ward
    return [
        Consumer(
            name="oversight-groups",
            stream=ward_stream(ward),
            subject=f"qcdc.{ward}.plans.group.>",
            handle=project_group,
        ),
        Consumer(
            name="oversight-detector",
            stream=ward_stream(ward),
            subject=f"qcdc.{ward}.>",
            handle=detector(runtime, rules),
        ),
    ]
