"""Scale-out for real, in one process: two service replicas and an ingestor, each with its own empty local folder,
on one qdrant-client instance (local mode stands in for a Qdrant server: the same API, in process), the real
model and the bundled corpus. Then a server that does not answer: 503s and one clear line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from qdrant_client import QdrantClient
from qdrant_client.http.exceptions import ResponseHandlingException

from ingest.errors import IndexUnavailable
from ingest.index.server import Caller, ServerIndex
from tests.conftest import CORPUS, free_port, make_settings

POLICY = """# Remote work harassment note

## Reporting from a field office

Staff in a field office report harassment to the regional ombudsperson within sixty days of the incident.

## Protection

Retaliation against a person who reports in good faith is misconduct and is investigated on its own.
"""


def on(client: QdrantClient) -> ServerIndex:
    """One machine's index: its own wrapper on the shared client (the server), which it does not close."""
    return ServerIndex(client, "guidance", local=True, owns_client=False)


@pytest.fixture()
def server() -> Iterator[QdrantClient]:
    client = QdrantClient(location=":memory:")
    yield client
    client.close()


def machine(tmp: Path, name: str, client: QdrantClient, embedder, **overrides: object):
    from service.knowledge_base import KnowledgeBase

    settings = make_settings(tmp / name, qdrant_url=":memory:", node_name=name, registry_poll_s=0, ui=False,
                             uploads_dir=tmp / "shared-uploads", feedback_url=f"sqlite:///{tmp / 'feedback.db'}",
                             **overrides)
    return KnowledgeBase(settings, on(client), embedder)


def replica(kb) -> TestClient:
    from app.web import create_app

    return TestClient(create_app(kb.settings, kb), base_url="http://127.0.0.1")


def doc_keys(client: TestClient) -> set[str]:
    response = client.get("/api/documents")
    assert response.status_code == 200
    return {d["doc_key"] for d in response.json()["documents"]}


def found_keys(client: TestClient, query: str) -> list[str]:
    response = client.post("/api/search", json={"query": query})
    assert response.status_code == 200
    return [r["doc_key"] for r in response.json()["results"]]


def test_replicas_share_one_library_ingests_uploads_and_deletes(tmp_path, server, embedder) -> None:
    one, two = machine(tmp_path, "replica-1", server, embedder), machine(tmp_path, "replica-2", server, embedder)
    ingestor = machine(tmp_path, "ingestor", server, embedder)
    with replica(one) as a, replica(two) as b:
        assert doc_keys(a) == doc_keys(b) == set()
        assert [o.status for o in ingestor.ingest([CORPUS])] == ["added"]
        (key,) = doc_keys(a)
        assert doc_keys(b) == {key}  # started before the ingest, with an empty folder: sees it on its next request
        assert found_keys(b, "informal resolution") and set(found_keys(b, "informal resolution")) == {key}
        assert b.get("/api/health").json()["documents"] == 1

        upload = a.post("/api/documents", files={"file": ("field-office-note.md", POLICY.encode())})
        assert upload.status_code == 200 and upload.json()["status"] == "added"
        new_key = upload.json()["doc_key"]
        assert new_key in doc_keys(b)
        assert found_keys(b, "report to the regional ombudsperson within sixty days")[0] == new_key
        original = b.get(f"/api/documents/{new_key}/file")  # uploaded through one replica, opened from the other
        assert original.status_code == 200 and b"regional ombudsperson" in original.content

        assert b.delete(f"/api/documents/{new_key}").status_code == 200
        assert new_key not in doc_keys(a)
        assert new_key not in found_keys(a, "report to the regional ombudsperson within sixty days")
        assert not any((tmp_path / "shared-uploads").iterdir())

        assert a.post("/api/feedback", json={"rating": "up"}).status_code == 201
        assert b.post("/api/feedback", json={"rating": "down"}).status_code == 201
    from service.feedback import FeedbackStore

    assert [e.rating for e in FeedbackStore.for_settings(one.settings).entries()] == ["down", "up"]  # one database
    for kb in (one, two, ingestor):
        kb.close()


def test_originals_in_a_shared_store_open_from_a_replica_whose_disk_lacks_them(tmp_path, server, embedder) -> None:
    store = f"memory://originals-{tmp_path.name}"  # fsspec's in-memory filesystem stands in for a bucket
    one = machine(tmp_path, "replica-1", server, embedder, originals_url=store)
    two = machine(tmp_path, "replica-2", server, embedder, originals_url=store)
    with replica(one) as a, replica(two) as b:
        upload = a.post("/api/documents", files={"file": ("field-office-note.md", POLICY.encode())})
        key = upload.json()["doc_key"]
        (tmp_path / "shared-uploads" / "field-office-note.md").unlink()  # the other machine's disk: not there
        original = b.get(f"/api/documents/{key}/file")
        assert original.status_code == 200 and original.content == POLICY.encode()
        assert b.delete(f"/api/documents/{key}").status_code == 200
        assert a.get(f"/api/documents/{key}/file").status_code == 404
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(store)
    assert fs.ls(root) == []


