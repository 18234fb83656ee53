"""The eval's outputs beyond JSON: the comparison with a baseline, a Markdown report and PNG charts."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeGuard

from eval import metrics as m
from eval.runner import EvalRun, QuestionResult
from eval.scoring import evidence_hit

LOWER_IS_BETTER = ("invalid_markers", "unverified_quotes", "false_abstentions", "disclosure_false_positive",
                   "disclosure_flags_on_gold")
NOT_JUDGED = ("questions", "answerable", "unanswerable", "disclosure", "negatives")  # the set's size, not quality
RATE_TOLERANCE = 0.005  # a rate must move by more than this to count as a change
LATENCY_FACTOR, LATENCY_SLACK_MS = 1.25, 5.0  # timings are noisy: slower by 25% and 5 ms to count
RETRIEVAL = ("recall@1", "recall@5", "recall@10", "mrr", "ndcg@10")
ANSWERS = ("citation_recall", "citation_precision", "evidence_hit", "quote_verification", "abstention_precision",
           "abstention_recall", "disclosure_detection", "disclosure_evidence_hit")
STAGES = ("embed", "search", "answer", "ask")


@dataclass(frozen=True)
class Change:
    metric: str
    before: float
    after: float
    delta: float
    regression: bool


def compare(current: dict[str, Any], baseline: dict[str, Any]) -> list[Change]:
    """Every numeric metric present in both, with regressions marked (counts of questions are not judged)."""
    changes = []
    for name, value in current.items():
        old = baseline.get(name)
        if not _numeric(value) or not _numeric(old) or name in NOT_JUDGED:
            continue
        before, after = float(old), float(value)
        changes.append(Change(name, before, after, round(after - before, 4), is_regression(name, before, after)))
    return changes


def _numeric(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_regression(name: str, before: float, after: float) -> bool:
    if name.startswith("latency_"):
        return after > before * LATENCY_FACTOR + LATENCY_SLACK_MS
    if name in LOWER_IS_BETTER:
        return after > before + (0 if float(before).is_integer() else RATE_TOLERANCE)
    if name in ("answered", "citations"):
        return False  # descriptive counts: neither direction is better
    return after < before - RATE_TOLERANCE


def changes_json(changes: list[Change]) -> dict[str, Any]:
    return {"changes": {c.metric: {k: v for k, v in asdict(c).items() if k != "metric"} for c in changes},
            "regressions": [c.metric for c in changes if c.regression]}


def load_baseline(path: Path) -> dict[str, Any]:
    from ingest.errors import UsageError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UsageError(f"cannot read the baseline {path}: {exc}") from None
    if not isinstance(data, dict):
        raise UsageError(f"the baseline {path} is not a `kb eval --json` object")
    return data


# --- Markdown ----------------------------------------------------------------------------------


def markdown(metrics: dict[str, Any], run: EvalRun, changes: list[Change] | None, charts: list[str]) -> str:
    lines = [f"# Gold-set evaluation ({run.target})", "",
             f"{metrics['questions']} questions ({metrics['answerable']} answerable, {metrics['unanswerable']} "
             f"unanswerable, {metrics['disclosure']} disclosure) and {metrics['negatives']} disclosure negatives. "
             "Definitions: `eval/data/README.md`.", ""]
    lines += _metric_table(metrics, changes)
    lines += [f"![{name}]({name})" for name in charts] + [""]
    lines += _problem_lists(run)
    return "\n".join(lines) + "\n"


def _metric_table(metrics: dict[str, Any], changes: list[Change] | None) -> list[str]:
    by_name = {c.metric: c for c in changes or []}
    head = ["| metric | value | baseline | change |", "|---|---|---|---|"] if changes else ["| metric | value |",
                                                                                         "|---|---|"]
    rows = []
    for name, value in metrics.items():
        if not _numeric(value):
            continue
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        if changes is None:
            rows.append(f"| {name} | {shown} |")
            continue
        c = by_name.get(name)
        mark = " **REGRESSION**" if c and c.regression else ""
        rows.append(f"| {name} | {shown} | {c.before if c else '-'} | {f'{c.delta:+}' if c else '-'}{mark} |")
    return [*head, *rows, ""]


def _problem_lists(run: EvalRun) -> list[str]:
    answerable = [r for r in run.results if r.question.kind == "answerable"]
    sections = {
        "Answerable questions whose answer cites no gold passage": [r for r in answerable if not evidence_hit(r)],
        "False abstentions": [r for r in answerable if r.answer.abstained],
        "Unanswerable questions answered": [r for r in run.results
                                            if r.question.kind == "unanswerable" and not r.answer.abstained],
        "Disclosures not detected": [r for r in run.results if r.question.kind == "disclosure" and
                                     not r.answer.disclosure],
    }
    lines: list[str] = []
    for title, rows in sections.items():
        lines += [f"## {title} ({len(rows)})", ""]
        lines += [_question_line(r) for r in rows] or ["none"]
        lines.append("")
    flagged = [f"- `{n.id}` {n.question}" for n in run.negatives if n.disclosure]
    return [*lines, f"## Disclosure negatives read as disclosures ({len(flagged)})", "", *(flagged or ["none"]), ""]


def _question_line(r: QuestionResult) -> str:
    signal = f" (abstention signal {r.searched.support:.3f})" if r.searched.support is not None else ""
    return f"- `{r.question.id}` {r.question.question}{signal}"


# --- charts ------------------------------------------------------------------------------------


def write_outputs(out: Path, metrics: dict[str, Any], run: EvalRun, changes: list[Change] | None,
                  threshold: float | None) -> list[Path]:
    """``report.md``, ``metrics.json`` and the charts in ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    charts = charts_for(out, metrics, run, threshold)
    report = out / "report.md"
    report.write_text(markdown(metrics, run, changes, [p.name for p in charts]), encoding="utf-8")
    data = out / "metrics.json"
    data.write_text(json.dumps(metrics, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return [report, data, *charts]


def charts_for(out: Path, metrics: dict[str, Any], run: EvalRun, threshold: float | None) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    paths = [_bars(out / "retrieval.png", "Retrieval (answerable questions)", {k: metrics[k] for k in RETRIEVAL}),
             _bars(out / "answers.png", "Answers", {k: metrics[k] for k in ANSWERS}), _latency(out, metrics)]
    signals = [(str(r.question.kind), r.searched.support) for r in run.results if r.searched.support is not None]
    if signals:
        paths.append(_calibration(out / "abstention.png", signals, threshold))
    return paths


def _bars(path: Path, title: str, values: dict[str, float]) -> Path:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3.6))
    bars = ax.bar(list(values), list(values.values()), color="#1d4ed8")
    ax.bar_label(bars, fmt="%.2f")
    ax.set_ylim(0, 1.1)
    ax.set_title(title)
    ax.tick_params(axis="x", labelrotation=30)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _latency(out: Path, metrics: dict[str, Any]) -> Path:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.6))
    xs = range(len(STAGES))
    for offset, q in ((-0.2, "p50"), (0.2, "p95")):
        ax.bar([x + offset for x in xs], [metrics[f"latency_{s}_{q}_ms"] for s in STAGES], width=0.4, label=q)
    ax.set_xticks(list(xs), list(STAGES))
    ax.set_ylabel("ms")
    ax.set_title("Latency per stage")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=110)
    plt.close(fig)
    return out / "latency.png"


def _calibration(path: Path, signals: list[tuple[str, float]], threshold: float | None) -> Path:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3.6))
    for row, kind in enumerate(("answerable", "unanswerable", "disclosure")):
        xs = [s for k, s in signals if k == kind]
        ax.scatter(xs, [row] * len(xs), alpha=0.6, label=f"{kind} ({len(xs)})")
    if threshold is not None:
        ax.axvline(threshold, color="#b91c1c", linestyle="--", label=f"threshold {threshold:.2f}")
    ax.set_yticks([0, 1, 2], ["answerable", "unanswerable", "disclosure"])
    ax.set_xlabel("abstention signal: best question-sentence cosine")
    ax.set_title(f"Abstention calibration (median answerable {m.percentile([s for k, s in signals if k == 'answerable'], 50):.2f})")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
