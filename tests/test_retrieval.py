"""Collapsing the ranked list on a real embedded index: light hits first, full records fetched lazily."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from ingest.index.base import Hit, Point
from ingest.index.edge import EdgeIndex
from service.retrieval import COLLAPSE_FIELDS, NEAR_DUPLICATE_COSINE, collapse

DIM = 384


def unit(seed: int, around: np.ndarray | None = None, noise: float = 1.0) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=DIM) * noise + (0.0 if around is None else around)
    return vec / np.linalg.norm(vec)


QUERY = unit(0)
BEST = unit(1, QUERY, 0.01)
# a near-duplicate of BEST (cosine ~0.98) that ranks below the next chunk: BEST moved away from the query
TWIN = (BEST - 0.5 * QUERY) / np.linalg.norm(BEST - 0.5 * QUERY)
# (id, doc_hash, char range, dense vector): ranked by closeness to QUERY, closest first
CHUNKS = [
    ("00000000-0000-0000-0000-000000000001", "doc-a", (0, 500), BEST),
    ("00000000-0000-0000-0000-000000000002", "doc-a", (400, 900), unit(2, QUERY, 0.015)),  # overlaps 1
    ("00000000-0000-0000-0000-000000000003", "doc-b", (0, 500), TWIN),  # near-duplicate of 1
    ("00000000-0000-0000-0000-000000000004", "doc-old", (0, 500), unit(4, QUERY, 0.03)),  # not committed
    ("00000000-0000-0000-0000-000000000005", "doc-a", (900, 1400), unit(5, QUERY, 0.04)),
    ("00000000-0000-0000-0000-000000000006", "doc-c", (0, 300), unit(6, QUERY, 0.05)),
    ("00000000-0000-0000-0000-000000000007", "doc-c", (300, 600), unit(7, QUERY, 0.06)),
    ("00000000-0000-0000-0000-000000000008", "doc-c", (600, 900), unit(8, QUERY, 0.07)),
]
COMMITTED = {"doc-a", "doc-b", "doc-c"}


@pytest.fixture
def index(tmp_path: Path) -> Iterator[EdgeIndex]:
    with EdgeIndex.open(tmp_path / "qdrant") as idx:
        points = [
            Point(pid, dense.tolist(), idx.encode_sparse_document("text"),
                  {"doc_hash": doc, "char_start": start, "char_end": end, "text": f"chunk {pid[-1]}", "title": doc})
            for pid, doc, (start, end), dense in CHUNKS
        ]
        idx.upsert(points)
        idx.finish()
        yield idx


def test_collapse_keeps_the_best_of_overlaps_and_near_duplicates_and_fetches_only_what_it_reads(
    index: EdgeIndex,
) -> None:
    assert float(BEST @ TWIN) >= NEAR_DUPLICATE_COSINE
    hits = index.query(QUERY.tolist(), None, limit=len(CHUNKS), payload_fields=COLLAPSE_FIELDS)
    assert [h.id[-1] for h in hits] == [c[0][-1] for c in CHUNKS]  # the ranking the fixture intends
    assert all(set(h.payload) == set(COLLAPSE_FIELDS) for h in hits)
    fetched: list[str] = []

    def fetch(ids: list[str]) -> dict[str, Hit]:
        fetched.extend(ids)
        return index.fetch(ids, with_dense=True)

    kept = collapse(hits, COMMITTED, 3, fetch)

    assert [h.id[-1] for h in kept] == ["1", "5", "6"]
    assert [h.score for h in kept] == [hits[0].score, hits[4].score, hits[5].score]  # the ranked scores
    assert kept[0].payload["text"] == "chunk 1" and kept[0].dense is not None  # full records
    assert "00000000-0000-0000-0000-000000000008" not in fetched  # never reached
    assert "00000000-0000-0000-0000-000000000004" not in fetched  # uncommitted: dropped before any fetch
    assert len(fetched) == len(set(fetched))  # no record fetched twice


def test_collapse_skips_a_hit_deleted_between_query_and_fetch(index: EdgeIndex) -> None:
    hits = index.query(QUERY.tolist(), None, limit=len(CHUNKS), payload_fields=COLLAPSE_FIELDS)
    index.delete_doc_hashes(["doc-a"])
    kept = collapse(hits, COMMITTED, 2, lambda ids: index.fetch(ids, with_dense=True))
    assert [h.id[-1] for h in kept] == ["3", "6"]


def test_a_llama_index_query_engine_runs_over_the_knowledge_base(corpus_kb):
    """Our hybrid search as a llama-index retriever under llama-index's own query engine (MockLLM: no model)."""
    from llama_index.core.llms import MockLLM
    from llama_index.core.query_engine import RetrieverQueryEngine

    from service.llama_retriever import KnowledgeBaseRetriever

    engine = RetrieverQueryEngine.from_args(KnowledgeBaseRetriever(corpus_kb, top_k=3), llm=MockLLM())
    response = engine.query("What is the ClearCheck database used for?")
    sources = response.source_nodes
    assert len(sources) == 3 and any("ClearCheck" in s.node.get_content() for s in sources)
    first = sources[0].node.metadata
    assert first["title"] and first["doc_type"] == "dialogue summary" and "section" in first
    assert [s.node.node_id for s in sources] == [p.id for p in corpus_kb.search("What is the ClearCheck database used for?", 3)]
