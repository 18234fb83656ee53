"""Bytes of a text-based file (Markdown, HTML, plain text) to str, refusing binary content.

UTF-8 first (a BOM is honoured, UTF-16 too when it has one); otherwise cp1252, then latin-1, unless
that reads as a run of accented letters, when charset-normalizer names the code page (cp1251, cp1256, ...).
The encoding used is returned so loaders can record it in ``ParsedFile.info``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import CorruptFile

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACKS = ("utf-8", "cp1252", "latin-1")
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (such as a DOCX)"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office document (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
_SAMPLE_BYTES = 65_536
_MAX_CONTROL_SHARE = 0.05
_MAX_ACCENTED_SHARE = 0.3
# Bytes that are normal in text; everything else below 0x20 (and DEL) counts as a control byte.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 and b != 0x7F) + b"\t\n\r\f\v"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def read_text(path: Path, kind: str) -> DecodedText:
    """Read and decode ``path``; ``kind`` ("Markdown", "HTML", ...) only words the error."""
    return decode_text(path.read_bytes(), path.name, kind)


def decode_text(data: bytes, name: str, kind: str) -> DecodedText:
    """Decode ``data``; raise CorruptFile when it is binary rather than text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(_normalise(_decode_bom(data, encoding, name, kind)), encoding)
    _refuse_binary(data, name, kind)
    for encoding in _FALLBACKS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8" and _mostly_accented(text):
            return _detected(data) or DecodedText(_normalise(text), encoding)
        return DecodedText(_normalise(text), encoding)
    raise CorruptFile(name, f"is not a {kind} file: its bytes are not text in any known encoding")


def _mostly_accented(text: str) -> bool:
    """Western text read as cp1252 has a few accented letters; Cyrillic, Arabic or Chinese bytes read the
    same way are nearly all accented letters ('Ïîëèòèêà'), and need their real code page."""
    letters = [c for c in text[:_SAMPLE_BYTES] if c.isalpha()]
    return sum(1 for c in letters if ord(c) > 127) > _MAX_ACCENTED_SHARE * max(len(letters), 1)


def _detected(data: bytes) -> DecodedText | None:
    """The code page charset-normalizer finds (cp1251, cp1256, gb18030, cp932, ...), if it finds one."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return DecodedText(_normalise(str(best)), best.encoding) if best is not None else None


def _decode_bom(data: bytes, encoding: str, name: str, kind: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        reason = f"is not a {kind} file: it starts with a {encoding} byte-order mark but {exc.reason}"
        raise CorruptFile(name, reason) from exc


def _refuse_binary(data: bytes, name: str, kind: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise CorruptFile(name, f"is not a {kind} file: its content is {what}")
    if b"\x00" in data:
        raise CorruptFile(name, f"is not a {kind} file: it contains binary data (NUL bytes)")
    sample = data[:_SAMPLE_BYTES]
    controls = len(sample.translate(None, _TEXT_BYTES))
    if controls > len(sample) * _MAX_CONTROL_SHARE:
        raise CorruptFile(name, f"is not a {kind} file: it contains binary data (control bytes)")


def _normalise(text: str) -> str:
    """Unix line ends, form feeds as paragraph breaks, no stray control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").replace("\v", "\n")
    return _CONTROL_CHARS.sub("", text)
