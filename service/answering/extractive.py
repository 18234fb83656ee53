"""The default answerer: quotes the units that answer the question, best first, and cites each one.

A unit (``service/answering/candidates.py``) is scored by embedding similarity to the question, lexical
overlap with its content words (each also weighted by how few of the units found hold it: the word that tells
one sentence from the others counts most), the share of the question's policy concepts it names, and its
passage's fused retrieval score. The answer holds, for each ask of the question that the passages answer
(``service/answering/answerability.py``), the best unit answering it, and nothing more: a second unit for the
same ask was on the question about one time in four (measured on the tuning parts), so adding it padded the
answer far more often than it helped; the passages found stay one click away. A sentence carried with the one before
it for its antecedent ("It should be read with ...") gives way to that sentence alone when it adds no word of the ask;
a whole list gives way to its lead-in with the one item that answers, when the ask wants a kind of answer other than
a count (a time, date, name, contact, share ...), or when every word of the ask the list holds is in that item,
unless the ask wants several ("which sanctions", "what steps"). Every quote is verbatim.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ingest.sentences import sentence_spans
from service.answering.answerability import Coverage
from service.answering.candidates import Unit
from service.answering.coverage import expected_answer
from service.answering.focus import Part, asked_nouns, asks_for_several, passage_stems
from service.models import Citation, Passage
from service.retrieval import Retrieved

TextEmbed = Callable[[list[str]], np.ndarray]

W_SIMILARITY, W_OVERLAP, W_RARE, W_PASSAGE, W_CONCEPTS, W_ASKED = 0.6, 0.25, 0.6, 0.3, 0.2, 0.2
REDUNDANT_COSINE = 0.85


@dataclass
class Scored:
    """The units of an answer with their vectors and similarity to the question."""

    units: list[Unit]
    vectors: np.ndarray
    similarity: np.ndarray


class ExtractiveAnswerer:
    def __init__(self, embed_texts: TextEmbed, max_sentences: int = 3, embed_asked: TextEmbed | None = None) -> None:
        """``embed_texts``: passages' sentences (may be cached); ``embed_asked``: texts made from the question, which
        must be kept nowhere (``embed_texts`` when not given)."""
        self.embed_texts = embed_texts
        self.embed_asked = embed_asked or embed_texts
        self.max_sentences = max_sentences

    def score(self, question_terms: set[str], parts: Sequence[Part], found: Retrieved, units: list[Unit]) -> Scored:
        """Each unit's score against the question (kept on the unit), its vector and its similarity."""
        vectors = self.unit_vectors(units, found)
        similarity = vectors @ found.query_vec if len(units) else np.zeros(0, dtype=np.float32)
        passage_term = relative_scores(found.passages)
        concepts = frozenset().union(*(p.concepts for p in parts)) if parts else frozenset()
        asked = frozenset().union(*(asked_nouns(p.text) for p in parts)) if parts else frozenset()
        weight = rarity(question_terms, units)
        total = sum(weight.values()) or 1.0
        for unit, sim in zip(units, similarity, strict=True):
            shared = question_terms & unit.stems
            overlap = len(shared) / max(len(question_terms), 1)
            rare = sum(weight[t] for t in shared) / total
            named = len(concepts & unit.concepts) / len(concepts) if concepts else 0.0
            unit.score = (W_SIMILARITY * float(sim) + W_OVERLAP * overlap + W_RARE * rare
                          + W_PASSAGE * passage_term[unit.passage_idx] + W_CONCEPTS * named
                          + W_ASKED * bool(asked & unit.stems))
        return Scored(units, vectors, similarity)

    def unit_vectors(self, units: list[Unit], found: Retrieved) -> np.ndarray:
        """A unit's vector: its sentence's, or for a lead-in with items the one closest to the question."""
        if not units:
            return np.zeros((0, found.query_vec.shape[0]), dtype=np.float32)
        rows = {i: self.passage_rows(found, i) for i in {u.passage_idx for u in units}}
        out = []
        for unit in units:
            table = rows[unit.passage_idx]
            options = [unit.sentence_idx] + [j for j, _ in unit.items]
            out.append(table[max(options, key=lambda j: float(table[j] @ found.query_vec))])
        return np.asarray(out, dtype=np.float32)

    def passage_rows(self, found: Retrieved, idx: int) -> np.ndarray:
        """Every sentence vector of passage ``idx``: as stored at ingest when they line up, else embedded now."""
        stored = found.sentence_vectors[idx] if idx < len(found.sentence_vectors) else None
        text = found.passages[idx].text
        spans = sentence_spans(text)
        if stored is not None and len(stored) == len(spans):
            return stored
        return self.embed_texts([text[a:b] for a, b in spans])

    def compose(self, scored: Scored, coverage: Coverage) -> tuple[str, list[Citation]]:
        """Answer text with ``[n]`` markers and one citation per unit quoted."""
        chosen = self.select(scored, coverage)
        return render([scored.units[i] for i in chosen])

    def select(self, scored: Scored, coverage: Coverage) -> list[int]:
        """Each ask's best unit, once, unless it says what one already chosen says; best first."""
        units = scored.units
        firsts = list(dict.fromkeys(_focused(units, a.answering, a.part) for a in coverage.asks if a.answering))
        chosen: list[int] = []
        for i in firsts:
            if len(chosen) < self.max_sentences and not self._repeats(scored, i, chosen):
                chosen.append(i)
        return sorted(chosen, key=lambda i: units[i].score, reverse=True)

    def _repeats(self, scored: Scored, i: int, chosen: list[int]) -> bool:
        """Says what a chosen unit says: the same text, an overlapping quote, or a near-identical vector."""
        unit = scored.units[i]
        for j in chosen:
            other = scored.units[j]
            if other.passage_idx == unit.passage_idx and _overlap(other, unit):
                return True
            if float(scored.vectors[i] @ scored.vectors[j]) >= REDUNDANT_COSINE:
                return True
        return False


