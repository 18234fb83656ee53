"""PDF files with pypdf: text per page, cleaned into blocks that keep their page number.

Guards: the %PDF header and %%EOF marker are checked (truncated downloads are refused), the
declared page count is checked against ``settings.max_pages`` before the page tree is walked,
extracted text is capped per page and per document, and the whole extraction has a time budget.
pypdf's own limits (pypdf.Configuration) bound decompression and content-stream parsing.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import Any

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError

from ingest.errors import CorruptFile, EncryptedFile, FileTooLarge, IngestError, NoText
from ingest.loaders.failures import short_reason, unreadable
from ingest.loaders.pdf_text import blocks_from_pages, page_lines
from ingest.models import Block, ParsedFile
from ingest.settings import Settings

log = logging.getLogger(__name__)

MAX_PAGE_CHARS = 200_000
MAX_DOCUMENT_CHARS = 10_000_000
EXTRACTION_SECONDS = 300.0
_TAIL_BYTES = 65_536
_INFO_KEYS = {
    "/Author": "author",
    "/Subject": "subject",
    "/Keywords": "keywords",
    "/Creator": "creator",
    "/Producer": "producer",
    "/CreationDate": "created",
    "/ModDate": "modified",
}
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")
_GENERATED_TITLE = re.compile(
    r"^(microsoft \w+ - .*|untitled.*|document\d*|.*\.(docx?|pdf|indd|pptx?|rtf))$", re.IGNORECASE
)


def load_pdf(path: Path, settings: Settings) -> ParsedFile:
    """Blocks with 1-based page numbers; title from /Title when meaningful, else the first heading."""
    try:
        return _load(path, settings)
    except IngestError:
        raise
    except Exception as exc:  # pypdf fails lazily (while reading pages) in many ways on malformed input
        log.debug("%s: unexpected PDF failure", path.name, exc_info=True)
        raise unreadable(path.name, "PDF", exc) from exc


def _load(path: Path, settings: Settings) -> ParsedFile:
    name = path.name
    _check_envelope(path)
    reader = _open(path)
    page_count = _page_count(reader, name, settings.max_pages)
    texts, info = _page_texts(reader, name)
    pages = [page_lines(text) for text in texts]
    if not any(line for lines in pages for line in lines):
        raise NoText(name, "no extractable text; it needs OCR (scanned or image-only PDF)")
    blocks = blocks_from_pages(pages)
    info.update(_document_info(reader))
    title = _meaningful_title(info.pop("title", "")) or _first_heading(blocks)
    return ParsedFile(blocks=blocks, title=title, info=info, page_count=page_count)


# --- opening ----------------------------------------------------------------------------------------
def _check_envelope(path: Path) -> None:
    """A PDF starts with %PDF- (within its first KiB) and ends with %%EOF; a cut-off download does not."""
    with path.open("rb") as handle:
        head = handle.read(1024)
        handle.seek(max(0, path.stat().st_size - _TAIL_BYTES))
        tail = handle.read()
    if b"%PDF-" not in head:
        raise CorruptFile(path.name, "cannot be read as a PDF: it has no %PDF header (not a PDF file)")
    if b"%%EOF" not in tail:
        raise CorruptFile(path.name, "cannot be read as a PDF: the file is truncated (no %%EOF marker)")


def _open(path: Path) -> PdfReader:
    reader = PdfReader(path, strict=False)
    if reader.is_encrypted:
        _decrypt(reader, path.name)
    return reader


def _decrypt(reader: PdfReader, name: str) -> None:
    """Open files encrypted with an empty user password (permission-only protection)."""
    try:
        result = reader.decrypt("")
    except DependencyError as exc:
        raise EncryptedFile(
            name, "encrypted with AES, which needs the 'cryptography' package; save an unencrypted copy"
        ) from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise EncryptedFile(name, "encrypted with a password; save a copy without the password and add that")
    log.info("%s: encrypted with an empty password; opened", name)


def _page_count(reader: PdfReader, name: str, max_pages: int) -> int:
    declared = _declared_page_count(reader)
    if declared is not None and declared > max_pages:
        raise FileTooLarge(name, f"claims {declared} pages; at most {max_pages} pages are accepted")
    try:
        count = len(reader.pages)
    except Exception as exc:  # a broken page tree surfaces here
        raise unreadable(name, "PDF", exc) from exc
    if count == 0:
        raise CorruptFile(name, "cannot be read as a PDF: it has no pages")
    if count > max_pages:
        raise FileTooLarge(name, f"has {count} pages; at most {max_pages} pages are accepted")
    return count


def _declared_page_count(reader: PdfReader) -> int | None:
    """/Count of the page tree root, read without walking the tree."""
    try:
        root: Any = reader.trailer["/Root"]
        return int(root["/Pages"]["/Count"])
    except Exception:  # missing or malformed: the real count decides
        return None


# --- text -------------------------------------------------------------------------------------------
def _page_texts(reader: PdfReader, name: str) -> tuple[list[str], dict[str, str]]:
    """Text of each page, capped and within the time budget; ``info`` records what was cut or skipped."""
    texts: list[str] = []
    failed: list[str] = []
    info: dict[str, str] = {}
    total, started = 0, time.monotonic()
    for number, page in enumerate(reader.pages, start=1):
        if time.monotonic() - started > EXTRACTION_SECONDS:
            reason = (
                f"text extraction took over {EXTRACTION_SECONDS:.0f} s (page {number}); it is too complex"
            )
            raise CorruptFile(name, reason)
        text = _page_text(page, number, name, failed)
        if total + len(text) > MAX_DOCUMENT_CHARS:
            log.warning("%s: text cut at page %d (over %d characters)", name, number, MAX_DOCUMENT_CHARS)
            info["truncated"] = f"text cut at page {number} (over {MAX_DOCUMENT_CHARS} characters)"
            texts.append(text[: MAX_DOCUMENT_CHARS - total])
            break
        texts.append(text)
        total += len(text)
    if failed:
        info["pages_failed"] = ", ".join(failed)
    if failed and len(failed) == len(texts):
        raise CorruptFile(name, "cannot be read as a PDF: text extraction failed on every page")
    return texts, info


def _page_text(page: PageObject, number: int, name: str, failed: list[str]) -> str:
    try:
        text = page.extract_text() or ""
    except Exception as exc:  # one broken page (odd font, bad stream) should not sink the document
        log.warning("%s: page %d: text extraction failed: %s", name, number, short_reason(exc))
        failed.append(str(number))
        return ""
    if len(text) > MAX_PAGE_CHARS:
        log.warning("%s: page %d: %d characters of text, cut to %d", name, number, len(text), MAX_PAGE_CHARS)
        text = text[:MAX_PAGE_CHARS]
    return text


# --- metadata ---------------------------------------------------------------------------------------
def _document_info(reader: PdfReader) -> dict[str, str]:
    try:
        raw: dict[str, Any] = dict(reader.metadata or {})
    except Exception:  # a broken /Info dictionary only costs the metadata
        return {}
    info = {key: _info_value(key, raw[pdf_key]) for pdf_key, key in _INFO_KEYS.items() if pdf_key in raw}
    info["title"] = _info_value("title", raw.get("/Title", ""))
    return {key: value for key, value in info.items() if value}


def _info_value(key: str, value: Any) -> str:
    text = " ".join(str(value).split())
    match = _PDF_DATE.match(text) if key in {"created", "modified"} else None
    if match:
        return "-".join(part for part in match.groups() if part)
    return text


def _meaningful_title(title: str) -> str | None:
    title = " ".join(title.split())
    if len(title) < 3 or not any(c.isalpha() for c in title) or _GENERATED_TITLE.match(title):
        return None
    return title


def _first_heading(blocks: list[Block]) -> str | None:
    return next((b.text for b in blocks if b.kind == "heading"), None)