def test_two_machines_ingesting_the_same_files_do_not_duplicate_them(tmp_path, server, embedder) -> None:
    first, second = machine(tmp_path, "ingest-1", server, embedder), machine(tmp_path, "ingest-2", server, embedder)
    copy = tmp_path / "copy-of-corpus"
    copy.mkdir()
    (copy / "dialogue.md").write_bytes((CORPUS / "dialogue-2021-10-28.md").read_bytes())
    assert [o.status for o in first.ingest([CORPUS])] == ["added"]
    chunks = first.index.count()
    outcomes = second.ingest([copy])  # the same text under another path, on another machine
    assert [o.status for o in outcomes] == ["duplicate"] and "ingested on ingest-1" in (outcomes[0].error or "")
    assert [o.status for o in second.ingest([CORPUS])] == ["unchanged"]  # the same path: the record is shared
    assert second.index.count() == chunks and len(second.documents()) == 1


def test_a_sweep_spares_another_machines_version_in_flight_and_keeps_its_records(tmp_path, server, embedder) -> None:
    from ingest.pipeline import Progress

    writer, sweeper = machine(tmp_path, "writer", server, embedder), machine(tmp_path, "sweeper", server, embedder)
    folder = tmp_path / "docs"
    folder.mkdir()
    note = folder / "note.md"
    note.write_text(POLICY, encoding="utf-8")
    # the writer's points are in the index and its record is not yet: an ingest in flight on another machine
    ingestor = writer.ingestor
    ingestor.registry.reload()
    record, chunks = ingestor.prepare(note.resolve(), "in-flight-hash", Progress())
    ingestor.write(chunks, Progress())
    assert [o.status for o in sweeper.ingest([CORPUS])] == ["added"]  # its run sweeps orphans twice
    assert "in-flight-hash" in sweeper.index.doc_hashes()
    ingestor.registry.commit(record, None, str(note))  # the writer finishes: it saves without undoing the other
    ingestor.registry.settle()
    assert sorted(r.doc_key for r in sweeper.documents()) == sorted([record.doc_key, "dialogue-2021-10-28"])

    ingestor.registry.remove(record.doc_key)  # its record goes; with no grace left its points are orphans
    ingestor.write(chunks, Progress())
    sweeper.ingestor.registry.grace_s = 0
    assert sweeper.ingestor.registry.sweep_orphans() == 1
    assert "in-flight-hash" not in sweeper.index.doc_hashes()


def test_the_embedded_mode_keeps_its_folder_layout(tmp_path, embedder) -> None:
    from service.knowledge_base import KnowledgeBase

    settings = make_settings(tmp_path, ui=False)
    kb = KnowledgeBase.open(settings, embedder)
    kb.ingest([CORPUS])
    kb.close()
    assert {"manifest.json", "qdrant"} <= {p.name for p in settings.index_dir.iterdir()}
    assert not kb.registry.store.shared and set(kb.index.record_store().load().documents) == {"dialogue-2021-10-28"}


# --- a server that does not answer ---------------------------------------------------------------
def dead_url() -> str:
    return f"http://127.0.0.1:{free_port()}"  # nothing listens there


def test_a_replica_whose_server_is_down_says_503_and_never_a_traceback(tmp_path, embedder, caplog) -> None:
    from app.web import create_app
    from service.knowledge_base import KnowledgeBase

    settings = make_settings(tmp_path, qdrant_url=dead_url(), qdrant_retries=2, ui=False)
    kb = KnowledgeBase.open(settings, embedder)  # starts: it becomes ready when the server answers
    with TestClient(create_app(settings, kb), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        assert c.get("/api/live").status_code == 200
        for response in (c.get("/api/health"), c.post("/api/search", json={"query": "informal resolution"}),
                         c.post("/api/ask", json={"question": "What is informal resolution?"})):
            assert response.status_code == 503, response.text
            error = response.json()["error"]
            assert error["code"] == "index_unavailable" and "is not answering" in error["message"]
        assert c.get("/api/documents").json()["documents"] == []
        assert 'kb_http_requests_total{method="GET",route="/api/health",status="503"} 1.0' in c.get("/metrics").text
    assert "Traceback" not in caplog.text
    kb.close()


@pytest.mark.parametrize("command", [["status"], ["ingest"], ["search", "informal resolution"]])
def test_the_cli_against_a_server_that_is_down_exits_6_with_one_line(tmp_path, command: list[str]) -> None:
    env = os.environ | {"KB_QDRANT_URL": dead_url(), "KB_QDRANT_RETRIES": "2", "KB_HOME": str(tmp_path),
                        "COLUMNS": "80"}
    done = subprocess.run([str(Path(sys.executable).parent / "kb"), *command], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 6, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: the Qdrant server at http://127.0.0.1:")
    assert "Traceback" not in done.stderr + done.stdout


def test_calls_are_retried_with_backoff_then_fail_typed() -> None:
    tries: list[float] = []

    def flaky() -> str:
        tries.append(time.monotonic())
        if len(tries) < 3:
            raise ResponseHandlingException(ConnectionRefusedError("refused"))
        return "answered"

    assert Caller("test", attempts=3, backoff_s=0.05)(flaky) == "answered"
    assert tries[2] - tries[1] >= tries[1] - tries[0] >= 0.04  # waits, and longer each time
    tries.clear()
    with pytest.raises(IndexUnavailable, match="after 2 tries"):
        Caller("test", attempts=2, backoff_s=0.01)(lambda: flaky() if len(tries) < 9 else "")
    assert len(tries) == 2
    with pytest.raises(ValueError):  # a bad request is not the server being away: no retry, not hidden
        Caller("test", attempts=3)(lambda: (_ for _ in ()).throw(ValueError("bad filter")))
