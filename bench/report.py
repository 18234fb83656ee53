"""The results as tables (rich) and the goals (issues 6 and 23: ratios) checked against them."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

GOAL_SIZE = 20_000
LARGE_SIZE = 100_000


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def size_row(results: dict[str, Any], size: int) -> dict[str, Any] | None:
    return next((r for r in results.get("query", {}).get("sizes", []) if r["size"] == size), None)


def goal(name: str, target: str, measured: float | None, ok: bool | None) -> dict[str, Any]:
    return {"goal": name, "target": target, "measured": measured, "ok": ok}


def query_goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Ratios measured side by side in one run (issue 23); the milliseconds move with the host, so no goal
    names one."""
    goals = []
    mid = size_row(results, GOAL_SIZE)
    if mid is not None:
        one = mid["service"]["search hybrid, 1 client"]["p50"]
        peer = mid["peer"]["embed_and_search"]["p50"] / one
        floor = one / mid["floor"]["total"]["p50"]
        goals += [
            goal("peer p50 / ours p50, /api/search at 20k", ">= 7", round(peer, 2), peer >= 7),
            goal("ours p50 / in-process floor p50 at 20k", "<= 1.3", round(floor, 2), floor <= 1.3),
        ]
    large = size_row(results, LARGE_SIZE)
    if mid is not None and large is not None:
        growth = large["service"]["search hybrid, 1 client"]["p50"] / mid["service"]["search hybrid, 1 client"]["p50"]
        goals.append(goal("/api/search p50 at 100k / at 20k", "<= 1.3", round(growth, 2), growth <= 1.3))
    return goals


def ingest_goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    ingest = results.get("ingest")
    if not ingest:
        return []
    ratio = ingest["ratio_end_to_end_to_model"]
    plain = ingest["ratio_ours_to_llamaindex_docs_per_s"]
    per_100 = ingest["reingest"]["seconds_per_100_docs"]["p50"]
    return [
        goal("ingest time, plain llama-index pipeline / ours", ">= 0.9", plain, plain >= 0.9),
        goal("ingest end to end / model only", ">= 0.85", ratio, ratio >= 0.85),
        goal("re-ingest unchanged, s per 100 documents", "<= 1", per_100, per_100 <= 1),
    ]


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    return ingest_goals(results) + query_goals(results)


def machine_line(machine: dict[str, Any]) -> str:
    flags = " ".join(f for f, present in machine["flags"].items() if present) or "none"
    return (f"{machine['cpu_model']} | {machine['cores']} cores ({machine['usable_cores']} usable) | "
            f"{machine['memory_gib']} GiB | flags: {flags} | load avg at start {machine['load_average_start']}")


def ingest_table(ingest: dict[str, Any]) -> Table:
    table = Table(title=f"Ingestion: {ingest['documents']} SciFact abstracts ({ingest['chunks']} chunks)")
    for column in ("figure", "median", "p95", "note"):
        table.add_column(column)
    rows = [
        ("end to end, chunks/s", ingest["end_to_end_chunks_per_s"], "Ingestor.run, fresh index"),
        ("model only, chunks/s", ingest["model_only_chunks_per_s"], "same texts; MiniLM in one call, + USE"),
        ("model only, pipeline's calls, chunks/s", ingest["model_only_pipeline_calls_chunks_per_s"],
         f"{ingest['embed_calls']} calls, as the pipeline made them"),
        ("end to end, docs/s", ingest["end_to_end_docs_per_s"], ""),
        ("llama-index default, docs/s", ingest["llamaindex_docs_per_s"], f"{ingest['llamaindex_nodes']} nodes"),
    ]
    for name, figure, note in rows:
        table.add_row(name, fmt(figure["p50"]), fmt(figure["p95"]), note)
    reingest = ingest["reingest"]
    table.add_row(f"re-ingest {reingest['documents']} unchanged docs, s", fmt(reingest["seconds"]["p50"], 2),
                  fmt(reingest["seconds"]["p95"], 2), f"{fmt(reingest['seconds_per_100_docs']['p50'], 3)} s per 100")
    table.add_row("  the same as `kb ingest`, s", fmt(reingest["kb_ingest_command_s"]["p50"], 2),
                  fmt(reingest["kb_ingest_command_s"]["p95"], 2), "new interpreter, imports included")
    table.add_row("ratio end to end / model only", fmt(ingest["ratio_end_to_end_to_model"], 3), "",
                  "median of the repeats' ratios; goal >= 0.85")
    table.add_row("share of our time in the models", fmt(ingest["model_share_of_end_to_end"]["p50"], 3), "", "")
    table.add_row("ratio plain llama-index time / ours", fmt(ingest["ratio_ours_to_llamaindex_docs_per_s"], 3),
                  fmt(ingest["ratio_ours_to_llamaindex_per_repeat"]["p95"], 3),
                  "same documents, runs alternating; ratio of the medians; goal >= 0.9")
    if "ratio_english_only_to_llamaindex_docs_per_s" in ingest:
        table.add_row("  the same, English vector only", fmt(ingest["ratio_english_only_to_llamaindex_docs_per_s"], 3),
                      "", "KB_MULTILINGUAL=off: no multilingual vector")
        table.add_row("ours / English vector only", fmt(ingest["ratio_ours_to_english_only_docs_per_s"], 3), "",
                      "what the multilingual vector costs")
    return table


