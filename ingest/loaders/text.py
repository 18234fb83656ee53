"""Plain text files: paragraphs split on blank lines, lines joined by single spaces.

A paragraph that is one short line without a final period reads as a heading (level 1
or 2 by the same rules as PDF headings). A line starting a numbered paragraph or list
item ("5.3 ", "(a) ", "- ") starts a new block. A short first line is the title.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ingest.loaders.decoding import read_text
from ingest.loaders.layout import collapse, has_heading_shape, heading_level, starts_numbered_paragraph
from ingest.models import Block, ParsedFile
from ingest.settings import Settings

log = logging.getLogger(__name__)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def load_text(path: Path, settings: Settings) -> ParsedFile:
    """Blocks of a text file; ``info['encoding']`` says how its bytes were read."""
    decoded = read_text(path, "text")
    blocks = text_blocks(decoded.text)
    first_line = next((collapse(line) for line in decoded.text.splitlines() if line.strip()), "")
    title = first_line if has_heading_shape(first_line) else None
    return ParsedFile(blocks=blocks, title=title, info={"encoding": decoded.encoding})


def text_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        lines = [collapse(line) for line in paragraph.split("\n") if line.strip()]
        if len(lines) == 1 and has_heading_shape(lines[0]):
            level = 1 if not blocks else heading_level(lines[0]) or 2
            blocks.append(Block("heading", lines[0], level))
        else:
            blocks.extend(Block("text", " ".join(group)) for group in _numbered_groups(lines))
    return blocks


def _numbered_groups(lines: list[str]) -> list[list[str]]:
    """Lines grouped so each numbered paragraph or list item starts a group of its own."""
    groups: list[list[str]] = []
    for line in lines:
        if not groups or starts_numbered_paragraph(line, groups[-1][-1]):
            groups.append([])
        groups[-1].append(line)
    return groups
