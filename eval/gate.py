"""The CI gate: committed floors and ceilings (``eval/data/thresholds.toml``) checked against a metric object."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from eval.gold import DATA_DIR

THRESHOLDS_FILE = DATA_DIR / "thresholds.toml"


def load_thresholds(path: Path = THRESHOLDS_FILE) -> dict[str, dict[str, float]]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {"min": dict(data.get("min", {})), "max": dict(data.get("max", {}))}


def gate_failures(metrics: dict[str, Any], thresholds: dict[str, dict[str, float]]) -> list[str]:
    """One line per metric outside its bound (a metric the run did not produce fails too)."""
    failures = []
    for bound, limits in thresholds.items():
        for name, limit in limits.items():
            value = metrics.get(name)
            if not isinstance(value, int | float):
                failures.append(f"{name}: missing from the eval's metrics")
            elif (bound == "min" and value < limit) or (bound == "max" and value > limit):
                failures.append(f"{name} = {value:.4g}, {bound} allowed {limit:g}")
    return failures
