"""The multilingual vector: written beside MiniLM's, searched for questions not in English, on both engines; an
index built without it keeps answering."""

from __future__ import annotations

import shutil
from dataclasses import replace

import numpy as np
import pytest

from eval.languages import load_languages
from ingest.index.base import Beside, Point, QueryFilter, SparseVec
from ingest.index.edge import EdgeIndex
from ingest.index.server import ServerIndex
from ingest.language import detect
from ingest.multilingual import UseModel
from ingest.pooling import Pieces
from tests.conftest import CORPUS, make_settings

# the six-language set's g020 (a tuning question), asked in the five other languages
ASKED = {q.lang: q for q in load_languages() if q.gold_id == "g020" and q.lang != "en"}
# questions no document here answers; search must say nothing matches rather than list passages
UNRELATED = {
    "fr": "Comment préparer une pâte à crêpes ?",
    "es": "¿Qué tiempo hará mañana en Madrid?",
    "ar": "ما هي عاصمة البيرو؟",
    "ru": "Как приготовить борщ?",
    "zh": "明天北京的天气怎么样？",
}


@pytest.fixture(scope="module")
def model() -> UseModel:
    return UseModel()


def test_the_same_sentence_in_two_languages_is_close_and_a_chunk_is_its_sentences_mean(model) -> None:
    english, french, other = model.encode([
        "Staff can report harassment to the ethics office.",
        "Le personnel peut signaler le harcèlement au bureau de la déontologie.",
        "The weather in Geneva will be sunny tomorrow.",
    ])
    assert float(english @ french) > float(english @ other) + 0.3
    assert np.allclose(np.linalg.norm(model.encode(["a", "b c"]), axis=1), 1.0, atol=1e-5)
    pieces = Pieces("Title | Section", ["First sentence here.", "Second one follows."])
    chunk = np.asarray(model.chunks([pieces])[0])
    mean = model.encode(pieces.sentences).mean(axis=0)
    assert np.allclose(chunk, mean / np.linalg.norm(mean), atol=1e-5)
    assert model.chunks([Pieces("Only a heading", [])])[0] == pytest.approx(model.query("Only a heading").tolist(),
                                                                              abs=1e-5)


@pytest.mark.parametrize("language", sorted(ASKED))
def test_a_question_in_another_language_finds_its_passage(corpus_kb, language: str) -> None:
    asked = ASKED[language]
    found = corpus_kb.retriever.retrieve(asked.question, 5, with_sentences=False)
    assert found.multilingual and found.query_vec.shape == (512,)
    assert any(quote in " ".join(p.text.split()) for p in found.passages for quote in asked.quotes)
    english = corpus_kb.retriever.retrieve("Who organized the meeting?", 5)
    assert not english.multilingual and english.query_vec.shape == (384,)


@pytest.mark.parametrize("language", sorted(UNRELATED))
def test_search_says_nothing_matches_an_unrelated_question_in_any_language(corpus_kb, language: str) -> None:
    response = corpus_kb.search_response(UNRELATED[language])
    assert not response.matched and not response.results
    assert corpus_kb.search_response(ASKED[language].question).matched


def _point(n: int, multi: list[float] | None) -> Point:
    rng = np.random.default_rng(n)
    dense = rng.normal(size=384)
    payload = {"doc_hash": "h", "doc_key": "k", "doc_type": "policy", "char_start": n, "char_end": n + 1, "text": "t"}
    return Point(f"00000000-0000-0000-0000-00000000000{n}", (dense / np.linalg.norm(dense)).tolist(),
                 SparseVec([n], [1.0]), payload, multi=multi)


@pytest.fixture(params=["edge", "server-local"])
def engine(request, tmp_path):
    """An empty index holding the multilingual vector, on each engine."""
    multi = ("multi_use", 512)
    index = (EdgeIndex.open(tmp_path / "edge", multi=multi) if request.param == "edge"
             else ServerIndex.connect(f"path:{tmp_path / 'local'}", "test", multi=multi))
    yield index
    index.close()


