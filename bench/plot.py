"""One PNG beside the JSON: p50/p95 of each query case per index size, ours against the peer's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CASES = ("search hybrid, 1 client", "search dense, 1 client", "ask, 1 client")


def latency_chart(results: dict[str, Any], path: Path) -> Path | None:
    """Grouped bars (p50, with the p95 as an error bar) by index size; None when there are no query figures."""
    sizes = results.get("query", {}).get("sizes", [])
    if not sizes:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = {case: [row["service"][case] for row in sizes] for case in CASES}
    series["peer: embed + dense search (in process)"] = [row["peer"]["embed_and_search"] for row in sizes]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    width = 0.8 / len(series)
    for i, (name, figures) in enumerate(series.items()):
        xs = [x + i * width for x in range(len(sizes))]
        p50 = [f["p50"] for f in figures]
        p95 = [max(f["p95"] - f["p50"], 0.0) for f in figures]
        ax.bar(xs, p50, width, yerr=[[0.0] * len(p50), p95], capsize=3, label=name)
    ax.set_xticks([x + width * (len(series) - 1) / 2 for x in range(len(sizes))])
    ax.set_xticklabels([f"{row['size']:,} chunks" for row in sizes])
    ax.set_ylabel("ms (bar: p50, whisker: p95)")
    ax.set_yscale("log")
    ax.set_title("Query latency over HTTP, 1 client (log scale)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
