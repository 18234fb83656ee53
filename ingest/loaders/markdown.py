"""Markdown files: headings, paragraphs and list items as blocks, inline markup stripped.

ATX (``## Title``) and setext (``Title`` over ``===``) headings become heading blocks; each
paragraph, list item, table row and block quote paragraph becomes one text block with its
lines joined by single spaces. Bullet markers are dropped; ordered markers ("1.") are kept
because they are the paragraph's number. A line that starts a numbered paragraph ("5.3 ",
"(a) ") starts a new block. A ``---`` front matter block fills ``info``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest.loaders.decoding import read_text
from ingest.loaders.layout import collapse, starts_numbered_paragraph
from ingest.loaders.markdown_inline import strip_inline
from ingest.models import Block, ParsedFile
from ingest.settings import Settings

log = logging.getLogger(__name__)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w -]{0,60}):[ \t]*(.*)$")
_YAML_LIKE = re.compile(r"^(?:[A-Za-z_][\w -]{0,60}:(?:\s.*)?|\s+\S.*|\s*-\s.*|\s*#.*|\s*)$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_THEMATIC = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BULLET = re.compile(r"^\s*[-*+][ \t]+(?=\S)")
_ORDERED = re.compile(r"^\s*\d{1,9}[.)][ \t]+(?=\S)")
_QUOTE = re.compile(r"^ {0,3}> ?")
_TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_REFERENCE_DEFINITION = re.compile(
    r"^ {0,3}\[[^\]]{1,200}\]:\s*(?:<[^>]*>|\S+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$"
)


def load_markdown(path: Path, settings: Settings) -> ParsedFile:
    """Blocks of a Markdown file; title from front matter, else the first level-1 heading, else any."""
    decoded = read_text(path, "Markdown")
    info, body = split_front_matter(decoded.text)
    blocks = markdown_blocks(body)
    info["encoding"] = decoded.encoding
    title = info.pop("title", "") or _first_heading(blocks, 1) or _first_heading(blocks, None)
    return ParsedFile(blocks=blocks, title=title or None, info=info)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines of a leading ``---`` block, and the text after it.

    A leading ``---`` whose block holds anything but YAML-like lines is a rule, not front matter.
    """
    match = _FRONT_MATTER.match(text)
    lines = match.group(1).splitlines() if match else []
    if not match or not all(_YAML_LIKE.match(line) for line in lines):
        return {}, text
    info: dict[str, str] = {}
    for line in lines:
        pair = _FRONT_MATTER_LINE.match(line)
        value = pair.group(2).strip().strip("\"'") if pair else ""
        if pair and value:
            info[pair.group(1).strip().lower().replace(" ", "_")] = value
    return info, text[match.end() :]


@dataclass
class _Reader:
    """Line-by-line block builder: ``lines`` holds the paragraph or list item being read."""

    blocks: list[Block] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    fence: str | None = None

    def flush(self) -> None:
        text = collapse(strip_inline(" ".join(self.lines)))
        if text:
            self.blocks.append(Block("text", text))
        self.lines.clear()

    def heading(self, raw: str, level: int) -> None:
        self.flush()
        text = collapse(strip_inline(raw))
        if text:
            self.blocks.append(Block("heading", text, level))

    def feed(self, line: str) -> None:
        if self.fence is not None or _FENCE.match(line):
            self._fenced(line)
            return
        line = _unquote(line)
        if not line.strip():
            self.flush()
        elif not self._structure(line):
            self._paragraph_line(line)

    def _fenced(self, line: str) -> None:
        """Code blocks are kept as text, verbatim apart from whitespace."""
        marker = _FENCE.match(line)
        if self.fence is None and marker:
            self.flush()
            self.fence = marker.group(1)[0] * 3
        elif marker and line.strip().startswith(self.fence or ""):
            self.flush_code()
        else:
            self.lines.append(line)

    def flush_code(self) -> None:
        text = collapse(" ".join(self.lines))
        if text:
            self.blocks.append(Block("text", text))
        self.lines.clear()
        self.fence = None

    def _structure(self, line: str) -> bool:
        """Headings, rules, table dividers and reference definitions; True when ``line`` was one."""
        atx = _ATX.match(line)
        setext = _SETEXT.match(line)
        if atx:
            self.heading(atx.group(2) or "", len(atx.group(1)))
        elif setext and len(self.lines) == 1 and not _is_list_item(self.lines[0]):
            self.heading(self.lines.pop(), 1 if setext.group(1)[0] == "=" else 2)
        elif _THEMATIC.match(line) or setext:
            self.flush()
        elif not (_TABLE_DIVIDER.match(line) and "-" in line) and not _REFERENCE_DEFINITION.match(line):
            return False
        return True

    def _paragraph_line(self, line: str) -> None:
        stripped = _without_hard_break(line.strip())
        if stripped.startswith("|"):
            self.flush()
            self.lines.append(_table_row(stripped))
            self.flush()
            return
        if _is_list_item(line) or (self.lines and starts_numbered_paragraph(stripped, self.lines[-1])):
            self.flush()
        self.lines.append(_BULLET.sub("", stripped, count=1))


def markdown_blocks(text: str) -> list[Block]:
    reader = _Reader()
    for line in text.split("\n"):
        reader.feed(line)
    if reader.fence is not None:
        reader.flush_code()
    reader.flush()
    return reader.blocks


def _unquote(line: str) -> str:
    while _QUOTE.match(line):
        line = _QUOTE.sub("", line, count=1)
    return line


def _is_list_item(line: str) -> bool:
    return bool(_BULLET.match(line) or _ORDERED.match(line))


def _without_hard_break(line: str) -> str:
    return line[:-1].rstrip() if line.endswith("\\") and not line.endswith("\\\\") else line


def _table_row(line: str) -> str:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return " | ".join(cell for cell in cells if cell)


def _first_heading(blocks: list[Block], level: int | None) -> str | None:
    return next((b.text for b in blocks if b.kind == "heading" and level in (None, b.level)), None)
