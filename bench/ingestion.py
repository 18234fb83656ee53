"""Ingestion figures: end to end against the model alone, re-ingest of an unchanged corpus, llama-index.

All three take the same SciFact abstracts written as Markdown files (``# title`` + abstract). The model
is loaded before any timing starts (both ours and llama-index's), so each figure is steady-state work.

* end to end: ``Ingestor.run`` on a fresh embedded index (hash, load, chunk, embed, BM25, upsert, flush,
  manifest, ``finish()`` = HNSW build), as ``kb ingest`` runs it;
* model only: ``MiniLMEmbedder.encode`` of exactly the texts that run embedded, in one call (batches
  of ``embed_batch_size`` grouped by length): the most the model allows on this machine; and again
  call by call as the pipeline made them (the cost of embedding document by document);
* re-ingest: a second ``Ingestor.run`` over the same files (all unchanged), in process, and ``kb ingest``
  as a command (interpreter start and imports included);
* llama-index: ``SimpleDirectoryReader`` -> ``VectorStoreIndex.from_documents`` with
  ``HuggingFaceEmbedding`` (same model folder) and ``QdrantVectorStore`` on qdrant-client local mode,
  ``SentenceSplitter`` with our target chunk size in the model's word pieces and no overlap (ours has none).
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bench.corpus import Abstract, EmbeddingCache
from bench.server import KB_MAIN
from ingest.embedding import MiniLMEmbedder
from ingest.factory import build_ingestor
from ingest.index.edge import EdgeIndex
from ingest.multilingual import MultilingualModel, index_vector
from ingest.pooling import Pieces
from ingest.settings import Settings


def write_corpus(abstracts: list[Abstract], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for abstract in abstracts:
        (folder / f"scifact-{abstract.doc_id}.md").write_text(abstract.markdown(), encoding="utf-8")
    return folder


@dataclass
class RecordingEmbed:
    """The product's embed step, remembering what it embedded and the time spent in the model."""

    embedder: MiniLMEmbedder
    batches: list[list[str]] = field(default_factory=list)
    model_s: float = 0.0

    def __call__(self, texts: list[str]) -> list[list[float]]:
        started = time.perf_counter()
        vectors: list[list[float]] = self.embedder.encode(texts).tolist()
        self.model_s += time.perf_counter() - started
        self.batches.append(list(texts))
        return vectors


@dataclass
class RecordingMulti:
    """The multilingual model as the pipeline calls it, remembering what it embedded and the time spent in it."""

    model: MultilingualModel
    batches: list[list[Pieces]] = field(default_factory=list)
    model_s: float = 0.0

    def __getattr__(self, name: str) -> Any:
        """Whatever else the pipeline asks of the model (``vector_name``, ``held_by``) is the model's own."""
        return getattr(self.model, name)

    def chunks(self, pieces: list[Pieces]) -> list[list[float]]:
        started = time.perf_counter()
        vectors = self.model.chunks(pieces)
        self.model_s += time.perf_counter() - started
        self.batches.append(list(pieces))
        return vectors

    def only(self) -> float:
        """Seconds of the model alone on the same chunks, call by call."""
        started = time.perf_counter()
        for batch in self.batches:
            self.model.chunks(batch)
        return time.perf_counter() - started


@dataclass
class IngestRun:
    seconds: float
    chunks: int
    model_s: float  # both models: MiniLM and, when the index holds its vector, the multilingual one
    batches: list[list[str]]  # what the pipeline embedded, call by call
    multi: RecordingMulti | None = None

    @property
    def texts(self) -> list[str]:
        return [text for batch in self.batches for text in batch]


def end_to_end(settings: Settings, corpus: Path, embedder: MiniLMEmbedder) -> IngestRun:
    """One ``Ingestor.run`` into a fresh index folder (deleted afterwards)."""
    with tempfile.TemporaryDirectory(dir=settings.cache_dir) as tmp:
        run_settings = settings.model_copy(update={"index_dir": Path(tmp)})
        with EdgeIndex.open(Path(tmp) / "qdrant", multi=index_vector(settings)) as index:  # as `kb ingest` builds it
            ingestor = build_ingestor(run_settings, index, embedder)
            recording = RecordingEmbed(embedder)
            ingestor.embed = recording
            multi = RecordingMulti(ingestor.multi) if ingestor.multi is not None else None
            ingestor.multi = multi  # type: ignore[assignment]  # the same calls, timed
            started = time.perf_counter()
            report = ingestor.run([corpus])
            seconds = time.perf_counter() - started
    multi_s = multi.model_s if multi is not None else 0.0
    return IngestRun(seconds, report.chunks_in_index, recording.model_s + multi_s, recording.batches, multi)


