"""The server engine: a collection on a Qdrant server or cluster, through qdrant-client.

``url`` may also name qdrant-client's local mode (``path:<folder>`` or ``:memory:``), which
runs the same API in-process; tests use it. Local mode is not thread-safe, so there every
call is serialised; against a server only writes are.

Every call has the client's timeout and is retried with exponential backoff while the server is unreachable or
answers 502/503/504; after the last try it is ``IndexUnavailable`` (HTTP 503, exit 6), never a traceback. The
collection is made (or checked) on the first call that reaches the server, so a service can start before Qdrant
does and become ready when it answers. The library's document records live beside it, in ``<collection>_registry``
(``ingest/index/records.py``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
from qdrant_client import QdrantClient, models
from qdrant_client.http.exceptions import ResponseHandlingException, UnexpectedResponse
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from ingest.errors import IndexUnavailable, KBError, UsageError
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
from ingest.index.records import QdrantRecords

T = TypeVar("T")
log = logging.getLogger(__name__)

UPSERT_BATCH = 256
SCROLL_PAGE = 2048
PATH_PREFIX = "path:"
WRITTEN_AT = "written_at"  # payload: when the point was written (epoch seconds), for the orphan sweep's grace
MEMORY = ":memory:"
RESCORED = models.SearchParams(
    quantization=models.QuantizationSearchParams(rescore=True, oversampling=DENSE_OVERSAMPLING))


RETRIED_STATUS = {502, 503, 504}


def _client(url: str, api_key: str | None, timeout_s: float) -> QdrantClient:
    if url == MEMORY:
        return QdrantClient(location=MEMORY)
    if url.startswith(PATH_PREFIX):
        return QdrantClient(path=url.removeprefix(PATH_PREFIX))
    return QdrantClient(url=url, api_key=api_key, timeout=max(1, round(timeout_s)), check_compatibility=False)


def is_transient(err: BaseException) -> bool:
    """The server is down, unreachable, slow or overloaded: worth another try (a bad request is not)."""
    if isinstance(err, UnexpectedResponse):
        return err.status_code in RETRIED_STATUS
    return isinstance(err, (ResponseHandlingException, httpx.TransportError, ConnectionError, TimeoutError))


def _reason(err: BaseException) -> str:
    if isinstance(err, UnexpectedResponse):
        return f"HTTP {err.status_code}"
    cause = getattr(err, "source", None) or err.__cause__ or err
    return str(cause) or type(cause).__name__


class Caller:
    """Runs client calls with retries and backoff; a server that stays away is ``IndexUnavailable``."""

    def __init__(self, where: str, attempts: int = 3, backoff_s: float = 0.2) -> None:
        self.where = where
        self.attempts = max(1, attempts)
        self.backoff_s = backoff_s

    def __call__(self, fn: Callable[[], T]) -> T:
        retrying = Retrying(stop=stop_after_attempt(self.attempts), reraise=True,
                             wait=wait_exponential(multiplier=self.backoff_s, max=4 * self.backoff_s or 0.01),
                             retry=retry_if_exception(is_transient))
        try:
            return retrying(fn)
        except KBError:
            raise
        except Exception as err:
            if not is_transient(err):
                raise
            raise IndexUnavailable(f"the Qdrant server at {self.where} is not answering ({_reason(err)}) after "
                                   f"{self.attempts} tries; nothing was changed. Check that it is running and "
                                   "reachable (KB_QDRANT_URL), then try again") from None


def _is_local(url: str) -> bool:
    return url == MEMORY or url.startswith(PATH_PREFIX)


def _create_collection(client: QdrantClient, collection: str, dim: int, local: bool, multi: Multi) -> None:
    log.info("creating collection %s (dim %d, multilingual %s)", collection, dim, multi)
    int8 = models.ScalarQuantization(scalar=models.ScalarQuantizationConfig(
        type=models.ScalarType.INT8, quantile=DENSE_INT8_QUANTILE, always_ram=True))
    extra = {} if multi is None else {multi[0]: models.VectorParams(size=multi[1], distance=models.Distance.COSINE)}
    client.create_collection(
        collection,
        vectors_config={
            **extra,
            DENSE: models.VectorParams(size=dim, distance=models.Distance.COSINE, quantization_config=int8),
            SENTENCES: models.VectorParams(  # only rescores candidates: no HNSW graph (m=0)
                size=dim, distance=models.Distance.COSINE, hnsw_config=models.HnswConfigDiff(m=0),
                multivector_config=models.MultiVectorConfig(comparator=models.MultiVectorComparator.MAX_SIM),
            ),
        },
        sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
    )
    if local:  # local mode ignores payload indexes (and warns about them)
        return
    for name in FILTER_FIELDS:
        client.create_payload_index(collection, name, field_schema=models.PayloadSchemaType.KEYWORD)
    client.create_payload_index(collection, WRITTEN_AT, field_schema=models.PayloadSchemaType.FLOAT)


def _check_dim(client: QdrantClient, collection: str, dim: int) -> str | None:
    """Check the collection was built for this model; the name of its multilingual vector, if it holds one."""
    vectors = client.get_collection(collection).config.params.vectors
    params = vectors.get(DENSE) if isinstance(vectors, dict) else None
    if params is None or params.size != dim:
        found = "no dense vector" if params is None else f"dim {params.size}"
        raise UsageError(f"collection {collection} has {found}, expected '{DENSE}' of dim {dim}")
    if not isinstance(vectors, dict) or SENTENCES not in vectors:
        raise UsageError(f"collection {collection} was built by an older version (no '{SENTENCES}' vectors); "
                         "delete it and run `kb ingest` again")
    return multi_vector_of(list(vectors))


def _server_filter(flt: QueryFilter | None) -> models.Filter | None:
    if flt is None or flt.is_empty():
        return None
    conditions: list[Any] = [
        models.FieldCondition(key=key, match=models.MatchAny(any=values))
        for key, values in (("doc_type", flt.doc_type), ("doc_key", flt.doc_key))
        if values
    ]
    if flt.language:
        either: list[Any] = [models.FieldCondition(key="language", match=models.MatchAny(any=flt.language))]
        if UNMARKED_LANGUAGE in flt.language:
            either.append(models.IsEmptyCondition(is_empty=models.PayloadField(key="language")))
        conditions.append(models.Filter(should=either))
    return models.Filter(must=conditions)


def _server_point(point: Point, multi: str | None) -> models.PointStruct:
    sparse = models.SparseVector(indices=point.sparse.indices, values=point.sparse.values)
    vectors: dict[str, Any] = {DENSE: point.dense, SENTENCES: point.sentence_vectors(), SPARSE: sparse}
    if multi is not None and point.multi is not None:
        vectors[multi] = point.multi
    return models.PointStruct(id=point.id, vector=vectors, payload=point.payload)


def _query_args(
    dense: list[float] | None, sparse: SparseVec | None, flt: models.Filter | None, prefetch: int, local: bool,
    multi: tuple[list[float], str] | None = None, beside: Beside | None = None,
) -> dict[str, Any]:
    """``local``: qdrant-client's local mode searches exactly and warns about search params, so none are sent."""
    rescored = None if local else RESCORED
    sparse_query = None
    if sparse is not None:
        sparse_query = models.SparseVector(indices=sparse.indices, values=sparse.values)
    if multi is not None:  # a question in another language (``multilingual_lists``), as on Edge
        lists = multilingual_lists(multi, dense, sparse, beside)
        if len(lists) == 1:
            return {"query": multi[0], "using": multi[1]}
        own = _server_filter(beside.own) if beside is not None else None
        return {"prefetch": [_server_fused(f, prefetch, flt, own, rescored) for f in lists],
                "query": models.FusionQuery(fusion=models.Fusion.DBSF)}
    if dense is not None and sparse_query is not None:
        candidates = [
            models.Prefetch(query=dense, using=DENSE, filter=flt, limit=prefetch, params=rescored),
            models.Prefetch(query=sparse_query, using=SPARSE, filter=flt, limit=prefetch),
        ]
        best_sentence = models.Prefetch(prefetch=candidates, query=[dense], using=SENTENCES, limit=2 * prefetch)
        stages = [*candidates, best_sentence]
        return {"prefetch": stages, "query": models.FusionQuery(fusion=models.Fusion.DBSF)}  # as on Edge
    if dense is not None:
        return {"query": dense, "using": DENSE, "search_params": rescored}
    return {"query": sparse_query, "using": SPARSE}


