"""Search: ranked passages with the query's words highlighted."""

from __future__ import annotations

from html import escape
from typing import Any

import gradio as gr

from ingest.errors import KBError
from ingest.language import language_of
from service.knowledge_base import KnowledgeBase
from service.models import NO_MATCH
from ui.frame import say
from ui.labels import label
from ui.render import search_results_html
from ui.tabs.filters import FilterControls, filter_controls, to_filters


def run_search(kb: KnowledgeBase, query: str, top_k: float, doc_types: list[str], doc_keys: list[str]) -> str:
    query, limit = query.strip(), kb.settings.max_question_chars
    if not query:
        return search_results_html("", [])
    if len(query) > limit:  # said, never cut silently
        return (f'<p class="kb-status" role="status">The search has {len(query):,} characters; please shorten it to '
                f"{limit:,} or fewer.</p>")
    try:
        found = kb.search_response(query, int(top_k), to_filters(doc_types, doc_keys))
    except KBError as err:
        return f'<p class="kb-status" role="status">The search failed: {escape(err.message)}</p>'
    language = language_of(query)
    if not found.matched:
        note = f"{found.note or NO_MATCH} {say('try_other', language)}"
        return f'<p class="kb-status kb-no-match" role="status" lang="{language}" dir="auto">{escape(note)}</p>'
    return search_results_html(query, found.results, language)


def build_search_tab(kb: KnowledgeBase) -> FilterControls:
    with gr.Row():
        query = gr.Textbox(label=label("search_box"), placeholder="e.g. bystander intervention, ClearCheck",
                           scale=4, elem_id="kb-search-query")
        top_k = gr.Slider(1, 20, value=8, step=1, label=label("passages"), scale=1, elem_id="kb-search-k")
    search_btn = gr.Button(label("search"), variant="primary", elem_id="kb-search")
    filters = filter_controls(kb, "search")
    results = gr.HTML(search_results_html("", []), elem_id="kb-results")
    args: dict[str, Any] = {"inputs": [query, top_k, *filters.inputs], "outputs": results, "api_visibility": "private"}

    def search(q: str, k: float, types: list[str], keys: list[str]) -> str:
        return run_search(kb, q, k, types, keys)

    query.submit(search, **args)
    search_btn.click(search, **args)
    return filters
