"""The ingestion benchmark times the pipeline's models through wrappers that must answer what the pipeline asks."""

from __future__ import annotations

from types import SimpleNamespace

from bench.ingestion import RecordingMulti
from ingest.multilingual import UseModel


def test_the_timed_multilingual_model_answers_what_the_pipeline_asks_of_it():
    model = UseModel()  # its weights load on first use: none here
    timed = RecordingMulti(model)
    assert timed.vector_name == model.vector_name
    assert timed.held_by(SimpleNamespace(multi_vector=model.vector_name))  # type: ignore[arg-type]
    assert not timed.held_by(SimpleNamespace(multi_vector=None))  # type: ignore[arg-type]
