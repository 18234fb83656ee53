"""Privacy: a question never reaches a log or a file; uploaded text stays inside the index folder;
feedback keeps the question only when asked to, and forgets everything after the retention period.

Distinctive tokens make a leak findable: every log record (all loggers at DEBUG, uvicorn's too, the
stderr of a real `kb serve`) and every byte of every file under the data folders is searched for them.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests.conftest import CORPUS, ROOT, LiveServer, free_port, make_settings

QUESTION_TOKEN = "ZEBRA-QWXV"  # no digits: a number no passage names makes the question not covered
UPLOAD_TOKEN = "OKAPI-5512"
QUESTIONS = [
    f"What does the guidance say about {QUESTION_TOKEN} and reporting to a focal point?",
    f"My supervisor {QUESTION_TOKEN} keeps touching my shoulder and commenting on my body. What can I do?",
    f"Who facilitated the dialogue {QUESTION_TOKEN}?",
    f"{QUESTION_TOKEN} {UPLOAD_TOKEN} confidential helpline for staff",
]
UPLOADED = (f"# Helpline note {UPLOAD_TOKEN}\n\nThe {UPLOAD_TOKEN} helpline is a confidential line for staff who experienced "
            f"harassment. Calls to the {UPLOAD_TOKEN} helpline are never recorded.\n")
UVICORN = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")


def files_holding(token: str, *roots: Path) -> list[Path]:
    """Every file under ``roots`` whose bytes contain ``token`` (UTF-8 or UTF-16, any case)."""
    needles = [token.encode(), token.lower().encode(), token.encode("utf-16-le")]
    found = []
    for root in roots:
        for path in (p for p in root.rglob("*") if p.is_file()):
            data = path.read_bytes()
            if any(needle in data for needle in needles):
                found.append(path)
    return found


def exercise(client: httpx.Client, feedback_question: str | None = None) -> None:
    """What a user does: search, ask (JSON and streamed, a disclosure among them), rate, mistype."""
    for question in QUESTIONS:
        assert client.post("/api/search", json={"query": question}).status_code == 200
        assert client.post("/api/ask", json={"question": question}).status_code == 200
        with client.stream("POST", "/api/ask", json={"question": question, "stream": True}) as streamed:
            assert streamed.status_code == 200 and list(streamed.iter_lines())
    too_long = client.post("/api/ask", json={"question": f"{QUESTION_TOKEN} " * 300})
    assert too_long.status_code == 422 and QUESTION_TOKEN not in too_long.text
    answer = client.post("/api/ask", json={"question": QUESTIONS[3]}).json()["answer"]
    rated = client.post("/api/feedback", json={"rating": "down", "answer_excerpt": answer,
                                               "question": feedback_question})
    assert rated.status_code == 201 and rated.json()["question_stored"] is (feedback_question is not None)


@pytest.fixture()
def all_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every logger at DEBUG into caplog, uvicorn's (which do not propagate) included."""
    caplog.set_level(logging.DEBUG)
    for name in UVICORN:
        logging.getLogger(name).addHandler(caplog.handler)
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield caplog
    for name in UVICORN:
        logging.getLogger(name).removeHandler(caplog.handler)


def test_questions_and_uploaded_text_stay_out_of_logs_and_files(tmp_path, embedder, all_logs):
    from app.web import create_app
    from service.knowledge_base import KnowledgeBase

    settings = make_settings(tmp_path, ui=False, api_key="privacy-key")
    kb = KnowledgeBase.open(settings, embedder)
    kb.ingest([CORPUS])
    with LiveServer(create_app(settings, kb)) as live, httpx.Client(base_url=live.url, timeout=120,
                                                                   trust_env=False) as client:
        for name in UVICORN:  # the server set its own levels when it was configured
            logging.getLogger(name).setLevel(logging.DEBUG)
        added = client.post("/api/documents", files={"file": ("helpline-note.md", UPLOADED.encode())},
                            headers={"X-API-Key": "privacy-key"})
        assert added.json()["status"] == "added"
        exercise(client)
        answer = client.post("/api/ask", json={"question": QUESTIONS[3]}).json()
    kb.close()
    assert UPLOAD_TOKEN in answer["answer"], "the uploaded passage was used (so its text passed through)"
    text = all_logs.text + "".join(str(r.args) for r in all_logs.records)
    assert all_logs.records, "logging was captured"
    assert QUESTION_TOKEN not in text and UPLOAD_TOKEN not in text
    assert files_holding(QUESTION_TOKEN, tmp_path, settings.cache_dir) == []
    outside_index = [p for p in files_holding(UPLOAD_TOKEN, tmp_path, settings.cache_dir)
                     if not p.is_relative_to(settings.index_dir)]
    assert outside_index == []


@pytest.mark.slow
def test_a_real_kb_serve_at_default_settings_keeps_nothing(tmp_path):
    """`kb serve` as deployed (UI on, default log level): its output, its files and its temp folder."""
    index, temp = tmp_path / "index", tmp_path / "tmp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    env |= {"HF_HUB_OFFLINE": "1", "TMPDIR": str(temp), "KB_INDEX_DIR": str(index)}
    kb = [sys.executable, "-c", "from app.cli import main; main()"]
    subprocess.run([*kb, "ingest", str(CORPUS)], env=env, cwd=ROOT, check=True, capture_output=True, timeout=600)
    port = free_port()
    proc = subprocess.Popen([*kb, "serve", "--port", str(port)], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120, trust_env=False) as client:
            wait_healthy(client, proc)
            assert client.get("/ui/").status_code == 200
            exercise(client)
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=60)
    assert QUESTION_TOKEN not in out + err
    assert files_holding(QUESTION_TOKEN, tmp_path, ROOT / "var" / "cache") == []


