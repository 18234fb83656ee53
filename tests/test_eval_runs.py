"""The gold eval's two targets (in process, over HTTP) on a few questions, and its report outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eval.gold import GoldSet, load_gold
from eval.report import compare, write_outputs
from eval.runner import EvalRun, HttpTarget, InProcessTarget, run_gold
from eval.scoring import score_run

PICK = ("g013", "g047", "g099", "g110", "g125")  # two answerable, off-topic, uncovered, a disclosure


@pytest.fixture(scope="module")
def small_gold() -> GoldSet:
    gold = load_gold()
    return GoldSet([q for q in gold.questions if q.id in PICK], gold.negatives[:2], gold.off_topic)


@pytest.fixture(scope="module")
def in_process_run(corpus_kb, small_gold: GoldSet) -> EvalRun:
    return run_gold(InProcessTarget(corpus_kb), small_gold)


def test_http_target_gives_the_same_answers_as_in_process(live_api, in_process_run: EvalRun,
                                                          small_gold: GoldSet) -> None:
    target = HttpTarget(live_api.url)
    try:
        over_http = run_gold(target, small_gold)
    finally:
        target.close()
    local, remote = score_run(in_process_run), score_run(over_http)
    assert remote["target"] == live_api.url and remote.keys() == local.keys()
    same = ("recall@5", "mrr", "evidence_hit", "abstention_recall", "false_abstentions", "disclosure_detection")
    assert {k: remote[k] for k in same} == {k: local[k] for k in same}
    assert [r.answer.answer for r in over_http.results] == [r.answer.answer for r in in_process_run.results]


def test_small_run_scores_off_topic_abstention_and_disclosure(in_process_run: EvalRun) -> None:
    metrics = score_run(in_process_run)
    assert metrics["questions"] == len(PICK) and metrics["negatives"] == 2
    assert metrics["off_topic_abstention"] == 1.0 and metrics["disclosure_detection"] == 1.0
    assert metrics["invalid_markers"] == 0 and metrics["quote_verification"] == 1.0
    assert all(r.searched.support is not None for r in in_process_run.results)


def test_outputs_hold_a_report_charts_and_marked_regressions(tmp_path: Path, in_process_run: EvalRun) -> None:
    metrics = score_run(in_process_run)
    better = metrics | {"recall@5": 1.5, "invalid_markers": -1}
    written = write_outputs(tmp_path, metrics, in_process_run, compare(metrics, better), 0.25)
    names = {p.name for p in written}
    assert {"report.md", "metrics.json", "retrieval.png", "answers.png", "latency.png", "abstention.png"} <= names
    assert all((tmp_path / n).read_bytes().startswith(b"\x89PNG") for n in names if n.endswith(".png"))
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert report.count("**REGRESSION**") == 2 and "| recall@5 |" in report
    assert json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8")) == metrics


def test_kb_eval_is_a_sub_command_with_its_beir_benchmark() -> None:
    from app.cli import app

    result = CliRunner().invoke(app, ["eval", "--help"])
    assert result.exit_code == 0
    assert all(flag in result.output for flag in ("--url", "--json", "--out", "--baseline", "--index", "beir"))
