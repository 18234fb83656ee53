"""POST /api/feedback over HTTP on the live API: stored locally, the question only when sent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx

from service.feedback import FeedbackStore
from tests.conftest import LiveServer


def test_feedback_is_stored_without_the_question_unless_sent(live_api, corpus_kb) -> None:
    url = live_api.url + "/api/feedback"
    plain = httpx.post(url, json={"rating": "down", "answer_excerpt": "An answer."})
    with_question = httpx.post(url, json={"wrong_citation": True, "question": "Who can I talk to?"})
    assert plain.status_code == 201 and plain.json()["question_stored"] is False
    assert with_question.status_code == 201 and with_question.json()["question_stored"] is True
    newest, before = FeedbackStore.for_settings(corpus_kb.settings).entries(2)
    assert before.rating == "down" and before.question is None and before.answer_excerpt == "An answer."
    assert newest.wrong_citation and newest.question == "Who can I talk to?"


def test_empty_or_invalid_feedback_is_refused(live_api) -> None:
    url = live_api.url + "/api/feedback"
    assert httpx.post(url, json={}).status_code == 422
    bad = httpx.post(url, json={"rating": "meh"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "validation_error"


class RefusingStore(FeedbackStore):
    """The real SQLite store; once open, its connections refuse writes as a read-only file or disk would."""

    refuse_writes = False

    def _connect(self) -> sqlite3.Connection:
        db = super()._connect()
        if self.refuse_writes:
            db.execute("PRAGMA query_only = 1")
        return db


def refusing_store(folder: Path) -> RefusingStore:
    store = RefusingStore(folder / "feedback.sqlite3")
    store.add("down")
    store.refuse_writes = True
    return store


def test_feedback_the_store_cannot_write_is_a_clear_503_and_stores_nothing(tmp_path, corpus_kb) -> None:
    from app.web import create_app

    app = create_app(corpus_kb.settings, corpus_kb)
    store = app.state.feedback = refusing_store(tmp_path)
    with LiveServer(app) as server:
        response = httpx.post(server.url + "/api/feedback", json={"rating": "up", "question": "Who can I talk to?"})
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "feedback_not_saved" and "readonly database" in error["message"]
    assert "Who can I talk to" not in error["message"] and [e.rating for e in store.entries()] == ["down"]


def test_the_ui_says_when_feedback_could_not_be_saved(tmp_path) -> None:
    from service.models import Answer
    from ui.render import Turn
    from ui.tabs.feedback import record

    turn = Turn(question="What is ClearCheck?", answer=Answer(answer="A database. [1]"))
    html = record(refusing_store(tmp_path), "up", [turn], include_question=True)
    assert "could not be saved" in html and "nothing was stored" in html
