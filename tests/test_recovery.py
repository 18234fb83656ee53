"""The served index equals the committed versions: after a crash, while a document is replaced, and when one
repetitive document would crowd out the rest. Real embedded Qdrant, real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS, make_settings

NOTE = "# Reporting note\n\nReports of harassment go to the ethics office, which replies within five working days.\n"


@pytest.fixture
def kb(tmp_path: Path, embedder):
    from service.knowledge_base import KnowledgeBase

    opened = KnowledgeBase.open(make_settings(tmp_path, ui=False), embedder)
    yield opened
    opened.close()


def test_reopening_after_a_crash_serves_exactly_the_committed_versions(tmp_path: Path, embedder, kb):
    """Points written for an upload the manifest never named (kill -9 before the commit) and its file in
    uploads/ are gone once the service opens the index again."""
    from service.knowledge_base import KnowledgeBase

    kb.ingest([CORPUS])
    committed = kb.manifest.committed_hashes()
    outcome = kb.add_upload("reporting-note.md", NOTE.encode())
    manifest_path = kb.settings.index_dir / "manifest.json"
    saved = json.loads(manifest_path.read_text())
    saved["documents"].pop(outcome.doc_key)  # as if the process died after writing points, before the commit
    manifest_path.write_text(json.dumps(saved))
    (kb.settings.index_dir / "uploads" / "half-sent.pdf").write_bytes(b"%PDF-1.7 partial")
    kb.close()

    reopened = KnowledgeBase.open(kb.settings, embedder)
    try:
        assert set(reopened.index.doc_hashes()) == committed
        assert sorted(p.name for p in (kb.settings.index_dir / "uploads").iterdir()) == []
        top = reopened.search("Who do reports of harassment go to?", top_k=5)
        assert len(top) == 5 and all(p.doc_key != outcome.doc_key for p in top)
    finally:
        reopened.close()
        kb.index = reopened.index  # the fixture closes it again; closing twice is harmless


def test_a_replaced_document_is_found_at_every_moment_of_the_switch(kb, monkeypatch):
    """When the old version's points are deleted, readers already search the new version."""
    first = kb.add_upload("reporting-note.md", NOTE.encode())
    seen: list[list[str]] = []
    delete = kb.index.delete_doc_hashes

    def checking_delete(doc_hashes: list[str]) -> None:
        seen.append([p.doc_key for p in kb.search("ethics office replies", top_k=3)])
        delete(doc_hashes)

    monkeypatch.setattr(kb.index, "delete_doc_hashes", checking_delete)
    second = kb.add_upload("reporting-note.md", NOTE.replace("five", "ten").encode())
    assert second.status == "updated" and first.doc_key == second.doc_key
    assert seen and all(first.doc_key in keys for keys in seen), seen
    assert "ten working days" in kb.search("ethics office replies", top_k=1)[0].text


def test_a_repetitive_document_does_not_leave_places_empty(kb, tmp_path: Path):
    """80 near-identical sections collapse to one passage; top_k is filled from the rest of the library."""
    pages = "\n\n".join("## Notice\n\nReporting procedures: contact the ethics office to report harassment."
                        for _ in range(80))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "repetitive.md").write_text(f"# Repetitive notice\n\n{pages}\n", encoding="utf-8")
    kb.ingest([CORPUS, tmp_path / "docs"])
    found = kb.search("reporting procedures", top_k=20)
    assert len(found) == 20
    assert sum(p.doc_key == "repetitive" for p in found) <= 2
