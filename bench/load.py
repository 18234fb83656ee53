"""A light HTTP load generator: N client threads, each on its own keep-alive connection.

The standard library's ``http.client`` costs the client far less CPU per request than httpx, which
matters when client and server share two cores. Every request gets the next body from a shared list
(each body used once per run); latency is measured per request, throughput over the whole run.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class LoadResult:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    wall_s: float = 0.0

    @property
    def requests_per_s(self) -> float:
        return len(self.latencies_ms) / self.wall_s if self.wall_s else 0.0


class _Feed:
    """Hands out request bodies, one each, to the client threads."""

    def __init__(self, bodies: list[bytes]) -> None:
        self._bodies = bodies
        self._next = 0
        self._lock = threading.Lock()

    def take(self) -> bytes | None:
        with self._lock:
            if self._next >= len(self._bodies):
                return None
            self._next += 1
            return self._bodies[self._next - 1]


def post(conn: http.client.HTTPConnection, path: str, body: bytes) -> tuple[int, bytes]:
    conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    return response.status, response.read()


def _client(port: int, path: str, feed: _Feed, result: LoadResult, lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    mine: list[float] = []
    errors = 0
    while (body := feed.take()) is not None:
        started = time.perf_counter()
        status, _ = post(conn, path, body)
        mine.append((time.perf_counter() - started) * 1000)
        errors += status != 200
    conn.close()
    with lock:
        result.latencies_ms.extend(mine)
        result.errors += errors


def run_load(port: int, path: str, payloads: list[dict[str, Any]], clients: int) -> LoadResult:
    """POST every payload once, ``clients`` at a time; per-request latency and overall throughput."""
    feed = _Feed([json.dumps(p).encode() for p in payloads])
    result = LoadResult()
    lock = threading.Lock()
    threads = [threading.Thread(target=_client, args=(port, path, feed, result, lock)) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.wall_s = time.perf_counter() - started
    return result


def warm_up(port: int, path: str, payloads: list[dict[str, Any]]) -> None:
    """A few requests first: the first calls pay for lazy set-up (thread pool, caches, page faults)."""
    run_load(port, path, payloads, clients=2)
