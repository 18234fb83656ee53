"""The answerability question sets: well-formed, quotes exact in their libraries' documents, metrics as defined."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.sets import SET_NAMES, SetQuestion, SetResult, libraries, load_set, score_set, sentence_on_topic
from ingest.chunking import document_text
from ingest.loaders import is_supported, load_file
from ingest.models import DocType
from service.models import Answer, Citation, Passage
from tests.conftest import CORPUS, make_settings

SETS = SET_NAMES


def _texts(paths: tuple[Path, ...]) -> list[str]:
    files = [f for p in paths for f in (sorted(p.iterdir()) if p.is_dir() else [p]) if is_supported(f)]
    settings = make_settings(Path("/nonexistent"))
    return [" ".join(document_text(load_file(f, settings).blocks)[0].split()) for f in files]


@pytest.mark.parametrize("name", SETS)
def test_every_set_has_both_splits_unique_ids_and_exact_quotes(name):
    questions = load_set(name)
    assert len({q.id for q in questions}) == len(questions)
    assert {q.split for q in questions} == {"tune", "heldout"}
    texts = _texts(libraries(make_settings(Path("/nonexistent"), corpus_dir=CORPUS))[name].paths)
    for q in questions:
        for quote in q.quotes + [e.quote for e in q.relevant]:
            assert any(" ".join(quote.split()) in t for t in texts), f"{q.id}: quote not in the library: {quote[:60]}"
    kinds = {q.kind for q in questions}
    assert {"answerable", "unanswerable", "disclosure", "supporter"} <= kinds


def test_the_summary_sets_hold_what_the_issue_asks_for():
    questions = load_set("summary")
    count = {k: sum(q.kind == k for q in questions) for k in ("unanswerable", "disclosure", "neutral", "supporter")}
    assert count["unanswerable"] >= 80 and count["disclosure"] >= 40 and count["neutral"] >= 40 and count["supporter"]


def _passage(text: str) -> Passage:
    return Passage(id="p", doc_key="d", title="T", doc_type=DocType.policy, text=text, score=1.0)


def test_set_metrics_count_what_they_say():
    passage = _passage("Reports may be made anonymously. The weather is fine.")
    answered = Answer(answer="x [1]", citations=[Citation(n=1, quote="Reports may be made anonymously.", passage=passage)])
    off = Answer(answer="y [1]", citations=[Citation(n=1, quote="The weather is fine.", passage=passage)])
    abstained = Answer(answer="no", abstained=True, state="not_covered")
    q = lambda kind, quotes=(): SetQuestion(id="sum-t-001", question="?", kind=kind, split="tune",  # noqa: E731
                                             evidence=[{"doc_key": "d", "quote": x} for x in quotes])
    results = [
        SetResult(q("answerable", ["Reports may be made anonymously."]), answered),
        SetResult(q("answerable", ["Reports may be made anonymously."]), off),
        SetResult(q("unanswerable"), abstained),
        SetResult(q("unanswerable"), answered),
    ]
    scored = score_set(results, [])
    assert scored["abstention_recall"] == 0.5 and scored["abstention_precision"] == 1.0
    assert scored["false_abstention"] == 0.0 and scored["answer_sentences_on_topic"] == 0.5
    assert scored["evidence_hit"] == 1.0  # both cite the passage holding the quote
    assert sentence_on_topic("Reports may be made anonymously.", ["may be made anonymously"])
