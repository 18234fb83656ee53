"""Chunk and sentence vectors from one model pass over the pieces of each chunk.

Answers and rescoring read a vector per sentence; search reads a vector per chunk. Embedding both meant two
passes of the model over the same words. Here the model reads each piece once (the chunk's title/section line,
then each of its sentences, exactly as ``ingest.sentences`` cuts them), and a chunk's vector is the mean of its
pieces' unit vectors weighted by their word pieces: mean pooling over the chunk's tokens, each sentence read on
its own. The sentence vectors are the ones a separate pass gives, unchanged. Measured against embedding the
whole chunk in docs/performance.md (SciFact and the gold set within 0.01, three PDF questions a rank lower; half
the model time). ``Settings.chunk_vectors = "whole"`` buys the whole-chunk reading back at the second pass's cost
(``read_whole``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import ArrayLike

from ingest.sentences import sentences

Embed = Callable[[list[str]], ArrayLike]
CountTokens = Callable[[str], int]


@dataclass(frozen=True)
class Pieces:
    """What the model reads of one chunk: its heading line and its sentences."""

    head: str
    sentences: list[str]

    @classmethod
    def of(cls, embed_text: str, text: str) -> Pieces:
        """``embed_text`` is the heading line, a newline, then ``text`` (``ingest.chunking``); any other text, or
        one with no sentence, is read whole as one piece."""
        found = sentences(text) if text and embed_text.endswith("\n" + text) else []
        return cls(embed_text[: -len(text) - 1], found) if found else cls(embed_text, [])


@dataclass(frozen=True)
class ChunkVectors:
    chunk: list[float]
    sentences: list[list[float]]


def embed_pieces(chunks: Sequence[Pieces], embed: Embed, count_tokens: CountTokens) -> list[ChunkVectors]:
    """Each distinct piece embedded once (a heading line recurs in every chunk of its section)."""
    texts = list(dict.fromkeys(t for p in chunks for t in (p.head, *p.sentences)))
    rows = np.asarray(embed(texts), dtype=np.float32).reshape(len(texts), -1)
    at = {text: i for i, text in enumerate(texts)}
    weights = np.asarray([count_tokens(t) for t in texts], dtype=np.float32)
    out = []
    for p in chunks:
        ids = [at[t] for t in (p.head, *p.sentences)]
        out.append(ChunkVectors(pooled(rows[ids], weights[ids]).tolist(), rows[ids[1:]].tolist()))
    return out


def read_whole(texts: Sequence[str], vectors: Sequence[ChunkVectors], embed: Embed) -> list[ChunkVectors]:
    """``vectors`` with each chunk's vector replaced by the model's reading of the whole chunk (``texts``: heading
    line and text, as ``Pieces.of`` is given them); the sentence vectors are kept. A second pass over the same
    words, for ``Settings.chunk_vectors == "whole"``: the model reads each sentence in the light of the others."""
    rows = np.asarray(embed(list(texts)), dtype=np.float32).reshape(len(texts), -1)
    rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    return [replace(v, chunk=row.tolist()) for v, row in zip(vectors, rows, strict=True)]


def pooled(vectors: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Unit-length weighted mean of unit vectors."""
    mean = (vectors * weights[:, None]).sum(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean
