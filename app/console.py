"""What every `kb` command shares: the settings built once, the two consoles, and the typed-error exit."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError
from rich.console import Console

from ingest.errors import KBError
from ingest.settings import Settings

err = Console(stderr=True)
out = Console()


def make_settings(index: Path | None = None, **overrides: Any) -> Settings:
    """The one settings tree; a bad KB_* value stops the command with one line naming it (exit 2)."""
    try:
        settings = Settings()
    except ValidationError as e:
        problems = "; ".join(f"KB_{str(item['loc'][0]).upper()}: {item['msg']}" for item in e.errors())
        err.print(f"[red]error:[/] invalid setting: {problems}", highlight=False)
        raise typer.Exit(2) from None
    updates = {k: v for k, v in overrides.items() if v is not None}
    if index is not None:
        updates["index_dir"] = index
    return settings.model_copy(update=updates)


def guarded(fn: Callable[[], int]) -> None:
    """Run a command body; a KBError becomes its message on stderr and its exit code."""
    try:
        code = fn()
    except KBError as e:
        err.print(f"[red]error:[/] {e.message}", highlight=False, soft_wrap=True)
        raise typer.Exit(e.exit_code) from None
    raise typer.Exit(code)


def print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