def _server_fused(fused: Fused, prefetch: int, flt: models.Filter | None, own: models.Filter | None,
                  rescored: models.SearchParams | None) -> models.Prefetch:
    if len(fused) == 1:
        return _server_lookup(fused[0], prefetch, flt, own, rescored)
    return models.Prefetch(prefetch=[_server_lookup(x, prefetch, flt, own, rescored) for x in fused],
                           query=models.FusionQuery(fusion=models.Fusion.DBSF), limit=prefetch)


def _server_lookup(lookup: Lookup, prefetch: int, flt: models.Filter | None, own: models.Filter | None,
                   rescored: models.SearchParams | None) -> models.Prefetch:
    query = lookup.query
    vector = models.SparseVector(indices=query.indices, values=query.values) if isinstance(query, SparseVec) else query
    params = rescored if lookup.using == DENSE else None
    return models.Prefetch(query=vector, using=lookup.using, filter=own if lookup.own else flt, limit=prefetch,
                           params=params)


def _hit(point: models.ScoredPoint) -> Hit:
    return Hit.stored(point.id, point.score, point.payload, point.vector)


class ServerIndex:
    """The ``Index`` on one collection of a Qdrant server (or qdrant-client local mode)."""

    def __init__(self, client: QdrantClient, collection: str, local: bool, dim: int = 384,
                 caller: Caller | None = None, owns_client: bool = True, multi: Multi = None) -> None:
        """``owns_client``: close the client with the index (False when several indexes share one client, as the
        replica tests do: two services and an ingestor on one qdrant-client instance). ``multi``: the
        multilingual vector (name, size) a new collection holds; an existing one keeps what it was built with."""
        self.collection = collection
        self.dim = dim
        self._multi = multi
        self._multi_name: str | None = None
        self._client = client
        self._local = local
        self._owns_client = owns_client
        self._call = caller or Caller(collection, attempts=1)
        self._write_lock = threading.Lock()
        self._read_lock: contextlib.AbstractContextManager[Any] = (
            self._write_lock if local else contextlib.nullcontext()
        )
        self._ready = False
        self._ready_lock = threading.Lock()
        self._bm25 = Bm25Encoder()
        self._records = QdrantRecords(client, f"{collection}_registry", self._locked)

    @classmethod
    def connect(cls, url: str, collection: str, api_key: str | None = None, dim: int = 384,
                timeout_s: float = 5.0, attempts: int = 3, multi: Multi = None) -> ServerIndex:
        """A client for the server; the collection (vectors and payload indexes) is made on first use if missing."""
        return cls(_client(url, api_key, timeout_s), collection, _is_local(url), dim, Caller(url, attempts),
                   multi=multi)

    def ensure_collection(self) -> None:
        """Create the collection when it is missing, else check it was built for this model (once per process)."""
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            client, collection = self._client, self.collection
            if not self._locked(lambda: client.collection_exists(collection)):
                self._locked(lambda: _create_collection(client, collection, self.dim, self._local, self._multi))
                self._multi_name = None if self._multi is None else self._multi[0]
            else:
                self._multi_name = self._locked(lambda: _check_dim(client, collection, self.dim))
                if self._multi_name != (None if self._multi is None else self._multi[0]):
                    log.warning("collection %s holds multilingual vector %s, not %s: kept as built (delete the "
                                "collection and run `kb ingest` to change it)", collection, self._multi_name,
                                self._multi)
            self._ready = True

    @property
    def multi_vector(self) -> str | None:
        self.ensure_collection()
        return self._multi_name

    def _locked(self, fn: Callable[[], T], lock: contextlib.AbstractContextManager[Any] | None = None) -> T:
        """One client call, retried, under ``lock`` (default: the read lock, which local mode needs for every call)."""

        def locked() -> T:
            with lock if lock is not None else self._read_lock:
                return fn()

        return self._call(locked)

    def _do(self, fn: Callable[[], T], lock: contextlib.AbstractContextManager[Any] | None = None) -> T:
        """One call against the collection, made ready first."""
        self.ensure_collection()
        return self._locked(fn, lock)

    # --- the library's records ---------------------------------------------------------------------
    def record_store(self) -> QdrantRecords:
        return self._records

    def doc_hashes_written_since(self, since: float) -> set[str]:
        newer = models.Filter(must=[models.FieldCondition(key=WRITTEN_AT, range=models.Range(gte=since))])
        found: set[str] = set()
        offset: Any = None
        while True:
            records, offset = self._do(lambda o=offset: self._client.scroll(  # type: ignore[misc]
                self.collection, scroll_filter=newer, limit=SCROLL_PAGE, offset=o, with_payload=["doc_hash"]))
            found.update(str((r.payload or {}).get("doc_hash", "")) for r in records)
            if offset is None:
                return found

    def upsert(self, points: list[Point]) -> None:
        for start in range(0, len(points), UPSERT_BATCH):
            batch = [_server_point(p, self.multi_vector) for p in points[start : start + UPSERT_BATCH]]
            self._do(lambda b=batch: self._client.upsert(self.collection, points=b, wait=True),  # type: ignore[misc]
                     self._write_lock)

    def delete_doc_hashes(self, doc_hashes: list[str]) -> None:
        if not doc_hashes:
            return
        match = models.FieldCondition(key="doc_hash", match=models.MatchAny(any=list(doc_hashes)))
        selector = models.FilterSelector(filter=models.Filter(must=[match]))
        self._do(lambda: self._client.delete(self.collection, points_selector=selector, wait=True), self._write_lock)

    def doc_hashes(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        offset: Any = None
        while True:
            records, offset = self._do(lambda o=offset: self._client.scroll(  # type: ignore[misc]
                self.collection, limit=SCROLL_PAGE, offset=o, with_payload=["doc_hash"]))
            for record in records:
                key = str((record.payload or {}).get("doc_hash", ""))
                counts[key] = counts.get(key, 0) + 1
            if offset is None:
                return counts

    def point_ids(self) -> set[str]:
        ids: set[str] = set()
        offset: Any = None
        while True:
            records, offset = self._do(lambda o=offset: self._client.scroll(  # type: ignore[misc]
                self.collection, limit=SCROLL_PAGE, offset=o, with_payload=False, with_vectors=False))
            ids.update(str(record.id) for record in records)
            if offset is None:
                return ids

    def count(self) -> int:
        return self._do(lambda: self._client.count(self.collection, exact=True).count)

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
        name = self.multi_vector if multi is not None else None
        routed = None if multi is None or name is None else (multi, name)
        if routed is None and dense is None and sparse is None:
            return []
        server_flt = _server_filter(flt)
        args = _query_args(dense, sparse, server_flt, prefetch, self._local, routed, beside if routed else None)
        response = self._do(lambda: self._client.query_points(
            self.collection,
            query_filter=server_flt,
            limit=limit,
            with_payload=True if payload_fields is None else list(payload_fields),
            with_vectors=vector_names(with_dense, with_sentences),
            **args,
        ))
        return [_hit(p) for p in response.points]

    def fetch(self, ids: list[str], with_dense: bool = False, with_sentences: bool = False, with_multi: bool = False
              ) -> dict[str, Hit]:
        if not ids:
            return {}
        names = vector_names(with_dense, with_sentences, self.multi_vector if with_multi else None)
        records = self._do(lambda: self._client.retrieve(self.collection, list(ids), with_payload=True,
                                                         with_vectors=names))
        return {str(r.id): Hit.stored(r.id, 0.0, r.payload, r.vector) for r in records}

    def encode_sparse_document(self, text: str, language: str | None = None) -> SparseVec:
        return self._bm25.document(text, language)

    def encode_sparse_query(self, text: str, language: str | None = None) -> SparseVec:
        return self._bm25.query(text, language)

    def flush(self) -> None:
        """Nothing to do: every write already waited for the server to apply it."""

    @property
    def mapped_folder(self) -> Path | None:
        return None  # the server keeps its data; local mode writes ordinary files, whose failures raise

    def finish(self) -> None:
        """Nothing to do: every write waited for the server, which indexes in the background."""

    def close(self) -> None:
        if self._owns_client:
            with self._write_lock:
                self._client.close()

    def __enter__(self) -> ServerIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
