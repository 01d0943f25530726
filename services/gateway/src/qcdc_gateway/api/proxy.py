"""Ward routing: ``/api/wards/{ward}/{service}/...`` forwarded to that ward's service, so a
client of the city reaches ward-level pages through one address (DESIGN §1).

The gateway decides nothing here: the caller's bearer token goes along and the ward service
checks it against its own route's access, as if called directly. City monitoring never goes
through this path; it reads the city's own projections.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

import httpx
from fastapi import APIRouter, FastAPI, Path, Request
from fastapi.responses import Response
from opentelemetry.propagate import inject

from qcdc_gateway.api.wards import RegistryDep
from qcdc_gateway.ward_addresses import WardAddresses
from qcdc_shared.api import Problem, not_found
from qcdc_shared.api.limits import address_of
from qcdc_shared.auth import public
from qcdc_shared.registry import SERVICES_OF_A_WARD
from qcdc_shared.service import RuntimeDep

router = APIRouter(prefix="/api", tags=["ward routing"])

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
# Bounded: a hung ward service must not hold the city's connections. Connecting is quick on
# a healthy machine; a slow answer gets longer before the caller is told it timed out.
TIMEOUT = httpx.Timeout(15.0, connect=2.0)
# What the ward service needs of the request; cookies, the caller's own forwarding headers and
# hop-by-hop headers stay at the gateway.
REQUEST_HEADERS = ("authorization", "content-type", "accept", "accept-language")
# Starlette hands the path over decoded; re-encode all but RFC 3986 path characters.
PATH_SAFE = "/:@!$&'()*+,;=-._~"
RESPONSE_HEADERS = (
    "content-type",
    "content-disposition",
    "cache-control",
    "etag",
    "last-modified",
    "location",
    "retry-after",
    "www-authenticate",
)


def client_of(app: FastAPI) -> httpx.AsyncClient:
    """One pooled client per app, made on first use and closed with the app."""
    client: httpx.AsyncClient | None = getattr(app.state, "proxy_client", None)
    if client is None:
        # trust_env=False: a machine-wide HTTP_PROXY must not carry ward traffic elsewhere.
        client = httpx.AsyncClient(timeout=TIMEOUT, trust_env=False, follow_redirects=False)
        app.state.proxy_client = client
    return client


async def close_client(app: FastAPI) -> None:
    client: httpx.AsyncClient | None = getattr(app.state, "proxy_client", None)
    if client is not None:
        app.state.proxy_client = None
        await client.aclose()


def unavailable(ward: str, service: str) -> Problem:
    return Problem.for_status(
        503,
        detail=f"Dịch vụ {service} của phường {ward} hiện không hoạt động; vui lòng thử lại sau.",
        detail_en=f"The {service} service of ward {ward} is not running; try again later.",
        headers={"Retry-After": "5"},
    )


def _timed_out(ward: str, service: str) -> Problem:
    return Problem(
        504,
        "Dịch vụ của phường không trả lời kịp",
        f"Dịch vụ {service} của phường {ward} không trả lời kịp. Nếu là thao tác ghi, hãy kiểm "
        "tra kết quả trước khi gửi lại.",
        "The ward's service did not answer in time",
        f"The {service} service of ward {ward} did not answer in time. A write may or may not "
        "have been applied: check before sending it again.",
        type="urn:qcdc:problem:gateway-timeout",
    )


def _broken(ward: str, service: str) -> Problem:
    return Problem(
        502,
        "Lỗi kết nối tới dịch vụ của phường",
        f"Kết nối tới dịch vụ {service} của phường {ward} bị gián đoạn.",
        "Bad gateway",
        f"The connection to the {service} service of ward {ward} failed mid-request.",
        type="urn:qcdc:problem:bad-gateway",
    )


async def forward(
    ward: Annotated[str, Path(description="Mã phường — ward slug")],
    service: Annotated[str, Path(description=", ".join(SERVICES_OF_A_WARD))],
    path: Annotated[str, Path(description="Đường dẫn ở dịch vụ phường — the ward service's path")],
    request: Request,
    runtime: RuntimeDep,
    registry: RegistryDep,
) -> Response:
    if registry.ward(ward) is None:
        raise not_found(f"Không có phường {ward}.", f"No ward {ward}.")
    if service not in SERVICES_OF_A_WARD:
        raise not_found(
            f"Phường không có dịch vụ {service}.",
            f"A ward has no {service} service (only {', '.join(SERVICES_OF_A_WARD)}).",
        )
    if any(segment in (".", "..") for segment in path.split("/")):
        # A dot segment would climb out of the service's prefix once the URL is resolved.
        raise not_found(f"Không có đường dẫn {path}.", f"No path {path}.")
    # Per request: the launcher rewrites its topology file when a service restarts on a new port.
    base = WardAddresses.of(runtime.settings, registry).get(ward, {}).get(service)
    if not base:
        raise unavailable(ward, service)
    # Appended, never joined: a path such as "//elsewhere" must stay on the ward's host.
    url = f"{base.rstrip('/')}/{quote(path, safe=PATH_SAFE)}"
    if request.url.query:
        url += f"?{request.url.query}"
    headers = {name: value for name in REQUEST_HEADERS if (value := request.headers.get(name))}
    # The caller, not the gateway, is who the ward's rate limits count (qcdc_shared/api/limits).
    headers["x-forwarded-for"] = address_of(request)
    inject(headers)  # traceparent: one trace from the city's request into the ward's
    try:
        reply = await client_of(request.app).request(
            request.method, url, headers=headers, content=await request.body() or None
        )
    except (httpx.ConnectError, httpx.ConnectTimeout):
        raise unavailable(ward, service) from None
    except httpx.TimeoutException:
        raise _timed_out(ward, service) from None
    except httpx.TransportError:
        raise _broken(ward, service) from None
    passed = {name: value for name in RESPONSE_HEADERS if (value := reply.headers.get(name))}
    if passed.get("location", "").startswith("/"):
        passed["location"] = f"/api/wards/{ward}/{service}{passed['location']}"
    return Response(reply.content, status_code=reply.status_code, headers=passed)


# One route per method, so each has its own OpenAPI operation id.
for _method in METHODS:
    router.add_api_route(
        "/wards/{ward}/{service}/{path:path}",
        forward,
        methods=[_method],
        name=f"forward_{_method.lower()}",
        response_class=Response,
        summary="Chuyển tiếp tới dịch vụ của phường — forward to a ward's service",
        description="Gửi nguyên yêu cầu (phương thức, tham số, nội dung, tiêu đề Authorization) "
        "tới dịch vụ của phường; quyền truy cập do tuyến đích của dịch vụ phường quyết định. "
        "— Forwards the request (method, query, body, the caller's Authorization) to the "
        "ward's service, whose own route decides access. 404: unknown ward or service; 503: "
        "the service is not running; 504: it did not answer in time.",
        **public(),
    )
