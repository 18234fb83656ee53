"""The web surface's guard (pure ASGI, outside every route, the UI's included):

* **Host allow-list**: on a loopback bind only the loopback names, the bound address and ``allowed_hosts``
  are answered (400 otherwise), so a DNS-rebound name cannot reach the keyless write endpoints;
* **cross-site writes** refused (403): a POST, PUT, PATCH or DELETE whose ``Sec-Fetch-Site`` says
  cross-site, or whose ``Origin`` is neither this service nor one of ``cors_origins`` (a form POST needs
  no CORS preflight, so CORS alone does not stop it);
* **the UI's writes**: Gradio's upload route follows the library rule (writes on; the admin key, sent by the
  page in ``X-API-Key``, when one is set), and is rate-limited like the API's writes; POST routes of Gradio
  the UI does not use (recording, component server, vibe editing, ...) are refused;
* **bounded UI bodies**: a UI request over ``UI_BODY_BYTES`` (an upload over the file limit) gets 413;
* **no half-sent body held forever**: a body that stalls for ``body_timeout_s`` gets 408.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ingest.errors import KBError
from ingest.settings import Settings
from service.api.deps import presented_key
from service.api.errors import error_response
from service.api.limits import BodyRule, counting
from service.library import check_writer, is_loopback, upload_limit, writes_allowed
from service.rate import RateLimit

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
UI = "/ui/"
UI_UPLOAD = "/ui/gradio_api/upload"
UI_POSTS = frozenset({"/ui/gradio_api/queue/join", "/ui/gradio_api/cancel", "/ui/gradio_api/reset", UI_UPLOAD})
UI_BODY_BYTES = 256 * 1024  # a question (2,000 characters) and Gradio's event envelope fit many times over
UI_UPLOAD_FILES = 20  # files one UI upload may carry, each under the file limit
API_WRITES = ("/api/documents",)


def allowed_hosts(settings: Settings) -> frozenset[str] | None:
    """The host names answered; None: any (a non-loopback bind with no list: the admin key guards writes)."""
    extra = {h.lower().strip("[]") for h in settings.allowed_hosts}
    if "*" in extra:
        return None
    if not is_loopback(settings.host) and not extra:
        return None
    return LOOPBACK_NAMES | extra | {settings.host.lower().strip("[]")}


def host_name(host_header: str) -> str:
    return (urlsplit(f"//{host_header}").hostname or "").lower()


class WebGuard:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.hosts = allowed_hosts(settings)
        self.origins = {o.rstrip("/").lower() for o in settings.cors_origins}
        self.writes = RateLimit(settings.write_rate, "library write")
        upload = upload_limit(settings) * UI_UPLOAD_FILES + 64 * 1024
        self.ui_upload = BodyRule((), upload, "", f"the upload is over {upload // (1024 * 1024)} MiB", "file_too_large")
        self.ui_body = BodyRule((), UI_BODY_BYTES, "", f"the request body is over {UI_BODY_BYTES // 1024} KiB",
                                "body_too_large")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        try:
            refusal = self.refusal(scope, headers)
        except KBError as e:
            refusal = error_response(e.http_status, e.code, e.message)
        if refusal is not None:
            if scope["type"] == "http":
                await refusal(scope, receive, send)
            else:
                await send({"type": "websocket.close", "code": 1008})
            return
        await self.app(scope, self.bounded(scope, headers, receive), send)

    def refusal(self, scope: Scope, headers: Headers) -> Callable[[Scope, Receive, Send], Awaitable[None]] | None:
        if self.hosts is not None and host_name(headers.get("host", "")) not in self.hosts:
            return error_response(400, "host_not_allowed", "this service does not answer to that host name")
        method, path = scope.get("method", "GET"), scope.get("path", "")
        if method in SAFE_METHODS or scope["type"] != "http":
            return None
        if self.cross_site(headers):
            return error_response(403, "cross_site", "writes from another site are refused")
        upload = path.rstrip("/") == UI_UPLOAD
        if path.startswith(UI):
            if path.rstrip("/") not in UI_POSTS:
                return error_response(404, "not_found", "no such route")
            if too_long(headers, self.ui_upload if upload else self.ui_body):
                return error_response(413, "body_too_large", "the request body is over the limit")
        if upload or path.startswith(API_WRITES):
            self.check_write(scope, presented_key(headers), upload)
        return None

    def check_write(self, scope: Scope, key: str, upload: bool) -> None:
        """The library rule on Gradio's upload (the API's routes apply it themselves); the write rate for all but
        the admin."""
        if upload:
            check_writer(self.settings, key)
        if not (self.settings.api_key and writes_allowed(self.settings, key)):
            self.writes.check(client_of(scope))

    def cross_site(self, headers: Headers) -> bool:
        if headers.get("sec-fetch-site", "").lower() == "cross-site":
            return True
        origin = headers.get("origin")
        if origin is None:
            return False  # not a browser, or a same-origin request of a browser that omits it
        origin = origin.rstrip("/").lower()
        own = {f"{scheme}://{headers.get('host', '').lower()}" for scheme in ("http", "https")}
        return origin not in own and origin not in self.origins

    def bounded(self, scope: Scope, headers: Headers, receive: Receive) -> Receive:
        if scope["type"] != "http":
            return receive
        receive = patient(receive, self.settings.body_timeout_s)
        path = scope.get("path", "")
        if not path.startswith(UI):
            return receive
        rule = self.ui_upload if path.rstrip("/") == UI_UPLOAD else self.ui_body
        return counting(receive, rule)


class BodyTimeout(HTTPException):
    def __init__(self, seconds: float) -> None:
        super().__init__(status_code=408, detail=f"the request body stalled for {seconds:g} s; send it again")
        self.code = "body_timeout"


def patient(receive: Receive, seconds: float) -> Receive:
    """``receive`` that gives up (408) when a half-sent body stalls; after the body, waits as long as it takes
    (a streamed answer listens on it for the client's disconnect)."""
    done = False

    async def read() -> Message:
        nonlocal done
        if done:
            return await receive()
        try:
            message = await asyncio.wait_for(receive(), seconds)
        except TimeoutError:
            raise BodyTimeout(seconds) from None
        done = message["type"] != "http.request" or not message.get("more_body", False)
        return message

    return read


def too_long(headers: Headers, rule: BodyRule) -> bool:
    declared = headers.get("content-length", "")
    return declared.isdigit() and int(declared) > rule.max_bytes


def client_of(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"
