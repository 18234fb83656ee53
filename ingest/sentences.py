"""Sentence spans (character offsets) with NLTK's Punkt model as shipped inside llama-index-core.

Offsets, not strings, so every quote we show is a verbatim slice of its passage.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Titles and abbreviations of this domain that Punkt would otherwise end a sentence on.
ABBREVIATIONS = {"h.e", "mr", "ms", "mrs", "dr", "prof", "asg", "usg", "ded", "e.g", "i.e", "no", "para", "paras",
                 "art", "sec", "st", "vol", "p", "pp", "cf", "etc", "u.s", "u.n", "inc", "ltd", "jr", "sr", "t",
                 "ext", "tel", "fax", "nos", "fig", "approx", "dept", "vs"}
LEADING_JUNK = re.compile(r"[\s\-–—•*·]+")
# the number or letter of a numbered list's item, which Punkt reads as a sentence of its own ("1." before "HR confirms
# receipt ..."): not a sentence, so not quoted, not an item and not embedded
LIST_MARKER = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,4})[.)]")


@lru_cache(maxsize=1)
def _punkt() -> Any:
    from llama_index.core.utils import globals_helper  # puts llama-index's bundled NLTK data on the path

    _ = globals_helper.punkt_tokenizer
    from nltk.tokenize import PunktTokenizer

    tokenizer = PunktTokenizer("english")
    tokenizer._params.abbrev_types.update(ABBREVIATIONS)
    return tokenizer


BLOCKS = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")  # runs of text between blank lines
# Sentence ends Punkt (trained on English) does not know: the ideographic full stop and full-width marks (Chinese
# writes no space after them) and the Arabic question mark; closing quotes and brackets stay with their sentence.
# English text holds none of them, so its sentences are unchanged.
WIDE_END = re.compile(r"[。！？!?؟]+[”’」』）)]*(?=\S)|[。！？؟]+[”’」』）)]*")


# A footnote marker a PDF's text layer glues to the end of a sentence ("... takes effect on 1 September 2023.1 It
# should be read ...", "... of the decision.12 A staff member ..."): Punkt reads "2023.1" as a number and runs on.
# The sentence ends after the marker when a word (two small letters or more, not an abbreviation), a closing quote or
# bracket, or a year stands before the full stop, and a capital opens the next sentence; "paragraph 5.4 The" does not.
GLUED_BEFORE = r"(?:(?<=[a-z]{2})|(?<=[)\]”’\"])|(?<=\b(?:19|20)\d\d))"  # what a glued marker follows
_FOOTNOTE = GLUED_BEFORE + r"[.;:!?]\d{1,2}"
FOOTNOTE_END = re.compile(_FOOTNOTE + r"(?=\s+[A-Z“\"(])")
FOOTNOTE_AT_END = re.compile(_FOOTNOTE + "$")  # a sentence that ends on one


def sentence_spans(text: str, remember: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``; never across a blank line (a heading or a new paragraph).
    ``remember=False`` for text made from a question (an LLM's answer), which is kept nowhere."""
    return list(_cached_spans(text) if remember else _spans(text))


@lru_cache(maxsize=8192)
def _cached_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Punkt costs ~1 ms a passage and an answer splits each passage twice (support, then compose);
    passages recur across questions. 8,192 passages of ~1 KB: ~10 MB at most."""
    return _spans(text)


def _spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    for block in BLOCKS.finditer(text):
        spans.extend((block.start() + s, block.start() + e) for s, e in _block_spans(block.group()))
    return tuple(spans)


def _block_spans(text: str) -> list[tuple[int, int]]:
    """Punkt's sentences of one block, cut again after full-width and Arabic sentence ends; leading bullets/dashes
    trimmed off each span."""
    spans = []
    pieces = (part for span in _punkt().span_tokenize(text) for wide in _wide_parts(text, *span)
              for part in _footnote_parts(text, *wide))
    for start, end in pieces:
        lead = LEADING_JUNK.match(text, start)
        if lead:
            start = lead.end()
        if end > start and not LIST_MARKER.fullmatch(text, start, end):
            spans.append((start, end))
    return spans


def _wide_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if not any(mark in text[start:end] for mark in "。！？؟"):
        return [(start, end)]
    return _cut(text, start, end, [m.end() for m in WIDE_END.finditer(text, start, end) if m.end() < end])


def _footnote_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut after each footnote marker glued to a sentence end (``FOOTNOTE_END``), unless the word before
    the full stop is an abbreviation ("para.5 The")."""
    cuts = []
    for match in FOOTNOTE_END.finditer(text, start, end):
        word = re.search(r"(\w+)$", text[start : match.start()])
        if not (word and word.group(1).lower() in ABBREVIATIONS):
            cuts.append(match.end())
    return _cut(text, start, end, cuts)


def _cut(text: str, start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    """``start``-``end`` cut at each position of ``cuts`` (in order), the space after each cut left out."""
    parts, at = [], start
    for cut in cuts:
        parts.append((at, cut))
        at = cut
        while at < end and text[at].isspace():
            at += 1
    return [*parts, (at, end)]


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]