def wait_healthy(client: httpx.Client, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        try:
            if client.get("/api/health").status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise AssertionError("kb serve did not become healthy")


# --- feedback ------------------------------------------------------------------------------------------
def test_feedback_keeps_the_question_only_on_opt_in(tmp_path):
    from service.feedback import FeedbackStore

    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    store.add("up", answer_excerpt="A helpful answer.")
    store.add("down", wrong_citation=True, answer_excerpt="Another answer.", question="   ")
    assert [e.question for e in store.entries()] == [None, None]
    assert files_holding(QUESTION_TOKEN, tmp_path) == []
    store.add("down", question=QUESTIONS[0])
    assert store.entries()[0].question == QUESTIONS[0]


def test_feedback_over_http_stores_no_question_unless_sent(tmp_path, embedder):
    from app.web import create_app
    from service.feedback import FeedbackStore
    from service.knowledge_base import KnowledgeBase

    settings = make_settings(tmp_path, ui=False)
    kb = KnowledgeBase.open(settings, embedder)
    kb.ingest([CORPUS])
    with LiveServer(create_app(settings, kb)) as live, httpx.Client(base_url=live.url, timeout=120,
                                                                   trust_env=False) as client:
        exercise(client)
        assert files_holding(QUESTION_TOKEN, tmp_path) == []
        exercise(client, feedback_question=QUESTIONS[0])
    kb.close()
    kept = [e.question for e in FeedbackStore.for_settings(settings).entries()]
    assert kept.count(QUESTIONS[0]) == 1 and kept.count(None) == 1


def age_rows(path: Path, days: float) -> None:
    """Backdate every row of the feedback file by ``days``."""
    with sqlite3.connect(path) as db:
        for row_id, created in db.execute("SELECT id, created_at FROM feedback").fetchall():
            older = datetime.fromisoformat(created) - timedelta(days=days)
            db.execute("UPDATE feedback SET created_at = ? WHERE id = ?", (older.isoformat(timespec="seconds"), row_id))


def test_feedback_older_than_the_retention_period_is_purged_and_unrecoverable(tmp_path):
    from service.feedback import FeedbackStore

    path = tmp_path / "feedback.sqlite3"
    store = FeedbackStore(path, retention_days=30)
    for n in range(20):
        store.add("down", answer_excerpt=f"answer {n}", question=f"{QUESTIONS[1]} #{n}")
    age_rows(path, 31)
    store.add("up", answer_excerpt="recent answer")
    assert [e.answer_excerpt for e in store.entries()] == ["recent answer"]
    assert files_holding(QUESTION_TOKEN, tmp_path) == [], "deleted questions must not linger in free pages"
    with closing(store._connect()) as db:  # on by default only in some SQLite builds; the store turns it on
        assert db.execute("PRAGMA secure_delete").fetchone() == (1,)


def test_feedback_within_the_retention_period_is_kept_and_purged_on_open(tmp_path):
    from service.feedback import FeedbackStore

    path = tmp_path / "feedback.sqlite3"
    FeedbackStore(path, retention_days=30).add("up", answer_excerpt="kept")
    age_rows(path, 29)
    assert len(FeedbackStore(path, retention_days=30).entries()) == 1
    age_rows(path, 2)
    assert FeedbackStore(path, retention_days=30).entries() == []


def test_retention_is_a_setting(monkeypatch, tmp_path):
    from ingest.settings import Settings
    from service.feedback import FeedbackStore

    monkeypatch.setenv("KB_FEEDBACK_RETENTION_DAYS", "7")
    settings = Settings(index_dir=tmp_path)
    assert settings.feedback_retention_days == 7
    assert FeedbackStore.for_settings(settings).retention_days == 7
    assert Settings.model_fields["feedback_retention_days"].description


def test_answering_keeps_no_text_of_the_question_in_memory(corpus_kb, monkeypatch):
    """The sentence caches (MiniLM's and the reader's) and the memoised readings of passages hold passages' text
    only: a question, an ask with its names left out and a question with one word taken out are embedded and read
    without being kept."""
    from service.answering import answerability, candidates, extractive
    from service.knowledge_base import SentenceCache

    token = "quokkaish"
    read: list[str] = []

    def spying(real):
        def spy(text: str):
            read.append(text)
            return real(text)
        return spy

    for module in (answerability, candidates, extractive):
        for name in ("passage_stems", "passage_concepts"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, spying(getattr(module, name)))
    questions = [f"What did Bhatia say about {token} training?",  # names a speaker: the ask is read without her name
                 f"Can staff get {token} leave after reporting harassment?",  # a word no passage holds, taken out
                 f"How many {token} focal points are there in the UN?"]
    for question in questions:
        corpus_kb.ask(question)
    caches = [c.cache for c in (corpus_kb.embed_texts, corpus_kb.answers.reader) if isinstance(c, SentenceCache)]
    assert read and corpus_kb.embed_texts.cache, "passages were read and their sentences cached"
    assert not [text for text in read if token in text]
    assert not [text for cache in caches for text in cache if token in text.lower()]


def test_an_llm_answer_is_split_into_sentences_without_being_remembered():
    from ingest.sentences import _cached_spans, sentence_spans
    from service.answering.llm import _sentences

    text = "The quokkaish rule applies [1]. Reports go to the Ethics Office [2]."
    before = _cached_spans.cache_info().currsize
    assert len(_sentences(text)) == 2
    assert _cached_spans.cache_info().currsize == before
    sentence_spans(text)  # a passage's text is remembered
    assert _cached_spans.cache_info().currsize == before + 1
