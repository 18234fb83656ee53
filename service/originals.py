"""Uploaded originals for replicas: the uploads folder (what ingestion reads, one per machine or one shared folder),
mirrored to a shared store when ``KB_ORIGINALS_URL`` names one: any fsspec URL, ``s3://bucket/prefix`` for an
S3-compatible bucket (the ``s3`` extra installs s3fs; endpoint and keys from the usual AWS variables), ``file://``
for a mounted folder. A replica asked for an original it does not hold fetches it from there into its folder.
Records keep the uploads-folder path, which is the same on every replica that shares the configuration."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ingest.errors import StoreUnavailable

log = logging.getLogger(__name__)


class Originals:
    def __init__(self, folder: Path, url: str | None) -> None:
        self.folder = folder
        self.url = url.rstrip("/") if url else None
        self._remote: tuple[Any, str] | None = None

    def _store(self) -> tuple[Any, str]:
        """The fsspec filesystem and the root path in it (made on first use: s3fs is imported only then)."""
        if self._remote is None:
            from fsspec.core import url_to_fs

            assert self.url is not None
            try:
                self._remote = url_to_fs(self.url)
            except ImportError as err:
                raise StoreUnavailable(f"KB_ORIGINALS_URL {self.url}: its filesystem is not installed ({err}); "
                                       "for s3:// install the 's3' extra") from None
        return self._remote

    def _call(self, what: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except FileNotFoundError:
            raise
        except Exception as err:
            raise StoreUnavailable(f"the originals store ({self.url}) could not {what} ({type(err).__name__}: "
                                   f"{err}); nothing else was changed") from None

    def keep(self, path: Path) -> None:
        """Copy an ingested upload to the shared store (nothing to do without one)."""
        if self.url is None:
            return
        fs, root = self._store()
        self._call("store the original", fs.put_file, str(path), f"{root}/{path.name}")

    def drop(self, name: str) -> None:
        if self.url is None:
            return
        fs, root = self._store()
        try:
            self._call("delete the original", fs.rm_file, f"{root}/{name}")
        except FileNotFoundError:
            log.info("original %s was not in the shared store", name)

    def local(self, recorded: str) -> Path | None:
        """The original as a local file: as recorded, or fetched from the shared store when it is an upload this
        machine does not hold yet; None when neither has it."""
        path = Path(recorded)
        if path.is_file():
            return path
        if self.url is None or path.parent.resolve() != self.folder.resolve():
            return None
        fs, root = self._store()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._call("read the original", fs.get_file, f"{root}/{path.name}", str(path))
        except FileNotFoundError:
            return None
        return path if path.is_file() else None
