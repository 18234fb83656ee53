"""Reading a dataset in the BEIR layout: ``corpus.jsonl``, ``queries.jsonl``, ``qrels/<split>.tsv``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.errors import UsageError


@dataclass(frozen=True)
class BeirDoc:
    doc_id: str
    title: str
    text: str


@dataclass(frozen=True)
class BeirDataset:
    """The corpus, the queries judged in one split, and their judgments (``qrels[query][doc] = grade``)."""

    name: str
    split: str
    docs: list[BeirDoc]
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def load_beir(folder: Path, split: str) -> BeirDataset:
    """The dataset in ``folder``; only the queries that have judgments in ``split`` are kept."""
    qrels_path = folder / "qrels" / f"{split}.tsv"
    for path in (folder / "corpus.jsonl", folder / "queries.jsonl", qrels_path):
        if not path.is_file():
            raise UsageError(f"not a BEIR dataset folder: {path} is missing")
    qrels = read_qrels(qrels_path)
    queries = {str(row["_id"]): str(row["text"]) for row in _jsonl(folder / "queries.jsonl")}
    judged = {qid: text for qid, text in queries.items() if qid in qrels}
    docs = [BeirDoc(str(r["_id"]), str(r.get("title") or ""), str(r.get("text") or ""))
            for r in _jsonl(folder / "corpus.jsonl")]
    qrels = {qid: rel for qid, rel in qrels.items() if qid in judged}
    return BeirDataset(folder.resolve().name, split, docs, judged, qrels)


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """``query-id corpus-id score`` rows (tab separated, a header line); grades <= 0 are kept out."""
    qrels: dict[str, dict[str, int]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if len(parts) < 3 or (number == 0 and not parts[2].strip().lstrip("-").isdigit()):
            continue
        grade = int(parts[2])
        if grade > 0:
            qrels.setdefault(parts[0].strip(), {})[parts[1].strip()] = grade
    return qrels


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
