"""Index folders for the query benchmarks, built through the product's own interfaces and cached.

* ours: ``EdgeIndex.upsert`` + ``finish()`` (HNSW and payload indexes built after the writes), the same
  payload and BM25 vectors ingestion writes, and a manifest naming every document (committed).
* the peer's: qdrant-client local mode (``QdrantClient(path=...)``), one dense cosine vector, same payload.

Both are kept under ``<cache_dir>/bench/indexes/`` keyed by the dataset and the engine code, so a rerun
only builds what changed; ``build_s`` is the time of the build that made the folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from pathlib import Path
from typing import Any

from bench.dataset import DERIVATION, Dataset
from bench.machine import version
from ingest.index.base import Point
from ingest.index.edge import EdgeIndex
from ingest.manifest import Manifest, ManifestStore

log = logging.getLogger(__name__)

READY = "bench-ready.json"
BATCH = 2048
PEER_COLLECTION = "peer"


def dataset_key(data: Dataset) -> str:
    digest = hashlib.sha256(DERIVATION.encode())
    digest.update(f"{data.size}:{data.real}".encode())
    for chunk in data.chunks[:: max(data.size // 500, 1)]:
        digest.update(chunk.chunk_id.encode())
    digest.update(data.vectors[:: max(data.size // 500, 1)].tobytes())
    digest.update(f"sentences:{len(data.sentences)}".encode())
    return digest.hexdigest()[:12]


def code_key(*files: str) -> str:
    import ingest.index.base
    import ingest.index.edge

    digest = hashlib.sha256()
    for module in (ingest.index.edge, ingest.index.base):
        digest.update(Path(str(module.__file__)).read_bytes())
    for name in files:
        digest.update(str(version(name)).encode())
    return digest.hexdigest()[:8]


def cached(folder: Path) -> dict[str, Any] | None:
    marker = folder / READY
    return json.loads(marker.read_text()) if marker.exists() else None


def mark_ready(folder: Path, info: dict[str, Any]) -> dict[str, Any]:
    (folder / READY).write_text(json.dumps(info))
    return info


def edge_index(root: Path, data: Dataset) -> tuple[Path, dict[str, Any]]:
    """An index folder (``qdrant/`` + ``manifest.json``) holding the dataset, as ``kb serve`` opens it."""
    folder = root / f"edge-{data.size}-{dataset_key(data)}-{code_key('qdrant-edge-py')}"
    info = cached(folder)
    if info is not None:
        return folder, info | {"cached": True}
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    with EdgeIndex.open(folder / "qdrant") as index:
        upsert_s = write_points(index, data)
        finished = time.perf_counter()
        index.finish()
        finish_s = time.perf_counter() - finished
    manifest = Manifest(documents={r.doc_key: r for r in data.records})
    ManifestStore(folder / "manifest.json").save(manifest)
    info = {"build_s": round(time.perf_counter() - started, 1), "upsert_s": round(upsert_s, 1),
            "finish_s": round(finish_s, 1), "documents": len(data.records), "real": data.real}
    log.info("built the embedded index of %d chunks in %s: %s", data.size, folder, info)
    return folder, mark_ready(folder, info) | {"cached": False}


def write_points(index: EdgeIndex, data: Dataset) -> float:
    started = time.perf_counter()
    for start in range(0, data.size, BATCH):
        rows = range(start, min(start + BATCH, data.size))
        index.upsert([edge_point(index, data, row) for row in rows])
    return time.perf_counter() - started


def edge_point(index: EdgeIndex, data: Dataset, row: int) -> Point:
    """What ``Ingestor._point`` writes for a chunk."""
    chunk = data.chunks[row]
    payload = chunk.model_dump(mode="json", exclude={"embed_text"})
    sentences = data.sentences[row].tolist() if data.sentences else []
    sparse = index.encode_sparse_document(chunk.embed_text)
    return Point(chunk.chunk_id, data.vectors[row].tolist(), sparse, payload, sentences)


def peer_index(root: Path, data: Dataset) -> tuple[Path, dict[str, Any]]:
    """A qdrant-client local-mode folder with the dataset's dense vectors and payloads."""
    from qdrant_client import QdrantClient, models

    folder = root / f"peer-{data.size}-{dataset_key(data)}-{code_key('qdrant-client')}"
    info = cached(folder)
    if info is not None:
        return folder, info | {"cached": True}
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    client = QdrantClient(path=str(folder))
    try:
        client.create_collection(PEER_COLLECTION, vectors_config=models.VectorParams(
            size=data.vectors.shape[1], distance=models.Distance.COSINE))
        unsynced_build(client)
        for start in range(0, data.size, BATCH):
            client.upsert(PEER_COLLECTION, points=[
                models.PointStruct(id=c.chunk_id, vector=data.vectors[start + i].tolist(),
                                   payload=c.model_dump(mode="json", exclude={"embed_text"}))
                for i, c in enumerate(data.chunks[start : start + BATCH])
            ])
    finally:
        client.close()
    info = {"build_s": round(time.perf_counter() - started, 1), "real": data.real}
    log.info("built the peer's local-mode index of %d chunks in %s: %s", data.size, folder, info)
    return folder, mark_ready(folder, info) | {"cached": False}


def unsynced_build(client: Any) -> None:
    """Local mode commits (fsyncs) SQLite once per point: ~20 ms a point here, over half an hour for 100k.
    The folder is a cache, so its build skips the syncs; the file written is the same, and queries only
    read the points loaded into memory at open."""
    try:
        connection = client._client.collections[PEER_COLLECTION].storage.storage
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA journal_mode=MEMORY")
    except (AttributeError, KeyError) as err:  # a qdrant-client that stores points differently: build slowly
        log.warning("cannot speed up the local-mode build (%s)", err)
