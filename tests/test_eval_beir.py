"""`kb eval beir` on a tiny BEIR-layout dataset written here: real chunker, real model, real embedded index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eval.beir import MODES, run_beir
from eval.beir_data import load_beir, read_qrels
from tests.conftest import make_settings

DOCS = {
    "d1": ("Hand washing and infection", "Washing hands with soap reduces the spread of respiratory infections in schools."),
    "d2": ("Coffee and sleep", "Caffeine taken in the evening delays sleep onset and shortens deep sleep in adults."),
    "d3": ("Bee navigation", "Honey bees use the position of the sun and polarised light to find their way home."),
    "d4": ("Volcanic soils", "Soils formed from volcanic ash are rich in minerals and hold water well."),
    "d5": ("Marathon training", "Long slow runs build the aerobic base that marathon runners rely on in races."),
    "d6": ("Long review", " ".join(["Deep ocean trenches host microbes that live without sunlight."] * 40)),
}
QUERIES = {"q1": "Does soap hand washing cut infections among pupils?", "q2": "evening caffeine and sleep quality",
           "q3": "how bees orient using the sun", "q4": "microbial life in deep sea trenches without light",
           "q9": "a train query that must not be scored"}
QRELS = {"test": [("q1", "d1"), ("q2", "d2"), ("q3", "d3"), ("q4", "d6")], "train": [("q9", "d5")]}


def write_dataset(folder: Path) -> Path:
    (folder / "qrels").mkdir(parents=True)
    rows = [json.dumps({"_id": k, "title": t, "text": x}) for k, (t, x) in DOCS.items()]
    (folder / "corpus.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    queries = [json.dumps({"_id": k, "text": t}) for k, t in QUERIES.items()]
    (folder / "queries.jsonl").write_text("\n".join(queries) + "\n", encoding="utf-8")
    for split, pairs in QRELS.items():
        lines = ["query-id\tcorpus-id\tscore", *(f"{q}\t{d}\t1" for q, d in pairs)]
        (folder / "qrels" / f"{split}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_loader_keeps_only_the_queries_judged_in_the_split(tmp_path: Path) -> None:
    data = load_beir(write_dataset(tmp_path / "tiny"), "test")
    assert (data.name, len(data.docs), sorted(data.queries)) == ("tiny", 6, ["q1", "q2", "q3", "q4"])
    assert read_qrels(tmp_path / "tiny" / "qrels" / "train.tsv") == {"q9": {"d5": 1}}


def test_every_mode_finds_the_obvious_documents_and_embeddings_are_cached(tmp_path: Path, embedder) -> None:
    data = load_beir(write_dataset(tmp_path / "tiny"), "test")
    settings = make_settings(tmp_path, cache_dir=tmp_path / "cache")
    first = run_beir(data, settings, MODES, embedder=embedder)
    assert first["chunks"] > len(DOCS)  # the long review is split; it still counts once, as its best chunk
    assert set(first["modes"]) == set(MODES)
    for mode, scores in first["modes"].items():
        assert scores["ndcg@10"] >= 0.9, mode
        assert scores["recall@100"] == 1.0, mode
    cached = list((tmp_path / "cache" / "beir").glob("*.npy"))
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    again = run_beir(data, settings, ("hybrid",), embedder=embedder)
    assert again["modes"]["hybrid"] == first["modes"]["hybrid"] and cached[0].stat().st_mtime_ns == stamp


@pytest.mark.parametrize(("args", "message"), [(["--split", "test"], "available: train"),
                                                (["--mode", "sparse"], "--mode one of")])
def test_cli_refuses_a_missing_split_or_an_unknown_mode(tmp_path: Path, args: list[str], message: str) -> None:
    from app.cli import app

    folder = write_dataset(tmp_path / "tiny")
    (folder / "qrels" / "test.tsv").unlink()
    args = ["--split", "train", *args] if "--mode" in args else args
    result = CliRunner().invoke(app, ["eval", "beir", "--data", str(folder), *args])
    assert result.exit_code == 2
    assert message in result.output
