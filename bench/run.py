"""Side-by-side benchmarks of issue 6: ingestion, queries over HTTP, the peer configuration, memory.

    python -m bench.run --quick    # `make bench`: 1k and 20k chunks, fewer repetitions (CI-sized)
    python -m bench.run --full     # `make bench-full`: 1k, 20k and 100k chunks, more repetitions

Prints tables and writes ``var/bench/results-<timestamp>.json``, ``var/bench/latest.json`` and a chart of the
query latencies, ``var/bench/latency.png``.
Embeddings of the SciFact chunks and built index folders are cached under ``<cache_dir>/bench``: the
first run embeds the real chunks it needs (minutes), later runs reuse them.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console

from bench import corpus, report
from bench.machine import busy_processes, load_average, machine_facts
from bench.plot import latency_chart
from bench.query import QueryPlan
from bench.stages import IngestPlan, QueryStagePlan, ingest_stage, query_stage
from ingest.factory import load_embedder
from ingest.settings import Settings

log = logging.getLogger("bench")

PLANS: dict[str, tuple[IngestPlan, QueryStagePlan]] = {
    "quick": (
        IngestPlan(documents=400, repeats=2, reingest_documents=500, reingest_repeats=3),
        QueryStagePlan(sizes=[1_000, 20_000], real_abstracts=1_000, cold_start_runs=3, floor_queries=100,
                       service=QueryPlan(rounds=3, search_requests=100, ask_requests=40, peer_queries=100)),
    ),
    "full": (
        IngestPlan(documents=400, repeats=3, reingest_documents=2_000, reingest_repeats=5),
        QueryStagePlan(sizes=[1_000, 20_000, 100_000], real_abstracts=5_183, cold_start_runs=5,
                       floor_queries=300,
                       service=QueryPlan(rounds=5, search_requests=150, ask_requests=50, peer_queries=120)),
    ),
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", dest="mode", action="store_const", const="quick", help="CI-sized run (default)")
    mode.add_argument("--full", dest="mode", action="store_const", const="full", help="the run for the report")
    parser.add_argument("--only", choices=["ingest", "query"], help="run one stage")
    parser.add_argument("--sizes", help="index sizes, comma-separated (overrides the mode's)")
    parser.add_argument("--out", type=Path, default=Path("var/bench"), help="where results are written")
    parser.set_defaults(mode="quick")
    return parser.parse_args(argv)


def bench_settings() -> Settings:
    """The product's settings from the environment, with absolute folders (the service runs elsewhere)."""
    settings = Settings()
    return settings.model_copy(update={"cache_dir": settings.cache_dir.resolve(),
                                       "corpus_dir": settings.corpus_dir.resolve()})


def service_env(settings: Settings) -> dict[str, str]:
    return {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "KB_QDRANT_URL": "",
            "KB_CACHE_DIR": str(settings.cache_dir), "KB_CORPUS_DIR": str(settings.corpus_dir)}


def run(args: argparse.Namespace) -> dict[str, Any]:
    ingest_plan, query_plan = PLANS[args.mode]
    if args.sizes:
        query_plan = QueryStagePlan(**(vars(query_plan) | {"sizes": [int(s) for s in args.sizes.split(",")]}))
    settings = bench_settings()
    work = settings.cache_dir / "bench" / "work"
    results: dict[str, Any] = {"mode": args.mode, "started": datetime.now(UTC).isoformat(timespec="seconds"),
                               "machine": machine_facts() | {"busy_processes_at_start": busy_processes()}}
    embedder = load_embedder(settings)
    abstracts = corpus.load_abstracts()
    if args.only in (None, "ingest"):
        results["ingest"] = ingest_stage(settings, embedder, abstracts, ingest_plan, work)
    if args.only in (None, "query"):
        questions = corpus.load_queries()
        results["query"] = query_stage(settings, embedder, abstracts, questions, query_plan,
                                       service_env(settings), work)
    results["goals"] = report.goals(results)
    results["load_average_end"] = load_average()
    return results


def write(results: dict[str, Any], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = out / f"results-{stamp}.json"
    text = json.dumps(results, indent=1)
    path.write_text(text, encoding="utf-8")
    (out / "latest.json").write_text(text, encoding="utf-8")
    latency_chart(results, out / "latency.png")
    return path


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    args = parse_args(argv)
    started = time.perf_counter()
    results = run(args)
    results["duration_s"] = round(time.perf_counter() - started, 1)
    path = write(results, args.out)
    console = Console()
    report.print_report(results, console)
    console.print(f"results: {path} (and {args.out / 'latest.json'}); took {results['duration_s']:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
