"""Shared dependencies of the routers: the KnowledgeBase and the admin-key check."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from ingest.errors import Unauthorized, WritesDisabled
from service.knowledge_base import KnowledgeBase


async def get_kb(request: Request) -> KnowledgeBase:
    """Async so FastAPI calls it on the event loop: a sync dependency costs a thread-pool hop per request."""
    kb: KnowledgeBase = request.app.state.kb
    return kb


KB = Annotated[KnowledgeBase, Depends(get_kb)]


def presented_key(request: Request) -> str:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-key", "")


def require_admin(request: Request, kb: KB) -> None:
    """Write endpoints: refused when writes are disabled; need the admin key when one is set."""
    settings = kb.settings
    if settings.disable_writes:
        raise WritesDisabled("write endpoints are disabled on this server")
    if settings.api_key and not hmac.compare_digest(presented_key(request).encode(), settings.api_key.encode()):
        raise Unauthorized("this action needs the admin key (header 'X-API-Key' or 'Authorization: Bearer ...')")
