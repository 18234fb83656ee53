"""One way to ask the library, in process or over HTTP: ``LocalClient`` wraps a ``KnowledgeBase``,
``RemoteClient`` a running service's ``POST /api/search`` and ``/api/ask``. Both return the same typed
objects, so `kb search`, `kb ask` and `kb eval --url` do not care which one they hold."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

import httpx

from ingest.errors import ServiceUnavailable
from service.models import Answer, Filters, SearchResponse

if TYPE_CHECKING:  # the product loads only when a LocalClient is built
    from service.knowledge_base import KnowledgeBase


class Client(Protocol):
    name: str

    def search(self, query: str, top_k: int = 5, filters: Filters | None = None) -> SearchResponse: ...

    def ask(self, question: str, top_k: int = 5, filters: Filters | None = None) -> Answer: ...

    def close(self) -> None: ...


class LocalClient:
    """The product's own objects; closes the KnowledgeBase only when it opened it."""

    name = "in-process"

    def __init__(self, kb: KnowledgeBase, owned: bool = False) -> None:
        self.kb = kb
        self.owned = owned

    def search(self, query: str, top_k: int = 5, filters: Filters | None = None) -> SearchResponse:
        return self.kb.search_response(query, top_k, filters)

    def ask(self, question: str, top_k: int = 5, filters: Filters | None = None) -> Answer:
        return self.kb.ask(question, top_k, filters)

    def close(self) -> None:
        if self.owned:
            self.kb.close()


class RemoteClient:
    """A running service. A refused connection is a typed ``ServiceUnavailable``, not a traceback."""

    def __init__(self, url: str, api_key: str | None = None, timeout: float = 120.0) -> None:
        headers = {"X-API-Key": api_key} if api_key else {}
        self.name = url
        self.http = httpx.Client(base_url=url, headers=headers, timeout=timeout, trust_env=False)

    def search(self, query: str, top_k: int = 5, filters: Filters | None = None) -> SearchResponse:
        body = {"query": query, "top_k": top_k, "filters": (filters or Filters()).model_dump()}
        return SearchResponse.model_validate(self.post("/api/search", body))

    def ask(self, question: str, top_k: int = 5, filters: Filters | None = None) -> Answer:
        body = {"question": question, "top_k": top_k, "filters": (filters or Filters()).model_dump()}
        return Answer.model_validate(self.post("/api/ask", body))

    def post(self, path: str, body: dict[str, Any]) -> Any:
        try:
            response = self.http.post(path, json=body)
        except httpx.TransportError as e:
            raise ServiceUnavailable(f"the service at {self.name} did not answer ({type(e).__name__})") from None
        response.raise_for_status()
        return response.json()

    def close(self) -> None:
        self.http.close()
