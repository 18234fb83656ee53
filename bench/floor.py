"""The in-process floor of one search: what the machine needs without HTTP, JSON or the service.

The product's own ``Retriever`` (ONNX query embedding with the service's session options, then the hybrid
query, the fetch of the kept records and the collapse) on the same index folder and committed versions the
service reads, timed per query in this process. The service's p50 minus this is its overhead.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.machine import summary
from ingest.index.edge import EdgeIndex
from ingest.manifest import ManifestStore
from service.query_embedding import QueryEmbedder
from service.retrieval import Retriever

TOP_K = 5


def floor(index_dir: Path, embed: QueryEmbedder, queries: list[str], prefetch: int) -> dict[str, Any]:
    """Per step, median and p95 over ``queries``: ``embed``, ``index query`` (BM25 encoding, hybrid query,
    fetch and collapse: the retriever's own timings) and ``total`` (``Retriever.search`` end to end)."""
    committed = ManifestStore(index_dir / "manifest.json").load().committed_hashes()
    steps: dict[str, list[float]] = {"embed": [], "index query": [], "total": []}
    with EdgeIndex.open(index_dir / "qdrant") as index:
        retriever = Retriever(index, embed, lambda: committed, prefetch)
        for query in queries[:5]:  # warm-up
            retriever.search(query, TOP_K)
        cpu_started = time.process_time()
        for query in queries:
            started = time.perf_counter()
            found = retriever.retrieve(query, TOP_K, with_sentences=False)
            steps["total"].append((time.perf_counter() - started) * 1000)
            steps["embed"].append(found.timings_ms["embed"])
            steps["index query"].append(found.timings_ms["search"])
        cpu_ms = (time.process_time() - cpu_started) * 1000 / max(len(queries), 1)
    return {name: summary(values, 3) for name, values in steps.items()} | {"cpu_ms_per_query": round(cpu_ms, 2)}
