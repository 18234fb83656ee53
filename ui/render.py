"""Pure functions from answers and passages to HTML. Every piece of document or user text is escaped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from ingest.contacts import Contact
from service.models import ON_WHAT_YOU_ASKED, Answer, Citation, Passage, Suggestion
from service.reading import section_anchor
from ui.frame import say
from ui.highlight import highlight_quotes, highlight_terms, query_terms, snippet

MARKER = re.compile(r"\[(\d+)\]")


@dataclass
class Turn:
    """One question and its answer (None while the answer is being looked up; ``draft``: a language model's
    text as it writes it, not yet checked)."""

    question: str
    answer: Answer | None = None
    draft: str = ""


# --- small pieces ------------------------------------------------------------------------------
def pages_label(page_start: int | None, page_end: int | None, language: str = "en") -> str:
    if page_start is None:
        return ""
    if page_end is None or page_end == page_start:
        return say("page", language, page=page_start)
    return say("pages", language, start=page_start, end=page_end)


def file_url(doc_key: str, page: int | None = None) -> str:
    """The original document; PDFs open at the page (``#page=N``)."""
    url = f"/api/documents/{quote(doc_key, safe='')}/file"
    return f"{url}#page={page}" if page is not None else url


def view_url(doc_key: str, section: str | None = None) -> str:
    """The document to read (Markdown rendered), at the section's heading; other types open as the file."""
    anchor = section_anchor(section)
    url = f"/api/documents/{quote(doc_key, safe='')}/view"
    return f"{url}#{quote(anchor)}" if anchor else url


def open_link(doc_key: str, page: int | None, label: str = "Open the document", section: str | None = None,
              language: str = "en") -> str:
    """PDFs open at the page; other documents at the cited section. In another language than English the link
    speaks the answer's language (``label`` is English)."""
    url = file_url(doc_key, page) if page is not None else view_url(doc_key, section)
    if language == "en":
        text = f"{label} at page {page}" if page is not None else f"{label} at this section" if section else label
    else:
        text = say("open_page" if page is not None else "open_section" if section else "open", language, page=page)
    return (f'<a class="kb-open" href="{escape(url)}" target="_blank" rel="noopener">{escape(text)}'
            f"{new_tab(language)}</a>")


def new_tab(language: str = "en") -> str:
    return f'<span class="kb-sr-only">{escape(say("new_tab", language))}</span>'


def meta_line(passage: Passage, tag: str = "p", language: str = "en") -> str:
    """The passage's type, pages, section and paragraph, in ``language``'s words (the section as written)."""
    doc_type = say(f"type_{passage.doc_type.value}", language)
    parts = [f'<span class="kb-type">{escape(doc_type)}</span>']
    if passage.page_start is not None:
        parts.append(escape(pages_label(passage.page_start, passage.page_end, language)))
    if passage.section:
        parts.append(escape(say("section", language, section=passage.section)))
    if passage.paragraph:
        parts.append(escape(say("paragraph", language, paragraph=passage.paragraph)))
    return f'<{tag} class="kb-meta"{_lang(language)}>' + " · ".join(parts) + f"</{tag}>"


def _lang(language: str) -> str:
    """The ``lang`` and ``dir`` of words written in ``language``, when it is not English."""
    return "" if language == "en" else f' lang="{language}" dir="auto"'


def chip(turn: int, citation: Citation, card: int | None = None, language: str = "en") -> str:
    """A link to the source card (``card``: the number of the card showing this citation's passage)."""
    page = pages_label(citation.passage.page_start, citation.passage.page_end, language)
    label = f"{say('source', language)} {citation.n}: {citation.passage.title}" + (f", {page}" if page else "")
    target = card if card is not None else citation.n
    return (f'<a class="kb-chip" href="#src-{turn}-{target}" data-turn="{turn}" data-n="{citation.n}" '
            f'aria-label="{escape(label)}">{citation.n}</a>')


def by_passage(citations: list[Citation]) -> list[list[Citation]]:
    """Citations grouped by the passage they quote, in order of first citation (one source card each)."""
    groups: dict[str, list[Citation]] = {}
    for c in citations:
        groups.setdefault(c.passage.id, []).append(c)
    return list(groups.values())


def with_chips(text: str, turn: int, citations: list[Citation], language: str = "en") -> str:
    """Escaped answer text whose ``[n]`` markers become links to the sources panel."""
    by_n = {c.n: c for c in citations}
    card = {c.n: group[0].n for group in by_passage(citations) for c in group}
    out: list[str] = []
    for i, piece in enumerate(MARKER.split(text)):
        if i % 2 == 0:
            out.append(escape(piece))
        else:
            found = by_n.get(int(piece))
            out.append(chip(turn, found, card[found.n], language) if found else escape(f"[{piece}]"))
    return "".join(out)


RTL_LANGUAGES = frozenset({"ar"})


# --- answers -----------------------------------------------------------------------------------
def state_badge(answer: Answer) -> str:
    """The answer's state in words (not colour alone): answered, partly answered, not covered."""
    state = answer.state if not answer.abstained else "not_covered"
    return f'<p class="kb-state kb-state-{state}" data-state="{state}">{escape(say(state, answer.language))}</p>'


def answer_html(turn: int, answer: Answer, streaming: bool = False) -> str:
    if answer.abstained:
        return state_badge(answer) + abstention_html(answer)
    if answer.disclosure or (answer.supporter and answer.preface):  # a helper's own question: answered as any is
        return disclosure_html(turn, answer)
    body = state_badge(answer) + f'<p class="kb-answer-text">{with_chips(answer.answer, turn, answer.citations, answer.language)}</p>'
    if answer.uncovered:
        asks = "".join(f"<li>{escape(ask)}</li>" for ask in answer.uncovered)
        body += (f'<div class="kb-uncovered"><p class="kb-subhead">{escape(say("not_covered", answer.language))}</p>'
                 f'<ul>{asks}</ul></div>')
    if answer.notice:
        body += f'<p class="kb-notice">{escape(answer.notice)}</p>'
    if answer.supporter:
        body += contacts_html(answer.contacts, answer.language)
    if not streaming:
        body += f'<p class="kb-hint">{escape(how_made(answer))}</p>'
    return body


def how_made(answer: Answer) -> str:
    count = len(answer.citations)
    what = "a language model, checked against the quoted passages" if answer.mode == "llm" else \
        "sentences quoted from the documents"
    return f"Built from {what}. {count} source{'s' if count != 1 else ''}: select a number to see its passage."


def abstention_html(answer: Answer) -> str:
    language = answer.language
    items = "".join(suggestion_item(s, language) for s in answer.suggestions)
    closest = (f'<p class="kb-subhead">{escape(say("closest", language))}</p><ul class="kb-suggestions">{items}</ul>'
               if items else "")
    notice = f'<p class="kb-notice">{escape(answer.notice)}</p>' if answer.notice else ""
    contacts = contacts_html(answer.contacts, language)
    return f'<div class="kb-abstain"><p>{escape(answer.answer)}</p>{notice}{closest}{contacts}</div>'


def suggestion_item(s: Suggestion, language: str = "en") -> str:
    where = f' · <span dir="auto">{escape(say("section", language, section=s.section))}</span>' if s.section else ""
    return (f'<li><span class="kb-doc-title" dir="auto">{escape(s.title)}</span> '
            f'<span class="kb-meta-inline">({escape(s.doc_type.value)}{where})</span> '
            f"{open_link(s.doc_key, s.page_start, section=s.section, language=language)}</li>")


def disclosure_html(turn: int, answer: Answer) -> str:
    preface = answer.preface or ""
    rest = answer.answer[len(preface):].strip() if preface and answer.answer.startswith(preface) else answer.answer
    own = answer.own_answer or ""  # what an account also asked, shown apart
    care = rest.removesuffix(own).strip().removesuffix(ON_WHAT_YOU_ASKED).strip() if own else rest.strip()
    body = f'<p class="kb-answer-text">{with_chips(care, turn, answer.citations, answer.language)}</p>' if care else ""
    if own:
        body += (f'<p class="kb-subhead">{escape(ON_WHAT_YOU_ASKED.rstrip(":"))}</p>'
                 f'<p class="kb-answer-text">{with_chips(own, turn, answer.citations, answer.language)}</p>')
    language = answer.language
    label = say("helping" if answer.supporter else "support", language)
    notice = f'<p class="kb-notice">{escape(answer.notice)}</p>' if answer.notice else ""  # a helper's ask not covered
    return (f'<div class="kb-disclosure{" kb-supporter" if answer.supporter else ""}" role="note" '
            f'aria-label="{escape(label)}">'
            f'<p class="kb-preface">{escape(preface)}</p>{notice}{body}{contacts_html(answer.contacts, language)}'
            f'<p class="kb-hint">{escape(say("not_stored", language))}</p>'
            "</div>")


def contacts_html(contacts: list[Contact], language: str = "en") -> str:
    if not contacts:
        return ""
    items = "".join(contact_item(c, language) for c in contacts)
    return f'<p class="kb-subhead">{escape(say("get_support", language))}</p><ul class="kb-contacts">{items}</ul>'


def contact_item(contact: Contact, language: str = "en") -> str:
    """A contact as the organization wrote it (``dir="auto"``: its own direction), the placeholder note in the
    answer's language."""
    note = f" — {escape(contact.note)}" if contact.note else ""
    how = f'<em>{escape(say("placeholder", language))}</em>' if contact.placeholder else escape(contact.how)
    return f'<li dir="auto"><strong>{escape(contact.name)}</strong>{note}<br>{how}</li>'


# --- conversation ------------------------------------------------------------------------------
EMPTY_CHAT = ('<p class="kb-empty">Ask a question about the guidance in the library, or start from an example '
              "below. Answers quote the documents; each number leads to the passage it comes from.</p>")


def conversation_html(turns: list[Turn], streaming: bool = False) -> str:
    if not turns:
        return f'<div class="kb-conversation">{EMPTY_CHAT}</div>'
    last = len(turns)
    items = "".join(turn_html(i, t, streaming and i == last) for i, t in enumerate(turns, start=1))
    return f'<div class="kb-conversation">{items}</div>'


def turn_html(n: int, turn: Turn, streaming: bool) -> str:
    if turn.answer is None and turn.draft:
        answer = ('<p class="kb-pending">Draft, not yet checked against the passages:</p>'
                  f'<p class="kb-draft">{escape(turn.draft)}</p>')
    elif turn.answer is None:
        answer = '<p class="kb-pending">Looking through the documents…</p>'
    else:
        answer = answer_html(n, turn.answer, streaming)
    language = turn.answer.language if turn.answer is not None else "en"
    return (f'<article class="kb-turn" id="turn-{n}" aria-label="Question {n} and its answer">'
            f'<p class="kb-question"><span class="kb-sr-only">You asked: </span>'
            f'<span class="kb-question-text" dir="auto">{escape(turn.question)}</span></p>'
            f'<div class="kb-answer" id="answer-{n}" tabindex="-1" lang="{language}" '
            f'dir="{"rtl" if language in RTL_LANGUAGES else "ltr"}">{answer}</div></article>')


# --- sources panel -----------------------------------------------------------------------------
NO_SOURCES = '<p class="kb-empty">The passages an answer quotes appear here, with the quoted words highlighted.</p>'


def sources_html(turns: list[Turn]) -> str:
    """The latest answer's sources open; older answers' sources folded away (still reachable by their chips)."""
    groups = [(n, t) for n, t in enumerate(turns, start=1) if t.answer and t.answer.citations]
    if not groups:
        return f'<div class="kb-sources">{NO_SOURCES}</div>'
    latest, *older = reversed(groups)
    html = source_group(*latest, folded=False) + "".join(source_group(n, t, folded=True) for n, t in older)
    return f'<div class="kb-sources">{html}</div>'


def source_group(n: int, turn: Turn, folded: bool) -> str:
    assert turn.answer is not None
    language = turn.answer.language
    cards = "".join(source_card(n, group, language) for group in by_passage(turn.answer.citations))
    title = escape(say("sources_of", language, n=n))
    if folded:
        return f'<details class="kb-source-group"><summary{_lang(language)}>{title}</summary>{cards}</details>'
    return (f'<section class="kb-source-group" aria-label="{title}"><p class="kb-subhead"{_lang(language)}>{title}</p>'
            f"{cards}</section>")


def source_card(turn: int, group: list[Citation], language: str = "en") -> str:
    """One passage, once, with every number that cites it and every quoted sentence marked; its frame in the
    answer's ``language``."""
    p, first = group[0].passage, group[0].n
    numbers = ", ".join(str(c.n) for c in group)
    sources = say("source" if len(group) == 1 else "sources", language)
    back = escape(say("back", language))
    return (f'<article class="kb-source" id="src-{turn}-{first}" tabindex="-1" '
            f'aria-labelledby="src-{turn}-{first}-title">'
            f'<p class="kb-source-head"><span class="kb-source-n" aria-hidden="true">{numbers}</span>'
            f'<span class="kb-doc-title" id="src-{turn}-{first}-title">'
            f'<span class="kb-sr-only"{_lang(language)}>{sources} {numbers}: </span>{escape(p.title)}</span></p>'
            f"{meta_line(p, language=language)}"
            f'<blockquote class="kb-passage">{highlight_quotes(p.text, [c.quote for c in group])}</blockquote>'
            f'<p class="kb-links">{open_link(p.doc_key, p.page_start, section=p.section, language=language)} '
            f'<a class="kb-back" href="#answer-{turn}" data-jump="answer-{turn}"{_lang(language)}>{back}</a></p>'
            "</article>")


# --- search ------------------------------------------------------------------------------------
def search_results_html(query: str, passages: list[Passage], language: str = "en") -> str:
    """Ranked passages; the words around them in ``language`` (the query's), the passages as written."""
    if not query.strip():
        return '<p class="kb-empty">Type words to look for; results list the passages that match best.</p>'
    if not passages:
        return f'<p class="kb-empty" role="status"{_lang(language)}>{escape(say("no_match", language, query=query))}</p>'
    terms = query_terms(query)
    items = "".join(search_result(i, p, terms, language) for i, p in enumerate(passages, start=1))
    count = say("found" if len(passages) != 1 else "found_one", language, n=len(passages), query=query)
    return f'<p class="kb-count" role="status"{_lang(language)}>{escape(count)}</p><ol class="kb-results">{items}</ol>'


def search_result(rank: int, passage: Passage, terms: list[str], language: str = "en") -> str:
    short, cut = snippet(passage.text, terms)
    full = (f'<details class="kb-full"><summary>{escape(say("show_full", language))}</summary>'
            f'<div class="kb-passage">{highlight_terms(passage.text, terms)}</div></details>') if cut else ""
    link = open_link(passage.doc_key, passage.page_start, "Open the source", passage.section, language)
    return (f'<li class="kb-result"><div class="kb-doc-title"><span class="kb-sr-only">'
            f'{escape(say("result", language, rank=rank))}</span>'
            f"{escape(passage.title)}</div>{meta_line(passage, 'div', language)}"
            f'<div class="kb-snippet">{short}</div>{full}'
            f'<div class="kb-links">{link}</div></li>')