def test_both_engines_store_and_search_the_multilingual_vector(engine) -> None:
    index = engine  # the glossary's words (``Beside``) find point 0 by both their lists
    assert index.multi_vector == "multi_use"
    vectors = [np.eye(512)[i].tolist() for i in range(3)]
    index.upsert([_point(i, vectors[i]) for i in range(3)])
    hits = index.query(None, None, 3, multi=vectors[2])
    assert hits[0].id.endswith("2") and hits[0].score == pytest.approx(1.0, abs=1e-4)
    fused = index.query(None, SparseVec([1], [1.0]), 3, multi=vectors[2])
    assert {h.id[-1] for h in fused[:2]} == {"1", "2"}
    dense0 = index.fetch([hits[0].id.replace("2", "0")], with_dense=True)
    point0 = next(iter(dense0.values()))
    glossed = index.query(None, None, 3, multi=vectors[2],
                          beside=Beside(point0.dense or [], SparseVec([0], [1.0])))
    assert {h.id[-1] for h in glossed[:2]} == {"0", "2"}
    stored = index.fetch([hits[0].id], with_multi=True)[hits[0].id]
    assert stored.multi is not None and stored.multi[2] == pytest.approx(1.0, abs=1e-4)


def test_passages_in_the_questions_language_are_searched_once_more(engine) -> None:
    """Two passages as close to the question, one written in its language: that one leads."""
    eye = np.eye(512)
    french, english = _point(1, eye[1].tolist()), _point(2, eye[2].tolist())
    engine.upsert([replace(french, payload=french.payload | {"language": "fr"}), english])
    question = ((eye[1] + eye[2]) / np.sqrt(2)).tolist()
    for first in ("1", "2"):  # each leads once its language is the question's
        own = QueryFilter(language=["fr" if first == "1" else "en"])
        hits = engine.query(None, SparseVec([9], [1.0]), 2, multi=question, beside=Beside(own=own))
        assert hits[0].id.endswith(first)


def test_an_index_built_without_it_opens_and_answers_as_before(tmp_path, embedder) -> None:
    from service.knowledge_base import KnowledgeBase

    old = make_settings(tmp_path, ui=False, multilingual="off")
    kb = KnowledgeBase.open(old, embedder)
    kb.ingest([CORPUS])
    kb.close()
    kb = KnowledgeBase.open(make_settings(tmp_path, ui=False), embedder)  # today's default: the vector wanted
    try:
        assert kb.index.multi_vector is None
        found = kb.retriever.retrieve(ASKED["fr"].question, 5)
        assert not found.multilingual and found.passages  # MiniLM's route, as before
        assert kb.ask(ASKED["fr"].question).suggestions
        assert [o.status for o in kb.ingest([CORPUS])] == ["unchanged"]
    finally:
        kb.close()
    from app.cli import multilingual_note

    settings = make_settings(tmp_path, ui=False)
    note = multilingual_note(settings)
    assert note is not None and str(tmp_path / "index" / "qdrant") in note
    shutil.rmtree(tmp_path / "index" / "qdrant")  # the rebuild the note asks for; the records stay
    kb = KnowledgeBase.open(settings, embedder)
    try:
        assert [o.status for o in kb.ingest([CORPUS])] == ["updated"]  # written again, not "unchanged"
        assert kb.index.multi_vector == "multi_use" and kb.retriever.retrieve(ASKED["fr"].question, 5).multilingual
        assert multilingual_note(settings) is None
    finally:
        kb.close()


@pytest.mark.parametrize(("language", "account"), [
    ("fr", "Un collègue m'a envoyé des photos explicites hier soir."),
    ("ar", "قال لي مديري إن عقدي لن يُجدَّد ما لم أخرج معه."),
    ("zh", "昨天开完会后，有人在走廊里抓住了我。"),
])
def test_an_account_of_harm_in_another_language_gets_the_care_answer_opening_in_it(
        corpus_kb, language: str, account: str) -> None:
    """Read by the probes fitted on English accounts (USE places a sentence and its translation close): the calm
    opening in the asker's language, the care passages quoted in their own, the contacts."""
    from service.answering.disclosure import PREFACE
    from service.answering.phrases import phrase

    answer = corpus_kb.ask(account)
    assert answer.disclosure and not answer.abstained and answer.language == language
    assert answer.preface == phrase(PREFACE, language) != PREFACE and answer.answer.startswith(answer.preface)
    assert answer.contacts and detect(answer.contacts[0].name) == language  # contacts.toml gives them in it


def test_a_helper_and_a_question_in_another_language_are_told_apart(corpus_kb) -> None:
    helper = corpus_kb.ask("Коллега рассказала мне, что её руководитель её домогается. Как я могу её поддержать?")
    assert helper.supporter and not helper.disclosure and helper.language == "ru"
    question = corpus_kb.ask("Que dit la politique sur le règlement informel ?")
    assert not (question.disclosure or question.supporter) and question.abstained and question.suggestions
