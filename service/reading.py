"""A document to read in the browser: Markdown rendered to HTML (raw HTML in it escaped, never run), every
heading an anchor, so a citation can open the document at its section."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.anchors.index import slugify

READABLE = (".md", ".markdown")
SCRIPT_KEYS = ("/JavaScript", "/JS")
STYLE = ("body{font:1rem/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#0f172a}"
         "h1,h2,h3,h4{line-height:1.3;scroll-margin-top:1rem}:target{background:#fef3c7;outline:3px solid #b45309;"
         "outline-offset:2px}a{color:#1d4ed8}blockquote{border-left:3px solid #cbd5e1;margin-left:0;padding-left:1rem}")


@lru_cache(maxsize=1)
def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).use(anchors_plugin, min_level=1, max_level=6)


def section_anchor(section: str | None) -> str | None:
    """The anchor of a passage's section (its last heading, as ``section`` paths read "A > B")."""
    if not section:
        return None
    return slugify(section.split(" > ")[-1].strip())


def markdown_page(title: str, text: str) -> str:
    body = _renderer().render(text)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>'
            f"<body><main>{body}</main></body></html>")


def pdf_runs_scripts(path: Path) -> bool:
    """Whether a PDF carries JavaScript (document-level names, an open action, or page and annotation actions).
    Such a file is served for download, never shown inline in our origin; an unreadable one counts as scripted."""
    stat = path.stat()
    return _scripted(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _scripted(path: str, _mtime: int, _size: int) -> bool:
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        root: Any = reader.trailer["/Root"].get_object()
        if _has_script(root.get("/Names")) or _has_script(root.get("/OpenAction")) or _has_script(root.get("/AA")):
            return True
        return any(_has_script(page.get("/AA")) or any(_has_script(a) for a in page.get("/Annots") or [])
                   for page in reader.pages)
    except Exception:
        return True


def _has_script(node: Any, depth: int = 0) -> bool:
    """A JavaScript action anywhere below ``node`` (indirect objects followed, to a bounded depth)."""
    if node is None or depth > 6:
        return False
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, dict):
        if any(key in node for key in SCRIPT_KEYS) or node.get("/S") == "/JavaScript":
            return True
        return any(_has_script(value, depth + 1) for key, value in node.items() if key not in ("/Parent", "/P"))
    if isinstance(node, list):
        return any(_has_script(item, depth + 1) for item in node)
    return False
