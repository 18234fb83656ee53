"""Extracted PDF page text to clean blocks.

1. Drop running headers/footers: lines at the top or bottom of many pages that are the same
   apart from a number that follows the page number ("Model Policy — page 3"), and lone page numbers.
2. Per page, join wrapped lines into paragraphs (undoing end-of-line hyphenation); a blank line,
   a short line ending a sentence, a heading or a numbered-paragraph start ("5.3 ", "(a) ") ends one.
3. A paragraph a page break cuts mid-sentence ("... any photograph, video or other image" / "that shows a
   person ...") is one block that keeps both pages (``page`` .. ``page_end``), so its sentence is quoted whole;
   footnotes printed between the two halves stay after it. Every other block keeps the page it is printed on.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ingest.loaders.layout import (
    collapse,
    ends_sentence,
    has_heading_shape,
    heading_level,
    is_page_number,
    stand_alone_level,
    starts_numbered_paragraph,
    starts_with_number,
)
from ingest.models import Block
from ingest.sentences import GLUED_BEFORE

EDGE_LINES = 3  # lines looked at on each edge of a page for running headers/footers
RUNNING_SHARE = 0.4  # a line on this share of the pages (at least 2) is a running header/footer
SHORT_LINE = 0.7  # a line shorter than this share of the usual line width does not wrap
DEFAULT_WIDTH = 80
FOOTNOTES = 8  # footnotes at a page's foot looked past for the paragraph that a page break cuts
CONTENTS_RUN = 5  # headings of one level in a row, nothing between: a list of contents
NOTES_SHARE = 0.5  # footnotes start in the lower half of a page's lines
ROW_RUN = 3  # consecutive row-like lines that make a table (service/answering reads each row as one unit)
_OPEN_ENDINGS = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "for", "with", "by", "on", "at", "from",
                           "as", "that", "which", "who", "is", "are", "be", "not", "its", "their", "his", "her"})
SHORT_HEADING_WORDS = 8  # a stand-alone line this short reads as a heading even in sentence case
SECTION_WORDS = 2  # and a section's number line ("10. Supporting the affected person during a formal process") longer

_NUMBER = re.compile(r"\d+")
_HYPHENATED = re.compile(r"[^\W\d_][-\u2010]$")
_SOFT_HYPHEN = "\u00ad"
_FOOTNOTE = re.compile(r"^(?:\d{1,2}\.?|[\u00b9\u00b2\u00b3\u2070-\u2079]+)\s*[A-Z]")  # "11. Working days ..."
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’)]?\s+[A-Z]")  # "... own support. The Respectful": prose, not a row

RunningKey = tuple[str, int, int]


def page_lines(text: str) -> list[str]:
    """Lines of one page, whitespace collapsed; blank lines kept as '' (paragraph breaks)."""
    return [collapse(line) for line in text.splitlines()]


def blocks_from_pages(pages: list[list[str]]) -> list[Block]:
    """Blocks of a whole document; ``pages[i]`` holds the lines of page i + 1."""
    pages = strip_running_lines(pages)
    width = line_width(line for lines in pages for line in lines)
    blocks: list[Block] = []
    for number, lines in enumerate(pages, start=1):
        blocks.extend(_carry_over(blocks, cited_page_blocks(lines, number, width)))
    return contents_as_text(blocks)


def contents_as_text(blocks: list[Block]) -> list[Block]:
    """A run of ``CONTENTS_RUN`` or more headings of one level with no text between them, on one page, is a list of
    contents, not the sections themselves: read as text, so the last entry ("22. Glossary") does not head the
    foreword that follows it."""
    out = list(blocks)
    start = 0
    while start < len(out):
        end = start
        while end < len(out) and out[end].kind == "heading" and out[end].page == out[start].page \
                and out[end].level == out[start].level:
            end += 1
        if end - start >= CONTENTS_RUN:
            out[start:end] = [replace(b, kind="text", level=0) for b in out[start:end]]
        start = max(end, start + 1)
    return out


# --- footnotes read where they are cited ----------------------------------------------------------
def cited_page_blocks(lines: list[str], page: int, width: int) -> list[Block]:
    """``page_blocks`` with the footnotes printed at the page's foot each read at the end of the section (on that
    page) of the paragraph that cites it ("... with a counsellor of their choice.4" / "4 Sessions can be held by
    telephone."), so a footnote is in its paragraph's section, not glued to whatever paragraph ends the page; it
    splits no paragraph or list. Footnotes no paragraph of the page cites stay where they are printed."""
    start = footnote_area(lines)
    blocks = page_blocks(lines[:start], page, width)
    body = list(blocks)
    for number, note in reversed(_footnotes(lines[start:], page)):  # the last first: two in a section keep order
        at = next((i for i in range(len(body) - 1, -1, -1) if _cites(body[i].text, number)), None)
        heading = next((b for b in body[at + 1 :] if b.kind == "heading"), None) if at is not None else None
        blocks.insert(next((i for i, b in enumerate(blocks) if b is heading), len(blocks)), note)
    return blocks


def footnote_area(lines: list[str]) -> int:
    """Where the footnotes at the foot of a page begin (``len(lines)``: none): the first line opening with a number
    ("4 Sessions ...", "4. Staff Rule ...") that the lines above cite with a marker glued to a word, from which
    every further numbered line counts on by one and is cited too. Notes fill less than half a page's lines."""
    starts = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := _NOTE_START.match(line))]
    for k, (first, number) in enumerate(starts):
        if first < len(lines) * NOTES_SHARE:
            continue
        above = " ".join(lines[:first])
        rest = starts[k:]
        if all(n == number + j and _cites(above, n) for j, (_, n) in enumerate(rest)):
            return first
    return len(lines)


