"""The default answerer: picks the passage sentences that answer the question and cites each one.

A sentence is scored by embedding similarity to the question, lexical overlap (the engine's BM25
tokens, so stemming and stop words match the index) and its passage's fused retrieval score;
maximal marginal relevance keeps the answer from saying one point three times and spreads it over
passages. Every sentence is a verbatim quote. Weights: a sweep on the gold set (eval/data/README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ingest.sentences import sentence_spans
from service.answering.verify import unmark
from service.models import Citation, Passage
from service.retrieval import Retrieved

TextEmbed = Callable[[list[str]], np.ndarray]
TokenSet = Callable[[str], set[int]]

W_SIMILARITY, W_OVERLAP, W_PASSAGE = 0.6, 0.25, 0.3
MMR_REDUNDANCY = 0.5
SAME_PASSAGE = 0.1  # MMR penalty for a second sentence of an already cited passage
REDUNDANT_COSINE = 0.85
RELATIVE_FLOOR = 0.65
MIN_WORDS = 4
SENTENCE_ENDS = (".", "!", "?", ":", ";")  # headings and title lines have none, and answer nothing


@dataclass
class Candidate:
    passage_idx: int
    start: int
    end: int
    text: str
    sentence_idx: int = 0  # position among the passage's sentences (and their vectors stored at ingest)
    score: float = 0.0


class ExtractiveAnswerer:
    def __init__(self, embed_texts: TextEmbed, tokens: TokenSet, max_sentences: int = 4) -> None:
        self.embed_texts = embed_texts
        self.tokens = tokens
        self.max_sentences = max_sentences

    def compose(self, question: str, found: Retrieved, passages_first: int = 0) -> tuple[str, list[Citation]]:
        """Answer text with ``[n]`` markers and one citation per sentence."""
        candidates = self.candidates(found.passages)
        if not candidates:
            return "", []
        vectors = self.vectors(candidates, found)
        self.score(question, found, candidates, vectors)
        chosen = self.select(candidates, vectors)
        return render(chosen, found.passages)

    def candidates(self, passages: list[Passage]) -> list[Candidate]:
        out = []
        for idx, passage in enumerate(passages):
            for position, (start, end) in enumerate(sentence_spans(passage.text)):
                text = passage.text[start:end]
                if is_statement(text):
                    out.append(Candidate(idx, start, end, text, position))
        return out

    def vectors(self, cands: list[Candidate], found: Retrieved) -> np.ndarray:
        """The candidates' sentence vectors: as stored at ingest when the index holds them, else embedded now."""
        stored = [_stored_rows(found, i) for i in range(len(found.passages))]
        rows = [_row(stored[c.passage_idx], c.sentence_idx) for c in cands]
        missing = [i for i, row in enumerate(rows) if row is None]
        if missing:
            embedded = self.embed_texts([cands[i].text for i in missing])
            for i, row in zip(missing, embedded, strict=True):
                rows[i] = row
        return np.asarray(rows, dtype=np.float32)

    def score(self, question: str, found: Retrieved, cands: list[Candidate], vectors: np.ndarray) -> None:
        similarity = vectors @ found.query_vec
        passage_term = relative_scores(found.passages)
        q_tokens = self.tokens(question)
        for cand, sim in zip(cands, similarity, strict=True):
            overlap = len(q_tokens & self.tokens(cand.text)) / max(len(q_tokens), 1)
            cand.score = W_SIMILARITY * float(sim) + W_OVERLAP * overlap + W_PASSAGE * passage_term[cand.passage_idx]

    def select(self, cands: list[Candidate], vectors: np.ndarray) -> list[Candidate]:
        """Maximal marginal relevance over candidates above a floor relative to the best."""
        best = max(c.score for c in cands)
        pool = [i for i, c in enumerate(cands) if c.score >= RELATIVE_FLOOR * best]
        chosen: list[int] = []
        while pool and len(chosen) < self.max_sentences:
            cited = {cands[j].passage_idx for j in chosen}
            i = max(pool, key=lambda j: cands[j].score - MMR_REDUNDANCY * _max_sim(vectors, j, chosen)
                    - SAME_PASSAGE * (cands[j].passage_idx in cited))
            pool.remove(i)
            if _max_sim(vectors, i, chosen) < REDUNDANT_COSINE:
                chosen.append(i)
        return [cands[i] for i in chosen]


def relative_scores(passages: list[Passage]) -> list[float]:
    """Each passage's retrieval score as a share of the best one's (fused scores are not cosines)."""
    best = max((p.score for p in passages), default=0.0)
    return [p.score / best if best > 0 else 0.0 for p in passages]


def _stored_rows(found: Retrieved, idx: int) -> np.ndarray | None:
    """Passage ``idx``'s stored sentence vectors when they line up with its sentences (same splitter)."""
    rows = found.sentence_vectors[idx] if idx < len(found.sentence_vectors) else None
    if rows is None or len(rows) != len(sentence_spans(found.passages[idx].text)):
        return None
    return rows


def _row(rows: np.ndarray | None, i: int) -> np.ndarray | None:
    return None if rows is None else rows[i]


def is_statement(text: str) -> bool:
    """A sentence worth quoting: long enough, and not a heading or title line (those end without punctuation;
    list entries such as "Ms. X, Director, Y" keep their commas)."""
    ends = text.rstrip("”’\"')").endswith(SENTENCE_ENDS)
    return len(text.split()) >= MIN_WORDS and (ends or "," in text)


def _max_sim(vectors: np.ndarray, i: int, chosen: list[int]) -> float:
    return float(max((vectors[i] @ vectors[j] for j in chosen), default=0.0))


def render(chosen: list[Candidate], passages: list[Passage]) -> tuple[str, list[Citation]]:
    parts, citations = [], []
    for n, cand in enumerate(chosen, start=1):
        parts.append(f"{unmark(cand.text)} [{n}]")  # the quote stays verbatim; the shown sentence cannot fake a marker
        citations.append(Citation(n=n, quote=cand.text, passage=passages[cand.passage_idx]))
    return " ".join(parts), citations
