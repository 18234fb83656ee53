"""Query figures at one index size: `kb serve` over HTTP, the peer in process, and the in-process floor.

Rounds alternate: the service is loaded with /api/search (1 and 8 clients, hybrid; 1 client dense-only)
and /api/ask (1 and 8 clients, extractive), then the peer runs while the service idles. Latencies are
pooled over rounds; throughput is the median of the rounds. /api/ask gets a question it has not seen
in every request (its sentence-embedding cache would otherwise answer repeats for free).
"""

from __future__ import annotations

import http.client
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bench.load import run_load, warm_up
from bench.machine import HostWatch, summary
from bench.peer import PeerSearch
from bench.server import Server
from service.onnx_embedding import BUSY_WINDOW_S

log = logging.getLogger(__name__)
# a pause before each case: after a concurrent case the service answers on its one-thread model session for
# BUSY_WINDOW_S, which would otherwise slow the first half second of the 1-client case that follows
SETTLE_S = BUSY_WINDOW_S + 0.5


@dataclass(frozen=True)
class QueryPlan:
    rounds: int
    search_requests: int  # per round, 1 client; 8 clients get 4x as many
    ask_requests: int  # per round, 1 client; 8 clients get 2x as many
    peer_queries: int  # per round
    top_k: int = 5


class QuestionFeed:
    """Questions in a fixed order; ``fresh`` never repeats one within a server's life."""

    def __init__(self, questions: list[str]) -> None:
        self.questions = questions
        self.position = 0

    def cycle(self, n: int, start: int = 0) -> list[str]:
        return [self.questions[(start + i) % len(self.questions)] for i in range(n)]

    def fresh(self, n: int) -> list[str]:
        taken = self.cycle(n, self.position)
        self.position += n
        if self.position > len(self.questions):
            log.warning("more /api/ask requests than distinct questions: some repeat")
        return taken


def search_bodies(queries: list[str], top_k: int, mode: str = "hybrid") -> list[dict[str, Any]]:
    return [{"query": q, "top_k": top_k, "mode": mode} for q in queries]


def ask_bodies(questions: list[str], top_k: int) -> list[dict[str, Any]]:
    return [{"question": q, "top_k": top_k} for q in questions]


class Tally:
    """Per case: latencies pooled over rounds, each round's throughput and the service's CPU per request.

    CPU per request (all service threads) is the steadier figure on a shared machine: waiting for a core
    inflates wall time, not CPU time.
    """

    def __init__(self, server: Server, host: HostWatch) -> None:
        self.server = server
        self.host = host
        self.latencies: dict[str, list[float]] = {}
        self.throughput: dict[str, list[float]] = {}
        self.cpu_ms: dict[str, list[float]] = {}
        self.errors = 0

    def run(self, case: str, path: str, bodies: list[dict[str, Any]], clients: int) -> None:
        time.sleep(SETTLE_S)
        self.host.probe(case)
        cpu_before = self.server.cpu_s()
        result = run_load(self.server.port, path, bodies, clients)
        cpu_ms = (self.server.cpu_s() - cpu_before) * 1000 / max(len(bodies), 1)
        self.host.probe(case)
        self.latencies.setdefault(case, []).extend(result.latencies_ms)
        self.throughput.setdefault(case, []).append(result.requests_per_s)
        self.cpu_ms.setdefault(case, []).append(cpu_ms)
        self.errors += result.errors

    def figures(self) -> dict[str, Any]:
        return {case: summary(values) | {"req_per_s": round(float(np.median(self.throughput[case])), 1),
                                         "cpu_ms_per_request": round(float(np.median(self.cpu_ms[case])), 2)}
                for case, values in self.latencies.items()}


