"""API limits (length, top_k, body size, media type) and schemathesis fuzzing of the OpenAPI schema.

Everything runs on a throwaway KnowledgeBase (real model, real embedded Qdrant, the bundled corpus)
with an admin key and ``max_file_mb=1``, so the write endpoints can be fuzzed too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from tests.conftest import CORPUS, LiveServer, make_settings

KEY = "limits-admin-key"
ADMIN = {"X-API-Key": KEY}
HEADERS = {"x-content-type-options", "x-frame-options", "referrer-policy", "cache-control"}


@pytest.fixture(scope="module")
def limits_app(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[Any]:
    from app.web import create_app
    from service.knowledge_base import KnowledgeBase

    config = make_settings(tmp_path_factory.mktemp("limits"), ui=False, api_key=KEY, max_file_mb=1.0,
                           allowed_hosts=["testserver"])  # the ASGI test client's host name
    kb = KnowledgeBase.open(config, embedder)
    kb.ingest([CORPUS])
    yield create_app(config, kb)
    kb.close()


@pytest.fixture(scope="module")
def client(limits_app) -> Iterator[httpx.Client]:
    with LiveServer(limits_app) as live, httpx.Client(base_url=live.url, timeout=120, trust_env=False) as c:
        yield c


def error_of(response: httpx.Response, status: int) -> str:
    """The JSON error's message, after checking the status, the error shape and the security headers."""
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/json")
    assert set(response.headers) >= HEADERS
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"} and body["error"]["message"]
    return str(body["error"]["message"])


@pytest.mark.parametrize(("path", "field"), [("/api/search", "query"), ("/api/ask", "question")])
def test_text_over_2000_characters_is_422_naming_the_field(client, path, field):
    assert field in error_of(client.post(path, json={field: "a" * 2001}), 422)
    assert client.post(path, json={field: "harassment " * 181 + "x"}).status_code == 200  # 2,000 exactly
    assert field in error_of(client.post(path, json={field: ""}), 422)


@pytest.mark.parametrize(("path", "body"), [("/api/search", {"query": "reporting", "top_k": 0}),
                                            ("/api/search", {"query": "reporting", "top_k": 51}),
                                            ("/api/search", {"query": "reporting", "top_k": "ten"}),
                                            ("/api/ask", {"question": "reporting?", "top_k": 21}),
                                            ("/api/ask", {"question": "reporting?", "top_k": -1})])
def test_top_k_out_of_bounds_is_422_naming_the_field(client, path, body):
    assert "top_k" in error_of(client.post(path, json=body), 422)


def test_top_k_bounds_themselves_are_accepted(client):
    assert len(client.post("/api/search", json={"query": "dialogue", "top_k": 50}).json()["results"]) >= 1
    assert client.post("/api/search", json={"query": "dialogue", "top_k": 1}).status_code == 200


def test_upload_over_max_file_mb_is_413_with_a_clear_message(client):
    big = b"# Big\n\n" + b"policy text " * 200_000  # 2.3 MB against max_file_mb=1
    message = error_of(client.post("/api/documents", files={"file": ("big.md", big)}, headers=ADMIN), 413)
    assert "1 MB limit" in message


def test_streamed_upload_without_length_is_cut_at_the_limit(client):
    def body() -> Iterator[bytes]:
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="endless.md"\r\n\r\n'
        for _ in range(64):  # 64 MiB announced nowhere
            yield b"x" * 1024 * 1024
        yield b"\r\n--b--\r\n"

    response = client.post("/api/documents", content=body(), headers=ADMIN | {
        "Content-Type": "multipart/form-data; boundary=b"})
    assert "limit" in error_of(response, 413)


def test_an_anonymous_oversized_upload_is_refused_before_it_is_read(client):
    big = b"%PDF-1.7\n" + bytes(8 * 1024 * 1024)
    assert "limit" in error_of(client.post("/api/documents", files={"file": ("x.pdf", big)}), 413)


def test_json_body_over_64_kib_is_413(client):
    body = b'{"query": "reporting", "filters": {"doc_key": ["' + b"k" * 100_000 + b'"]}}'
    assert "KiB" in error_of(client.post("/api/search", content=body, headers={"Content-Type": "application/json"}), 413)


