"""Builds the ingestion objects from settings (used by the CLI, the service and the tests)."""

from __future__ import annotations

from functools import cached_property

from ingest.catalog import Catalog
from ingest.chunking import load_token_counter
from ingest.embedding import MiniLMEmbedder
from ingest.index import open_index
from ingest.index.base import Index
from ingest.multilingual import MultilingualModel, load_multilingual
from ingest.pipeline import Ingestor
from ingest.settings import Settings


def load_embedder(settings: Settings) -> MiniLMEmbedder:
    return MiniLMEmbedder.load(settings.resolved_model_dir(), batch_size=settings.embed_batch_size)


class LazyEmbed:
    """Loads the model on first use, so a run with nothing new to embed never pays for it."""

    def __init__(self, settings: Settings, embedder: MiniLMEmbedder | None = None) -> None:
        self.settings = settings
        if embedder is not None:
            self.__dict__["model"] = embedder

    @cached_property
    def model(self) -> MiniLMEmbedder:
        return load_embedder(self.settings)

    def __call__(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = self.model.encode(texts).tolist()
        return vectors


def build_ingestor(settings: Settings, index: Index, embedder: MiniLMEmbedder | None = None,
                   multi: MultilingualModel | None = None) -> Ingestor:
    """``multi``: the multilingual model to share (the service's); default: the configured one."""
    catalog = Catalog.load(settings.corpus_dir / "catalog.toml")
    counter = load_token_counter(settings.resolved_model_dir())
    multi = multi if multi is not None else load_multilingual(settings)
    return Ingestor(settings, index, LazyEmbed(settings, embedder), counter, catalog, multi)


def open_ingestor(settings: Settings) -> tuple[Ingestor, Index]:
    """Opens the index (the caller closes it); the model loads only if something needs embedding."""
    index = open_index(settings)
    try:
        return build_ingestor(settings, index), index
    except BaseException:
        index.close()
        raise
