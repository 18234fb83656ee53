"""DOCX files with python-docx: "Heading N" and "Title" paragraphs as headings, others as text.

Body paragraphs and table cells are read in document order. The zip is inspected before
python-docx opens it, so a zip bomb or a file that is not a DOCX is refused with a reason.
Word's automatic list numbering is not part of the paragraph text and so is not kept.
"""

from __future__ import annotations

import logging
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ingest.errors import CorruptFile
from ingest.loaders.failures import short_reason, unreadable
from ingest.loaders.layout import collapse
from ingest.models import Block, ParsedFile
from ingest.settings import Settings

log = logging.getLogger(__name__)

MAX_DOCUMENT_XML_BYTES = 50 * 1024 * 1024
MAX_ARCHIVE_BYTES = 500 * 1024 * 1024
MAX_TABLE_DEPTH = 5
_READ_CHUNK = 1 << 20
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def load_docx(path: Path, settings: Settings) -> ParsedFile:
    """Blocks of a Word document; title from the core properties, else the first heading."""
    check_archive(path)
    try:
        document = docx.Document(str(path))
        blocks = [block for paragraph in _paragraphs(document) if (block := _block(paragraph))]
        info = _core_info(document)
    except Exception as exc:  # python-docx raises package, XML, key and value errors on broken files
        log.debug("%s: unexpected DOCX failure", path.name, exc_info=True)
        raise unreadable(path.name, "DOCX", exc) from exc
    title = info.pop("title", "") or next((b.text for b in blocks if b.kind == "heading"), "")
    return ParsedFile(blocks=blocks, title=title or None, info=info)


def check_archive(path: Path) -> None:
    """A DOCX is a zip holding word/document.xml of a sane uncompressed size."""
    reason = "cannot be read as a DOCX"
    try:
        with zipfile.ZipFile(path) as archive:
            members = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        raise CorruptFile(path.name, f"{reason}: {_not_zip_reason(path)}") from exc
    main = members.get("word/document.xml")
    if main is None:
        raise CorruptFile(path.name, f"{reason}: the archive has no word/document.xml")
    if main.file_size > MAX_DOCUMENT_XML_BYTES:
        raise CorruptFile(path.name, f"{reason}: word/document.xml unpacks to {main.file_size} bytes")
    if sum(info.file_size for info in members.values()) > MAX_ARCHIVE_BYTES:
        raise CorruptFile(path.name, f"{reason}: the archive unpacks to over {MAX_ARCHIVE_BYTES} bytes")
    _inflate_in_chunks(path, reason)


def _inflate_in_chunks(path: Path, reason: str) -> None:
    """Inflate every member in bounded reads: one bigger than its header claims fails its CRC here,
    instead of being inflated in one piece (up to 2 GiB) when python-docx reads it."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                with archive.open(info) as member:
                    while member.read(_READ_CHUNK):
                        pass
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise CorruptFile(path.name, f"{reason}: {short_reason(exc)}") from exc


def _not_zip_reason(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(_OLE_MAGIC):
        return "it is an old-style Word .doc file; save it as .docx"
    return "it is not a zip archive, as every DOCX is"


def _paragraphs(document: Document) -> Iterator[Paragraph]:
    """Body paragraphs, with table cell paragraphs in place, in document order."""
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item
        else:
            yield from _table_paragraphs(item, depth=1)


def _table_paragraphs(table: Table, depth: int) -> Iterator[Paragraph]:
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) not in seen:  # a merged cell is listed once per grid column it spans
                seen.add(id(cell._tc))
                yield from _cell_paragraphs(cell, depth)


def _cell_paragraphs(cell: _Cell, depth: int) -> Iterator[Paragraph]:
    for item in cell.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item
        elif depth < MAX_TABLE_DEPTH:
            yield from _table_paragraphs(item, depth + 1)


def _block(paragraph: Paragraph) -> Block | None:
    text = collapse(paragraph.text)
    if not text:
        return None
    level = _heading_level(paragraph)
    return Block("heading", text, level) if level else Block("text", text)


def _heading_level(paragraph: Paragraph) -> int | None:
    name = (paragraph.style.name or "") if paragraph.style is not None else ""
    if name.lower() == "title":
        return 1
    match = _HEADING_STYLE.match(name)
    return int(match.group(1)) if match and int(match.group(1)) > 0 else None


def _core_info(document: Document) -> dict[str, str]:
    props = document.core_properties
    values = {
        "title": props.title,
        "author": props.author,
        "subject": props.subject,
        "keywords": props.keywords,
        "created": props.created.date().isoformat() if props.created else "",
        "modified": props.modified.date().isoformat() if props.modified else "",
        "language": props.language,
    }
    return {key: collapse(value) for key, value in values.items() if value and collapse(value)}
