"""How a parser's exception becomes a CorruptFile with a short, readable reason."""

from __future__ import annotations

from ingest.errors import CorruptFile

MAX_REASON_CHARS = 160


def short_reason(exc: BaseException) -> str:
    """The exception's message on one line, cut to a readable length."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 3] + "..."


def unreadable(name: str, kind: str, exc: BaseException) -> CorruptFile:
    """CorruptFile(name, 'cannot be read as a <kind>: <reason>')."""
    return CorruptFile(name, f"cannot be read as a {kind}: {short_reason(exc)}")