QUERY_CASES = ("search hybrid, 1 client", "search hybrid, 8 clients", "search dense, 1 client",
               "ask, 1 client", "ask, 8 clients", "ask again (passages seen), 1 client")
HOST_CASES = (("search hybrid, 1 client", "at search 1 client"), ("floor", "at floor"))
# the floor's parts say which one a slow host window hit (the model run moves most between windows)
FLOOR_ROWS = (("total", "floor (in process: the retriever)"), ("embed", "  of it: query embedding"),
              ("index query", "  of it: BM25 + index query + collapse"))


def query_table(query: dict[str, Any]) -> Table:
    table = Table(title="Queries over HTTP (`kb serve`), ms; peer = qdrant-client local, dense, torch (in process)")
    for column in ("chunks (real)", "case", "p50", "p95", "req/s"):
        table.add_column(column, justify="right" if column != "case" else "left")
    for row in query["sizes"]:
        label = f"{row['size']:,} ({row['real_embeddings']:,})"
        for case in QUERY_CASES:
            figure = row["service"][case]
            table.add_row(label, case, fmt(figure["p50"], 2), fmt(figure["p95"], 2), fmt(figure["req_per_s"]))
            label = ""
        peer = row["peer"]["embed_and_search"]
        table.add_row("", "peer embed + dense search", fmt(peer["p50"], 2), fmt(peer["p95"], 2), "")
        ratio = peer["p50"] / row["service"]["search hybrid, 1 client"]["p50"]
        for part, case in FLOOR_ROWS:
            table.add_row("", case, fmt(row["floor"][part]["p50"], 2), fmt(row["floor"][part]["p95"], 2), "")
        if "host" in row:  # results written before the host figures lack them
            table.add_row("", host_line(row["host"]), "", "", "")
        table.add_row("", f"[bold]peer p50 / ours p50 = {ratio:.1f}x[/]", "", "", "", end_section=True)
    return table


def host_line(host: dict[str, Any]) -> str:
    """The CPU probe around the 1-client search and the floor (p50 of the timings before and after each
    round), and steal over the whole size."""
    probe = host["cpu_probe_gflops"]
    around = [f"{name} {fmt(probe[key]['p50'])}" for key, name in HOST_CASES if key in probe]
    return f"host CPU probe, GFLOP/s: {', '.join(around)}; steal {fmt(host['cpu_steal_pct'], 2)}%"


def memory_table(query: dict[str, Any]) -> Table:
    table = Table(title="Service memory and start-up")
    for column in ("chunks", "RSS ready, MiB", "RSS after load, MiB", "peak, MiB", "start to ready, s"):
        table.add_column(column, justify="right")
    for row in query["sizes"]:
        table.add_row(f"{row['size']:,}", fmt(row["rss_ready_mib"], 0), fmt(row["rss_after_mib"], 0),
                      fmt(row["rss_peak_mib"], 0), fmt(row["cold_start_s"], 2))
    starts, api = query["cold_start_s"], query["cold_start_api_only_s"]
    table.add_row("cold start (smallest)", "", "", "", f"median {fmt(starts['p50'], 2)} of {starts['n']}")
    table.add_row("  without the UI", "", "", "", f"median {fmt(api['p50'], 2)} of {api['n']}")
    return table


def goals_table(checked: list[dict[str, Any]]) -> Table:
    table = Table(title="Goals (ratios measured in this run)")
    for column in ("goal", "target", "measured", "met"):
        table.add_column(column)
    for item in checked:
        met = "[green]yes[/]" if item["ok"] else "[red]no[/]"
        table.add_row(item["goal"], item["target"], str(item["measured"]), met)
    return table


def print_report(results: dict[str, Any], console: Console) -> None:
    console.print(f"[bold]machine[/]: {machine_line(results['machine'])}")
    if "ingest" in results:
        console.print(ingest_table(results["ingest"]))
    if "query" in results:
        console.print(query_table(results["query"]))
        console.print(memory_table(results["query"]))
    console.print(goals_table(results["goals"]))
    console.print(f"load average at the end: {results['load_average_end']}  (2 cores: above ~2, figures are noisy)")
