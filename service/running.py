"""Who holds the embedded index: `kb serve` leaves a note so other commands can use its API instead."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import httpx

from ingest.settings import Settings

NOTE = "service.json"


@dataclass(frozen=True)
class RunningService:
    url: str
    pid: int

    def client(self, settings: Settings, timeout: float = 120.0) -> httpx.Client:
        headers = {"X-API-Key": settings.api_key} if settings.api_key else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=timeout, trust_env=False)


def write_note(settings: Settings, url: str) -> Path:
    path = settings.index_dir / NOTE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    return path


def find_running(settings: Settings) -> RunningService | None:
    """The service holding this index folder, if its note names a live process."""
    path = settings.index_dir / NOTE
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
        os.kill(int(note["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return RunningService(url=str(note["url"]), pid=int(note["pid"]))
