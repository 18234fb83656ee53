"""The ingestion manifest: which document versions the index holds, and the stores that keep it.

A document version is *committed* once its record is in the manifest. Points whose
``doc_hash`` is not committed are orphans (an interrupted write or a replaced version)
and are swept by the next ingest; readers ignore them.

Two stores implement ``RecordStore``: ``ManifestStore`` (``manifest.json`` beside the embedded index, replaced
atomically; one process writes it) and ``QdrantRecords`` (``ingest/index/records.py``: one point per record in
a collection on the Qdrant server, written record by record so replicas on other machines share it).
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, Field

from ingest.models import DocumentRecord


class Failure(BaseModel):
    path: str
    error: str
    at: str
    node: str | None = None  # the machine that tried (``KB_NODE_NAME``); None: written before replicas


class Manifest(BaseModel):
    version: int = 1
    documents: dict[str, DocumentRecord] = Field(default_factory=dict)
    failures: dict[str, Failure] = Field(default_factory=dict)

    def committed_hashes(self) -> set[str]:
        return {rec.doc_hash for rec in self.documents.values()}

    def by_path(self, path: str) -> DocumentRecord | None:
        return next((r for r in self.documents.values() if r.path == path), None)

    def by_hash(self, doc_hash: str) -> DocumentRecord | None:
        return next((r for r in self.documents.values() if r.doc_hash == doc_hash), None)

    def unique_key(self, key: str, path: str) -> str:
        """``key``, or ``key-2``, ``key-3``... when another file already holds it."""
        candidate, n = key, 1
        while candidate in self.documents and self.documents[candidate].path != path:
            n += 1
            candidate = f"{key}-{n}"
        return candidate


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class RecordStore(Protocol):
    """Where the committed versions are kept: the embedded index's file, or the Qdrant server's registry."""

    @property
    def shared(self) -> bool:
        """Whether processes on other machines write it too (their versions in flight must be spared)."""

    def load(self) -> Manifest: ...

    def save(self, manifest: Manifest, base: Manifest | None = None) -> None:
        """Store ``manifest``. ``base``: the manifest as this writer last loaded or saved it; a shared store writes
        only what changed since (so it never undoes another machine's records), the file store writes it all."""

    def stamp(self) -> str:
        """A cheap marker that changes on every save anywhere (readers poll it and reload when it moves)."""


class ManifestStore:
    """Reads and atomically replaces ``manifest.json`` in the index folder."""

    shared = False

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Manifest:
        if not self.path.exists():
            return Manifest()
        return Manifest.model_validate(json.loads(self.path.read_text(encoding="utf-8")))

    def stamp(self) -> str:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return ""
        return f"{info.st_mtime_ns}:{info.st_size}:{info.st_ino}"

    def save(self, manifest: Manifest, base: Manifest | None = None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".manifest-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(manifest.model_dump_json(indent=1))
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(self.path)
        _fsync_dir(self.path.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
