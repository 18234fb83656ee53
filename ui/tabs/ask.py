"""Ask: the conversation with clickable citation chips, the sources panel, feedback."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Any

import gradio as gr

from ingest.errors import KBError
from service.feedback import FeedbackStore
from service.knowledge_base import KnowledgeBase
from service.models import Answer, Filters
from ui.labels import label
from ui.render import NO_SOURCES, Turn, conversation_html, sources_html
from ui.tabs.feedback import feedback_row
from ui.tabs.filters import FilterControls, filter_controls, to_filters

log = logging.getLogger(__name__)  # never given the question text

EXAMPLES = (
    "What did the keynote speaker say about leadership?",
    "What tools has the CEB Task Force developed?",
    "Why does accountability matter when addressing sexual harassment?",
)
DRAFT_EVERY_S = 0.15  # the conversation is redrawn at most this often while a language model writes
WRITING = "The language model is writing; its text is checked against the passages before it is shown as the answer…"
Outputs = tuple[str, str, list[Turn], str]


@dataclass
class AskTab:
    kb: KnowledgeBase
    filters: FilterControls | None = None

    def add_question(self, question: str, turns: list[Turn]) -> tuple[str, list[Turn], str, str]:
        """Show the question at once, clear the box; the answer follows in `answer_latest`."""
        question = question.strip()
        limit = self.kb.settings.max_question_chars
        if not question:
            return "", turns, conversation_html(turns), status("Type a question first.")
        if len(question) > limit:  # kept in the box to shorten, never cut silently
            return question, turns, conversation_html(turns), status(
                f"Your question has {len(question):,} characters; please shorten it to {limit:,} or fewer.")
        turns = [*turns, Turn(question)]
        return "", turns, conversation_html(turns, streaming=True), status("Looking through the documents…")

    def answer_latest(self, turns: list[Turn], doc_types: list[str], doc_keys: list[str]) -> Iterator[Outputs]:
        if not turns or turns[-1].answer is not None:  # nothing was asked (an empty or refused question)
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip()  # a generator that yields nothing would blank them
            return
        question = turns[-1].question
        drafts: queue.Queue[str | None] = queue.Queue()
        outcome: list[Answer | Exception] = []
        threading.Thread(target=self.work, args=(question, to_filters(doc_types, doc_keys), drafts, outcome),
                         name="ui-answer", daemon=True).start()
        draft, shown_at = "", 0.0
        while (piece := drafts.get()) is not None:  # a language model's tokens, as it writes them
            draft += piece
            if time.monotonic() - shown_at >= DRAFT_EVERY_S:
                shown_at = time.monotonic()
                drafting = [*turns[:-1], Turn(question, draft=draft)]
                yield conversation_html(drafting, streaming=True), gr.skip(), turns, status(WRITING)
        [result] = outcome
        if isinstance(result, Exception):  # the pending question must not hang; say what can be said
            log.error("answering failed: %s", type(result).__name__)
            message = result.message if isinstance(result, KBError) else \
                "something went wrong on our side; please try again"
            turns = turns[:-1]
            yield conversation_html(turns), sources_html(turns), turns, status(f"No answer: {message}.")
            return
        turns = [*turns[:-1], Turn(question, result)]  # the checked answer, shown as soon as it is ready
        yield conversation_html(turns), sources_html(turns), turns, status(done_message(result))

    def work(self, question: str, filters: Filters, drafts: queue.Queue[str | None],
             outcome: list[Answer | Exception]) -> None:
        try:
            outcome.append(self.kb.ask(question, self.kb.settings.top_k, filters, drafts.put))
        except Exception as err:
            outcome.append(err)
        finally:
            drafts.put(None)


def done_message(answer: Answer) -> str:
    if answer.abstained:
        return "The documents do not cover this question; the closest documents are listed."
    n = len(answer.citations)
    sources = f"{n} source{'s' if n != 1 else ''}"
    if answer.state == "partial":
        return f"Partly answered, with {sources}; the documents do not cover every part of the question."
    return f"Answer ready, with {sources}."


def status(text: str) -> str:
    return f'<p class="kb-status" role="status">{escape(text)}</p>' if text else ""


def clear() -> tuple[list[Turn], str, str, str, str]:
    return [], conversation_html([]), f'<div class="kb-sources">{NO_SOURCES}</div>', status("Chat cleared."), ""


def build_ask_tab(kb: KnowledgeBase, store: FeedbackStore) -> FilterControls:
    tab = AskTab(kb)
    turns = gr.State([])
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            conversation = gr.HTML(conversation_html([]), elem_id="kb-conversation", label="Conversation")
            question = gr.Textbox(label=label("question"), placeholder=label("question_hint"),
                                  lines=1, max_lines=6, elem_id="kb-question", submit_btn=False,
                                  info=f"Up to {kb.settings.max_question_chars:,} characters.")
            with gr.Row():
                ask_btn = gr.Button(label("ask"), variant="primary", elem_id="kb-ask")
                clear_btn = gr.Button(label("clear"), variant="secondary", elem_id="kb-clear")
            state_line = gr.HTML("", elem_id="kb-ask-status")
            examples = example_buttons()
            tab.filters = filter_controls(kb, "ask")
            feedback_row(store, turns)
        with gr.Column(scale=2, min_width=300):
            gr.HTML('<h2 class="kb-panel-title" id="kb-sources-title">Sources</h2>')
            sources = gr.HTML(f'<div class="kb-sources">{NO_SOURCES}</div>', elem_id="kb-sources")
    wire(tab, question, turns, conversation, sources, state_line, [ask_btn, *examples])
    clear_btn.click(clear, None, [turns, conversation, sources, state_line, question], api_visibility="private")
    return tab.filters


def example_buttons() -> list[gr.Button]:
    gr.HTML('<p class="kb-subhead" id="kb-examples-title">Example questions</p>')
    with gr.Row(elem_classes=["kb-examples"]):
        return [gr.Button(text, size="sm", variant="secondary", elem_classes=["kb-example"]) for text in EXAMPLES]


def wire(tab: AskTab, question: gr.Textbox, turns: gr.State, conversation: gr.HTML, sources: gr.HTML,
         state_line: gr.HTML, triggers: list[gr.Button]) -> None:
    """Enter, the Ask button and each example run: add the question, then stream the answer."""
    assert tab.filters is not None
    answer_args: dict[str, Any] = {"fn": tab.answer_latest, "inputs": [turns, *tab.filters.inputs],
                                   "outputs": [conversation, sources, turns, state_line], "api_visibility": "private"}
    add_outputs = [question, turns, conversation, state_line]
    question.submit(tab.add_question, [question, turns], add_outputs, api_visibility="private").then(**answer_args)
    triggers[0].click(tab.add_question, [question, turns], add_outputs, api_visibility="private").then(**answer_args)
    for button, text in zip(triggers[1:], EXAMPLES, strict=True):
        button.click(lambda t, text=text: tab.add_question(text, t), [turns], add_outputs,
                     api_visibility="private").then(**answer_args)
