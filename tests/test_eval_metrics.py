"""The eval's metric definitions, on hand-made cases (pure functions: no model, no index)."""

from __future__ import annotations

import math

import pytest

from eval import metrics as m
from eval.report import compare, is_regression

QUOTE = "leaders must set the tone at the top"
HIT = "In the keynote, he said that leaders must set the tone\n at the top of every entity."
MISS = "The meeting was jointly organized by four partners."


def test_a_passage_is_relevant_when_it_holds_a_quote_whitespace_aside() -> None:
    assert m.holds_quote(HIT, [QUOTE])
    assert not m.holds_quote(MISS, [QUOTE])
    assert m.holds_quote(MISS, [QUOTE, "jointly  organized"])  # any of several quotes
    assert not m.holds_quote(HIT, ["   "])


def test_recall_and_reciprocal_rank() -> None:
    rels = [False, False, True, False]
    assert [m.recall_at(rels, k) for k in (1, 2, 3, 10)] == [0.0, 0.0, 1.0, 1.0]
    assert m.reciprocal_rank(rels) == pytest.approx(1 / 3)
    assert m.reciprocal_rank([False] * 10 + [True], k=10) == 0.0


def test_ndcg_is_one_for_an_ideal_ranking_and_discounts_lower_ranks() -> None:
    assert m.ndcg_at([HIT, MISS], [QUOTE]) == 1.0
    assert m.ndcg_at([MISS, HIT], [QUOTE]) == pytest.approx(1 / math.log2(3))
    assert m.ndcg_at([MISS, MISS], [QUOTE]) == 0.0


def test_ndcg_counts_a_quote_no_retrieved_passage_holds_as_a_missing_relevant_passage() -> None:
    other = "a second quote that nothing retrieved holds"
    assert m.relevant_total([HIT, MISS], [QUOTE, other]) == 2
    assert m.ndcg_at([HIT, MISS], [QUOTE, other]) == pytest.approx(1 / (1 + 1 / math.log2(3)))
    both = HIT + " " + other
    assert m.relevant_total([both], [QUOTE, other]) == 1  # one passage holding both quotes: one relevant passage


def test_statements_split_after_marker_groups_and_leave_out_the_preface() -> None:
    preface = "Thank you for sharing this."
    answer = f"{preface} First claim. [1] Second claim. [2][3] Dangling sentence."
    got = m.statements(answer, preface)
    assert got == [m.Statement("First claim.", (1,)), m.Statement("Second claim.", (2, 3)),
                   m.Statement("Dangling sentence.", ())]


def test_citation_recall_and_precision_follow_alce_with_the_gold_judge() -> None:
    judge = m.gold_judge([QUOTE])
    passages = {1: HIT, 2: MISS}
    stmts = [m.Statement("a", (1,)), m.Statement("b", (2,)), m.Statement("c", (1, 2)), m.Statement("d", ())]
    score = m.citation_score(stmts, passages, judge)
    # supported: a (1 holds the quote), c (1 and 2 together); not b, not d (no citation)
    assert score.recall == pytest.approx(2 / 4)
    # 4 citations: a/1 precise, b/2 not, c/1 precise, c/2 irrelevant (fails alone, and 1 supports without it)
    assert score.precision == pytest.approx(2 / 4)
    assert (score.statements, score.citations) == (4, 4)


def test_citation_precision_keeps_a_citation_the_others_cannot_do_without() -> None:
    judge = m.gold_judge(["needs both"])
    # a judge that needs two passages together: neither alone supports, each is needed
    pair: m.Judge = lambda ps, _s: len(ps) >= 2  # noqa: E731 - a tiny judge inline
    score = m.citation_score([m.Statement("x", (1, 2))], {1: MISS, 2: MISS}, pair)
    assert (score.recall, score.precision) == (1.0, 1.0)
    assert m.citation_score([m.Statement("x", (1,))], {1: MISS}, judge).precision == 0.0


def test_invalid_markers_and_quote_verification() -> None:
    assert m.invalid_markers("One [1]. Two [2]. Three [7].", {1, 2}) == 1
    assert m.quote_verified("leaders must set the tone", HIT)
    assert not m.quote_verified("leaders must set the tone at the top", HIT)  # a newline in the passage
    assert not m.quote_verified("  ", HIT)


def test_abstention_precision_recall_and_false_abstentions() -> None:
    abstained = [True, True, False, True, False]
    answerable = [False, False, False, True, True]
    result = m.abstention(abstained, answerable)
    assert result.precision == pytest.approx(2 / 3)
    assert result.recall == pytest.approx(2 / 3)
    assert result.false_abstentions == 1
    assert m.abstention([False], [True]).precision == 1.0  # no abstention, none wrong


def test_percentiles_interpolate_like_numpy() -> None:
    values = [10.0, 20.0, 30.0, 40.0]
    assert m.percentile(values, 50) == 25.0
    assert m.percentile(values, 95) == pytest.approx(38.5)
    assert m.percentile([], 50) == 0.0


def test_baseline_comparison_marks_regressions_by_direction() -> None:
    before = {"recall@5": 0.95, "invalid_markers": 0, "latency_embed_p95_ms": 40.0, "questions": 131, "target": "x"}
    after = {"recall@5": 0.90, "invalid_markers": 2, "latency_embed_p95_ms": 44.0, "questions": 140, "target": "y"}
    changes = {c.metric: c for c in compare(after, before)}
    assert set(changes) == {"recall@5", "invalid_markers", "latency_embed_p95_ms"}
    assert changes["recall@5"].regression and changes["invalid_markers"].regression
    assert not changes["latency_embed_p95_ms"].regression  # within timing noise
    assert not is_regression("recall@5", 0.95, 0.953) and is_regression("false_abstentions", 0, 1)
    assert is_regression("latency_ask_p50_ms", 100.0, 200.0)
