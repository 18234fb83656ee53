"""POST /api/feedback over HTTP on the live API: stored locally, the question only when sent."""

from __future__ import annotations

import httpx

from service.feedback import FeedbackStore


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
