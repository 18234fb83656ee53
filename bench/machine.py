"""Machine facts printed with every result, and the summary statistics every figure uses."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import subprocess
import time
from pathlib import Path
from typing import Any

import numpy as np

CPU_FLAGS = ("avx2", "fma", "avx512f", "avx512bw", "avx512_vnni", "avx_vnni", "amx_tile")
PACKAGES = ("torch", "onnxruntime", "sentence-transformers", "qdrant-edge-py", "qdrant-client", "fastapi",
            "uvicorn", "httptools", "uvloop", "llama-index-core")


def cpuinfo() -> dict[str, str]:
    """The first processor's fields from /proc/cpuinfo (empty off Linux)."""
    path = Path("/proc/cpuinfo")
    fields: dict[str, str] = {}
    for line in path.read_text().splitlines() if path.exists() else []:
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), value.strip())
    return fields


def memory_gib() -> float:
    import psutil

    return round(psutil.virtual_memory().total / 2**30, 1)


def version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def git_commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def machine_facts() -> dict[str, Any]:
    fields = cpuinfo()
    flags = set(fields.get("flags", "").split())
    return {
        "cpu_model": fields.get("model name", platform.processor() or "?"),
        "arch": platform.machine(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "flags": {flag: flag in flags for flag in CPU_FLAGS},
        "memory_gib": memory_gib(),
        "python": platform.python_version(),
        "packages": {name: version(name) for name in PACKAGES},
        "commit": git_commit(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }


def summary(values: list[float], digits: int = 2) -> dict[str, float]:
    """n, median, p95 and mean of repeated measurements (linear interpolation between ranks)."""
    if not values:
        return {"n": 0, "p50": float("nan"), "p95": float("nan"), "mean": float("nan")}
    arr = np.asarray(values, dtype=np.float64)
    p50, p95 = np.percentile(arr, [50, 95])
    return {"n": len(values), "p50": round(float(p50), digits), "p95": round(float(p95), digits),
            "mean": round(float(arr.mean()), digits)}


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


PROBE_SIZE = 48  # a 48x48 float32 product: in L1, and under OpenBLAS's size for splitting across threads
PROBE_PRODUCTS = 100  # ~0.4 ms a timing on this machine kind
PROBE_TIMINGS = 5


def cpu_probe_gflops() -> float:
    """GFLOP/s of one core right now (median of 5 timings, ~2 ms in all) on a small matrix product in cache.

    On a shared host this moves by up to 2x within seconds (another guest busy on the same physical core,
    clock changes), and query embedding time moves with it. Taken between measurements, never during them:
    the benchmark's own load would slow it too.
    """
    matrix = np.full((PROBE_SIZE, PROBE_SIZE), 0.5, dtype=np.float32)
    for _ in range(PROBE_PRODUCTS // 10):  # a core waking from idle starts slow
        matrix @ matrix
    rates = []
    for _ in range(PROBE_TIMINGS):
        started = time.perf_counter()
        for _ in range(PROBE_PRODUCTS):
            matrix @ matrix
        rates.append(PROBE_PRODUCTS * 2 * PROBE_SIZE**3 / (time.perf_counter() - started) / 1e9)
    return float(np.median(rates))


def cpu_jiffies() -> tuple[int, int]:
    """(steal, total) clock ticks of all CPUs since boot, from /proc/stat; (0, 0) off Linux."""
    path = Path("/proc/stat")
    if not path.exists():
        return 0, 0
    ticks = [int(x) for x in path.read_text().splitlines()[0].split()[1:]]
    steal = ticks[7] if len(ticks) > 7 else 0
    return steal, sum(ticks[:8])  # guest time is already counted in user time


class HostWatch:
    """The host's speed around the measurements of one stretch of the run: ``cpu_probe_gflops`` before and
    after each labelled measurement, and the share of CPU time the hypervisor gave to other guests (steal)
    over the whole stretch. Figures that drift between runs can be read against it."""

    def __init__(self) -> None:
        self.samples: dict[str, list[float]] = {}
        self.jiffies = cpu_jiffies()

    def probe(self, label: str) -> None:
        self.samples.setdefault(label, []).append(cpu_probe_gflops())

    def figures(self) -> dict[str, Any]:
        steal, total = (now - then for now, then in zip(cpu_jiffies(), self.jiffies, strict=True))
        return {"cpu_probe_gflops": {label: summary(values, 1) for label, values in self.samples.items()},
                "cpu_steal_pct": round(100 * steal / total, 2) if total else None}


def busy_processes(threshold: float = 20.0) -> int:
    """Other processes using more than ``threshold`` % of a core right now (noise on a shared machine)."""
    import psutil

    procs = list(psutil.process_iter(["pid"]))
    for proc in procs:
        try:
            proc.cpu_percent(None)
        except psutil.Error:
            continue
    time.sleep(0.5)
    mine = os.getpid()
    busy = 0
    for proc in procs:
        try:
            if proc.pid != mine and proc.cpu_percent(None) > threshold:
                busy += 1
        except psutil.Error:
            continue
    return busy
