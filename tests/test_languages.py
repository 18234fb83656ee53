"""Documents and questions in the six UN languages: the language read, stored with each passage, filtered on."""

from __future__ import annotations

import pytest

from ingest.index.base import Point
from ingest.language import detect, from_tag
from service.models import Filters
from tests.conftest import CORPUS, make_settings

FRENCH = """# Note sur le harcèlement sexuel

## Signalement

Toute personne qui subit un harcèlement sexuel peut le signaler au bureau de la déontologie ou à son supérieur.
Le signalement peut être fait par écrit ou oralement, et la personne est protégée contre les représailles.
"""
ARABIC = """# مذكرة بشأن التحرش الجنسي

## الإبلاغ

يجوز لكل شخص يتعرض للتحرش الجنسي أن يبلغ مكتب الأخلاقيات أو مديره. ويحظى الشخص الذي يبلغ بالحماية من الانتقام.
"""
CHINESE = """# 关于性骚扰的说明

## 举报

遭受性骚扰的任何人都可以向道德操守办公室或其主管举报。举报可以书面或口头提出，举报人受到保护，免遭报复。
"""


@pytest.mark.parametrize(("text", "language"), [
    ("What does the Model Policy say about informal resolution?", "en"),
    ("Que dit la politique type sur le règlement informel ?", "fr"),
    ("¿Qué dice la política modelo sobre la resolución informal?", "es"),
    ("Что говорится в типовой политике о неформальном урегулировании?", "ru"),
    ("ماذا تقول السياسة النموذجية عن التسوية غير الرسمية؟", "ar"),
    ("示范政策对非正式解决有何规定？", "zh"),
])
def test_the_six_languages_are_read(text: str, language: str) -> None:
    assert detect(text) == language


def test_no_letters_or_no_decision_keeps_the_default() -> None:
    assert detect("2021-10-28 / 42 %") == "en"
    assert detect("  ", default=None) is None
    assert (from_tag("fr-FR"), from_tag("zh_Hans"), from_tag("EN"), from_tag("de"), from_tag(None)) == \
        ("fr", "zh", "en", None, None)


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder):
    from service.knowledge_base import KnowledgeBase

    tmp = tmp_path_factory.mktemp("languages")
    docs = tmp / "docs"
    docs.mkdir()
    (docs / "note-fr.md").write_text(FRENCH, encoding="utf-8")
    (docs / "note-ar.md").write_text(ARABIC, encoding="utf-8")
    (docs / "note-zh.md").write_text(CHINESE, encoding="utf-8")
    kb = KnowledgeBase.open(make_settings(tmp, ui=False), embedder)
    kb.ingest([CORPUS, docs])
    yield kb
    kb.close()


def test_each_document_gets_its_language_and_so_do_its_passages(library) -> None:
    languages = {r.doc_key: r.language for r in library.documents()}
    assert languages == {"dialogue-2021-10-28": "en", "note-fr": "fr", "note-ar": "ar", "note-zh": "zh"}
    for passage in library.search("harcèlement sexuel signalement", top_k=10):
        hit = library.index.fetch([passage.id])[passage.id]
        assert hit.payload["language"] == languages[passage.doc_key]


def test_search_filters_by_language(library) -> None:
    french = library.search("signaler un harcèlement", top_k=10, filters=Filters(language=["fr"]))
    assert french and {p.doc_key for p in french} == {"note-fr"}
    arabic = library.search("التحرش الجنسي", top_k=10, filters=Filters(language=["ar"]))
    assert arabic and {p.doc_key for p in arabic} == {"note-ar"}
    assert {p.doc_key for p in library.search("harassment", top_k=10, filters=Filters(language=["en"]))} == {
        "dialogue-2021-10-28"}


def test_bm25_reads_each_language_chinese_cut_into_words(library) -> None:
    """A Chinese sentence has no spaces: read as one token it would match only itself. Each text is read as its
    language (French stems, Chinese words); English exactly as before."""
    encode = library.index.encode_sparse_query
    assert len(encode("遭受性骚扰的人可以向谁举报？").indices) >= 4
    assert encode("harassment reports", "en") == encode("harassment reports")
    chinese = library.search("向谁举报性骚扰？", top_k=3, mode="bm25")
    assert chinese and chinese[0].doc_key == "note-zh"
    french = library.search("signalements des harcèlements", top_k=3, mode="bm25")  # plural forms: French stems
    assert french and french[0].doc_key == "note-fr"


def test_passages_written_before_languages_were_read_count_as_english(library) -> None:
    corpus = next(p for p in library.search("informal resolution", top_k=3) if p.doc_key == "dialogue-2021-10-28")
    hit = library.index.fetch([corpus.id], with_dense=True, with_sentences=True)[corpus.id]
    old = {k: v for k, v in hit.payload.items() if k != "language"}
    sparse = library.index.encode_sparse_document(hit.payload["text"])
    library.index.upsert([Point(hit.id, hit.dense or [], sparse, old, hit.sentences or [])])
    assert "language" not in library.index.fetch([corpus.id])[corpus.id].payload
    english = library.search("informal resolution", top_k=10, filters=Filters(language=["en"]))
    assert corpus.id in {p.id for p in english}
    assert corpus.id not in {p.id for p in library.search("informal resolution", top_k=10,
                                                          filters=Filters(language=["fr", "es"]))}
    library.index.upsert([Point(hit.id, hit.dense or [], sparse, hit.payload, hit.sentences or [])])  # as it was