def _focused(units: list[Unit], answering: tuple[int, ...], part: Part) -> int:
    """The ask's best unit, narrowed. A whole list gives way to its lead-in with one item: the best-scored item
    that answers, when the ask wants a kind of answer other than a count (one item holds it); else the first item
    holding every word of the ask the list holds, unless the ask wants several. Then a sentence that adds nothing
    asked is dropped."""
    best = answering[0]
    expected = expected_answer(part.text)
    if units[best].items and not (expected and expected.name == "number"):
        lead = units[best]
        items = [i for i in answering if units[i].lead_in and units[i].before == lead.span
                 and units[i].passage_idx == lead.passage_idx]
        if expected is not None and items:
            best = items[0]
        elif items and not asks_for_several(part.text):
            hits = part.terms & lead.stems
            best = next((i for i in items if hits <= units[i].stems), best)
        answering = (best, *answering)
    return _without_idle_sentence(units, answering, part.terms)


def _without_idle_sentence(units: list[Unit], answering: tuple[int, ...], terms: frozenset[str]) -> int:
    """The ask's best unit; but when it is a sentence carried with the one before it ("It should be read with ...")
    and adds no word of the ask to it, the sentence before alone, when that answers the ask too."""
    best = units[answering[0]]
    if best.before is None or best.lead_in or best.items:
        return answering[0]
    if terms & passage_stems(best.text) - passage_stems(best.passage.text[best.before[0] : best.before[1]]):
        return answering[0]
    alone = (i for i in answering if units[i].passage_idx == best.passage_idx and units[i].span == best.before
             and units[i].before is None and not units[i].items)
    return next(alone, answering[0])


def _overlap(a: Unit, b: Unit) -> bool:
    qa, qb = a.quote, b.quote
    start_a = a.passage.text.find(qa)
    start_b = b.passage.text.find(qb)
    return start_a < start_b + len(qb) and start_b < start_a + len(qa)


def rarity(terms: set[str], units: list[Unit]) -> dict[str, float]:
    """Each question term's weight among the units found: high for a word few of them hold ("banter"), low for
    one most of them share ("harassment"), as inverse document frequency over the units."""
    n = len(units)
    return {t: math.log((n + 1) / (sum(t in u.stems for u in units) + 0.5)) for t in terms}


def relative_scores(passages: list[Passage]) -> list[float]:
    """Each passage's retrieval score as a share of the best one's (fused scores are not cosines)."""
    best = max((p.score for p in passages), default=0.0)
    return [p.score / best if best > 0 else 0.0 for p in passages]


def render(chosen: list[Unit]) -> tuple[str, list[Citation]]:
    parts, citations = [], []
    for n, unit in enumerate(chosen, start=1):
        parts.append(f"{unit.shown()} [{n}]")  # the quote stays verbatim; the shown text cannot fake a marker
        citations.append(Citation(n=n, quote=unit.quote, passage=unit.passage))
    return " ".join(parts), citations
