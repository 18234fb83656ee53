"""Ingestion throughput (chunks/s) with the real model: the bundled corpus and a generated 50-page PDF.

For each input, on a fresh embedded index (Qdrant Edge in a temp folder), with the model loaded and
warmed before any timing:

* end to end: ``Ingestor.run`` as ``kb ingest`` runs it (hash, load, chunk, embed, BM25, upsert, flush,
  manifest, ``finish()``); the model's share of it is timed inside the run;
* model only: ``MiniLMEmbedder.encode`` of exactly the texts that run embedded, batch by batch as the
  pipeline calls it;
* per CPU-second: chunks over the CPU time of this process (all threads), for both; on a machine shared
  with other jobs wall times stretch, CPU time much less;
* with ``--cli``: ``kb ingest --index T --json <input>`` as a command (interpreter start, imports and
  model load included), wall clock.

The 50-page PDF is tests/ingest_fixtures.py's generator: one headed section of three numbered paragraphs
of policy prose per page, ~300 words a page, a running header and a page-numbered footer.

    .venv/bin/python -m bench.ingest_throughput [--repeat 3] [--cli]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from ingest_fixtures import CORPUS, KB, kb_env, policy_sections, write_pdf  # noqa: E402

from ingest.catalog import Catalog  # noqa: E402
from ingest.chunking import load_token_counter  # noqa: E402
from ingest.embedding import MiniLMEmbedder  # noqa: E402
from ingest.index.edge import EdgeIndex  # noqa: E402
from ingest.pipeline import Ingestor  # noqa: E402
from ingest.settings import Settings  # noqa: E402

PAGES = 50


class TimedEmbed:
    """The pipeline's embed callable, timing the model and keeping each batch of texts."""

    def __init__(self, model: MiniLMEmbedder) -> None:
        self.model = model
        self.seconds = 0.0
        self.batches: list[list[str]] = []

    def __call__(self, texts: list[str]) -> list[list[float]]:
        started = time.perf_counter()
        vectors: list[list[float]] = self.model.encode(texts).tolist()
        self.seconds += time.perf_counter() - started
        self.batches.append(list(texts))
        return vectors


@dataclass(frozen=True)
class Figures:
    chunks: int
    end_to_end: float
    model_in_run: float
    model_only: float
    cpu_end_to_end: float  # CPU seconds of this process (all threads): less noisy than wall time on a busy machine
    cpu_model_only: float


def one_run(model: MiniLMEmbedder, source: Path, settings: Settings) -> Figures:
    embed = TimedEmbed(model)
    counter = load_token_counter(settings.resolved_model_dir())
    with tempfile.TemporaryDirectory() as tmp:
        run_settings = settings.model_copy(update={"index_dir": Path(tmp)})
        index = EdgeIndex.open(Path(tmp) / "qdrant")
        try:
            ingestor = Ingestor(run_settings, index, embed, counter, Catalog.load(CORPUS / "catalog.toml"))
            started, cpu = time.perf_counter(), time.process_time()
            report = ingestor.run([source])
            elapsed, cpu_run = time.perf_counter() - started, time.process_time() - cpu
        finally:
            index.close()
    assert not report.failed, report.failed
    started, cpu = time.perf_counter(), time.process_time()
    for batch in embed.batches:
        model.encode(batch)
    model_only, cpu_model = time.perf_counter() - started, time.process_time() - cpu
    return Figures(sum(len(b) for b in embed.batches), elapsed, embed.seconds, model_only, cpu_run, cpu_model)


def cli_seconds(source: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        subprocess.run([str(KB), "ingest", "--index", tmp, "--json", str(source)], cwd=ROOT, env=kb_env(),
                       check=True, capture_output=True)
        return time.perf_counter() - started


def median_figures(runs: list[Figures]) -> Figures:
    fields = ("end_to_end", "model_in_run", "model_only", "cpu_end_to_end", "cpu_model_only")
    return Figures(runs[0].chunks, *(statistics.median(getattr(r, f) for r in runs) for f in fields))


def row(name: str, f: Figures, cli: float | None) -> str:
    cli_text = f"{cli:8.1f} s ({f.chunks / cli:5.1f}/s)" if cli else f"{'-':>19}"
    return (f"{name:<24} {f.chunks:>6} {f.end_to_end:8.2f} s {f.chunks / f.end_to_end:8.1f} "
            f"{f.model_in_run:8.2f} s {f.model_in_run / f.end_to_end:6.0%} {f.model_only:8.2f} s "
            f"{f.chunks / f.model_only:8.1f} {f.chunks / f.cpu_end_to_end:8.1f} {f.chunks / f.cpu_model_only:8.1f}"
            f"  {cli_text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="Runs per input; medians are shown.")
    parser.add_argument("--cli", action="store_true", help="Also time `kb ingest` as a command.")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    settings = Settings(corpus_dir=CORPUS)
    started = time.perf_counter()
    model = MiniLMEmbedder.load(settings.resolved_model_dir(), batch_size=settings.embed_batch_size)
    model.encode(["warm-up"] * 8)
    load_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pdf"
        folder.mkdir()
        write_pdf(folder / "handbook-50-pages.pdf", policy_sections(50, PAGES, 3, 100), title="Handbook")
        inputs = {"bundled corpus": CORPUS, f"generated {PAGES}-page PDF": folder}
        print(f"model load + warm-up {load_seconds:.1f} s; {os.cpu_count()} cores; load average "
              f"{os.getloadavg()[0]:.1f}; batch size {settings.embed_batch_size}; median of {args.repeat}")
        print(f"{'input':<24} {'chunks':>6} {'end to end':>10} {'chunks/s':>8} {'model in run':>10} {'share':>6} "
              f"{'model only':>10} {'chunks/s':>8} {'e2e/cpu-s':>8} {'model/cpu-s':>8}  {'kb ingest (cold)':>19}")
        for name, source in inputs.items():
            figures = median_figures([one_run(model, source, settings) for _ in range(args.repeat)])
            print(row(name, figures, cli_seconds(source) if args.cli else None), flush=True)


if __name__ == "__main__":
    main()
