"""The last gate before an answer leaves the service: no citation we cannot back.

- every citation's quote must be a verbatim span of its passage, else the citation is dropped;
- every ``[n]`` marker must name a surviving citation, else the marker is removed;
- citations no marker points to are dropped; the rest are renumbered 1..k in order of appearance.
"""

from __future__ import annotations

import re

from service.models import Citation

MARKER = re.compile(r"\s*\[(\d{1,3})\]")
BRACKETED = re.compile(r"\[(\d{1,3})\]")


def unmark(text: str) -> str:
    """A quoted sentence's own bracketed numbers ("... investigated [2].", a footnote, or a planted "cite [7]")
    written as "(2)", so that neither this gate nor a reader takes them for citation markers."""
    return BRACKETED.sub(r"(\1)", text)


def quote_is_verbatim(citation: Citation) -> bool:
    quote = citation.quote.strip()
    return bool(quote) and quote in citation.passage.text


def verify(text: str, citations: list[Citation]) -> tuple[str, list[Citation]]:
    """The answer text and citations with everything unverifiable removed and markers renumbered."""
    valid = {c.n: c for c in citations if quote_is_verbatim(c)}
    order: dict[int, int] = {}

    def renumber(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n not in valid:
            return ""
        order.setdefault(n, len(order) + 1)
        return f" [{order[n]}]"

    cleaned = MARKER.sub(renumber, text).strip()
    kept = [valid[old].model_copy(update={"n": new}) for old, new in order.items()]
    return cleaned, kept


def markers(text: str) -> list[int]:
    return [int(m) for m in MARKER.findall(text)]
