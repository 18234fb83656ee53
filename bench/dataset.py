"""N-chunk datasets from SciFact: real chunks with real embeddings first, then derived chunks to reach N.

* Real: the product's chunks of the first abstracts (``corpus.chunk_abstracts``), each with the embedding
  of its own embedded text (the bundled model, cached by ``corpus.EmbeddingCache``).
* Derived, when N is larger than the real chunks available: copy ``c`` = 1, 2, ... re-chunks every
  embedded abstract into windows of 2-5 sentences (window and offset change with ``c``), so texts and
  BM25 vectors are real text at new boundaries. Its dense vector is the real embedding of the real chunk
  it overlaps most, plus Gaussian noise (cosine ~0.9 to it): not an embedding of the window's text, but
  distributed like one, and far enough apart not to be collapsed as near-duplicates. Each copy of an
  abstract is its own document (``<doc_key>~c``) in the manifest, so the service keeps its hits.
* Sentence vectors (what ingestion stores per chunk for MaxSim rescoring and answers): for real and derived
  chunks alike, the real embeddings of the chunk's own sentences (``with_sentences``).
"""

from __future__ import annotations

import hashlib
import itertools
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bench.corpus import Abstract
from ingest.chunking import CHUNK_NAMESPACE
from ingest.embedding import DIM
from ingest.manifest import now_iso
from ingest.models import Chunk, DocType, DocumentRecord
from ingest.sentences import sentence_spans, sentences

NOISE_SIGMA = 0.025  # per dimension: |noise|^2 ~ 384 * sigma^2 = 0.24, cosine to the source ~0.9
DERIVATION = "sentence-windows-v1"  # part of cache keys: change it when the derivation changes


@dataclass
class Dataset:
    """Chunks, their dense vectors (same rows) and the manifest records naming their documents."""

    chunks: list[Chunk]
    vectors: np.ndarray
    records: list[DocumentRecord]
    real: int  # the first ``real`` rows hold real embeddings of their own text
    sentences: list[np.ndarray] = field(default_factory=list)  # per chunk: its sentences' vectors

    @property
    def size(self) -> int:
        return len(self.chunks)


@dataclass(frozen=True)
class Source:
    """One embedded abstract: its chunks and their real vectors."""

    abstract: Abstract
    chunks: list[Chunk]
    vectors: np.ndarray


def build_dataset(size: int, sources: list[Source]) -> Dataset:
    """The first ``size`` real chunks, then derived copies until there are ``size``."""
    chunks: list[Chunk] = []
    rows: list[np.ndarray] = []
    for source in sources:
        take = source.chunks[: size - len(chunks)]
        chunks.extend(take)
        rows.extend(source.vectors[: len(take)])
        if len(chunks) == size:
            break
    real = len(chunks)
    for chunk, vector in derived(sources):
        if len(chunks) == size:
            break
        chunks.append(chunk)
        rows.append(vector)
    return Dataset(chunks, np.asarray(rows, dtype=np.float32).reshape(len(rows), DIM), records(chunks), real)


def derived(sources: list[Source]) -> Iterator[tuple[Chunk, np.ndarray]]:
    """Copies 1, 2, ... of every source abstract, re-chunked at sentence windows (endless)."""
    copy = 0
    while True:
        copy += 1
        rng = np.random.default_rng(copy)
        for source in sources:
            spans = sentence_spans(source.abstract.text)
            for ordinal, (start, end) in enumerate(windows(spans, copy)):
                yield window_chunk(source, copy, ordinal, start, end), perturbed(source, start, end, rng)


def windows(spans: list[tuple[int, int]], copy: int) -> list[tuple[int, int]]:
    """Character ranges of consecutive sentence runs: width 2-5 and a first run shortened by the copy."""
    width = 2 + copy % 4
    cuts = sorted({0, *range(copy % width or width, len(spans), width), len(spans)})
    return [(spans[a][0], spans[b - 1][1]) for a, b in itertools.pairwise(cuts) if b > a]


def window_chunk(source: Source, copy: int, ordinal: int, start: int, end: int) -> Chunk:
    abstract = source.abstract
    doc_hash = hashlib.sha256(f"{abstract.doc_hash}:{copy}".encode()).hexdigest()
    text = abstract.text[start:end]
    return Chunk(
        chunk_id=str(uuid.uuid5(CHUNK_NAMESPACE, f"{doc_hash}:{ordinal}")), doc_key=f"{abstract.doc_key}~{copy}",
        doc_hash=doc_hash, ordinal=ordinal, title=abstract.title, doc_type=DocType.publication,
        char_start=start, char_end=end, text=text, embed_text=f"{abstract.title}\n{text}",
    )


def perturbed(source: Source, start: int, end: int, rng: np.random.Generator) -> np.ndarray:
    """The real vector of the real chunk overlapping [start, end) most, with noise, unit length."""
    overlaps = [min(end, c.char_end) - max(start, c.char_start) for c in source.chunks]
    base = source.vectors[int(np.argmax(overlaps))]
    vector = base + rng.normal(0.0, NOISE_SIGMA, size=DIM).astype(np.float32)
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def records(chunks: list[Chunk]) -> list[DocumentRecord]:
    """One manifest record per document of the chunks (committed, so the service keeps their hits)."""
    by_doc: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.doc_key, []).append(chunk)
    stamp = now_iso()
    return [
        DocumentRecord(doc_key=key, doc_hash=group[0].doc_hash, path=f"scifact/{key}", title=group[0].title,
                       doc_type=group[0].doc_type, chunk_ids=[c.chunk_id for c in group], ingested_at=stamp)
        for key, group in by_doc.items()
    ]


def with_sentences(data: Dataset, embed: Callable[[list[str]], Any]) -> Dataset:
    """The dataset with each chunk's sentence vectors (``embed`` gets every distinct sentence once)."""
    groups = [sentences(c.text) for c in data.chunks]
    distinct = list(dict.fromkeys(text for group in groups for text in group))
    vectors = np.asarray(embed(distinct), dtype=np.float32).reshape(len(distinct), DIM)
    row = {text: i for i, text in enumerate(distinct)}
    data.sentences = [vectors[[row[text] for text in group]] for group in groups]
    return data
