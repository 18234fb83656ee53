"""``kb eval``: the gold-set eval (default) and ``kb eval beir``. Registered by ``app.cli``.

Only typer is imported here: the product, the model and the IR library load when a command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from app.console import err, guarded, make_settings
from app.console import out as console

app = typer.Typer(help="Measure retrieval and cited answers: the gold question set, or a BEIR benchmark.",
                  add_completion=False, pretty_exceptions_enable=False)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")]


@app.callback(invoke_without_command=True)
def gold(
    ctx: typer.Context,
    url: Annotated[str | None, typer.Option("--url", help="Evaluate a running service (POST /api/search, /api/ask).")] = None,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write report.md, metrics.json and PNG charts here.")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="A previous `kb eval --json` output to compare with.")] = None,
    index: Annotated[Path | None, typer.Option("--index", help="Use this index folder instead of a fresh one of the corpus.")] = None,
) -> None:
    """Ask the gold questions (in process on a fresh index of the bundled corpus unless --url or --index) and score them."""
    if ctx.invoked_subcommand is not None:
        return
    from eval.commands import GoldOptions, run_gold_eval

    options = GoldOptions(url=url, as_json=as_json, out_dir=out, baseline=baseline, index=index)
    guarded(lambda: run_gold_eval(make_settings(), options, console, err))


@app.command()
def beir(
    data: Annotated[Path, typer.Option("--data", help="A BEIR-layout folder: corpus.jsonl, queries.jsonl, qrels/<split>.tsv.")],
    split: Annotated[str, typer.Option("--split", help="Judgments to score: train or test.")] = "test",
    mode: Annotated[str, typer.Option("--mode", help="dense, bm25, hybrid or all.")] = "all",
    as_json: JsonOpt = False,
) -> None:
    """The product's chunker, embedder, index and retrieval on a BEIR dataset: nDCG@10 and recall@100 per mode."""
    from eval.commands import run_beir_eval

    guarded(lambda: run_beir_eval(make_settings(), data, split, mode, as_json, console, err))
