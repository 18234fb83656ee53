"""`kb search` and `kb ask`: in process, or through the running service that holds the index."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from app.console import err
from app.running import find_running
from ingest.errors import IndexBusy, UsageError
from ingest.models import DocType
from ingest.settings import Settings
from service.client import Client, LocalClient
from service.models import Answer, Filters, Passage
from ui.frame import say


def open_client(settings: Settings) -> Client:
    """The running service when one holds the index and answers, else the index in process."""
    running = find_running(settings, warn=lambda line: err.print(escape(line), highlight=False))
    if running is not None:
        return running.remote(settings)
    from service.knowledge_base import KnowledgeBase

    try:
        return LocalClient(KnowledgeBase.open(settings, wait_for_index=False), owned=True)
    except IndexBusy as e:
        raise IndexBusy(f"{e.message}; start `kb serve` for it or stop the process holding it") from None


@contextmanager
def client_for(settings: Settings) -> Iterator[Client]:
    client = open_client(settings)
    try:
        yield client
    finally:
        client.close()


def run_search(settings: Settings, query: str, top_k: int, types: list[str], docs: list[str], as_json: bool,
               out: Console, languages: list[str] | None = None) -> int:
    with client_for(settings) as client:
        result = client.search(query, top_k, filters(types, docs, languages or []))
    if as_json:
        sys.stdout.write(result.model_dump_json() + "\n")
        return 0
    if result.note:
        out.print(escape(result.note))
    for rank, passage in enumerate(result.results, start=1):
        out.print(f"[bold]{rank}. {escape(passage.title)}[/] — {escape(where(passage))}  [dim]{passage.score:.3f}[/]")
        out.print(f"   {escape(passage.text[:400])}", highlight=False)
    return 0


def run_ask(settings: Settings, question: str, top_k: int, types: list[str], docs: list[str], as_json: bool,
            out: Console, languages: list[str] | None = None) -> int:
    with client_for(settings) as client:
        answer = client.ask(question, top_k, filters(types, docs, languages or []))
    if as_json:
        sys.stdout.write(answer.model_dump_json() + "\n")
        return 0
    print_answer(answer, out)
    return 0


def print_answer(answer: Answer, out: Console) -> None:
    """An answer for the terminal: its state, text, quotes, closest documents and contacts."""
    language = answer.language  # the frame's words in the question's language, as in the web UI
    out.print(f"[bold]{escape(say(answer.state, language))}[/]")
    out.print(escape(answer.answer), highlight=False)
    for ask in answer.uncovered:
        out.print(f"  {escape(heading('not_covered', language))} {escape(ask)}")
    if answer.notice:
        out.print(f"[yellow]{escape(answer.notice)}[/]")
    for c in answer.citations:
        out.print(f"\n[bold][{c.n}][/] {escape(c.passage.title)} — {escape(where(c.passage))}")
        out.print(f"    “{escape(c.quote)}”", highlight=False)
    if answer.suggestions:
        out.print(f"\n{escape(heading('closest', language))}")
    for s in answer.suggestions:
        out.print(f"  {escape(s.title)}" + (f" — {escape(s.section)}" if s.section else ""))
    if answer.contacts:
        out.print(f"\n{escape(heading('get_support', language))}")
    for contact in answer.contacts:
        out.print(f"  {escape(contact.name)}: {escape(contact.how)}")


COLON = {"fr": " :", "zh": "："}  # French sets a space before it; Chinese writes a full-width one


def heading(key: str, language: str) -> str:
    """A frame word (``ui.frame``) in ``language``, followed by that language's colon."""
    return say(key, language) + COLON.get(language, ":")


def where(p: Passage) -> str:
    parts = []
    if p.page_start:
        parts.append(f"p. {p.page_start}" + (f"–{p.page_end}" if p.page_end and p.page_end != p.page_start else ""))
    if p.section:
        parts.append(f"§ {p.section}")
    if p.paragraph:
        parts.append(f"para. {p.paragraph}")
    return ", ".join(parts) or "—"


def filters(types: list[str], docs: list[str], languages: list[str] | None = None) -> Filters:
    try:
        return Filters.model_validate({"doc_type": types, "doc_key": docs, "language": languages or []})
    except ValidationError as e:
        raise UsageError(f"bad filter: {e.errors()[0]['msg']} (types: {', '.join(t.value for t in DocType)}; "
                         "languages: ar, zh, en, fr, ru, es)") from None
