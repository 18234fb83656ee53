"""Hostile files (tests/hostile_files.py) through the upload endpoint and through `kb ingest --json`.

Each kind must get a clear per-file outcome (an error naming the file and the reason, or correct
handling), within a time and memory bound, without touching the other documents or the index: a
failed file adds no chunk, and a good document ingested next to it still goes in.
Upload: a live server (real model, real embedded Qdrant) with an admin key. CLI: the real console
script in a subprocess, its peak RSS read from ``getrusage`` inside that process (slow-marked).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from tests.conftest import CORPUS, ROOT, LiveServer, make_settings
from tests.hostile_files import BODY_TOKEN, HOSTILE, LEGACY_TEXTS, SCRIPT_TOKEN, Hostile, good_note

KEY = "bad-input-admin-key"
ADMIN = {"X-API-Key": KEY}
SECONDS = 30.0
GROWTH = int(1.5 * 1024**3)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class PeakRss:
    """Peak RSS of this process (the in-process server lives here) while the block runs, sampled every 10 ms."""

    def __init__(self) -> None:
        self.process = psutil.Process()
        self.start = self.peak = self.process.memory_info().rss
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.01)

    def __enter__(self) -> PeakRss:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.running = False
        self.thread.join()

    @property
    def growth(self) -> int:
        return self.peak - self.start


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile")
    made = {}
    for number, hostile in enumerate(HOSTILE):
        folder = root / f"{number:02d}"
        folder.mkdir()
        made[hostile.kind] = hostile.make(folder)
    return made


@pytest.fixture(scope="module")
def upload_server(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[tuple[LiveServer, object]]:
    from app.web import create_app
    from service.knowledge_base import KnowledgeBase

    settings = make_settings(tmp_path_factory.mktemp("bad-upload"), ui=False, api_key=KEY)
    kb = KnowledgeBase.open(settings, embedder)
    kb.ingest([CORPUS])
    with LiveServer(create_app(settings, kb)) as live:
        yield live, kb
    kb.close()


@pytest.fixture()
def client(upload_server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=upload_server[0].url, timeout=120, trust_env=False) as c:
        yield c


def chunks(client: httpx.Client) -> int:
    return int(client.get("/api/health").json()["chunks"])


def upload(client: httpx.Client, name: str, data: bytes) -> tuple[str, str, dict]:
    """(status, error message, body) of one upload, whether refused by HTTP status or by the pipeline."""
    response = client.post("/api/documents", files={"file": (name, data)}, headers=ADMIN)
    body = response.json()
    if response.status_code != 200:
        return "failed", body["error"]["message"], body | {"http": response.status_code}
    return body["status"], body["error"] or "", body | {"http": 200}


def assert_outcome(hostile: Hostile, status: str, error: str, name: str | None) -> None:
    """``name``: the file name the error must hold (None: refused before the body, and so the name, was read)."""
    assert status in hostile.expect, f"{hostile.kind}: {status} {error}"
    if status == "failed":
        assert name is None or name in error, f"the error names the file: {error!r}"
        assert any(word in error.lower() for word in hostile.reason), f"{hostile.kind}: reason {error!r}"
        assert "Traceback" not in error


@pytest.mark.parametrize("hostile", HOSTILE, ids=[h.kind for h in HOSTILE])
def test_upload_gives_a_clear_outcome_in_bounded_time_and_memory(hostile, hostile_files, upload_server, client,
                                                                 tmp_path):
    path, kb = hostile_files[hostile.kind], upload_server[1]
    before, points = chunks(client), kb.index.count()
    started = time.monotonic()
    with PeakRss() as rss:
        status, error, body = upload(client, path.name, path.read_bytes())
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS, f"{hostile.kind} took {elapsed:.1f} s"
    assert rss.growth < GROWTH, f"{hostile.kind} grew RSS by {rss.growth / 2**20:.0f} MiB"
    assert body["http"] == hostile.upload_status, body
    assert_outcome(hostile, status, error, None if body["http"] == 413 else path.name)
    added = body.get("chunks", 0) if status == "added" else 0
    assert chunks(client) == before + added and kb.index.count() == points + added
    assert not CONTROL.search(body.get("file_name", "")), "the stored name has no control characters"
    good = good_note(tmp_path, hostile.kind)
    assert upload(client, good.name, good.read_bytes())[0] == "added", "a good file next to it still ingests"


def passages_of(client: httpx.Client, doc_key: str, query: str) -> list[dict]:
    found = client.post("/api/search", json={"query": query, "top_k": 50, "filters": {"doc_key": [doc_key]}})
    return list(found.json()["results"])


def test_script_and_style_text_never_reaches_the_index(hostile_files, client):
    path = hostile_files["HTML with scripts and styles"]
    status, _, body = upload(client, "scripts-again.html", path.read_bytes().replace(b"Bystander guide", b"Guide 2"))
    assert status == "added"
    texts = [p["text"] for p in passages_of(client, body["doc_key"], BODY_TOKEN)]
    assert texts and any(BODY_TOKEN in t for t in texts)
    assert not any(SCRIPT_TOKEN in t for t in texts)
    everywhere = client.post("/api/search", json={"query": SCRIPT_TOKEN, "top_k": 50, "mode": "bm25"}).json()
    assert not any(SCRIPT_TOKEN in p["text"] for p in everywhere["results"])


def test_non_utf8_text_is_decoded_not_mangled(hostile_files, client):
    status, _, body = upload(client, "cp1252-copy.txt", hostile_files["cp1252 text"].read_bytes() + b"\r\n")
    assert status == "added"
    text = " ".join(p["text"] for p in passages_of(client, body["doc_key"], "café policy"))
    assert "Café" in text and "naïve" in text and "“victim-centred”" in text and "Ã" not in text


@pytest.mark.parametrize("encoding", sorted(LEGACY_TEXTS))
def test_legacy_code_pages_of_un_languages_are_decoded_not_mangled(encoding, hostile_files, client):
    kind = next(h.kind for h in HOSTILE if h.kind.lower().startswith(encoding))
    data = hostile_files[kind].read_bytes() + b"\n\nEnd of note.\n"
    status, _, body = upload(client, f"copy-{encoding}.txt", data)
    assert status == "added"
    text = " ".join(p["text"] for p in passages_of(client, body["doc_key"], "guidance note"))
    assert LEGACY_TEXTS[encoding] in text


def test_a_megabyte_word_is_cut_not_indexed_whole(tmp_path, client):
    note = tmp_path / "base64-blob.md"
    note.write_text("# Attachment\n\nThe form follows.\n\n" + "QUJD" * 500_000 + "\n", encoding="utf-8")
    status, _, body = upload(client, note.name, note.read_bytes())
    assert status == "added"
    assert all(len(p["text"]) < 2_000 for p in passages_of(client, body["doc_key"], "form attachment"))


def multipart(name: str, data: bytes, boundary: str = "hostileboundary") -> tuple[bytes, dict[str, str]]:
    """A multipart body written by hand, so the file name reaches the server byte for byte."""
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n\r\n'.encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), ADMIN | {
        "Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_upload_name_with_a_line_break_is_refused(client):
    data, headers = multipart("evil\r\nX-Injected: 1.md", b"# Note\n\nText.\n")
    response = client.post("/api/documents", content=data, headers=headers)
    assert response.status_code in (400, 415) and response.json()["error"]["message"]  # malformed, or no extension


@pytest.mark.parametrize("raw", ["../../../etc/evil\x01\x1b[31m name\x7f.md", "..\\..\\evil-windows.md",
                                 "/etc/absolute-evil.md", "uploads/../../../sub/dir/evil\tx\x00y\x08.md"])
def test_upload_name_with_traversal_and_control_characters_is_stored_safely(raw, upload_server, client):
    kb = upload_server[1]
    index_dir = kb.settings.index_dir.resolve()
    uploads = index_dir / "uploads"
    root = index_dir.parent
    outside = {p for p in root.rglob("*") if not p.resolve().is_relative_to(index_dir)}
    data, headers = multipart(raw, f"# Stored safely\n\nA note uploaded under the name {raw!r}.\n".encode())
    response = client.post("/api/documents", content=data, headers=headers)
    body = response.json()
    assert response.status_code == 200 and body["status"] == "added", body
    name = body["file_name"]
    assert "/" not in name and "\\" not in name and ".." not in name and not CONTROL.search(name)
    assert (uploads / name).is_file()
    assert {p for p in root.rglob("*") if not p.resolve().is_relative_to(index_dir)} == outside
    naive = Path(os.path.normpath(uploads / raw.replace("\\", "/").replace("\x00", "")))
    assert not naive.exists() or naive.is_relative_to(uploads), f"written where the raw name points: {naive}"


def test_same_file_under_two_names_is_a_duplicate_with_no_new_chunks(tmp_path, upload_server, client):
    data = good_note(tmp_path, "twin content").read_bytes()
    first = upload(client, "twin-a.md", data)
    before = chunks(client)
    second = upload(client, "twin-b.md", data)
    assert first[0] == "added" and second[0] == "duplicate" and "twin-a.md" in second[1]
    assert chunks(client) == before
    assert not (upload_server[1].settings.index_dir / "uploads" / "twin-b.md").exists()


def test_failed_new_version_keeps_the_indexed_original(tmp_path, hostile_files, client):
    good = good_note(tmp_path, "kept original")
    status, _, body = upload(client, "kept-original.md", good.read_bytes())
    assert status == "added"
    broken = upload(client, "kept-original.md", hostile_files["binary named .md"].read_bytes())
    assert broken[0] == "failed" and "kept-original.md" in broken[1]
    original = client.get(f"/api/documents/{body['doc_key']}/file")
    assert original.status_code == 200 and original.content == good.read_bytes()
    assert passages_of(client, body["doc_key"], "kept original focal point")


# --- `kb ingest --json` in a subprocess (slow: interpreter, imports and, for added files, the model) --------
CLI_SECONDS = 120.0  # one whole `kb ingest` run: start-up, imports and model load included
LAUNCH = (  # `kb` with its own peak RSS (KiB) on the last stderr line
    "import resource, sys\nfrom app.cli import main\ntry:\n    main()\nfinally:\n"
    "    sys.stderr.write(f'\\nPEAK_RSS_KIB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"
)


class CliRun:
    def __init__(self, done: subprocess.CompletedProcess[str], seconds: float) -> None:
        self.code, self.stderr, self.seconds = done.returncode, done.stderr, seconds
        lines = done.stdout.splitlines()
        assert len(lines) == 1, f"one JSON line on stdout: {done.stdout!r}\n{done.stderr[-2000:]}"
        self.summary = json.loads(lines[0])
        self.peak = int(done.stderr.rsplit("PEAK_RSS_KIB", 1)[1]) * 1024


def kb_ingest(index: Path, *paths: Path) -> CliRun:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    env |= {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "KB_CORPUS_DIR": str(CORPUS)}
    command = [sys.executable, "-c", LAUNCH, "ingest", "--json", "--index", str(index), *map(str, paths)]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    return CliRun(done, time.monotonic() - started)


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A shared index, and the peak RSS of a run that fails a file (no model) and one that adds one (model)."""
    root = tmp_path_factory.mktemp("bad-cli")
    empty = root / "empty.md"
    empty.write_bytes(b"")
    failing = kb_ingest(root / "index", empty)
    adding = kb_ingest(root / "index", good_note(root, "baseline"))
    assert failing.summary["documents"]["failed"] == 1 and adding.summary["documents"]["added"] == 1
    return {"index": root / "index", "root": root, "failed": failing.peak, "added": adding.peak,
            "chunks": adding.summary["chunks"]}


