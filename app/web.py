"""The composition root: `create_app(settings)` builds the service objects once and mounts API + UI."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ingest.settings import Settings
from service.api import documents, feedback, routes
from service.api.docs import install_docs
from service.api.errors import install_error_handlers
from service.api.guard import WebGuard
from service.api.limits import RequestLimits, body_rules
from service.api.metrics import Metrics, RequestMetrics, install_metrics
from service.api.schemas import error_responses
from service.feedback import FeedbackStore
from service.knowledge_base import VERSION, KnowledgeBase

log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Nothing loads from another origin. Scripts: the API docs page starts Swagger inline; Gradio's page sets its
# config and our citation script inline, and its HTML component builds templates with Function() (unsafe-eval,
# so only under /ui).
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'{eval}; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' blob:; connect-src 'self'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
CSP_UI, CSP_REST = CSP.format(eval=" 'unsafe-eval'"), CSP.format(eval="")


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
                  description="Search and cited answers over guidance on preventing and addressing sexual harassment.",
                  docs_url=None, redoc_url=None)  # /docs with local assets below; ReDoc would need a CDN
    install_docs(app)
    app.state.kb = kb
    app.state.feedback = store = FeedbackStore.for_settings(settings)  # one store for the API and the UI
    install_error_handlers(app, SECURITY_HEADERS | {"Content-Security-Policy": CSP_REST})
    app.include_router(routes.router)
    app.include_router(documents.router)
    app.include_router(feedback.router, responses=error_responses(400, 413, 415, 422))
    metrics = install_metrics(app, kb)
    add_middleware(app, settings, metrics)
    mount_ui(app, kb, store)
    return app


def add_middleware(app: FastAPI, settings: Settings, metrics: Metrics) -> None:
    app.add_middleware(RequestLimits, rules=body_rules(settings.max_file_mb))  # innermost: CORS wraps its 413/415
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["Content-Type", "X-API-Key", "Authorization"])

    app.add_middleware(WebGuard, settings=settings)  # host, cross-site writes, the UI's writes and bodies
    app.add_middleware(SecurityHeaders)  # every response gets the headers, errors included
    app.add_middleware(RequestMetrics, metrics=metrics)  # outermost: every request counted, refused ones too


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every HTTP response.

    Pure ASGI on purpose: ``@app.middleware("http")`` (BaseHTTPMiddleware) runs each request through an
    extra task and memory stream, which cost ~0.3 ms of CPU per request in bench/run.py's profile.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                headers.setdefault("Content-Security-Policy", CSP_UI if scope["path"].startswith("/ui") else CSP_REST)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def mount_ui(app: FastAPI, kb: KnowledgeBase, store: FeedbackStore) -> None:
    if not kb.settings.ui:
        return
    from ui.app import mount  # heavy (Gradio): loaded only when the UI is on

    mount(app, kb, store)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui/")
