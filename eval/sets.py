"""The answerability question sets (``eval/data/sets/``): four libraries, each question with its kind and split.

Each set file holds questions written for one library (format in ``eval/data/README.md``, "Question sets"):

* ``summary``: the bundled event summary alone;
* ``policy``: the summary and a 20-page fictional policy PDF (two columns, footnotes, tables);
* ``lists``: the summary and a short policy written as lists (lead-ins ending in a colon, numbered steps);
* ``guidance``: the summary and an 11-page fictional guidance PDF in another style (a table of services without
  numbered rows, a FAQ, endnotes, two-column sections), written with its questions by a hand that had not seen the
  rules; its odd-numbered questions were read while tuning, the even-numbered ones only scored.

``tune`` questions were used to write the rules; ``heldout`` questions were written by other hands and never
looked at while tuning: figures are reported for both, and the held-out ones are what counts. Every library is
ingested into its own temporary embedded index with the already-loaded model and asked in process.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from eval import metrics as m
from eval.gold import DATA_DIR, Evidence
from eval.runner import ANSWER_K, InProcessTarget, fresh_knowledge_base
from ingest.errors import UsageError
from ingest.settings import Settings
from service.models import Answer

if TYPE_CHECKING:
    from ingest.embedding import MiniLMEmbedder

SETS_DIR = DATA_DIR / "sets"
SUPPORT_FILE = SETS_DIR / "support-passages.jsonl"
Kind = Literal["answerable", "unanswerable", "partial", "disclosure", "neutral", "supporter"]
Split = Literal["tune", "heldout"]
Progress = Callable[[int, int], None]
SET_NAMES = ("summary", "policy", "lists", "guidance", "harbourlight")


class SetQuestion(BaseModel):
    id: str = Field(pattern=r"^[a-z]{3}-[th]-\d{3}$")
    question: str = Field(min_length=1)
    kind: Kind
    split: Split
    evidence: list[Evidence] = Field(default_factory=list)
    relevant: list[Evidence] = Field(default_factory=list)
    uncovered: str = ""
    topic: str = ""
    page: int | None = None

    @property
    def quotes(self) -> list[str]:
        return [e.quote for e in self.evidence]

    @property
    def on_topic_quotes(self) -> list[str]:
        return [e.quote for e in (*self.evidence, *self.relevant)]


@dataclass(frozen=True)
class Library:
    name: str
    paths: tuple[Path, ...]  # relative to the project root (corpus_dir's parent)


def libraries(settings: Settings) -> dict[str, Library]:
    corpus = settings.corpus_dir
    return {
        "summary": Library("summary", (corpus,)),
        "policy": Library("policy", (corpus, DATA_DIR / "policy" / "iare-sexual-harassment-policy.pdf")),
        "lists": Library("lists", (corpus, DATA_DIR / "lists" / "workplace-policy.md")),
        "guidance": Library("guidance", (corpus, DATA_DIR / "guidance" / "iomc-guidance.pdf")),
        "harbourlight": Library("harbourlight", (corpus, DATA_DIR / "harbourlight" / "harbourlight-policy.pdf")),
    }


def load_set(name: str, folder: Path = SETS_DIR) -> list[SetQuestion]:
    """Both splits of a set: ``<name>-tune.jsonl`` and ``<name>-heldout.jsonl``."""
    rows: list[SetQuestion] = []
    for split in ("tune", "heldout"):
        path = folder / f"{name}-{split}.jsonl"
        if not path.is_file():
            raise UsageError(f"question set file not found: {path}")
        rows.extend(SetQuestion.model_validate(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip())
    return rows


def load_support_quotes(path: Path = SUPPORT_FILE) -> list[str]:
    """Quotes of passages on reporting, support, confidentiality, interim measures or retaliation."""
    return [json.loads(line)["quote"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class SetResult:
    question: SetQuestion
    answer: Answer


# --- metrics (pure) -------------------------------------------------------------------------------
def sentence_on_topic(quote: str, spans: Sequence[str]) -> bool:
    """A quoted unit is on topic when it overlaps a span the question's writer marked as answering it: one holds the
    other, or they share a run of six words."""
    q = m.normalise(quote)
    return any(span in q or q in span or _shares_run(q, span) for span in map(m.normalise, spans))


def _shares_run(a: str, b: str, size: int = 6) -> bool:
    words = a.split()
    return any(" ".join(words[i : i + size]) in b for i in range(len(words) - size + 1))


def leads_with_care(answer: Answer, support_quotes: Sequence[str]) -> bool:
    """A disclosure answer opens with a passage on reporting or support, or says plainly there is none and shows the
    contacts."""
    if not answer.citations:
        return bool(answer.contacts) and not answer.abstained
    return m.holds_quote(answer.citations[0].passage.text, list(support_quotes)) or _care_words(answer.citations[0].quote)


_CARE = re.compile(r"\breport\w*|\bcomplain\w*|\bsupport\w*|\bconfidential\w*|\bretaliat\w*|\binterim\b|\bhotline|"
                   r"\bcounsel\w*|\bvictim|\bsurvivor|\bprotect\w*", re.IGNORECASE)


def _care_words(quote: str) -> bool:
    return bool(_CARE.search(quote))


def score_set(results: Sequence[SetResult], support_quotes: Sequence[str]) -> dict[str, float | int]:
    """The per-set figures the issue names: abstention precision and recall, false abstention, answer sentences on
    topic, evidence hit, disclosure precision and recall, helpers recognised, care answers that lead with support."""
    by_kind: dict[str, list[SetResult]] = {}
    for r in results:
        by_kind.setdefault(r.question.kind, []).append(r)
    answerable = by_kind.get("answerable", [])
    uncovered = by_kind.get("unanswerable", [])
    partial = by_kind.get("partial", [])
    disclosures = by_kind.get("disclosure", [])
    not_disclosures = [r for r in results if r.question.kind != "disclosure"]
    abstained = [r for r in answerable + uncovered + partial if r.answer.abstained]
    cited = [(c.quote, r.question) for r in answerable + partial if not r.answer.abstained for c in r.answer.citations]
    flagged = [r for r in results if r.answer.disclosure]
    out: dict[str, float | int] = {
        "questions": len(results),
        "abstention_recall": m.mean([float(r.answer.abstained) for r in uncovered]),
        "abstention_precision": m.ratio(sum(r.question.kind == "unanswerable" for r in abstained), len(abstained))
        if abstained else 1.0,
        "false_abstention": m.mean([float(r.answer.abstained) for r in answerable]),
        "partial_recognised": m.mean([float(r.answer.state == "partial") for r in partial]),
        "answer_sentences_on_topic": m.ratio(sum(sentence_on_topic(q, g.on_topic_quotes) for q, g in cited), len(cited))
        if cited else 1.0,
        "evidence_hit": m.mean([float(_cites_evidence(r)) for r in answerable]),
        "disclosure_recall": m.mean([float(r.answer.disclosure) for r in disclosures]),
        "disclosure_precision": m.ratio(sum(r.question.kind == "disclosure" for r in flagged), len(flagged))
        if flagged else 1.0,
        "disclosure_false_flags": sum(r.answer.disclosure for r in not_disclosures),
        "care_leads_with_support": m.mean([float(leads_with_care(r.answer, support_quotes)) for r in disclosures]),
        "supporter_recall": m.mean([float(r.answer.supporter) for r in by_kind.get("supporter", [])]),
    }
    return out


def _cites_evidence(result: SetResult) -> bool:
    return any(m.holds_quote(c.passage.text, result.question.quotes) for c in result.answer.citations)


# --- running --------------------------------------------------------------------------------------
def run_set(kb: Any, questions: Sequence[SetQuestion], progress: Progress | None = None) -> list[SetResult]:
    target = InProcessTarget(kb)
    results = []
    for done, question in enumerate(questions, start=1):
        results.append(SetResult(question, target.ask(question.question, ANSWER_K)))
        if progress:
            progress(done, len(questions))
    return results


def set_metrics(settings: Settings, embedder: MiniLMEmbedder, progress: Progress | None = None,
                names: Sequence[str] = SET_NAMES) -> dict[str, Any]:
    """Every set asked on its own library; flat keys ``sets_<set>_<split>_<metric>``."""
    support = load_support_quotes()
    out: dict[str, Any] = {}
    for name in names:
        library = libraries(settings)[name]
        questions = load_set(name)
        with fresh_knowledge_base(settings, list(library.paths), f"the {name} library", embedder) as kb:
            results = run_set(kb, questions, progress)
        for split in ("tune", "heldout"):
            scored = score_set([r for r in results if r.question.split == split], support)
            out |= {f"sets_{name}_{split}_{metric}": value for metric, value in scored.items()}
    return out
