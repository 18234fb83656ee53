"""Document versions, apart from the pipeline that writes them: ``Registry`` owns the manifest of one index
(which versions are *committed*), its saving, removals and failures, and the deletion of the versions it no
longer names. Readers search only the versions it has saved.

Saves are batched: commits accumulate (``SETTLE_DOCUMENTS`` documents or ``SETTLE_CHUNKS`` chunks, the end of
a run, any other manifest change), then one save flushes the index, writes the manifest, tells readers
(``on_saved``) and only then deletes the versions it replaced. A run killed anywhere leaves either version
committed; what no saved manifest names is swept as an orphan.

The records live in the index's ``RecordStore``: ``manifest.json`` beside the embedded index, or a registry
collection on a Qdrant server that replicas and ingestors on other machines share. There each save writes only
what changed since this writer's ``base`` and is followed by a reload (so this writer sees the others' documents),
and an orphan sweep spares versions whose points are younger than ``grace_s``: another machine's ingest in flight.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import IndexWriteFailed, KBError
from ingest.index.base import Index
from ingest.manifest import Failure, Manifest, RecordStore, now_iso
from ingest.models import DocumentRecord

log = logging.getLogger(__name__)
# An index flush (msync + fsync) takes ~15 ms: one per document was 0.64 of the 1.13 s that 40 short documents
# cost outside the model (bench). Killed before a save, a run loses at most this much work (those versions
# are swept as orphans and ingested again by the next run).
SETTLE_DOCUMENTS = 16
SETTLE_CHUNKS = 512


@dataclass
class Unsaved:
    """What ``manifest`` (one in-memory manifest) holds that its file on disk does not yet."""

    manifest: Manifest
    documents: int = 0  # versions committed into it since its last save
    chunks: int = 0
    replaced: list[str] = field(default_factory=list)  # versions whose points go once it is saved


class Registry:
    def __init__(self, store: RecordStore, index: Index, index_dir: Path, node: str | None = None,
                 grace_s: float = 3600.0) -> None:
        """``node``: this machine's name, written on records and failures; ``grace_s``: see the module."""
        self.store = store
        self.index = index
        self.index_dir = index_dir
        self.node = node
        self.grace_s = grace_s
        # a shared store is read when a run starts (reload), so a service can start while the server is away
        self.manifest = Manifest() if store.shared else store.load()
        self._base = self.manifest.model_copy(deep=True) if store.shared else None
        self._unsaved: Unsaved | None = None
        self.on_saved: Callable[[Manifest], None] = lambda _: None  # readers switch here, before old versions go

    # --- reading -------------------------------------------------------------------------------
    def reload(self) -> Manifest:
        """The manifest as saved, from now on the one written to. Commits not saved yet are dropped: their points
        are orphans, swept later, and the versions they replaced stay (the saved manifest still names them)."""
        self.manifest = self.store.load()
        self._rebase()
        return self.manifest

    def _rebase(self) -> None:
        """What a shared store's next save is compared with: the manifest as loaded or saved."""
        if self.store.shared:
            self._base = self.manifest.model_copy(deep=True)

    def is_mine(self, node: str | None) -> bool:
        """Whether a record or failure came from this machine (or from before records named one)."""
        return node is None or self.node is None or node == self.node

    def saved(self) -> Manifest:
        """A fresh copy of the manifest as saved (for readers; never written to)."""
        return self.store.load()

    # --- writing -------------------------------------------------------------------------------
    def commit(self, record: DocumentRecord, previous: DocumentRecord | None, shown: str) -> None:
        """Name the new version (saved with the batch); the old version's points go after that save."""
        manifest = self.manifest
        if previous is not None and previous.doc_key != record.doc_key:
            manifest.documents.pop(previous.doc_key, None)
        manifest.documents[record.doc_key] = record
        manifest.failures.pop(shown, None)
        unsaved = self._unsaved_in(manifest)
        if unsaved is None:
            unsaved = self._unsaved = Unsaved(manifest)
        if previous is not None and previous.doc_hash != record.doc_hash:
            unsaved.replaced.append(previous.doc_hash)
        unsaved.documents += 1
        unsaved.chunks += len(record.chunk_ids)
        if unsaved.documents >= SETTLE_DOCUMENTS or unsaved.chunks >= SETTLE_CHUNKS:
            self.save()

    def save(self) -> None:
        """Every manifest write goes through here: the points written before it are flushed first, so the
        manifest on disk never names a version an OS crash could lose; the versions it replaced go after.

        The unsaved work belongs to the manifest object it was committed into. A save that fails keeps it (the
        next save flushes again); after ``reload`` it is dropped, since that manifest still names the replaced
        versions."""
        unsaved = self._unsaved_in(self.manifest)
        with self.saving():
            if unsaved is not None:
                self.index.flush()
            self.store.save(self.manifest, self._base)
        self._unsaved = None
        if self.store.shared:  # take in what other machines saved meanwhile
            self.manifest = self.store.load()
            self._rebase()
        self.on_saved(self.manifest)
        if unsaved is not None and unsaved.replaced:
            self.drop_versions(unsaved.replaced)

    def settle(self) -> None:
        """Save if the manifest holds committed versions its file on disk does not."""
        if self._unsaved_in(self.manifest) is not None:
            self.save()

    def remove(self, doc_key: str, flush: bool = False) -> DocumentRecord:
        """Done once the manifest is saved without the document; its points go after (``flush``: durably)."""
        record = self.manifest.documents.pop(doc_key)
        self.save()  # readers stop naming it (on_saved) before its points are deleted
        self.drop_versions([record.doc_hash], flush)
        return record

    def drop_versions(self, doc_hashes: list[str], flush: bool = False) -> None:
        """Delete the points of versions the saved manifest no longer names. Clean-up only: if it fails, readers
        still never see them (they read the versions the manifest names) and the next run sweeps them."""
        try:
            self.index.delete_doc_hashes(doc_hashes)
            if flush:
                self.index.flush()
        except Exception as err:
            log.warning("could not delete %d version(s) no longer in the manifest (%s); the next ingest run sweeps "
                        "them", len(doc_hashes), err)

    def sweep_orphans(self) -> int:
        """Delete points of document versions no saved manifest names (interrupted or replaced writes); on a
        shared store, not those written within ``grace_s`` (another machine may be about to name them)."""
        committed = self.manifest.committed_hashes() | self.store.load().committed_hashes()
        spared = self.index.doc_hashes_written_since(time.time() - self.grace_s)
        orphans = [h for h in self.index.doc_hashes() if h not in committed and h not in spared]
        if orphans:
            log.info("sweeping %d orphaned document version(s)", len(orphans))
            with self.saving():
                self.index.delete_doc_hashes(orphans)
                self.index.flush()
        return len(orphans)

    # --- failures ------------------------------------------------------------------------------
    def record_failure(self, shown: str, message: str) -> None:
        self.manifest.failures[shown] = Failure(path=shown, error=message, at=now_iso(), node=self.node)
        self.save()

    def clear_failure(self, shown: str) -> None:
        if self.manifest.failures.pop(shown, None) is not None:
            self.save()

    def forget_missing_failures(self) -> None:
        """Failures of files that are gone are no longer news."""
        gone = [key for key, failure in self.manifest.failures.items()
                if self.is_mine(failure.node) and not Path(key).exists()]
        for key in gone:
            self.manifest.failures.pop(key)
        if gone:
            self.save()

    @contextmanager
    def saving(self) -> Iterator[None]:
        """Index flushes and manifest saves: a failure there (a full disk, a failing fsync) is the run's, not the
        file's being ingested when it struck, so it becomes ``IndexWriteFailed``, which stops the run."""
        try:
            yield
        except KBError:
            raise
        except Exception as err:
            raise IndexWriteFailed(
                f"could not save the index in {self.index_dir} ({err}); what was saved before is kept: "
                "fix the cause (free disk space, for one) and run the command again"
            ) from err

    def _unsaved_in(self, manifest: Manifest) -> Unsaved | None:
        return self._unsaved if self._unsaved is not None and self._unsaved.manifest is manifest else None