def _footnotes(lines: list[str], page: int) -> list[tuple[int, Block]]:
    notes: list[tuple[int, list[str]]] = []
    for line in lines:
        if (m := _NOTE_START.match(line)) and (not notes or int(m.group(1)) == notes[-1][0] + 1):
            notes.append((int(m.group(1)), [line]))
        elif notes and line:
            notes[-1][1].append(line)
    return [(number, Block("text", join_lines(text), page=page)) for number, text in notes]


def _cites(text: str, number: int) -> bool:
    """A footnote marker (``ingest.sentences.GLUED_BEFORE``): the number glued to a word, or to the punctuation after
    one ("full pay.4", "recover;5 and") or after a year ("on 1 September 2023.1 It"); not a paragraph's number
    ("7.2")."""
    return bool(re.search(rf"{GLUED_BEFORE}[.,;:!?]?{number}(?!\d)(?![.,]\d)", text))


_NOTE_START = re.compile(r"^(\d{1,2})\.?\s+[A-Z\u201c\"(]")


# --- a paragraph over a page break -----------------------------------------------------------------
def _carry_over(before: list[Block], page: list[Block]) -> list[Block]:
    """A page's blocks, its first one joined (in ``before``) to the paragraph it finishes on the page before."""
    cut = _cut_paragraph(before)
    if cut is None or not page or page[0].kind != "text" or not _goes_on(before[cut].text, page[0].text):
        return page
    head, tail = before[cut], page[0]
    before[cut] = Block("text", join_lines([head.text, tail.text]), page=head.page, page_end=tail.last_page)
    return page[1:]


def _cut_paragraph(blocks: list[Block]) -> int | None:
    """The last paragraph of the page so far when it stops mid-sentence, looking past up to ``FOOTNOTES`` footnotes
    ("11. Working days are counted ...") printed below it."""
    last_page = blocks[-1].last_page if blocks else None
    for i in range(len(blocks) - 1, max(len(blocks) - 2 - FOOTNOTES, -1), -1):
        block = blocks[i]
        if block.kind != "text" or block.last_page != last_page:
            return None
        if not ends_sentence(block.text):
            return i
        if not _FOOTNOTE.match(block.text):
            return None
    return None


def _goes_on(text: str, following: str) -> bool:
    """``following`` finishes ``text``'s sentence: it opens in lower case, or ``text`` stops mid-phrase."""
    last = text.split()[-1]
    return following[:1].islower() or last[-1] in ",;-\u2010" or last.lower() in _OPEN_ENDINGS


# --- running headers and footers ------------------------------------------------------------------
def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    content = [[line for line in lines if line] for lines in pages]
    top = _running_keys([lines[:EDGE_LINES] for lines in content])
    bottom = _running_keys([lines[-EDGE_LINES:] for lines in content])
    return [_strip_edges(lines, index, top, bottom) for index, lines in enumerate(pages)]


def _line_keys(line: str, page_index: int) -> set[RunningKey]:
    """Equal keys on two pages: the same line, or the same line with its number advancing with the page."""
    keys = {(line.lower(), -1, 0)}
    if starts_with_number(line):  # '1. Scope' on page 1 and '2. Scope' on page 2 are headings
        return keys
    signature = _NUMBER.sub("#", line.lower())
    numbers = [int(n) for n in _NUMBER.findall(line)[:4] if len(n) <= 6]
    return keys | {(signature, position, page_index - n) for position, n in enumerate(numbers)}


def _running_keys(edges: list[list[str]]) -> set[RunningKey]:
    counts: Counter[RunningKey] = Counter()
    for index, lines in enumerate(edges):
        counts.update(set().union(*(_line_keys(line, index) for line in lines)))
    needed = max(2, math.ceil(len(edges) * RUNNING_SHARE))
    return {key for key, count in counts.items() if count >= needed}


