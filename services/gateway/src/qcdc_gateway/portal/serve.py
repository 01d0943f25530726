"""The ward-local portal's ASGI app as ``uvicorn`` takes it (``module:app``): the portal of
``QCDC_WARD``, built from the ``QCDC_*`` settings (entry point ``qcdc.ward_local``, one per ward
in ``qcdc run --topology hub-leaf``). Imported only by the process that serves it."""

from __future__ import annotations

from qcdc_gateway.portal.local import from_environment

app = from_environment()
