"""Feedback on the latest answer: helpful / not helpful / wrong citation, with a privacy note."""

from __future__ import annotations

import logging
from html import escape
from typing import Any

import gradio as gr

from ingest.errors import KBError
from service.feedback import EXCERPT_CHARS, FeedbackStore, Rating
from ui.labels import label
from ui.render import Turn

log = logging.getLogger(__name__)

PRIVACY_NOTE = (
    "**Privacy.** Your questions are not stored: they are used to find an answer and forgotten when you clear "
    "the chat or close the page. Feedback stores only your rating, whether a citation was wrong, the first "
    f"{EXCERPT_CHARS} characters of the answer and the time, on this server, for {{days}} days. "
    "Your question is stored with it only if you tick *Include my question*."
)
CHOICES: dict[str, tuple[Rating | None, bool, str]] = {
    "up": ("up", False, "helpful"),
    "down": ("down", False, "not helpful"),
    "wrong": (None, True, "a citation is wrong"),
}


def latest_answered(turns: list[Turn]) -> Turn | None:
    return next((t for t in reversed(turns) if t.answer is not None), None)


def record(store: FeedbackStore, choice: str, turns: list[Turn], include_question: bool, client: str = "local") -> str:
    turn = latest_answered(turns)
    if turn is None or turn.answer is None:
        return note("Ask a question first; feedback applies to the latest answer.")
    rating, wrong, label = CHOICES[choice]
    try:
        store.add(rating, wrong, turn.answer.answer, turn.question if include_question else None, client)
    except KBError as err:
        return note(err.message)
    kept = "with your question" if include_question else "without your question"
    return note(f"Thank you. Saved: {label} ({kept}).")


def note(text: str) -> str:
    return f'<p class="kb-status" role="status">{escape(text)}</p>'


def feedback_row(store: FeedbackStore, turns: gr.State) -> None:
    with gr.Column(elem_classes=["kb-feedback"]):
        gr.HTML('<p class="kb-subhead" id="kb-feedback-title">Was the latest answer useful?</p>')
        with gr.Row():
            # icons drawn by theme.css from our own /ui-assets route: Gradio's temp-file copies expire (HTTP 403)
            up = gr.Button("Helpful", size="sm", elem_id="kb-fb-up", elem_classes=["kb-icon", "kb-icon-up"])
            down = gr.Button("Not helpful", size="sm", elem_id="kb-fb-down", elem_classes=["kb-icon", "kb-icon-down"])
            wrong = gr.Button("Wrong citation", size="sm", elem_id="kb-fb-wrong", elem_classes=["kb-icon", "kb-icon-flag"])
        include = gr.Checkbox(False, label=label("include_question"), elem_id="kb-fb-include")
        result = gr.HTML("", elem_id="kb-fb-result")
        gr.Markdown(PRIVACY_NOTE.format(days=store.retention_days), elem_id="kb-privacy", elem_classes=["kb-privacy"])
    for button, choice in ((up, "up"), (down, "down"), (wrong, "wrong")):
        button.click(rater(store, choice), [turns, include], result, api_visibility="private")


def rater(store: FeedbackStore, choice: str) -> Any:
    """A click handler; Gradio passes the request (for the client's address) to a parameter typed gr.Request."""

    def rate(turns: list[Turn], include_question: bool, request: gr.Request) -> str:
        return record(store, choice, turns, include_question, client_of(request))

    return rate


def client_of(request: gr.Request | None) -> str:
    client = getattr(request, "client", None)
    return str(getattr(client, "host", None) or "unknown")
