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
