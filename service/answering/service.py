"""From question to verified Answer: retrieve, detect disclosure, abstain or compose, verify."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

import numpy as np

from ingest.contacts import Contact
from service.answering.coverage import SourceCheck, expected_answer
from service.answering.disclosure import PREFACE, SUPPORT_QUERY, DisclosureDetector
from service.answering.extractive import ExtractiveAnswerer
from service.answering.verify import verify
from service.models import Answer, Citation, Filters, Passage, Suggestion
from service.retrieval import Retrieved, Retriever

log = logging.getLogger(__name__)  # never given the question text

NOT_COVERED = (
    "The documents in this library do not cover this question. The closest documents are listed below; "
    "they may still help, but they do not answer it."
)
NOT_COVERED_BECAUSE = (
    "The documents in this library do not cover this question: {reason}. The closest documents are listed below; "
    "they may still help, but they do not answer it."
)
NO_SUPPORT_PASSAGES = "The documents in this library hold no passage on reporting or support that fits this question."


class LLMComposer(Protocol):
    def compose(self, question: str, found: Retrieved) -> tuple[str, list[Citation]]: ...


class AnswerService:
    def __init__(
        self,
        retriever: Retriever,
        extractive: ExtractiveAnswerer,
        detector: DisclosureDetector,
        abstain_threshold: float,
        contacts: Callable[[], list[Contact]],
        sources: SourceCheck,
        llm: LLMComposer | None = None,
    ) -> None:
        self.retriever = retriever
        self.extractive = extractive
        self.detector = detector
        self.abstain_threshold = abstain_threshold
        self.contacts = contacts
        self.sources = sources
        self.llm = llm

    def ask(self, question: str, top_k: int = 5, filters: Filters | None = None) -> Answer:
        found = self.retriever.retrieve(question, top_k, filters)
        if self.detector.assess(question, found.query_vec).is_disclosure:
            return self.disclosure_answer(question, found, top_k, filters)
        if self.support(found) < self.abstain_threshold:
            return abstention(found)
        missing = self.sources.missing(question)
        notice = " ".join(m.notice for m in missing) or None
        if (lacking := self.lacking_answer(question, found)) is not None:
            return abstention(found, lacking, notice)
        if missing and (focus := self.sources.uncovered_focus(question, missing, found.passages)):
            title = missing[0].entry.title  # the reason names it: no notice repeating it
            return abstention(found, f"“{title}” is not in this library, and none of the passages found mentions “{focus}”")
        t0 = time.perf_counter()
        answer = self.compose(question, found)
        answer.timings_ms = found.timings_ms | {"answer": (time.perf_counter() - t0) * 1000}
        if not answer.citations:
            return abstention(found, notice=notice)
        answer.notice = " ".join(n for n in (notice, answer.notice) if n) or None
        return answer

    def lacking_answer(self, question: str, found: Retrieved) -> str | None:
        """What the question asks for that no sentence found gives, when its form says (service/answering/coverage.py):
        a question for a deadline, a phone number or a date is not answered by sentences holding none."""
        expected = expected_answer(question)
        if expected is None or any(expected.holds(question, c.text) for c in self.extractive.candidates(found.passages)):
            return None
        return f"none of the passages found gives {expected.what}"

    def support(self, found: Retrieved) -> float:
        """The abstention signal: the best cosine between the question and one sentence of the passages found.

        A passage vector blurs its sentences; the best sentence separates off-topic questions from answerable
        ones by a wider margin (calibration in eval/data/README.md). The sentence vectors come from the index
        (embedded at ingest), so this costs no model run.
        """
        candidates = self.extractive.candidates(found.passages)
        if not candidates:
            return found.best_cosine
        return float(np.max(self.extractive.vectors(candidates, found) @ found.query_vec))

    def compose(self, question: str, found: Retrieved) -> Answer:
        """LLM when configured and it yields verified citations; the extractive answer otherwise."""
        notice = None
        if self.llm is not None:
            try:
                text, cites = verify(*self.llm.compose(question, found))
                if cites:
                    return Answer(answer=text, citations=cites, mode="llm")
                notice = "The language model's answer could not be verified against the passages; showing the extractive answer."
            except Exception as err:  # unreachable, slow, or malformed: fall back, say so
                log.warning("LLM answer failed (%s); using the extractive answer", type(err).__name__)
                notice = "The language model did not answer in time; showing the extractive answer."
        text, cites = verify(*self.extractive.compose(question, found))
        return Answer(answer=text, citations=cites, notice=notice)

    def disclosure_answer(self, question: str, found: Retrieved, top_k: int, filters: Filters | None) -> Answer:
        support = self.retriever.retrieve(SUPPORT_QUERY, top_k, filters)
        merged = merge(support, found, top_k)
        text, cites = verify(*self.extractive.compose(SUPPORT_QUERY + " " + question, merged))
        body = text or NO_SUPPORT_PASSAGES
        return Answer(answer=f"{PREFACE} {body}", citations=cites, disclosure=True, preface=PREFACE,
                      contacts=self.contacts(), timings_ms=found.timings_ms)


def merge(first: Retrieved, then: Retrieved, top_k: int) -> Retrieved:
    """Support passages first, then the question's own, without repeats."""
    seen: set[str] = set()
    passages: list[Passage] = []
    rows: list[np.ndarray] = []
    sentence_rows: list[np.ndarray | None] = []
    for found in (first, then):
        stored = found.sentence_vectors or [None] * len(found.passages)
        for passage, vec, sentences in zip(found.passages, found.vectors, stored, strict=True):
            if passage.id not in seen and len(passages) < top_k:
                seen.add(passage.id)
                passages.append(passage)
                rows.append(vec)
                sentence_rows.append(sentences)
    vectors = np.asarray(rows, dtype=np.float32).reshape(len(rows), then.query_vec.shape[0])
    return Retrieved(passages, vectors, then.query_vec, then.timings_ms, sentence_rows)


def abstention(found: Retrieved, reason: str | None = None, notice: str | None = None) -> Answer:
    text = NOT_COVERED if reason is None else NOT_COVERED_BECAUSE.format(reason=reason)
    return Answer(answer=text, abstained=True, notice=notice, suggestions=suggestions(found),
                  timings_ms=found.timings_ms)


def suggestions(found: Retrieved, limit: int = 3) -> list[Suggestion]:
    out: dict[str, Suggestion] = {}
    for passage, cos in zip(found.passages, found.cosines, strict=True):
        if passage.doc_key not in out and len(out) < limit:
            out[passage.doc_key] = Suggestion(doc_key=passage.doc_key, title=passage.title, doc_type=passage.doc_type,
                                              section=passage.section, page_start=passage.page_start,
                                              score=round(float(cos), 4))
    return list(out.values())
