"""Metric definitions as pure functions (the prose definitions are in ``eval/data/README.md``).

Relevance: a passage is relevant to a question when, after collapsing whitespace, it contains one
of the question's gold quotes. Citation support follows ALCE (Gao et al. 2023) with the gold
evidence as the judge: a set of cited passages supports a statement when one of them holds a gold quote.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from service.models import split_answer

MARKER = re.compile(r"\[(\d{1,3})\]")
Judge = Callable[[Sequence[str], str], bool]  # (cited passage texts, statement) -> supported?


def normalise(text: str) -> str:
    return " ".join(text.split())


def holds_quote(passage: str, quotes: Sequence[str]) -> bool:
    """Does the passage contain one of the quotes (whitespace-insensitive)?"""
    text = normalise(passage)
    return any(normalise(q) in text for q in quotes if q.strip())


def relevance(passages: Sequence[str], quotes: Sequence[str]) -> list[bool]:
    return [holds_quote(p, quotes) for p in passages]


def recall_at(rels: Sequence[bool], k: int) -> float:
    """1.0 when a relevant passage is among the first ``k``, else 0.0 (averaged over questions: hit rate)."""
    return 1.0 if any(rels[:k]) else 0.0


def reciprocal_rank(rels: Sequence[bool], k: int = 10) -> float:
    return next((1.0 / rank for rank, rel in enumerate(rels[:k], start=1) if rel), 0.0)


def relevant_total(passages: Sequence[str], quotes: Sequence[str]) -> int:
    """Relevant passages in the corpus: those retrieved, plus one per quote that no retrieved passage holds."""
    seen = sum(relevance(passages, quotes))
    missing = sum(1 for q in quotes if not any(holds_quote(p, [q]) for p in passages))
    return seen + missing


def ndcg_at(passages: Sequence[str], quotes: Sequence[str], k: int = 10) -> float:
    """Binary-gain nDCG@k; the ideal ranking puts every relevant passage (``relevant_total``) first."""
    rels = relevance(passages, quotes)
    dcg = sum(1.0 / math.log2(rank + 1) for rank, rel in enumerate(rels[:k], start=1) if rel)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(k, relevant_total(passages, quotes)) + 1))
    return dcg / ideal if ideal else 0.0


# --- answers and citations -------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """One sentence of an answer and the citation numbers its markers name."""

    text: str
    cites: tuple[int, ...]


def statements(answer: str, preface: str | None = None) -> list[Statement]:
    """The answer split after each marker group; the disclosure preface (not a claim) is left out."""
    body = answer.strip()
    if preface and body.startswith(preface):
        body = body[len(preface) :].strip()
    out = []
    for piece in split_answer(body):
        text = MARKER.sub("", piece).strip()
        if text:
            out.append(Statement(text, tuple(int(n) for n in MARKER.findall(piece))))
    return out


def gold_judge(quotes: Sequence[str]) -> Judge:
    """The offline judge: cited passages support a statement when one of them holds a gold quote."""
    return lambda passages, _statement: any(holds_quote(p, quotes) for p in passages)


@dataclass(frozen=True)
class CitationScore:
    recall: float  # share of statements whose citations together support them
    precision: float  # share of citations that are needed and supporting
    statements: int
    citations: int


def citation_score(stmts: Sequence[Statement], passages: dict[int, str], judge: Judge) -> CitationScore:
    """ALCE citation recall and precision of one answer (``passages``: citation number -> passage text)."""
    supported, precise, total = 0, 0, 0
    for stmt in stmts:
        cited = [passages[n] for n in stmt.cites if n in passages]
        total += len(stmt.cites)
        joint = bool(cited) and judge(cited, stmt.text)
        supported += joint
        if joint and len(cited) > 1:
            precise += sum(_needed(i, cited, stmt.text, judge) for i in range(len(cited)))
        else:
            precise += joint
    recall = supported / len(stmts) if stmts else 0.0
    precision = precise / total if total else 0.0
    return CitationScore(recall, precision, len(stmts), total)


def _needed(i: int, cited: list[str], statement: str, judge: Judge) -> bool:
    """ALCE: a citation is irrelevant when it does not support alone and the others still do without it."""
    if judge([cited[i]], statement):
        return True
    return not judge(cited[:i] + cited[i + 1 :], statement)


def invalid_markers(answer: str, citation_numbers: set[int]) -> int:
    """Markers ``[n]`` in the answer that name no citation."""
    return sum(1 for n in MARKER.findall(answer) if int(n) not in citation_numbers)


def quote_verified(quote: str, passage: str) -> bool:
    """The quote is a verbatim (character for character) span of its passage."""
    return bool(quote.strip()) and quote.strip() in passage


# --- aggregates ------------------------------------------------------------------------------


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (``q`` in 0..100), as numpy's default; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class Abstention:
    precision: float  # abstentions that were on unanswerable questions
    recall: float  # unanswerable questions abstained on
    false_abstentions: int  # answerable questions abstained on


def abstention(abstained: Sequence[bool], answerable: Sequence[bool]) -> Abstention:
    """Abstention quality; ``answerable[i]`` is False for the unanswerable questions."""
    true_pos = sum(1 for a, ok in zip(abstained, answerable, strict=True) if a and not ok)
    false_pos = sum(1 for a, ok in zip(abstained, answerable, strict=True) if a and ok)
    unanswerable = sum(1 for ok in answerable if not ok)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    return Abstention(precision, ratio(true_pos, unanswerable), false_pos)
