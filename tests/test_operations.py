"""Operations: Prometheus metrics at /metrics and JSON request logs that never hold what a person typed."""

from __future__ import annotations

import json
import logging

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

QUESTION = "My manager touched me at the retreat, what can I do? zebra-7431"


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def test_metrics_count_requests_by_route_answers_by_state_and_the_library(corpus_kb, caplog) -> None:
    from app.web import create_app

    with TestClient(create_app(corpus_kb.settings, corpus_kb), base_url="http://127.0.0.1") as client, \
            caplog.at_level(logging.INFO, logger="kb.request"):
        assert client.post("/api/ask", json={"question": QUESTION}).status_code == 200
        assert client.post("/api/ask", json={"question": "What is the capital of Peru?"}).status_code == 200
        assert client.get("/api/documents/no-such-doc/file").status_code == 404
        response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    found = samples(response.text)
    assert found[("kb_http_requests_total", (("method", "POST"), ("route", "/api/ask"), ("status", "200")))] == 2
    assert found[("kb_http_requests_total",
                  (("method", "GET"), ("route", "/api/documents/{doc_key}/file"), ("status", "404")))] == 1
    assert found[("kb_http_request_seconds_count", (("method", "POST"), ("route", "/api/ask")))] == 2
    assert found[("kb_answers_total", (("kind", "disclosure"), ("state", "answered")))] == 1
    assert found[("kb_answers_total", (("kind", "question"), ("state", "not_covered")))] == 1
    assert found[("kb_index_documents", ())] == len(corpus_kb.documents()) >= 1
    assert found[("kb_index_chunks", ())] > 0

    records = [r for r in caplog.records if r.name == "kb.request"]
    assert {(r.method, r.route, r.status) for r in records} >= {("POST", "/api/ask", 200)}  # type: ignore[attr-defined]
    assert all(isinstance(r.duration_ms, float) for r in records)  # type: ignore[attr-defined]
    assert "zebra-7431" not in caplog.text and "no-such-doc" not in caplog.text


def test_json_logs_are_one_object_a_line() -> None:
    from pythonjsonlogger.json import JsonFormatter

    from app.logs import JSON_FIELDS

    record = logging.LogRecord("kb.request", logging.INFO, __file__, 1, "request", None, None)
    record.__dict__.update(method="POST", route="/api/ask", status=200, duration_ms=12.5)
    line = JsonFormatter(JSON_FIELDS).format(record)
    assert "\n" not in line
    wanted = {"message": "request", "route": "/api/ask", "status": 200, "duration_ms": 12.5}
    assert json.loads(line).items() >= wanted.items()
