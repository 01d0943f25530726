"""What the plans domain says when it refuses or cannot find something (pure exceptions,
shared by every service so one mapping turns them into problem+json)."""

from __future__ import annotations

from qcdc_shared.refusals import NotFound, NotPermitted, Refused

__all__ = ["NotFound", "NotPermitted", "Refused"]
