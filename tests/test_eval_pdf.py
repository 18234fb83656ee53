"""The PDF gold set: page-level metric functions on hand-made passages, and the committed files' validity."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from eval.pdf_eval import (
    PdfResult,
    citation_page_accuracy,
    covers_page,
    page_mrr,
    page_recall,
    pages_valid,
    score_pdf_results,
)
from eval.pdf_gold import PDF_FIXTURE, PDF_GOLD_FILE, PdfGoldQuestion, load_pdf_gold
from eval.runner import fresh_knowledge_base
from ingest.errors import UsageError
from ingest.models import DocType
from service.models import Answer, Citation, Passage
from tests.conftest import make_settings

QUOTE = "Protection from retaliation continues for two years"
QUESTION = PdfGoldQuestion(id="p001", question="How long does protection last?", page=7, quote=QUOTE)


def passage(text: str, start: int | None, end: int | None = None) -> Passage:
    return Passage(id=f"{text[:8]}-{start}-{end}", doc_key="fixture", title="Fixture", doc_type=DocType.other,
                   page_start=start, page_end=start if end is None else end, text=text, score=0.5)


def cited(*passages: Passage) -> Answer:
    citations = [Citation(n=n, quote=p.text[:20], passage=p) for n, p in enumerate(passages, start=1)]
    return Answer(answer=" ".join(f"x [{c.n}]" for c in citations), citations=citations)


RIGHT = passage(f"9.6 {QUOTE} after the case.", 7)
WRONG_PAGE = passage(f"9.6 {QUOTE} after the case.", 6)  # the right text, labelled with another page
OTHER = passage("10.2 The course must be repeated every two years.", 8)


def test_a_passage_covers_the_pages_of_its_range_only() -> None:
    spanning = passage("text", 6, 7)
    assert covers_page(spanning, 6) and covers_page(spanning, 7)
    assert not covers_page(spanning, 5) and not covers_page(spanning, 8)
    assert not covers_page(passage("text", None, None), 1)


def test_page_recall_and_mrr_need_the_quote_on_the_gold_page() -> None:
    hit_third = PdfResult(QUESTION, [OTHER, WRONG_PAGE, RIGHT], cited())
    text_only = PdfResult(QUESTION, [WRONG_PAGE, OTHER], cited())
    assert page_recall([hit_third], k=2) == 0.0 and page_recall([hit_third], k=3) == 1.0
    assert page_recall([text_only]) == 0.0  # the right text with a wrong page is a miss
    assert page_mrr([hit_third, text_only]) == pytest.approx((1 / 3 + 0) / 2)


def test_citation_page_accuracy_counts_answers_citing_the_quote_on_its_page() -> None:
    results = [PdfResult(QUESTION, [], cited(OTHER, RIGHT)), PdfResult(QUESTION, [], cited(WRONG_PAGE)),
               PdfResult(QUESTION, [], Answer(answer="", abstained=True)), PdfResult(QUESTION, [], cited(OTHER))]
    assert citation_page_accuracy(results) == 0.25


def test_pages_valid_rejects_missing_reversed_and_out_of_range_pages() -> None:
    answer = cited(RIGHT, passage("a", 9), passage("b", 3, 2), passage("c", None, None), passage("d", 0, 1))
    assert pages_valid(answer.citations, page_count=8) == 0.2
    assert pages_valid(answer.citations[:1], page_count=8) == 1.0
    assert pages_valid([], page_count=8) == 1.0


def test_scores_carry_the_documented_names() -> None:
    scores = score_pdf_results([PdfResult(QUESTION, [RIGHT], cited(RIGHT))], page_count=8)
    assert scores == {"pdf_page_recall@5": 1.0, "pdf_page_mrr": 1.0, "pdf_citation_page_accuracy": 1.0,
                      "pdf_pages_valid": 1.0}


def test_the_committed_pdf_gold_set_matches_its_fixture() -> None:
    gold = load_pdf_gold()
    assert len(gold.questions) >= 12 and gold.page_count == 8
    assert {q.page for q in gold.questions} == set(range(1, 9))  # every page is asked about


def test_a_quote_on_another_page_is_refused(tmp_path: Path) -> None:
    row = json.loads(PDF_GOLD_FILE.read_text(encoding="utf-8").splitlines()[0])
    moved = tmp_path / "pdf_gold.jsonl"
    moved.write_text(json.dumps(row | {"page": row["page"] + 1}) + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=f"{row['id']}: the quote is not on page {row['page'] + 1}"):
        load_pdf_gold(moved)


def test_the_committed_fixture_is_what_its_generator_writes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_fixture", PDF_FIXTURE.parent / "make_fixture.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.write_fixture(tmp_path / "fixture.pdf")
    assert written.read_bytes() == PDF_FIXTURE.read_bytes()


def test_over_http_the_pdf_metrics_are_skipped_with_a_note() -> None:
    from rich.console import Console

    from eval.commands import pdf_metrics
    from ingest.settings import Settings

    err = Console(record=True, width=200)
    assert pdf_metrics(Settings(), None, err) == {}
    assert "pdf_* metrics skipped" in err.export_text()


def test_a_fixture_that_fails_to_ingest_stops_the_eval_with_the_file_and_reason(tmp_path: Path, embedder) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, no xref, no trailer")
    settings = make_settings(tmp_path, ui=False)
    with pytest.raises(UsageError, match=r"could not ingest the PDF fixture for the eval: .*broken\.pdf"), \
            fresh_knowledge_base(settings, [broken], "the PDF fixture", embedder):
        pytest.fail("the knowledge base must not be handed out")
