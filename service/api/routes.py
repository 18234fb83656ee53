"""Routers: search, ask, health. Thin: validation in schemas, logic in the KnowledgeBase."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from service.api.deps import KB
from service.api.schemas import AskRequest, Health, SearchRequest, error_responses
from service.models import NO_MATCH, Answer, SearchResponse, split_answer

router = APIRouter(prefix="/api")
READ_ERRORS = error_responses(400, 413, 415, 422)


@router.get("/health", response_model=Health, summary="Service status and index size", responses=error_responses())
async def health(kb: KB) -> Health:
    return Health(**kb.health())


@router.post("/search", response_model=SearchResponse, summary="Ranked passages (hybrid dense + BM25)",
             responses=READ_ERRORS)
async def search(body: SearchRequest, kb: KB) -> SearchResponse:
    # async + one explicit thread-pool call: a sync endpoint costs a second hop to validate its response
    results, matched = await run_in_threadpool(kb.search_matching, body.query, body.top_k, body.filters, body.mode)
    if not matched:
        return SearchResponse(results=[], matched=False, note=NO_MATCH)
    return SearchResponse(results=results)


@router.post(
    "/ask",
    response_model=Answer,
    summary="A short answer whose every sentence cites a verified quote",
    responses={**READ_ERRORS, 200: {"content": {"text/event-stream": {}}, "description": "JSON, or SSE when stream is true"}},
)
async def ask(body: AskRequest, kb: KB) -> Answer | StreamingResponse:
    answer = await run_in_threadpool(kb.ask, body.question, body.top_k, body.filters)
    if body.stream:
        return StreamingResponse(answer_events(answer), media_type="text/event-stream")
    return answer


def answer_events(answer: Answer) -> Iterator[str]:
    """SSE: one ``sentence`` event per sentence (markers kept), then ``citations``, then ``done``."""
    for sentence in split_answer(answer.answer):
        yield sse("sentence", {"text": sentence})
    meta = answer.model_dump(mode="json", exclude={"answer"})
    yield sse("citations", meta)
    yield sse("done", {"answer": answer.answer})


def sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
