"""The two stages of a benchmark run: ingestion and queries. Each returns a JSON-able dict."""

from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import corpus, floor, indexes, ingestion, query
from bench.dataset import Source, build_dataset, with_sentences
from bench.machine import HostWatch, load_average, summary
from ingest.chunking import load_token_counter
from ingest.embedding import MiniLMEmbedder
from ingest.settings import Settings
from service.query_embedding import build_query_embedder

log = logging.getLogger(__name__)


WARM_DOCUMENTS = 20


@dataclass(frozen=True)
class IngestPlan:
    documents: int  # end to end, model only and the plain llama-index pipeline, on the same documents
    repeats: int
    reingest_documents: int
    reingest_repeats: int


def ingest_stage(settings: Settings, embedder: MiniLMEmbedder, abstracts: list[corpus.Abstract],
                 plan: IngestPlan, work: Path) -> dict[str, Any]:
    docs = ingestion.write_corpus(abstracts[-plan.documents :], work / f"ingest-{plan.documents}")
    warm = ingestion.write_corpus(abstracts[:WARM_DOCUMENTS], work / "ingest-warm-up")
    llama = ingestion.LlamaIndexDefault(settings.resolved_model_dir(), settings.target_tokens)
    llama.load()
    ours, model, per_call, theirs, shares, chunks, nodes = [], [], [], [], [], 0, 0
    english_only, english_only_settings = [], settings.model_copy(update={"multilingual": "off"})
    ingestion.end_to_end(settings, warm, embedder)  # warm-up: first calls pay for imports, allocations and caches
    llama.run(warm, settings.cache_dir)
    for repeat in range(plan.repeats):  # alternating, so a change in the host's speed falls on both
        run = ingestion.end_to_end(settings, docs, embedder)
        llama_s, nodes = llama.run(docs, settings.cache_dir)
        english_only.append(plan.documents / ingestion.end_to_end(english_only_settings, docs, embedder).seconds)
        one_call_s, per_call_s = ingestion.model_only(embedder, run)
        chunks = run.chunks
        ours.append(run.chunks / run.seconds)
        model.append(run.chunks / one_call_s)
        per_call.append(run.chunks / per_call_s)
        theirs.append(plan.documents / llama_s)
        shares.append(run.model_s / run.seconds)
        log.info("ingest repeat %d: ours %.1f chunks/s, model only %.1f, llama-index %.2f docs/s (load %s)",
                 repeat + 1, ours[-1], model[-1], theirs[-1], load_average())
    ours_docs = [c * plan.documents / chunks for c in ours]
    ratios = [o / m for o, m in zip(ours, model, strict=True)]  # each pair ran back to back: the host's drift cancels
    return {
        "documents": plan.documents, "chunks": chunks, "llamaindex_nodes": nodes,
        "end_to_end_chunks_per_s": summary(ours), "model_only_chunks_per_s": summary(model),
        "model_only_pipeline_calls_chunks_per_s": summary(per_call), "embed_calls": len(run.batches),
        "ratio_end_to_end_to_model": round(statistics.median(ratios), 3),
        "ratio_end_to_end_to_model_per_repeat": summary(ratios, 3),
        "model_share_of_end_to_end": summary(shares, 3),
        "end_to_end_docs_per_s": summary(ours_docs), "llamaindex_docs_per_s": summary(theirs),
        # plain pipeline's time / ours on the same documents = our docs/s / theirs (issue 23's ratio)
        "ratio_ours_to_llamaindex_docs_per_s": round(statistics.median(ours_docs) / statistics.median(theirs), 3),
        "ratio_ours_to_llamaindex_per_repeat": summary([o / t for o, t in zip(ours_docs, theirs, strict=True)], 3),
        # the same without the multilingual vector (KB_MULTILINGUAL=off): what the second model costs
        "english_only_docs_per_s": summary(english_only),
        "ratio_english_only_to_llamaindex_docs_per_s": round(statistics.median(english_only) / statistics.median(theirs), 3),
        "ratio_ours_to_english_only_docs_per_s": round(statistics.median(ours_docs) / statistics.median(english_only), 3),
        "reingest": reingest_stage(settings, embedder, abstracts[: plan.reingest_documents], plan, work),
    }


