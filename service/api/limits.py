"""Request size and content-type limits, enforced before a body is read (pure ASGI middleware).

FastAPI reads and parses a request body (a multipart upload is spooled to a temporary file) before
any dependency runs, so without this an anonymous client could stream an unlimited upload, or a JSON
body of any size, before the admin-key check or the size check in the route could refuse it.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.errors import error_response

JSON_BODY_BYTES = 64 * 1024  # a 2,000-character question and its filters fit many times over
MULTIPART_SLACK = 64 * 1024  # boundaries and part headers around the uploaded file


@dataclass(frozen=True)
class BodyRule:
    media_types: tuple[str, ...]
    max_bytes: int
    wrong_type: str  # message for a body of another media type
    too_large: str  # message for a body over max_bytes
    too_large_code: str


class BodyTooLarge(HTTPException):
    """Raised while the body streams in, when it passes the limit (no Content-Length was sent)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(status_code=413, detail=message)
        self.code = code


def body_rules(max_file_mb: float) -> dict[str, BodyRule]:
    json_rule = BodyRule(("application/json",), JSON_BODY_BYTES,
                         "send the request body as JSON, with the header 'Content-Type: application/json'",
                         f"the request body is over {JSON_BODY_BYTES // 1024} KiB", "body_too_large")
    upload = BodyRule(("multipart/form-data",), int(max_file_mb * 1024 * 1024) + MULTIPART_SLACK,
                      "upload the file as multipart/form-data, in a field named 'file'",
                      f"the upload is larger than the {max_file_mb:g} MB limit (max_file_mb)", "file_too_large")
    return {"/api/search": json_rule, "/api/ask": json_rule, "/api/feedback": json_rule, "/api/documents": upload}


class RequestLimits:
    """415 for a body of the wrong media type, 413 for one over its limit; other requests pass untouched."""

    def __init__(self, app: ASGIApp, rules: dict[str, BodyRule]) -> None:
        self.app = app
        self.rules = rules

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rule = self.rules.get(scope.get("path", "")) if scope["type"] == "http" else None
        if rule is None or scope["method"] != "POST":  # other methods get the router's 405
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = refuse(rule, headers)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, counting(receive, rule), send)


def refuse(rule: BodyRule, headers: Headers) -> JSONResponse | None:
    media = headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in rule.media_types and not (media.endswith("+json") and "application/json" in rule.media_types):
        return error_response(415, "unsupported_media_type", rule.wrong_type)
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > rule.max_bytes:
        return error_response(413, rule.too_large_code, rule.too_large)
    return None


def counting(receive: Receive, rule: BodyRule) -> Receive:
    """``receive`` that raises BodyTooLarge once more than ``rule.max_bytes`` have arrived."""
    seen = 0

    async def limited() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > rule.max_bytes:
                raise BodyTooLarge(rule.too_large_code, rule.too_large)
        return message

    return limited
