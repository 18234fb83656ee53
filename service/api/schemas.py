"""Request and response bodies of the HTTP API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ingest.models import DocType
from service.models import Filters, Passage

MAX_TEXT = 2000


class SearchRequest(BaseModel):
    query: str = Field(min_length=1, max_length=MAX_TEXT, description="What to look for.")
    top_k: int = Field(5, ge=1, le=50, description="How many passages to return.")
    filters: Filters = Field(default_factory=Filters)
    mode: Literal["hybrid", "dense", "bm25"] = Field("hybrid", description="Retrieval mode.")


class SearchResponse(BaseModel):
    results: list[Passage]


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=MAX_TEXT, description="The question, in plain words.")
    top_k: int = Field(5, ge=1, le=20, description="Passages the answer may draw on.")
    filters: Filters = Field(default_factory=Filters)
    stream: bool = Field(False, description="Send server-sent events: sentences, then citations.")


class Health(BaseModel):
    status: str
    documents: int
    chunks: int
    version: str


class DocumentInfo(BaseModel):
    doc_key: str
    title: str
    doc_type: DocType
    publisher: str | None = None
    date: str | None = None
    pages: int | None = None
    chunks: int
    ingested_at: str
    status: Literal["ok", "failed"] = "ok"
    error: str | None = None
    file_name: str


class DocumentList(BaseModel):
    documents: list[DocumentInfo]
    failures: list[dict[str, str]] = Field(default_factory=list)


class UploadResult(BaseModel):
    file_name: str
    status: str
    doc_key: str | None = None
    chunks: int = 0
    error: str | None = None


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail
