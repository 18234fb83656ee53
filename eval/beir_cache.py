"""Derived files of a BEIR run in ``<cache_dir>/beir``: the chunks and their embeddings.

* chunks, keyed by the corpus content, the chunker's source, its settings and the tokenizer (model files);
* embeddings, keyed by the model files and every embedded text (so they can never belong to other chunks).

Files are written to a temporary name and renamed, so an interrupted run leaves no half file.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from eval.beir_data import BeirDoc
from ingest.settings import Settings

log = logging.getLogger(__name__)

CACHE_FORMAT = "beir-cache-v2"  # part of every key: change it when what is cached changes


@dataclass(frozen=True)
class BeirChunk:
    chunk_id: str
    doc_id: str
    text: str  # the product's ``embed_text``: title prefix + chunk text (embedded and BM25-encoded)


def model_fingerprint(model_dir: Path) -> str:
    """Names and sizes of the model's files: cheap, and independent of where the model is installed."""
    files = sorted(p for p in model_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return ";".join(f"{p.relative_to(model_dir)}:{p.stat().st_size}" for p in files)


def _digest(parts: list[str]) -> str:
    digest = hashlib.sha256()
    for part in [CACHE_FORMAT, *parts]:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:24]


def chunks_key(docs: list[BeirDoc], settings: Settings, fingerprint: str) -> str:
    import llama_index.core

    from ingest import chunking

    source = hashlib.sha256(Path(chunking.__file__).read_bytes()).hexdigest()
    limits = f"{settings.chunk_tokens}/{settings.target_tokens}/{llama_index.core.__version__}"
    return _digest([source, limits, fingerprint, *("\0".join((d.doc_id, d.title, d.text)) for d in docs)])


def embeddings_key(texts: list[str], fingerprint: str) -> str:
    return _digest([fingerprint, *texts])


def load_chunks(path: Path) -> list[BeirChunk] | None:
    if not path.is_file():
        return None
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [BeirChunk(*row) for row in rows]


def save_chunks(path: Path, chunks: list[BeirChunk]) -> None:
    _replace(path, lambda handle: handle.write(json.dumps([astuple(c) for c in chunks]).encode("utf-8")))


def load_vectors(path: Path, rows: int) -> np.ndarray | None:
    if not path.is_file():
        return None
    vectors = np.load(path)
    return vectors if vectors.shape[0] == rows else None


def save_vectors(path: Path, vectors: np.ndarray) -> None:
    _replace(path, lambda handle: np.save(handle, vectors))


def _replace(path: Path, write: Callable[[BinaryIO], object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    with tmp.open("wb") as handle:
        write(handle)
    tmp.replace(path)
