"""The document catalog (``corpus/catalog.toml``): official metadata matched to ingested files.

A file is matched first by SHA-256, then by the glob patterns of its file name (case-insensitive);
a file with no entry gets metadata from the file itself (see `fallback_meta`).
"""

from __future__ import annotations

import fnmatch
import logging
import re
import unicodedata
from pathlib import Path

from pydantic import BaseModel, Field, field_validator

from ingest.config_files import read_config
from ingest.errors import UsageError
from ingest.language import SAMPLE_CHARS, from_tag, language_of
from ingest.models import DocType, DocumentMeta, ParsedFile

log = logging.getLogger(__name__)

_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class CatalogEntry(BaseModel):
    """One ``[[document]]`` table of the catalog."""

    key: str
    title: str
    doc_type: DocType = DocType.other
    publisher: str | None = None
    date: str | None = None
    source_url: str | None = None
    language: str | None = None  # one of the six UN languages; unset: read from the document's text
    files: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)  # names people use in questions ("Model Policy")
    sha256: list[str] = Field(default_factory=list)

    @field_validator("key")
    @classmethod
    def _key_is_slug(cls, value: str) -> str:
        if not _KEY.match(value):
            raise ValueError(f"key {value!r} must be lowercase letters, digits and single dashes")
        return value

    @field_validator("publisher", "date", "source_url")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        return (value.strip() or None) if value is not None else None

    @field_validator("sha256")
    @classmethod
    def _lower_hashes(cls, value: list[str]) -> list[str]:
        return [h.strip().lower() for h in value]

    def matches_name(self, name: str) -> bool:
        lowered = name.lower()
        return any(fnmatch.fnmatchcase(lowered, pattern.lower()) for pattern in self.files)

    def to_meta(self) -> DocumentMeta:
        return DocumentMeta(
            doc_key=self.key,
            title=self.title,
            doc_type=self.doc_type,
            publisher=self.publisher,
            date=self.date,
            source_url=self.source_url,
            language=self.language,
        )


class Catalog(BaseModel):
    """All catalog entries, in file order (the first match wins)."""

    entries: list[CatalogEntry] = Field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Catalog:
        """Read a catalog TOML file; a missing file is an empty catalog."""
        catalog = read_config(path, "catalog", lambda data: cls(entries=data.get("document", [])))
        if catalog is None:
            log.info("no catalog at %s; titles will come from the files", path)
            return cls()
        catalog._check_unique_keys(path)
        return catalog

    def _check_unique_keys(self, path: Path) -> None:
        keys = [entry.key for entry in self.entries]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise UsageError(f"{path}: duplicate catalog keys: {', '.join(duplicates)}")

    def match(self, path: Path, sha256: str) -> DocumentMeta | None:
        """The catalog metadata of a file, by content hash first, then by file name."""
        digest = sha256.lower()
        for entry in self.entries:
            if digest in entry.sha256:
                return entry.to_meta()
        for entry in self.entries:
            if entry.matches_name(path.name):
                return entry.to_meta()
        return None

    def meta_for(self, path: Path, sha256: str, parsed: ParsedFile) -> DocumentMeta:
        """Catalog metadata when the file has an entry, else metadata from the file itself."""
        return self.match(path, sha256) or fallback_meta(path, parsed)


def meta_for(catalog: Catalog, path: Path, sha256: str, parsed: ParsedFile) -> DocumentMeta:
    """`Catalog.meta_for`, with the language decided: the catalog's, else the file's own tag (HTML ``lang``, DOCX
    properties), else read from the text (English when the text does not say)."""
    meta = catalog.meta_for(path, sha256, parsed)
    language = from_tag(meta.language) or from_tag(parsed.info.get("language")) or language_of(document_text(parsed))
    return meta.model_copy(update={"language": language})


def document_text(parsed: ParsedFile) -> str:
    return "\n".join(block.text for block in parsed.blocks if block.kind == "text")[:SAMPLE_CHARS]


def fallback_meta(path: Path, parsed: ParsedFile) -> DocumentMeta:
    """Metadata of a file without a catalog entry: its own title, else its prettified name."""
    title = " ".join((parsed.title or "").split()) or pretty_name(path.stem)
    return DocumentMeta(doc_key=slugify(path.stem), title=title, doc_type=DocType.other)


def slugify(text: str) -> str:
    """A stable lowercase key of ``[a-z0-9-]`` ("Model Policy_2018 (EN)" -> "model-policy-2018-en")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "document"


def pretty_name(stem: str) -> str:
    """A readable title from a file stem ("model_policy-2018" -> "Model policy 2018")."""
    words = " ".join(re.sub(r"[_\-.]+", " ", stem).split())
    if not words:
        return stem
    return words[0].upper() + words[1:] if words.islower() else words
