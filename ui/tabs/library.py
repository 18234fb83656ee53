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
from service.api.documents import safe_name
from service.knowledge_base import KnowledgeBase
from ui.access import writes_allowed
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

    def allowed(self, key: str | None) -> bool:
        return writes_allowed(self.kb.settings, key)

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
            items.append(self.add_one(Path(path)))
        progress(1.0, desc="Done")
        return outcomes_html(items), self.table(), gr.update(choices=document_choices(self.kb), value=None)

    def add_one(self, path: Path) -> str:
        name = path.name
        try:
            name = safe_name(name)
            limit = self.kb.settings.max_file_mb
            if path.stat().st_size > limit * 1024 * 1024:
                return outcome_item(name, None, f"larger than the {limit:g} MB limit")
            outcome = self.kb.add_upload(name, path.read_bytes())
        except KBError as err:
            return outcome_item(name, None, err.message)
        log.info("upload from the UI: %s -> %s", name, outcome.status)
        return outcome_item(name, outcome)

    def delete(self, doc_key: str | None, key: str) -> tuple[str, str, Any]:
        if not self.allowed(key):
            return note("Not allowed: the admin key is missing or wrong."), self.table(), gr.skip()
        if not doc_key:
            return note("Choose a document to remove first."), self.table(), gr.skip()
        try:
            record = self.kb.delete(doc_key)
            message = f"Removed “{record.title}” from the library."
        except KBError as err:
            message = f"Not removed: {err.message}"
        return note(message), self.table(), gr.update(choices=document_choices(self.kb), value=None)


def note(text: str) -> str:
    return f'<p class="kb-status" role="status">{escape(text)}</p>'


def build_library_tab(kb: KnowledgeBase) -> gr.HTML:
    """Builds the tab; returns the documents table so the caller can refresh it."""
    tab = LibraryTab(kb)
    table = gr.HTML(tab.table(), elem_id="kb-library")
    refresh = gr.Button("Refresh the list", size="sm", variant="secondary", elem_id="kb-refresh", scale=0)
    refresh.click(tab.table, None, table, api_visibility="private")
    if kb.settings.disable_writes:
        gr.Markdown(READ_ONLY, elem_classes=["kb-note"])
        return table
    if not kb.settings.api_key:
        write_controls(tab, gr.Textbox("", visible=False), table, visible=True)
        return table
    gr.Markdown(KEY_NEEDED, elem_classes=["kb-note"])
    with gr.Row():
        key = gr.Textbox(label="Admin key", type="password", elem_id="kb-admin-key", scale=3)
        unlock = gr.Button("Unlock", variant="secondary", elem_id="kb-unlock", scale=1)
    unlocked = gr.HTML("", elem_id="kb-unlock-status")
    group = write_controls(tab, key, table, visible=False)
    for trigger in (unlock.click, key.submit):
        trigger(tab.unlock, key, [group, unlocked], api_visibility="private")
    return table


def write_controls(tab: LibraryTab, key: gr.Textbox, table: gr.HTML, visible: bool) -> gr.Column:
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
        removed = gr.HTML("", elem_id="kb-remove-result")
    upload.upload(tab.upload, [upload, key], [results, table, doc], api_visibility="private")
    remove.click(tab.delete, [doc, key], [removed, table, doc], api_visibility="private")
    return group
