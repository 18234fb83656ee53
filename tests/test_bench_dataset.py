"""The benchmark's N-chunk datasets: real chunks first, derived chunks that are real text at new boundaries."""

from __future__ import annotations

import itertools

import numpy as np

from bench.corpus import Abstract, EmbeddingCache, chunk_abstract
from bench.dataset import Source, build_dataset, windows
from ingest.chunking import load_token_counter
from ingest.embedding import DIM
from ingest.settings import Settings
from tests.fakes import HashEmbedder

SENTENCE = "Sentence {i} of abstract {a} reports a measured effect of treatment on outcome {i}."


def abstracts(n: int) -> list[Abstract]:
    return [Abstract(str(a), f"Title {a}", " ".join(SENTENCE.format(i=i, a=a) for i in range(12))) for a in range(n)]


def sources(n: int) -> list[Source]:
    settings = Settings()
    count = load_token_counter(settings.resolved_model_dir())
    embed = HashEmbedder()
    out = []
    for abstract in abstracts(n):
        chunks = chunk_abstract(abstract, count, settings)
        out.append(Source(abstract, chunks, embed.encode([c.embed_text for c in chunks])))
    return out


def test_windows_cover_every_sentence_once():
    spans = [(i * 10, i * 10 + 8) for i in range(9)]
    for copy in range(1, 9):
        runs = windows(spans, copy)
        assert runs[0][0] == 0 and runs[-1][1] == spans[-1][1]
        assert all(a[1] < b[0] for a, b in itertools.pairwise(runs))


def test_dataset_has_the_size_asked_real_rows_first_and_every_document_committed():
    real = sources(6)
    n_real = sum(len(s.chunks) for s in real)
    data = build_dataset(n_real * 3 + 1, real)
    assert data.size == n_real * 3 + 1 and data.real == n_real
    assert np.allclose(np.linalg.norm(data.vectors, axis=1), 1.0, atol=1e-5)
    assert len({c.chunk_id for c in data.chunks}) == data.size
    committed = {r.doc_hash for r in data.records}
    assert all(c.doc_hash in committed for c in data.chunks)
    for chunk in data.chunks[n_real:]:
        source = next(s for s in real if chunk.doc_key.startswith(s.abstract.doc_key + "~"))
        assert source.abstract.text[chunk.char_start : chunk.char_end] == chunk.text


def test_derived_vectors_stay_near_their_source_but_are_not_duplicates():
    real = sources(3)
    data = build_dataset(sum(len(s.chunks) for s in real) * 2, real)
    derived = data.vectors[data.real :]
    best = (derived @ data.vectors[: data.real].T).max(axis=1)
    assert 0.8 < float(np.median(best)) < 0.97


def test_embedding_cache_embeds_only_what_is_missing(tmp_path):
    calls: list[int] = []

    def encode(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return HashEmbedder().encode(texts)

    cache = EmbeddingCache(tmp_path)
    cache.fill(["a b", "c d"], encode)
    again = EmbeddingCache(tmp_path)
    again.fill(["a b", "c d", "e f"], encode)
    assert calls == [2, 1]
    assert again.lookup(["e f", "a b"]).shape == (2, DIM)
