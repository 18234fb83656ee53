"""The peer configuration (as PrivateGPT ships it): qdrant-client local mode, dense only, torch query embedding.

Timed in process: ``SentenceTransformer.encode`` of the query (the same bundled model, normalised) and
``QdrantClient.query_points`` on the local-mode folder, top 5 with payloads. No HTTP, no JSON and no
answer composition: this favours the peer, whose figure is a lower bound of what its service would show.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.indexes import PEER_COLLECTION


class PeerSearch:
    """Query embedding + dense search of the peer, one call per query."""

    def __init__(self, folder: Path, model: Any) -> None:
        from qdrant_client import QdrantClient

        started = time.perf_counter()
        self.client = QdrantClient(path=str(folder))
        self.load_s = time.perf_counter() - started
        self.model = model

    def __call__(self, query: str, top_k: int = 5) -> list[Any]:
        vector = self.model.encode(query, normalize_embeddings=True, show_progress_bar=False)
        return self.client.query_points(PEER_COLLECTION, query=vector.tolist(), limit=top_k, with_payload=True).points

    def timed(self, queries: list[str]) -> tuple[list[float], list[float]]:
        """Milliseconds per query: total (embed + search) and the search alone."""
        total, search = [], []
        for query in queries:
            started = time.perf_counter()
            vector = self.model.encode(query, normalize_embeddings=True, show_progress_bar=False)
            embedded = time.perf_counter()
            self.client.query_points(PEER_COLLECTION, query=vector.tolist(), limit=5, with_payload=True)
            done = time.perf_counter()
            total.append((done - started) * 1000)
            search.append((done - embedded) * 1000)
        return total, search

    def close(self) -> None:
        self.client.close()


def load_peer_model(model_dir: Path) -> Any:
    """sentence-transformers on torch, as the peer loads it (offline, CPU)."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
