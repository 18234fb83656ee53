"""Malformed PDFs and DOCX archives for tests/hostile_files.py: real files cut, mis-indexed, encrypted,
or bombs that are small on disk and huge once inflated (built from ONE compressed block, so cheap to make).
"""

from __future__ import annotations

import io
import random
import re
import struct
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

MiB = 1024 * 1024
FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)


# --- PDF helpers -------------------------------------------------------------------------------------
def policy_pdf(path: Path, pages: int = 3, seed: int = 0) -> Path:
    """A small real text PDF (fpdf2), a few sentences of policy prose per page."""
    rng = random.Random(seed)
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.set_creation_date(FIXED_DATE)  # the same bytes on every run
    for page in range(1, pages + 1):
        pdf.add_page()
        words = rng.sample(["reporting", "support", "retaliation", "confidential", "investigation", "focal",
                            "point", "manager", "training", "bystander", "policy", "conduct"], 6)
        pdf.multi_cell(0, 6, f"Section {page}. Staff members use the {' '.join(words)} channel. " * 4)
    pdf.output(str(path))
    return path


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file from object bodies numbered 1..n, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def stream(data: bytes, flate: bool = False) -> bytes:
    extra = b" /Filter /FlateDecode" if flate else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page_pdf(path: Path, pages_node: bytes, contents: bytes) -> Path:
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    path.write_bytes(raw_pdf([catalog, pages_node, PAGE, FONT, contents]))
    return path


TEXT_OPS = b"BT /F1 11 Tf 72 700 Td (Reporting channels are confidential and open to all staff.) Tj ET\n"


