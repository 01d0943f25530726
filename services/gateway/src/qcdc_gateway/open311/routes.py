"""Open311 GeoReport v2 at ``/open311/v2`` (docs/open311.md): one jurisdiction per ward, its
``jurisdiction_id`` the ward's slug; every resource as ``.json`` or ``.xml``.

Errors are the specification's list, ``[{"code": 404, "description": "vi — en"}]`` (XML:
``<errors><error>``), with the HTTP status of the code, not problem+json: a GeoReport client
reads that list, and each description carries both languages, Vietnamese first.

Reads: a request is read by its tracking code from the ward's petitions service, through the
same public tracking read the portal uses (``reader_of(request).tracked_petition``): it is
there the moment the request is filed (the city's facts arrive later, over NATS, and carry no
tracking code), its deadlines are those the service computed, and the code stays the
capability it is for a resident — whoever holds it reads, nobody can list codes. The gateway
keeps no code (DEN-SECRET's privacy scan holds its database to that), so a list needs the
codes: ``service_request_id=A,B``.

Posting: a client's API key (issued by an admin, clients.py); the request goes to the ward's
``POST /petitions`` with a citizen token minted for this one request (``_intake_token`` says why).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Final
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from qcdc_gateway.open311 import domain
from qcdc_gateway.open311.clients import client_of_key
from qcdc_gateway.open311.domain import Refusal
from qcdc_gateway.open311.rendering import to_xml
from qcdc_gateway.portal.common import reader_of
from qcdc_gateway.portal.pages import CODE, CODE_MAX, normalise
from qcdc_gateway.portal.wards import ServiceUnavailable, TooManyLookups
from qcdc_shared.api.limits import address_of
from qcdc_shared.auth import TokenError, mint_development_token, public
from qcdc_shared.registry import Registry, Ward
from qcdc_shared.runtime import Runtime
from qcdc_shared.settings import Settings

# Not in the gateway's OpenAPI: the GeoReport v2 specification is these routes' contract (its
# error list is not the problem+json every OpenAPI operation here documents), and discovery.json
# is where a GeoReport client looks.
router = APIRouter(prefix="/open311/v2", tags=["open311"], include_in_schema=False)

# Seconds a client waits before posting again when the ward's service is away: nothing was
# filed, and the ward's services restart within this (the launcher's supervision).
RETRY_AFTER: Final = "30"
# How many codes one ``service_request_id=A,B,...`` may name: each is one tracking read, and
# the ward counts reads per client (rate_limit_lookup, 20 a minute by default).
IDS_MAX: Final = 20
# A posted form: GeoReport's fields and a few attributes; a description of the petitions
# service's 20,000 characters, percent-encoded Vietnamese (up to 9 bytes a character).
FORM_MAX_FIELDS: Final = 40
FORM_MAX_BYTES: Final = 256 * 1024
# The minted token's life: it is used once, at once (the ward's POST /petitions).
TOKEN_TTL: Final = dt.timedelta(minutes=2)


def _respond(fmt: str, root: str, document: Any, *, status: int = 200, **headers: str) -> Response:
    if fmt == "xml":
        return Response(
            to_xml(root, document),
            status_code=status,
            media_type="text/xml; charset=utf-8",
            headers=headers,
        )
    return JSONResponse(document, status_code=status, headers=headers)


def refused(fmt: str, refusal: Refusal) -> Response:
    headers = {"Retry-After": refusal.retry_after} if refusal.retry_after else {}
    return _respond(
        fmt if fmt in domain.FORMATS else "json",
        "errors",
        refusal.errors,
        status=refusal.status,
        **headers,
    )


def _format(fmt: str) -> None:
    if fmt not in domain.FORMATS:
        raise Refusal(
            404, "Chỉ có định dạng .json và .xml.", "Only the .json and .xml formats exist."
        )


def _ward(request: Request, jurisdiction: str | None) -> Ward:
    registry: Registry = request.app.state.registry
    if not jurisdiction:
        raise Refusal(
            400,
            "Cần jurisdiction_id: mã phường (xem discovery).",
            "jurisdiction_id is required: the ward's slug (see discovery).",
        )
    found = registry.ward(jurisdiction)
    if found is None:
        raise Refusal(
            404,
            f"Không có phường {jurisdiction[:64]!r}.",
            f"No jurisdiction {jurisdiction[:64]!r}: use a ward slug.",
        )
    return found


def _service(code: str) -> str:
    if code not in domain.SERVICE_CODES:
        raise Refusal(404, "Không có dịch vụ này.", f"No service has the code {code[:64]!r}.")
    return code


@router.get("/discovery.{fmt}", **public(), summary="Open311 discovery")
async def open311_discovery(fmt: str, request: Request) -> Response:
    try:
        _format(fmt)
    except Refusal as refusal:
        return refused(fmt, refusal)
    base = str(request.base_url).rstrip("/")
    document = {
        "changeset": CHANGESET,
        "contact": domain.both(
            "Bộ phận quản trị cổng thành phố", "The city gateway's administrators"
        ),
        "key_service": domain.both(
            "Khóa API do quản trị viên cấp (POST /api/open311/clients).",
            "API keys are issued by an administrator (POST /api/open311/clients).",
        ),
        "endpoints": [
            {
                "specification": domain.SPECIFICATION,
                "url": f"{base}/open311/v2",
                "changeset": CHANGESET,
                "type": "production",
                "formats": [domain.MEDIA_TYPES["xml"], domain.MEDIA_TYPES["json"]],
            }
        ],
    }
    return _respond(fmt, "discovery", document)


# When this endpoint's behaviour last changed (the discovery document's changeset).
CHANGESET: Final = "2026-12-06T00:00:00Z"


@router.get("/services.{fmt}", **public(), summary="Open311 services: the petition kinds")
async def open311_list_services(
    fmt: str, request: Request, jurisdiction_id: str | None = None
) -> Response:
    try:
        _format(fmt)
        _ward(request, jurisdiction_id)
    except Refusal as refusal:
        return refused(fmt, refusal)
    return _respond(fmt, "services", domain.service_list())


@router.get("/services/{service_code}.{fmt}", **public(), summary="Open311 service definition")
async def open311_get_service_definition(
    service_code: str, fmt: str, request: Request, jurisdiction_id: str | None = None
) -> Response:
    try:
        _format(fmt)
        _ward(request, jurisdiction_id)
        code = _service(service_code)
    except Refusal as refusal:
        return refused(fmt, refusal)
    return _respond(fmt, "service_definition", domain.service_definition(code))


async def _tracked(request: Request, ward: Ward, code: str) -> dict[str, Any] | None:
    code = normalise(code)
    if len(code) > CODE_MAX or not CODE.match(code):
        return None  # not a tracking code: never sent on to the ward (``..`` is a path there)
    try:
        tracked = await reader_of(request).tracked_petition(
            ward.slug, code, client=address_of(request)
        )
    except ServiceUnavailable:
        raise Refusal(
            503,
            "Dịch vụ đơn thư của phường tạm thời gián đoạn; vui lòng thử lại sau.",
            "The ward's petitions service is unavailable; please try again later.",
            retry_after=RETRY_AFTER,
        ) from None
    except TooManyLookups as limited:
        raise Refusal(
            429,
            "Tra cứu quá nhiều; vui lòng thử lại sau.",
            "Too many lookups; please try again later.",
            retry_after=limited.retry_after,
        ) from None
    return domain.service_request(tracked, agency=ward.name) if tracked else None


@router.get("/requests.{fmt}", **public(), summary="Open311 service requests")
async def open311_list_requests(fmt: str, request: Request) -> Response:
    """The requests whose codes the caller names (``service_request_id=A,B``). The other
    parameters select nothing here: the specification lets ids override them, and without ids
    there is nothing the gateway may list (a code is its holder's; it keeps none)."""
    query = request.query_params
    try:
        _format(fmt)
        ward = _ward(request, query.get("jurisdiction_id"))
        ids = [c.strip() for c in query.get("service_request_id", "").split(",") if c.strip()]
        if not ids:
            raise Refusal(
                400,
                "Cần service_request_id (các mã theo dõi, cách nhau bởi dấu phẩy): mã theo dõi là"
                " của người giữ nó, cổng không liệt kê đơn của ai.",
                "service_request_id is required (tracking codes, comma-separated): a code is its"
                " holder's, and the gateway lists no one's requests.",
            )
        if len(ids) > IDS_MAX:
            raise Refusal(
                400,
                f"Tối đa {IDS_MAX} mã mỗi lần.",
                f"At most {IDS_MAX} service_request_id at once.",
            )
        found = [read for code in ids if (read := await _tracked(request, ward, code))]
    except Refusal as refusal:
        return refused(fmt, refusal)
    return _respond(fmt, "service_requests", found)


@router.get("/requests/{service_request_id}.{fmt}", **public(), summary="Open311 service request")
async def open311_get_request(service_request_id: str, fmt: str, request: Request) -> Response:
    try:
        _format(fmt)
        ward = _ward(request, request.query_params.get("jurisdiction_id"))
        found = await _tracked(request, ward, service_request_id)
        if found is None:
            raise Refusal(
                404,
                "Không có yêu cầu nào với mã này.",
                "No service request has this service_request_id.",
            )
    except Refusal as refusal:
        return refused(fmt, refusal)
    return _respond(fmt, "service_requests", [found])


@router.post("/requests.{fmt}", **public(), summary="Open311: post a service request")
async def open311_post_request(fmt: str, request: Request) -> Response:
    """Form-encoded as the specification says; the API key authenticates the client app, the
    ward's petitions service decides the rest (its rules, its limits) and seals the person."""
    try:
        _format(fmt)
        form = await _form(request)
        ward = _ward(request, form.get("jurisdiction_id"))
        runtime: Runtime = request.app.state.runtime
        async with runtime.sessionmaker() as session:
            client = await client_of_key(session, form.get("api_key", ""))
        if client is None:
            raise Refusal(
                403,
                "Khóa API (api_key) không hợp lệ hoặc đã bị thu hồi.",
                "The api_key is missing, invalid or revoked.",
            )
        code = _service(form.get("service_code", ""))
        petition = domain.petition_of(code, form)
        token = _intake_token(request, client)
        try:
            reply = await reader_of(request).send(
                ward.slug,
                "petitions",
                "POST",
                "/petitions",
                json=petition,
                token=token,
                client=address_of(request),  # the ward's filing limit counts the client app
            )
        except ServiceUnavailable:
            raise Refusal(
                503,
                "Dịch vụ đơn thư của phường tạm thời gián đoạn; yêu cầu chưa được gửi, vui lòng"
                " gửi lại sau.",
                "The ward's petitions service is unavailable; nothing was filed, please post"
                " again later.",
                retry_after=RETRY_AFTER,
            ) from None
        if reply.status == 401:
            # The ward did not take the gateway's token (keys out of step): not the client's
            # doing, and nothing was filed.
            raise Refusal(
                502,
                "Phường không nhận mã xác thực của cổng; yêu cầu chưa được gửi.",
                "The ward refused the gateway's token; nothing was filed.",
            )
        if not reply.ok:
            # 403 and 429 are the ward's own words (its rules, its filing limit); any other
            # refusal is of what was sent, GeoReport's 400, with the ward's reasons.
            status = reply.status if reply.status in (403, 429) else 400
            raise Refusal(status, reply.message("vi"), reply.message("en"))
        body = reply.body if isinstance(reply.body, dict) else {}
        tracking = body.get("tracking_code")
        if not isinstance(tracking, str) or not tracking:
            raise Refusal(
                502,
                "Phường đã nhận nhưng không trả mã theo dõi.",
                "The ward took the request but returned no tracking code.",
            )
    except Refusal as refusal:
        return refused(fmt, refusal)
    answer = [
        {
            "service_request_id": tracking,
            "service_notice": domain.service_notice(body.get("deadlines") or []),
            "account_id": None,
        }
    ]
    return _respond(fmt, "service_requests", answer, status=201)


async def _form(request: Request) -> dict[str, str]:
    """The posted form (urlencoded, as the specification posts), or a refusal."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    form: dict[str, str] = {}
    if content_type == "application/x-www-form-urlencoded" and len(body) <= FORM_MAX_BYTES:
        try:
            parsed = parse_qs(
                body.decode("utf-8"), keep_blank_values=True, max_num_fields=FORM_MAX_FIELDS
            )
        except (UnicodeDecodeError, ValueError):
            parsed = {}
        form = {key: values[0] for key, values in parsed.items()}
    if not form:
        raise Refusal(
            400,
            "Gửi biểu mẫu application/x-www-form-urlencoded (UTF-8).",
            "Post an application/x-www-form-urlencoded form (UTF-8).",
        )
    return form


def _intake_token(request: Request, client: str) -> str:
    """A citizen token for this one request: the petitions service takes intake online from
    citizens only (officers file paper), and a citizen token can do nothing a resident cannot.
    Its subject is new for each request, so the service's pseudonym for the petitioner is
    this petition's own: two residents using one app are never one petitioner there."""
    settings: Settings = request.app.state.portal_settings
    try:
        return mint_development_token(
            settings,
            role="citizen",
            sub=f"open311:{client}:{uuid.uuid4().hex}",
            ttl=TOKEN_TTL,
        )
    except TokenError:
        # Production verifies only the identity provider's tokens (docs/open311.md).
        raise Refusal(
            503,
            "Gửi yêu cầu qua Open311 chưa được cấu hình ở môi trường này.",
            "Posting through Open311 is not configured here (it needs the identity provider's"
            " service token).",
        ) from None
