"""Load on loopback: `kb serve` on a real index, 50 concurrent clients x 15 s x 3 rounds of mixed search and
ask (bench/soak.py, the same code as the full 60 s run): zero errors, memory flat between rounds 2 and 3."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.soak import main as soak_main
from bench.soak import soak, verdict
from tests.conftest import CORPUS, ROOT, free_port, make_settings


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[tuple[str, int]]:
    """(url, pid) of a real `kb serve` subprocess on an index of the bundled corpus."""
    from service.knowledge_base import KnowledgeBase

    settings = make_settings(tmp_path_factory.mktemp("load"))
    kb = KnowledgeBase.open(settings, embedder)
    kb.ingest([CORPUS])
    kb.close()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    env |= {"HF_HUB_OFFLINE": "1", "KB_INDEX_DIR": str(settings.index_dir), "KB_UI": "false"}
    proc = subprocess.Popen([sys.executable, "-c", "from app.cli import main; main()", "serve", "--port", str(port)],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def wait_healthy(url: str, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        try:
            if httpx.get(f"{url}/api/health", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise AssertionError("kb serve did not become healthy")


@pytest.mark.slow
def test_fifty_clients_mixed_search_and_ask_zero_errors_flat_memory(served):
    url, pid = served
    rounds = asyncio.run(soak(url, clients=50, seconds=15, rounds=3, pid=pid))
    passed, growth = verdict(rounds)
    assert all(not r.errors for r in rounds), [r.errors[:3] for r in rounds]
    assert all(r.latencies["search"] and r.latencies["ask"] for r in rounds), "both endpoints were exercised"
    assert growth <= 0.10, f"RSS grew {growth:.1%} between rounds 2 and 3"
    assert passed


def test_the_soak_refuses_non_loopback_targets(capsys):
    assert soak_main(["--url", "http://192.0.2.10:8000", "--seconds", "1"]) == 2
    assert soak_main(["--url", "http://example.org", "--seconds", "1"]) == 2
    assert "only loopback" in capsys.readouterr().err


def test_the_soak_fails_on_errors(tmp_path: Path):
    """A port nobody listens on: every request errors, so the run must not pass."""
    rounds = asyncio.run(soak(f"http://127.0.0.1:{free_port()}", clients=2, seconds=0.5, rounds=2, pid=os.getpid()))
    assert rounds[0].errors and not verdict(rounds)[0]
