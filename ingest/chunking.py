"""Structure-aware chunking: a loader's blocks -> `Chunk`s that each fit the embedding model.

* Document text = the blocks' texts joined by a blank line; ``chunk.text == doc_text[char_start:char_end]``.
* ``section`` = the heading path ("2. Prevention > 2.1 Training"), without a level-1 heading that is the
  document title. Headings are not chunks; a section without text yields none.
* ``paragraph`` = the number opening a text block ("5.3", "5.3.1", "12."-> "12"); a lettered or roman
  item ("(a)", "a)", "(iv)") is named after the last number ("5.3(a)"); an unnumbered block continues
  the last number of its section; a chunk holding several is named "first-last" ("5.3-5.4").
* Whole paragraphs of one section are packed up to ``target_tokens``, never across a section. A
  paragraph over the cap is split at sentences (``ingest.sentences``, the one splitter) and chunked alone;
  a sentence over the cap is split between words (last resort).
* Embedded: ``f"{title} — {section}\\n{text}"`` (``f"{title}\\n{text}"`` without a section), the prefix
  cut to a quarter of the cap; never more than ``chunk_tokens`` word pieces, [CLS] and [SEP] included.
"""

from __future__ import annotations

import itertools
import logging
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from llama_index.core.schema import BaseNode, NodeRelationship, TextNode

from ingest.models import Block, Chunk, DocumentMeta, ParsedFile
from ingest.sentences import sentence_spans
from ingest.settings import Settings

log = logging.getLogger(__name__)

CHUNK_NAMESPACE = uuid.UUID("4f1c7a52-3d0e-5b8a-9c61-2a7d5e0b9f13")
BLOCK_SEPARATOR = "\n\n"
TITLE_SEPARATOR = " — "
_NUMBERED = re.compile(r"^\s*(?:(?P<num>\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)"  # 5.3 / 5.3.1 / 12.
                       r"|\((?P<sub>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)"  # (a) / (iv) / (2)
                       r"|(?P<item>[a-z]|[ivxlc]{1,6})\))(?=\s)", re.IGNORECASE)  # a) / iv)
Span = tuple[int, int]  # [start, end) in the document text
TokenCounter = Callable[[str], int]


def document_text(blocks: Sequence[Block]) -> tuple[str, list[Span]]:
    """The blocks' texts joined by a blank line, and each block's (start, end) in it."""
    starts = itertools.accumulate((len(b.text) + len(BLOCK_SEPARATOR) for b in blocks), initial=0)
    spans = [(start, start + len(b.text)) for start, b in zip(starts, blocks, strict=False)]
    return BLOCK_SEPARATOR.join(b.text for b in blocks), spans


@dataclass(frozen=True)
class _Piece:  # a span of the document text that goes into chunks whole
    start: int
    end: int
    tokens: int  # word pieces of prefix + this span, [CLS]/[SEP] included
    group: tuple[str, int]  # pieces join only within one group: a section, or one split paragraph
    section: str | None
    page: int | None
    last_page: int | None
    paragraph: str | None


