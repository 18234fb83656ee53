"""Text to escaped HTML with <mark>: the quoted span of a citation, or the query terms in a passage."""

from __future__ import annotations

import re
from html import escape

STOPWORD_TEXT = (
    "a about after all also an and any are as at be been but by can could did do does for from had has have "
    "how i if in into is it its me my no not of on or our should so than that the their them then there these "
    "they this to was we were what when where which who why will with would you your"
)
STOPWORDS = frozenset(STOPWORD_TEXT.split())
WORD = re.compile(r"\w+", re.UNICODE)


def marked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` escaped, with each (start, end) span wrapped in <mark>; spans must not overlap."""
    out: list[str] = []
    last = 0
    for start, end in sorted(spans):
        out += [escape(text[last:start]), "<mark>", escape(text[start:end]), "</mark>"]
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where the quote sits in the passage: exactly, else ignoring case and runs of whitespace."""
    quote = quote.strip()
    if not quote:
        return None
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    found = re.search(pattern, text, re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def highlight_quote(text: str, quote: str) -> str:
    return highlight_quotes(text, [quote])


def highlight_quotes(text: str, quotes: list[str]) -> str:
    """Every quote marked in the passage (overlapping quotes merged into one mark)."""
    spans = sorted(span for q in quotes if (span := quote_span(text, q)) is not None)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return marked(text, merged)


def query_terms(query: str) -> list[str]:
    """The words of a query worth highlighting (no stopwords, no single letters), lower-cased, unique."""
    words = (w.lower() for w in WORD.findall(query))
    return list(dict.fromkeys(w for w in words if len(w) > 1 and w not in STOPWORDS))


def term_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Whole words of ``text`` that start with a query term (so 'leader' also marks 'leaders')."""
    if not terms:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def highlight_terms(text: str, terms: list[str]) -> str:
    return marked(text, term_spans(text, terms))


def snippet(text: str, terms: list[str], width: int = 260) -> tuple[str, bool]:
    """A short window of ``text`` around the first matching term (escaped, terms marked); True when cut."""
    if len(text) <= width:
        return highlight_terms(text, terms), False
    spans = term_spans(text, terms)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 4, len(text) - width))
    start = text.rfind(" ", 0, start) + 1 if start > 0 else 0
    end = text.find(" ", start + width)
    end = len(text) if end < 0 else end
    window = text[start:end]
    body = highlight_terms(window, terms)
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else ""), True
