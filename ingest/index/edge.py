"""The embedded engine: a Qdrant Edge shard in a local folder, one process at a time.

Measured behaviour of qdrant-edge-py 0.9 this class relies on:

* Reads from several threads are safe, but every shard call holds the GIL, so they run one
  at a time (a hybrid query is ~1-2 ms of CPU at 20k points). Writes take ``_write_lock``.
* ``optimize()`` (in ``finish()``) also holds the GIL: the whole process stalls while it runs.
  Below the indexing threshold (10 MB of vectors: ~6.8k points of 384 floats) it is under a
  second; building HNSW (7k points: ~22 s) or vacuuming after many deletes (20k points:
  ~47 s) on two busy cores takes far longer.
* Writes land in a memory-mapped WAL: an acknowledged upsert survives kill -9 of the
  process even without ``flush()``; ``flush()`` msyncs and fsyncs, which is what makes it
  survive an OS crash or power loss.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import time
from pathlib import Path
from typing import IO, Any

import qdrant_edge as qe

from ingest.disk import require_free
from ingest.errors import IndexBusy, UsageError
from ingest.index.base import (
    DENSE,
    DENSE_INT8_QUANTILE,
    DENSE_OVERSAMPLING,
    FILTER_FIELDS,
    SENTENCES,
    SPARSE,
    UNMARKED_LANGUAGE,
    Beside,
    Fused,
    Hit,
    Lookup,
    Multi,
    PayloadFields,
    Point,
    QueryFilter,
    SparseVec,
    multi_vector_of,
    multilingual_lists,
    vector_names,
)
from ingest.index.bm25 import Bm25Encoder
from ingest.manifest import ManifestStore

log = logging.getLogger(__name__)

UPSERT_BATCH = 512
SCROLL_PAGE = 2048
CONFIG_FILE = "edge_config.json"
# The shard's search pool: one thread per CPU by default, which searches segments in parallel. A finished
# index has one or two segments and a query takes ~1 ms, so the pool's hand-offs cost more than they save:
# at 20k chunks one thread gave the same latency for 2.5 instead of 3.7-5.2 ms of CPU a query.
SEARCH_THREADS = 1
LOCK_FILE = "LOCK"
RESCORED = qe.SearchParams(quantization=qe.QuantizationSearchParams(rescore=True, oversampling=DENSE_OVERSAMPLING))


class FolderLock:
    """An exclusive ``flock`` on ``<folder>/LOCK`` holding the owner's pid."""

    def __init__(self, handle: IO[str]) -> None:
        self._handle: IO[str] | None = handle

    @classmethod
    def acquire(cls, folder: Path) -> FolderLock:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOCK_FILE
        handle = path.open("a+", encoding="ascii")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise IndexBusy(_busy_message(folder, path)) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        return cls(handle)

    def release(self) -> None:
        if self._handle is None:
            return
        self._handle.truncate(0)
        fcntl.flock(self._handle, fcntl.LOCK_UN)
        self._handle.close()
        self._handle = None


def _busy_message(folder: Path, lock_path: Path) -> str:
    pid = lock_path.read_text(encoding="ascii").strip() or "unknown"
    if pid == str(os.getpid()):
        return f"index folder {folder} is already open in this process (pid {pid})"
    return f"index folder {folder} is in use by another process (pid {pid})"


