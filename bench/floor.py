"""The in-process floor of one search: what the machine needs without HTTP, JSON or the service.

The same steps the retriever takes, timed one by one in this process: ONNX query embedding (the service's
fast path, same session options), BM25 query encoding, and the engine's hybrid query (dense, BM25 and
best sentence fused by DBSF, the payload fields collapsing reads) followed by the fetch of the top hits'
records (full payload and dense vector) on the same index folder. The service's p50 minus this is its overhead.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.machine import summary
from ingest.index.edge import EdgeIndex
from service.query_embedding import QueryEmbedder
from service.retrieval import COLLAPSE_FIELDS, FETCH_SLACK, ranked_limit

PREFETCH = 40
TOP_K = 5
LIMIT = ranked_limit(TOP_K)


def floor(index_dir: Path, embed: QueryEmbedder, queries: list[str]) -> dict[str, Any]:
    steps: dict[str, list[float]] = {"embed": [], "bm25": [], "index query": [], "total": []}
    with EdgeIndex.open(index_dir / "qdrant") as index:
        for query in queries[:5]:  # warm-up
            search(index, embed(query).tolist(), index.encode_sparse_query(query))
        cpu_started = time.process_time()
        for query in queries:
            t0 = time.perf_counter()
            dense = embed(query).tolist()
            t1 = time.perf_counter()
            sparse = index.encode_sparse_query(query)
            t2 = time.perf_counter()
            search(index, dense, sparse)
            t3 = time.perf_counter()
            for name, ms in (("embed", t1 - t0), ("bm25", t2 - t1), ("index query", t3 - t2), ("total", t3 - t0)):
                steps[name].append(ms * 1000)
        cpu_ms = (time.process_time() - cpu_started) * 1000 / max(len(queries), 1)
    return {name: summary(values, 3) for name, values in steps.items()} | {"cpu_ms_per_query": round(cpu_ms, 2)}


def search(index: EdgeIndex, dense: list[float], sparse: Any) -> None:
    hits = index.query(dense, sparse, LIMIT, None, PREFETCH, payload_fields=COLLAPSE_FIELDS)
    index.fetch([hit.id for hit in hits[: TOP_K + FETCH_SLACK]], with_dense=True)
