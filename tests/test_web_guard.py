"""The web surface's guard, on a live app with the UI mounted: host allow-list, cross-site writes, Gradio's
upload route behind the library rule, bounded UI bodies, rate limits, and the security headers everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import LiveServer, make_settings

KEY = "correct horse battery staple 7741"
NOTE = b"# Guard note\n\nA note on reporting channels.\n"


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[Any]:
    """``serve(**settings)`` -> (client on a live app with the UI, its KnowledgeBase)."""
    from app.web import create_app
    from service.knowledge_base import KnowledgeBase

    opened: list[tuple[Any, LiveServer, httpx.Client]] = []

    def start(**overrides: Any) -> tuple[httpx.Client, Any]:
        settings = make_settings(tmp_path_factory.mktemp("guard"), **overrides)
        kb = KnowledgeBase.open(settings, embedder)
        live = LiveServer(create_app(settings, kb)).__enter__()
        client = httpx.Client(base_url=live.url, timeout=120, trust_env=False)
        opened.append((kb, live, client))
        return client, kb

    yield start
    for kb, live, client in opened:
        client.close()
        live.__exit__(None, None, None)
        kb.close()


@pytest.fixture(scope="module")
def open_app(serve) -> tuple[httpx.Client, Any]:
    return serve()  # the keyless loopback default of `make run`


def gradio_upload(client: httpx.Client, headers: dict[str, str] | None = None) -> httpx.Response:
    return client.post("/ui/gradio_api/upload", files={"files": ("x.txt", b"x" * 1024)}, headers=headers or {})


def test_a_request_for_another_host_name_is_refused(open_app):
    client, _ = open_app
    for path in ("/api/health", "/ui/", "/api/documents"):
        response = client.get(path, headers={"Host": "rebind.evil.example"})
        assert response.status_code == 400 and response.json()["error"]["code"] == "host_not_allowed", path
    assert client.get("/api/health", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/api/health").status_code == 200


@pytest.mark.parametrize("headers", [{"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"},
                                     {"Origin": "null"}], ids=["origin", "fetch-metadata", "null-origin"])
def test_a_cross_site_write_is_refused_and_changes_nothing(open_app, headers):
    client, kb = open_app
    before = len(kb.documents())
    response = client.post("/api/documents", files={"file": ("planted.md", NOTE)}, headers=headers)
    assert response.status_code == 403 and response.json()["error"]["code"] == "cross_site"
    assert client.delete("/api/documents/anything", headers=headers).status_code == 403
    assert client.post("/api/feedback", json={"rating": "up"}, headers=headers).status_code == 403
    assert gradio_upload(client, headers).status_code == 403
    assert len(kb.documents()) == before


def test_a_same_origin_write_from_the_page_goes_through(open_app):
    client, _ = open_app
    own = str(client.base_url).rstrip("/")
    response = client.post("/api/documents", files={"file": ("own-note.md", NOTE)},
                           headers={"Origin": own, "Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 200 and response.json()["status"] == "added", response.text


def test_gradio_upload_follows_the_library_rule(serve, open_app):
    client, _ = open_app
    assert gradio_upload(client).status_code == 200  # keyless loopback: the local user may add documents
    keyed, _ = serve(api_key=KEY)
    assert gradio_upload(keyed).status_code == 401
    assert gradio_upload(keyed, {"X-API-Key": "wrong"}).status_code == 401
    assert gradio_upload(keyed, {"X-API-Key": KEY}).status_code == 200
    read_only, _ = serve(disable_writes=True)
    assert gradio_upload(read_only, {"X-API-Key": KEY}).status_code == 403


def test_ui_bodies_are_bounded_and_unused_gradio_writes_refused(open_app):
    client, _ = open_app
    big = b'{"data": ["' + b"x" * (2 * 1024 * 1024) + b'"]}'
    declared = client.post("/ui/gradio_api/queue/join", content=big, headers={"Content-Type": "application/json"})
    assert declared.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
        for _ in range(64):
            yield b"x" * 32 * 1024

    streamed = client.post("/ui/gradio_api/queue/join", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413
    assert client.post("/ui/gradio_api/process_recording", json={}).status_code == 404
    assert client.post("/ui/gradio_api/component_server", json={}).status_code == 404


def test_feedback_is_rate_limited_per_client(serve):
    client, kb = serve(feedback_rate="3/minute")
    codes = [client.post("/api/feedback", json={"rating": "up", "answer_excerpt": "x" * 4000}).status_code
             for _ in range(5)]
    assert codes == [201, 201, 201, 429, 429]
    from service.feedback import FeedbackStore

    assert len(FeedbackStore(kb.settings.index_dir / "feedback.sqlite3").entries()) == 3


def test_library_writes_are_rate_limited_except_for_the_admin(serve):
    client, _ = serve(write_rate="2/minute")
    codes = [client.post("/api/documents", files={"file": (f"n{i}.md", NOTE)}).status_code for i in range(3)]
    assert codes == [200, 200, 429]
    keyed, _ = serve(write_rate="1/minute", api_key=KEY)
    codes = [keyed.post("/api/documents", files={"file": (f"k{i}.md", NOTE)}, headers={"X-API-Key": KEY}).status_code
             for i in range(3)]
    assert codes == [200, 200, 200]


def test_every_route_carries_a_content_security_policy(open_app):
    client, _ = open_app
    for path in ("/api/health", "/ui/", "/docs", "/api/nowhere"):
        policy = client.get(path).headers.get("content-security-policy", "")
        assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy, path


def test_a_half_sent_body_is_given_up_on(serve):
    import socket
    from urllib.parse import urlsplit

    client, _ = serve(body_timeout_s=1.0)
    where = urlsplit(str(client.base_url))
    with socket.create_connection((where.hostname, where.port), timeout=30) as raw:
        raw.sendall(f"POST /api/search HTTP/1.1\r\nHost: {where.netloc}\r\nContent-Type: application/json\r\n"
                    "Content-Length: 200\r\n\r\n{\"query\": \"harass".encode())
        reply = b""
        while b"body_timeout" not in reply and (chunk := raw.recv(4096)):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 408") and b"body_timeout" in reply


@pytest.mark.parametrize("body", [{"query": "leadership", "top_k": True}, {"query": "leadership", "top_k": "5"},
                                  {"query": "leadership", "top_k": 5.5}])
def test_a_top_k_that_is_not_an_integer_is_refused_not_coerced(open_app, body):
    client, _ = open_app
    response = client.post("/api/search", json=body)
    assert response.status_code == 422 and "top_k" in response.json()["error"]["message"]


def test_stream_must_be_a_boolean(open_app):
    client, _ = open_app
    response = client.post("/api/ask", json={"question": "What is ClearCheck?", "stream": "yes"})
    assert response.status_code == 422 and "stream" in response.json()["error"]["message"]


def text_pdf(with_script: bool) -> bytes:
    import io

    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, "Reporting channels: the ethics office receives reports of harassment in confidence.")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(bytes(pdf.output()))))
    if with_script:
        action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                   NameObject("/JS"): TextStringObject("app.alert('hi');")})
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_carrying_javascript_is_served_for_download_never_inline(open_app):
    client, _ = open_app
    for name, scripted in (("plain-channels.pdf", False), ("scripted-channels.pdf", True)):
        added = client.post("/api/documents", files={"file": (name, text_pdf(scripted))})
        assert added.status_code == 200 and added.json()["status"] == "added", added.text
        served = client.get(f"/api/documents/{added.json()['doc_key']}/file")
        assert served.status_code == 200 and served.headers["content-type"] == "application/pdf"
        disposition = served.headers["content-disposition"]
        assert disposition.startswith("attachment" if scripted else "inline"), (name, disposition)


def test_an_anonymous_ui_event_that_fails_writes_one_line_not_its_input_to_the_log(open_app, capfd, caplog):
    client, _ = open_app
    marker = "INJECTED-LOG-LINE-7741"
    joined = client.post("/ui/gradio_api/queue/join", json={"data": [marker], "fn_index": 0, "session_hash": "probe"})
    assert joined.status_code == 200
    with client.stream("GET", "/ui/gradio_api/queue/data", params={"session_hash": "probe"}) as events:
        for line in events.iter_lines():
            if "process_completed" in line:
                break
    out, err = capfd.readouterr()
    logged = out + err + caplog.text
    assert marker not in logged and "Traceback" not in logged
    assert "a UI event failed" in caplog.text


def test_a_connection_that_trickles_its_headers_is_closed_at_the_deadline(open_app):
    """Slowloris: `kb serve` runs uvicorn with app.protocol's deadline for the first request head."""
    import socket
    import time

    from app.protocol import header_deadline
    from tests.conftest import LiveServer

    _, kb = open_app
    from app.web import create_app

    with LiveServer(create_app(kb.settings, kb), http=header_deadline(1.0)) as live:
        with socket.create_connection(("127.0.0.1", live.port), timeout=30) as raw:
            started = time.monotonic()
            raw.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never ends its head
            assert raw.recv(4096) == b""  # closed by the server
            assert time.monotonic() - started < 10
        assert httpx.get(f"{live.url}/api/health", trust_env=False, timeout=30).status_code == 200
