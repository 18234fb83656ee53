"""Write endpoints over HTTP: upload (ingests, searchable, page-cited), delete, the admin key."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from ingest_fixtures import full_disk

from ingest.errors import IndexWriteFailed
from ingest.pipeline import file_hash
from tests.conftest import CORPUS, LiveServer, make_settings

KEY = "s3cret-admin-key"


def policy_pdf(path: Path, closing: str = "") -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for page, text in enumerate(("Informal resolution lets the affected person choose a facilitated conversation.",
                                 "Retaliation against anyone who reports in good faith is prohibited misconduct."), 1):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Section {page}. {text} " * 3 + closing)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory, embedder):
    from app.web import create_app
    from service.knowledge_base import KnowledgeBase

    settings = make_settings(tmp_path_factory.mktemp("writes"), ui=False, api_key=KEY)
    kb = KnowledgeBase.open(settings, embedder)
    kb.ingest([CORPUS])
    with LiveServer(create_app(settings, kb)) as live:
        yield live
    kb.close()


@pytest.fixture()
def client(server):
    with httpx.Client(base_url=server.url, timeout=120, trust_env=False) as c:
        yield c


def test_upload_without_key_is_refused(client, tmp_path):
    with policy_pdf(tmp_path / "p.pdf").open("rb") as fh:
        response = client.post("/api/documents", files={"file": ("p.pdf", fh, "application/pdf")})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_upload_ingests_and_is_searchable_with_pages_then_delete(client, tmp_path):
    headers = {"X-API-Key": KEY}
    with policy_pdf(tmp_path / "retaliation-note.pdf").open("rb") as fh:
        response = client.post("/api/documents", files={"file": ("../../retaliation-note.pdf", fh)}, headers=headers)
    body = response.json()
    assert response.status_code == 200 and body["status"] == "added" and body["chunks"] >= 1
    assert body["file_name"] == "retaliation-note.pdf"
    hits = client.post("/api/search", json={"query": "retaliation reports good faith", "top_k": 1,
                                            "filters": {"doc_key": [body["doc_key"]]}}).json()["results"]
    assert hits and hits[0]["page_start"] <= 2 <= hits[0]["page_end"]
    assert client.get(f"/api/documents/{body['doc_key']}/file").headers["content-type"] == "application/pdf"
    assert client.delete(f"/api/documents/{body['doc_key']}").status_code == 401
    assert client.delete(f"/api/documents/{body['doc_key']}", headers=headers).status_code == 200
    keys = [d["doc_key"] for d in client.get("/api/documents").json()["documents"]]
    assert body["doc_key"] not in keys


def test_upload_rejects_unsupported_type_and_corrupt_pdf(client):
    headers = {"Authorization": f"Bearer {KEY}"}
    exe = client.post("/api/documents", files={"file": ("tool.exe", b"MZ\x90\x00")}, headers=headers)
    assert exe.status_code == 415 and "tool.exe" in exe.json()["error"]["message"]
    bad = client.post("/api/documents", files={"file": ("broken.pdf", b"%PDF-1.4\n1 0 obj <<")}, headers=headers)
    assert bad.status_code == 200 and bad.json()["status"] == "failed" and "broken.pdf" in bad.json()["error"]
    docs = client.get("/api/documents").json()
    assert any("broken.pdf" in f["path"] for f in docs["failures"])


def test_an_upload_to_a_disk_short_of_the_reserve_is_refused_before_it_is_stored(tmp_path, embedder):
    from app.web import create_app
    from service.knowledge_base import KnowledgeBase

    KnowledgeBase.open(make_settings(tmp_path / "kb", ui=False), embedder).close()  # the index exists (a new one
    settings = make_settings(tmp_path / "kb", ui=False, api_key=KEY, min_free_mb=10**9)  # is refused at open)
    kb = KnowledgeBase.open(settings, embedder)  # a reserve beyond the real disk
    with LiveServer(create_app(settings, kb)) as live, httpx.Client(base_url=live.url, timeout=120, trust_env=False) as client:
        refused = client.post("/api/documents", files={"file": ("note.pdf", policy_pdf(tmp_path / "v1.pdf").read_bytes())},
                              headers={"X-API-Key": KEY})
        assert refused.status_code == 500 and refused.json()["error"]["code"] == "index_write_failed"
        assert "MiB free on the disk of the index folder" in refused.json()["error"]["message"]
        assert not (settings.index_dir / "uploads" / "note.pdf").exists()
        assert client.get("/api/documents").json()["documents"] == [] and kb.index.count() == 0
    kb.close()


def test_an_upload_whose_save_fails_keeps_the_indexed_version_and_its_original(tmp_path, embedder, monkeypatch):
    from rich.console import Console

    from app.ingest_command import ingest_through
    from app.running import RunningService
    from app.web import create_app
    from service.knowledge_base import KnowledgeBase

    first = policy_pdf(tmp_path / "v1.pdf").read_bytes()
    second = policy_pdf(tmp_path / "v2.pdf", "Version two adds a note on interim measures.").read_bytes()
    headers = {"X-API-Key": KEY}
    settings = make_settings(tmp_path / "kb", ui=False, api_key=KEY)
    kb = KnowledgeBase.open(settings, embedder)
    with LiveServer(create_app(settings, kb)) as live, httpx.Client(base_url=live.url, timeout=120, trust_env=False) as client:
        added = client.post("/api/documents", files={"file": ("note.pdf", first)}, headers=headers).json()
        assert added["status"] == "added"
        with monkeypatch.context() as failing:
            failing.setattr(kb.index, "flush", full_disk)  # the real index, its flushes failing
            stopped = client.post("/api/documents", files={"file": ("note.pdf", second)}, headers=headers)
            (tmp_path / "note.pdf").write_bytes(second)
            with pytest.raises(IndexWriteFailed, match="No space left on device"):  # `kb ingest` through the service
                ingest_through(RunningService(live.url, os.getpid()), settings, [tmp_path / "note.pdf"], Console())
        assert stopped.status_code == 500
        assert stopped.json()["error"]["code"] == "index_write_failed"
        assert "No space left on device" in stopped.json()["error"]["message"]
        assert client.get(f"/api/documents/{added['doc_key']}/file").content == first  # the original, not v2
        listed = client.get("/api/documents").json()
        assert [d["doc_key"] for d in listed["documents"]] == [added["doc_key"]] and not listed["failures"]

        again = client.post("/api/documents", files={"file": ("note.pdf", second)}, headers=headers).json()
        assert again["status"] == "updated"
        assert client.get(f"/api/documents/{added['doc_key']}/file").content == second
        hits = client.post("/api/search", json={"query": "interim measures note", "top_k": 1}).json()["results"]
        assert hits and "interim measures" in hits[0]["text"]

        with monkeypatch.context() as failing:  # the manifest is saved without it: the delete stands
            failing.setattr(kb.index, "flush", full_disk)
            deleted = client.delete(f"/api/documents/{added['doc_key']}", headers=headers)
        assert deleted.status_code == 200
        assert client.get("/api/documents").json()["documents"] == [] and not kb.ingestor.registry.saved().documents
        assert client.post("/api/search", json={"query": "interim measures note"}).json()["results"] == []
    kb.close()


def test_concurrent_uploads_of_one_name_leave_the_indexed_version_on_disk(tmp_path, embedder, monkeypatch):
    import time
    from concurrent.futures import ThreadPoolExecutor

    from service.knowledge_base import KnowledgeBase

    versions = [policy_pdf(tmp_path / f"v{n}.pdf", f"Revision {n} of the note.").read_bytes() for n in range(4)]
    settings = make_settings(tmp_path / "kb", ui=False)
    kb = KnowledgeBase.open(settings, embedder)
    upload = (settings.index_dir / "uploads" / "note.pdf").resolve()
    real_ingest = kb.ingest
    ingests: list[int] = []

    def first_of_a_pair_is_slow(paths, progress=None):  # the real run; the first of each pair starts late
        ingests.append(1)
        if len(ingests) % 2 == 1:
            time.sleep(0.5)
        return real_ingest(paths, progress)

    monkeypatch.setattr(kb, "ingest", first_of_a_pair_is_slow)
    try:
        for first, second in zip(versions[::2], versions[1::2], strict=True):  # a pair of uploads at a time
            with ThreadPoolExecutor(2) as pool:
                early = pool.submit(kb.add_upload, "note.pdf", first)
                time.sleep(0.1)  # the second upload arrives while the first is in its run
                late = pool.submit(kb.add_upload, "note.pdf", second)
                outcomes = [early.result(), late.result()]
            assert {o.status for o in outcomes} <= {"added", "updated", "unchanged"}
            record = kb.manifest.by_path(str(upload))
            assert record is not None and record.doc_hash == file_hash(upload)
    finally:
        kb.close()
