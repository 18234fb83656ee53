"""Query cost of the multilingual route beside the English one, in one run, in process.

An index of the bundled summary and SciFact abstracts (``--abstracts``, default 1,000) is built with the
product's pipeline (MiniLM and the multilingual vector); then every question of the six-language set
(``eval/data/languages.jsonl``) is searched with the product's ``Retriever``, the languages interleaved so a
change in the host's speed falls on all of them. English questions take MiniLM's route (hybrid with the best
sentence); the others the multilingual vector and BM25. Printed per language: median and p95 of the query
embedding, of the index query and of the whole search, and the ratio of its median to English's.

    .venv/bin/python -m bench.languages [--abstracts 1000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench import corpus, ingestion
from bench.machine import summary
from eval.languages import LANGUAGE_ORDER, load_languages
from ingest.settings import Settings
from service.knowledge_base import KnowledgeBase

TOP_K = 5


def build(settings: Settings, abstracts: int, work: Path) -> KnowledgeBase:
    kb = KnowledgeBase.open(settings)
    sources = [settings.corpus_dir]
    if abstracts:
        sources.append(ingestion.write_corpus(corpus.load_abstracts()[:abstracts], work / "abstracts"))
    started = time.perf_counter()
    kb.ingest(sources)
    print(f"index: {kb.index.count()} chunks in {time.perf_counter() - started:.0f} s "
          f"(multilingual vector: {kb.index.multi_vector})")
    return kb


def timings(kb: KnowledgeBase, rounds: int) -> dict[str, dict[str, list[float]]]:
    questions = load_languages()
    by_round = sorted(questions, key=lambda q: (q.gold_id, LANGUAGE_ORDER.index(q.lang)))  # interleaved
    for q in by_round[:12]:  # warm-up: both models loaded and their first calls paid
        kb.retriever.search(q.question, TOP_K)
    out: dict[str, dict[str, list[float]]] = {lang: {"embed": [], "index": [], "total": []} for lang in LANGUAGE_ORDER}
    for _ in range(rounds):
        for q in by_round:
            started = time.perf_counter()
            found = kb.retriever.retrieve(q.question, TOP_K, with_sentences=False)
            steps = out[q.lang]
            steps["total"].append((time.perf_counter() - started) * 1000)
            steps["embed"].append(found.timings_ms["embed"])
            steps["index"].append(found.timings_ms["search"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--abstracts", type=int, default=1000, help="SciFact abstracts ingested beside the summary.")
    parser.add_argument("--rounds", type=int, default=5, help="Times each question is searched.")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(index_dir=Path(tmp) / "index", ui=False)
        kb = build(settings, args.abstracts, Path(tmp))
        try:
            figures = timings(kb, args.rounds)
        finally:
            kb.close()
    english = statistics.median(figures["en"]["total"])
    print(f"{'language':<9} {'route':<13} {'embed p50':>9} {'index p50':>9} {'total p50':>9} {'total p95':>9} "
          f"{'vs en':>6}")
    for lang in LANGUAGE_ORDER:
        steps = {name: summary(values, 2) for name, values in figures[lang].items()}
        route = "MiniLM" if lang == "en" else "multilingual"
        print(f"{lang:<9} {route:<13} {steps['embed']['p50']:9.2f} {steps['index']['p50']:9.2f} "
              f"{steps['total']['p50']:9.2f} {steps['total']['p95']:9.2f} {steps['total']['p50'] / english:6.2f}")


if __name__ == "__main__":
    main()
