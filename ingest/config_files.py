"""The TOML files a deploying organization edits beside the corpus: ``catalog.toml``, ``contacts.toml``,
``glossary.toml``. Each is optional; one that cannot be read is an error naming the file, never a silent default."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from ingest.errors import UsageError

T = TypeVar("T")


def read_config(path: Path, what: str, build: Callable[[dict[str, Any]], T]) -> T | None:
    """The file's tables built by ``build`` (pydantic models); None when there is no file. A file that is not
    UTF-8 TOML, or that ``build`` rejects, is a ``UsageError``: "<path>: invalid <what>: <reason>"."""
    if not path.is_file():
        return None
    try:
        return build(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError, UnicodeDecodeError) as err:
        raise UsageError(f"{path}: invalid {what}: {err}") from err
