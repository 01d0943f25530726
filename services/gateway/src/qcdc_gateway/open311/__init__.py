"""Open311 GeoReport v2 at the city gateway (issue 20 item 2; docs/open311.md): the GeoReport
routes at ``/open311/v2`` and the admin's API keys at ``/api/open311/clients``, one router."""

from fastapi import APIRouter

from qcdc_gateway.open311 import clients, routes

router = APIRouter()
router.include_router(routes.router)
router.include_router(clients.router)
