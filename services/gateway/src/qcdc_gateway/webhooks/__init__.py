"""Signed webhooks (issue 20, item 1): an admin subscribes an external system's URL to event
types and wards; each matching event of QCDC_CITY is recorded as a delivery in the transaction
that acknowledges it (``consumer``), and the ``dispatcher`` POSTs it as the CloudEvent, signed
per Standard Webhooks, in order per aggregate, retried over a day, pausing the subscription
when a delivery keeps failing. ``domain`` holds the rules (patterns, SSRF, schedule, order)."""

from qcdc_gateway.webhooks.api import router
from qcdc_gateway.webhooks.service import Webhooks

__all__ = ["Webhooks", "router"]
