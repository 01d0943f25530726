"""What the gateway's HTML forms share, the city queue's and the ward portal's: reading an
urlencoded form without python-multipart, the same-origin check, and the server-side sessions
whose random id is the only thing a browser's cookie holds."""

from __future__ import annotations

import hashlib
import secrets
import time
from typing import Final
from urllib.parse import parse_qs, urlsplit

from fastapi import Request

# A note or a resolution is at most 5000 characters: percent-encoded Vietnamese is up to nine
# bytes a character, so 64 KiB holds any valid form and refuses a flood.
MAX_FORM_BYTES: Final = 64 * 1024
MAX_FORM_FIELDS: Final = 20


class BadForm(ValueError):
    """Too large, or not UTF-8: no form of these pages."""


def same_origin(request: Request) -> bool:
    """The post came from a page of this host: browsers send Origin on every form post (and
    Referer when a policy strips Origin); neither, or another host, is refused."""
    host = request.headers.get("host", "")
    for header in ("origin", "referer"):
        value = request.headers.get(header)
        if value and value != "null":
            return bool(host) and urlsplit(value).netloc == host
    return False


def from_elsewhere(request: Request) -> bool:
    """The post names another host as its origin. Unlike :func:`same_origin`, a post that
    names none passes: the portal's forms are also for browsers that strip both headers, and
    its CSRF token, not the header, is what they must show."""
    return any(
        value and value != "null" and urlsplit(value).netloc != request.headers.get("host", "")
        for value in (request.headers.get("origin"), request.headers.get("referer"))
    )


async def form_fields(request: Request) -> dict[str, str]:
    """An urlencoded form (python-multipart is not a dependency; these forms need no files)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        return {}
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise BadForm()
    try:
        parsed = parse_qs(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            max_num_fields=MAX_FORM_FIELDS,
        )
    except (UnicodeDecodeError, ValueError) as error:
        raise BadForm() from error
    return {key: values[0] for key, values in parsed.items()}


# A queue session lives a working day at most, on the server as in the cookie (Max-Age), and
# never past its token's expiry (the token is verified again on every request).
SESSION_SECONDS: Final = 8 * 3600


class Sessions:
    """Signed-in queue sessions. The cookie holds a random session id, never the token: a
    copied cookie is not a bearer token for the API, and signing out ends the session on the
    server (the id is forgotten), not only in the browser that deletes its cookie. Kept in the
    process (one gateway per city today; a restart signs everyone out); several gateway
    processes would keep it in a store they share (the gateway's database)."""

    def __init__(self) -> None:
        # sha256 of the session id -> (the token, when the session ends on time.monotonic()).
        self._open: dict[str, tuple[str, float]] = {}

    @staticmethod
    def _key(session_id: str) -> str:
        return hashlib.sha256(session_id.encode()).hexdigest()

    def open(self, token: str) -> str:
        now = time.monotonic()
        self._open = {key: kept for key, kept in self._open.items() if kept[1] > now}
        session_id = secrets.token_urlsafe(32)
        self._open[self._key(session_id)] = (token, now + SESSION_SECONDS)
        return session_id

    def token(self, session_id: str) -> str | None:
        found = self._open.get(self._key(session_id))
        if found is None or found[1] <= time.monotonic():
            return None
        return found[0]

    def close(self, session_id: str) -> None:
        self._open.pop(self._key(session_id), None)


def kept_sessions(request: Request, name: str) -> Sessions:
    """The app's store of sessions called ``name`` (made on first use)."""
    state = request.app.state
    if not hasattr(state, name):
        setattr(state, name, Sessions())
    found: Sessions = getattr(state, name)
    return found
