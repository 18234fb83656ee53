"""The BM25 sparse encoder shared by both engines, so tokens match across modes.

Qdrant Edge's ``Bm25`` runs in-process (no server, no inference service): lowercasing, the language's stopwords
and Snowball stemmer, term ids hashed from tokens. Each text is read as its language: a chunk as its document's,
a query as py3langid reads it (``ingest.language``), so a French question meets French stems and a Chinese one is
cut into words (Qdrant's multilingual tokenizer: Chinese has no spaces, and the word tokenizer makes a whole
sentence one token). English text is read exactly as before languages were known (an index built then keeps
matching). Documents get BM25 term-frequency weights (k=1.2, b=0.75, avg_len=256); queries get weight 1 per unique
token. The IDF part of BM25 is applied at query time by the engine (``Modifier.Idf`` on Edge, ``Modifier.IDF`` on
a server), over the whole index.
"""

from __future__ import annotations

import qdrant_edge

from ingest.index.base import SparseVec
from ingest.language import language_of

LANGUAGE = "english"
SNOWBALL = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic", "zh": "chinese"}
SEGMENTED = {"zh"}  # no spaces between words: Qdrant's multilingual tokenizer segments them


class Bm25Encoder:
    """Turns text into the ``bm25`` sparse vectors stored and queried by the index."""

    def __init__(self) -> None:
        self._models: dict[str, qdrant_edge.Bm25] = {}

    def _model(self, language: str | None) -> qdrant_edge.Bm25:
        code = language if language in SNOWBALL else "en"
        if code not in self._models:
            tokenizer = qdrant_edge.TokenizerType.Multilingual if code in SEGMENTED else qdrant_edge.TokenizerType.Word
            config = qdrant_edge.Bm25Config(language=SNOWBALL[code], tokenizer=tokenizer)
            self._models[code] = qdrant_edge.Bm25(config)
        return self._models[code]

    def document(self, text: str, language: str | None = None) -> SparseVec:
        """Sparse vector of a chunk to store (term-frequency weights); ``language``: its document's (default en)."""
        return _to_sparse(self._model(language).embed_document(text))

    def query(self, text: str, language: str | None = None) -> SparseVec:
        """Sparse vector of a search query (weight 1 per unique token); ``language``: the query's (default: read
        from it)."""
        if language is None:
            language = language_of(text)
        return _to_sparse(self._model(language).embed_query(text))


def _to_sparse(vec: qdrant_edge.SparseVector) -> SparseVec:
    return SparseVec(indices=list(vec.indices), values=[float(v) for v in vec.values])
