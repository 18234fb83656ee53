"""Request and response bodies of the HTTP API."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field

from ingest.models import DocType
from service.models import Filters

MAX_TEXT = 2000


def no_stand_ins(value: Any) -> Any:
    """A JSON number only: ``true`` or ``"5"`` are refused, not read as 1 or 5 (5.0 is an integer in JSON Schema)."""
    if isinstance(value, bool | str):
        raise ValueError("must be a JSON integer, not a boolean or a string")
    return value


JsonInt = Annotated[int, BeforeValidator(no_stand_ins)]


class SearchRequest(BaseModel):
    query: str = Field(min_length=1, max_length=MAX_TEXT, description="What to look for.")
    top_k: JsonInt = Field(5, ge=1, le=50, description="How many passages to return (an integer).")
    filters: Filters = Field(default_factory=Filters)
    mode: Literal["hybrid", "dense", "bm25"] = Field("hybrid", description="Retrieval mode.")


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=MAX_TEXT, description="The question, in plain words.")
    top_k: JsonInt = Field(5, ge=1, le=20, description="Passages the answer may draw on (an integer).")
    filters: Filters = Field(default_factory=Filters)
    stream: bool = Field(False, strict=True, description="true: server-sent events: with an LLM, `token` events as it writes (an unchecked draft), then the checked answer as `sentence` events, `citations`, `done`.")


class Health(BaseModel):
    status: str = Field(description="'ok' (while the index does not answer: HTTP 503, code 'index_unavailable').")
    documents: int
    chunks: int
    version: str


class Live(BaseModel):
    status: str


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


ERROR_MEANINGS = {
    400: "Malformed request (for example a broken multipart body)",
    401: "The admin key is missing or wrong",
    403: "Write endpoints are disabled on this server, or the write came from another site",
    404: "No such document or path",
    413: "The body (or the uploaded file) is over its size limit",
    415: "The body has the wrong media type",
    422: "Invalid input; the message names the field",
    429: "Too many requests from this client; try again later",
    503: "A store or service this request needs is unavailable; nothing was changed",
    500: "Unexpected server error",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI ``responses`` declaring the JSON error body for these statuses (503, an index that does not answer,
    and 500 always included)."""
    return {status: {"model": ErrorBody, "description": ERROR_MEANINGS[status]} for status in (*statuses, 503, 500)}
