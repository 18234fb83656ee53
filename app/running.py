"""Who holds the embedded index: `kb serve` leaves a note so other commands can use its API instead."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from ingest.settings import Settings
from service.client import RemoteClient

NOTE = "service.json"
HEALTH_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class RunningService:
    url: str
    pid: int

    def client(self, settings: Settings, timeout: float = 120.0) -> httpx.Client:
        """The HTTP client of ``remote`` (for what the typed client does not cover: file uploads)."""
        return RemoteClient(self.url, settings.api_key, timeout).http

    def remote(self, settings: Settings) -> RemoteClient:
        return RemoteClient(self.url, settings.api_key)

    def answers(self, timeout: float = HEALTH_TIMEOUT_S) -> bool:
        """Whether the service named by the note answers its health check (a reused pid does not)."""
        try:
            return httpx.get(f"{self.url}/api/health", timeout=timeout, trust_env=False).status_code == 200
        except httpx.HTTPError:
            return False


def write_note(settings: Settings, url: str) -> Path:
    path = settings.index_dir / NOTE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    return path


def find_running(settings: Settings, warn: Callable[[str], None] | None = None) -> RunningService | None:
    """The service holding this index folder: its note names a live process that answers. A stale note (the
    process is gone, or its pid now belongs to another program) is ignored, with a line to ``warn``."""
    path = settings.index_dir / NOTE
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
        running = RunningService(url=str(note["url"]), pid=int(note["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if _alive(running.pid) and running.answers():
        return running
    if warn is not None:
        warn(f"ignoring a stale {NOTE}: no service answers at {running.url} (pid {running.pid}); using the index directly")
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
