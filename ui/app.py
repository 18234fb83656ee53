"""Builds the Gradio Blocks on the service's own KnowledgeBase and mounts them at /ui."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from typing import Any

import gradio as gr
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from service.feedback import FeedbackStore
from service.knowledge_base import KnowledgeBase
from ui.labels import I18N, label
from ui.tabs.ask import build_ask_tab
from ui.tabs.filters import FilterControls, refreshed_documents
from ui.tabs.library import build_library_tab
from ui.tabs.search import build_search_tab

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
TITLE = "Guidance on sexual harassment in the UN system"
ASSETS = "/ui-assets"  # the UI's own static files (icons), served by us rather than from Gradio's temp cache
QUEUE_POLL_S = 0.05  # see calm_queue
HEADER = (
    f'<header class="kb-header"><h1>{TITLE}</h1>'
    "<p>Ask a question or search the guidance documents. Every answer quotes its sources; "
    "select a number to check the passage it comes from.</p></header>"
)


def theme() -> gr.themes.Base:
    """A calm, neutral theme with system fonts (nothing is fetched from font services)."""
    system = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
    base = gr.themes.Base(primary_hue="blue", secondary_hue="slate", neutral_hue="slate", font=system,
                          font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"])
    return base.set(  # darker shades than the defaults, for WCAG AA contrast
        body_text_color_subdued="*neutral_600", body_text_color_subdued_dark="*neutral_300",
        block_label_text_color="*neutral_700", block_info_text_color="*neutral_600",
        button_primary_background_fill="*primary_700", button_primary_background_fill_hover="*primary_800",
        button_primary_text_color="white", button_primary_background_fill_dark="*primary_600",
        link_text_color="*primary_700", link_text_color_visited="*primary_800", link_text_color_hover="*primary_800",
        link_text_color_dark="*primary_300", link_text_color_visited_dark="*primary_300",
        link_text_color_hover_dark="*primary_200",
    )


def build(kb: KnowledgeBase, store: FeedbackStore) -> gr.Blocks:
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(3600, 3600)) as blocks:
        gr.HTML(HEADER)
        with gr.Tabs():
            with gr.Tab(label("tab_ask"), id="ask", elem_id="kb-tab-ask") as ask_tab:
                ask_filters = build_ask_tab(kb, store)
            with gr.Tab(label("tab_search"), id="search", elem_id="kb-tab-search") as search_tab:
                search_filters = build_search_tab(kb)
            with gr.Tab(label("tab_library"), id="library", elem_id="kb-tab-library") as library_tab:
                library = build_library_tab(kb)
        refresh_on_select(kb, ask_tab, ask_filters)
        refresh_on_select(kb, search_tab, search_filters)
        library_tab.select(library.refreshed, None, library.outputs, api_visibility="private")
        # a reloaded page shows the library as it is now, not as it was when the server started
        blocks.load(lambda: (refreshed_documents(kb), refreshed_documents(kb), *always_tuple(library.refreshed())),
                    None, [ask_filters.documents, search_filters.documents, *library.outputs], api_visibility="private")
    return blocks


def always_tuple(value: Any) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else (value,)


def refresh_on_select(kb: KnowledgeBase, tab: gr.Tab, filters: FilterControls) -> None:
    """The document pickers follow the library (uploads and deletions happen in another tab)."""
    tab.select(lambda: refreshed_documents(kb), None, filters.documents, api_visibility="private")


def mount(app: FastAPI, kb: KnowledgeBase, store: FeedbackStore) -> None:
    """Mount the UI at /ui on the same KnowledgeBase and feedback store the API uses (no HTTP hop)."""
    app.mount(ASSETS, StaticFiles(directory=HERE / "icons"), name="ui-assets")  # before /ui: ours, never expiring
    head = "".join(f"<script>{(HERE / name).read_text(encoding='utf-8')}</script>" for name in ("cite.js", "upload_key.js"))
    blocks = build(kb, store)
    calm_queue(blocks)
    quiet_event_errors()
    gr.mount_gradio_app(
        app, blocks, path="/ui", footer_links=[], i18n=I18N, run_history=False, theme=theme(),
        css_paths=[HERE / "theme.css"], head=head, max_file_size=f"{int(kb.settings.max_file_mb)}mb",
        ssr_mode=False, mcp_server=False, pwa=False, enable_monitoring=False, show_error=False,
    )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:  # browsers ask the site root; Gradio serves it under /ui
        return RedirectResponse("/ui/favicon.ico")

    log.info("UI mounted at /ui")


def calm_queue(blocks: gr.Blocks) -> None:
    """Let Gradio's event queue look for work every ``QUEUE_POLL_S`` instead of every millisecond.

    Its two loops sleep 1 ms and 10 ms between looks when idle (50 and 100 ms on Windows): 55 ms of CPU a
    second on the event loop of an idle service, and a wake-up that takes a core from a running search
    every millisecond. A UI event now waits up to ``QUEUE_POLL_S`` before it starts, which no one sees
    next to an answer. Private attributes: if a Gradio release renames them, nothing changes.
    """
    queue = getattr(blocks, "_queue", None)
    for name in ("sleep_when_free", "progress_update_sleep_when_free"):
        if hasattr(queue, name):
            setattr(queue, name, QUEUE_POLL_S)


class OneLineErrors:
    """Stands in for the ``traceback`` module inside Gradio's queue, which prints a full traceback, with the
    values a caller sent, for any event that fails: an anonymous caller could write what they like into the log.
    We log one line naming the kind of error; everything else is the real module."""

    @staticmethod
    def print_exc(*_: Any, **__: Any) -> None:
        kind = sys.exc_info()[0]
        log.warning("a UI event failed (%s); what it was sent is not logged", kind.__name__ if kind else "error")

    def __getattr__(self, name: str) -> Any:
        return getattr(traceback, name)


def quiet_event_errors() -> None:
    import gradio.queueing

    if hasattr(gradio.queueing, "traceback"):  # a release that drops it changes nothing here
        gradio.queueing.traceback = OneLineErrors()  # type: ignore[assignment]
