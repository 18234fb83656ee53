"""Fast unit tests of the UI's pure HTML renderers, the feedback store and the library's write rule."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ingest.contacts import Contact
from ingest.manifest import Failure
from ingest.models import DocType, DocumentRecord
from ingest.pipeline import FileOutcome
from ingest.settings import Settings
from service.feedback import FeedbackStore
from service.library import writes_allowed
from service.models import ON_WHAT_YOU_ASKED, Answer, Citation, Passage, Suggestion
from ui.highlight import highlight_quote, query_terms, snippet
from ui.library_html import documents_table_html, outcome_item, when
from ui.render import (
    Turn,
    answer_html,
    conversation_html,
    file_url,
    pages_label,
    search_results_html,
    sources_html,
    with_chips,
)

TEXT = "Leaders set the tone. He noted that leadership means setting an example for others. <b>Bold</b> claims."


def passage(text: str = TEXT, **extra: object) -> Passage:
    base: dict[str, object] = {"id": "p1", "doc_key": "policy-2019", "title": "Model policy <draft>",
                               "doc_type": DocType.policy, "text": text, "score": 0.8}
    return Passage(**(base | extra))


def cited_answer(**extra: object) -> Answer:
    quote = "He noted that leadership means setting an example for others."
    cite = Citation(n=1, quote=quote, passage=passage(page_start=3, page_end=4, section="Duties", paragraph="12"))
    return Answer(answer=f"{quote} [1] Unknown marker [7].", citations=[cite], **extra)


# --- highlighting ------------------------------------------------------------------------------
def test_quote_is_marked_and_document_text_escaped() -> None:
    html = highlight_quote(TEXT, "He noted that leadership means setting an example for others.")
    assert "<mark>He noted that leadership means setting an example for others.</mark>" in html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html and "<b>" not in html


def test_quote_found_despite_whitespace_and_case() -> None:
    html = highlight_quote("A line\nbreak   inside the Quote here.", "line break inside the quote")
    assert html == "A <mark>line\nbreak   inside the Quote</mark> here."


def test_missing_quote_leaves_text_unmarked() -> None:
    assert "<mark>" not in highlight_quote(TEXT, "not in the passage at all")


def test_query_terms_drop_stopwords_and_snippet_marks_word_prefixes() -> None:
    assert query_terms("What is the role of Leaders in ACCOUNTABILITY?") == ["role", "leaders", "accountability"]
    long_text = "Filler words here. " * 30 + "Leadership and accountability matter. " + "More filler. " * 30
    short, cut = snippet(long_text, ["leader", "accountability"])
    assert cut and short.startswith("… ") and short.endswith(" …")
    assert "<mark>Leadership</mark>" in short and "<mark>accountability</mark>" in short


# --- answers -----------------------------------------------------------------------------------
def test_markers_become_chips_linked_to_the_sources_panel() -> None:
    answer = cited_answer()
    html = with_chips(answer.answer, 2, answer.citations)
    assert 'class="kb-chip" href="#src-2-1"' in html
    assert 'aria-label="Source 1: Model policy &lt;draft&gt;, pp. 3–4"' in html
    assert "[7]" in html  # a marker without a citation stays text


def test_sources_panel_shows_document_page_section_paragraph_and_link() -> None:
    html = sources_html([Turn("q", cited_answer())])
    assert 'id="src-1-1"' in html and "Model policy &lt;draft&gt;" in html
    assert "pp. 3–4" in html and "Section: Duties" in html and "Paragraph 12" in html and ">policy<" in html
    assert "<mark>He noted that leadership means setting an example for others.</mark>" in html
    assert 'href="/api/documents/policy-2019/file#page=3"' in html


def test_older_answers_sources_are_folded_latest_open() -> None:
    html = sources_html([Turn("first", cited_answer()), Turn("second", cited_answer())])
    assert html.index('id="src-2-1"') < html.index("<details") < html.index('id="src-1-1"')


def test_abstention_is_plain_with_closest_documents() -> None:
    close = Suggestion(doc_key="guide", title="Bystander guide", doc_type=DocType.guidance, section="Acting",
                       page_start=5, score=0.3)
    answer = Answer(answer="The documents do not cover this.", abstained=True, suggestions=[close])
    html = answer_html(1, answer)
    assert 'class="kb-abstain"' in html and "Closest documents" in html and "Bystander guide" in html
    assert "/api/documents/guide/file#page=5" in html and "kb-chip" not in html and "kb-notice" not in html
    missing = answer.model_copy(update={"notice": "“Model Policy” is not in this library, so nothing here quotes it."})
    assert '<p class="kb-notice">“Model Policy” is not in this library' in answer_html(1, missing)


def test_disclosure_answer_is_set_apart_with_preface_and_contacts() -> None:
    preface = "Thank you for sharing this."
    base = cited_answer()
    answer = Answer(answer=f"{preface} {base.answer}", citations=base.citations, disclosure=True, preface=preface,
                    contacts=[Contact(name="Ethics office", how="ethics@example.org"),
                              Contact(name="Ombudsperson", how="edit me", placeholder=True)])
    html = answer_html(1, answer)
    assert 'class="kb-disclosure"' in html and f'<p class="kb-preface">{preface}</p>' in html
    assert html.count(preface) == 1 and "kb-chip" in html
    assert "ethics@example.org" in html and "edit me" not in html and "Not filled in yet" in html


def test_an_account_that_asked_something_shows_the_answer_to_it_apart_after_the_support_passages() -> None:
    preface = "Thank you for sharing this."
    support = Citation(n=1, quote="Anyone may report it.", passage=passage())
    own = Citation(n=2, quote="Messages after hours are covered.", passage=passage(page_start=6))
    answer = Answer(answer=f"{preface} Anyone may report it. [1] {ON_WHAT_YOU_ASKED} Messages after hours are covered. "
                    "[2]", own_answer="Messages after hours are covered. [2]", citations=[support, own], disclosure=True,
                    preface=preface)
    html = answer_html(1, answer)
    care, _, asked = html.partition(f'<p class="kb-subhead">{ON_WHAT_YOU_ASKED.rstrip(":")}</p>')
    assert asked and "Anyone may report it." in care and "Messages after hours" in asked
    assert care.count("kb-chip") >= 1 and asked.count("kb-chip") >= 1 and ON_WHAT_YOU_ASKED not in html
    # the split comes from the field, not from the words: a care answer that happens to hold them stays whole
    quoting = Answer(answer=f"{preface} Say {ON_WHAT_YOU_ASKED} the policy. [1]", citations=[support], disclosure=True,
                     preface=preface)
    assert "kb-subhead" not in answer_html(1, quoting)


def test_a_helpers_own_question_shows_its_state_and_the_contacts_and_a_helpers_uncovered_one_says_so() -> None:
    contacts = [Contact(name="Ethics office", how="ethics@example.org")]
    answered = cited_answer().model_copy(update={"supporter": True, "contacts": contacts})
    html = answer_html(1, answered)
    assert 'data-state="answered"' in html and "kb-disclosure" not in html and "ethics@example.org" in html
    preface = "Thank you for supporting your colleague."
    guidance = Answer(answer=f"{preface} {answered.answer}", citations=answered.citations, supporter=True,
                      preface=preface, contacts=contacts, state="partial", notice="The documents do not answer this.")
    html = answer_html(2, guidance)
    assert "kb-supporter" in html and '<p class="kb-notice">The documents do not answer this.</p>' in html

def test_an_answer_in_another_language_is_framed_in_it() -> None:
    """The state, "Closest documents", the link, the contacts heading and the placeholder note follow the answer's
    language (its block carries ``lang``); titles and contacts stay as written."""
    close = Suggestion(doc_key="guide", title="Bystander guide", doc_type=DocType.guidance, section="Acting",
                       page_start=None, score=0.3)
    contacts = [Contact(name="Ethics office", how="ethics@example.org"), Contact(name="Ombudsperson", how="x",
                                                                                 placeholder=True)]
    arabic = Answer(answer="لا تتوفر", abstained=True, suggestions=[close], contacts=contacts, language="ar")
    html = answer_html(1, arabic)
    for words in ("لا تتناوله الوثائق", "أقرب الوثائق", "القسم: Acting", "افتح الوثيقة عند هذا القسم",
                  "أين يمكنك الحصول على الدعم", "لم تُستكمل بعد", "Bystander guide", "Ethics office"):
        assert words in html
    assert "Closest documents" not in html and "Where you can get support" not in html
    french = Answer(answer="Merci. Quote [1].", citations=cited_answer().citations, disclosure=True, preface="Merci.",
                    contacts=contacts[:1], language="fr")
    html = answer_html(1, french)
    assert "Où trouver du soutien" in html and "Rien de ce que vous écrivez ici" in html
    assert 'aria-label="Informations sur le soutien"' in html


def test_search_results_are_framed_in_the_querys_language() -> None:
    passage = cited_answer().citations[0].passage
    french = search_results_html("harcèlement", [passage, passage], "fr")
    assert "Passages trouvés pour « harcèlement » : 2" in french and 'lang="fr"' in french
    assert "Résultat 1 : " in french and "Ouvrir le document" in french and "best first" not in french
    english = search_results_html("harassment", [passage])
    assert "1 passage for “harassment”, best first." in english and "Open the source" in english


def test_the_sources_panel_and_meta_lines_speak_the_answers_language() -> None:
    """An Arabic care answer's sources: the panel's words, the type, pages and paragraph in Arabic; the document's
    title, section and quote as written. English is drawn as before."""
    arabic = sources_html([Turn("سؤال", cited_answer(language="ar"))])
    assert "مصادر الإجابة 1" in arabic and "العودة إلى الإجابة" in arabic and "المصدر 1: " in arabic
    assert "سياسة" in arabic and "ص 3–4" in arabic and "الفقرة 12" in arabic and "القسم: Duties" in arabic
    assert 'lang="ar" dir="auto"' in arabic and "Back to the answer" not in arabic and "pp." not in arabic
    assert 'aria-label="المصدر 1: Model policy &lt;draft&gt;, ص 3–4"' in answer_html(1, cited_answer(language="ar"))
    english = sources_html([Turn("q", cited_answer())])
    assert "Sources of answer 1" in english and "Back to the answer" in english and "pp. 3–4" in english
    assert "Paragraph 12" in english and "Section: Duties" in english and 'lang="' not in english
    french = search_results_html("harcèlement", [passage(page_start=2)], "fr")
    assert "politique" in french and "p. 2" in french
    assert "Aucun passage ne correspond à « rien »." in search_results_html("rien", [], "fr")


def test_conversation_escapes_the_question_and_shows_pending() -> None:
    html = conversation_html([Turn("<script>alert(1)</script>")])
    assert "<script>" not in html and "&lt;script&gt;" in html and "Looking through the documents" in html


# --- search and library ------------------------------------------------------------------------
def test_search_results_highlight_terms_and_offer_full_passage() -> None:
    long = "Opening words. " * 40 + "Leadership sets the tone. " + "Closing words. " * 40
    html = search_results_html("leadership tone", [passage(long, page_start=2)])
    assert "1 passage for" in html and "<mark>Leadership</mark>" in html and "<mark>tone</mark>" in html
    assert "<details" in html and "Show the full passage" in html and "file#page=2" in html


def test_pages_and_urls() -> None:
    assert pages_label(None, None) == "" and pages_label(4, 4) == "p. 4" and pages_label(4, 6) == "pp. 4–6"
    assert file_url("a b/c", 2) == "/api/documents/a%20b%2Fc/file#page=2" and file_url("k").endswith("/file")


def test_library_table_lists_documents_and_failures() -> None:
    record = DocumentRecord(doc_key="d", doc_hash="h", path="/x/d.pdf", title="Doc & co", doc_type=DocType.guidance,
                            publisher="UN Women", date="2021", pages=12, chunk_ids=["a", "b"],
                            ingested_at="2026-01-02T03:04:05+00:00")
    failure = Failure(path="/x/broken.pdf", error="encrypted file", at="2026-01-02T03:04:05+00:00")
    html = documents_table_html([record], [failure])
    assert "Doc &amp; co" in html and "UN Women" in html and "<td>12</td>" in html and "<td>2</td>" in html
    assert "2026-01-02 03:04 UTC" in html and "broken.pdf" in html and "failed: encrypted file" in html
    assert when("not a date") == "not a date"


def test_upload_outcomes_say_what_happened() -> None:
    assert "added, 3 passages" in outcome_item("a.pdf", FileOutcome(path="a.pdf", status="added", chunks=3))
    assert "failed — too big" in outcome_item("b.pdf", None, "too big")


# --- feedback store ----------------------------------------------------------------------------
def test_feedback_keeps_the_question_only_when_given(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    store.add("up", answer_excerpt="x" * 1000)
    store.add(None, wrong_citation=True, question="  my question  ")
    newest, oldest = store.entries()
    assert oldest.rating == "up" and oldest.question is None and len(oldest.answer_excerpt or "") == 300
    assert newest.wrong_citation and newest.rating is None and newest.question == "my question"


def test_feedback_older_than_retention_is_purged_on_open(tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    FeedbackStore(path).add("down")
    old = (datetime.now(UTC) - timedelta(days=40)).isoformat(timespec="seconds")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE feedback SET created_at = ?", (old,))
    assert FeedbackStore(path, retention_days=30).entries() == []


@pytest.mark.parametrize(("api_key", "disable", "given", "allowed"), [
    (None, False, "", True),
    ("s3cret", False, "", False),
    ("s3cret", False, "wrong", False),
    ("s3cret", False, "s3cret", True),
    (None, True, "", False),
])
def test_library_writes_follow_the_api_rule(tmp_path: Path, api_key: str | None, disable: bool, given: str,
                                            allowed: bool) -> None:
    settings = Settings(index_dir=tmp_path, api_key=api_key, disable_writes=disable)
    assert writes_allowed(settings, given) is allowed


def test_gradio_queue_polls_at_the_calm_interval_not_every_millisecond() -> None:
    import gradio as gr

    from ui.app import QUEUE_POLL_S, calm_queue

    with gr.Blocks() as blocks:
        gr.Markdown("x")
    assert blocks._queue.sleep_when_free < QUEUE_POLL_S  # Gradio's own idle poll (1 ms on Linux)
    calm_queue(blocks)
    assert blocks._queue.sleep_when_free == QUEUE_POLL_S
    assert blocks._queue.progress_update_sleep_when_free == QUEUE_POLL_S


# --- one card per passage, documents opened at their section ---------------------------------------
def test_a_passage_quoted_twice_is_one_source_card_with_both_numbers_and_both_quotes_marked() -> None:
    first, second = "Leaders set the tone.", "He noted that leadership means setting an example for others."
    shared = passage(section="Duties")
    other = passage("Another passage entirely.", id="p2")
    cites = [Citation(n=1, quote=first, passage=shared), Citation(n=2, quote=second, passage=shared),
             Citation(n=3, quote="Another passage entirely.", passage=other)]
    answer = Answer(answer=f"{first} [1] {second} [2] Another passage entirely. [3]", citations=cites)
    html = sources_html([Turn("q", answer)])
    assert html.count('class="kb-source"') == 2
    assert f"<mark>{first}</mark>" in html and f"<mark>{second}</mark>" in html
    assert '<span class="kb-source-n" aria-hidden="true">1, 2</span>' in html and 'id="src-1-2"' not in html
    chips = with_chips(answer.answer, 1, cites)
    assert chips.count('href="#src-1-1"') == 2 and 'href="#src-1-3"' in chips


def test_documents_without_pages_open_rendered_at_the_cited_section() -> None:
    from service.reading import markdown_page, section_anchor

    html = sources_html([Turn("q", cited_answer().model_copy(update={"citations": [
        Citation(n=1, quote=TEXT[:21], passage=passage(section="2. Prevention > 2.1 Training & awareness"))]}))])
    assert 'href="/api/documents/policy-2019/view#21-training--awareness"' in html and "at this section" in html
    page = markdown_page("Policy", "# Policy\n\n## 2. Prevention\n\n### 2.1 Training & awareness\n\n<script>x</script>\n")
    assert f'id="{section_anchor("2. Prevention > 2.1 Training & awareness")}"' in page
    assert "<script>x" not in page and "&lt;script&gt;" in page


def test_a_question_over_the_limit_is_kept_and_explained_never_cut(tmp_path: Path) -> None:
    from ui.tabs.ask import AskTab

    settings = Settings(index_dir=tmp_path, max_question_chars=2000)
    tab = AskTab(type("KB", (), {"settings": settings})())  # type: ignore[arg-type]
    long = "Is there a time limit? " * 220
    box, turns, _, line = tab.add_question(long, [])
    assert box == long.strip() and turns == []
    assert "please shorten it to 2,000" in line and f"{len(long.strip()):,} characters" in line