def service_round(feed: QuestionFeed, plan: QueryPlan, tally: Tally, round_no: int) -> None:
    n, m = plan.search_requests, plan.ask_requests
    queries = feed.cycle(4 * n, start=round_no * 4 * n)
    tally.run("search hybrid, 1 client", "/api/search", search_bodies(queries[:n], plan.top_k), 1)
    tally.run("search hybrid, 8 clients", "/api/search", search_bodies(queries, plan.top_k), 8)
    tally.run("search dense, 1 client", "/api/search", search_bodies(queries[:n], plan.top_k, "dense"), 1)
    fresh = feed.fresh(m)
    tally.run("ask, 1 client", "/api/ask", ask_bodies(fresh, plan.top_k), 1)
    tally.run("ask, 8 clients", "/api/ask", ask_bodies(feed.fresh(2 * m), plan.top_k), 8)
    tally.run("ask again (passages seen), 1 client", "/api/ask", ask_bodies(fresh, plan.top_k), 1)


def ask_sample(server: Server, questions: list[str], top_k: int) -> dict[str, Any]:
    """What the answers were (abstained, disclosure) and the service's own timings, on a small sample."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    answers = []
    for question in questions:
        conn.request("POST", "/api/ask", body=json.dumps({"question": question, "top_k": top_k}),
                     headers={"Content-Type": "application/json"})
        answers.append(json.loads(conn.getresponse().read()))
    conn.close()
    timings: dict[str, list[float]] = {}
    for answer in answers:
        for name, ms in answer.get("timings_ms", {}).items():
            timings.setdefault(name, []).append(ms)
    return {
        "sampled": len(answers),
        "abstained": sum(bool(a.get("abstained")) for a in answers),
        "with_citations": sum(bool(a.get("citations")) for a in answers),
        "server_timings_ms_p50": {k: round(float(np.median(v)), 2) for k, v in timings.items()},
    }


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def bench_size(index_dir: Path, peer_dir: Path, peer_model: Any, feed: QuestionFeed, plan: QueryPlan,
               env: dict[str, str], log_dir: Path, host: HostWatch) -> dict[str, Any]:
    """Every query figure at one index size (the server is started and stopped here)."""
    peer = PeerSearch(peer_dir, peer_model)
    peer_total: list[float] = []
    peer_search: list[float] = []
    peer_cpu: list[float] = []
    with Server.start(index_dir, log_dir / f"serve-{index_dir.name}.log", env) as server:
        tally = Tally(server, host)
        out: dict[str, Any] = {"cold_start_s": round(server.cold_start_s, 2), "rss_ready_mib": server.rss_mib()}
        warm_up(server.port, "/api/search", search_bodies(feed.cycle(20, start=len(feed.questions) - 20), plan.top_k))
        warm_up(server.port, "/api/ask", ask_bodies(feed.fresh(10), plan.top_k))
        peer.timed(feed.cycle(5))  # warm-up
        for round_no in range(plan.rounds):
            service_round(feed, plan, tally, round_no)
            cpu_before = time.process_time()
            total, search = peer.timed(feed.cycle(plan.peer_queries, start=round_no * plan.peer_queries))
            peer_cpu.append((time.process_time() - cpu_before) * 1000 / plan.peer_queries)
            peer_total.extend(total)
            peer_search.extend(search)
        out["ask_sample"] = ask_sample(server, feed.fresh(20), plan.top_k)
        out |= {"rss_after_mib": server.rss_mib(), "rss_peak_mib": peak_rss_mib(server.process.pid)}
    peer.close()
    return out | {
        "service": tally.figures(), "errors": tally.errors,
        "peer": {"embed_and_search": summary(peer_total), "search_only": summary(peer_search),
                 "cpu_ms_per_query": round(float(np.median(peer_cpu)), 2), "open_s": round(peer.load_s, 1)},
    }


def cold_starts(index_dir: Path, env: dict[str, str], log_dir: Path, runs: int) -> list[float]:
    """Seconds from spawning `kb serve` until /api/health answers, ``runs`` times."""
    times = []
    for run in range(runs):
        with Server.start(index_dir, log_dir / f"cold-{run}.log", env) as server:
            times.append(round(server.cold_start_s, 2))
        time.sleep(0.5)
    return times
