"""Malformed and hostile files, generated on demand, each with the outcome ingestion must give it.

Used by tests/test_bad_input.py (through `kb ingest --json` and the upload endpoint). Every generator is
seeded and writes into the folder it is given; ``HOSTILE`` lists them with the expected status and the
words the error must contain. The PDF and DOCX generators live in tests/hostile_binaries.py.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.hostile_binaries import (
    MiB,
    broken_xref_pdf,
    doc_named_docx,
    docx_lying_sizes,
    docx_without_body,
    docx_zip_bomb,
    encrypted_pdf,
    html_named_pdf,
    image_only_pdf,
    many_pages_pdf,
    page_count_claim_pdf,
    page_tree_loop_pdf,
    stream_bomb_pdf,
    truncated_pdf,
)

SCRIPT_TOKEN = "QUOKKA-SCRIPT-4417"  # text inside <script>/<style>: must never reach the index
BODY_TOKEN = "Bystander intervention"  # visible HTML text: must be indexed
CP1252_TEXT = "Café policy — the “victim-centred” approach is naïve-proof and applies to every staff member."


@dataclass(frozen=True)
class Hostile:
    """One kind of bad input: how to make it and what ingestion must say about it."""

    kind: str
    make: Callable[[Path], Path]
    expect: frozenset[str]  # statuses that are correct handling ("failed", "added", "duplicate")
    reason: tuple[str, ...] = ()  # lower-case words, one of which the error message must hold
    upload_status: int = 200  # HTTP status of the upload endpoint (413/415 refuse before ingesting)


# --- text kinds --------------------------------------------------------------------------------------
def empty_file(folder: Path) -> Path:
    target = folder / "empty.pdf"
    target.write_bytes(b"")
    return target


def oversize_file(folder: Path, mib: float = 51) -> Path:
    """A sparse file just over the default 50 MiB limit (a PDF header, then zeros)."""
    target = folder / "oversize.pdf"
    with target.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(int(mib * MiB))
    return target


def html_with_scripts(folder: Path) -> Path:
    target = folder / "scripted.html"
    target.write_text(
        "<!doctype html><html><head><title>Bystander guide</title>"
        f"<style>body::after {{ content: '{SCRIPT_TOKEN} style'; }}</style>"
        f"<script>var leak = '{SCRIPT_TOKEN} script'; document.write(leak);</script></head><body>"
        f"<h1>Bystander guide</h1><p>{BODY_TOKEN} means stepping in safely when you witness harassment.</p>"
        f"<noscript>{SCRIPT_TOKEN} noscript</noscript><template><p>{SCRIPT_TOKEN} template</p></template>"
        f"<p onclick=\"alert('{SCRIPT_TOKEN}')\">Speak to the person affected and offer support afterwards.</p>"
        f"<script type=\"application/ld+json\">{{\"x\": \"{SCRIPT_TOKEN}\"}}</script></body></html>",
        encoding="utf-8",
    )
    return target


def binary_named_md(folder: Path) -> Path:
    target = folder / "binary.md"
    target.write_bytes(random.Random(7).randbytes(256 * 1024))
    return target


def cp1252_text(folder: Path) -> Path:
    target = folder / "windows-1252.txt"
    target.write_bytes(f"Guidance note\n\n{CP1252_TEXT}\n".encode("cp1252"))
    return target


LEGACY_TEXTS = {  # UN official languages in their legacy Windows / national code pages
    "cp1251": "Политика по предотвращению сексуальных домогательств распространяется на всех сотрудников.",
    "cp1256": "سياسة منع التحرش الجنسي تنطبق على جميع الموظفين دون استثناء.",
    "gb2312": "防止性骚扰政策适用于所有工作人员。",
}


def legacy_text(encoding: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        target = folder / f"legacy-{encoding}.txt"
        target.write_bytes(f"Guidance note\n\n{LEGACY_TEXTS[encoding]}\n".encode(encoding))
        return target

    return make


def latin1_markdown(folder: Path) -> Path:
    target = folder / "latin-1.md"
    target.write_bytes("# Résumé of the procédure\n\nThe focal point's rôle is to listen; à bientôt.\n".encode("latin-1"))
    return target


def utf16_text(folder: Path) -> Path:
    target = folder / "utf-16.txt"
    target.write_bytes("Support contacts\n\nThe ombudsperson offers informal and confidential help.\n".encode("utf-16"))
    return target


def deep_html(folder: Path, depth: int = 50_000) -> Path:
    target = folder / "deep-nesting.html"
    target.write_text("<html><body>" + "<div>" * depth + "<p>Deep text about reporting.</p>" + "</div>" * depth
                      + "</body></html>")
    return target


def long_line_markdown(folder: Path, mib: int = 8) -> Path:
    """One 'word' of several MiB: no spaces, no sentence ends, nothing a splitter can use."""
    target = folder / "one-long-word.md"
    target.write_bytes(b"# Long line\n\n" + b"harassment" * (mib * MiB // 10) + b"\n")
    return target


def whitespace_markdown(folder: Path) -> Path:
    target = folder / "blank.md"
    target.write_text(" \n\t\n" * 1000 + "\n<!-- only a comment -->\n")
    return target


def control_char_name(folder: Path) -> Path:
    """A real note whose file name holds control characters and a newline (legal on Linux)."""
    target = folder / "note\x01with\x1bcontrol\nchars.md"
    target.write_text("# Note\n\nReporting to the focal point is confidential and voluntary.\n")
    return target


def unsupported_extension(folder: Path) -> Path:
    target = folder / "installer.exe"
    target.write_bytes(b"MZ\x90\x00" + bytes(1024))
    return target


FAILED, ADDED = frozenset({"failed"}), frozenset({"added"})
HOSTILE: list[Hostile] = [
    Hostile("truncated PDF", truncated_pdf, FAILED, ("truncated",)),
    Hostile("broken xref", broken_xref_pdf, ADDED),
    Hostile("encrypted, password", lambda d: encrypted_pdf(d, "locked.pdf", "hunter2"), FAILED, ("password",)),
    Hostile("encrypted, empty password (AES-256)", lambda d: encrypted_pdf(d, "open-aes.pdf", ""), ADDED),
    Hostile("encrypted, empty password (RC4)", lambda d: encrypted_pdf(d, "open-rc4.pdf", "", "RC4-128"), ADDED),
    Hostile("image-only PDF", image_only_pdf, FAILED, ("ocr",)),
    Hostile("0-byte file", empty_file, FAILED, ("empty",)),
    Hostile("over the size limit", oversize_file, FAILED, ("limit",), upload_status=413),
    Hostile("/Count 50000 page tree", page_count_claim_pdf, FAILED, ("50000 pages",)),
    Hostile("2001 real pages", many_pages_pdf, FAILED, ("2001 pages",)),
    Hostile("page tree cycle", page_tree_loop_pdf, FAILED, ("cyclic",)),
    Hostile("FlateDecode stream bomb", stream_bomb_pdf, FAILED, ("cannot be read", "limit")),
    Hostile("HTML named .pdf", html_named_pdf, FAILED, ("%pdf header",)),
    Hostile("HTML with scripts and styles", html_with_scripts, ADDED),
    Hostile("DOCX zip bomb", docx_zip_bomb, FAILED, ("unpacks",)),
    Hostile("DOCX with lying zip sizes", docx_lying_sizes, FAILED, ("cannot be read as a docx",)),
    Hostile(".doc named .docx", doc_named_docx, FAILED, (".doc",)),
    Hostile("DOCX without document.xml", docx_without_body, FAILED, ("word/document.xml",)),
    Hostile("binary named .md", binary_named_md, FAILED, ("binary",)),
    Hostile("cp1252 text", cp1252_text, ADDED),
    Hostile("latin-1 Markdown", latin1_markdown, ADDED),
    Hostile("UTF-16 text with BOM", utf16_text, ADDED),
    Hostile("cp1251 Russian text", legacy_text("cp1251"), ADDED),
    Hostile("cp1256 Arabic text", legacy_text("cp1256"), ADDED),
    Hostile("GB2312 Chinese text", legacy_text("gb2312"), ADDED),
    Hostile("HTML nested 50,000 deep", deep_html, ADDED),
    Hostile("8 MiB single-word Markdown", long_line_markdown, ADDED),
    Hostile("whitespace-only Markdown", whitespace_markdown, FAILED, ("no text",)),
    Hostile("unsupported .exe", unsupported_extension, FAILED, ("not supported", "unsupported"), upload_status=415),
    Hostile("control characters in the name", control_char_name, ADDED),
]


def good_note(folder: Path, label: str) -> Path:
    """A small valid Markdown note, unique per ``label`` (so it is never a duplicate of another)."""
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    target = folder / f"good-{slug}.md"
    target.write_text(f"# Good note {label}\n\nThe focal point for {label} explains reporting options and "
                      "support to every staff member who asks.\n", encoding="utf-8")
    return target
