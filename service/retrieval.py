"""Hybrid retrieval: dense + BM25 fused by the engine (DBSF), committed versions only, duplicates collapsed.

A question in another language than English is searched on the multilingual vector instead of MiniLM's
(``ingest.multilingual``), when the index holds it: MiniLM ranks an Arabic or Russian question at random, and
fusing its list with the multilingual one drags the good list down (docs/multilingual.md). French and Spanish
share word pieces with English (names, cognates): for them MiniLM's list joins the fusion. In every language the
question's glossary words in English (``service.glossary``) are searched too, with MiniLM and English BM25, and
the passages written in the question's language once more on the multilingual vector: without that, a Russian
question over a Russian policy was answered from the English summary (the glossary's two lists read English).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ingest.index.base import Beside, Hit, Index, QueryFilter
from ingest.language import language_of
from ingest.multilingual import MultilingualModel
from service.glossary import Glossary
from service.models import Filters, Passage

QueryEmbed = Callable[[str], np.ndarray]
Fetch = Callable[[list[str]], dict[str, Hit]]
NEAR_DUPLICATE_COSINE = 0.97
# Languages whose questions also search MiniLM's vector on the multilingual route. On the six-language set's tuning
# part (recall@5, multilingual + BM25 -> with MiniLM's list too): fr 0.75 -> 0.83, es 0.67 -> 0.67, but ar
# 0.92 -> 0.75, ru 0.92 -> 0.67, zh MRR 0.50 -> 0.35: MiniLM reads Latin-script cognates and names, not other scripts.
SHARES_WORD_PIECES = frozenset({"fr", "es"})
# the ranked list carries only what the overlap check reads; full payloads and stored vectors are fetched
# for the few hits that survive (at 20k chunks: 2.6 -> 2.2 ms a query, most of the list is never read)
COLLAPSE_FIELDS = ["doc_hash", "char_start", "char_end"]
MENTION_LIMIT = 20  # passages read for a word; one of them in a committed version is enough
MAX_RANKED = 2000  # the longest ranked list asked for when collapsing leaves places open
FETCH_SLACK = 2  # fetched beyond the places still open, for a hit or two dropped as near-duplicates


@dataclass
class Retrieved:
    """Passages in rank order with their stored dense vectors, their sentences' vectors and the query vector.

    On the multilingual route (``multilingual``) ``vectors`` and ``query_vec`` are the multilingual model's, and
    no sentence vectors come (those are MiniLM's)."""

    passages: list[Passage]
    vectors: np.ndarray
    query_vec: np.ndarray
    timings_ms: dict[str, float] = field(default_factory=dict)
    sentence_vectors: list[np.ndarray | None] = field(default_factory=list)  # per passage, as stored at ingest
    multilingual: bool = False

    @property
    def cosines(self) -> np.ndarray:
        return self.vectors @ self.query_vec if len(self.passages) else np.zeros(0, dtype=np.float32)

    @property
    def best_cosine(self) -> float:
        return float(self.cosines.max()) if len(self.passages) else 0.0


class Retriever:
    """One code path for the embedded index and a Qdrant server (both behind `Index`)."""

    def __init__(self, index: Index, embed_query: QueryEmbed, committed: Callable[[], set[str]],
                 prefetch: int = 40, multi: MultilingualModel | None = None, terms: Glossary | None = None) -> None:
        self.index = index
        self.embed_query = embed_query
        self.committed = committed
        self.prefetch = prefetch
        self.multi = multi
        self.terms = terms or Glossary([])

    def route(self, query: str, mode: str = "hybrid") -> str | None:
        """The language of a question that goes the multilingual route, else None: not English, a vector search
        asked for, and the index holding the configured model's vector (an index built without it answers as
        before)."""
        language = language_of(query)
        if self.multi is None or mode == "bm25" or language == "en":
            return None
        return language if self.multi.held_by(self.index) else None

    def retrieve(self, query: str, top_k: int, filters: Filters | None = None, mode: str = "hybrid",
                 with_sentences: bool = True) -> Retrieved:
        """Ranked passages; with their sentences' stored vectors (for answers) unless ``with_sentences`` is off."""
        t0 = time.perf_counter()
        language = self.route(query, mode)
        routed = language is not None
        embed = self.multi.query if routed and self.multi is not None else self.embed_query
        qvec = np.asarray(embed(query), dtype=np.float32)
        words = self.terms.english(query, language) if language is not None and mode == "hybrid" else ""
        also, beside = self._english_side(query, language in SHARES_WORD_PIECES, words)
        if language is not None:
            beside = replace(beside, own=own_language(filters, language))
        t1 = time.perf_counter()
        kept = self._ranked(query, qvec, top_k, filters, mode, with_sentences and not routed, routed, also, beside)
        t2 = time.perf_counter()
        passages = [Passage.from_payload(h.id, h.score, h.payload) for h in kept]
        stored = [h.multi if routed else h.dense for h in kept]
        vectors = np.asarray(stored, dtype=np.float32).reshape(len(kept), qvec.shape[0])
        sentence_vectors = [None if h.sentences is None else np.asarray(h.sentences, dtype=np.float32) for h in kept]
        timings = {"embed": (t1 - t0) * 1000, "search": (t2 - t1) * 1000}
        return Retrieved(passages, vectors, qvec, timings, sentence_vectors, multilingual=routed)

    def _english_side(self, query: str, shares: bool, words: str) -> tuple[np.ndarray | None, Beside]:
        """On the multilingual route: MiniLM's vector of the question when its language shares word pieces with
        English, and the question's glossary words (``words``) embedded and read as English BM25. (One call for
        both was slower: 17 ms against 6 + 2, the short text padded to the long one.)"""
        also = np.asarray(self.embed_query(query), dtype=np.float32) if shares else None
        if not words:
            return also, Beside()
        dense = np.asarray(self.embed_query(words), dtype=np.float32).tolist()
        return also, Beside(dense, self.index.encode_sparse_query(words, "en"))

    def _ranked(self, query: str, qvec: np.ndarray, top_k: int, filters: Filters | None, mode: str,
                with_sentences: bool, routed: bool = False, also: np.ndarray | None = None,
                beside: Beside | None = None) -> list[Hit]:
        """``top_k`` hits after collapsing; when collapsing (one repetitive document, a version being replaced)
        leaves places open and the engine had more to give, ask it again for a longer list. ``also``: MiniLM's
        vector of a question on the multilingual route, searched beside it, as is ``beside``."""
        limit = ranked_limit(top_k)
        while True:
            hits = self._query(query, qvec, limit, filters, mode, routed, also, beside)
            kept = collapse(hits, self.committed(), top_k, self._fetcher(with_sentences, routed))
            if len(kept) >= top_k or len(hits) < limit or limit >= MAX_RANKED:
                return kept
            limit = min(limit * 4, MAX_RANKED)

    def search(self, query: str, top_k: int, filters: Filters | None = None, mode: str = "hybrid") -> list[Passage]:
        return self.retrieve(query, top_k, filters, mode, with_sentences=False).passages

    def mentions(self, word: str, filters: Filters | None = None) -> bool:
        """Whether a passage of the library (within ``filters``) holds the word as BM25 reads it (its stem); a
        word BM25 drops (a stop word) counts as held. One sparse query, no model run."""
        sparse = self.index.encode_sparse_query(word)
        if not sparse.indices:
            return True
        hits = self.index.query(None, sparse, MENTION_LIMIT, to_query_filter(filters), payload_fields=COLLAPSE_FIELDS)
        committed = self.committed()
        return any(hit.payload.get("doc_hash") in committed for hit in hits)

    def _query(self, query: str, qvec: np.ndarray, limit: int, filters: Filters | None, mode: str,
               routed: bool = False, also: np.ndarray | None = None, beside: Beside | None = None) -> list[Hit]:
        flt = to_query_filter(filters)
        vector = qvec.tolist() if mode in ("hybrid", "dense") else None
        sparse = self.index.encode_sparse_query(query) if mode in ("hybrid", "bm25") else None
        if routed:
            dense = also.tolist() if also is not None and vector is not None else None
            return self.index.query(dense, sparse, limit, flt, prefetch=max(self.prefetch, limit),
                                    payload_fields=COLLAPSE_FIELDS, multi=vector, beside=beside)
        return self.index.query(vector, sparse, limit, flt, prefetch=max(self.prefetch, limit),
                                payload_fields=COLLAPSE_FIELDS)

    def _fetcher(self, with_sentences: bool, routed: bool = False) -> Fetch:
        return lambda ids: self.index.fetch(ids, with_dense=True, with_sentences=with_sentences, with_multi=routed)


def ranked_limit(top_k: int) -> int:
    """Hits asked of the engine for ``top_k`` passages: room for collapsing overlaps and skipping uncommitted versions."""
    return top_k * 3 + 5


def to_query_filter(filters: Filters | None) -> QueryFilter | None:
    if filters is None:
        return None
    flt = QueryFilter(doc_type=[str(t) for t in filters.doc_type], doc_key=list(filters.doc_key),
                      language=list(filters.language))
    return None if flt.is_empty() else flt


def own_language(filters: Filters | None, language: str) -> QueryFilter | None:
    """The question's filters narrowed to passages in its language (None when they leave that language out)."""
    flt = to_query_filter(filters) or QueryFilter()
    if flt.language and language not in flt.language:
        return None
    return replace(flt, language=[language])


def collapse(hits: list[Hit], committed: set[str], top_k: int, fetch: Fetch) -> list[Hit]:
    """Keep committed versions; drop chunks overlapping or nearly duplicating a better-ranked one.

    ``hits`` (in rank order) need only the ``COLLAPSE_FIELDS`` of their payload; the hits kept are the
    records ``fetch`` returns for them (full payload, stored vectors) with the ranked score, fetched a few
    at a time as the walk down the list reaches them.
    """
    live = [hit for hit in hits if hit.payload.get("doc_hash") in committed]
    records: dict[str, Hit] = {}
    kept: list[Hit] = []
    kept_vectors: list[np.ndarray | None] = []  # each stored vector turned into an array once, not per pair
    for place, hit in enumerate(live):
        if any(_overlaps(hit.payload, other.payload) for other in kept):
            continue
        if hit.id not in records:
            records.update(fetch([h.id for h in live[place : place + top_k - len(kept) + FETCH_SLACK]]))
        record = records.get(hit.id)
        if record is None:  # deleted since the query
            continue
        vector = None if record.dense is None else np.asarray(record.dense, dtype=np.float32)
        if any(_near_duplicate(vector, other) for other in kept_vectors):
            continue
        kept.append(replace(record, score=hit.score))
        kept_vectors.append(vector)
        if len(kept) == top_k:
            break
    return kept


def _near_duplicate(vector: np.ndarray | None, other: np.ndarray | None) -> bool:
    if vector is None or other is None:
        return False
    return float(vector @ other) >= NEAR_DUPLICATE_COSINE


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("doc_hash") != b.get("doc_hash"):
        return False
    return int(a["char_start"]) < int(b["char_end"]) and int(b["char_start"]) < int(a["char_end"])
