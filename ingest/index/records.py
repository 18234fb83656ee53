"""The library's records on a Qdrant server: the ``RecordStore`` that replicas share.

A small collection ``<collection>_registry`` with no vectors holds one point per document record, one per
failure, and one *stamp* point rewritten after every save. A save writes only the records that changed since the
writer's ``base`` (what it last loaded or saved) and deletes only those it removed, so two machines ingesting
different files never undo each other's records. Readers poll the stamp (one point read) and reload the
records when it moves.

The crash-safe order is the registry's (``ingest/registry.py``): a version's points are written (and waited
for) before its record is upserted here, and the version it replaced is deleted only after.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from qdrant_client import QdrantClient, models

from ingest.manifest import Failure, Manifest
from ingest.models import DocumentRecord

T = TypeVar("T")
DOCUMENT, FAILURE, STAMP = "document", "failure", "stamp"
KIND = "kind"
SCROLL_PAGE = 512
NAMESPACE = uuid.UUID("6f1c2b1e-7d0a-4c55-9a51-4b1f3d0e2a77")


def record_id(kind: str, key: str) -> str:
    """A stable point id for a record: the same document key names the same point on every machine."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


STAMP_ID = record_id(STAMP, "library")


def payloads(manifest: Manifest) -> dict[str, dict[str, Any]]:
    """Every record of ``manifest`` as the point payload it is stored as, by point id."""
    found = {record_id(DOCUMENT, key): {KIND: DOCUMENT, **rec.model_dump(mode="json")}
             for key, rec in manifest.documents.items()}
    found.update({record_id(FAILURE, key): {KIND: FAILURE, "key": key, **failure.model_dump(mode="json")}
                  for key, failure in manifest.failures.items()})
    return found


def manifest_of(points: list[dict[str, Any]]) -> Manifest:
    manifest = Manifest()
    for payload in points:
        kind = payload.get(KIND)
        body = {k: v for k, v in payload.items() if k not in (KIND, "key")}
        if kind == DOCUMENT:
            record = DocumentRecord.model_validate(body)
            manifest.documents[record.doc_key] = record
        elif kind == FAILURE:
            manifest.failures[str(payload.get("key", body.get("path", "")))] = Failure.model_validate(body)
    return manifest


class QdrantRecords:
    """``RecordStore`` on the registry collection; ``call`` runs each client call as the index does (retried, and
    serialised where the client needs it)."""

    shared = True

    def __init__(self, client: QdrantClient, collection: str, call: Callable[[Callable[[], Any]], Any]) -> None:
        self.client = client
        self.collection = collection
        self._call = call
        self._ready = False

    def _do(self, fn: Callable[[], T]) -> T:
        if not self._ready:  # made on first use: a service starts while the server is away
            if not self._call(lambda: self.client.collection_exists(self.collection)):
                self._call(lambda: self.client.create_collection(self.collection, vectors_config={}))
            self._ready = True
        result: T = self._call(fn)
        return result

    def load(self) -> Manifest:
        points: list[dict[str, Any]] = []
        offset: Any = None
        while True:
            records, offset = self._do(lambda o=offset: self.client.scroll(  # type: ignore[misc]
                self.collection, limit=SCROLL_PAGE, offset=o, with_payload=True, with_vectors=False))
            points.extend(dict(r.payload or {}) for r in records)
            if offset is None:
                return manifest_of(points)

    def save(self, manifest: Manifest, base: Manifest | None = None) -> None:
        wanted, before = payloads(manifest), payloads(base or Manifest())
        changed = [models.PointStruct(id=pid, vector={}, payload=body) for pid, body in wanted.items()
                   if before.get(pid) != body]
        gone: list[Any] = [pid for pid in before if pid not in wanted]
        if changed:
            self._do(lambda: self.client.upsert(self.collection, points=changed, wait=True))
        if gone:
            self._do(lambda: self.client.delete(self.collection, points_selector=models.PointIdsList(points=gone),
                                                wait=True))
        stamp = {KIND: STAMP, "stamp": uuid.uuid4().hex, "at": datetime.now(UTC).isoformat(timespec="seconds")}
        self._do(lambda: self.client.upsert(
            self.collection, points=[models.PointStruct(id=STAMP_ID, vector={}, payload=stamp)], wait=True))

    def stamp(self) -> str:
        found = self._do(lambda: self.client.retrieve(self.collection, [STAMP_ID], with_payload=True))
        return str((found[0].payload or {}).get("stamp", "")) if found else ""