@dataclass
class _Chunker:
    doc: str
    title: str
    count: TokenCounter
    cap: int
    target: int
    prefixes: dict[str | None, tuple[str, int]] = field(default_factory=dict)

    def prefix(self, section: str | None) -> tuple[str, int]:
        """``title — section`` and its word pieces; cut when over a quarter of the cap."""
        if section not in self.prefixes:
            line, limit = _prefix_line(self.title, section), max(self.cap // 4, 8)
            if self.count(line) > limit:
                line = _prefix_line(_truncate(self.count, self.title, limit // 2), section)
                line = _truncate(self.count, line, limit)
            self.prefixes[section] = (line, self.count(line))
        return self.prefixes[section]

    def embed_text(self, section: str | None, start: int, end: int) -> str:
        return f"{self.prefix(section)[0]}\n{self.doc[start:end]}"

    def measure(self, section: str | None, start: int, end: int) -> int:
        return self.count(self.embed_text(section, start, end))

    def split(self, start: int, end: int, section: str | None) -> list[Span]:
        """Spans of [start, end) that each fit: sentences, else word runs, else character runs."""
        spans: list[Span] = []
        for a, b in _sentence_spans(self.doc, start, end):
            words = [(a + w.start(), a + w.end()) for w in re.finditer(r"\S+", self.doc[a:b])]
            fits = self.measure(section, a, b) <= self.cap
            spans.extend([(a, b)] if fits else self.pack_units(words, section))
        return spans

    def pack_units(self, units: list[Span], section: str | None) -> list[Span]:
        """Greedy runs of consecutive units (words or characters), each as long as fits."""
        runs: list[Span] = []
        i = 0
        while i < len(units):
            k = self._longest_run(units, i, section)
            (a, b), i = units[i], i + max(k, 1)
            if k == 0 and b - a > 1:  # one word too long alone: split its characters
                runs.extend(self.pack_units([(c, c + 1) for c in range(a, b)], section))
            else:
                runs.append((a, units[i - 1][1]))
        return runs

    def _longest_run(self, units: list[Span], i: int, section: str | None) -> int:
        upper = min(len(units) - i, self.cap)
        return _largest(upper, lambda n: self.measure(section, units[i][0], units[i + n - 1][1]) <= self.cap)


def chunk_document(parsed: ParsedFile, meta: DocumentMeta, doc_hash: str, count_tokens: TokenCounter,
                   settings: Settings) -> list[Chunk]:
    """Split a parsed file into chunks (see the module docstring for the rules)."""
    doc, spans = document_text(parsed.blocks)
    chunker = _Chunker(doc, " ".join(meta.title.split()), count_tokens, settings.chunk_tokens,
                       min(settings.target_tokens, settings.chunk_tokens))
    groups = _within_cap(chunker, _pack(chunker, _pieces(chunker, parsed, meta, spans)))
    chunks = [_make_chunk(chunker, group, i, meta, doc_hash) for i, group in enumerate(groups)]
    log.debug("%s: %d blocks -> %d chunks", meta.doc_key, len(parsed.blocks), len(chunks))
    return chunks


def _pieces(chunker: _Chunker, parsed: ParsedFile, meta: DocumentMeta, spans: list[Span]) -> list[_Piece]:
    titles = {_norm(t) for t in (meta.title, parsed.title or "") if _norm(t)}
    pieces: list[_Piece] = []
    for i, (group, section, label) in enumerate(_structure(parsed.blocks, titles)):
        block, (start, end) = parsed.blocks[i], _trim(chunker.doc, *spans[i])
        if block.kind != "text" or start >= end:
            continue
        if (tokens := chunker.measure(section, start, end)) <= chunker.cap:
            pieces.append(_Piece(start, end, tokens, ("section", group), section, block.page, block.last_page,
                                  label))
            continue
        for a, b in chunker.split(start, end, section):
            tokens = chunker.measure(section, a, b)
            pieces.append(_Piece(a, b, tokens, ("paragraph", i), section, block.page, block.last_page, label))
    return pieces


def _pack(chunker: _Chunker, pieces: list[_Piece]) -> list[list[_Piece]]:
    """Greedy packing up to the target, sizes added up (word pieces do not span whitespace)."""
    groups: list[list[_Piece]] = []
    size = 0
    for piece in pieces:
        grown = size + piece.tokens - chunker.prefix(piece.section)[1]
        if groups and groups[-1][-1].group == piece.group and grown <= chunker.target:
            groups[-1].append(piece)
            size = grown
        else:
            groups.append([piece])
            size = piece.tokens
    return groups


def _within_cap(chunker: _Chunker, groups: list[list[_Piece]]) -> list[list[_Piece]]:
    """Each packed chunk's real count; one over the cap (a non-additive tokenizer) is unpacked."""
    checked: list[list[_Piece]] = []
    for group in groups:
        first, last = group[0], group[-1]
        fits = len(group) == 1 or chunker.measure(first.section, first.start, last.end) <= chunker.cap
        checked.extend([group] if fits else [[piece] for piece in group])
    return checked


def _make_chunk(chunker: _Chunker, pieces: list[_Piece], ordinal: int, meta: DocumentMeta, doc_hash: str
                ) -> Chunk:
    start, end, section = pieces[0].start, pieces[-1].end, pieces[0].section
    pages = [page for p in pieces for page in (p.page, p.last_page) if page is not None]
    return Chunk(
        chunk_id=str(uuid.uuid5(CHUNK_NAMESPACE, f"{doc_hash}:{ordinal}")),
        doc_key=meta.doc_key, doc_hash=doc_hash, ordinal=ordinal, title=meta.title, doc_type=meta.doc_type,
        page_start=min(pages) if pages else None, page_end=max(pages) if pages else None,
        section=section, paragraph=_label_range([p.paragraph for p in pieces]),
        char_start=start, char_end=end, text=chunker.doc[start:end], language=meta.language or "en",
        embed_text=chunker.embed_text(section, start, end),
    )


def _structure(blocks: Sequence[Block], titles: set[str]) -> list[tuple[int, str | None, str | None]]:
    """Per block: (section id, heading path, paragraph label). The id changes at each heading kept."""
    stack: list[tuple[int, str]] = []  # (level, heading) of the open headings
    group, number = 0, None
    out: list[tuple[int, str | None, str | None]] = []
    for block in blocks:
        text = " ".join(block.text.split())
        level = max(block.level, 1)
        if block.kind == "heading" and text and not (level == 1 and _is_title(text, titles)):
            stack = [h for h in stack if h[0] < level] + [(level, text)]
            group, number = group + 1, None
        match = _NUMBERED.match(text) if block.kind == "text" else None
        if match and match["num"]:
            number = match["num"].rstrip(".")
        item = match and (match["sub"] or match["item"])
        label = f"{number or ''}({item})" if item else number
        out.append((group, " > ".join(h[1] for h in stack) or None, label))
    return out


def _is_title(heading: str, titles: set[str]) -> bool:
    norm = _norm(heading)
    return any(norm == t or (len(norm) >= 20 and norm in t) for t in titles)


def _label_range(labels: list[str | None]) -> str | None:
    named = [label for label in labels if label]
    return "-".join(dict.fromkeys([named[0], named[-1]])) if named else None


def _prefix_line(title: str, section: str | None) -> str:
    return f"{title}{TITLE_SEPARATOR}{section}" if section else title


def _sentence_spans(doc: str, start: int, end: int) -> list[Span]:
    """The sentences of ``doc[start:end]`` as the answers see them (``ingest.sentences``: one splitter)."""
    spans = [(start + a, start + b) for a, b in sentence_spans(doc[start:end])]
    return [_trim(doc, a, b) for a, b in spans if a < b] or [(start, end)]


def _trim(doc: str, start: int, end: int) -> Span:
    text = doc[start:end]
    lead = len(text) - len(text.lstrip())
    return start + lead, max(start + lead, start + len(text.rstrip()))


def _largest(upper: int, fits: Callable[[int], bool]) -> int:
    """The largest n in 0..upper with fits(n), for a predicate true up to some n, false after."""
    low, high = 0, upper
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if fits(mid) else (low, mid - 1)
    return low


def _truncate(count: TokenCounter, text: str, limit: int) -> str:
    words = text.split()
    keep = _largest(len(words), lambda n: count(" ".join(words[:n]) + " …") <= limit)
    return " ".join(words[:keep]) + " …"


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def load_token_counter(model_dir: Path) -> TokenCounter:
    """Word pieces as the model sees them ([CLS] + text + [SEP], never truncated), from ``tokenizer.json``."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return lambda text: len(tokenizer.encode(text, add_special_tokens=False).ids) + 2


def chunk_to_node(chunk: Chunk, source: BaseNode | None = None) -> TextNode:
    """A chunk as a llama-index node (id, text, offsets; citation fields as metadata)."""
    fields = chunk.model_dump(mode="json", exclude={"text", "embed_text"})
    relations = {NodeRelationship.SOURCE: source.as_related_node_info()} if source else {}
    return TextNode(id_=chunk.chunk_id, text=chunk.text, metadata=fields, relationships=relations,
                    start_char_idx=chunk.char_start, end_char_idx=chunk.char_end,
                    excluded_embed_metadata_keys=list(fields), excluded_llm_metadata_keys=list(fields))
