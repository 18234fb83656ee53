"""The CI gate: the gold-set eval (shared corpus index) and the PDF set (own index) within the committed thresholds."""

from __future__ import annotations

from typing import Any

import pytest

from eval.gate import gate_failures, load_thresholds
from eval.gold import load_gold
from eval.pdf_eval import pdf_set_metrics
from eval.runner import InProcessTarget, run_gold
from eval.scoring import score_run
from eval.sets import set_metrics


@pytest.fixture(scope="module")
def gold_metrics(corpus_kb) -> dict[str, Any]:
    metrics = score_run(run_gold(InProcessTarget(corpus_kb), load_gold()))
    metrics |= pdf_set_metrics(corpus_kb.settings, corpus_kb.embedder)  # the PDF set, on its own index
    return metrics | set_metrics(corpus_kb.settings, corpus_kb.embedder)  # the question sets, each on its library


def test_gold_set_eval_stays_within_the_committed_thresholds(gold_metrics: dict[str, Any]) -> None:
    failures = gate_failures(gold_metrics, load_thresholds())
    assert not failures, "eval gate failed:\n" + "\n".join(failures)


def test_no_invalid_marker_and_no_unverifiable_quote_whatever_the_thresholds(gold_metrics: dict[str, Any]) -> None:
    assert gold_metrics["invalid_markers"] == 0
    assert gold_metrics["unverified_quotes"] == 0 and gold_metrics["quote_verification"] == 1.0


def test_gate_reports_each_metric_outside_its_bound() -> None:
    thresholds = {"min": {"recall@5": 0.9, "evidence_hit": 0.8}, "max": {"invalid_markers": 0}}
    metrics = {"recall@5": 0.85, "invalid_markers": 2}
    failures = gate_failures(metrics, thresholds)
    assert len(failures) == 3 and "evidence_hit: missing" in failures[1]
    assert gate_failures({"recall@5": 0.9, "evidence_hit": 1.0, "invalid_markers": 0}, thresholds) == []