def model_only(embedder: MiniLMEmbedder, run: IngestRun) -> tuple[float, float]:
    """Seconds of the models on the run's texts: MiniLM in one call (its own batching), and call by call as the
    pipeline; the multilingual model's time on the same chunks (call by call) is added to both."""
    multi_s = run.multi.only() if run.multi is not None else 0.0
    started = time.perf_counter()
    embedder.encode(run.texts)
    one_call = time.perf_counter() - started
    started = time.perf_counter()
    for batch in run.batches:
        embedder.encode(batch)
    return one_call + multi_s, time.perf_counter() - started + multi_s


def cached_embed(cache: EmbeddingCache, embedder: MiniLMEmbedder) -> Callable[[list[str]], list[list[float]]]:
    """Embeddings from the bench cache, the model for the rest: sets up a large index quickly."""

    def embed(texts: list[str]) -> list[list[float]]:
        cache.fill(texts, embedder.encode)
        vectors: list[list[float]] = np.asarray(cache.lookup(texts)).tolist()
        return vectors

    return embed


def prepared_index(settings: Settings, corpus: Path, index_dir: Path, embed: Callable[[list[str]], Any]) -> float:
    """Ingest ``corpus`` into ``index_dir`` once (cached embeddings); seconds, or 0 when it was there."""
    if (index_dir / "manifest.json").exists():
        return 0.0
    run_settings = settings.model_copy(update={"index_dir": index_dir})
    with EdgeIndex.open(index_dir / "qdrant") as index:
        ingestor = build_ingestor(run_settings, index)
        ingestor.embed = embed
        started = time.perf_counter()
        ingestor.run([corpus])
        return time.perf_counter() - started


def reingest(settings: Settings, corpus: Path, index_dir: Path) -> tuple[float, int]:
    """Seconds of ``Ingestor.run`` over an unchanged, already ingested corpus; files reported unchanged."""
    run_settings = settings.model_copy(update={"index_dir": index_dir})
    with EdgeIndex.open(index_dir / "qdrant") as index:
        ingestor = build_ingestor(run_settings, index)
        started = time.perf_counter()
        report = ingestor.run([corpus])
        seconds = time.perf_counter() - started
    return seconds, report.count("unchanged")


def reingest_command(corpus: Path, index_dir: Path) -> float:
    """Wall time of ``kb ingest --index <dir> <corpus>`` (a new interpreter, imports included)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", KB_MAIN, "ingest", "--index", str(index_dir), str(corpus)],
                   check=True, capture_output=True)
    return time.perf_counter() - started


@dataclass
class LlamaIndexDefault:
    """llama-index's default pipeline with our model folder and chunk size; the model loaded once."""

    model_dir: Path
    chunk_size: int
    embed_model: Any = None
    tokenizer: Any = None

    def load(self) -> None:
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding

        self.embed_model = HuggingFaceEmbedding(model_name=str(self.model_dir), device="cpu")
        # SimpleDirectoryReader warns once per file that the optional PDF/Office readers are missing: the bench
        # corpus is Markdown, which the core reader handles (the warning filled 200 lines of `make bench`)
        logging.getLogger("llama_index.core.readers.file.base").setLevel(logging.ERROR)
        hf_tokenizer = self.embed_model._model.tokenizer
        self.tokenizer = lambda text: hf_tokenizer.encode(text, add_special_tokens=False)

    def run(self, corpus: Path, scratch: Path) -> tuple[float, int]:
        """Seconds and nodes of reading, splitting, embedding and storing the corpus."""
        from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter
        from llama_index.vector_stores.qdrant import QdrantVectorStore
        from qdrant_client import QdrantClient

        with tempfile.TemporaryDirectory(dir=scratch) as tmp:
            started = time.perf_counter()
            client = QdrantClient(path=tmp)
            store = QdrantVectorStore(client=client, collection_name="llamaindex")
            # not hidden-path filtering: the default data folder lives under ~/.local
            documents = SimpleDirectoryReader(str(corpus), exclude_hidden=False).load_data()
            splitter = SentenceSplitter(chunk_size=self.chunk_size, chunk_overlap=0, tokenizer=self.tokenizer)
            VectorStoreIndex.from_documents(
                documents, storage_context=StorageContext.from_defaults(vector_store=store),
                embed_model=self.embed_model, transformations=[splitter],
            )
            seconds = time.perf_counter() - started
            nodes = client.count("llamaindex").count
            client.close()
        return seconds, nodes
