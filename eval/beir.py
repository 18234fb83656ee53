"""The product's own retrieval on a BEIR-layout dataset, scored with ranx (nDCG@10, recall@100).

Every abstract (title + text) goes through the product's chunker (``ingest.chunking``), embedder
(``MiniLMEmbedder``), embedded index (``EdgeIndex`` in a temporary folder) and query path
(``Index.query``: dense, BM25 or the engine's hybrid fusion). A document split into several chunks
scores as its best chunk. Chunks and their embeddings are cached in ``<cache_dir>/beir``
(``eval.beir_cache``), so a second run skips the chunker and the model.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from eval.beir_cache import (
    BeirChunk,
    chunks_key,
    embeddings_key,
    load_chunks,
    load_vectors,
    model_fingerprint,
    save_chunks,
    save_vectors,
)
from eval.beir_data import BeirDataset, BeirDoc
from ingest.chunking import chunk_document, load_token_counter
from ingest.embedding import DIM, MiniLMEmbedder
from ingest.index.base import Index, Point
from ingest.models import Block, DocumentMeta, ParsedFile
from ingest.pooling import CountTokens, Pieces, embed_pieces
from ingest.settings import Settings

log = logging.getLogger(__name__)

MODES = ("dense", "bm25", "hybrid")
METRICS = ("ndcg@10", "recall@100")
DEPTH = 100  # documents ranked per query
CHUNK_DEPTH = 3 * DEPTH  # chunks fetched per query, so that DEPTH documents remain after taking each one's best
EMBED_BATCH = 256
Run = dict[str, dict[str, float]]


def chunk_corpus(docs: list[BeirDoc], settings: Settings, bar: Progress | None = None) -> list[BeirChunk]:
    """Each abstract as the product chunks a one-paragraph document titled with the abstract's title."""
    count = load_token_counter(settings.resolved_model_dir())
    task = bar.add_task("chunking", total=len(docs)) if bar else None
    chunks: list[BeirChunk] = []
    for doc in docs:
        text = doc.text.strip() or doc.title.strip() or doc.doc_id
        meta = DocumentMeta(doc_key=doc.doc_id, title=" ".join(doc.title.split()) or doc.doc_id)
        doc_hash = hashlib.sha256(doc.doc_id.encode()).hexdigest()
        parts = chunk_document(ParsedFile([Block("text", text)]), meta, doc_hash, count, settings)
        chunks.extend(BeirChunk(c.chunk_id, doc.doc_id, c.embed_text) for c in parts)
        if bar is not None and task is not None:
            bar.advance(task)
    return chunks


def cached_chunks(dataset: BeirDataset, settings: Settings, fingerprint: str, bar: Progress | None) -> list[BeirChunk]:
    """The corpus's chunks from the cache (named by content, not by folder name), else chunked and stored."""
    path = settings.cache_dir / "beir" / f"{chunks_key(dataset.docs, settings, fingerprint)}.chunks.json"
    chunks = load_chunks(path)
    if chunks is None:
        chunks = chunk_corpus(dataset.docs, settings, bar)
        save_chunks(path, chunks)
    return chunks


def cached_embeddings(texts: list[str], embedder: MiniLMEmbedder, settings: Settings, fingerprint: str,
                      bar: Progress | None = None) -> np.ndarray:
    """Embeddings of ``texts`` from the cache when it holds them, else computed and stored."""
    path = settings.cache_dir / "beir" / f"{embeddings_key(texts, fingerprint)}.npy"
    vectors = load_vectors(path, len(texts))
    if vectors is None:
        vectors = embed_all(texts, embedder, load_token_counter(settings.resolved_model_dir()), bar)
        save_vectors(path, vectors)
    return vectors


