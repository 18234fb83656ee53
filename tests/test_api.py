"""The HTTP API over a live server on a real index of the bundled corpus (real model, real Qdrant Edge)."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from service.answering.verify import markers

KEYNOTE_Q = "What did the keynote speaker say about leadership?"
OFF_TOPIC = "How long should I boil an egg for a soft yolk?"
DISCLOSURE = "My supervisor keeps touching my shoulder and making comments about my body. What can I do?"


@pytest.fixture(scope="module")
def client(live_api):
    with httpx.Client(base_url=live_api.url, timeout=60, trust_env=False) as c:
        yield c


def test_health_counts_documents_and_chunks(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["documents"] == 1 and body["chunks"] >= 10 and body["version"]


def test_search_returns_ranked_passages_with_citation_fields(client):
    body = client.post("/api/search", json={"query": "ClearCheck database to stop rehiring perpetrators", "top_k": 3}).json()
    results = body["results"]
    assert 1 <= len(results) <= 3
    assert {"id", "doc_key", "title", "doc_type", "page_start", "page_end", "section", "paragraph", "text", "score"} <= set(results[0])
    assert "ClearCheck" in results[0]["text"]
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_search_filters_by_document_type(client):
    none = client.post("/api/search", json={"query": "leadership", "filters": {"doc_type": ["policy"]}}).json()
    some = client.post("/api/search", json={"query": "leadership", "filters": {"doc_type": ["dialogue summary"]}}).json()
    assert none["results"] == [] and some["results"]


def test_ask_cites_every_sentence_with_verbatim_quotes(client):
    body = client.post("/api/ask", json={"question": KEYNOTE_Q}).json()
    assert body["abstained"] is False and body["citations"]
    numbers = {c["n"] for c in body["citations"]}
    assert set(markers(body["answer"])) == numbers
    for citation in body["citations"]:
        assert citation["quote"] in citation["passage"]["text"]
    sentences = [s for s in re.split(r"(?<=\d\])\s+", body["answer"]) if s]
    assert all(re.search(r"\[\d+\]$", s) for s in sentences)
    assert any(c["passage"]["section"] == "Keynote" for c in body["citations"])


def test_ask_abstains_off_topic_with_suggestions_not_citations(client):
    body = client.post("/api/ask", json={"question": OFF_TOPIC}).json()
    assert body["abstained"] is True and body["citations"] == []
    assert "do not cover" in body["answer"] and body["suggestions"]


def test_ask_disclosure_opens_calmly_and_puts_support_first(client):
    body = client.post("/api/ask", json={"question": DISCLOSURE}).json()
    assert body["disclosure"] is True and body["answer"].startswith(body["preface"])
    assert body["citations"] and body["contacts"]
    assert not body["abstained"]


def test_ask_streams_sentences_then_citations(client):
    with client.stream("POST", "/api/ask", json={"question": KEYNOTE_Q, "stream": True}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [line[7:] for line in response.iter_lines() if line.startswith("event: ")]
    assert events[0] == "sentence" and events[-2:] == ["citations", "done"]


def test_validation_errors_name_the_field(client):
    response = client.post("/api/search", json={"query": "x", "top_k": 500})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error" and "top_k" in response.json()["error"]["message"]
    too_long = client.post("/api/ask", json={"question": "a" * 2001})
    assert too_long.status_code == 422 and "question" in too_long.json()["error"]["message"]


def test_documents_list_and_original_file(client):
    docs = client.get("/api/documents").json()["documents"]
    key = docs[0]["doc_key"]
    assert key == "dialogue-2021-10-28" and docs[0]["doc_type"] == "dialogue summary" and docs[0]["chunks"] >= 10
    original = client.get(f"/api/documents/{key}/file")
    assert original.status_code == 200 and "Keynote" in original.text


def test_unknown_document_is_a_json_404(client):
    response = client.get("/api/documents/nope/file")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_security_headers_and_openapi(client):
    response = client.get("/api/health")
    assert response.headers["x-content-type-options"] == "nosniff"
    schema = client.get("/openapi.json").json()
    assert {"/api/search", "/api/ask", "/api/documents", "/api/health"} <= set(schema["paths"])
    page = client.get("/docs")
    assert page.status_code == 200 and "cdn" not in page.text.lower()  # no network at run time
    for asset in re.findall(r'(?:src|href)="(/docs-assets/[^"]+)"', page.text):
        assert client.get(asset).status_code == 200, asset
    assert len(re.findall(r'/docs-assets/', page.text)) >= 2


def test_sse_payload_is_json(client):
    with client.stream("POST", "/api/ask", json={"question": KEYNOTE_Q, "stream": True}) as response:
        data = [json.loads(line[6:]) for line in response.iter_lines() if line.startswith("data: ")]
    assert data[-1]["answer"] and data[-2]["citations"]


def test_a_markdown_document_opens_rendered_with_its_headings_as_anchors(client):
    found = client.post("/api/search", json={"query": "ClearCheck", "top_k": 1}).json()["results"][0]
    view = client.get(f"/api/documents/{found['doc_key']}/view")
    assert view.status_code == 200 and view.headers["content-type"].startswith("text/html")
    from service.reading import section_anchor

    assert found["section"] and f'id="{section_anchor(found["section"])}"' in view.text
    assert "<script" not in view.text.lower()
    assert client.get("/api/documents/nope/view").status_code == 404
