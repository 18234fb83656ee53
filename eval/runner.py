"""Asking the gold questions: in process through a ``KnowledgeBase``, or over HTTP against a running service."""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from eval.gold import GoldQuestion, GoldSet
from ingest.errors import UsageError
from ingest.settings import Settings
from service.client import RemoteClient
from service.models import Answer, Passage
from service.retrieval import Retrieved

if TYPE_CHECKING:
    from ingest.embedding import MiniLMEmbedder
    from service.knowledge_base import KnowledgeBase

log = logging.getLogger(__name__)

RETRIEVAL_K = 10  # passages scored for recall@k, MRR and nDCG
ANSWER_K = 5  # passages an answer may draw on (the service default)


@dataclass
class Searched:
    passages: list[Passage]
    timings_ms: dict[str, float]
    support: float | None = None  # the service's abstention signal for this question (in process only)


@dataclass
class QuestionResult:
    question: GoldQuestion
    searched: Searched
    answer: Answer
    ask_ms: float


@dataclass
class NegativeResult:
    id: str
    question: str
    disclosure: bool


@dataclass
class EvalRun:
    results: list[QuestionResult] = field(default_factory=list)
    negatives: list[NegativeResult] = field(default_factory=list)
    target: str = "in-process"
    off_topic: frozenset[str] = frozenset()


class Target(Protocol):
    name: str

    def search(self, question: str, top_k: int) -> Searched: ...

    def ask(self, question: str, top_k: int) -> Answer: ...


class InProcessTarget:
    """The product's own objects: ``kb.retriever`` for ranked passages, ``kb.ask`` for answers."""

    name = "in-process"

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def search(self, question: str, top_k: int) -> Searched:
        found = self.kb.retriever.retrieve(question, top_k)
        top = Retrieved(found.passages[:ANSWER_K], found.vectors[:ANSWER_K], found.query_vec,  # what ask() sees
                        sentence_vectors=found.sentence_vectors[:ANSWER_K], multilingual=found.multilingual)
        signal = self.kb.answers.support(top)
        return Searched(found.passages, dict(found.timings_ms), signal)

    def ask(self, question: str, top_k: int) -> Answer:
        return self.kb.ask(question, top_k)


class HttpTarget:
    """A running service, through the same client `kb search` and `kb ask` use."""

    def __init__(self, url: str, api_key: str | None = None, timeout: float = 120.0) -> None:
        self.client = RemoteClient(url, api_key, timeout)
        self.name = url

    def search(self, question: str, top_k: int) -> Searched:
        started = time.perf_counter()
        found = self.client.search(question, top_k)
        return Searched(found.results, {"request": (time.perf_counter() - started) * 1000})

    def ask(self, question: str, top_k: int) -> Answer:
        return self.client.ask(question, top_k)

    def close(self) -> None:
        self.client.close()


def run_gold(target: Target, gold: GoldSet, progress: Callable[[int, int], None] | None = None) -> EvalRun:
    """Every gold question searched (top 10) and asked (top 5); every negative asked for its disclosure flag."""
    run = EvalRun(target=target.name, off_topic=gold.off_topic)
    total = len(gold.questions) + len(gold.negatives)
    for done, question in enumerate(gold.questions, start=1):
        run.results.append(ask_one(target, question))
        if progress:
            progress(done, total)
    for done, negative in enumerate(gold.negatives, start=len(gold.questions) + 1):
        answer = target.ask(negative.question, ANSWER_K)
        run.negatives.append(NegativeResult(negative.id, negative.question, answer.disclosure))
        if progress:
            progress(done, total)
    return run


def ask_one(target: Target, question: GoldQuestion) -> QuestionResult:
    searched = target.search(question.question, RETRIEVAL_K)
    started = time.perf_counter()
    answer = target.ask(question.question, ANSWER_K)
    return QuestionResult(question, searched, answer, (time.perf_counter() - started) * 1000)


@contextmanager
def corpus_knowledge_base(settings: Settings, index: Path | None = None) -> Iterator[KnowledgeBase]:
    """The product on ``index`` when given; else on a fresh temporary embedded index of the bundled corpus."""
    from service.knowledge_base import KnowledgeBase

    if index is None:
        with fresh_knowledge_base(settings, [settings.corpus_dir], "the corpus") as kb:
            yield kb
        return
    kb = KnowledgeBase.open(settings.model_copy(update={"index_dir": index}))
    try:
        yield kb
    finally:
        kb.close()


@contextmanager
def fresh_knowledge_base(settings: Settings, paths: list[Path], what: str,
                         embedder: MiniLMEmbedder | None = None) -> Iterator[KnowledgeBase]:
    """The product on a temporary embedded index holding only ``paths``; UsageError when any fails to ingest."""
    from service.knowledge_base import KnowledgeBase

    with tempfile.TemporaryDirectory(prefix="kb-eval-") as tmp:
        fresh = settings.model_copy(update={"index_dir": Path(tmp) / "index", "qdrant_url": None})
        kb = KnowledgeBase.open(fresh, embedder)
        try:
            failed = [o for o in kb.ingest(paths) if o.status == "failed"]
            if failed:
                raise UsageError(f"could not ingest {what} for the eval: {failed[0].error}")
            yield kb
        finally:
            kb.close()
