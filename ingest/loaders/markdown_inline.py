"""Inline Markdown to plain words: emphasis, code, links, images, escapes, inline HTML.

Only markup is removed; the wording (quotes, dashes, typographic characters) is kept as written.
Escaped characters and code-span contents are protected first so later steps leave them alone.
All patterns are bounded so a hostile line cannot make them backtrack for long.
"""

from __future__ import annotations

import html
import re
import string

_PROTECT_BASE = 0xF0000  # supplementary private-use plane: never in real documents
_PROTECT = str.maketrans({c: chr(_PROTECT_BASE + ord(c)) for c in string.punctuation})
_RESTORE = str.maketrans({chr(_PROTECT_BASE + ord(c)): c for c in string.punctuation})

_CODE_SPAN = re.compile(r"(`+)(?!`)(.{1,2000}?)(?<!`)\1(?!`)", re.DOTALL)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]{1,2000}|[\w.+-]{1,200}@[\w.-]{1,200})>")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.{0,20000}?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,1000})?/?>")
_URL = r"<?(?:[^()\s]|\([^()\s]{0,200}\)){0,2000}>?"  # one level of balanced parentheses
_LINK_TITLE = r"(?:\s+(?:\"[^\"]{0,500}\"|'[^']{0,500}'|\([^()]{0,500}\)))?"
_DESTINATION = rf"\(\s*{_URL}{_LINK_TITLE}\s*\)"
_IMAGE = re.compile(r"!\[([^\[\]]{0,1000})\]" + _DESTINATION)
_LINK = re.compile(r"\[([^\[\]]{0,1000})\]" + _DESTINATION)
_REFERENCE_LINK = re.compile(r"\[([^\[\]]{1,1000})\]\[[^\[\]]{0,200}\]")
# Spans never cross their own delimiter, so a failed opener stops at the next one (linear time).
_STRONG_STARS = re.compile(r"\*\*(?=\S)((?:[^*]|\*(?!\*)){1,2000}?)(?<=\S)\*\*")
_STRONG_UNDERSCORES = re.compile(r"(?<!\w)__(?=\S)((?:[^_]|_(?!_)){1,2000}?)(?<=\S)__(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)((?:[^~]|~(?!~)){1,2000}?)(?<=\S)~~")
_EM_STAR = re.compile(r"\*(?=[^\s*])([^*]{1,2000}?)(?<=[^\s*])\*")
_EM_UNDERSCORE = re.compile(r"(?<!\w)_(?=[^\s_])([^_]{1,2000}?)(?<=[^\s_])_(?!\w)")


def strip_inline(text: str) -> str:
    """'**Bold** [link](url) \\$5' -> 'Bold link $5'."""
    text = _CODE_SPAN.sub(lambda m: m.group(2).translate(_PROTECT), text)
    text = _ESCAPE.sub(lambda m: m.group(1).translate(_PROTECT), text)
    text = _AUTOLINK.sub(lambda m: m.group(1).translate(_PROTECT), text)
    text = _strip_html(text)
    text = _strip_links(text)
    text = _strip_emphasis(text)
    return html.unescape(text.translate(_RESTORE))


def _strip_html(text: str) -> str:
    text = _HTML_COMMENT.sub("", text)
    text = _BREAK_TAG.sub(" ", text)
    return _HTML_TAG.sub("", text)


def _strip_links(text: str) -> str:
    """Images become their alt text, links (stubs to '#' included) their text."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    return _REFERENCE_LINK.sub(r"\1", text)


def _strip_emphasis(text: str) -> str:
    for pattern in (_STRONG_STARS, _STRONG_UNDERSCORES, _STRIKE, _EM_STAR, _EM_UNDERSCORE):
        text = pattern.sub(r"\1", text)
    return text
