"""The ingestion pipeline on real parts: real files, a real embedded Qdrant index in tmp_path, the real
tokenizer, and the real model where the vectors matter (the fast HashEmbedder elsewhere)."""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from ingest_fixtures import (
    CORPUS,
    assert_consistent,
    corrupt_pdf,
    encrypted_copy,
    full_disk,
    image_only_pdf,
    policy_sections,
    prose,
    write_markdown,
    write_pdf,
)
from pypdf import PdfReader

from ingest.catalog import Catalog
from ingest.chunking import document_text, load_token_counter
from ingest.disk import free_mib
from ingest.errors import IndexWriteFailed
from ingest.index import open_index
from ingest.index.base import Hit, Index
from ingest.loaders import load_file
from ingest.manifest import Manifest, ManifestStore
from ingest.pipeline import Ingestor, IngestReport
from ingest.registry import SETTLE_DOCUMENTS
from ingest.sentences import sentences
from ingest.settings import Settings
from tests.fakes import HashEmbedder

Embed = Callable[[list[str]], list[list[float]]]
COUNT_TOKENS = load_token_counter(Settings().resolved_model_dir())


class RecordingEmbed:
    """The fake embedder, counting calls and keeping every text it was given."""

    def __init__(self) -> None:
        self.model = HashEmbedder(model_name="hash")
        self.calls = 0
        self.texts: list[str] = []
        self.batches: list[list[str]] = []

    def __call__(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        self.texts.extend(texts)
        self.batches.append(list(texts))
        vectors: list[list[float]] = self.model.encode(texts).tolist()
        return vectors


class Pipeline:
    """An Ingestor on a real index in ``root``, opened and closed by the ``pipeline`` fixture."""

    def __init__(self, root: Path, embed: Embed | None = None, **overrides: object) -> None:
        base: dict[str, object] = {"index_dir": root / "index", "corpus_dir": CORPUS}
        self.settings = Settings(**(base | overrides))  # type: ignore[arg-type]
        self.embed = embed or RecordingEmbed()
        self.index: Index = open_index(self.settings)
        catalog = Catalog.load(CORPUS / "catalog.toml")
        self.ingestor = Ingestor(self.settings, self.index, self.embed, COUNT_TOKENS, catalog)

    @property
    def recorded(self) -> RecordingEmbed:
        assert isinstance(self.embed, RecordingEmbed)
        return self.embed

    def run(self, *paths: Path) -> IngestReport:
        return self.ingestor.run(list(paths))

    def consistent(self) -> set[str]:
        return assert_consistent(self.index, self.ingestor.registry.saved())

    def payloads(self) -> list[dict[str, object]]:
        """Every point's payload (a dense query with a limit over the point count)."""
        hits: list[Hit] = self.index.query([1.0] + [0.0] * 383, None, limit=self.index.count() + 10)
        return [hit.payload for hit in hits]


@pytest.fixture
def pipeline(tmp_path: Path) -> Iterator[Callable[..., Pipeline]]:
    opened: list[Pipeline] = []

    def open_pipeline(embed: Embed | None = None, **overrides: object) -> Pipeline:
        opened.append(Pipeline(tmp_path, embed, **overrides))
        return opened[-1]

    yield open_pipeline
    for p in opened:
        p.index.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "docs"
    path.mkdir()
    return path


def statuses(report: IngestReport) -> dict[str, str]:
    return {Path(o.path).name: o.status for o in report.outcomes}


def counts(report: IngestReport) -> dict[str, int]:
    documents = report.to_json()["documents"]
    assert isinstance(documents, dict)
    return {k: v for k, v in documents.items() if v}


# --- incremental runs -------------------------------------------------------------------------------
def test_added_unchanged_updated_removed_across_runs(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    write_markdown(folder / "a.md", "Reporting Guide", policy_sections(1, 2, 2, 40))
    write_markdown(folder / "b.md", "Support Guide", policy_sections(2, 2, 2, 40))
    write_pdf(folder / "c.pdf", policy_sections(3, 3, 2, 40), title="Prevention Handbook")
    p = pipeline()

    assert counts(p.run(folder)) == {"added": 3}
    first = p.consistent()
    old_b = p.ingestor.registry.saved().documents["b"]

    calls = p.recorded.calls
    report = p.run(folder)
    assert counts(report) == {"unchanged": 3} and report.chunks_in_index == len(first)
    assert p.recorded.calls == calls, "an unchanged run must not embed"

    write_markdown(folder / "b.md", "Support Guide", policy_sections(22, 2, 3, 40))
    assert statuses(p.run(folder)) == {"a.md": "unchanged", "b.md": "updated", "c.pdf": "unchanged"}
    new_b = p.ingestor.registry.saved().documents["b"]
    ids = p.consistent()
    assert new_b.doc_hash != old_b.doc_hash and not set(new_b.chunk_ids) & set(old_b.chunk_ids)
    assert not ids & set(old_b.chunk_ids) and set(new_b.chunk_ids) <= ids
    assert old_b.doc_hash not in p.index.doc_hashes()

    c_ids = set(p.ingestor.registry.saved().documents["c"].chunk_ids)
    (folder / "c.pdf").unlink()
    assert counts(p.run(folder)) == {"unchanged": 2, "removed": 1}
    assert "c" not in p.ingestor.registry.saved().documents
    assert not p.consistent() & c_ids


class CheckedStore(ManifestStore):
    """The real manifest store; at every save, every chunk the manifest names must already be in the index."""

    def __init__(self, path: Path, index: Index) -> None:
        super().__init__(path)
        self.index = index
        self.saves = 0

    def save(self, manifest: Manifest, base: Manifest | None = None) -> None:
        named = {cid for record in manifest.documents.values() for cid in record.chunk_ids}
        assert named <= self.index.point_ids(), "the manifest names points not written yet"
        self.saves += 1
        super().save(manifest, base)


def test_manifest_saves_are_batched_and_follow_the_points(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    for n in range(SETTLE_DOCUMENTS + 4):
        write_markdown(folder / f"d{n:02d}.md", f"Guide {n}", policy_sections(n, 1, 1, 30))
    p = pipeline()
    store = p.ingestor.registry.store = CheckedStore(p.ingestor.registry.store.path, p.index)
    assert counts(p.run(folder)) == {"added": SETTLE_DOCUMENTS + 4}
    assert store.saves == 2  # after 16 documents, then the last 4 at the end of the run
    p.consistent()


class InterruptingEmbed(RecordingEmbed):
    """Ctrl-C in the model after ``calls_before`` calls."""

    def __init__(self, calls_before: int) -> None:
        super().__init__()
        self.calls_before = calls_before

    def __call__(self, texts: list[str]) -> list[list[float]]:
        if self.calls == self.calls_before:
            raise KeyboardInterrupt
        return super().__call__(texts)


def test_an_interrupted_run_keeps_the_documents_written_before(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    for n in range(6):
        write_markdown(folder / f"d{n}.md", f"Guide {n}", policy_sections(n, 1, 1, 30))
    # batches of 4 chunks: one model call for the first four one-chunk guides, the next is cut
    p = pipeline(InterruptingEmbed(calls_before=1), ingest_batch_chunks=4)
    with pytest.raises(KeyboardInterrupt):
        p.run(folder)
    assert sorted(p.ingestor.registry.saved().documents) == ["d0", "d1", "d2", "d3"]
    p.consistent()


def two_guides_ingested(pipeline: Callable[..., Pipeline], folder: Path) -> Pipeline:
    write_markdown(folder / "d0.md", "Guide 0", policy_sections(0, 1, 1, 30))
    write_markdown(folder / "d1.md", "Guide 1", policy_sections(1, 1, 1, 30))
    p = pipeline()
    p.run(folder)
    return p


class LoggedStore(ManifestStore):
    """The real manifest store, noting each save in a shared event log."""

    def __init__(self, path: Path, events: list[str]) -> None:
        super().__init__(path)
        self.events = events

    def save(self, manifest: Manifest, base: Manifest | None = None) -> None:
        self.events.append("save")
        super().save(manifest, base)


def test_a_failed_save_stops_the_run_blames_no_file_and_the_closing_save_flushes_again(
    pipeline: Callable[..., Pipeline], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(SETTLE_DOCUMENTS):
        write_markdown(folder / f"d{n:02d}.md", f"Guide {n}", policy_sections(n, 1, 1, 30))
    p = pipeline()
    events: list[str] = []
    real_flush = p.index.flush

    def flush_failing_once() -> None:
        events.append("flush")
        if events.count("flush") == 1:
            full_disk()
        real_flush()

    monkeypatch.setattr(p.index, "flush", flush_failing_once)  # the real index, its first flush failing
    p.ingestor.registry.store = LoggedStore(p.ingestor.registry.store.path, events)
    with pytest.raises(IndexWriteFailed, match="No space left on device"):
        p.run(folder)  # the save due after the 16th document fails: the run stops
    assert events[:3] == ["flush", "flush", "save"]  # the run's closing save flushed again first
    on_disk = p.ingestor.registry.saved()
    assert len(on_disk.documents) == SETTLE_DOCUMENTS
    assert not on_disk.failures, "the failed save was blamed on the file being committed"
    p.consistent()
    assert counts(p.run(folder)) == {"unchanged": SETTLE_DOCUMENTS}


def test_a_failed_save_does_not_delete_what_the_manifest_on_disk_still_names(
    pipeline: Callable[..., Pipeline], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = two_guides_ingested(pipeline, folder)
    write_markdown(folder / "d0.md", "Guide 0", policy_sections(5, 1, 1, 30))  # a new version of d0
    with monkeypatch.context() as failing:
        failing.setattr(p.index, "flush", full_disk)  # the real index, its flush failing once
        with pytest.raises(IndexWriteFailed):
            p.run(folder)
    on_disk = p.ingestor.registry.reload()  # still names d0's first version
    assert "d1" in on_disk.documents
    p.ingestor.registry.remove("d1")  # a later manifest change (`kb delete`) on the same Ingestor
    named = {cid for record in p.ingestor.registry.saved().documents.values() for cid in record.chunk_ids}
    assert named <= p.index.point_ids(), "a version the manifest names lost its points"
    assert counts(p.run(folder)) == {"updated": 1, "added": 1}  # the next run sweeps the orphans, ingests both
    p.consistent()


def test_a_removal_stands_once_the_manifest_is_saved_and_the_next_run_sweeps_its_points(
    pipeline: Callable[..., Pipeline], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = two_guides_ingested(pipeline, folder)
    gone = p.ingestor.registry.saved().documents["d1"].doc_hash
    with monkeypatch.context() as failing:  # the real index: deleting points and flushing fail
        failing.setattr(p.index, "delete_doc_hashes", full_disk)
        failing.setattr(p.index, "flush", full_disk)
        p.ingestor.registry.reload()
        p.ingestor.registry.remove("d1", flush=True)  # as `DELETE /api/documents/d1` does
    assert "d1" not in p.ingestor.registry.saved().documents and gone in p.index.doc_hashes()
    (folder / "d1.md").unlink()
    assert counts(p.run(folder)) == {"unchanged": 1}
    assert gone not in p.index.doc_hashes()
    p.consistent()


def test_a_disk_short_of_the_reserve_stops_the_run_before_a_document_is_written(
    pipeline: Callable[..., Pipeline], folder: Path
) -> None:
    for n in range(3):
        write_markdown(folder / f"d{n}.md", f"Guide {n}", policy_sections(n, 1, 1, 30))
    p = pipeline(ingest_batch_chunks=1)  # each document written as soon as it is prepared
    beyond_the_disk = int(free_mib(p.settings.index_dir)) + 10_000  # a reserve the real disk cannot meet
    p.ingestor.settings = p.settings.model_copy(update={"min_free_mb": beyond_the_disk})
    with pytest.raises(IndexWriteFailed, match=r"MiB free on the disk of the index folder .*KB_MIN_FREE_MB"):
        p.run(folder)
    assert p.index.count() == 0 and not p.ingestor.registry.store.path.exists()

    def fill_the_disk_after_the_first_document(texts: list[str]) -> list[list[float]]:
        vectors = p.recorded(texts)
        if p.recorded.calls == 1:  # a document is one call: its heading lines and sentences
            p.ingestor.settings = p.settings.model_copy(update={"min_free_mb": beyond_the_disk})
        return vectors

    p.ingestor.settings = p.settings
    p.ingestor.embed = fill_the_disk_after_the_first_document
    with pytest.raises(IndexWriteFailed, match="KB_MIN_FREE_MB"):
        p.run(folder)
    on_disk = p.ingestor.registry.saved()
    assert sorted(on_disk.documents) == ["d0"] and not on_disk.failures, "the disk was blamed on a file"
    p.consistent()
    p.ingestor.settings = p.settings.model_copy(update={"min_free_mb": 0})  # 0: no check
    assert counts(p.run(folder)) == {"added": 2, "unchanged": 1}
    p.consistent()
    # an engine that maps no files here (qdrant-client, local mode in a folder) is not held to the reserve
    elsewhere = folder.parent / "server-local"
    local = pipeline(qdrant_url=f"path:{elsewhere / 'qdrant'}", index_dir=elsewhere, min_free_mb=beyond_the_disk)
    assert counts(local.run(folder)) == {"added": 3}


def test_same_file_under_two_names_is_a_duplicate(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    write_markdown(folder / "a-original.md", "Reporting Guide", policy_sections(4, 2, 2, 40))
    shutil.copy(folder / "a-original.md", folder / "b-copy.md")
    p = pipeline()

    report = p.run(folder)

    assert statuses(report) == {"a-original.md": "added", "b-copy.md": "duplicate"}
    assert report.to_json()["skipped"] == [
        {"path": str(folder / "b-copy.md"), "reason": "same content as a-original.md"}]
    ids = p.consistent()
    payloads = p.payloads()
    assert len(payloads) == len(ids) == len({str(pl["chunk_id"]) for pl in payloads})
    assert len({str(pl["text"]) for pl in payloads}) == len(payloads)


def test_renamed_file_keeps_its_points(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    write_markdown(folder / "draft.md", "Reporting Guide", policy_sections(5, 2, 2, 40))
    p = pipeline()
    p.run(folder)
    before = p.consistent()
    (folder / "draft.md").rename(folder / "final.md")

    report = p.run(folder)

    assert counts(report) == {"added": 1, "removed": 1}
    assert list(p.ingestor.registry.saved().documents) == ["final"]
    assert p.consistent() == before  # same content and title: the same chunk ids, all there


def test_duplicate_takes_over_when_the_original_goes(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    write_markdown(folder / "a.md", "Reporting Guide", policy_sections(6, 2, 2, 40))
    shutil.copy(folder / "a.md", folder / "b.md")
    p = pipeline()
    assert statuses(p.run(folder)) == {"a.md": "added", "b.md": "duplicate"}
    (folder / "a.md").unlink()

    assert counts(p.run(folder)) == {"added": 1, "removed": 1}
    assert list(p.ingestor.registry.saved().documents) == ["b"]
    assert len(p.consistent()) > 0


def test_file_changed_into_a_copy_of_another_drops_its_old_version(
    pipeline: Callable[..., Pipeline], folder: Path
) -> None:
    write_markdown(folder / "a.md", "Reporting Guide", policy_sections(7, 2, 2, 40))
    write_markdown(folder / "b.md", "Support Guide", policy_sections(8, 2, 2, 40))
    p = pipeline()
    p.run(folder)
    shutil.copy(folder / "a.md", folder / "b.md")

    assert statuses(p.run(folder)) == {"a.md": "unchanged", "b.md": "duplicate"}
    assert list(p.ingestor.registry.saved().documents) == ["a"]
    p.consistent()


# --- bad input ----------------------------------------------------------------------------------------
def _corrupt(folder: Path) -> Path:
    return corrupt_pdf(folder / "broken.pdf")


def _locked(folder: Path) -> Path:
    plain = write_pdf(folder.parent / "plain.pdf", policy_sections(9, 2, 1, 30))
    return encrypted_copy(plain, folder / "locked.pdf", user_password="secret")


def _scan(folder: Path) -> Path:
    return image_only_pdf(folder / "scan.pdf")


def _empty(folder: Path) -> Path:
    (folder / "empty.md").write_bytes(b"")
    return folder / "empty.md"


def _unsupported(folder: Path) -> Path:
    (folder / "data.xyz").write_text("Sexual harassment is never acceptable.", encoding="utf-8")
    return folder / "data.xyz"


def _too_large(folder: Path) -> Path:
    (folder / "big.txt").write_text(prose(random.Random(0), 4000), encoding="utf-8")
    return folder / "big.txt"


BAD_INPUTS = {
    "corrupt pdf": (_corrupt, r"^broken\.pdf: cannot be read as a PDF"),
    "encrypted pdf": (_locked, r"^locked\.pdf: encrypted with a password"),
    "no text layer": (_scan, r"^scan\.pdf: no extractable text; it needs OCR"),
    "empty file": (_empty, r"^empty\.md: the file is empty"),
    "unsupported extension": (_unsupported, r"^data\.xyz: files of type '\.xyz' are not supported"),
    "over max_file_mb": (_too_large, r"^big\.txt: .* is over the .* limit \(max_file_mb\)"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_fails_alone_with_its_name_and_reason(
    case: str, pipeline: Callable[..., Pipeline], folder: Path
) -> None:
    make, pattern = BAD_INPUTS[case]
    write_markdown(folder / "good.md", "Reporting Guide", policy_sections(10, 1, 2, 30))
    bad = make(folder)
    p = pipeline(max_file_mb=0.01)

    report = p.run(folder)

    assert statuses(report) == {"good.md": "added", bad.name: "failed"}
    errors = report.to_json()["errors"]
    assert isinstance(errors, list) and len(errors) == 1
    assert errors[0]["path"] == str(bad)
    assert re.match(pattern, errors[0]["error"]), errors[0]["error"]
    assert list(p.ingestor.registry.saved().failures) == [str(bad)]
    p.consistent()


def test_good_markdown_and_corrupt_pdf(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    write_markdown(folder / "good.md", "Reporting Guide", policy_sections(11, 2, 2, 30))
    corrupt_pdf(folder / "report.pdf")
    p = pipeline()

    report = p.run(folder)

    assert counts(report) == {"added": 1, "failed": 1}
    assert "report.pdf" in (report.failed[0].error or "")
    (folder / "report.pdf").unlink()
    assert counts(p.run(folder)) == {"unchanged": 1}
    assert not p.ingestor.registry.saved().failures, "a failure whose file is gone is forgotten"


def test_pdf_with_empty_user_password_is_ingested(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    plain = write_pdf(folder.parent / "plain.pdf", policy_sections(12, 2, 2, 30), title="Protected Guide")
    encrypted_copy(plain, folder / "protected.pdf", user_password="")
    p = pipeline()

    report = p.run(folder)

    assert statuses(report) == {"protected.pdf": "added"} and report.outcomes[0].chunks > 0
    assert p.ingestor.registry.saved().documents["protected"].title == "Protected Guide"


def test_chunks_read_whole_store_the_models_vector_of_each_whole_chunk(
        pipeline: Callable[..., Pipeline], folder: Path) -> None:
    write_markdown(folder / "a.md", "Reporting Guide", policy_sections(1, 2, 2, 40))
    p = pipeline(chunk_vectors="whole")
    p.run(folder)

    whole = p.recorded.batches[-1]  # the second pass: each chunk's heading line and text, in one call
    hits = p.index.fetch([str(h) for h in p.consistent()], with_dense=True, with_sentences=True)
    assert len(whole) == len(hits) > 1
    read = {text: p.recorded.model.encode([text])[0] for text in whole}
    for hit in hits.values():
        (embed_text,) = [t for t in whole if t.endswith("\n" + str(hit.payload["text"]))]
        expected = read[embed_text] / np.linalg.norm(read[embed_text])
        assert hit.dense is not None and hit.sentences
        np.testing.assert_allclose(hit.dense, expected, atol=1e-3)  # the stored copy is float32


# --- metadata -----------------------------------------------------------------------------------------
def test_catalog_metadata_for_a_dropped_in_model_policy(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    write_pdf(folder / "UN-System-Model-Policy-on-Sexual-Harassment.pdf", policy_sections(13, 3, 2, 40),
              title="Untitled draft")
    p = pipeline()

    p.run(folder)

    record = p.ingestor.registry.saved().documents["model-policy-2018"]
    assert record.doc_type == "policy" and record.title == "UN System Model Policy on Sexual Harassment"
    assert record.publisher and record.date == "2018-11"
    payloads = p.payloads()
    assert {(pl["doc_key"], pl["doc_type"], pl["title"]) for pl in payloads} == {
        ("model-policy-2018", "policy", "UN System Model Policy on Sexual Harassment")}


def _titled_pdf(folder: Path) -> Path:
    return write_pdf(folder / "guide_2024.pdf", policy_sections(14, 2, 1, 30), title="Guide to Reporting Channels")


def _untitled_pdf(folder: Path) -> Path:
    rng = random.Random(1)
    sections = [("Annex B Reporting Channels", [prose(rng, 60)]), ("Contacts", [prose(rng, 60)])]
    return write_pdf(folder / "annex-b.pdf", sections)  # two pages: the running header is seen as one


def _headed_markdown(folder: Path) -> Path:
    return write_markdown(folder / "faq.md", "Questions from Staff", policy_sections(15, 1, 1, 30))


def _plain_text(folder: Path) -> Path:
    path = folder / "hr_circular-07.txt"
    path.write_text(prose(random.Random(2), 80) + "\n", encoding="utf-8")
    return path


FALLBACKS = {
    "pdf /Title": (_titled_pdf, "guide-2024", "Guide to Reporting Channels"),
    "pdf first heading": (_untitled_pdf, "annex-b", "Annex B Reporting Channels"),
    "markdown first heading": (_headed_markdown, "faq", "Questions from Staff"),
    "file name": (_plain_text, "hr-circular-07", "Hr circular 07"),
}


@pytest.mark.parametrize("case", list(FALLBACKS))
def test_metadata_from_the_file_without_a_catalog_entry(
    case: str, pipeline: Callable[..., Pipeline], folder: Path
) -> None:
    make, key, title = FALLBACKS[case]
    make(folder)
    p = pipeline()

    p.run(folder)

    record = p.ingestor.registry.saved().documents[key]
    assert (record.title, record.doc_type) == (title, "other")
    assert {pl["title"] for pl in p.payloads()} == {title}


# --- chunks -------------------------------------------------------------------------------------------
def _page_texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def test_pages_and_sections_of_a_multi_page_pdf(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    sections = policy_sections(16, 6, 4, 90)
    path = write_pdf(folder / "handbook.pdf", sections, title="Handbook on Reporting", page_per_section=False)
    pages = _page_texts(path)
    assert len(pages) >= 5
    p = pipeline()

    p.run(folder)

    chunks = sorted(p.payloads(), key=lambda pl: int(str(pl["ordinal"])))
    assert {pl["section"] for pl in chunks} == {heading for heading, _ in sections}
    assert set().union(*(range(int(str(c["page_start"])), int(str(c["page_end"])) + 1) for c in chunks)) == set(
        range(1, len(pages) + 1))
    for chunk in chunks:
        text = " ".join(str(chunk["text"]).split())
        first, last = int(str(chunk["page_start"])), int(str(chunk["page_end"]))
        assert text[:60] in pages[first - 1] and text[-40:] in pages[last - 1], chunk["chunk_id"]
        assert "Guidance on Preventing" not in text and "Page " not in text  # running header and footer gone
        label = str(chunk["paragraph"])
        assert re.fullmatch(r"\d\.\d(-\d\.\d)?", label) and str(chunk["section"]).startswith(label[0] + ". ")
        assert text.startswith(label.split("-")[0] + " ") or first > 1  # a paragraph may go on from a page


def _long_document(folder: Path) -> Path:
    rng = random.Random(3)
    run_on = " ".join(prose(rng, 700).replace(".", ";").split())  # one 700-word sentence
    giant_word = "x" * 3000
    sections = [("1. Very long paragraphs", [f"1.1 {prose(rng, 900)}", f"1.2 {run_on}", f"1.3 {giant_word}"])]
    return write_markdown(folder / "long.md", "A Long Title " * 40, sections)


def test_chunk_text_is_a_slice_of_the_document_and_fits_the_model(
    pipeline: Callable[..., Pipeline], folder: Path
) -> None:
    shutil.copy(CORPUS / "dialogue-2021-10-28.md", folder)
    write_pdf(folder / "handbook.pdf", policy_sections(17, 4, 3, 80), page_per_section=False)
    _long_document(folder)
    p = pipeline()

    p.run(folder)

    records = p.ingestor.registry.saved().documents.values()
    docs = {r.doc_hash: document_text(load_file(Path(r.path), p.settings).blocks)[0] for r in records}
    payloads = p.payloads()
    assert len(docs) == 3 and len(payloads) == p.index.count()
    for pl in payloads:
        start, end = int(str(pl["char_start"])), int(str(pl["char_end"]))
        assert pl["text"] == docs[str(pl["doc_hash"])][start:end] and end > start
    every_sentence = {s for pl in payloads for s in sentences(str(pl["text"]))}
    heads = set(p.recorded.texts) - every_sentence  # the rest: each chunk's "title — section" line
    assert every_sentence <= set(p.recorded.texts) and 0 < len(heads) < len(payloads)
    assert all(len(batch) == len(set(batch)) for batch in p.recorded.batches)  # a piece is read once, a chunk never
    assert max(COUNT_TOKENS(text) for text in p.recorded.texts) <= 256


def test_every_point_stores_one_vector_per_sentence_of_its_text(pipeline: Callable[..., Pipeline], folder: Path) -> None:
    shutil.copy(CORPUS / "dialogue-2021-10-28.md", folder)
    p = pipeline()
    p.run(folder)

    hits = p.index.query([1.0] + [0.0] * 383, None, limit=p.index.count(), with_sentences=True)
    assert hits and all(h.sentences is not None for h in hits)
    for hit in hits:
        texts = sentences(str(hit.payload["text"]))
        assert len(hit.sentences or []) == len(texts) > 0
        expected = p.recorded.model.encode([texts[-1]])[0]
        assert np.asarray(hit.sentences)[-1] == pytest.approx(expected / np.linalg.norm(expected), abs=1e-5)


# --- the real model, both index modes ---------------------------------------------------------------
QUERIES = ["What did the keynote speaker say about leadership?",
           "How should a manager respond when someone reports harassment?",
           "peer-to-peer learning publication launch"]


def _real(embedder: object) -> Embed:
    def embed(texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = embedder.encode(texts).tolist()  # type: ignore[attr-defined]
        return vectors

    return embed


def _top(p: Pipeline, embed: Embed, query: str) -> tuple[str, str]:
    """The top hit, dense only and hybrid (the queries have no tie at the top)."""
    dense = embed([query])[0]
    hybrid = p.index.query(dense, p.index.encode_sparse_query(query), limit=3)
    assert hybrid[0].score > hybrid[1].score
    return p.index.query(dense, None, limit=1)[0].id, hybrid[0].id


def _ingest_with_real_model(
    root: Path, folder: Path, embed: Embed, **overrides: object
) -> tuple[set[str], list[tuple[str, str]]]:
    """Ingest twice (added, then unchanged); the chunk ids and the top hit of each query."""
    p = Pipeline(root, embed, **overrides)
    try:
        assert counts(p.run(folder)) == {"added": 2}
        ids = p.consistent()
        hits = p.index.query(embed(["interim measures protect the person who reported"])[0], None, limit=1)
        assert hits[0].payload["doc_key"] == "model-policy-2018" and hits[0].score > 0.5
        assert counts(p.run(folder)) == {"unchanged": 2}
        return ids, [_top(p, embed, q) for q in QUERIES]
    finally:
        p.index.close()


def test_real_model_end_to_end_in_both_index_modes(embedder: object, tmp_path: Path, folder: Path) -> None:
    shutil.copy(CORPUS / "dialogue-2021-10-28.md", folder)
    write_pdf(folder / "UN-System-Model-Policy-on-Sexual-Harassment.pdf", policy_sections(18, 3, 2, 60))
    embed = _real(embedder)

    edge_ids, edge_tops = _ingest_with_real_model(tmp_path / "edge", folder, embed)
    server_ids, server_tops = _ingest_with_real_model(
        tmp_path / "server", folder, embed, qdrant_url=f"path:{tmp_path / 'qdrant-local'}")

    assert edge_ids == server_ids and len(edge_ids) > 27
    assert edge_tops == server_tops


@pytest.mark.parametrize(("text", "expected"), [
    # a footnote marker a PDF glues to a sentence's full stop ends the sentence, after the marker
    ("It takes effect on 1 September 2023.1 It should be read with the Staff Rules.",
     ["It takes effect on 1 September 2023.1", "It should be read with the Staff Rules."]),
    ("It may be contested within 90 days of the decision.12 A complainant may also ask.",
     ["It may be contested within 90 days of the decision.12", "A complainant may also ask."]),
    ("All personnel complete “Respect at Work”.3 Managers attend a workshop.",
     ["All personnel complete “Respect at Work”.3", "Managers attend a workshop."]),
    # a paragraph number, an abbreviation's reference, an annex number or a decimal is no footnote
    ("The duty in paragraph 5.4 The manager must act.", ["The duty in paragraph 5.4 The manager must act."]),
    ("See para.5 The next step.", ["See para.5 The next step."]),
    ("Annex A.1 Purpose of the annex.", ["Annex A.1 Purpose of the annex."]),
    # a numbered item's number is no sentence of its own
    ("It runs as follows:\n\n1. HR confirms receipt.\n\n2. An investigator is named. Interviews follow.\n\n(b) Then a report.",
     ["It runs as follows:", "HR confirms receipt.", "An investigator is named.", "Interviews follow.",
      "(b) Then a report."]),
])
def test_a_footnote_marker_ends_its_sentence_and_a_list_number_is_no_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
