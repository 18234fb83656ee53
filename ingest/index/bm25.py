"""The BM25 sparse encoder shared by both engines, so tokens match across modes.

Qdrant Edge's ``Bm25`` runs in-process (no server, no inference service): English
stopwords, lowercasing and the Snowball English stemmer, term ids hashed from tokens.
Documents get BM25 term-frequency weights (k=1.2, b=0.75, avg_len=256); queries get
weight 1 per unique token. The IDF part of BM25 is applied at query time by the engine
(``Modifier.Idf`` on Edge, ``Modifier.IDF`` on a server), over the whole index.
"""

from __future__ import annotations

import qdrant_edge

from ingest.index.base import SparseVec

LANGUAGE = "english"


class Bm25Encoder:
    """Turns text into the ``bm25`` sparse vectors stored and queried by the index."""

    def __init__(self) -> None:
        self._model = qdrant_edge.Bm25(qdrant_edge.Bm25Config(language=LANGUAGE))

    def document(self, text: str) -> SparseVec:
        """Sparse vector of a chunk to store (term-frequency weights)."""
        return _to_sparse(self._model.embed_document(text))

    def query(self, text: str) -> SparseVec:
        """Sparse vector of a search query (weight 1 per unique token)."""
        return _to_sparse(self._model.embed_query(text))


def _to_sparse(vec: qdrant_edge.SparseVector) -> SparseVec:
    return SparseVec(indices=list(vec.indices), values=[float(v) for v in vec.values])
