"""`kb serve` holds the index; `kb ingest`, `kb ask` and `kb search` against it go through its API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import CORPUS, ROOT, free_port

KB = [sys.executable, "-c", "from app.cli import main; main()"]


def kb_env(index: Path) -> dict[str, str]:
    return os.environ | {"KB_INDEX_DIR": str(index), "KB_CORPUS_DIR": str(CORPUS), "KB_UI": "false",
                         "KB_CACHE_DIR": str(ROOT / "var" / "cache"), "HF_HUB_OFFLINE": "1"}


def run_kb(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(KB + args, env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    index = tmp_path_factory.mktemp("served") / "index"
    env = kb_env(index)
    assert run_kb(["ingest", "--json", str(CORPUS)], env).returncode == 0
    port = free_port()
    proc = subprocess.Popen([*KB, "serve", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/health", timeout=2, trust_env=False).status_code == 200:
                break
        except httpx.HTTPError:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.5)
    yield env, url
    proc.terminate()
    proc.wait(timeout=30)


@pytest.mark.slow
def test_ingest_while_serving_goes_through_the_service(served, tmp_path):
    env, url = served
    note = tmp_path / "informal-resolution-note.md"
    note.write_text("# Informal resolution\n\nA facilitated conversation can resolve a concern informally.\n")
    result = run_kb(["ingest", "--json", str(note)], env)
    assert result.returncode == 0, result.stderr
    assert "running service" in result.stderr and "Traceback" not in result.stderr
    summary = json.loads(result.stdout)
    assert summary["documents"]["added"] == 1 and summary["errors"] == []
    keys = [d["doc_key"] for d in httpx.get(f"{url}/api/documents", trust_env=False).json()["documents"]]
    assert "informal-resolution-note" in keys


@pytest.mark.slow
def test_ask_and_search_use_the_running_service(served):
    env, _ = served
    ask = run_kb(["ask", "--json", "What did the keynote speaker say about leadership?"], env)
    assert ask.returncode == 0, ask.stderr
    answer = json.loads(ask.stdout)
    assert answer["citations"] and "leadership" in answer["answer"]
    found = run_kb(["search", "--json", "ClearCheck"], env)
    assert found.returncode == 0 and json.loads(found.stdout)["results"]


@pytest.mark.slow
def test_second_server_on_the_same_index_stops_with_a_clear_message(served):
    env, _ = served
    result = run_kb(["serve", "--port", str(free_port())], env | {"KB_INDEX_DIR": env["KB_INDEX_DIR"]})
    assert result.returncode == 3
    assert "in use" in " ".join(result.stderr.split()) and "Traceback" not in result.stderr


@pytest.mark.slow
def test_sigterm_stops_the_service_and_removes_its_note(tmp_path):
    env = kb_env(tmp_path / "index")
    port = free_port()
    proc = subprocess.Popen([*KB, "serve", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    note = tmp_path / "index" / "service.json"
    deadline = time.monotonic() + 180
    while not note.exists() or not answers(f"http://127.0.0.1:{port}"):
        assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.5)
    proc.terminate()
    assert proc.wait(timeout=60) == 0
    assert not note.exists(), "kb serve left service.json behind after SIGTERM"


@pytest.mark.slow
def test_a_stale_note_is_ignored_with_one_clear_line(tmp_path):
    """A note naming a live pid (ours) that is no service: the command says so and uses the index itself."""
    index = tmp_path / "index"
    index.mkdir()
    (index / "service.json").write_text(json.dumps({"url": f"http://127.0.0.1:{free_port()}", "pid": os.getpid()}))
    result = run_kb(["search", "--json", "ClearCheck"], kb_env(index))
    assert result.returncode == 0, result.stderr
    assert "stale service.json" in " ".join(result.stderr.split()) and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["results"] == []


def answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/api/health", timeout=2, trust_env=False).status_code == 200
    except httpx.HTTPError:
        return False
