"""The composition root's product: every service object built once and shared by API, UI, CLI and eval."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ingest.contacts import Contact, Contacts
from ingest.embedding import MiniLMEmbedder
from ingest.errors import IndexUnavailable, NotFound, UsageError
from ingest.factory import build_ingestor, load_embedder
from ingest.index import open_index
from ingest.index.base import Index
from ingest.language import language_of
from ingest.manifest import Manifest
from ingest.models import DocumentRecord
from ingest.multilingual import load_multilingual
from ingest.pipeline import FileOutcome, Progress, file_hash
from ingest.settings import Settings
from service.answering.coverage import SourceCheck
from service.answering.disclosure import DisclosureDetector, OtherLanguageAsker
from service.answering.extractive import ExtractiveAnswerer
from service.answering.phrases import phrase
from service.answering.reader import Reader
from service.answering.service import AnswerService
from service.glossary import load_glossary
from service.models import NO_MATCH, Answer, Filters, Passage, SearchResponse
from service.originals import Originals
from service.query_embedding import QueryEmbedder, build_query_embedder, build_reader_embedder
from service.retrieval import Retriever

log = logging.getLogger(__name__)
VERSION = "0.1.0"
SENTENCE_BATCH = 4  # answer sentences per model run (see SentenceCache.embed_by_length)


class KnowledgeBase:
    """Index + model + ingestion + retrieval + answers, with one lock for writes."""

    def __init__(self, settings: Settings, index: Index, embedder: MiniLMEmbedder, wait_for_index: bool = True
                 ) -> None:
        """``wait_for_index``: a service starts while its Qdrant server is away (503 until it answers); a one-shot
        command (False) fails at once with ``IndexUnavailable``."""
        self.settings = settings
        self.index = index
        self.embedder = embedder
        self.multi = load_multilingual(settings)  # the weights load on the first question or chunk that needs them
        self.ingestor = build_ingestor(settings, index, embedder, self.multi)
        self.registry = self.ingestor.registry  # the document versions; written only under write_lock
        self.write_lock = threading.RLock()  # held by an upload around its own ingest run
        self.manifest = Manifest()  # readers' copy, replaced after each write and when another replica's shows
        self._committed: set[str] = set()
        self._stamp: str | None = None  # the record store's stamp the readers' copy was read at (None: not yet)
        self._checked = 0.0
        self.registry.on_saved = self._switch
        self.originals = Originals(settings.uploads_folder(), settings.originals_url)
        self.on_answer: Callable[[Answer], None] = lambda _: None  # observers (metrics), set by the composition root
        self.on_ingest: Callable[[list[FileOutcome]], None] = lambda _: None
        self._first_load(wait_for_index)
        if not self.registry.store.shared:  # one process holds an embedded index: nothing of it is in flight now
            self._recover()
        self.embed_query = build_query_embedder(settings, embedder)
        self.embed_texts = SentenceCache(self.embed_query)
        self.retriever = Retriever(index, self.embed_query, lambda: self._committed, settings.prefetch, self.multi,
                                   load_glossary(settings.corpus_dir))
        reader, read_question = _reading(settings, embedder)
        self.answers = AnswerService(
            self.retriever,
            ExtractiveAnswerer(self.embed_texts, settings.answer_sentences, embed_asked=self.embed_texts.once),
            DisclosureDetector(self.embed_texts.once),
            settings.abstain_threshold,
            lambda: contacts_for_answers(settings.corpus_dir / "contacts.toml"),
            SourceCheck(self.ingestor.catalog.entries, lambda: set(self.manifest.documents), self.token_set),
            llm=build_llm(settings, self.embed_texts, self.token_set),
            other_asker=OtherLanguageAsker.load() if self.multi is not None else None,
            reader=reader,
            reader_floor=settings.reader_floor,
            read_question=read_question,
            reader_rank=settings.reader_rank,
        )

    @classmethod
    def open(cls, settings: Settings, embedder: MiniLMEmbedder | None = None, wait_for_index: bool = True
             ) -> KnowledgeBase:
        index = open_index(settings)
        try:
            if not wait_for_index:
                index.record_store().stamp()  # a server that is away fails the command before the model loads
            return cls(settings, index, embedder or load_embedder(settings), wait_for_index)
        except BaseException:
            index.close()
            raise

    def close(self) -> None:
        if self.answers.llm is not None:
            self.answers.llm.close()  # a supervised local model server stops with the service
        self.index.close()

    # --- the library as other replicas change it ---------------------------------------------------
    def _first_load(self, wait_for_index: bool) -> None:
        try:
            self._reload()
        except IndexUnavailable as err:  # a replica may start before its Qdrant server: health says 503 till then
            if not wait_for_index:
                raise
            log.warning("library not loaded yet: %s", err.message)

    def refresh(self, force: bool = False) -> None:
        """Reload the readers' copy when the library changed elsewhere (another replica's upload, delete or
        ingest): the record store's stamp is read at most every ``registry_poll_s`` seconds (``force``: now).
        Raises ``IndexUnavailable`` when the store does not answer."""
        now = time.monotonic()
        if not force and self._stamp is not None and now - self._checked < self.settings.registry_poll_s:
            return
        self._checked = now
        stamp = self.registry.store.stamp()
        if stamp != self._stamp:
            self._reload(stamp)

    def _fresh(self) -> None:
        """Readers take the latest library they can: while the store does not answer they keep the copy they
        have (search and answers then fail on the index itself, with 503; the library list shows what it knew)."""
        try:
            self.refresh()
        except IndexUnavailable as err:
            log.debug("library not refreshed: %s", err.message)

    def ready(self) -> dict[str, Any]:
        """Readiness: the health figures once the index answers; ``IndexUnavailable`` while it does not."""
        self.refresh(force=True)
        self.index.count()
        return self.health()

    # --- reading ---------------------------------------------------------------------------------
    def search(self, query: str, top_k: int = 5, filters: Filters | None = None, mode: str = "hybrid") -> list[Passage]:
        self._fresh()
        return self.retriever.search(query, top_k, filters, mode)

    def search_matching(self, query: str, top_k: int = 5, filters: Filters | None = None, mode: str = "hybrid"
                        ) -> tuple[list[Passage], bool]:
        """Ranked passages, and whether any of them matches the query: shares a word with it (as the index stems
        words) or comes close in meaning. Fusion ranks whatever the index holds; a query nothing matches should
        be told so, not shown unrelated passages best-first."""
        self._fresh()
        found = self.retriever.retrieve(query, top_k, filters, mode, with_sentences=False)
        terms = self.token_set(query, None)
        lexical = any(terms & self.token_set(p.text, None) for p in found.passages) if terms else False
        near = self.settings.multi_match_threshold if found.multilingual else self.settings.abstain_threshold
        return found.passages, bool(found.passages) and (lexical or found.best_cosine >= near)

    def search_response(self, query: str, top_k: int = 5, filters: Filters | None = None, mode: str = "hybrid"
                        ) -> SearchResponse:
        """What a search answers: the passages, or, when none matches, a note saying so in the query's language."""
        passages, matched = self.search_matching(query, top_k, filters, mode)
        if not matched:
            return SearchResponse(results=[], matched=False, note=phrase(NO_MATCH, language_of(query)))
        return SearchResponse(results=passages)

    def ask(self, question: str, top_k: int = 5, filters: Filters | None = None,
            on_token: Callable[[str], None] | None = None) -> Answer:
        self._fresh()
        answer = self.answers.ask(question, top_k, filters, on_token)
        self.on_answer(answer)
        return answer

    def documents(self) -> list[DocumentRecord]:
        self._fresh()
        return list(self.manifest.documents.values())

    def document(self, doc_key: str) -> DocumentRecord:
        self._fresh()
        record = self.manifest.documents.get(doc_key)
        if record is None:
            raise NotFound(f"no document with key '{doc_key}'")
        return record

    def health(self) -> dict[str, Any]:
        chunks = sum(len(r.chunk_ids) for r in self.manifest.documents.values())
        return {"status": "ok", "documents": len(self.manifest.documents), "chunks": chunks, "version": VERSION,
                "multilingual": self.multi is not None and self.multi.held_by(self.index)}

    def token_set(self, text: str, language: str | None = "en") -> set[int]:
        """BM25 token ids of ``text`` read as ``language`` (the answer rules read English; None: read from it)."""
        return set(self.index.encode_sparse_query(text, language).indices)

    # --- writing ---------------------------------------------------------------------------------
    def ingest(self, paths: list[Path], progress: Progress | None = None) -> list[FileOutcome]:
        with self.write_lock:
            try:
                report = self.ingestor.run(paths, progress)
            finally:  # a run that stopped on an error may have saved what it committed before
                self._reload()
        self.on_ingest(report.outcomes)
        return report.outcomes

    def add_upload(self, name: str, data: bytes) -> FileOutcome:
        """Store an uploaded file in the uploads folder and ingest it."""
        folder = self.settings.uploads_folder()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        with self.write_lock:  # the file in uploads/ is the indexed version's original: one writer at a time
            self.ingestor.check_disk()  # before the upload takes disk space of its own
            earlier = target.read_bytes() if target.is_file() else None
            target.write_bytes(data)
            try:
                outcome = self.ingest([target])[0]
            finally:
                self._keep_named_version(target, earlier)
            if outcome.status in ("added", "updated"):
                self.originals.keep(target)  # other replicas open it from the shared store
            return outcome

    def _keep_named_version(self, target: Path, earlier: bytes | None) -> None:
        """Leave in ``target`` the version the index names: the upload, the original it was meant to replace (a
        bad new version, or a run that stopped, must not cost the indexed one its original), or nothing."""
        record = self.manifest.by_path(str(target.resolve()))
        if record is None:
            target.unlink(missing_ok=True)
        elif record.doc_hash != file_hash(target) and earlier is not None:  # the upload is still in target
            target.write_bytes(earlier)

    def delete(self, doc_key: str) -> DocumentRecord:
        with self.write_lock:
            if doc_key not in self.registry.reload().documents:
                raise NotFound(f"no document with key '{doc_key}'")
            try:
                record = self.registry.remove(doc_key, flush=True)
            finally:  # the manifest on disk may have changed before a write failed
                self._reload()
        self.on_ingest([FileOutcome(record.path, "removed", record.doc_key)])
        uploads = self.settings.uploads_folder().resolve()
        if Path(record.path).resolve().is_relative_to(uploads):
            Path(record.path).unlink(missing_ok=True)
            self.originals.drop(Path(record.path).name)
        return record

    def original(self, doc_key: str) -> tuple[DocumentRecord, Path]:
        """A document's record and its original as a local file (fetched from the shared store if need be)."""
        record = self.document(doc_key)
        path = self.originals.local(record.path)
        if path is None:
            raise NotFound(f"the original file of '{doc_key}' is no longer on disk")
        return record, path

    def _switch(self, manifest: Manifest) -> None:
        """A manifest was saved: search the versions it names from now on (before the ones it replaced are
        deleted, so a document being replaced is never missing from results)."""
        self._committed = manifest.committed_hashes()

    def _recover(self) -> None:
        """After a crash (kill -9 mid-upload): delete the points and uploaded files no committed version names,
        so the index served equals the manifest's committed versions."""
        try:
            swept = self.registry.sweep_orphans()
        except Exception as err:  # a read-only disk: search still filters to committed versions
            log.warning("could not sweep uncommitted points at start (%s)", err)
            swept = 0
        named = {Path(r.path).resolve() for r in self.manifest.documents.values()}
        folder = self.settings.uploads_folder()
        strays = [p for p in folder.glob("*") if p.is_file() and p.resolve() not in named] if folder.is_dir() else []
        for path in strays:
            path.unlink(missing_ok=True)
        if swept or strays:
            log.warning("recovered from an interrupted write: %d uncommitted version(s), %d stray upload(s) removed",
                        swept, len(strays))

    def _reload(self, stamp: str | None = None) -> None:
        """``stamp``: the store's stamp, read before the records (a save while they load shows on the next check)."""
        stamp = self.registry.store.stamp() if stamp is None else stamp
        manifest: Manifest = self.registry.saved()
        self.manifest = manifest
        self._committed = manifest.committed_hashes()
        self._stamp, self._checked = stamp, time.monotonic()


