"""The service under test: `kb serve` itself in a child process (its own interpreter and GIL).

Started with the product's defaults (UI mounted, ONNX query embedding), on a free loopback port and an
index folder built by ``bench.indexes``. Cold start = process spawn until ``/api/health`` answers 200.
"""

from __future__ import annotations

import http.client
import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import psutil

log = logging.getLogger(__name__)

READY_TIMEOUT_S = 300.0
KB_MAIN = "from app.cli import main; main()"  # what the `kb` script runs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def health_ok(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/api/health")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


class Server:
    """A running `kb serve` on one index folder."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, cold_start_s: float, log_file: IO[bytes]) -> None:
        self.process = process
        self.port = port
        self.cold_start_s = cold_start_s
        self._log_file = log_file

    @classmethod
    def start(cls, index_dir: Path, log_path: Path, env: dict[str, str]) -> Server:
        port = free_port()
        command = [sys.executable, "-c", KB_MAIN, "serve", "--index", str(index_dir), "--port", str(port)]
        log_path.parent.mkdir(parents=True, exist_ok=True)
        log_file = log_path.open("wb")
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, env=os.environ | env)
        while not health_ok(port):
            if process.poll() is not None or time.perf_counter() - started > READY_TIMEOUT_S:
                process.kill()
                log_file.close()
                raise RuntimeError(f"kb serve did not start; see {log_path}")
            time.sleep(0.02)
        return cls(process, port, time.perf_counter() - started, log_file)

    def rss_mib(self) -> float:
        """Resident memory of the service process (and any children), MiB."""
        proc = psutil.Process(self.process.pid)
        total = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
        return round(total / 2**20, 1)

    def cpu_s(self) -> float:
        """CPU seconds the service has used so far (all its threads, user + system)."""
        times = psutil.Process(self.process.pid).cpu_times()
        return times.user + times.system

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log_file.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
