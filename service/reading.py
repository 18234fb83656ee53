"""A document to read in the browser: Markdown rendered to HTML (raw HTML in it escaped, never run), every
heading an anchor, so a citation can open the document at its section."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.anchors.index import slugify

READABLE = (".md", ".markdown")
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
