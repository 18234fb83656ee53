"""The one place typed errors become HTTP responses: ``{"error": {"code", "message"}}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ingest.errors import KBError

log = logging.getLogger(__name__)
LOCATIONS = ("body", "query", "path", "header", "cookie")


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for item in exc.errors()[:5]:
        where = list(item.get("loc", ()))
        if where and where[0] in LOCATIONS:  # drop only the location, never a field named like one ('query')
            where = where[1:]
        if item.get("type") == "json_invalid":
            parts.append(f"body: not valid JSON (at character {where[0] if where else 0})")
            continue
        loc = ".".join(str(x) for x in where)
        parts.append(f"{loc or 'body'}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


def install_error_handlers(app: FastAPI, headers: dict[str, str] | None = None) -> None:
    """``headers`` go on the 500 response too, which Starlette sends from outside every middleware."""
    @app.exception_handler(KBError)
    async def kb_error(_: Request, exc: KBError) -> JSONResponse:
        return error_response(exc.http_status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "validation_error", describe_validation(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = getattr(exc, "code", None) or f"http_{exc.status_code}"  # a subclass may name its code
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected server error: %s", type(exc).__name__)
        response = error_response(500, "internal", "Something went wrong on our side; the request was not completed.")
        response.headers.update(headers or {})
        return response
