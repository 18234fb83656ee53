"""The bodies of ``kb eval`` and ``kb eval beir``: run, score, print (tables or one JSON object)."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ingest.errors import KBError, UsageError
from ingest.settings import Settings

log = logging.getLogger(__name__)
SPLITS = ("train", "test")
MODE_CHOICES = ("dense", "bm25", "hybrid", "all")


@dataclass(frozen=True)
class GoldOptions:
    url: str | None = None
    as_json: bool = False
    out_dir: Path | None = None
    baseline: Path | None = None
    index: Path | None = None


def run_gold_eval(settings: Settings, options: GoldOptions, out: Console, err: Console) -> int:
    from eval.gold import validated
    from eval.report import changes_json, compare, load_baseline, write_outputs
    from eval.scoring import score_run

    gold = validated()
    baseline = load_baseline(options.baseline) if options.baseline else None
    run, embedder, languages = ask_all(settings, options, gold, err)
    metrics = score_run(run) | languages | pdf_metrics(settings, embedder, err) | \
        question_set_metrics(settings, embedder, err) | same_language_set_metrics(settings, embedder, err)
    changes = compare(metrics, baseline) if baseline is not None else None
    if options.out_dir is not None:
        threshold = settings.abstain_threshold if options.url is None else None
        written = write_outputs(options.out_dir, metrics, run, changes, threshold)
        err.print(f"wrote {', '.join(p.name for p in written)} to {options.out_dir}", highlight=False)
    if options.as_json:
        write_json(metrics | (changes_json(changes) if changes is not None else {}))
    else:
        out.print(metric_table(metrics, changes))
    return 0


def ask_all(settings: Settings, options: GoldOptions, gold: Any, err: Console) -> tuple[Any, Any, dict[str, Any]]:
    """The run, the embedder it used when in process (None over HTTP), and the six-language set's metrics."""
    from eval.runner import HttpTarget, InProcessTarget, corpus_knowledge_base

    if options.url is None:
        with corpus_knowledge_base(settings, options.index) as kb:
            run, languages = on_target(InProcessTarget(kb), gold, err)
            return run, kb.embedder, languages
    import httpx

    target = HttpTarget(options.url, settings.api_key)
    try:
        run, languages = on_target(target, gold, err)
        return run, None, languages
    except httpx.HTTPError as exc:
        raise KBError(f"the service at {options.url} did not answer properly: {exc}") from None
    finally:
        target.close()


def on_target(target: Any, gold: Any, err: Console) -> tuple[Any, dict[str, Any]]:
    """The gold run, then the six-language set, on one target."""
    from eval.languages import care_metrics, language_metrics, load_care, load_languages
    from eval.runner import run_gold

    with progress(err, "questions", len(gold.questions) + len(gold.negatives)) as advance:
        run = run_gold(target, gold, advance)
    questions = load_languages()
    with progress(err, "languages", len(questions)) as advance:
        languages = language_metrics(target, questions, advance)
    return run, languages | care_metrics(target, load_care())


def pdf_metrics(settings: Settings, embedder: Any, err: Console) -> dict[str, Any]:
    """The PDF gold set's page-level metrics; it needs its own temporary index, so not over HTTP."""
    from eval.pdf_eval import pdf_set_metrics
    from eval.pdf_gold import validated_pdf_gold

    if embedder is None:
        err.print("note: pdf_* metrics skipped: the PDF gold set runs in process only (not with --url)")
        return {}
    gold = validated_pdf_gold()
    with progress(err, "pdf set", len(gold.questions)) as advance:
        return pdf_set_metrics(settings, embedder, advance, gold)


def question_set_metrics(settings: Settings, embedder: Any, err: Console) -> dict[str, Any]:
    """The answerability sets (eval/data/sets/): each on its own library, so in process only."""
    if embedder is None:
        err.print("note: sets_* metrics skipped: the question sets run in process only (not with --url)")
        return {}
    from eval.sets import SET_NAMES, load_set, set_metrics

    total = sum(len(load_set(name)) for name in SET_NAMES)
    with progress(err, "sets", total) as advance:
        done = [0]

        def step(_: int, __: int) -> None:
            done[0] += 1
            advance(done[0], total)

        return set_metrics(settings, embedder, step)


def same_language_set_metrics(settings: Settings, embedder: Any, err: Console) -> dict[str, Any]:
    """Questions over policies written in their language (eval/data/same_language/): their own library, so in
    process only."""
    if embedder is None:
        err.print("note: lang_same_* metrics skipped: the same-language set runs in process only (not with --url)")
        return {}
    from eval.languages import SAME_LANGUAGE_DIR, load_same_language, same_language_metrics
    from eval.runner import InProcessTarget, fresh_knowledge_base

    questions = load_same_language()
    paths = [settings.corpus_dir, SAME_LANGUAGE_DIR]
    with fresh_knowledge_base(settings, paths, "the same-language library", embedder) as kb, \
            progress(err, "same lang", len(questions)) as advance:
        return same_language_metrics(InProcessTarget(kb), questions, advance)


@contextmanager
def progress(err: Console, label: str, total: int) -> Iterator[Any]:
    columns = (TextColumn(f"{label:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done, _total: bar.update(task, completed=done)


def metric_table(metrics: dict[str, Any], changes: list[Any] | None) -> Table:
    by_name = {c.metric: c for c in changes or []}
    table = Table("metric", "value", *(("baseline", "change") if changes is not None else ()))
    for name, value in metrics.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        if changes is None:
            table.add_row(name, shown)
            continue
        c = by_name.get(name)
        change = "" if c is None else f"{c.delta:+.3f}" + (" [red]REGRESSION[/]" if c.regression else "")
        before = "" if c is None else f"{c.before:.3f}" if isinstance(value, float) else f"{c.before:g}"
        table.add_row(name, shown, before, change)
    return table


def write_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


# --- BEIR ----------------------------------------------------------------------------------------


def run_beir_eval(settings: Settings, data: Path, split: str, mode: str, as_json: bool, out: Console,
                  err: Console) -> int:
    from eval.beir import MODES, run_beir
    from eval.beir_data import load_beir

    if split not in SPLITS or mode not in MODE_CHOICES:
        raise UsageError(f"--split is one of {', '.join(SPLITS)} and --mode one of {', '.join(MODE_CHOICES)}")
    if not (data / "qrels" / f"{split}.tsv").is_file() and (data / "qrels").is_dir():
        have = ", ".join(sorted(p.stem for p in (data / "qrels").glob("*.tsv"))) or "none"
        raise UsageError(f"{data} has no judgments for the {split} split (qrels/{split}.tsv); available: {have}")
    dataset = load_beir(data, split)
    modes = MODES if mode == "all" else (mode,)
    result = run_beir(dataset, settings, modes, console=err)
    if as_json:
        write_json(result)
        return 0
    table = Table("mode", "nDCG@10", "recall@100", title=f"{result['dataset']} ({split}, {result['queries']} queries)")
    for name, scores in result["modes"].items():
        table.add_row(name, f"{scores['ndcg@10']:.4f}", f"{scores['recall@100']:.4f}")
    out.print(table)
    return 0
