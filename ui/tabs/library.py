"""Library: the documents in the index; upload and delete behind the admin key when one is set."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import gradio as gr

from ingest.errors import KBError
from ingest.loaders import SUPPORTED_EXTENSIONS
from service.knowledge_base import KnowledgeBase
from service.library import Library, check_size, safe_name
from ui.library_html import documents_table_html, outcome_item, outcomes_html
from ui.tabs.filters import document_choices

log = logging.getLogger(__name__)
READ_ONLY = "This server is read-only: documents cannot be added or removed here."
UPLOAD_PROGRESS = gr.Progress()  # Gradio swaps in the event's own tracker
KEY_NEEDED = "Adding and removing documents needs the admin key. Enter it below to unlock them."


@dataclass
class LibraryTab:
    kb: KnowledgeBase

    def table(self) -> str:
        return documents_table_html(self.kb.documents(), list(self.kb.manifest.failures.values()))

    @property
    def library(self) -> Library:
        return Library(self.kb)

    def allowed(self, key: str | None) -> bool:
        return self.library.may_write(key)

    def unlock(self, key: str) -> tuple[Any, str]:
        if self.allowed(key):
            return gr.update(visible=True), note("Unlocked: you can add and remove documents.")
        return gr.update(visible=False), note("That is not the admin key.")

    def upload(self, files: list[str] | None, key: str, progress: gr.Progress = UPLOAD_PROGRESS) -> tuple[str, str, Any]:
        if not self.allowed(key):
            return note("Not allowed: the admin key is missing or wrong."), self.table(), gr.skip()
        if not files:
            return note("Choose one or more files first."), self.table(), gr.skip()
        items = []
        for i, path in enumerate(files):
            progress(i / len(files), desc=f"Indexing file {i + 1} of {len(files)}")
            items.append(self.add_one(Path(path), key))
        progress(1.0, desc="Done")
        return outcomes_html(items), self.table(), gr.update(choices=document_choices(self.kb), value=None)

    def add_one(self, path: Path, key: str | None) -> str:
        name = path.name
        try:
            name = safe_name(name)
            check_size(self.kb.settings, name, path.stat().st_size)  # before reading it
            outcome = self.library.add(name, path.read_bytes(), key)
        except KBError as err:
            return outcome_item(name, None, err.message)
        log.info("upload from the UI: %s -> %s", name, outcome.status)
        return outcome_item(name, outcome)

    def confirm(self, doc_key: str | None) -> tuple[Any, str, str]:
        """First step of a removal: name the document and ask; nothing is removed yet."""
        if not doc_key:
            return gr.update(visible=False), "", note("Choose a document to remove first.")
        title = next((r.title for r in self.kb.documents() if r.doc_key == doc_key), doc_key)
        question = f"Remove “{title}” from the library? Its passages leave search and answers at once."
        return gr.update(visible=True), f'<p class="kb-confirm-text">{escape(question)}</p>', ""

    def delete(self, doc_key: str | None, key: str) -> tuple[str, str, Any, Any]:
        hidden = gr.update(visible=False)
        if not self.allowed(key):
            return note("Not allowed: the admin key is missing or wrong."), self.table(), gr.skip(), hidden
        if not doc_key:
            return note("Choose a document to remove first."), self.table(), gr.skip(), hidden
        try:
            record = self.library.remove(doc_key, key)
            message = f"Removed “{record.title}” from the library."
        except KBError as err:
            message = f"Not removed: {err.message}"
        return note(message), self.table(), gr.update(choices=document_choices(self.kb), value=None), hidden

    def refreshed(self) -> tuple[str, Any]:
        """The table and the removal picker as the library is now (uploads and deletions from elsewhere too)."""
        return self.table(), gr.update(choices=document_choices(self.kb))


def note(text: str) -> str:
    return f'<p class="kb-status" role="status">{escape(text)}</p>'


@dataclass
class LibraryView:
    """What the page refreshes when it loads or the tab opens: the table, and the removal picker if any."""

    tab: LibraryTab
    table: gr.HTML
    picker: gr.Dropdown | None = None

    @property
    def outputs(self) -> list[Any]:
        return [self.table] if self.picker is None else [self.table, self.picker]

    def refreshed(self) -> Any:
        return self.tab.table() if self.picker is None else self.tab.refreshed()


def build_library_tab(kb: KnowledgeBase) -> LibraryView:
    """Builds the tab; returns what the caller refreshes on page load and tab selection."""
    tab = LibraryTab(kb)
    view = LibraryView(tab, gr.HTML(tab.table(), elem_id="kb-library"))
    refresh = gr.Button("Refresh the list", size="sm", variant="secondary", elem_id="kb-refresh", scale=0)
    if kb.settings.disable_writes:
        gr.Markdown(READ_ONLY, elem_classes=["kb-note"])
    elif not kb.settings.api_key:
        view.picker = write_controls(tab, gr.Textbox("", visible=False), view.table, visible=True)[1]
    else:
        gr.Markdown(KEY_NEEDED, elem_classes=["kb-note"])
        with gr.Row():
            key = gr.Textbox(label="Admin key", type="password", elem_id="kb-admin-key", scale=3)
            unlock = gr.Button("Unlock", variant="secondary", elem_id="kb-unlock", scale=1)
        unlocked = gr.HTML("", elem_id="kb-unlock-status")
        group, view.picker = write_controls(tab, key, view.table, visible=False)
        for trigger in (unlock.click, key.submit):
            trigger(tab.unlock, key, [group, unlocked], api_visibility="private")
    refresh.click(view.refreshed, None, view.outputs, api_visibility="private")
    return view


def write_controls(tab: LibraryTab, key: gr.Textbox, table: gr.HTML, visible: bool) -> tuple[gr.Column, gr.Dropdown]:
    limit = f"{tab.kb.settings.max_file_mb:g} MB"
    with gr.Column(visible=visible, elem_id="kb-write", elem_classes=["kb-write"]) as group:
        gr.HTML(f'<h2 class="kb-panel-title">Add documents</h2><p class="kb-hint">PDF, Markdown, HTML, DOCX or TXT, '
                f"up to {limit} each. They are indexed at once and listed above.</p>")
        upload = gr.UploadButton("Choose files to add…", file_count="multiple", file_types=sorted(SUPPORTED_EXTENSIONS),
                                 variant="primary", elem_id="kb-upload")
        results = gr.HTML("", elem_id="kb-upload-results")
        gr.HTML('<h2 class="kb-panel-title">Remove a document</h2>')
        doc = gr.Dropdown(document_choices(tab.kb), value=None, label="Document to remove", elem_id="kb-delete-doc")
        remove = gr.Button("Remove from the library", variant="secondary", elem_id="kb-remove")
        with gr.Column(visible=False, elem_id="kb-confirm", elem_classes=["kb-confirm"]) as confirm:
            question = gr.HTML("", elem_id="kb-confirm-text")
            with gr.Row():
                yes = gr.Button("Yes, remove it", variant="primary", elem_id="kb-remove-yes")
                cancel = gr.Button("Cancel", variant="secondary", elem_id="kb-remove-cancel")
        removed = gr.HTML("", elem_id="kb-remove-result")
    upload.upload(tab.upload, [upload, key], [results, table, doc], api_visibility="private")
    remove.click(tab.confirm, [doc], [confirm, question, removed], api_visibility="private")
    yes.click(tab.delete, [doc, key], [removed, table, doc, confirm], api_visibility="private")
    cancel.click(lambda: (gr.update(visible=False), note("Nothing was removed.")), None, [confirm, removed],
                 api_visibility="private")
    return group, doc
