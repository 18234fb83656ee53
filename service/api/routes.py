"""Routers: search, ask, health. Thin: validation in schemas, logic in the KnowledgeBase."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from service.api.deps import KB
from service.api.schemas import AskRequest, Health, Live, SearchRequest, error_responses
from service.models import Answer, SearchResponse, split_answer

log = logging.getLogger(__name__)  # never given the question text
router = APIRouter(prefix="/api")
READ_ERRORS = error_responses(400, 413, 415, 422)


@router.get("/health", response_model=Health, responses=error_responses(),
            summary="Readiness: status and index size once the index answers; 503 'index_unavailable' with the "
                    "reason while it does not")
async def health(kb: KB) -> Health:
    return Health(**await run_in_threadpool(kb.ready))


@router.get("/live", response_model=Live, responses=error_responses(),
            summary="Liveness: the process answers (it may still be waiting for its index)")
async def live() -> Live:
    return Live(status="alive")


@router.post("/search", response_model=SearchResponse, summary="Ranked passages (hybrid dense + BM25)",
             responses=READ_ERRORS)
async def search(body: SearchRequest, kb: KB) -> SearchResponse:
    # async + one explicit thread-pool call: a sync endpoint costs a second hop to validate its response
    response: SearchResponse = await run_in_threadpool(kb.search_response, body.query, body.top_k, body.filters,
                                                       body.mode)
    return response


@router.post(
    "/ask",
    response_model=Answer,
    summary="A short answer whose every sentence cites a verified quote",
    responses={**READ_ERRORS, 200: {"content": {"text/event-stream": {}}, "description": "JSON, or SSE when stream is true"}},
)
async def ask(body: AskRequest, kb: KB) -> Answer | StreamingResponse:
    if not body.stream:
        return await run_in_threadpool(kb.ask, body.question, body.top_k, body.filters)
    tokens: asyncio.Queue[str] = asyncio.Queue()
    loop = asyncio.get_running_loop()

    def on_token(text: str) -> None:  # called from the answering thread
        loop.call_soon_threadsafe(tokens.put_nowait, text)

    answering = asyncio.ensure_future(run_in_threadpool(kb.ask, body.question, body.top_k, body.filters, on_token))
    first = await next_token(tokens, answering)  # an error before the first token is still an HTTP error
    return StreamingResponse(stream_events(first, tokens, answering), media_type="text/event-stream")


async def next_token(tokens: asyncio.Queue[str], answering: asyncio.Future[Any]) -> str | None:
    """The model's next piece of text, or None once the answer is complete (its exception raised here)."""
    if not tokens.empty():
        return tokens.get_nowait()
    if answering.done():
        answering.result()
        return None
    getter: asyncio.Future[Any] = asyncio.ensure_future(tokens.get())
    await asyncio.wait([getter, answering], return_when=asyncio.FIRST_COMPLETED)
    if getter.done():
        return getter.result()
    getter.cancel()
    return await next_token(tokens, answering)  # tokens queued just before the end come first


async def stream_events(first: str | None, tokens: asyncio.Queue[str], answering: asyncio.Future[Any]
                        ) -> AsyncIterator[str]:
    """SSE: with an LLM, ``token`` events as the model writes (a draft, not yet checked against the passages);
    then the checked answer as ``sentence`` events, ``citations`` and ``done``."""
    token = first
    try:
        while token is not None:
            if token:
                yield sse("token", {"text": token})
            token = await next_token(tokens, answering)
    except Exception as err:  # the status line has gone out: the failure is an event, never a torn stream
        log.error("answering failed while streaming: %s", type(err).__name__)
        yield sse("error", {"code": "internal", "message": "the answer could not be completed; please try again"})
        return
    for event in answer_events(answering.result()):
        yield event


def answer_events(answer: Answer) -> Iterator[str]:
    """The checked answer: one ``sentence`` event per sentence (markers kept), then ``citations``, then ``done``."""
    for sentence in split_answer(answer.answer):
        yield sse("sentence", {"text": sentence})
    meta = answer.model_dump(mode="json", exclude={"answer"})
    yield sse("citations", meta)
    yield sse("done", {"answer": answer.answer})


def sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
