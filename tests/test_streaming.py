"""Streamed answers: a language model's tokens reach the client as it writes them, then the checked answer."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from service.answering.llm import LLMAnswerer
from tests.conftest import LiveServer
from tests.fakes import ScriptedLLM

QUESTION = "What did the keynote speaker say about leadership?"


def timed_events(url: str, question: str) -> list[tuple[float, str, dict]]:
    """(arrival time, event, data) for every server-sent event of a streamed ask."""
    events = []
    with httpx.Client(base_url=url, timeout=120, trust_env=False) as client, \
            client.stream("POST", "/api/ask", json={"question": question, "stream": True}) as response:
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
        name = ""
        for line in response.iter_lines():
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                events.append((time.monotonic(), name, json.loads(line.removeprefix("data: "))))
    return events


def words(text: str) -> list[str]:
    return re.sub(r"\[\d+\]|[^\w\s]", " ", text).split()


@contextmanager
def served_with_llm(kb, llm) -> Iterator[str]:
    """The real app over the shared corpus index, its answers written by ``llm`` for the duration."""
    from app.web import create_app

    before = kb.answers.llm
    kb.answers.llm = LLMAnswerer(llm, kb.embed_texts, kb.token_set, timeout_s=30)
    try:
        with LiveServer(create_app(kb.settings, kb)) as server:
            yield server.url
    finally:
        kb.answers.llm = before


def test_tokens_arrive_while_the_model_writes_then_the_checked_answer(corpus_kb):
    llm = ScriptedLLM(pause_s=0.08)
    with served_with_llm(corpus_kb, llm) as url:
        events = timed_events(url, QUESTION)
    names = [name for _, name, _ in events]
    tokens = [(at, data["text"]) for at, name, data in events if name == "token"]
    assert len(tokens) >= 5 and names[: len(tokens)] == ["token"] * len(tokens)  # the draft comes first
    assert names[len(tokens):] == ["sentence"] * (len(names) - len(tokens) - 2) + ["citations", "done"]
    assert llm.finished_at is not None and tokens[0][0] < llm.finished_at - 0.2, "first token before the model ended"
    draft = "".join(text for _, text in tokens)
    meta, done = events[-2][2], events[-1][2]
    assert meta["mode"] == "llm" and meta["citations"]
    assert words(draft) == words(done["answer"]), "the checked answer is the model's text, its marker renumbered"
    assert all(c["quote"] in c["passage"]["text"] for c in meta["citations"])


def test_an_extractive_answer_streams_at_once_without_tokens(live_api):
    started = time.monotonic()
    events = timed_events(live_api.url, QUESTION)
    names = [name for _, name, _ in events]
    assert "token" not in names and names[-2:] == ["citations", "done"] and names.count("sentence") >= 1
    assert events[-1][0] - events[0][0] < 0.05 * len(events), "no pause between sentences"
    assert events[0][0] - started < 30


def test_a_question_refused_before_streaming_is_an_http_error(live_api):
    with httpx.Client(base_url=live_api.url, timeout=30, trust_env=False) as client:
        response = client.post("/api/ask", json={"question": "", "stream": True})
    assert response.status_code == 422 and "error" in response.json()


@pytest.mark.slow
@pytest.mark.llm
def test_the_local_gguf_model_streams_its_tokens_before_it_has_finished(corpus_kb, local_llm_url):
    """SmolLM2-135M served by llama-cpp-python: token events arrive spread over the generation, each before the
    last, and the answer that ends the stream is the grounded one (or the extractive fallback, said so)."""
    from service.answering.llm import openai_like

    llm = openai_like(corpus_kb.settings.model_copy(update={"llm_timeout_s": 60.0}), local_llm_url, "smollm2")
    with served_with_llm(corpus_kb, llm) as url:
        events = timed_events(url, QUESTION)
    tokens = [at for at, name, _ in events if name == "token"]
    done_at = events[-1][0]
    assert len(tokens) >= 3, [name for _, name, _ in events]
    assert tokens[0] < tokens[-1] - 0.05, "tokens arrived over time, not in one piece at the end"
    assert tokens[0] < done_at and events[-1][1] == "done"
    meta = events[-2][2]
    assert meta["citations"] and all(c["quote"] in c["passage"]["text"] for c in meta["citations"])


