"""The composition root: `create_app(settings)` builds the service objects once and mounts API + UI."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse

from ingest.settings import Settings
from service.api import documents, feedback, routes
from service.api.errors import install_error_handlers
from service.api.limits import RequestLimits, body_rules
from service.knowledge_base import VERSION, KnowledgeBase

log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cache-Control": "no-store",
}


def create_app(settings: Settings, kb: KnowledgeBase | None = None) -> FastAPI:
    """The FastAPI app on one KnowledgeBase (opened here unless given); the Gradio UI at /ui."""
    owned = kb is None
    kb = kb or KnowledgeBase.open(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:  # a KnowledgeBase handed in belongs to the caller
            kb.close()

    app = FastAPI(title="Harassment guidance knowledge base", version=VERSION, lifespan=lifespan,
                  description="Search and cited answers over guidance on preventing and addressing sexual harassment.")
    app.state.kb = kb
    install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(documents.router)
    app.include_router(feedback.router)
    add_middleware(app, settings)
    mount_ui(app, kb)
    return app


def add_middleware(app: FastAPI, settings: Settings) -> None:
    app.add_middleware(RequestLimits, rules=body_rules(settings.max_file_mb))  # innermost: CORS wraps its 413/415
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["Content-Type", "X-API-Key", "Authorization"])

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def mount_ui(app: FastAPI, kb: KnowledgeBase) -> None:
    if not kb.settings.ui:
        return
    from ui.app import mount  # the UI layer sits above the service; the composition root may reach it

    mount(app, kb)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui/")
