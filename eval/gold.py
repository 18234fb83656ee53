"""The gold set: questions with the exact corpus quotes that answer them (format in ``eval/data/README.md``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

from ingest.errors import UsageError

DATA_DIR = Path(__file__).resolve().parent / "data"
GOLD_FILE = "gold.jsonl"
NEGATIVES_FILE = "disclosure_negatives.jsonl"
OFF_TOPIC_FILE = "off_topic.txt"
Kind = Literal["answerable", "unanswerable", "disclosure"]


class Evidence(BaseModel):
    doc_key: str = Field(min_length=1)
    quote: str = Field(min_length=1)


class GoldQuestion(BaseModel):
    id: str = Field(pattern=r"^g\d{3,}$")
    question: str = Field(min_length=1)
    kind: Kind
    evidence: list[Evidence] = Field(default_factory=list)
    answer: str = ""

    @model_validator(mode="after")
    def _evidence_fits_kind(self) -> GoldQuestion:
        if self.kind == "unanswerable" and self.evidence:
            raise ValueError("an unanswerable question has no evidence")
        if self.kind != "unanswerable" and not self.evidence:
            raise ValueError(f"a {self.kind} question needs at least one evidence quote")
        return self

    @property
    def quotes(self) -> list[str]:
        return [e.quote for e in self.evidence]


class NegativeQuestion(BaseModel):
    """A neutral question that must not be read as a personal disclosure."""

    id: str = Field(pattern=r"^n\d{3,}$")
    question: str = Field(min_length=1)


@dataclass(frozen=True)
class GoldSet:
    questions: list[GoldQuestion]
    negatives: list[NegativeQuestion]
    off_topic: frozenset[str] = frozenset()  # ids of the fully off-topic unanswerable questions

    def of_kind(self, kind: Kind) -> list[GoldQuestion]:
        return [q for q in self.questions if q.kind == kind]


def load_gold(folder: Path = DATA_DIR) -> GoldSet:
    """Both files of the gold set, validated; ids must be unique across them."""
    questions = [GoldQuestion.model_validate(row) for row in _rows(folder / GOLD_FILE)]
    negatives = [NegativeQuestion.model_validate(row) for row in _rows(folder / NEGATIVES_FILE)]
    ids = [q.id for q in questions] + [n.id for n in negatives]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise UsageError(f"gold set: duplicate ids {', '.join(duplicates)}")
    off_topic = read_ids(folder / OFF_TOPIC_FILE)
    unanswerable = {q.id for q in questions if q.kind == "unanswerable"}
    if not off_topic <= unanswerable:
        raise UsageError(f"{OFF_TOPIC_FILE}: not unanswerable questions: {', '.join(sorted(off_topic - unanswerable))}")
    return GoldSet(questions, negatives, off_topic)


def read_ids(path: Path) -> frozenset[str]:
    """Ids one per line, ``#`` comments and blank lines skipped; no file means none."""
    if not path.is_file():
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line)


def _rows(path: Path) -> list[dict[str, object]]:
    if not path.is_file():
        raise UsageError(f"gold set file not found: {path}")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path.name}:{number}: not valid JSON ({exc.msg})") from None
    return rows


def validated(folder: Path = DATA_DIR) -> GoldSet:
    """``load_gold`` with pydantic's message turned into a user-facing error."""
    try:
        return load_gold(folder)
    except ValidationError as exc:
        raise UsageError(f"gold set in {folder} is malformed: {exc.errors()[0]['msg']}") from None
