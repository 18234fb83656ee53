"""The UI in a real browser: Debian chromium driven by Playwright against a live server on a real index.

Screenshots land in artifacts/screenshots/; axe-core (tests/assets/axe.min.js, installed by .ci/run)
must find no serious or critical accessibility violation on any tab.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPUS, ROOT, LiveServer, make_settings

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "tests" / "assets" / "axe.min.js"
SHOTS = ROOT / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
QUESTION = "What did the keynote speaker say about leadership?"
PDF_WORD = "Quillbrook"  # a made-up word that only the generated PDF holds
TIMEOUT_MS = 60_000
WATCH_DRAFT = """() => {
  window.kbDrafts = [];
  const seen = () => {
    const draft = document.querySelector('#kb-conversation .kb-draft');
    if (draft) window.kbDrafts.push(draft.innerText.length);
  };
  new MutationObserver(seen).observe(document.querySelector('#kb-conversation'), {subtree: true, childList: true,
                                                                                characterData: true});
}"""


# --- fixtures ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    if not AXE.exists():
        pytest.skip("axe-core is not installed at tests/assets/axe.min.js (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def open_ui_kb(tmp: Path, embedder: Any, corpus: bool, **settings: Any) -> Any:
    from service.knowledge_base import KnowledgeBase

    kb = KnowledgeBase.open(make_settings(tmp, ui=True, **settings), embedder)
    if corpus:
        assert [o.status for o in kb.ingest([CORPUS])] == ["added"]
    return kb


@pytest.fixture(scope="module")
def ui_kb(tmp_path_factory: pytest.TempPathFactory, embedder: Any) -> Iterator[Any]:
    """Its own index (the upload test writes to it), with the UI on."""
    kb = open_ui_kb(tmp_path_factory.mktemp("ui-kb"), embedder, corpus=True)
    yield kb
    kb.close()


@pytest.fixture(scope="module")
def server(ui_kb: Any) -> Iterator[LiveServer]:
    from app.web import create_app

    with LiveServer(create_app(ui_kb.settings, ui_kb)) as live:
        yield live


@pytest.fixture
def page(browser: Any, server: LiveServer) -> Iterator[Any]:
    """A fresh page at /ui; fails the test if it fetches anything from another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    elsewhere: list[str] = []
    tab.on("request", lambda r: elsewhere.append(r.url) if not r.url.startswith((server.url, "data:", "blob:")) else None)
    tab.goto(server.url + "/")
    tab.wait_for_selector("#kb-question textarea")
    yield tab
    context.close()
    assert elsewhere == [], f"the UI fetched from other hosts: {elsewhere[:5]}"


# --- helpers -----------------------------------------------------------------------------------
# Gradio dims a component while an update to it is on its way (a class on the block, an opacity on an ancestor):
# axe reads dimmed text as low contrast. Settled: nothing pending and every ancestor of our panels fully opaque.
SETTLED = """() => {
  if (document.querySelector('.pending, .generating, .translucent')) return false;
  for (const id of ['kb-conversation', 'kb-sources', 'kb-results']) {
    for (let n = document.getElementById(id); n; n = n.parentElement) {
      if (parseFloat(getComputedStyle(n).opacity) < 1) return false;
    }
  }
  return true;
}"""


AXE_TRIES = 5


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations on the page while Gradio is settled: a component still pending an
    update is drawn at 20% opacity, which axe would read as low contrast (seen on loaded CI hosts, also when a
    late update made a component pending again during the axe run). A run counts only when the page was settled
    both before and after it."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    for _ in range(AXE_TRIES):
        page.wait_for_function(SETTLED, timeout=15_000)
        run = page.evaluate(f"""async () => {{
            const settled = {SETTLED};
            const before = settled();
            const violations = (await axe.run(document)).violations;
            return {{violations, settled: before && settled()}};
        }}""")
        if run["settled"]:
            break
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:160] for n in v["nodes"][:3]]}
            for v in run["violations"] if v["impact"] in ("serious", "critical")]


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def ask(page: Any, question: str) -> None:
    """Type the question and press Enter (the keyboard path); wait until its answer is complete."""
    turns = page.locator("#kb-conversation .kb-turn").count()
    box = page.locator("#kb-question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(
        """n => document.querySelectorAll('#kb-conversation .kb-turn').length === n
               && /Answer ready|Partly answered|do not cover|No answer/.test(document.querySelector('#kb-ask-status').innerText)""",
        arg=turns + 1)