def reingest_stage(settings: Settings, embedder: MiniLMEmbedder, abstracts: list[corpus.Abstract],
                   plan: IngestPlan, work: Path) -> dict[str, Any]:
    n = len(abstracts)
    docs = ingestion.write_corpus(abstracts, work / f"reingest-{n}" / "corpus")
    index_dir = work / f"reingest-{n}" / f"index-{indexes.code_key('qdrant-edge-py')}"  # rebuilt when the schema changes
    cache = corpus.EmbeddingCache(corpus.cache_folder(settings))
    setup_s = ingestion.prepared_index(settings, docs, index_dir, ingestion.cached_embed(cache, embedder))
    runs, unchanged = [], 0
    for _ in range(plan.reingest_repeats):
        seconds, unchanged = ingestion.reingest(settings, docs, index_dir)
        runs.append(seconds)
    command = [ingestion.reingest_command(docs, index_dir) for _ in range(max(plan.reingest_repeats // 2, 1))]
    per_100 = [s * 100 / n for s in runs]
    return {"documents": n, "unchanged": unchanged, "setup_s": round(setup_s, 1), "seconds": summary(runs, 3),
            "seconds_per_100_docs": summary(per_100, 3), "kb_ingest_command_s": summary(command)}


def sources(settings: Settings, embedder: MiniLMEmbedder, abstracts: list[corpus.Abstract]) -> list[Source]:
    """The abstracts' chunks with their real embeddings (embedding what the cache lacks)."""
    chunked = corpus.chunk_abstracts(abstracts, load_token_counter(settings.resolved_model_dir()), settings)
    cache = corpus.EmbeddingCache(corpus.cache_folder(settings))
    texts = [c.embed_text for chunks in chunked for c in chunks]
    spent = cache.fill(texts, embedder.encode)
    if spent:
        log.info("embedded %d missing chunks in %.0f s", len(texts), spent)
    return [Source(a, chunks, cache.lookup([c.embed_text for c in chunks]))
            for a, chunks in zip(abstracts, chunked, strict=True) if chunks]


@dataclass(frozen=True)
class QueryStagePlan:
    sizes: list[int]
    real_abstracts: int
    service: query.QueryPlan
    cold_start_runs: int
    floor_queries: int


def query_stage(settings: Settings, embedder: MiniLMEmbedder, abstracts: list[corpus.Abstract],
                questions: list[str], plan: QueryStagePlan, env: dict[str, str], work: Path) -> dict[str, Any]:
    from bench.peer import load_peer_model

    real = sources(settings, embedder, abstracts[: plan.real_abstracts])
    peer_model = load_peer_model(settings.resolved_model_dir())
    fast_embed = build_query_embedder(settings, embedder)
    cache = corpus.EmbeddingCache(corpus.cache_folder(settings))
    root = settings.cache_dir / "bench" / "indexes"
    results, folders = [], []
    for size in plan.sizes:
        data = with_sentences(build_dataset(size, real), ingestion.cached_embed(cache, embedder))
        edge_dir, edge_info = indexes.edge_index(root, data)
        folders.append(edge_dir)
        peer_dir, peer_info = indexes.peer_index(root, data)
        feed = query.QuestionFeed(questions)
        host = HostWatch()
        figures = query.bench_size(edge_dir, peer_dir, peer_model, feed, plan.service, env, work / "logs", host)
        host.probe("floor")
        floor_figures = floor.floor(edge_dir, fast_embed, questions[: plan.floor_queries], settings.prefetch)
        host.probe("floor")
        results.append({"size": size, "real_embeddings": data.real, "documents": len(data.records),
                        "index": edge_info, "peer_index": peer_info, **figures, "floor": floor_figures,
                        "load_average": load_average(), "host": host.figures()})
        log.info("size %d done (load %s)", size, load_average())
    starts = query.cold_starts(folders[0], env, work / "logs", plan.cold_start_runs)
    api_only = query.cold_starts(folders[0], env | {"KB_UI": "false"}, work / "logs", plan.cold_start_runs)
    return {"sizes": results, "cold_start_s": summary(starts), "cold_start_api_only_s": summary(api_only)}
