"""Questions in another language answered from passages written in it (service/answering/same_language.py)."""

from __future__ import annotations

import pytest

from eval.languages import SAME_LANGUAGE_DIR, load_same_language, same_language_metrics
from eval.runner import InProcessTarget
from service.answering.same_language import (
    Reading,
    asks_for_number,
    content_words,
    covered,
    holds_number,
)
from service.glossary import load_glossary
from tests.conftest import CORPUS, make_settings


def test_content_words_are_stems_without_function_words_or_the_kind_asked() -> None:
    assert content_words("Combien de temps dure l'enquête ?", "fr") == {"enquêt"}
    assert content_words("¿Qué sanciones se aplican si se comprueba el acoso?", "es") >= {"sancion", "acos"}
    assert "сколько" not in content_words("Сколько времени длится расследование?", "ru")
    pairs = content_words("可以向谁举报性骚扰？", "zh")
    assert "骚扰" in pairs and "举报" in pairs and not any("谁" in p for p in pairs)


@pytest.mark.parametrize(("question", "sentence", "language"), [
    ("Combien de temps dure l'enquête ?", "Elle dure quatre-vingt-dix jours.", "fr"),
    ("¿Cuál es el número de la línea directa?", "Llame al +507 555 0147.", "es"),
    ("Сколько времени длится расследование?", "Расследование длится в течение четырех месяцев.", "ru"),
    ("调查需要多长时间完成？", "调查应在一百二十天内完成。", "zh"),
])
def test_a_question_asking_for_a_number_wants_one(question: str, sentence: str, language: str) -> None:
    assert asks_for_number(question, language) and holds_number(sentence, language)
    assert not holds_number("Le Bureau examine la demande avec soin.", "fr")
    assert not holds_number("Il agit uniquement au sein de l'Union.", "fr")  # "un" only as a word
    assert not holds_number("Однако одновременно с этим движение продолжалось.", "ru")
    assert not holds_number("统一的举报渠道一般由主管负责。", "zh")  # 一 in words, counting nothing
    assert not asks_for_number("À qui puis-je signaler un harcèlement ?", "fr")


def test_a_glossary_term_counts_as_the_same_thing_in_other_words() -> None:
    glossary = load_glossary(CORPUS)
    asked = Reading(content_words("¿Qué sanciones se aplican?", "es"), glossary.concepts("¿Qué sanciones se aplican?", "es"))
    said = "Las medidas disciplinarias van desde una amonestación hasta la separación del servicio."
    sentence = Reading(content_words(said, "es"), glossary.concepts(said, "es"))
    assert asked.concepts & sentence.concepts and covered(asked, sentence) > 0


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder):
    from service.knowledge_base import KnowledgeBase

    kb = KnowledgeBase.open(make_settings(tmp_path_factory.mktemp("same-language"), ui=False), embedder)
    kb.ingest([CORPUS, SAME_LANGUAGE_DIR])
    yield kb
    kb.close()


@pytest.mark.parametrize(("question", "language", "words"), [
    ("Combien de temps dure l'enquête ?", "fr", "quatre-vingt-dix jours"),  # the set's tuning questions
    ("¿Cuánto tiempo dura la investigación?", "es", "sesenta días"),
    ("Сколько времени длится расследование?", "ru", "четырех месяцев"),
    ("正式投诉的时限是多久？", "zh", "一年内"),
])
def test_a_question_over_a_policy_in_its_language_quotes_it(library, question: str, language: str, words: str) -> None:
    answer = library.ask(question)
    assert not answer.abstained and answer.language == language and answer.state == "answered"
    assert answer.citations and all(c.passage.language == language for c in answer.citations)
    assert words in answer.citations[0].quote and answer.citations[0].quote in answer.citations[0].passage.text
    assert answer.answer.startswith(answer.citations[0].quote)


@pytest.mark.parametrize(("question", "language"), [
    ("Peut-on faire appel de la décision prise à l'issue de l'enquête ?", "fr"),  # no appeal in the policy
    ("¿Puedo presentar una denuncia de forma anónima?", "es"),  # nor anonymity
    ("Можно ли подать жалобу анонимно?", "ru"),
])
def test_what_the_policy_does_not_say_gets_no_quote(library, question: str, language: str) -> None:
    answer = library.ask(question)
    assert answer.abstained and not answer.citations and answer.suggestions and answer.language == language


def test_without_the_multilingual_model_nothing_is_quoted(library) -> None:
    """An index built without the multilingual vector has no model to compare meanings: no quote, as before."""
    answers = library.answers
    kept, answers.same_language = answers.same_language, None
    try:
        assert library.ask("Combien de temps dure l'enquête ?").abstained
    finally:
        answers.same_language = kept


def test_the_same_language_set_is_scored_per_language(library) -> None:
    questions = [q for q in load_same_language() if q.split == "tune"]
    assert {q.lang for q in questions} == {"fr", "es", "ru", "zh"}
    metrics = same_language_metrics(InProcessTarget(library), questions)
    assert metrics["lang_same_fr_tune_answered_right"] >= 0.8 and metrics["lang_same_zh_tune_quotes_in_language"] == 1.0
    assert all(metrics[f"lang_same_{lang}_tune_abstention_recall"] >= 0.6 for lang in ("fr", "es", "ru", "zh"))


def test_every_evidence_sentence_is_in_its_policy() -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SAME_LANGUAGE_DIR.glob("*.md")}
    for q in load_same_language():
        assert q.doc_key in texts and all(e in texts[q.doc_key] for e in q.evidence)
        assert (q.kind == "answerable") == bool(q.evidence)
