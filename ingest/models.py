"""Typed objects that flow through ingestion: parsed files, chunks, manifest records."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class DocType(StrEnum):
    publication = "publication"
    policy = "policy"
    guidance = "guidance"
    dialogue_summary = "dialogue summary"
    other = "other"


class DocumentMeta(BaseModel):
    """What a citation says about a document (from the catalog, else from the file)."""

    doc_key: str
    title: str
    doc_type: DocType = DocType.other
    publisher: str | None = None
    date: str | None = None
    source_url: str | None = None
    language: str | None = Field(None, description="One of the six UN languages; None: read from the text")


@dataclass(frozen=True)
class Block:
    """One structural unit a loader found: a heading or a paragraph/list item of text.

    The document text is the blocks' texts joined by a blank line, so every chunk
    is a verbatim slice of it.
    """

    kind: Literal["heading", "text"]
    text: str
    level: int = 0
    page: int | None = None
    page_end: int | None = None  # a paragraph that goes on over a page break ends on a later page

    @property
    def last_page(self) -> int | None:
        return self.page_end or self.page

    def on_page(self, page: int) -> bool:
        return self.page is not None and self.page <= page <= (self.last_page or self.page)


@dataclass
class ParsedFile:
    """A loader's result for one file."""

    blocks: list[Block]
    title: str | None = None
    info: dict[str, str] = field(default_factory=dict)
    page_count: int | None = None


class Chunk(BaseModel):
    """One embedded passage and everything a citation needs (stored as the point payload)."""

    chunk_id: str
    doc_key: str
    doc_hash: str
    ordinal: int
    title: str
    doc_type: DocType
    page_start: int | None = None
    page_end: int | None = None
    section: str | None = None
    paragraph: str | None = None
    char_start: int
    char_end: int
    text: str
    language: str = "en"
    embed_text: str = Field(description="Title/section line + text: what BM25 reads; the model reads the line and each "
                            "sentence (ingest.pooling).")


class DocumentRecord(BaseModel):
    """One entry of the ingestion manifest."""

    doc_key: str
    doc_hash: str
    path: str
    title: str
    doc_type: DocType
    publisher: str | None = None
    date: str | None = None
    language: str = "en"
    pages: int | None = None
    chunk_ids: list[str] = Field(default_factory=list)
    ingested_at: str
    status: Literal["ok", "failed"] = "ok"
    error: str | None = None
    node: str | None = None  # the machine that ingested it (``KB_NODE_NAME``); None: before replicas
