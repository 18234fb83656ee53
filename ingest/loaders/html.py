"""HTML files with BeautifulSoup (html.parser): headings and block-level text as blocks.

Scripts, styles, templates, navigation and the head are dropped. Text is grouped by its
nearest block-level ancestor (p, li, td, blockquote, div, ...), so a paragraph with inline
markup stays one block and nested blocks become blocks of their own. Whitespace is collapsed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from bs4.element import PreformattedString

from ingest.loaders.decoding import read_text
from ingest.loaders.layout import collapse
from ingest.models import Block, ParsedFile
from ingest.settings import Settings

log = logging.getLogger(__name__)

DROPPED_TAGS = ("script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "object", "button")
HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
BLOCK_TAGS = frozenset(
    {
        *HEADING_TAGS,
        "p",
        "li",
        "blockquote",
        "td",
        "th",
        "caption",
        "dt",
        "dd",
        "pre",
        "figcaption",
        "address",
        "div",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "footer",
        "form",
        "fieldset",
        "table",
        "tr",
        "ul",
        "ol",
        "dl",
        "figure",
        "body",
        "html",
        "hr",
        "details",
        "summary",
    }
)
_META_KEYS = {
    "author": "author",
    "description": "description",
    "keywords": "keywords",
    "date": "date",
    "dcterms.date": "date",
    "dc.date": "date",
    "article:published_time": "date",
    "publisher": "publisher",
    "dc.publisher": "publisher",
}


def load_html(path: Path, settings: Settings) -> ParsedFile:
    """Blocks of an HTML page; title from <title>, else the first h1."""
    decoded = read_text(path, "HTML")
    soup = BeautifulSoup(decoded.text, "html.parser")
    info = _page_info(soup)
    info["encoding"] = decoded.encoding
    title = collapse(soup.title.get_text()) if soup.title else ""
    for tag in soup.find_all(DROPPED_TAGS):
        tag.decompose()
    blocks = html_blocks(soup)
    title = title or next((b.text for b in blocks if b.kind == "heading" and b.level == 1), "")
    return ParsedFile(blocks=blocks, title=title or None, info=info)


def html_blocks(soup: BeautifulSoup) -> list[Block]:
    blocks: list[Block] = []
    owner: Tag | None = None
    pieces: list[str] = []
    for container, piece in _text_pieces(soup):
        if container is not owner:
            _append_block(blocks, owner, pieces)
            owner, pieces = container, []
        pieces.append(piece)
    _append_block(blocks, owner, pieces)
    return blocks


def _text_pieces(soup: BeautifulSoup) -> Iterator[tuple[Tag | None, str]]:
    """(nearest block-level ancestor, text) for each text node in document order; <br> as a space.

    Owners are memoised per tag (parents come before children), so deep nesting stays linear.
    """
    owners: dict[int, Tag | None] = {id(soup): None}
    for node in soup.descendants:
        owner = owners.get(id(node.parent)) if node.parent is not None else None
        if isinstance(node, Tag):
            owners[id(node)] = node if node.name in BLOCK_TAGS else owner
            if node.name == "br":
                yield owner, " "
        elif not isinstance(node, PreformattedString):
            yield owner, str(node)


def _append_block(blocks: list[Block], owner: Tag | None, pieces: list[str]) -> None:
    text = collapse("".join(pieces))
    if not text:
        return
    level = HEADING_TAGS.get(owner.name) if owner is not None else None
    blocks.append(Block("heading", text, level) if level else Block("text", text))


def _page_info(soup: BeautifulSoup) -> dict[str, str]:
    info: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = _META_KEYS.get(str(meta.get("name") or meta.get("property") or "").lower())
        content = collapse(str(meta.get("content") or ""))
        if key and content:
            info.setdefault(key, content)
    root = soup.find("html")
    language = root.get("lang") if isinstance(root, Tag) else None
    if language:
        info["language"] = str(language)
    return info
