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
