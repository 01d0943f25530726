"""Every portal page in one router, so the gateway and the ward-local portal serve the same."""

from __future__ import annotations

from fastapi import APIRouter

from qcdc_gateway.portal import calendar, civic, filing, inspector, officer, oidc, pages, signin

router = APIRouter()
for area in (signin, oidc, pages, calendar, filing, civic, officer, inspector):
    router.include_router(area.router)
