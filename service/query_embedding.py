"""Query-time embedding: the model loaded once at start-up; ONNX Runtime when available (fast path)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ingest.embedding import DIM, MiniLMEmbedder
from ingest.settings import Settings

if TYPE_CHECKING:
    from service.answering.reader import Reader

log = logging.getLogger(__name__)


class QueryEmbedder(Protocol):
    dim: int

    def __call__(self, text: str) -> np.ndarray: ...

    def batch(self, texts: list[str]) -> np.ndarray: ...


class TorchQueryEmbedder:
    """The sentence-transformers model itself."""

    dim = DIM

    def __init__(self, embedder: MiniLMEmbedder) -> None:
        self.embedder = embedder

    def __call__(self, text: str) -> np.ndarray:
        return self.embedder.encode([text])[0]

    def batch(self, texts: list[str]) -> np.ndarray:
        return self.embedder.encode(texts)


def build_query_embedder(settings: Settings, embedder: MiniLMEmbedder) -> QueryEmbedder:
    return _onnx_or_torch(settings, embedder, TorchQueryEmbedder(embedder), "query embedding")


def build_reader_embedder(settings: Settings, embedder: MiniLMEmbedder, reader: Reader) -> QueryEmbedder:
    """The answer reader (``service.answering.reader``) as a sentence embedder: its ONNX export when the query
    backend is ONNX, else the torch model itself. One thread, no pool: a second spinning pool beside the query
    session's slowed both (warm answers 21.5 ms mean on two threads, 16.2 on one, 14.8 without the reader)."""
    return _onnx_or_torch(settings, embedder, reader, "answer reader", threads=1, fitted=reader)


def _onnx_or_torch(settings: Settings, embedder: MiniLMEmbedder, torch_model: QueryEmbedder, what: str,
                   threads: int | None = None, fitted: Reader | None = None) -> QueryEmbedder:
    """The model's ONNX export when the query backend is ONNX and the export verifies, else ``torch_model``."""
    if settings.query_backend == "onnx":
        try:
            from service.onnx_embedding import OnnxQueryEmbedder

            return OnnxQueryEmbedder.build(settings, embedder, threads, fitted)
        except Exception as err:  # ONNX is an optimisation; torch always works
            log.warning("ONNX %s unavailable (%s); using torch", what, err)
    return torch_model
