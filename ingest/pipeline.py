"""Ingestion as an explicit chain: discover -> hash -> load -> split -> embed -> write -> commit.

Incremental by content hash and crash-safe: a new version's points are written before the registry
(``ingest/registry.py``) names it, and saved (index flushed first) before the old version's points are
deleted. A run killed anywhere leaves either version committed; the next run sweeps what no manifest names.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ingest.catalog import Catalog, meta_for
from ingest.chunking import chunk_document
from ingest.disk import require_free
from ingest.errors import IngestError, KBError
from ingest.index.base import Index, Point
from ingest.loaders import check_file, load_file
from ingest.manifest import now_iso
from ingest.models import Chunk, DocumentRecord
from ingest.multilingual import MultilingualModel
from ingest.pooling import ChunkVectors, Pieces, embed_pieces, read_whole
from ingest.registry import Registry
from ingest.settings import Settings

log = logging.getLogger(__name__)

Status = Literal["added", "updated", "unchanged", "removed", "failed", "duplicate"]
IGNORED_NAMES = {"catalog.toml", "contacts.toml", "glossary.toml", "readme.md", ".gitkeep", "__init__.py"}  # the corpus is a package
IGNORED_FOLDERS = {"__pycache__"}


@dataclass
class FileOutcome:
    path: str
    status: Status
    doc_key: str | None = None
    chunks: int = 0
    error: str | None = None


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    chunks_in_index: int = 0

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def to_json(self) -> dict[str, object]:
        statuses: tuple[Status, ...] = ("added", "updated", "unchanged", "removed", "failed")
        return {
            "documents": {s: self.count(s) for s in statuses},
            "chunks": self.chunks_in_index,
            "errors": [{"path": o.path, "error": o.error or ""} for o in self.failed],
            "skipped": [{"path": o.path, "reason": o.error or ""} for o in self.outcomes if o.status == "duplicate"],
        }


@dataclass
class Pending:
    """A prepared version waiting for the model: written and committed with the next batch."""

    record: DocumentRecord
    chunks: list[Chunk]
    previous: DocumentRecord | None
    shown: str
    moved: list[FileOutcome]


class Progress:
    """What the pipeline reports while it works; the CLI draws a bar from it, the API ignores it."""

    def start(self, files: int) -> None: ...

    def chunks_planned(self, n: int) -> None: ...

    def chunks_done(self, n: int) -> None: ...

    def file_done(self, outcome: FileOutcome) -> None: ...


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: explicit files as given, folders walked (hidden files and config skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if _is_candidate(p, path))
        else:
            found.append(path)
    return found


def _is_candidate(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    hidden = any(part.startswith(".") or part in IGNORED_FOLDERS for part in rel.parts)
    return path.is_file() and not hidden and path.name.lower() not in IGNORED_NAMES


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Ingestor:
    """Turns files into committed document versions in the index."""

    def __init__(
        self,
        settings: Settings,
        index: Index,
        embed: Callable[[list[str]], list[list[float]]],
        count_tokens: Callable[[str], int],
        catalog: Catalog,
        multi: MultilingualModel | None = None,
    ) -> None:
        """``multi``: the multilingual model, whose vectors are written when the index holds its vector."""
        self.settings = settings
        self.index = index
        self.embed = embed
        self.multi = multi
        self.count_tokens = count_tokens
        self.catalog = catalog
        self.registry = Registry(index.record_store(), index, settings.index_dir, settings.node_name,
                                 settings.orphan_grace_s)
        # documents wait here until they hold a batch of chunks: the model runs on several documents at once
        # (400 one-document calls cost 30% more than one call over the same texts; docs/performance.md)
        self.pending: list[Pending] = []
        self.flushed: list[FileOutcome] = []
        self.indexed: set[str] | None = None  # the versions with points in the index, read on first need in a run

    # --- the run -------------------------------------------------------------------------------
    def run(self, paths: list[Path], progress: Progress | None = None) -> IngestReport:
        progress = progress or Progress()
        registry = self.registry
        registry.reload()
        self.check_disk()
        registry.sweep_orphans()
        files = discover(paths)
        progress.start(len(files))
        report = IngestReport()
        self.pending, self.flushed = [], []
        self.indexed = None
        try:
            for path in files:
                for outcome in self.ingest_file(path, progress):
                    report.outcomes.append(outcome)
                    progress.file_done(outcome)
            self.flush(progress)
            for outcome in self.take_flushed():
                report.outcomes.append(outcome)
                progress.file_done(outcome)
        finally:  # Ctrl-C or an index error keeps the documents written so far
            registry.settle()
        for outcome in self.remove_missing([p for p in paths if p.is_dir()]):
            report.outcomes.append(outcome)
            progress.file_done(outcome)
        registry.forget_missing_failures()
        registry.sweep_orphans()  # points of a write that failed midway
        self.check_disk()  # merging segments writes them again
        with registry.saving():
            self.index.finish()
        report.chunks_in_index = self.index.count()
        return report

    def ingest_file(self, path: Path, progress: Progress) -> list[FileOutcome]:
        """Outcomes of the documents written since the last call, then this file's (added and updated ones come
        when their batch is written), then the removal of a moved file's old record, if any."""
        shown = str(path)
        try:
            own = self._ingest_file(path.resolve(), shown, progress)
        except IngestError as err:
            own = [self._failed(shown, err.message)]
        except KBError:
            raise
        except Exception as err:  # a loader bug must not stop the other files
            log.exception("unexpected error ingesting %s", path.name)
            own = [self._failed(shown, f"{path.name}: unexpected error ({type(err).__name__})")]
        return [*self.take_flushed(), *own]

    def _ingest_file(self, path: Path, shown: str, progress: Progress) -> list[FileOutcome]:
        _check_file(path, self.settings)
        doc_hash = file_hash(path)
        if any(job.record.doc_hash == doc_hash for job in self.pending):
            self.flush(progress)  # a copy of a waiting document: decided against the saved manifest
        registry = self.registry
        previous = registry.manifest.by_path(str(path))
        if previous is not None and previous.doc_hash == doc_hash and self.has_points(doc_hash):
            registry.clear_failure(shown)
            return [FileOutcome(shown, "unchanged", previous.doc_key, len(previous.chunk_ids))]
        twin = registry.manifest.by_hash(doc_hash)
        twin = None if previous is not None and twin is not None and twin.doc_key == previous.doc_key else twin
        if twin is not None and (Path(twin.path).exists() or not registry.is_mine(twin.node)):
            return [self._duplicate(shown, twin, previous)]  # another machine's copy counts as present
        self.check_disk()
        # the same content under a path that is gone (a moved file): its record goes first, since the
        # new version's chunk ids (content hash + ordinal) are the same points
        moved = [FileOutcome(twin.path, "removed", registry.remove(twin.doc_key).doc_key)] if twin else []
        record, chunks = self.prepare(path, doc_hash, progress)
        self.pending.append(Pending(record, chunks, previous, shown, moved))
        if sum(len(job.chunks) for job in self.pending) >= self.settings.ingest_batch_chunks:
            self.flush(progress)
        return []

    def flush(self, progress: Progress) -> None:
        """Embed and write the waiting documents together, then commit each (points before the record)."""
        jobs, self.pending = self.pending, []
        if not jobs:
            return
        try:
            self.write([c for job in jobs for c in job.chunks], progress)
        except KBError:
            raise
        except Exception as err:  # the model failed: these documents fail, the run goes on
            log.exception("unexpected error embedding %d documents", len(jobs))
            self.flushed += [self._failed(job.shown, f"{Path(job.shown).name}: unexpected error "
                                                     f"({type(err).__name__})") for job in jobs]
            return
        for job in jobs:
            self.registry.commit(job.record, job.previous, job.shown)
            status: Status = "updated" if job.previous else "added"
            self.flushed += [FileOutcome(job.shown, status, job.record.doc_key, len(job.chunks)), *job.moved]

    def has_points(self, doc_hash: str) -> bool:
        """Whether the index holds a version's points: a record whose points are gone (an index folder deleted to
        rebuild it, the manifest kept) is written again, not reported unchanged. Read once per run."""
        if self.indexed is None:
            self.indexed = set(self.index.doc_hashes())
        return doc_hash in self.indexed

    def take_flushed(self) -> list[FileOutcome]:
        out, self.flushed = self.flushed, []
        return out

    def _duplicate(self, shown: str, twin: DocumentRecord, previous: DocumentRecord | None) -> FileOutcome:
        """Skip a copy of an ingested file; a version this path held before is stale and goes."""
        reason = f"same content as {Path(twin.path).name}"
        if not self.registry.is_mine(twin.node):
            reason += f" (ingested on {twin.node})"
        if previous is not None:
            self.registry.remove(previous.doc_key)
            reason += f"; its earlier version ({previous.doc_key}) was removed from the index"
        self.registry.clear_failure(shown)
        return FileOutcome(shown, "duplicate", twin.doc_key, error=reason)

    def _failed(self, shown: str, message: str) -> FileOutcome:
        self.registry.record_failure(shown, message)
        return FileOutcome(shown, "failed", error=message)

    # --- steps ---------------------------------------------------------------------------------
    def prepare(self, path: Path, doc_hash: str, progress: Progress) -> tuple[DocumentRecord, list[Chunk]]:
        """Load and split: everything up to (not including) the model."""
        parsed = load_file(path, self.settings)
        meta = meta_for(self.catalog, path, doc_hash, parsed)
        if any(job.record.doc_key == self.registry.manifest.unique_key(meta.doc_key, str(path)) for job in self.pending):
            self.flush(progress)  # a waiting document holds the key: the next free one is read from the manifest
        meta = meta.model_copy(update={"doc_key": self.registry.manifest.unique_key(meta.doc_key, str(path))})
        chunks = chunk_document(parsed, meta, doc_hash, self.count_tokens, self.settings)
        if not chunks:
            raise IngestError(path.name, "no text to index after cleaning")
        progress.chunks_planned(len(chunks))
        record = DocumentRecord(
            doc_key=meta.doc_key, doc_hash=doc_hash, path=str(path), title=meta.title, doc_type=meta.doc_type,
            publisher=meta.publisher, date=meta.date, language=meta.language or "en", pages=parsed.page_count,
            chunk_ids=[c.chunk_id for c in chunks], ingested_at=now_iso(), node=self.settings.node_name,
        )
        return record, chunks

    def write(self, chunks: list[Chunk], progress: Progress) -> None:
        """Embed (one model pass over each chunk's heading line and sentences, and a second over the whole chunk
        when ``chunk_vectors`` is "whole") and upsert in batches; invisible until commit()."""
        step = self.settings.ingest_batch_chunks
        for start in range(0, len(chunks), step):
            batch = chunks[start : start + step]
            pieces = [Pieces.of(c.embed_text, c.text) for c in batch]
            vectors = embed_pieces(pieces, self.embed, self.count_tokens)
            if self.settings.chunk_vectors == "whole":
                vectors = read_whole([c.embed_text for c in batch], vectors, self.embed)
            multi = self.multi_vectors(pieces)
            written_at = time.time()
            self.index.upsert([self._point(c, v, m, written_at)
                               for c, v, m in zip(batch, vectors, multi, strict=True)])
            progress.chunks_done(len(batch))

    def multi_vectors(self, pieces: list[Pieces]) -> list[list[float] | None]:
        """The chunks' multilingual vectors, when the index holds the configured model's vector."""
        if self.multi is None or not self.multi.held_by(self.index):
            return [None] * len(pieces)
        return list(self.multi.chunks(pieces))

    def _point(self, chunk: Chunk, vectors: ChunkVectors, multi: list[float] | None, written_at: float) -> Point:
        payload = chunk.model_dump(mode="json", exclude={"embed_text"}) | {"written_at": written_at}
        sparse = self.index.encode_sparse_document(chunk.embed_text, chunk.language)
        return Point(chunk.chunk_id, vectors.chunk, sparse, payload, vectors.sentences, multi)

    def check_disk(self) -> None:
        """Stop before the disk fills rather than when it has: the embedded index writes through memory-mapped
        files, and a write into a mapped page the disk has no room for kills the process (SIGBUS). An engine that
        maps no files here (a Qdrant server) needs no check: a failed save of the manifest stops the run anyway."""
        folder, reserve = self.index.mapped_folder, self.settings.min_free_mb
        if folder is not None and reserve:
            require_free(folder, reserve, self.settings.index_dir)

    def remove_missing(self, roots: list[Path]) -> list[FileOutcome]:
        """Documents whose file lived under an ingested folder and is gone now."""
        resolved = [r.resolve() for r in roots]
        gone = [r for r in self.registry.manifest.documents.values()
                if self.registry.is_mine(r.node) and _under(Path(r.path), resolved) and not Path(r.path).exists()]
        return [FileOutcome(rec.path, "removed", self.registry.remove(rec.doc_key).doc_key) for rec in gone]

def _under(path: Path, roots: list[Path]) -> bool:
    return any(path.is_relative_to(root) for root in roots)


def _check_file(path: Path, settings: Settings) -> None:
    """Missing, empty or too large: refused before the file is read to hash it."""
    if not path.exists():
        raise IngestError(path.name, "file not found")
    check_file(path, settings)