def _strip_edges(lines: list[str], index: int, top: set[RunningKey], bottom: set[RunningKey]) -> list[str]:
    lines = _strip_leading(lines, index, top)
    return _strip_leading(lines[::-1], index, bottom)[::-1]


def _strip_leading(lines: list[str], index: int, running: set[RunningKey]) -> list[str]:
    start, dropped = 0, 0
    while start < len(lines) and dropped < EDGE_LINES:
        line = lines[start]
        if line and not (is_page_number(line) or _line_keys(line, index) & running):
            break
        dropped += 1 if line else 0
        start += 1
    return lines[start:]


# --- paragraphs and headings ----------------------------------------------------------------------
def line_width(lines: Iterable[str]) -> int:
    """The usual length of a full (wrapped) line: the 90th percentile of line lengths."""
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return DEFAULT_WIDTH
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def page_blocks(lines: list[str], page: int, width: int) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        text = join_lines(paragraph)
        if text:
            blocks.append(Block("text", text, page=page))
        paragraph.clear()

    after = _next_nonblank(lines)
    rows = table_rows(lines, after)
    for i, (line, following) in enumerate(zip(lines, after, strict=True)):
        # a row after a row is no heading, though it stands alone as one ("Effective date 1 September 2023")
        level = None if i - 1 in rows and i in rows else _heading_here(line, paragraph, following, width)
        if not line or level or i in rows or (paragraph and starts_numbered_paragraph(line, paragraph[-1])):
            flush()
        if level:
            blocks.append(Block("heading", line, level, page))
        elif i in rows:
            blocks.append(Block("text", line, page=page))
        elif line:
            paragraph.append(line)
            if ends_sentence(line) and len(line) < SHORT_LINE * width:
                flush()
    flush()
    return blocks


def table_rows(lines: list[str], following: list[str] | None = None) -> set[int]:
    """Lines that read as the rows of a table (or of a list without bullets): a run of at least ``ROW_RUN`` lines,
    each opening with a capital or a digit and ending neither a sentence nor mid-phrase, and the line after it not
    going on in lower case. A wrapped paragraph's lines seldom open with a capital three times running; a table's
    rows, extracted one per line, do ("Staff Counsellor Ext. 4410 Mon-Thu 09:00-17:00" / "Medical Service Ext. 4300
    ..."), and joined they would read as one sentence."""
    following = following if following is not None else _next_nonblank(lines)  # the next non-blank line of each
    candidate = [_row_like(line) and not after[:1].islower() for line, after in zip(lines, following, strict=True)]
    rows: set[int] = set()
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and candidate[end]:
            end += 1
        if end - start >= ROW_RUN:
            rows.update(range(start, end))
        start = end + 1
    return rows


def _row_like(line: str) -> bool:
    """Opens with a capital or a digit, holds no sentence end, and does not stop mid-phrase ("... and the")."""
    if not line or not (line[0].isupper() or line[0].isdigit()) or ends_sentence(line) or _SENTENCE_INSIDE.search(line):
        return False
    last = line.split()[-1]
    return last[-1] not in ",;:-\u2010" and last.lower() not in _OPEN_ENDINGS


def _next_nonblank(lines: list[str]) -> list[str]:
    """For each line, the next non-blank line after it ('' at the end)."""
    following, nxt = [], ""
    for line in reversed(lines):
        following.append(nxt)
        nxt = line or nxt
    return following[::-1]


def _heading_here(line: str, paragraph: list[str], following: str, width: int) -> int | None:
    """A heading: reads as one, stands apart from the paragraph before, and the next line is not its tail."""
    if not line or (paragraph and not ends_sentence(paragraph[-1])):
        return None
    if following[:1].islower() or len(line) > max(SHORT_LINE * width, 50):
        return None
    level = heading_level(line)
    if level is None and has_heading_shape(line):  # 'Prohibited conduct': a short sentence-case line on its own
        alone = stand_alone_level(line)
        return alone if len(line.split()) <= SHORT_HEADING_WORDS + (SECTION_WORDS if alone == 1 else 0) else None
    return level


def join_lines(lines: list[str]) -> str:
    """One paragraph from wrapped lines: 'harass-' + 'ment' -> 'harassment', otherwise a space."""
    parts: list[str] = []
    for line in lines:
        if parts and _breaks_word(parts[-1], line):
            parts[-1] = parts[-1][:-1]
        elif parts:
            parts.append(" ")
        parts.append(line)
    return "".join(parts).replace(_SOFT_HYPHEN, "")


def _breaks_word(line: str, following: str) -> bool:
    """'harass-' followed by 'ment ...', or a soft hyphen at the line end."""
    return line.endswith(_SOFT_HYPHEN) or bool(_HYPHENATED.search(line) and following[:1].islower())
