"""Operations: Prometheus metrics at ``/metrics`` and one structured log record per request.

Each app has its own ``CollectorRegistry`` (replicas tested in one process must not share counters). Labels are
route templates (``/api/documents/{doc_key}``), never raw paths, so a document key or a typo cannot grow the
series; request logs carry method, route, status and duration, never a query, a body or question text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator

from fastapi import FastAPI
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ingest.pipeline import FileOutcome
from service.knowledge_base import KnowledgeBase
from service.models import Answer

request_log = logging.getLogger("kb.request")
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class LibrarySize(Collector):
    """Index size as this replica sees the library (its last loaded copy: no call to the index per scrape)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def collect(self) -> Iterator[GaugeMetricFamily]:
        records = list(self.kb.manifest.documents.values())
        yield GaugeMetricFamily("kb_index_documents", "Documents in the library", value=len(records))
        yield GaugeMetricFamily("kb_index_chunks", "Chunks (passages) in the library",
                                value=sum(len(r.chunk_ids) for r in records))
        yield GaugeMetricFamily("kb_index_failures", "Files whose last ingestion failed",
                                value=len(self.kb.manifest.failures))


class Metrics:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("kb_http_requests", "HTTP requests by route and status",
                                ["method", "route", "status"], registry=self.registry)
        self.latency = Histogram("kb_http_request_seconds", "HTTP request latency by route", ["method", "route"],
                                 buckets=LATENCY_BUCKETS, registry=self.registry)
        self.answers = Counter("kb_answers", "Answers by state (answered, partial, abstained) and kind",
                               ["state", "kind"], registry=self.registry)
        self.ingested = Counter("kb_ingest_files", "Files ingested by this replica, by outcome "
                                "(added, updated, unchanged, removed, failed, duplicate)", ["status"],
                                registry=self.registry)
        self.registry.register(LibrarySize(kb))

    def answer(self, answer: Answer) -> None:
        kind = "disclosure" if answer.disclosure else "supporter" if answer.supporter else "question"
        self.answers.labels(answer.state, kind).inc()

    def ingest(self, outcomes: Iterable[FileOutcome]) -> None:
        for outcome in outcomes:
            self.ingested.labels(outcome.status).inc()

    def exposition(self) -> Response:
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


def route_of(scope: Scope) -> str:
    """The matched route's template; the UI's many paths are one label, anything unmatched another."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    if isinstance(template, str):
        return template
    path = str(scope.get("path", ""))
    if path.startswith("/ui"):
        return "/ui"
    return "unmatched"


class RequestMetrics:
    """Pure ASGI (no extra task per request): counts, times and logs every HTTP request."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_noting_status)
        finally:
            self.observe(scope, status, time.perf_counter() - start)

    def observe(self, scope: Scope, status: int, seconds: float) -> None:
        method, route = str(scope.get("method", "")), route_of(scope)
        self.metrics.requests.labels(method, route, str(status)).inc()
        self.metrics.latency.labels(method, route).observe(seconds)
        request_log.info("request", extra={"method": method, "route": route, "status": status,
                                           "duration_ms": round(seconds * 1000, 2)})


def install_metrics(app: FastAPI, kb: KnowledgeBase) -> Metrics:
    metrics = Metrics(kb)
    kb.on_answer = metrics.answer
    kb.on_ingest = metrics.ingest
    app.state.metrics = metrics

    @app.get("/metrics", include_in_schema=False)
    def prometheus() -> Response:
        return metrics.exposition()

    return metrics
