"""`kb search` and `kb ask`: in process, or through the running service that holds the index."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.markup import escape

from ingest.errors import IndexBusy
from ingest.settings import Settings
from service.models import NO_MATCH, STATE_LABELS, Answer, Filters, Passage
from service.running import find_running


def call(settings: Settings, endpoint: str, body: dict[str, Any]) -> dict[str, Any]:
    """POST to the running service when one holds the index, else answer in process."""
    running = find_running(settings)
    if running is not None:
        with running.client(settings) as client:
            response = client.post(endpoint, json=body)
            response.raise_for_status()
            result: dict[str, Any] = response.json()
            return result
    return in_process(settings, endpoint, body)


def in_process(settings: Settings, endpoint: str, body: dict[str, Any]) -> dict[str, Any]:
    from service.knowledge_base import KnowledgeBase

    try:
        kb = KnowledgeBase.open(settings)
    except IndexBusy as e:
        raise IndexBusy(f"{e.message}; start `kb serve` for it or stop the process holding it") from None
    try:
        filters = Filters.model_validate(body["filters"])
        if endpoint == "/api/search":
            passages, matched = kb.search_matching(body["query"], body["top_k"], filters)
            if not matched:
                return {"results": [], "matched": False, "note": NO_MATCH}
            return {"results": [p.model_dump(mode="json") for p in passages], "matched": True, "note": None}
        return kb.ask(body["question"], body["top_k"], filters).model_dump(mode="json")
    finally:
        kb.close()


def run_search(settings: Settings, query: str, top_k: int, types: list[str], docs: list[str], as_json: bool,
               out: Console) -> int:
    body = {"query": query, "top_k": top_k, "filters": {"doc_type": types, "doc_key": docs}}
    result = call(settings, "/api/search", body)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return 0
    if result.get("note"):
        out.print(escape(result["note"]))
    for rank, raw in enumerate(result["results"], start=1):
        passage = Passage.model_validate(raw)
        out.print(f"[bold]{rank}. {escape(passage.title)}[/] — {escape(where(passage))}  [dim]{passage.score:.3f}[/]")
        out.print(f"   {escape(passage.text[:400])}", highlight=False)
    return 0


def run_ask(settings: Settings, question: str, top_k: int, types: list[str], docs: list[str], as_json: bool,
            out: Console) -> int:
    body = {"question": question, "top_k": top_k, "filters": {"doc_type": types, "doc_key": docs}}
    answer = Answer.model_validate(call(settings, "/api/ask", body))
    if as_json:
        sys.stdout.write(answer.model_dump_json() + "\n")
        return 0
    out.print(f"[bold]{STATE_LABELS[answer.state]}[/]")
    out.print(escape(answer.answer), highlight=False)
    for ask in answer.uncovered:
        out.print(f"  not covered: {escape(ask)}")
    if answer.notice:
        out.print(f"[yellow]{escape(answer.notice)}[/]")
    for c in answer.citations:
        out.print(f"\n[bold][{c.n}][/] {escape(c.passage.title)} — {escape(where(c.passage))}")
        out.print(f"    “{escape(c.quote)}”", highlight=False)
    for s in answer.suggestions:
        out.print(f"  closest: {escape(s.title)}" + (f" — {escape(s.section)}" if s.section else ""))
    for contact in answer.contacts:
        out.print(f"  contact: {escape(contact.name)}: {escape(contact.how)}")
    return 0


def where(p: Passage) -> str:
    parts = []
    if p.page_start:
        parts.append(f"p. {p.page_start}" + (f"–{p.page_end}" if p.page_end and p.page_end != p.page_start else ""))
    if p.section:
        parts.append(f"§ {p.section}")
    if p.paragraph:
        parts.append(f"para. {p.paragraph}")
    return ", ".join(parts) or "—"
