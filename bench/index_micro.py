"""Micro-benchmark of the index engines: hybrid query latency on synthetic data.

Builds N points (clustered unit vectors, real BM25 vectors of Zipf-sampled words, payloads
like the product's) and prints p50/p95 of queries, with and without filters, for the
embedded Qdrant Edge index and, at a smaller size, qdrant-client's in-memory local mode.

    python bench/index_micro.py [--points 20000] [--server-points 2000] [--queries 300]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from ingest.index.base import Index, Point, QueryFilter, SparseVec
from ingest.index.edge import EdgeIndex
from ingest.index.server import ServerIndex

DIM = 384
VOCAB = 20_000
CHUNK_WORDS = 120
CHUNKS_PER_DOC = 50
DOC_TYPES = ["policy", "guidance", "legislation", "faq", "case"]


class Synth:
    """Seeded synthetic corpus: 200 topic centroids, Zipf word frequencies."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = np.random.default_rng(seed)
        self.centroids = self._unit(self.rng.normal(size=(200, DIM)))
        self.words = [f"w{i}x" for i in range(VOCAB)]
        weights = 1 / np.arange(1, VOCAB + 1)
        self.word_cdf = np.cumsum(weights / weights.sum())

    @staticmethod
    def _unit(m: np.ndarray) -> np.ndarray:
        return m / np.linalg.norm(m, axis=-1, keepdims=True)

    def text(self, n: int) -> str:
        picks = np.minimum(np.searchsorted(self.word_cdf, self.rng.random(n)), VOCAB - 1)
        return " ".join(self.words[i] for i in picks)

    def vectors(self, n: int, noise: float = 0.6) -> np.ndarray:
        topics = self.rng.integers(0, len(self.centroids), size=n)
        return self._unit(self.centroids[topics] + noise * self.rng.normal(size=(n, DIM)) / np.sqrt(DIM) * 4)

    def points(self, index: Index, n: int) -> tuple[list[Point], np.ndarray]:
        dense = self.vectors(n).astype(np.float32)
        points = []
        for i in range(n):
            doc = i // CHUNKS_PER_DOC
            payload = {"doc_type": DOC_TYPES[doc % len(DOC_TYPES)], "doc_key": f"doc-{doc}",
                       "doc_hash": f"hash-{doc}", "text": "", "page": i % CHUNKS_PER_DOC + 1}
            sparse = index.encode_sparse_document(self.text(CHUNK_WORDS))
            points.append(Point(str(uuid.uuid4()), dense[i].tolist(), sparse, payload))
        return points, dense


def time_queries(run: Callable[[int], object], n: int) -> str:
    """Wall-clock p50/p95 and mean CPU time of the whole process (all threads) per query.

    CPU time is the steadier figure on a shared machine, where wall time includes waiting.
    """
    for i in range(10):  # warm-up
        run(i)
    wall = []
    cpu_start = time.process_time()
    for i in range(n):
        start = time.perf_counter()
        run(i)
        wall.append((time.perf_counter() - start) * 1000)
    cpu_ms = (time.process_time() - cpu_start) * 1000 / n
    q = statistics.quantiles(wall, n=100)
    return f"p50 {q[49]:6.2f} ms   p95 {q[94]:6.2f} ms   cpu {cpu_ms:5.2f} ms"


def hybrid_runner(
    index: Index, dense_q: list[list[float]], sparse_q: list[SparseVec], flt: QueryFilter | None
) -> Callable[[int], object]:
    return lambda i: index.query(dense_q[i], sparse_q[i], 10, flt, 40)


def bench_queries(name: str, index: Index, synth: Synth, n_docs: int, n: int) -> None:
    dense_q = synth.vectors(n + 10).tolist()
    sparse_q: list[SparseVec] = [index.encode_sparse_query(synth.text(5)) for _ in range(n + 10)]
    filters = {
        "no filter": None,
        "doc_type (1 of 5)": QueryFilter(doc_type=["guidance"]),
        "doc_key (3 docs)": QueryFilter(doc_key=[f"doc-{d}" for d in (1, n_docs // 2, n_docs - 1)]),
    }
    for label, flt in filters.items():
        hybrid = time_queries(hybrid_runner(index, dense_q, sparse_q, flt), n)
        print(f"  {name:<24} hybrid   {label:<18} {hybrid}")
    dense = time_queries(lambda i: index.query(dense_q[i], None, 10), n)
    sparse = time_queries(lambda i: index.query(None, sparse_q[i], 10), n)
    print(f"  {name:<24} dense    {'no filter':<18} {dense}")
    print(f"  {name:<24} bm25     {'no filter':<18} {sparse}")


def bench_threads(name: str, index: Index, synth: Synth, threads: int, n: int) -> None:
    dense_q = synth.vectors(n).tolist()
    sparse_q = [index.encode_sparse_query(synth.text(5)) for _ in range(n)]
    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(lambda i: index.query(dense_q[i], sparse_q[i], 10), range(n)))
    qps = n / (time.perf_counter() - start)
    print(f"  {name:<24} hybrid   {threads} threads          {qps:7.0f} queries/s")


def dense_recall(index: Index, synth: Synth, stored: np.ndarray, ids: list[str], n: int = 100) -> float:
    queries = synth.vectors(n)
    found = 0
    for q in queries:
        exact = {ids[i] for i in np.argsort(-stored @ q)[:10]}
        found += len(exact & {h.id for h in index.query(q.tolist(), None, 10)})
    return found / (10 * n)


def build(name: str, index: Index, synth: Synth, n_points: int) -> tuple[list[Point], np.ndarray]:
    start = time.perf_counter()
    points, dense = synth.points(index, n_points)
    made = time.perf_counter()
    index.upsert(points)
    upserted = time.perf_counter()
    index.finish()
    done = time.perf_counter()
    print(f"{name}: {n_points} points  encode {made - start:.1f}s  upsert {upserted - made:.1f}s  "
          f"finish {done - upserted:.1f}s")
    return points, dense


def run_engine(name: str, index: Index, n_points: int, n_queries: int) -> None:
    synth = Synth()
    points, dense = build(name, index, synth, n_points)
    recall = dense_recall(index, synth, dense, [p.id for p in points])
    print(f"  {name:<24} dense recall@10 vs exact: {recall:.3f}")
    bench_queries(name, index, synth, n_points // CHUNKS_PER_DOC, n_queries)
    for threads in (1, 2, 4):
        bench_threads(name, index, synth, threads, n_queries)
    start = time.perf_counter()
    hashes = index.doc_hashes()
    print(f"  {name:<24} doc_hashes() of {len(hashes)} docs: {(time.perf_counter() - start) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=20_000)
    parser.add_argument("--server-points", type=int, default=2_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with EdgeIndex.open(Path(tmp) / "edge") as edge:
            run_engine("EdgeIndex", edge, args.points, args.queries)
        if args.server_points:
            with ServerIndex.connect(":memory:", "bench") as server:
                run_engine("ServerIndex (local mode)", server, args.server_points, args.queries)


if __name__ == "__main__":
    main()