def _config(dim: int, search_threads: int | None = SEARCH_THREADS, multi: Multi = None) -> qe.EdgeConfig:
    quantized = qe.ScalarQuantizationConfig(qe.ScalarType.Int8, quantile=DENSE_INT8_QUANTILE, memory=qe.Memory.Pinned)
    extra = {} if multi is None else {multi[0]: qe.EdgeVectorParams(size=multi[1], distance=qe.Distance.Cosine)}
    return qe.EdgeConfig(
        vectors={
            **extra,
            DENSE: qe.EdgeVectorParams(size=dim, distance=qe.Distance.Cosine, quantization_config=quantized),
            # only ever rescores the dense and BM25 candidates: no HNSW graph to build (m=0)
            SENTENCES: qe.EdgeVectorParams(
                size=dim, distance=qe.Distance.Cosine,
                multivector_config=qe.MultiVectorConfig(qe.MultiVectorComparator.MaxSim),
                hnsw_config=qe.HnswIndexConfig(m=0, ef_construct=100, full_scan_threshold=10_000),
            ),
        },
        sparse_vectors={SPARSE: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
        max_search_threads=search_threads,
    )


def _is_new(folder: Path) -> bool:
    return not (folder / CONFIG_FILE).exists()


def stored_multi(folder: Path) -> Multi:
    """The multilingual vector an existing shard was created with: an index keeps the vectors it was built with
    (one built before the multilingual vector, or with it turned off, has none and keeps answering without it)."""
    vectors = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8")).get("vectors", {})
    name = multi_vector_of(list(vectors))
    return None if name is None else (name, int(vectors[name]["size"]))


def _open_shard(folder: Path, dim: int, search_threads: int | None, multi: Multi) -> tuple[qe.EdgeShard, Multi]:
    if _is_new(folder):
        log.info("creating index in %s (dim %d, multilingual %s)", folder, dim, multi)
        shard = qe.EdgeShard.create(str(folder), _config(dim, search_threads, multi))
    else:
        stored = stored_multi(folder)
        if stored != multi:
            log.warning("index %s holds multilingual vector %s, not %s: kept as built (rebuild the index to change "
                        "it: delete the folder and run `kb ingest`)", folder, stored, multi)
        multi = stored
        try:
            shard = qe.EdgeShard.load(str(folder), _config(dim, search_threads, multi))
        except Exception as exc:
            if "incompatible" not in str(exc).lower():
                raise
            raise UsageError(f"index folder {folder} was built by an older version or another model ({exc}); "
                             "delete the folder and run `kb ingest` again") from exc
    _ensure_payload_indexes(shard)
    return shard, multi


def _ensure_payload_indexes(shard: qe.EdgeShard) -> None:
    existing = shard.info().payload_schema
    for name in FILTER_FIELDS:
        if name not in existing:
            shard.update(qe.UpdateOperation.create_field_index(name, qe.PayloadSchemaType.Keyword))


def _edge_filter(flt: QueryFilter | None) -> qe.Filter | None:
    if flt is None or flt.is_empty():
        return None
    conditions: list[Any] = [
        qe.FieldCondition(key, match=qe.MatchAny(values))
        for key, values in (("doc_type", flt.doc_type), ("doc_key", flt.doc_key))
        if values
    ]
    if flt.language:
        either: list[Any] = [qe.FieldCondition("language", match=qe.MatchAny(flt.language))]
        if UNMARKED_LANGUAGE in flt.language:
            either.append(qe.IsEmptyCondition("language"))
        conditions.append(qe.Filter(should=either))
    return qe.Filter(must=conditions)


def _edge_point(point: Point, multi: str | None) -> qe.Point:
    vectors: dict[str, Any] = {
        DENSE: point.dense,
        SENTENCES: point.sentence_vectors(),
        SPARSE: qe.SparseVector(point.sparse.indices, point.sparse.values),
    }
    if multi is not None and point.multi is not None:
        vectors[multi] = point.multi
    return qe.Point(point.id, vectors, point.payload)


def _request(
    dense: list[float] | None,
    sparse: SparseVec | None,
    limit: int,
    flt: qe.Filter | None,
    prefetch: int,
    with_vector: list[str] | bool,
    payload_fields: PayloadFields = None,
    multi: tuple[list[float], str] | None = None,
    beside: Beside | None = None,
) -> qe.QueryRequest:
    with_payload = True if payload_fields is None else list(payload_fields)
    common: dict[str, Any] = {"limit": limit, "filter": flt, "with_payload": with_payload, "with_vector": with_vector}
    sparse_query = qe.SparseVector(sparse.indices, sparse.values) if sparse is not None else None
    if multi is not None:  # a question in another language (``multilingual_lists``)
        lists = multilingual_lists(multi, dense, sparse, beside)
        if len(lists) == 1:
            return qe.QueryRequest(query=qe.Query.Nearest(multi[0], using=multi[1]), **common)
        own = _edge_filter(beside.own) if beside is not None else None
        dbsf: Any = qe.Fusion.Dbsf()  # the stub's Query union omits the nested fusion classes
        return qe.QueryRequest(query=dbsf, prefetches=[_edge_fused(f, prefetch, flt, own) for f in lists], **common)
    if dense is not None and sparse_query is not None:
        candidates = [
            qe.Prefetch(limit=prefetch, query=qe.Query.Nearest(dense, using=DENSE), filter=flt, params=RESCORED),
            qe.Prefetch(limit=prefetch, query=qe.Query.Nearest(sparse_query, using=SPARSE), filter=flt),
        ]
        best_sentence = qe.Prefetch(limit=2 * prefetch, prefetches=candidates,
                                    query=qe.Query.Nearest([dense], using=SENTENCES))
        stages = [*candidates, best_sentence]
        # DBSF (scores normalised by mean +- 3 sd per list, then summed), as on the server: better than RRF
        # on the gold set and SciFact; the best sentence adds what a passage vector blurs (eval/data/README.md).
        # The stub's Query union omits the nested fusion classes.
        fusion: Any = qe.Fusion.Dbsf()
        return qe.QueryRequest(query=fusion, prefetches=stages, **common)
    if dense is not None:
        return qe.QueryRequest(query=qe.Query.Nearest(dense, using=DENSE), params=RESCORED, **common)
    assert sparse_query is not None
    return qe.QueryRequest(query=qe.Query.Nearest(sparse_query, using=SPARSE), **common)


def _edge_fused(fused: Fused, prefetch: int, flt: qe.Filter | None, own: qe.Filter | None) -> qe.Prefetch:
    if len(fused) == 1:
        return _edge_lookup(fused[0], prefetch, flt, own)
    dbsf: Any = qe.Fusion.Dbsf()
    return qe.Prefetch(limit=prefetch, query=dbsf, prefetches=[_edge_lookup(x, prefetch, flt, own) for x in fused])


def _edge_lookup(lookup: Lookup, prefetch: int, flt: qe.Filter | None, own: qe.Filter | None) -> qe.Prefetch:
    query = lookup.query
    vector = qe.SparseVector(query.indices, query.values) if isinstance(query, SparseVec) else query
    nearest = qe.Query.Nearest(vector, using=lookup.using)
    where = own if lookup.own else flt
    if lookup.using == DENSE:  # the int8 copy is searched, the float vectors rescore
        return qe.Prefetch(limit=prefetch, query=nearest, filter=where, params=RESCORED)
    return qe.Prefetch(limit=prefetch, query=nearest, filter=where)


def _hit(point: qe.ScoredPoint) -> Hit:
    return Hit.stored(point.id, point.score, point.payload, point.vector)


class EdgeIndex:
    """The ``Index`` on an embedded Qdrant Edge shard stored in one folder."""

    def __init__(self, folder: Path, shard: qe.EdgeShard, lock: FolderLock, multi: Multi = None) -> None:
        self.folder = folder
        self._shard = shard
        self._multi = multi
        self._lock = lock
        self._write_lock = threading.Lock()
        self._closed = False
        self._bm25 = Bm25Encoder()

    @classmethod
    def open(cls, path: Path, dim: int = 384, search_threads: int | None = SEARCH_THREADS,
             min_free_mib: int = 0, multi: Multi = None) -> EdgeIndex:
        """Create or load the shard in ``path``; raise ``IndexBusy`` if another process has it.

        ``search_threads``: the shard's search pool (None: one per CPU). ``min_free_mib``: a new shard is not
        created on a disk with less free space (``IndexWriteFailed``), since making its files writes too.
        ``multi``: the multilingual vector (name, size) a new shard holds; an existing one keeps what it has."""
        if min_free_mib and _is_new(path):
            require_free(path, min_free_mib, path)
        lock = FolderLock.acquire(path)
        try:
            shard, multi = _open_shard(path, dim, search_threads, multi)
        except BaseException:
            lock.release()
            raise
        return cls(path, shard, lock, multi)

    @property
    def multi_vector(self) -> str | None:
        return None if self._multi is None else self._multi[0]

    @property
    def mapped_folder(self) -> Path:
        return self.folder

    def record_store(self) -> ManifestStore:
        return ManifestStore(self.folder.parent / "manifest.json")

    def doc_hashes_written_since(self, since: float) -> set[str]:
        """None: the one process holding the folder is the one sweeping, so nothing of it is in flight then."""
        return set()

    def upsert(self, points: list[Point]) -> None:
        with self._write_lock:
            for start in range(0, len(points), UPSERT_BATCH):
                batch = [_edge_point(p, self.multi_vector) for p in points[start : start + UPSERT_BATCH]]
                self._shard.update(qe.UpdateOperation.upsert_points(batch))

    def delete_doc_hashes(self, doc_hashes: list[str]) -> None:
        if not doc_hashes:
            return
        flt = qe.Filter(must=[qe.FieldCondition("doc_hash", match=qe.MatchAny(list(doc_hashes)))])
        with self._write_lock:
            self._shard.update(qe.UpdateOperation.delete_points_by_filter(flt))

    def doc_hashes(self) -> dict[str, int]:
        # exact facet on the keyword index: ~20x faster than scrolling payloads at 20k points;
        # it reports fully deleted values with count 0, hence the filter
        request = qe.FacetRequest("doc_hash", limit=max(self.count(), 1), exact=True)
        return {str(hit.value): hit.count for hit in self._shard.facet(request).hits if hit.count > 0}

    def point_ids(self) -> set[str]:
        ids: set[str] = set()
        offset: Any = None
        while True:
            request = qe.ScrollRequest(offset=offset, limit=SCROLL_PAGE, with_payload=False, with_vector=False)
            records, offset = self._shard.scroll(request)
            ids.update(str(record.id) for record in records)
            if offset is None:
                return ids

    def count(self) -> int:
        return self._shard.count(qe.CountRequest(exact=True))

    def query(
        self,
        dense: list[float] | None,
        sparse: SparseVec | None,
        limit: int,
        flt: QueryFilter | None = None,
        prefetch: int = 40,
        with_dense: bool = False,
        with_sentences: bool = False,
        payload_fields: PayloadFields = None,
        multi: list[float] | None = None,
        beside: Beside | None = None,
    ) -> list[Hit]:
        routed = None if multi is None or self.multi_vector is None else (multi, self.multi_vector)
        if routed is None and dense is None and sparse is None:
            return []
        vectors = vector_names(with_dense, with_sentences)
        request = _request(dense, sparse, limit, _edge_filter(flt), prefetch, vectors, payload_fields, routed,
                           beside if routed else None)
        return [_hit(p) for p in self._shard.query(request)]

    def fetch(self, ids: list[str], with_dense: bool = False, with_sentences: bool = False, with_multi: bool = False
              ) -> dict[str, Hit]:
        if not ids:
            return {}
        names = vector_names(with_dense, with_sentences, self.multi_vector if with_multi else None)
        records = self._shard.retrieve(list(ids), True, names)
        return {str(r.id): Hit.stored(r.id, 0.0, r.payload, r.vector) for r in records}

    def encode_sparse_document(self, text: str, language: str | None = None) -> SparseVec:
        return self._bm25.document(text, language)

    def encode_sparse_query(self, text: str, language: str | None = None) -> SparseVec:
        return self._bm25.query(text, language)

    def flush(self) -> None:
        """Write segments to disk (acknowledged writes are already in the WAL: this bounds replay)."""
        with self._write_lock:
            self._shard.flush()

    def finish(self) -> None:
        """Flush, then merge segments and build HNSW and payload indexes (blocks until done)."""
        with self._write_lock:
            started = time.perf_counter()
            self._shard.flush()
            optimized = self._shard.optimize()
            elapsed = time.perf_counter() - started
            log.info("index %s finished in %.2fs (optimized=%s)", self.folder, elapsed, optimized)

    def close(self) -> None:
        with self._write_lock:
            if self._closed:
                return
            self._closed = True
            self._shard.flush()
            self._shard.close()
            self._lock.release()

    def __enter__(self) -> EdgeIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
