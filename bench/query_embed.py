"""Query embedding latency: torch (sentence-transformers) against the ONNX Runtime export.

Prints p50/p95 of one short query and of a batch of 30 answer-sized sentences, for each thread count,
side by side with the torch/ONNX ratio; then the start-up cost of ``OnnxQueryEmbedder.build`` with an
empty cache (export) and with the export cached. Torch and ONNX calls alternate, so load from other
processes hits both alike; the load average is printed with the machine facts.

    HF_HUB_OFFLINE=1 .venv/bin/python -m bench.query_embed [--runs 200] [--batch-runs 30] [--threads 1,2]
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ingest.embedding import MiniLMEmbedder
from ingest.settings import Settings
from service.onnx_embedding import OnnxQueryEmbedder, export_path, load_tokenizer, open_session

QUERIES = [
    "how do I report sexual harassment at work?",
    "what counts as a hostile work environment",
    "can I complain anonymously",
    "retaliation after a complaint",
    "who investigates a complaint against my manager?",
]
SENTENCES = [
    f"Step {i}: the employer should {verb} the complaint and tell the worker what happens next"
    + " within a reasonable time" * (i % 4)
    for i, verb in enumerate(["acknowledge", "record", "assess", "investigate", "review", "answer"] * 5)
]
CPU_FLAGS = ("avx2", "fma", "avx512f", "avx512bw", "avx512_vnni", "avx_vnni", "amx_tile")

Timer = Callable[[], object]


def machine_facts() -> list[str]:
    fields = cpuinfo_fields()
    model = fields.get("model name", "?")
    flags = set(fields.get("flags", "").split())
    import onnxruntime
    import torch

    return [
        f"cpu: {model} ({platform.machine()}), nproc {os.cpu_count()}, usable {len(os.sched_getaffinity(0))}",
        "flags: " + " ".join(f"{flag}={'yes' if flag in flags else 'no'}" for flag in CPU_FLAGS),
        "load average (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()),
        f"torch {torch.__version__} (default threads {torch.get_num_threads()}), "
        f"onnxruntime {onnxruntime.__version__}",
    ]


def cpuinfo_fields() -> dict[str, str]:
    """The first processor's fields from /proc/cpuinfo (empty off Linux)."""
    cpuinfo = Path("/proc/cpuinfo")
    fields: dict[str, str] = {}
    for line in cpuinfo.read_text().splitlines() if cpuinfo.exists() else []:
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), value.strip())
    return fields


def paired_ms(first: Timer, second: Timer, runs: int, warmup: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Alternate the two calls ``runs`` times; milliseconds of each."""
    for _ in range(warmup):
        first()
        second()
    times = np.zeros((2, runs))
    for i in range(runs):
        for row, call in enumerate((first, second)):
            started = time.perf_counter()
            call()
            times[row, i] = (time.perf_counter() - started) * 1e3
    return times[0], times[1]


def row(case: str, torch_ms: np.ndarray, onnx_ms: np.ndarray) -> str:
    t50, t95 = np.percentile(torch_ms, [50, 95])
    o50, o95 = np.percentile(onnx_ms, [50, 95])
    return (f"{case:<22} {t50:9.1f} {t95:9.1f} {o50:9.1f} {o95:9.1f}"
            f" {t50 / o50:8.1f}x {t95 / o95:8.1f}x")


def compare(
    embedder: MiniLMEmbedder, onnx: OnnxQueryEmbedder, threads: int, args: argparse.Namespace
) -> None:
    import torch

    torch.set_num_threads(threads)
    queries = iter(QUERIES * (args.runs + 10))
    one = paired_ms(lambda: embedder.encode([next(queries)]), lambda: onnx(next(queries)), args.runs)
    many = paired_ms(lambda: embedder.encode(SENTENCES), lambda: onnx.batch(SENTENCES), args.batch_runs)
    print(row(f"1 query, {threads} thr", *one))
    print(row(f"30 sentences, {threads} thr", *many))


def startup_costs(embedder: MiniLMEmbedder, settings: Settings) -> list[str]:
    """build() with an empty cache (export), then with the export cached; session creation alone."""
    cold = timed(lambda: OnnxQueryEmbedder.build(settings, embedder))
    warm = min(timed(lambda: OnnxQueryEmbedder.build(settings, embedder)) for _ in range(3))
    path = export_path(settings.cache_dir, Path(embedder.model_dir))
    session = min(timed(lambda: open_session(path, 1)) for _ in range(3))
    return [
        f"build() cold (export + session + check): {cold:.2f} s",
        f"build() warm (cached export), best of 3: {warm:.2f} s"
        f" = session creation {session:.2f} s + {warm - session:.2f} s (hash, tokenizer, check)",
    ]


def timed(call: Timer) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=200, help="single-query calls per backend")
    parser.add_argument("--batch-runs", type=int, default=30, help="30-sentence batches per backend")
    parser.add_argument("--threads", default="1,2", help="thread counts to compare (torch and ONNX alike)")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    print("\n".join(machine_facts()))
    embedder = MiniLMEmbedder.load(Settings().resolved_model_dir())
    model_dir = Path(embedder.model_dir)
    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(cache_dir=Path(cache))
        print("\n".join(startup_costs(embedder, settings)))
        print(f"\n{'case (ms)':<22} {'torch p50':>9} {'p95':>9} {'onnx p50':>9} {'p95':>9}"
              f" {'p50 ratio':>9} {'p95 ratio':>9}")
        for threads in (int(t) for t in args.threads.split(",")):
            session = open_session(export_path(settings.cache_dir, model_dir), threads)
            compare(embedder, OnnxQueryEmbedder(session, load_tokenizer(model_dir, embedder)), threads, args)
    print("load average after (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