@pytest.mark.slow
@pytest.mark.parametrize("hostile", HOSTILE, ids=[h.kind for h in HOSTILE])
def test_kb_ingest_gives_a_clear_outcome_in_bounded_time_and_memory(hostile, hostile_files, cli_index):
    path = hostile_files[hostile.kind]
    run = kb_ingest(cli_index["index"], path)  # type: ignore[arg-type]
    outcome = next(s for s, n in run.summary["documents"].items() if n)
    error = run.summary["errors"][0]["error"] if run.summary["errors"] else ""
    assert_outcome(hostile, outcome, error, path.name)
    assert run.code == (1 if outcome == "failed" else 0) and "Traceback" not in run.stderr
    assert run.seconds < CLI_SECONDS, f"{hostile.kind}: {run.seconds:.1f} s"
    baseline = cli_index["failed" if outcome == "failed" else "added"]
    assert run.peak - baseline < GROWTH, f"{hostile.kind}: +{(run.peak - baseline) / 2**20:.0f} MiB"  # type: ignore[operator]
    added = run.summary["chunks"] - cli_index["chunks"]  # type: ignore[operator]
    assert added == 0 if outcome == "failed" else added >= 1
    cli_index["chunks"] = run.summary["chunks"]


@pytest.mark.slow
def test_kb_ingest_of_every_kind_at_once_keeps_the_good_files_and_a_consistent_index(hostile_files, tmp_path):
    from ingest.index import open_index
    from ingest.manifest import ManifestStore
    from tests.ingest_fixtures import assert_consistent

    twin_a, twin_b = tmp_path / "twin-a.md", tmp_path / "twin-b.md"
    twin_a.write_bytes(good_note(tmp_path, "twins").read_bytes())
    twin_b.write_bytes(twin_a.read_bytes())
    good = good_note(tmp_path, "alongside")
    run = kb_ingest(tmp_path / "index", *hostile_files.values(), good, twin_a, twin_b)
    failing = [h for h in HOSTILE if h.expect == frozenset({"failed"})]
    docs = run.summary["documents"]
    named = {Path(e["path"]).name: e["error"] for e in run.summary["errors"]}
    assert set(named) == {hostile_files[h.kind].name for h in failing}, named
    assert run.code == 1 and docs["failed"] == len(failing) and docs["added"] == len(HOSTILE) - len(failing) + 2
    assert [Path(s["path"]).name for s in run.summary["skipped"]] == ["twin-b.md"]
    settings = make_settings(tmp_path)
    index = open_index(settings)
    try:
        assert_consistent(index, ManifestStore(settings.index_dir / "manifest.json").load())
        assert index.count() == run.summary["chunks"]
    finally:
        index.close()
