"""The ingestion manifest: which document versions the index holds, written atomically.

A document version is *committed* once its record is in the manifest. Points whose
``doc_hash`` is not committed are orphans (an interrupted write or a replaced version)
and are swept by the next ingest; readers ignore them.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from ingest.models import DocumentRecord


class Failure(BaseModel):
    path: str
    error: str
    at: str


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


class ManifestStore:
    """Reads and atomically replaces ``manifest.json`` in the index folder."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Manifest:
        if not self.path.exists():
            return Manifest()
        return Manifest.model_validate(json.loads(self.path.read_text(encoding="utf-8")))

    def save(self, manifest: Manifest) -> None:
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