def contacts_for_answers(path: Path) -> list[Contact]:
    """The organization's contacts (placeholders included, so an unedited file is visible as such)."""
    return Contacts.load(path).contacts


def _reading(settings: Settings, embedder: MiniLMEmbedder
             ) -> tuple[SentenceCache | None, Callable[[list[str]], np.ndarray] | None]:
    """The fitted reader, when the settings use it: units' vectors through the sentence cache, the question's not."""
    if settings.reader_floor <= 0 and not settings.reader_rank:
        return None, None
    reader = build_reader_embedder(settings, embedder, Reader.load(embedder))
    return SentenceCache(reader), reader.batch


class SentenceCache:
    """Batch embedder for answer sentences with a bounded in-memory cache (sentences recur across questions)."""

    def __init__(self, embed: QueryEmbedder, size: int = 50_000) -> None:
        self.embed = embed
        self.size = size
        self.cache: dict[str, np.ndarray] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.embed.dim), dtype=np.float32)
        found = {t: v for t in set(texts) if (v := self.cache.get(t)) is not None}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            found.update(zip(missing, self.embed_by_length(missing), strict=True))
            if len(self.cache) + len(missing) > self.size:
                self.cache.clear()  # another thread's lookup is safe: it reads its own ``found``
            self.cache.update((t, found[t]) for t in missing)
        return np.stack([found[t] for t in texts])

    def once(self, texts: list[str]) -> np.ndarray:
        """Texts made from a question (an ask with its names left out, a question without one word): embedded and
        kept nowhere, as nothing a user types is kept."""
        return self.embed_by_length(texts)

    def embed_by_length(self, texts: list[str]) -> np.ndarray:
        """Sentences sorted by length, embedded a few at a time: one batch is padded to its longest text,
        and padding a mixed batch of ~25 answer sentences to the longest doubled the model's CPU time
        (bench/run.py profile); sorted runs of ``SENTENCE_BATCH`` halved it. Same vectors either way."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.empty((len(texts), self.embed.dim), dtype=np.float32)
        for start in range(0, len(order), SENTENCE_BATCH):
            rows = order[start : start + SENTENCE_BATCH]
            vectors[rows] = self.embed.batch([texts[i] for i in rows])
        return vectors


def build_llm(settings: Settings, embed_texts: SentenceCache, token_set: Any) -> Any:
    """The LLM answerer when one is configured; None keeps answers extractive and everything local."""
    if settings.llm_provider == "openai" and not settings.llm_base_url:
        return None  # the default: no LLM (ollama has a default address; llamacpp needs only the model file)
    if settings.llm_provider == "llamacpp" and not Path(settings.llm_model).is_file():
        raise UsageError(f"KB_LLM_PROVIDER=llamacpp needs KB_LLM_MODEL to name a GGUF file; "
                         f"'{settings.llm_model}' is not a file")
    from service.answering.llm import LLMAnswerer

    return LLMAnswerer.from_settings(settings, embed_texts, token_set, embed_claims=embed_texts.once)
