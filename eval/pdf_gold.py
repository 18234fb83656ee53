"""The PDF gold set: questions on a fixture PDF, each with the page and exact text that answer it.

Format in ``eval/data/README.md`` ("PDF gold set"). Every quote is checked against the text the
product's own PDF loader extracts from the gold page, so a quote that moved or changed fails here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from eval.gold import DATA_DIR, _rows
from eval.metrics import holds_quote
from ingest.errors import UsageError
from ingest.models import ParsedFile
from ingest.settings import Settings

PDF_GOLD_FILE = DATA_DIR / "pdf_gold.jsonl"
PDF_FIXTURE = DATA_DIR / "pdf" / "workplace-guidance-fixture.pdf"


class PdfGoldQuestion(BaseModel):
    id: str = Field(pattern=r"^p\d{3,}$")
    question: str = Field(min_length=1)
    page: int = Field(ge=1, description="1-based page, as Passage.page_start/page_end count them.")
    quote: str = Field(min_length=1, description="Exact text of that page after the loader's cleanup.")


@dataclass(frozen=True)
class PdfGoldSet:
    questions: list[PdfGoldQuestion]
    fixture: Path
    page_count: int


def load_pdf_gold(gold_file: Path = PDF_GOLD_FILE, fixture: Path = PDF_FIXTURE) -> PdfGoldSet:
    """The questions, validated against the fixture as the product's loader reads it."""
    from ingest.loaders.pdf import load_pdf

    questions = [PdfGoldQuestion.model_validate(row) for row in _rows(gold_file)]
    ids = [q.id for q in questions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise UsageError(f"{gold_file.name}: duplicate ids {', '.join(duplicates)}")
    if not fixture.is_file():
        raise UsageError(f"the PDF gold set's fixture is missing: {fixture}")
    parsed = load_pdf(fixture, Settings())
    problems = [p for q in questions for p in quote_problems(q, parsed)]
    if problems:
        raise UsageError(f"{gold_file.name}: " + "; ".join(problems))
    return PdfGoldSet(questions, fixture, parsed.page_count or 0)


def quote_problems(question: PdfGoldQuestion, parsed: ParsedFile) -> list[str]:
    """Empty when the quote is in the text of the question's page; else one line saying what is wrong."""
    if parsed.page_count is not None and question.page > parsed.page_count:
        return [f"{question.id}: page {question.page} is past the last page ({parsed.page_count})"]
    page_text = " ".join(b.text for b in parsed.blocks if b.on_page(question.page))
    if not holds_quote(page_text, [question.quote]):
        return [f"{question.id}: the quote is not on page {question.page}"]
    return []


def validated_pdf_gold(gold_file: Path = PDF_GOLD_FILE, fixture: Path = PDF_FIXTURE) -> PdfGoldSet:
    """``load_pdf_gold`` with pydantic's message turned into a user-facing error."""
    try:
        return load_pdf_gold(gold_file, fixture)
    except ValidationError as exc:
        raise UsageError(f"{gold_file.name} is malformed: {exc.errors()[0]['msg']}") from None