# --- PDF kinds ---------------------------------------------------------------------------------------
def truncated_pdf(folder: Path) -> Path:
    data = policy_pdf(folder / "source.tmp", pages=4).read_bytes()
    (folder / "source.tmp").unlink()
    target = folder / "truncated.pdf"
    target.write_bytes(data[: len(data) * 3 // 5])
    return target


def broken_xref_pdf(folder: Path) -> Path:
    """Every xref offset and startxref point to the wrong bytes; the objects themselves are intact."""
    data = policy_pdf(folder / "source.tmp", seed=1).read_bytes()
    (folder / "source.tmp").unlink()
    data = re.sub(rb"\d{10} 00000 n", lambda m: b"%010d 00000 n" % 7, data)
    data = re.sub(rb"startxref\s+\d+", b"startxref\n99999999", data)
    target = folder / "broken-xref.pdf"
    target.write_bytes(data)
    return target


def encrypted_pdf(folder: Path, name: str, password: str, algorithm: str = "AES-256") -> Path:
    source = policy_pdf(folder / f"{name}.tmp", seed=len(name))
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=password, owner_password="owner-secret", algorithm=algorithm)
    target = folder / name
    writer.write(target)
    source.unlink()
    return target


def image_only_pdf(folder: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")
    pdf.ellipse(60, 120, 60, 40, style="F")
    pdf.output(str(folder / "scanned.pdf"))
    return folder / "scanned.pdf"


def page_count_claim_pdf(folder: Path) -> Path:
    """One real page; the page tree root claims /Count 50000."""
    node = b"<< /Type /Pages /Kids [3 0 R] /Count 50000 >>"
    return one_page_pdf(folder / "claims-50000-pages.pdf", node, stream(TEXT_OPS))


def many_pages_pdf(folder: Path, pages: int = 2001) -> Path:
    """More real (blank but for one line) pages than settings.max_pages (2000)."""
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(pages))
    node = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects = [catalog, node, PAGE, FONT, stream(TEXT_OPS)] + [PAGE] * pages
    target = folder / "many-pages.pdf"
    target.write_bytes(raw_pdf(objects))
    return target


def page_tree_loop_pdf(folder: Path) -> Path:
    """The page tree lists itself among its kids: a cycle a naive walker never leaves."""
    node = b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"
    return one_page_pdf(folder / "page-tree-loop.pdf", node, stream(TEXT_OPS))


def stream_bomb_pdf(folder: Path, inflated_mb: int = 400) -> Path:
    """One page whose FlateDecode content stream inflates to ``inflated_mb`` MiB of text operators."""
    line = b"(Reporting channels are confidential and open to all staff members at every duty station.) Tj T*\n"
    head, tail = b"BT /F1 11 Tf 12 TL 72 700 Td\n", b"ET\n"
    raw, _, _ = deflate_repeated(head, line * (MiB // len(line)), inflated_mb, tail)
    checksum = zlib.adler32(head)
    for _ in range(inflated_mb):
        checksum = zlib.adler32(line * (MiB // len(line)), checksum)
    data = b"\x78\xda" + raw + struct.pack(">L", zlib.adler32(tail, checksum))
    node = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    return one_page_pdf(folder / "stream-bomb.pdf", node, stream(data, flate=True))


def html_named_pdf(folder: Path) -> Path:
    target = folder / "not-really.pdf"
    target.write_text("<html><body><p>This is a web page saved with the wrong extension.</p></body></html>")
    return target


# --- DOCX kinds --------------------------------------------------------------------------------------
def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Interim measures", level=1)
    document.add_paragraph("Interim measures protect the person who reported while a case is looked into.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def deflate_repeated(head: bytes, block: bytes, count: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of ``head + block * count + tail`` built from ONE compressed block, with its CRC-32 and size.

    A full flush resets the compressor, so every copy of ``block`` compresses to the same bytes: a
    1,000 MiB bomb costs one MiB of compression work. (~3 KiB per MiB for repetitive XML or text.)
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    middle = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    return start + middle * count + end, zlib.crc32(tail, crc), len(head) + len(block) * count + len(tail)


Member = tuple[str, bytes, int, int, int]  # name, raw deflate data, CRC-32, size, size the headers claim


def deflated(name: str, data: bytes) -> Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data), len(data)


def write_zip(target: Path, members: list[Member]) -> Path:
    """A zip written by hand, so a member's headers can claim a size other than its real one."""
    out, central = bytearray(), bytearray()
    for name, data, crc, _, claimed in members:
        raw = name.encode()
        central += struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 0, 20, 0, 0, 8, 0, 0x21, crc, len(data),
                               claimed, len(raw), 0, 0, 0, 0, 0, len(out)) + raw
        out += struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, 0, 8, 0, 0x21, crc, len(data), claimed, len(raw), 0)
        out += raw + data
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(out), 0)
    target.write_bytes(bytes(out + central + end))
    return target


def docx_with_body(target: Path, inflated_mb: int, claimed: int | None = None) -> Path:
    """A real DOCX whose word/document.xml is ``inflated_mb`` MiB of paragraphs; headers may lie about it."""
    head = b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    para = b"<w:p><w:r><w:t>Reporting is confidential.</w:t></w:r></w:p>"
    data, crc, size = deflate_repeated(head, para * (MiB // len(para)), inflated_mb, b"</w:body></w:document>")
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source:
        members = [deflated(i.filename, source.read(i)) for i in source.infolist() if i.filename != "word/document.xml"]
    body: Member = ("word/document.xml", data, crc, size, size if claimed is None else claimed)
    return write_zip(target, [*members, body])


def docx_zip_bomb(folder: Path) -> Path:
    """word/document.xml declares (truthfully) 300 MiB."""
    return docx_with_body(folder / "zip-bomb.docx", 300)


def docx_lying_sizes(folder: Path) -> Path:
    """A 1,500 MiB document.xml whose zip headers claim 4 KiB: only a streaming check stops it."""
    return docx_with_body(folder / "lying-sizes.docx", 1500, claimed=4096)


def doc_named_docx(folder: Path) -> Path:
    """An old OLE2 Word file (.doc) saved with a .docx name."""
    target = folder / "old-word.docx"
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return target


def docx_without_body(folder: Path) -> Path:
    target = folder / "no-body.docx"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("docProps/core.xml", "<coreProperties/>")
    return target
