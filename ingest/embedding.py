"""The embedder: the bundled all-MiniLM-L6-v2 through sentence-transformers.

A real subclass of llama-index's ``BaseEmbedding``, always passed explicitly (llama-index's global default
would reach for a hosted API). The unit tests' deterministic fake is ``tests.fakes.HashEmbedder``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

log = logging.getLogger(__name__)

DIM = 384


class MiniLMEmbedder(BaseEmbedding):
    """sentence-transformers model loaded from a local folder, offline; batches grouped by length."""

    model_dir: str
    batch_size: int = 32
    _model: Any = PrivateAttr(default=None)

    @classmethod
    def load(cls, model_dir: Path, batch_size: int = 32) -> MiniLMEmbedder:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        emb = cls(model_name="all-MiniLM-L6-v2", model_dir=str(model_dir), batch_size=batch_size)
        emb._model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        log.info("embedding model loaded from %s", model_dir)
        return emb

    @property
    def tokenizer(self) -> Any:
        return self._model.tokenizer

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-normalised float32 embeddings, batches grouped by length (sentence-transformers sorts by length)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        vecs = self._model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in self.encode([query])[0]]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return [float(x) for x in self.encode([text])[0]]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()
