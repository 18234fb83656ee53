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
    def model(self) -> Any:
        """The sentence-transformers model itself (the reader copies it: service/answering/reader.py)."""
        return self._model

    @property
    def tokenizer(self) -> Any:
        return self._model.tokenizer

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-normalised float32 embeddings, each text read on its own (``packed``)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return packed(self._model, texts, self.batch_size)

    def encode_padded(self, texts: list[str]) -> np.ndarray:
        """The same through sentence-transformers: a row per text, batches padded to their longest text."""
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


def packed(model: Any, texts: list[str], rows_per_run: int) -> np.ndarray:
    """Mean-pooled, normalised embeddings with several short texts packed into each row of the model's input.

    A text attends only to its own word pieces (a block-diagonal attention mask) and counts its positions from
    0, so its vector is the one it gets alone (checked against sentence-transformers in the tests); a row of
    the model's window holds eight sentences instead of one sentence and padding. Short texts are most of
    what ingestion embeds (each chunk's sentences), and a run over short rows wastes the CPU on fixed costs.
    """
    import torch

    window = int(model.max_seq_length)
    ids = model.tokenizer(texts, add_special_tokens=True, truncation=True, max_length=window)["input_ids"]
    bins = _pack([len(t) for t in ids], window)
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    bert = model[0].auto_model
    with torch.inference_mode():
        for start in range(0, len(bins), rows_per_run):
            group = bins[start : start + rows_per_run]
            inputs, spans = _packed_inputs(group, ids, torch)
            hidden = bert(**inputs).last_hidden_state
            for (row, a, b), i in spans:
                out[i] = hidden[row, a:b].mean(dim=0).numpy()
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def _pack(lengths: list[int], window: int) -> list[list[int]]:
    """Text indices per row, longest first, each into the first row with room (first-fit decreasing)."""
    rows: list[list[int]] = []
    room: list[int] = []
    for i in sorted(range(len(lengths)), key=lambda k: -lengths[k]):
        slot = next((r for r, free in enumerate(room) if free >= lengths[i]), None)
        if slot is None:
            rows.append([])
            room.append(window)
            slot = len(rows) - 1
        rows[slot].append(i)
        room[slot] -= lengths[i]
    return rows


def _packed_inputs(group: list[list[int]], ids: list[list[int]], torch: Any) -> tuple[dict[str, Any], list[Any]]:
    """Input ids, positions restarting per text, and the additive block-diagonal mask of one run."""
    width = max(sum(len(ids[i]) for i in row) for row in group)
    tokens = np.zeros((len(group), width), dtype=np.int64)
    positions = np.zeros((len(group), width), dtype=np.int64)
    segment = np.full((len(group), width), -1, dtype=np.int64)  # padding: its own segment, attending to itself
    spans = []
    for r, row in enumerate(group):
        at = 0
        for i in row:
            n = len(ids[i])
            tokens[r, at : at + n] = ids[i]
            positions[r, at : at + n] = np.arange(n)
            segment[r, at : at + n] = i
            spans.append(((r, at, at + n), i))
            at += n
    allowed = segment[:, :, None] == segment[:, None, :]
    mask = np.where(allowed, 0.0, np.finfo(np.float32).min).astype(np.float32)[:, None, :, :]
    inputs = {"input_ids": torch.from_numpy(tokens), "position_ids": torch.from_numpy(positions),
              "token_type_ids": torch.zeros_like(torch.from_numpy(tokens)), "attention_mask": torch.from_numpy(mask)}
    return inputs, spans