def embed_all(texts: list[str], embedder: MiniLMEmbedder, count: CountTokens, bar: Progress | None = None
              ) -> np.ndarray:
    """Chunk vectors as ingestion makes them (``ingest.pooling``: heading line and sentences, one pass)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    task = bar.add_task("embedding", total=len(texts)) if bar else None
    for start in range(0, len(texts), EMBED_BATCH):
        block = texts[start : start + EMBED_BATCH]
        pieces = [Pieces.of(text, text.partition("\n")[2]) for text in block]
        out[start : start + len(block)] = [v.chunk for v in embed_pieces(pieces, embedder.encode, count)]
        if bar is not None and task is not None:
            bar.advance(task, len(block))
    return out


def fill_index(index: Index, chunks: list[BeirChunk], vectors: np.ndarray, bar: Progress | None = None) -> None:
    task = bar.add_task("indexing", total=len(chunks)) if bar else None
    for start in range(0, len(chunks), EMBED_BATCH):
        batch = chunks[start : start + EMBED_BATCH]
        index.upsert([_point(index, c, vectors[start + i]) for i, c in enumerate(batch)])
        if bar is not None and task is not None:
            bar.advance(task, len(batch))
    index.finish()


def _point(index: Index, chunk: BeirChunk, vector: np.ndarray) -> Point:
    return Point(chunk.chunk_id, vector.tolist(), index.encode_sparse_document(chunk.text), {"doc_key": chunk.doc_id})


def search(index: Index, query: str, qvec: np.ndarray, mode: str, prefetch: int) -> dict[str, float]:
    """Top documents for one query: the product's ``Index.query`` over chunks, a document = its best chunk."""
    dense = qvec.tolist() if mode in ("dense", "hybrid") else None
    sparse = index.encode_sparse_query(query) if mode in ("bm25", "hybrid") else None
    hits = index.query(dense, sparse, CHUNK_DEPTH, prefetch=max(prefetch, CHUNK_DEPTH))
    best: dict[str, float] = {}
    for hit in hits:  # in rank order: the first chunk of a document is its best
        best.setdefault(str(hit.payload["doc_key"]), float(hit.score))
    return dict(list(best.items())[:DEPTH])


def score(qrels: dict[str, dict[str, int]], run: Run) -> dict[str, float]:
    """nDCG@10 and recall@100 with ranx; a query with no result at all counts as zero."""
    from ranx import Qrels, evaluate
    from ranx import Run as RanxRun

    filled = {qid: run.get(qid) or {"__none__": 0.0} for qid in qrels}
    scores = evaluate(Qrels(qrels), RanxRun(filled), list(METRICS))
    return {name: round(float(scores[name]), 4) for name in METRICS}


@contextmanager
def progress_bar(console: Console | None) -> Iterator[Progress | None]:
    if console is None:
        yield None
        return
    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        yield bar


def run_beir(dataset: BeirDataset, settings: Settings, modes: tuple[str, ...] = MODES,
             embedder: MiniLMEmbedder | None = None, console: Console | None = None) -> dict[str, Any]:
    """Index the dataset in a temporary folder, run every mode, score it: the ``kb eval beir`` result."""
    from ingest.factory import load_embedder
    from ingest.index.edge import EdgeIndex

    model = embedder or load_embedder(settings)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kb-beir-") as tmp, progress_bar(console) as bar:
        fingerprint = model_fingerprint(Path(model.model_dir))
        chunks = cached_chunks(dataset, settings, fingerprint, bar)
        vectors = cached_embeddings([c.text for c in chunks], model, settings, fingerprint, bar)
        with EdgeIndex.open(Path(tmp) / "qdrant", dim=vectors.shape[1]) as index:
            fill_index(index, chunks, vectors, bar)
            indexed = time.perf_counter()
            results = run_modes(index, dataset, model.encode, modes, settings.prefetch)
    return {"dataset": dataset.name, "split": dataset.split, "queries": len(dataset.queries),
            "documents": len(dataset.docs), "chunks": len(chunks), "modes": results,
            "seconds": {"index": round(indexed - started, 1), "search": round(time.perf_counter() - indexed, 1)}}


def run_modes(index: Index, dataset: BeirDataset, encode: Callable[[list[str]], np.ndarray],
              modes: tuple[str, ...], prefetch: int) -> dict[str, dict[str, float]]:
    qids = list(dataset.queries)
    qvecs = encode([dataset.queries[q] for q in qids])
    results: dict[str, dict[str, float]] = {}
    for mode in modes:
        run = {qid: search(index, dataset.queries[qid], qvecs[i], mode, prefetch) for i, qid in enumerate(qids)}
        results[mode] = score(dataset.qrels, run)
    return results
