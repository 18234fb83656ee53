"""The PDF gold set asked in process on its own temporary index, and its page-level metrics.

A passage "hits" a question when it holds the gold quote AND its page range covers the gold page,
so a passage with the right text but a wrong page number counts as a miss. Definitions in
``eval/data/README.md`` ("PDF gold set").
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eval import metrics as m
from eval.pdf_gold import PdfGoldQuestion, PdfGoldSet, validated_pdf_gold
from eval.runner import ANSWER_K, RETRIEVAL_K, InProcessTarget, Target, fresh_knowledge_base
from ingest.settings import Settings
from service.models import Answer, Citation, Passage

if TYPE_CHECKING:
    from ingest.embedding import MiniLMEmbedder

log = logging.getLogger(__name__)

PAGE_RECALL_K = 5
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfResult:
    question: PdfGoldQuestion
    passages: list[Passage]  # the search's top RETRIEVAL_K
    answer: Answer  # asked with the top ANSWER_K


# --- metrics (pure) -------------------------------------------------------------------------------
def covers_page(passage: Passage, page: int) -> bool:
    """The passage's page range includes ``page`` (a passage without a page covers none)."""
    if passage.page_start is None:
        return False
    return passage.page_start <= page <= (passage.page_end or passage.page_start)


def page_hit(passage: Passage, question: PdfGoldQuestion) -> bool:
    return m.holds_quote(passage.text, [question.quote]) and covers_page(passage, question.page)


def page_recall(results: Sequence[PdfResult], k: int = PAGE_RECALL_K) -> float:
    return m.mean([m.recall_at([page_hit(p, r.question) for p in r.passages], k) for r in results])


def page_mrr(results: Sequence[PdfResult], k: int = RETRIEVAL_K) -> float:
    return m.mean([m.reciprocal_rank([page_hit(p, r.question) for p in r.passages], k) for r in results])


def citation_page_accuracy(results: Sequence[PdfResult]) -> float:
    """Share of questions whose answer cites a passage holding the quote on the gold page (abstaining = miss)."""
    return m.mean([float(any(page_hit(c.passage, r.question) for c in r.answer.citations)) for r in results])


def page_range_valid(passage: Passage, page_count: int) -> bool:
    start, end = passage.page_start, passage.page_end
    return start is not None and end is not None and 1 <= start <= end <= page_count


def pages_valid(citations: Sequence[Citation], page_count: int) -> float:
    """Share of citations whose page range lies within the document (1.0 when nothing was cited)."""
    if not citations:
        return 1.0
    return m.ratio(sum(page_range_valid(c.passage, page_count) for c in citations), len(citations))


def score_pdf_results(results: Sequence[PdfResult], page_count: int) -> dict[str, float]:
    """The ``pdf_*`` keys of ``kb eval --json``."""
    citations = [c for r in results for c in r.answer.citations]
    return {
        f"pdf_page_recall@{PAGE_RECALL_K}": page_recall(results),
        "pdf_page_mrr": page_mrr(results),
        "pdf_citation_page_accuracy": citation_page_accuracy(results),
        "pdf_pages_valid": pages_valid(citations, page_count),
    }


# --- running --------------------------------------------------------------------------------------
def run_pdf_gold(target: Target, questions: Sequence[PdfGoldQuestion], progress: Progress | None = None
                 ) -> list[PdfResult]:
    """Every question searched (top 10) and asked (top 5)."""
    results = []
    for done, question in enumerate(questions, start=1):
        passages = target.search(question.question, RETRIEVAL_K).passages
        results.append(PdfResult(question, passages, target.ask(question.question, ANSWER_K)))
        if progress:
            progress(done, len(questions))
    return results


def pdf_set_metrics(settings: Settings, embedder: MiniLMEmbedder, progress: Progress | None = None,
                    gold: PdfGoldSet | None = None) -> dict[str, Any]:
    """Ingest the fixture with ``embedder``, ask the PDF gold set, score it."""
    gold = gold or validated_pdf_gold()
    with fresh_knowledge_base(settings, [gold.fixture], "the PDF fixture", embedder) as kb:
        results = run_pdf_gold(InProcessTarget(kb), gold.questions, progress)
    log.info("PDF gold set: %d questions on %s", len(results), gold.fixture.name)
    return score_pdf_results(results, gold.page_count)
