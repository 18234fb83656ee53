"""The index interface and its two engines (embedded Qdrant Edge, Qdrant server via qdrant-client)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from ingest.index.base import Index
    from ingest.manifest import RecordStore
    from ingest.settings import Settings


def embedded_folder(settings: Settings) -> Path:
    """Where the embedded engine keeps its shard, inside the index folder (beside the manifest)."""
    return settings.index_dir / "qdrant"


def open_index(settings: Settings) -> Index:
    """The configured index: the Qdrant server when ``qdrant_url`` is set, else the embedded one.

    Engines are imported here, not at package import, so ``import ingest.index`` stays light.
    """
    from ingest.multilingual import index_vector

    multi = index_vector(settings)
    if settings.qdrant_url:
        from ingest.index.server import ServerIndex

        return ServerIndex.connect(settings.qdrant_url, settings.collection, api_key=settings.qdrant_api_key,
                                   timeout_s=settings.qdrant_timeout_s, attempts=settings.qdrant_retries, multi=multi)
    from ingest.index.edge import EdgeIndex

    return EdgeIndex.open(embedded_folder(settings), search_threads=settings.search_threads or None,
                          min_free_mib=settings.min_free_mb, multi=multi)


def open_records(settings: Settings) -> RecordStore:
    """The committed versions alone, without opening the embedded index (which one process holds while it
    serves): ``kb status`` reads them here."""
    if settings.qdrant_url:
        return open_index(settings).record_store()
    from ingest.manifest import ManifestStore

    return ManifestStore(settings.index_dir / "manifest.json")