def open_tab(page: Any, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def make_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    welcome = ("Induction handbook for new staff. This first page welcomes new colleagues, explains where the "
               "handbook fits among the guidance documents and lists the offices that can help with questions. ")
    pdf.multi_cell(0, 8, welcome * 8)  # long enough that page 2 becomes a passage of its own
    pdf.add_page()
    pdf.multi_cell(0, 8, f"The {PDF_WORD} protocol asks every team to hold a quarterly listening session "
                         "so that concerns about conduct are heard early and acted upon.")
    pdf.set_title("Induction handbook")
    pdf.output(str(path))
    return path


# --- tests -------------------------------------------------------------------------------------
def test_ask_cite_check_the_passage_and_open_the_page(page: Any, server: LiveServer, ui_kb: Any) -> None:
    assert page.url == server.url + "/ui/"  # / redirects to the UI
    assert axe_violations(page) == []
    ask(page, QUESTION)
    chips = page.locator("#kb-conversation .kb-chip")
    assert chips.count() >= 1  # one cited unit per ask of the question
    shot(page, "ask.png")

    first = chips.first
    target = first.get_attribute("href").lstrip("#")
    first.focus()
    first.press("Enter")  # keyboard reaches the chip and follows it
    card = page.locator(f"#{target}")
    page.wait_for_function(f"() => document.getElementById('{target}').classList.contains('kb-is-target')")
    assert page.evaluate("document.activeElement.id") == target
    quote = card.locator("mark").first.inner_text()
    assert len(quote) > 20 and quote.split()[0] in page.locator("#kb-conversation").inner_text()
    link = card.locator("a.kb-open")
    href = link.get_attribute("href")
    assert href.startswith("/api/documents/dialogue-2021-10-28/view#")  # Markdown: rendered, at the section
    shot(page, "sources.png")
    assert axe_violations(page) == []

    with page.context.expect_page() as opened:
        link.click()
    document = opened.value
    document.wait_for_load_state()
    anchor = href.split("#", 1)[1]
    assert document.locator(f"[id='{anchor}']").count() == 1 and quote.split()[0] in document.inner_text("main")
    assert document.evaluate("document.querySelector(':target') !== null")
    document.close()


def test_a_language_models_draft_shows_as_it_writes_then_the_checked_answer_replaces_it(page: Any, ui_kb: Any
                                                                                         ) -> None:
    from service.answering.llm import LLMAnswerer
    from tests.fakes import ScriptedLLM

    before = ui_kb.answers.llm
    ui_kb.answers.llm = LLMAnswerer(ScriptedLLM(pause_s=0.12), ui_kb.embed_texts, ui_kb.token_set, timeout_s=30)
    try:
        page.evaluate(WATCH_DRAFT)
        ask(page, QUESTION)
    finally:
        ui_kb.answers.llm = before
    drafts = page.evaluate("window.kbDrafts")
    assert len(set(drafts)) >= 3 and drafts == sorted(drafts), f"the draft did not grow as the model wrote: {drafts}"
    conversation = page.locator("#kb-conversation")
    assert conversation.locator(".kb-draft").count() == 0 and conversation.locator(".kb-chip").count() >= 1
    assert "language model, checked against the quoted passages" in conversation.inner_text()
    assert axe_violations(page) == []


def test_feedback_stores_the_question_only_when_ticked(page: Any, ui_kb: Any) -> None:
    from service.feedback import FeedbackStore

    ask(page, QUESTION)
    page.locator("#kb-fb-up").click()
    page.wait_for_function("() => /Saved: helpful/.test(document.querySelector('#kb-fb-result').innerText)")
    page.get_by_label("Include my question with my feedback").check()
    page.locator("#kb-fb-wrong").click()
    page.wait_for_function("() => /Saved: a citation is wrong/.test(document.querySelector('#kb-fb-result').innerText)")
    newest, before = FeedbackStore.for_settings(ui_kb.settings).entries(2)
    assert before.rating == "up" and before.question is None and before.answer_excerpt
    assert newest.wrong_citation and newest.question == QUESTION
    assert "Privacy" in page.locator("#kb-privacy").inner_text()


def test_off_topic_question_abstains_and_disclosure_is_set_apart(page: Any) -> None:
    ask(page, "How long should I proof sourdough bread before baking it?")
    abstain = page.locator("#kb-conversation .kb-abstain")
    assert "do not cover" in abstain.inner_text() and abstain.locator("li").count() >= 1
    assert page.locator("#kb-conversation .kb-chip").count() == 0

    ask(page, "My supervisor keeps touching me and I am scared. Who can I talk to?")
    assert page.locator("#kb-conversation .kb-disclosure").count() == 1
    shot(page, "disclosure.png")
    assert axe_violations(page) == []
    page.locator("#kb-clear").click()
    page.wait_for_function("() => !document.querySelector('#kb-conversation .kb-turn')")


def test_the_three_answer_states_a_helper_and_a_search_nothing_matches(page: Any) -> None:
    ask(page, "How did Ambassador Kennedy define leadership?")
    assert page.locator("#kb-conversation .kb-state-answered").count() == 1
    ask(page, "What is the ClearCheck database for, and how long does a name stay in it?")
    partial = page.locator("#kb-conversation .kb-state-partial")
    assert partial.count() == 1 and "Partly answered" in partial.inner_text()
    assert "how long" in page.locator("#kb-conversation .kb-uncovered").inner_text().lower()
    ask(page, "Can an anonymous report start an investigation?")
    assert page.locator("#kb-conversation .kb-state-not_covered").count() == 1
    assert page.locator("#kb-conversation .kb-abstain").count() == 1
    # the three states read differently in words, not only in colour
    labels = {page.locator(f"#kb-conversation .kb-state-{s}").inner_text() for s in ("answered", "partial", "not_covered")}
    assert len(labels) == 3
    ask(page, "How should I respond when a colleague tells me they were harassed?")
    helper = page.locator("#kb-conversation .kb-supporter")
    assert helper.count() == 1 and "supporting your colleague" in helper.inner_text()
    # a helper's own question the summary does not answer: the guidance for helpers, saying so first
    ask(page, "A colleague confided in me about harassment; can I be paid overtime for the hours I spend supporting her?")
    assert page.locator("#kb-conversation .kb-supporter").count() == 2
    assert "answers this question directly" in page.locator("#kb-conversation .kb-supporter .kb-notice").inner_text()
    assert axe_violations(page) == []
    page.locator("#kb-clear").click()
    page.wait_for_function("() => !document.querySelector('#kb-conversation .kb-turn')")

    open_tab(page, "Search")
    box = page.locator("#kb-search-query textarea, #kb-search-query input").first
    box.fill("sourdough lasagna recipe")
    box.press("Enter")
    note = page.locator("#kb-results .kb-no-match")
    note.wait_for()
    assert "No passage" in note.inner_text() and page.locator("#kb-results .kb-result").count() == 0
    box.fill("Quelles organisations ont co-organisé la réunion ?")  # French: found on the multilingual vector
    box.press("Enter")
    count = page.locator("#kb-results .kb-count")
    count.wait_for()
    assert count.get_attribute("lang") == "fr" and count.inner_text().startswith("Passages trouvés")
    assert page.locator("#kb-results .kb-result").count() >= 1
    open_tab(page, "Ask")


def test_an_arabic_question_reads_right_to_left_and_a_french_one_gets_french_sentences(page: Any) -> None:
    ask(page, "ما هي الأهداف الثلاثة للاجتماع؟")
    answer = page.locator("#kb-conversation .kb-answer").last
    assert answer.get_attribute("lang") == "ar" and answer.get_attribute("dir") == "rtl"
    direction = "el => getComputedStyle(el).direction"
    assert answer.evaluate(direction) == "rtl"
    assert answer.locator(".kb-abstain > p").first.inner_text().startswith("لا يجيب أي مقطع")
    title = answer.locator(".kb-suggestions .kb-doc-title").first  # an English title inside the Arabic answer
    assert title.evaluate(direction) == "ltr" and title.inner_text().isascii()
    assert page.locator("#kb-conversation .kb-question-text").last.evaluate(direction) == "rtl"
    assert answer.locator(".kb-contacts li").count() >= 1
    assert "أقرب الوثائق" in answer.inner_text() and "Closest documents" not in answer.inner_text()
    shot(page, "arabic.png")
    assert axe_violations(page) == []

    ask(page, "Qui a animé la séance du 28 octobre ?")
    french = page.locator("#kb-conversation .kb-answer").last
    assert french.get_attribute("lang") == "fr" and french.evaluate(direction) == "ltr"
    assert "Aucun passage en français ne répond" in french.inner_text()
    assert "Documents les plus proches" in french.inner_text()

    ask(page, "Un collègue m'a envoyé des photos explicites hier soir.")  # an account of harm, in French
    care = page.locator("#kb-conversation .kb-answer").last
    assert care.get_attribute("lang") == "fr" and care.locator(".kb-disclosure").count() == 1
    assert care.locator(".kb-preface").inner_text().startswith("Merci") and "Où trouver du soutien" in care.inner_text()
    page.locator("#kb-clear").click()
    page.wait_for_function("() => !document.querySelector('#kb-conversation .kb-turn')")


@pytest.mark.parametrize(("locale", "tab", "question"), [("fr-FR", "Rechercher", "Votre question"),
                                                      ("ar", "بحث", "سؤالك"), ("en-US", "Search", "Your question")])
def test_the_labels_follow_the_browsers_language(browser: Any, server: LiveServer, locale: str, tab: str,
                                                 question: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(server.url + "/ui/")
        page.wait_for_selector("#kb-question textarea")
        assert page.get_by_role("tab", name=tab).count() == 1
        assert page.get_by_label(question).count() == 1
    finally:
        context.close()


def test_search_highlights_terms_and_expands_passages(page: Any) -> None:
    open_tab(page, "Search")
    box = page.locator("#kb-search-query textarea, #kb-search-query input").first
    box.fill("accountability of leaders")
    box.press("Enter")
    results = page.locator("#kb-results .kb-result")
    results.first.wait_for()
    assert results.count() >= 3
    marks = [m.lower() for m in page.locator("#kb-results .kb-snippet mark").all_inner_texts()]
    assert marks and all(m.startswith(("accountab", "leader")) for m in marks)
    details = page.locator("#kb-results details").first
    details.locator("summary").click()
    assert details.locator(".kb-passage").is_visible()
    shot(page, "search.png")
    assert axe_violations(page) == []


def test_upload_pdf_then_listed_searchable_and_removed(page: Any, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "induction-handbook.pdf")
    open_tab(page, "Library")
    assert "1 document in the index" in page.locator("#kb-library caption").inner_text()
    with page.expect_file_chooser() as chooser:
        page.locator("#kb-upload").click()
    chooser.value.set_files(str(pdf))
    page.wait_for_function("() => /added, \\d+ passage/.test(document.querySelector('#kb-upload-results')?.innerText || '')")
    table = page.locator("#kb-library table")
    assert "2 documents in the index" in table.locator("caption").inner_text()
    row = table.locator("tr", has_text="Induction handbook")
    assert "ok" in row.inner_text() and "2" in row.locator("td").nth(3).inner_text()  # pages
    shot(page, "library.png")
    assert axe_violations(page) == []

    open_tab(page, "Search")
    box = page.locator("#kb-search-query textarea, #kb-search-query input").first
    box.fill(f"{PDF_WORD} protocol listening session")
    box.press("Enter")
    hit = page.locator("#kb-results .kb-result").first
    hit.wait_for()
    assert "Induction handbook" in hit.inner_text() and "p. 2" in hit.inner_text()
    assert hit.locator("a.kb-open").get_attribute("href").endswith("/file#page=2")

    open_tab(page, "Library")
    remove = page.locator("#kb-delete-doc input")
    remove.click()
    page.get_by_role("option", name="Induction handbook").click()
    page.locator("#kb-remove").click()  # asks first
    page.locator("#kb-confirm").wait_for(state="visible")
    assert "Induction handbook" in page.locator("#kb-confirm-text").inner_text()
    page.locator("#kb-remove-cancel").click()
    page.wait_for_function("() => /Nothing was removed/.test(document.querySelector('#kb-remove-result')?.innerText || '')")
    assert "2 documents in the index" in page.locator("#kb-library caption").inner_text()
    page.locator("#kb-remove").click()
    page.locator("#kb-remove-yes").click()
    page.wait_for_function("() => /Removed/.test(document.querySelector('#kb-remove-result')?.innerText || '')")
    assert "1 document in the index" in page.locator("#kb-library caption").inner_text()
    assert not page.locator("#kb-confirm").is_visible()


def test_admin_key_unlocks_library_writes(browser: Any, tmp_path: Path, embedder: Any) -> None:
    from app.web import create_app

    kb = open_ui_kb(tmp_path, embedder, corpus=False, api_key="s3cret-key")
    try:
        with LiveServer(create_app(kb.settings, kb)) as live:
            context = browser.new_context()
            tab = context.new_page()
            tab.set_default_timeout(TIMEOUT_MS)
            tab.goto(live.url + "/ui/")
            open_tab(tab, "Library")
            assert not tab.locator("#kb-upload").is_visible()
            key = tab.get_by_label("Admin key")
            key.fill("not-the-key")
            key.press("Enter")
            tab.wait_for_function("() => /not the admin key/.test(document.querySelector('#kb-unlock-status').innerText)")
            assert not tab.locator("#kb-upload").is_visible()
            key.fill("s3cret-key")
            tab.locator("#kb-unlock").click()
            tab.locator("#kb-upload").wait_for(state="visible")
            assert axe_violations(tab) == []
            # the upload goes through Gradio's upload route, which the service guards with the same key
            with tab.expect_file_chooser() as chooser:
                tab.locator("#kb-upload").click()
            chooser.value.set_files(str(make_pdf(tmp_path / "induction-handbook.pdf")))
            tab.wait_for_function("() => /added, \\d+ passage/.test(document.querySelector('#kb-upload-results')?.innerText || '')")
            context.close()
    finally:
        kb.close()


def contrast(page: Any, selector: str) -> float:
    """WCAG contrast of an element's text against the first opaque background behind it."""
    return page.evaluate("""sel => {
      const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= .03928 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4; };
                                  return .2126 * f(r) + .7152 * f(g) + .0722 * f(b); };
      const el = document.querySelector(sel);
      let bg = null;
      for (let n = el; n && !bg; n = n.parentElement) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) bg = c.slice(0, 3);
      }
      const [a, b] = [lum(rgb(getComputedStyle(el).color).slice(0, 3)), lum(bg || [255, 255, 255])];
      return (Math.max(a, b) + .05) / (Math.min(a, b) + .05);
    }""", selector)


def test_ui_defects_stay_fixed(page: Any, server: LiveServer, ui_kb: Any) -> None:
    """Empty Enter keeps the chat; chips are 24 px targets; icons are ours; the selected tab reads at 4.5:1;
    a reloaded page lists documents added since the server started; a long question is explained."""
    ask(page, QUESTION)
    before = page.locator("#kb-conversation .kb-conversation").inner_html()
    sources = page.locator("#kb-sources .kb-sources").inner_html()
    page.locator("#kb-question textarea").fill("   ")
    page.locator("#kb-question textarea").press("Enter")
    page.wait_for_function("() => /Type a question first/.test(document.querySelector('#kb-ask-status').innerText)")
    page.wait_for_timeout(500)
    assert page.locator("#kb-conversation .kb-conversation").inner_html() == before
    assert page.locator("#kb-sources .kb-sources").inner_html() == sources

    box = page.locator("#kb-conversation .kb-chip").first.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    cards = page.locator("#kb-sources .kb-source")
    passages = [c.locator(".kb-passage").inner_text() for c in cards.all()]
    assert len(passages) == len(set(passages)), "a passage is shown once, however many sentences it gives"

    icon = page.evaluate("getComputedStyle(document.querySelector('#kb-fb-up'), '::before').maskImage "
                         "|| getComputedStyle(document.querySelector('#kb-fb-up'), '::before').webkitMaskImage")
    assert "/ui-assets/thumb-up.svg" in icon
    assert page.request.get(server.url + "/ui-assets/thumb-up.svg").status == 200
    selected = "#kb-tab-ask-button, button[role='tab'][aria-selected='true']"
    assert contrast(page, selected) >= 4.5

    long = "Is there a time limit for a complaint? " * 140
    page.locator("#kb-question textarea").fill(long)
    page.locator("#kb-question textarea").press("Enter")
    page.wait_for_function("() => /please shorten it/.test(document.querySelector('#kb-ask-status').innerText)")
    assert len(page.locator("#kb-question textarea").input_value()) >= len(long.strip())  # kept, not cut

    import httpx

    added = httpx.post(server.url + "/api/documents", trust_env=False, timeout=120,
                       files={"file": ("late-note.md", b"# Late note\n\nAdded after the page was opened.\n")})
    assert added.status_code == 200, added.text
    page.reload()
    page.wait_for_selector("#kb-question textarea")
    open_tab(page, "Library")
    page.locator("#kb-delete-doc input").click()
    assert page.get_by_role("option", name="Late note").count() == 1
    ui_kb.delete(added.json()["doc_key"])