# --- the answer's fixed sentences in the asker's language --------------------------------------------------------
@pytest.mark.parametrize(("question", "language", "opening"), [
    ("Quelle est la capitale du Pérou ?", "fr", "Aucun passage en français"),
    ("¿Quién facilitó el evento del 28 de octubre?", "es", "Ningún pasaje en español"),
    ("Какая столица у Перу?", "ru", "Ни один фрагмент"),
    ("ما هي عاصمة بيرو؟", "ar", "لا يجيب أي مقطع"),
    ("谁主持了这次会议？", "zh", "没有中文段落"),
])
def test_a_question_in_another_language_gets_no_unjudged_quote_but_documents_and_contacts(
        corpus_kb, question: str, language: str, opening: str) -> None:
    """The rules that judge an answer read English: another language gets the closest documents, in its language's
    words, and the support contacts (an account of harm in it would not be recognised), never a quote as answer."""
    answer = corpus_kb.ask(question)
    assert answer.abstained and answer.language == language and answer.answer.startswith(opening)
    assert not answer.citations and answer.suggestions and answer.contacts


def test_english_keeps_its_sentences(corpus_kb) -> None:
    answer = corpus_kb.ask("What is the capital of Peru?")
    assert answer.language == "en" and answer.answer.startswith("The documents in this library do not cover")
    assert not answer.contacts


def test_every_fixed_sentence_is_written_in_the_five_other_languages() -> None:
    from service.answering.phrases import PHRASES

    for english, versions in PHRASES.items():
        assert set(versions) == {"fr", "es", "ar", "ru", "zh"}, english
        assert all(text.strip() and text != english for text in versions.values()), english
        assert detect(versions["fr"]) == "fr" and detect(versions["ru"]) == "ru" and detect(versions["zh"]) == "zh"


def test_search_says_no_match_in_the_askers_language(corpus_kb) -> None:
    from fastapi.testclient import TestClient

    from app.web import create_app

    with TestClient(create_app(corpus_kb.settings, corpus_kb), base_url="http://127.0.0.1") as client:
        for query, opening in (("xqzv wplk", "No passage"), ("рецепт борща со сметаной", "Ни один фрагмент"),
                               ("recette de la tarte aux pommes", "Aucun passage")):
            found = client.post("/api/search", json={"query": query}).json()
            assert found["matched"] is False and found["note"].startswith(opening), query


def test_chinese_and_arabic_sentences_are_cut_where_they_end() -> None:
    """Punkt (English) runs Chinese sentences together (no space after 。) and misses the Arabic question mark; the
    spans stay verbatim slices, and English is cut as before."""
    from ingest.sentences import sentences

    chinese = "任何人都可以举报。举报人受到保护，免遭报复！谁可以举报？"
    assert sentences(chinese) == ["任何人都可以举报。", "举报人受到保护，免遭报复！", "谁可以举报？"]
    assert sentences("هل يحظى المبلغ بالحماية؟ نعم. بالتأكيد.") == ["هل يحظى المبلغ بالحماية؟", "نعم.", "بالتأكيد."]
    english = "He said “Stop!” and left. Is this ok? Yes. Dr. Smith agreed."
    assert sentences(english) == ["He said “Stop!”", "and left.", "Is this ok?", "Yes.", "Dr. Smith agreed."]


@pytest.mark.parametrize(("question", "note"), [
    ("À qui peut-on signaler un harcèlement sexuel ?", "note-fr"),
    ("لمن يمكن الإبلاغ عن التحرش الجنسي؟", "note-ar"),
    ("可以向谁举报性骚扰？", "note-zh"),
])
def test_a_question_over_a_note_in_its_language_finds_the_note_first(library, question: str, note: str) -> None:
    """The glossary's English words join the search (service.glossary), and so do the passages in the question's
    language, once more: the note written in it leads, ahead of the English summary's passages on reporting."""
    found = library.search(question, top_k=5)
    assert found[0].doc_key == note
    assert library.retriever.terms.english(question, note[-2:])


def test_an_arabic_question_over_the_arabic_note_quotes_it(library) -> None:
    """The same-language answer (service/answering/same_language.py) in Arabic: the note's sentence, as written."""
    answer = library.ask("لمن يمكن الإبلاغ عن التحرش الجنسي؟")
    assert not answer.abstained and answer.language == "ar"
    assert answer.citations and answer.citations[0].passage.doc_key == "note-ar"
    assert "مكتب الأخلاقيات" in answer.citations[0].quote
