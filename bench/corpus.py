"""Real text for the benchmarks: SciFact abstracts chunked by the product's chunker, embedded once.

* ``load_abstracts`` reads the BEIR layout (``{"_id", "title", "text"}`` per line); the data stays in
  ../shared/data (beside the repository) and is never copied into it.
* ``chunk_abstracts`` runs ``ingest.chunking.chunk_document`` on each abstract (one text block, the
  title as document title), so chunk sizes and embedded texts are what ingestion would produce.
* ``EmbeddingCache`` stores the real embeddings of those chunks (the product's torch model, the
  ingestion path) under ``<cache_dir>/bench/embeddings/<model fingerprint>/``, keyed by the hash of the
  embedded text; a run only embeds what is missing, and an interrupted run keeps what it finished.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.chunking import TokenCounter, chunk_document
from ingest.embedding import DIM
from ingest.models import Block, Chunk, DocType, DocumentMeta, ParsedFile
from ingest.settings import Settings

log = logging.getLogger(__name__)

# the shared folder sits beside the repository (../shared); KB_BENCH_SCIFACT points elsewhere
SCIFACT_DIR = Path(os.environ.get("KB_BENCH_SCIFACT", Path(__file__).resolve().parents[2] / "shared" / "data" / "scifact"))
SAVE_EVERY = 256  # chunks embedded between two saves of the cache


@dataclass(frozen=True)
class Abstract:
    doc_id: str
    title: str
    text: str

    @property
    def doc_hash(self) -> str:
        return hashlib.sha256(f"{self.title}\n\n{self.text}".encode()).hexdigest()

    @property
    def doc_key(self) -> str:
        return f"scifact-{self.doc_id}"

    def markdown(self) -> str:
        """The abstract as the Markdown file the ingestion benchmarks write."""
        return f"# {self.title}\n\n{self.text}\n"


def load_abstracts(folder: Path = SCIFACT_DIR) -> list[Abstract]:
    rows = (json.loads(line) for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line)
    return [Abstract(str(r["_id"]), " ".join(r["title"].split()), r["text"].strip()) for r in rows if r["text"].strip()]


def load_queries(folder: Path = SCIFACT_DIR) -> list[str]:
    """SciFact's 1,109 claims: short, in-domain questions for the query benchmarks."""
    lines = (folder / "queries.jsonl").read_text(encoding="utf-8").splitlines()
    return [str(json.loads(line)["text"]) for line in lines if line]


def chunk_abstract(abstract: Abstract, count: TokenCounter, settings: Settings) -> list[Chunk]:
    parsed = ParsedFile(blocks=[Block("text", abstract.text)], title=abstract.title)
    meta = DocumentMeta(doc_key=abstract.doc_key, title=abstract.title, doc_type=DocType.publication)
    return chunk_document(parsed, meta, abstract.doc_hash, count, settings)


def chunk_abstracts(abstracts: list[Abstract], count: TokenCounter, settings: Settings) -> list[list[Chunk]]:
    """Each abstract's chunks, in corpus order (cached: chunking 5k abstracts takes minutes)."""
    path = settings.cache_dir / "bench" / f"chunks-{chunking_fingerprint(abstracts, settings)}.jsonl"
    if path.exists():
        return [[Chunk.model_validate(c) for c in json.loads(line)] for line in path.read_text("utf-8").splitlines()]
    started = time.perf_counter()
    chunked = [chunk_abstract(a, count, settings) for a in abstracts]
    total = sum(len(c) for c in chunked)
    log.info("chunked %d abstracts into %d chunks in %.1f s", len(abstracts), total, time.perf_counter() - started)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = (json.dumps([c.model_dump(mode="json") for c in chunks]) for chunks in chunked)
    path.with_suffix(".tmp").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.with_suffix(".tmp").replace(path)
    return chunked


def chunking_fingerprint(abstracts: list[Abstract], settings: Settings) -> str:
    """What the chunks depend on: the texts, the chunker's code, its limits and the tokenizer."""
    import ingest.chunking

    digest = hashlib.sha256(Path(ingest.chunking.__file__).read_bytes())
    digest.update(f"{settings.chunk_tokens}:{settings.target_tokens}".encode())
    digest.update(model_fingerprint(settings.resolved_model_dir()).encode())
    for abstract in abstracts:
        digest.update(abstract.doc_hash.encode())
    return digest.hexdigest()[:16]


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


class EmbeddingCache:
    """Embeddings of texts by text hash: ``keys.txt`` (one hash a line) and ``vectors.npy`` (same rows)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.keys: list[str] = []
        self.vectors = np.zeros((0, DIM), dtype=np.float32)
        if (folder / "keys.txt").exists() and (folder / "vectors.npy").exists():
            self.keys = (folder / "keys.txt").read_text(encoding="ascii").split()
            self.vectors = np.load(folder / "vectors.npy")[: len(self.keys)]
            self.keys = self.keys[: len(self.vectors)]
        self.rows = {key: row for row, key in enumerate(self.keys)}

    def missing(self, texts: list[str]) -> list[str]:
        return list(dict.fromkeys(t for t in texts if text_key(t) not in self.rows))

    def fill(self, texts: list[str], encode: Callable[[list[str]], np.ndarray]) -> float:
        """Embed the texts not cached yet (saving every few hundred); seconds spent in the model."""
        todo = self.missing(texts)
        spent = 0.0
        for start in range(0, len(todo), SAVE_EVERY):
            batch = todo[start : start + SAVE_EVERY]
            began = time.perf_counter()
            vectors = encode(batch)
            spent += time.perf_counter() - began
            self._add(batch, vectors)
            log.info("embedded %d/%d missing chunks (%.1f chunks/s)", start + len(batch), len(todo),
                     (start + len(batch)) / spent)
        return spent

    def lookup(self, texts: list[str]) -> np.ndarray:
        return self.vectors[[self.rows[text_key(t)] for t in texts]]

    def _add(self, texts: list[str], vectors: np.ndarray) -> None:
        for text in texts:
            self.rows[text_key(text)] = len(self.keys)
            self.keys.append(text_key(text))
        self.vectors = np.vstack([self.vectors, np.asarray(vectors, dtype=np.float32)])
        self.folder.mkdir(parents=True, exist_ok=True)
        np.save(self.folder / "vectors.tmp.npy", self.vectors)
        (self.folder / "keys.tmp").write_text("\n".join(self.keys) + "\n", encoding="ascii")
        (self.folder / "vectors.tmp.npy").replace(self.folder / "vectors.npy")
        (self.folder / "keys.tmp").replace(self.folder / "keys.txt")


def model_fingerprint(model_dir: Path) -> str:
    """Hash of the model folder's file names and sizes (enough to tell model versions apart)."""
    digest = hashlib.sha256()
    for file in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        digest.update(f"{file.relative_to(model_dir).as_posix()}:{file.stat().st_size}".encode())
    return digest.hexdigest()[:16]


def cache_folder(settings: Settings) -> Path:
    return settings.cache_dir / "bench" / "embeddings" / model_fingerprint(settings.resolved_model_dir())
