"""Shared dependencies of the routers: the KnowledgeBase and the admin-key check."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import Headers

from service.knowledge_base import KnowledgeBase
from service.library import check_writer


async def get_kb(request: Request) -> KnowledgeBase:
    """Async so FastAPI calls it on the event loop: a sync dependency costs a thread-pool hop per request."""
    kb: KnowledgeBase = request.app.state.kb
    return kb


KB = Annotated[KnowledgeBase, Depends(get_kb)]


def presented_key(headers: Headers) -> str:
    """The admin key a request carries: ``Authorization: Bearer ...`` or ``X-API-Key``."""
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return headers.get("x-api-key", "")


def require_admin(request: Request, kb: KB) -> None:
    """Write endpoints: the library's rule (writes on, the admin key when one is set), before the body is read."""
    check_writer(kb.settings, presented_key(request.headers))
