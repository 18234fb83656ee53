"""Chunk vectors pooled from one pass over a chunk's heading line and sentences (ingest.pooling)."""

from __future__ import annotations

import numpy as np

from ingest.pooling import Pieces, embed_pieces, read_whole
from ingest.sentences import sentences
from tests.conftest import CORPUS
from tests.fakes import HashEmbedder

HEAD = "Workplace policy — 5. Reporting"
TEXT = "Reports may be made to any manager. The ethics office also takes them.\n\nA hotline is open day and night."


def words(text: str) -> int:
    return len(text.split()) + 2


def test_a_chunk_is_read_as_its_heading_line_and_its_sentences() -> None:
    pieces = Pieces.of(f"{HEAD}\n{TEXT}", TEXT)
    assert pieces.head == HEAD
    assert pieces.sentences == ["Reports may be made to any manager.", "The ethics office also takes them.",
                                "A hotline is open day and night."]


def test_text_that_is_not_heading_plus_chunk_is_read_whole() -> None:
    assert Pieces.of("something else", TEXT) == Pieces("something else", [])
    assert Pieces.of(f"{HEAD}\n   ", "   ") == Pieces(f"{HEAD}\n   ", [])


def test_sentence_vectors_are_the_sentences_own_and_the_chunk_is_their_mean_weighted_by_word_pieces() -> None:
    model = HashEmbedder(model_name="hash")
    calls: list[list[str]] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return model.encode(texts)

    other = "A second chunk of the same section."
    first, second = embed_pieces([Pieces.of(f"{HEAD}\n{TEXT}", TEXT), Pieces(HEAD, [other])], embed, words)

    assert len(calls) == 1 and calls[0].count(HEAD) == 1  # one call; the shared heading line read once
    parts = [HEAD, *Pieces.of(f"{HEAD}\n{TEXT}", TEXT).sentences]
    alone = model.encode(parts)
    np.testing.assert_allclose(first.sentences, alone[1:], atol=1e-6)
    expected = (alone * np.asarray([words(p) for p in parts], dtype=np.float32)[:, None]).sum(axis=0)
    np.testing.assert_allclose(first.chunk, expected / np.linalg.norm(expected), atol=1e-6)
    assert abs(np.linalg.norm(second.chunk) - 1) < 1e-6 and len(second.sentences) == 1
    assert float(np.dot(first.chunk, second.chunk)) < 0.99  # different sentences, different chunks


def test_packed_texts_get_the_vectors_they_get_alone(embedder) -> None:
    """The real model: several texts in one row of its input, each masked off from the others and counting its
    positions from 0, embed as sentence-transformers embeds each alone (padded batches)."""
    from ingest.embedding import _pack

    doc = (CORPUS / "dialogue-2021-10-28.md").read_text(encoding="utf-8")
    texts = [*[s for s in sentences(doc) if s.strip()][:60], "harassment", "A" * 3000]  # a word; past the window
    assert len(_pack([len(t.split()) + 2 for t in texts], 256)) < len(texts) / 3  # rows are shared
    alone, together = embedder.encode_padded(texts), embedder.encode(texts)
    assert together.shape == alone.shape and np.all(np.sum(alone * together, axis=1) > 0.9999)
    assert float(np.dot(together[0], together[1])) < 0.99  # rows are not one text's


def test_a_chunk_read_whole_gets_the_models_vector_of_the_whole_text_and_keeps_its_sentence_vectors() -> None:
    model = HashEmbedder(model_name="hash")
    embed_text = f"{HEAD}\n{TEXT}"
    pooled_ones = embed_pieces([Pieces.of(embed_text, TEXT)], model.encode, words)
    (whole,) = read_whole([embed_text], pooled_ones, lambda texts: 3 * model.encode(texts))  # any length: normalised

    expected = model.encode([embed_text])[0]
    np.testing.assert_allclose(whole.chunk, expected / np.linalg.norm(expected), atol=1e-6)
    assert whole.sentences == pooled_ones[0].sentences
    assert not np.allclose(whole.chunk, pooled_ones[0].chunk, atol=1e-6)  # not the pooled vector
