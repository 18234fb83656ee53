"""The fitted reader (service/answering/reader.py): the shipped layers load onto the bundled model, read a question
closer to the sentence answering it than to one sharing its words, order the first units the rules let through, and
turn an ask the rules let through into an unanswered one when no unit comes within the floor."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import make_settings

from service.answering.reader import FITTED_LAYERS, LAYERS_FILE, MEASURED_FLOOR, Reader, closeness, fitted_state

# a question of the summary's tuning part the rules answered with a sentence on the survey it does not answer
UNANSWERED_BY_READING = "What share of UN staff reported harassment in 2018?"


@pytest.fixture(scope="module")
def reader(embedder) -> Reader:
    return Reader.load(embedder)


def test_the_shipped_layers_are_the_fitted_ones_and_leave_the_embedder_as_it_was(embedder, reader: Reader) -> None:
    text = "Investigations are typically completed within 30 days."
    before = embedder.encode([text])[0]
    state = fitted_state(reader.model)
    assert {name.split(".")[2] for name in state} == {str(n) for n in FITTED_LAYERS}
    with np.load(LAYERS_FILE) as shipped:
        assert set(shipped.files) == set(state)
        name = shipped.files[0]
        assert np.array_equal(shipped[name], state[name])
    assert not np.allclose(reader.batch([text])[0], before, atol=1e-3)  # the reading differs from plain MiniLM's
    assert np.allclose(embedder.encode([text])[0], before, atol=1e-6)  # which the copy did not change


def test_a_file_for_another_model_is_refused(embedder, tmp_path: Path) -> None:
    path = tmp_path / "other.npz"
    np.savez(path, **{"decoder.layer.9.weight": np.zeros(3, dtype=np.float16)})
    with pytest.raises(ValueError, match="does not fit"):
        Reader.load(embedder, path)


def test_the_reader_puts_the_answer_first_and_a_sentence_on_other_things_below_the_floor(reader: Reader) -> None:
    floor = MEASURED_FLOOR
    question = "Within how many days must a manager pass on a complaint?"
    answer = "Managers forward every complaint they receive to HR within two working days."
    same_words = "A manager who receives a complaint about another manager may ask for advice."
    elsewhere = "Leaders need to use the data on the prevalence of sexual harassment to inform their approaches."
    fitted = closeness(reader.batch, question, [answer, same_words, elsewhere])
    assert fitted[0] > fitted[1] > fitted[2]
    assert fitted[0] >= floor > fitted[2]


def test_an_ask_no_unit_reads_as_answering_is_not_covered(corpus_kb, reader: Reader,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from service.answering.service import FAR_IN_READING
    from service.knowledge_base import SentenceCache

    assert corpus_kb.answers.reader_floor == 0  # off by default: the rules alone let the question through
    assert corpus_kb.ask(UNANSWERED_BY_READING).state == "answered"
    monkeypatch.setattr(corpus_kb.answers, "reader", SentenceCache(reader))
    monkeypatch.setattr(corpus_kb.answers, "reader_floor", MEASURED_FLOOR)
    answer = corpus_kb.ask(UNANSWERED_BY_READING)
    assert answer.state == "not_covered" and FAR_IN_READING in answer.answer
    assert not answer.citations and answer.suggestions
    kept = corpus_kb.ask("What example of national legislation did Gilad Erdan mention?")
    assert kept.state == "answered" and kept.citations


def test_the_setting_turns_the_reader_on(tmp_path: Path, embedder) -> None:
    from service.knowledge_base import KnowledgeBase

    kb = KnowledgeBase.open(make_settings(tmp_path, ui=False, reader_floor=MEASURED_FLOOR), embedder)
    try:
        assert kb.answers.reader is not None and kb.answers.reader_floor == MEASURED_FLOOR
    finally:
        kb.close()


def test_the_reader_orders_the_units_the_rules_let_through(corpus_kb, monkeypatch: pytest.MonkeyPatch) -> None:
    # the rules put the sentence naming Clements as Chair first; the reader, the one saying how she took part
    question = "How did Kelly Clements take part in the event?"
    assert corpus_kb.answers.reader_rank and corpus_kb.answers.read_question is not None  # on by default
    assert "via video message" in corpus_kb.ask(question).citations[0].quote
    monkeypatch.setattr(corpus_kb.answers, "reader_rank", False)
    assert "via video message" not in corpus_kb.ask(question).citations[0].quote


def test_the_setting_turns_the_reader_off_for_ranking(tmp_path: Path, embedder) -> None:
    from service.knowledge_base import KnowledgeBase

    kb = KnowledgeBase.open(make_settings(tmp_path, ui=False, reader_rank=False), embedder)
    try:
        assert kb.answers.reader is None and kb.answers.read_question is None
    finally:
        kb.close()


def test_the_reader_runs_on_onnx_with_the_same_vectors_and_on_torch_when_asked(tmp_path: Path, embedder,
                                                                               reader: Reader) -> None:
    from service.onnx_embedding import OnnxQueryEmbedder, export_path
    from service.query_embedding import build_reader_embedder

    settings = make_settings(tmp_path, ui=False)
    fast = build_reader_embedder(settings, embedder, reader)
    assert isinstance(fast, OnnxQueryEmbedder)
    texts = ["Within how many days must a manager pass on a complaint?", "Managers forward complaints within two days."]
    assert np.allclose(fast.batch(texts), reader.batch(texts), atol=1e-4)
    model_dir = Path(embedder.model_dir)
    assert export_path(settings.cache_dir, model_dir, reader) != export_path(settings.cache_dir, model_dir)  # its own
    slow = build_reader_embedder(make_settings(tmp_path, ui=False, query_backend="torch"), embedder, reader)
    assert slow is reader


def test_a_floor_of_zero_leaves_the_reading_off_though_the_reader_is_loaded(corpus_kb,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    service = corpus_kb.answers
    question = "How did Kelly Clements take part in the event?"
    scored, coverage = service.read(question, service.retriever.retrieve(question, 5, None))
    asked = service.read_question([question])[0]
    # every unit reads as far from the question as a text can be
    monkeypatch.setattr(service, "reader", lambda texts: np.stack([-asked for _ in texts]))
    assert service.reader_floor == 0 and service.read_again(scored, coverage, service.in_reading(question)) == coverage
    monkeypatch.setattr(service, "reader_floor", MEASURED_FLOOR)
    assert service.read_again(scored, coverage, service.in_reading(question)).state == "not_covered"


def test_the_question_is_read_once_for_the_floor_and_the_ranking(corpus_kb, monkeypatch: pytest.MonkeyPatch) -> None:
    service = corpus_kb.answers
    question = "How did Kelly Clements take part in the event?"
    read, real = [], service.read_question
    monkeypatch.setattr(service, "read_question", lambda texts: read.append(list(texts)) or real(texts))
    monkeypatch.setattr(service, "reader_floor", 0.01)  # the floor on beside the ranking
    assert "via video message" in corpus_kb.ask(question).citations[0].quote
    assert read == [[question]]
