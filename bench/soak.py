"""Loopback soak test: N concurrent clients for D seconds per round, mixed /api/search and /api/ask.

    python -m bench.soak --url http://127.0.0.1:8000 [--clients 50] [--seconds 60] [--rounds 3] [--pid PID]

Prints, per round: requests, errors, requests/s, p50/p95 per endpoint and the service's RSS (psutil on
its pid; found from the listening port when --pid is not given). Exits 1 on any error or when the RSS
grows by more than 10% between the last two rounds; 2 on a non-loopback URL (this is not a tool for
loading other people's servers).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import sys
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
import psutil

QUESTIONS = [
    "What counts as sexual harassment at work?",
    "How do I report sexual harassment confidentially?",
    "What support is available to someone who was harassed?",
    "Who can I talk to before making a formal complaint?",
    "What is the role of a gender focal point?",
    "Can a consultant or intern report harassment?",
    "What protection is there against retaliation?",
    "What did the keynote speaker say about leadership?",
    "What is ClearCheck used for?",
    "Who facilitated the dialogue?",
    "How can bystanders intervene safely?",
    "What does a victim-centred approach mean?",
    "How long does an investigation take?",
    "What interim measures can protect the person who reported?",
    "Does harassment at an off-site work event count?",
    "What training on preventing harassment is required?",
    "How are perpetrators prevented from being rehired elsewhere in the UN system?",
    "What did participants say about power imbalances?",
    "Is online harassment covered by the policy?",
    "What should a manager do when a staff member discloses harassment?",
    "My colleague keeps sending me messages about my appearance. What can I do?",
    "What are the recommendations of the dialogue?",
    "How is confidentiality protected during an investigation?",
    "What is informal resolution?",
    "How can leaders create a culture where people speak up?",
]
GROWTH_LIMIT = 0.10


@dataclass
class Round:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"search": [], "ask": []})
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    rss: int = 0
    peak_rss: int = 0

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values()) + len(self.errors)

    def summary(self) -> dict[str, object]:
        stats = {name: percentiles(values) for name, values in self.latencies.items()}
        return {"requests": self.requests, "errors": len(self.errors), "req_per_s": round(self.requests / self.seconds, 2),
                "latency_ms": stats, "rss_mib": mib(self.rss), "peak_rss_mib": mib(self.peak_rss),
                "first_errors": self.errors[:3]}


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0, "p50": 0.0, "p95": 0.0}
    ordered = sorted(values)
    return {"n": len(ordered), "p50": round(quantile(ordered, 0.50), 1), "p95": round(quantile(ordered, 0.95), 1)}


def quantile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def mib(size: int) -> float:
    return round(size / 2**20, 1)


def request_for(client_id: int, n: int) -> tuple[str, str, dict[str, object]]:
    """(endpoint, path, body): clients alternate search and ask, each walking the questions from its own offset."""
    question = QUESTIONS[(client_id * 7 + n) % len(QUESTIONS)]
    if (client_id + n) % 2:
        return "search", "/api/search", {"query": question, "top_k": 5}
    return "ask", "/api/ask", {"question": question}


async def one_client(http: httpx.AsyncClient, client_id: int, deadline: float, result: Round) -> None:
    n = 0
    while time.monotonic() < deadline:
        name, path, body = request_for(client_id, n)
        n += 1
        started = time.perf_counter()
        try:
            response = await http.post(path, json=body)
        except httpx.HTTPError as err:
            result.errors.append(f"{name}: {type(err).__name__}")
            continue
        if response.status_code != 200:
            result.errors.append(f"{name}: HTTP {response.status_code} {response.text[:120]}")
            continue
        result.latencies[name].append((time.perf_counter() - started) * 1000)


async def watch_rss(process: psutil.Process | None, result: Round, stop: asyncio.Event) -> None:
    while process is not None and not stop.is_set():
        result.peak_rss = max(result.peak_rss, process.memory_info().rss)
        await asyncio.sleep(0.2)


async def run_round(url: str, clients: int, seconds: float, process: psutil.Process | None) -> Round:
    result = Round()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits, trust_env=False) as http:
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch_rss(process, result, stop))
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(*(one_client(http, i, deadline, result) for i in range(clients)))
        result.seconds = time.monotonic() - started
        stop.set()
        await watcher
    result.rss = process.memory_info().rss if process is not None else 0
    return result


def require_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"refusing to load {url}: only loopback addresses (127.0.0.1, ::1, localhost)")


def server_process(url: str, pid: int | None) -> psutil.Process | None:
    """The service's process: --pid, else the one listening on the URL's port."""
    if pid is not None:
        return psutil.Process(pid)
    port = urlsplit(url).port or 80
    for conn in psutil.net_connections(kind="tcp"):
        if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port and conn.pid:
            return psutil.Process(conn.pid)
    return None


def verdict(rounds: list[Round]) -> tuple[bool, float]:
    """(passed, RSS growth between the last two rounds): no errors at all and a flat memory."""
    growth = (rounds[-1].rss - rounds[-2].rss) / rounds[-2].rss if len(rounds) >= 2 and rounds[-2].rss else 0.0
    return all(not r.errors for r in rounds) and growth <= GROWTH_LIMIT, growth


async def soak(url: str, clients: int, seconds: float, rounds: int, pid: int | None = None) -> list[Round]:
    require_loopback(url)
    process = server_process(url, pid)
    results = []
    for number in range(1, rounds + 1):
        result = await run_round(url, clients, seconds, process)
        results.append(result)
        sys.stderr.write(f"round {number}: {json.dumps(result.summary())}\n")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pid", type=int, default=None, help="The service's pid (default: found from the port).")
    args = parser.parse_args(argv)
    try:
        results = asyncio.run(soak(args.url, args.clients, args.seconds, args.rounds, args.pid))
    except ValueError as err:
        sys.stderr.write(f"error: {err}\n")
        return 2
    passed, growth = verdict(results)
    report = {"clients": args.clients, "seconds_per_round": args.seconds, "rounds": [r.summary() for r in results],
              "total_requests": sum(r.requests for r in results), "total_errors": sum(len(r.errors) for r in results),
              "rss_growth_last_two_rounds": round(growth, 4), "passed": passed}
    sys.stdout.write(json.dumps(report, indent=2) + "\n")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
