"""File loaders: one per format, chosen by extension, each returning a ParsedFile of blocks.

``load_file`` checks what every format shares first (known type, regular file, not empty,
not over ``settings.max_file_mb``); the loaders raise the typed errors of ``ingest.errors``
for what is specific to them (corrupt, encrypted, no text). Every message names the file.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ingest.errors import EmptyFile, FileTooLarge, IngestError, NoText, UnsupportedFile
from ingest.loaders.docx import load_docx
from ingest.loaders.html import load_html
from ingest.loaders.markdown import load_markdown
from ingest.loaders.pdf import load_pdf
from ingest.loaders.text import load_text
from ingest.models import Block, ParsedFile
from ingest.settings import Settings

log = logging.getLogger(__name__)

Loader = Callable[[Path, Settings], ParsedFile]

LOADERS: dict[str, Loader] = {
    ".pdf": load_pdf,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".html": load_html,
    ".htm": load_html,
    ".docx": load_docx,
    ".txt": load_text,
}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(LOADERS)
MAX_WORD_CHARS = 200
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")

__all__ = ["SUPPORTED_EXTENSIONS", "check_file", "is_supported", "load_file"]


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in LOADERS


def load_file(path: Path, settings: Settings) -> ParsedFile:
    """Parse one file into blocks; raises an ``IngestError`` subclass naming the file and the reason."""
    loader = _loader_for(path)
    check_file(path, settings)
    try:
        parsed = loader(path, settings)
    except OSError as exc:
        raise IngestError(path.name, f"cannot be read: {exc.strerror or exc}") from exc
    if not parsed.blocks:
        raise NoText(path.name, "no text found in the file")
    parsed.blocks = _cut_long_words(parsed.blocks, path.name)
    log.debug("%s: %d blocks", path.name, len(parsed.blocks))  # never the text or title: it may be private
    return parsed


def check_file(path: Path, settings: Settings) -> None:
    """Refuse what no loader should open: missing, not a regular file, empty, or too large."""
    try:
        if not path.is_file():
            raise IngestError(path.name, "not a regular file")
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(path.name, f"cannot be read: {exc.strerror or exc}") from exc
    if size == 0:
        raise EmptyFile(path.name, "the file is empty (0 bytes)")
    limit = settings.max_file_mb * 1024 * 1024
    if size > limit:
        raise FileTooLarge(path.name, f"{_mib(size)} is over the {_mib(limit)} limit (max_file_mb)")


def _cut_long_words(blocks: list[Block], name: str) -> list[Block]:
    """'Words' over MAX_WORD_CHARS (base64 blobs, megabytes without a space) cut short with '…'.

    The model reads any word over 100 characters as one unknown token, so such a word adds nothing to
    retrieval, yet it would make a chunk of megabytes that still "fits" the token cap.
    """
    cut = 0

    def shorten(match: re.Match[str]) -> str:
        nonlocal cut
        cut += 1
        return match.group()[:MAX_WORD_CHARS] + "…"

    out = [replace(b, text=_LONG_WORD.sub(shorten, b.text)) if len(b.text) > MAX_WORD_CHARS else b for b in blocks]
    if cut:
        log.warning("%s: %d word(s) over %d characters cut short", name, cut, MAX_WORD_CHARS)
    return out


def _loader_for(path: Path) -> Loader:
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        kind = f"of type '{path.suffix}'" if path.suffix else "without an extension"
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        raise UnsupportedFile(path.name, f"files {kind} are not supported (supported: {supported})")
    return loader


def _mib(size: float) -> str:
    mib = size / (1024 * 1024)
    return f"{mib:.1f} MiB" if mib >= 0.1 else f"{size:.0f} bytes"