@pytest.mark.parametrize("media", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""])
def test_search_and_ask_need_a_json_body(client, media):
    headers = {"Content-Type": media} if media else {}
    for path, body in (("/api/search", b'{"query": "reporting"}'), ("/api/ask", b'{"question": "reporting?"}')):
        assert "application/json" in error_of(client.post(path, content=body, headers=headers), 415)


@pytest.mark.parametrize("media", ["application/json", "text/plain", "application/octet-stream", ""])
def test_upload_needs_a_multipart_body(client, media):
    headers = ADMIN | ({"Content-Type": media} if media else {})
    message = error_of(client.post("/api/documents", content=b'{"file": "x"}', headers=headers), 415)
    assert "multipart/form-data" in message and "'file'" in message


def test_malformed_json_and_multipart_are_clean_errors(client):
    broken = client.post("/api/search", content=b'{"query": "x"', headers={"Content-Type": "application/json"})
    assert "not valid JSON" in error_of(broken, 422)
    garbage = client.post("/api/documents", content=b"garbage", headers=ADMIN | {
        "Content-Type": "multipart/form-data; boundary=zz"})
    assert error_of(garbage, 400)
    missing = client.post("/api/documents", files={"other": ("a.md", b"# A\n\ntext\n")}, headers=ADMIN)
    assert "file" in error_of(missing, 422)


def test_unknown_paths_and_methods_are_json_errors(client):
    error_of(client.get("/api/nope"), 404)
    error_of(client.put("/api/search", json={"query": "x"}), 405)
    error_of(client.get("/api/documents/no-such-doc/file"), 404)


def test_openapi_declares_the_error_body_for_every_operation(client):
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            declared = {code for code in operation["responses"] if code.startswith(("4", "5"))}
            assert "500" in declared, f"{method.upper()} {path}"
            for code in declared:
                ref = operation["responses"][code]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorBody"), f"{method.upper()} {path} {code}"


# --- schemathesis over the app's own OpenAPI schema ----------------------------------------------------
# (schemathesis' lazy pytest fixture reads a pytest-internal attribute pytest 9 dropped, so each
#  operation is driven here through its Hypothesis strategy.)
FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


# Rules the JSON schema cannot state, so a schema-valid request may rightly get a 4xx: an upload needs a
# supported file extension; feedback needs a rating or the wrong-citation flag.
UNEXPRESSED = {("POST", "/api/documents"), ("POST", "/api/feedback")}


def api_operations() -> list[tuple[str, str]]:
    """(METHOD, path) of every API route, read from the routers (no app needed at collection)."""
    from service.api import documents, feedback, routes

    found = [(method, route.path) for router in (routes.router, documents.router, feedback.router)
             for route in router.routes for method in sorted(getattr(route, "methods", ()))]
    return sorted(set(found))


@pytest.fixture(scope="module")
def api_schema(limits_app):
    return schemathesis.openapi.from_asgi("/openapi.json", limits_app)


def test_the_fuzzed_operations_are_all_the_schema_holds(api_schema):
    in_schema = {(r.ok().method.upper(), r.ok().path) for r in api_schema.get_all_operations()}
    assert in_schema == set(api_operations())


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["positive", "negative"])
@pytest.mark.parametrize(("method", "path"), api_operations(), ids=[f"{m} {p}" for m, p in api_operations()])
def test_fuzzed_requests_get_no_server_error_and_conform_to_the_schema(api_schema, method, path, mode):
    """Writes included (admin key, throwaway index): every response is declared, conforms, and is not a 5xx."""
    operation = api_schema[path][method]
    excluded = [positive_data_acceptance] if (method, path) in UNEXPRESSED else []
    calls: list[int] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @FUZZ
    def fuzz(case: schemathesis.Case) -> None:
        calls.append(case.call_and_validate(headers=ADMIN, excluded_checks=excluded).status_code)

    try:
        fuzz()
    except Unsatisfiable:
        pytest.skip("no input of this operation can be made invalid (no body, no typed parameter)")
    assert calls and all(status < 500 for status in calls)
