"""The six-language set (``eval/data/languages.jsonl``): 36 gold questions about the bundled summary, asked in
English and written by hand in French, Spanish, Arabic, Russian and Chinese (12 for tuning, 24 held out, the same
ids in every language). Each language's recall@5, MRR and evidence hit are reported beside English, split by part,
with the ratio to English on the same questions (the bar: >= 0.9 on the held-out part)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from eval import metrics as m
from eval.gold import DATA_DIR, Evidence
from eval.runner import ANSWER_K, RETRIEVAL_K, Target
from eval.scoring import cited_passages
from ingest.language import UN_LANGUAGES
from service.models import Language

LANGUAGES_FILE = DATA_DIR / "languages.jsonl"
CARE_FILE = DATA_DIR / "languages_care.jsonl"
LANGUAGE_ORDER = UN_LANGUAGES
PARTS = ("tune", "held_out")


class LanguageQuestion(BaseModel):
    id: str
    gold_id: str
    lang: Language
    split: Literal["tune", "held_out"]
    question: str = Field(min_length=1)
    evidence: list[Evidence] = Field(min_length=1)

    @property
    def quotes(self) -> list[str]:
        return [e.quote for e in self.evidence]


def load_languages(path: Path = LANGUAGES_FILE) -> list[LanguageQuestion]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [LanguageQuestion.model_validate_json(line) for line in lines if line.strip()]


def score_one(target: Target, question: LanguageQuestion) -> dict[str, float]:
    found = target.search(question.question, RETRIEVAL_K)
    rels = m.relevance([p.text for p in found.passages], question.quotes)
    answer = target.ask(question.question, ANSWER_K)
    hit = any(m.holds_quote(text, question.quotes) for text in cited_passages(answer).values())
    return {"recall@5": m.recall_at(rels, 5), "mrr": m.reciprocal_rank(rels, 10), "evidence_hit": float(hit)}


def language_metrics(target: Target, questions: Sequence[LanguageQuestion],
                     progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """``lang_<xx>_<part>_<metric>`` for each language and part, and ``..._vs_en``: the ratio to English."""
    scores: dict[tuple[str, str], list[dict[str, float]]] = {}
    for done, question in enumerate(questions, start=1):
        scores.setdefault((question.lang, question.split), []).append(score_one(target, question))
        if progress:
            progress(done, len(questions))
    out: dict[str, Any] = {}
    for (lang, part), rows in sorted(scores.items(), key=lambda kv: (LANGUAGE_ORDER.index(kv[0][0]), kv[0][1])):
        for name in ("recall@5", "mrr", "evidence_hit"):
            out[f"lang_{lang}_{part}_{name}"] = m.mean([row[name] for row in rows])
    for (lang, part) in scores:
        english = out.get(f"lang_en_{part}_recall@5")
        if lang != "en" and english:
            out[f"lang_{lang}_{part}_recall@5_vs_en"] = out[f"lang_{lang}_{part}_recall@5"] / english
    return out


class CareQuestion(BaseModel):
    """Who asks, in six languages (``eval/data/languages_care.jsonl``): 8 accounts of harm, 4 helpers' questions
    and 8 questions about the guidance, written in English and by hand in the five other languages. All held out:
    the multilingual probes are fitted and their thresholds set on English tuning data alone."""

    id: str
    lang: Language
    kind: Literal["disclosure", "supporter", "question"]
    question: str = Field(min_length=1)


def load_care(path: Path = CARE_FILE) -> list[CareQuestion]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [CareQuestion.model_validate_json(line) for line in lines if line.strip()]


def care_metrics(target: Target, questions: Sequence[CareQuestion]) -> dict[str, float]:
    """Per language: ``lang_<xx>_care_disclosure_recall`` and ``_supporter_recall`` (the care answer given), and
    ``_false_flags`` (a question about the guidance answered as an account or a helper's question)."""
    read: dict[str, list[tuple[str, str]]] = {}
    for question in questions:
        answer = target.ask(question.question, ANSWER_K)
        got = "disclosure" if answer.disclosure else "supporter" if answer.supporter else "question"
        read.setdefault(question.lang, []).append((question.kind, got))
    out: dict[str, float] = {}
    for lang in LANGUAGE_ORDER:
        pairs = read.get(lang, [])
        for kind in ("disclosure", "supporter"):
            asked = [got for want, got in pairs if want == kind]
            if asked:
                out[f"lang_{lang}_care_{kind}_recall"] = m.mean([float(got == kind) for got in asked])
        plain = [got for want, got in pairs if want == "question"]
        if plain:
            out[f"lang_{lang}_care_false_flags"] = m.mean([float(got != "question") for got in plain])
    return out


# --- questions over documents written in their language --------------------------------------------------
SAME_LANGUAGE_DIR = DATA_DIR / "same_language"  # the policies (the library's documents besides the corpus)
SAME_LANGUAGE_FILE = DATA_DIR / "same_language.jsonl"  # the questions


class SameLanguageQuestion(BaseModel):
    """A question over a policy written in its language (``eval/data/same_language/``: four short policies of
    fictional organizations, in French, Spanish, Russian and Chinese, written for this set), answerable (with the
    sentence that answers it) or not covered by the policy; every other one held out."""

    id: str
    lang: Language
    doc_key: str
    kind: Literal["answerable", "unanswerable"]
    split: Literal["tune", "held_out"]
    question: str = Field(min_length=1)
    evidence: list[str] = Field(default_factory=list)


def load_same_language(path: Path = SAME_LANGUAGE_FILE) -> list[SameLanguageQuestion]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [SameLanguageQuestion.model_validate_json(line) for line in lines if line.strip()]


def same_language_metrics(target: Target, questions: Sequence[SameLanguageQuestion],
                          progress: Callable[[int, int], None] | None = None) -> dict[str, float]:
    """``lang_same_<xx>_<part>_answered_right`` (an answerable question answered by a quote of its evidence),
    ``_false_abstention`` (answered by no quote), ``_abstention_recall`` (a question the policy does not cover
    answered by no quote) and ``_quotes_in_language`` (quotes taken from passages in the question's language)."""
    rows: dict[tuple[str, str], list[tuple[SameLanguageQuestion, Any]]] = {}
    for done, question in enumerate(questions, start=1):
        rows.setdefault((question.lang, question.split), []).append((question, target.ask(question.question, ANSWER_K)))
        if progress:
            progress(done, len(questions))
    out: dict[str, float] = {}
    for (lang, part), asked in sorted(rows.items(), key=lambda kv: (LANGUAGE_ORDER.index(kv[0][0]), kv[0][1])):
        key = f"lang_same_{lang}_{part}"
        answerable = [(q, a) for q, a in asked if q.kind == "answerable"]
        uncovered = [a for q, a in asked if q.kind == "unanswerable"]
        quotes = [c for _, a in asked if not a.abstained for c in a.citations]
        out[f"{key}_answered_right"] = m.mean([float(_quotes_evidence(q, a)) for q, a in answerable])
        out[f"{key}_false_abstention"] = m.mean([float(a.abstained or not a.citations) for _, a in answerable])
        out[f"{key}_abstention_recall"] = m.mean([float(a.abstained or not a.citations) for a in uncovered])
        out[f"{key}_quotes_in_language"] = m.mean([float(c.passage.language == lang) for c in quotes]) if quotes \
            else 1.0
    return out


def _quotes_evidence(question: SameLanguageQuestion, answer: Any) -> bool:
    return not answer.abstained and any(m.holds_quote(c.quote, question.evidence) or
                                        any(m.normalise(c.quote) in m.normalise(e) for e in question.evidence)
                                        for c in answer.citations)
