"""Access: the admin key on write endpoints, `kb serve` refusing unsafe exposure, CORS, security headers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import CORPUS, ROOT, LiveServer, free_port, make_settings

KEY = "correct horse battery staple 7741"
NOTE = b"# Access note\n\nOnly an administrator may add or remove documents from the library.\n"
SECURITY = {"x-content-type-options": "nosniff", "x-frame-options": "SAMEORIGIN", "referrer-policy": "no-referrer",
            "cache-control": "no-store"}


@pytest.fixture(scope="module")
def serve_app(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[Any]:
    """``serve_app(**settings)`` -> base URL of a live app on its own (empty) index."""
    from app.web import create_app
    from service.knowledge_base import KnowledgeBase

    opened: list[tuple[Any, LiveServer]] = []

    def start(**overrides: Any) -> str:
        settings = make_settings(tmp_path_factory.mktemp("access"), ui=False, **overrides)
        kb = KnowledgeBase.open(settings, embedder)
        live = LiveServer(create_app(settings, kb)).__enter__()
        opened.append((kb, live))
        return live.url

    yield start
    for kb, live in opened:
        live.__exit__(None, None, None)
        kb.close()


@pytest.fixture(scope="module")
def keyed(serve_app) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=serve_app(api_key=KEY), timeout=120, trust_env=False) as client:
        yield client


def upload(client: httpx.Client, headers: dict[str, str], name: str = "access-note.md") -> httpx.Response:
    return client.post("/api/documents", files={"file": (name, NOTE + name.encode())}, headers=headers)


WRONG = [{}, {"X-API-Key": "wrong"}, {"X-API-Key": KEY[:-1]}, {"X-API-Key": KEY + "x"}, {"X-API-Key": ""},
         {"Authorization": f"Basic {KEY}"}, {"Authorization": "Bearer"}, {"Authorization": "Bearer wrong"},
         {"Authorization": KEY}, {"X-API-Key": KEY.upper()}]


@pytest.mark.parametrize("headers", WRONG, ids=[str(i) for i in range(len(WRONG))])
def test_writes_without_the_right_key_are_401_and_change_nothing(keyed, headers):
    before = keyed.get("/api/health").json()
    response = upload(keyed, headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    assert keyed.delete("/api/documents/anything", headers=headers).status_code == 401
    assert keyed.get("/api/health").json() == before


@pytest.mark.parametrize("headers", [{"X-API-Key": KEY}, {"Authorization": f"Bearer {KEY}"},
                                     {"Authorization": f"bearer {KEY}"}], ids=["x-api-key", "bearer", "bearer-lower"])
def test_the_right_key_uploads_and_deletes(keyed, headers):
    name = f"note-{abs(hash(str(headers)))}.md"
    added = upload(keyed, headers, name)
    assert added.status_code == 200 and added.json()["status"] == "added", added.text
    key = added.json()["doc_key"]
    assert keyed.delete(f"/api/documents/{key}", headers={"X-API-Key": "nope"}).status_code == 401
    assert keyed.delete(f"/api/documents/{key}", headers=headers).status_code == 200
    assert key not in [d["doc_key"] for d in keyed.get("/api/documents").json()["documents"]]


def test_reads_need_no_key(keyed):
    assert keyed.get("/api/health").status_code == 200
    assert keyed.get("/api/documents").status_code == 200
    assert keyed.post("/api/search", json={"query": "administrator"}).status_code == 200


def test_the_key_is_compared_in_constant_time(monkeypatch):
    """The write rule hands both keys to hmac.compare_digest (no ``==`` that stops at the first difference)."""
    from starlette.requests import Request

    from ingest.errors import Unauthorized
    from service import library
    from service.api import deps

    seen: list[tuple[bytes, bytes]] = []
    real = library.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(library.hmac, "compare_digest", spy)
    kb = type("KB", (), {"settings": make_settings(Path("/nonexistent"), api_key=KEY)})()
    request = Request({"type": "http", "headers": [(b"x-api-key", b"guess")]})
    with pytest.raises(Unauthorized):
        deps.require_admin(request, kb)  # type: ignore[arg-type]
    assert seen == [(b"guess", KEY.encode())]


def test_disabled_writes_are_403_even_with_the_key(serve_app):
    with httpx.Client(base_url=serve_app(api_key=KEY, disable_writes=True), trust_env=False, timeout=60) as client:
        response = upload(client, {"X-API-Key": KEY})
        assert response.status_code == 403 and response.json()["error"]["code"] == "writes_disabled"
        assert client.delete("/api/documents/x", headers={"X-API-Key": KEY}).status_code == 403
        assert client.get("/api/health").status_code == 200


# --- `kb serve` exposure -------------------------------------------------------------------------------
def kb_serve(index: Path, host: str, port: int, **env: str) -> subprocess.Popen[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    base |= {"HF_HUB_OFFLINE": "1", "KB_UI": "false", "KB_CORPUS_DIR": str(CORPUS),
             "KB_CACHE_DIR": str(ROOT / "var" / "cache")}
    command = [sys.executable, "-c", "from app.cli import main; main()", "serve", "--index", str(index),
               "--host", host, "--port", str(port)]
    return subprocess.Popen(command, env=base | env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "10.1.2.3"])
def test_serve_on_a_non_loopback_host_without_a_key_refuses_to_start(tmp_path, host):
    proc = kb_serve(tmp_path / "index", host, free_port())
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert "refusing to serve" in stderr and "KB_API_KEY" in stderr and "KB_DISABLE_WRITES" in stderr
    assert "Traceback" not in stderr


def test_exposure_rules():
    from app.serve_command import check_exposure
    from ingest.errors import UsageError

    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        check_exposure(make_settings(Path("/x"), host=host))
    check_exposure(make_settings(Path("/x"), host="0.0.0.0", api_key=KEY))
    check_exposure(make_settings(Path("/x"), host="0.0.0.0", disable_writes=True))
    with pytest.raises(UsageError):
        check_exposure(make_settings(Path("/x"), host="0.0.0.0", api_key=""))
    with pytest.raises(UsageError, match="shorter than 16"):
        check_exposure(make_settings(Path("/x"), host="0.0.0.0", api_key="letmein"))
    check_exposure(make_settings(Path("/x"), host="127.0.0.1", api_key="letmein"))  # loopback: the owner's choice


@pytest.mark.slow
def test_serve_on_all_interfaces_with_writes_disabled_starts(tmp_path):
    port = free_port()
    proc = kb_serve(tmp_path / "index", "0.0.0.0", port, KB_DISABLE_WRITES="true")
    try:
        deadline, health = time.monotonic() + 240, None
        while time.monotonic() < deadline and proc.poll() is None and health is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2, trust_env=False)
            except httpx.HTTPError:
                time.sleep(0.5)
        assert health is not None and health.status_code == 200, proc.stderr.read() if proc.poll() is not None else ""
        refused = httpx.post(f"http://127.0.0.1:{port}/api/documents", files={"file": ("a.md", NOTE)}, trust_env=False)
        assert refused.status_code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# --- CORS and security headers -------------------------------------------------------------------------
def test_cors_is_off_by_default(keyed):
    response = keyed.get("/api/health", headers={"Origin": "https://x.org"})
    assert "access-control-allow-origin" not in response.headers
    preflight = keyed.options("/api/search", headers={"Origin": "https://x.org", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_only_the_configured_origins(serve_app, monkeypatch):
    from ingest.settings import Settings

    monkeypatch.setenv("KB_CORS_ORIGINS", '["https://x.org"]')
    origins = Settings().cors_origins  # the environment form a deployer writes
    assert origins == ["https://x.org"]
    with httpx.Client(base_url=serve_app(cors_origins=origins), trust_env=False, timeout=60) as client:
        allowed = client.get("/api/health", headers={"Origin": "https://x.org"})
        assert allowed.headers["access-control-allow-origin"] == "https://x.org"
        other = client.get("/api/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        preflight = client.options("/api/search", headers={"Origin": "https://x.org",
                                                           "Access-Control-Request-Method": "POST"})
        assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == "https://x.org"


def test_security_headers_on_every_kind_of_response(keyed):
    responses = [keyed.get("/api/health"), keyed.post("/api/search", json={"query": "notes"}),
                 keyed.get("/api/nope"), upload(keyed, {}), keyed.post("/api/search", content=b"x"),
                 keyed.post("/api/search", json={"query": ""}), keyed.get("/openapi.json"), keyed.get("/docs")]
    for response in responses:
        for name, value in SECURITY.items():
            assert response.headers.get(name) == value, (response.request.url, response.status_code, name)


def test_security_headers_on_an_unexpected_server_error(tmp_path, embedder):
    from app.web import create_app
    from service.knowledge_base import KnowledgeBase

    settings = make_settings(tmp_path, ui=False)
    kb = KnowledgeBase.open(settings, embedder)
    app = create_app(settings, kb)

    def boom() -> None:
        raise RuntimeError("secret detail that must not leak")

    app.add_api_route("/api/boom", boom)
    try:
        with LiveServer(app) as live:
            response = httpx.get(f"{live.url}/api/boom", trust_env=False, timeout=30)
    finally:
        kb.close()
    assert response.status_code == 500 and response.json()["error"]["code"] == "internal"
    assert "secret detail" not in response.text
    for name, value in SECURITY.items():
        assert response.headers.get(name) == value, name
