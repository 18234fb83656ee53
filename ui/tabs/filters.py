"""Filter controls shared by the Ask and Search tabs: document types and documents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from ingest.models import DocType
from service.knowledge_base import KnowledgeBase
from service.models import Filters
from ui.labels import label


@dataclass
class FilterControls:
    doc_types: gr.CheckboxGroup
    documents: gr.Dropdown

    @property
    def inputs(self) -> list[Any]:
        return [self.doc_types, self.documents]


def document_choices(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(title, doc_key) pairs for a document picker, by title."""
    return sorted(((r.title, r.doc_key) for r in kb.documents()), key=lambda pair: pair[0].lower())


def filter_controls(kb: KnowledgeBase, prefix: str) -> FilterControls:
    with gr.Accordion("Filters", open=False):
        types = gr.CheckboxGroup([(t.value.capitalize(), t.value) for t in DocType], label=label("doc_types"),
                                 info="Leave empty to include every type.", elem_id=f"{prefix}-types")
        docs = gr.Dropdown(document_choices(kb), multiselect=True, label=label("documents"), value=[],
                           info="Leave empty to include every document.", elem_id=f"{prefix}-docs")
    return FilterControls(types, docs)


def to_filters(doc_types: list[str] | None, doc_keys: list[str] | None) -> Filters | None:
    if not doc_types and not doc_keys:
        return None
    return Filters(doc_type=[DocType(t) for t in doc_types or []], doc_key=list(doc_keys or []))


def refreshed_documents(kb: KnowledgeBase) -> Any:
    """An update of a document picker after the library changed."""
    return gr.update(choices=document_choices(kb))
