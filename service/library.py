"""The library's rules, in one place for the HTTP routes and the UI: who may change the library, what may be
uploaded (a safe name, a supported type, the size limit), and the upload and delete themselves."""

from __future__ import annotations

import hmac
import ipaddress
import re
import unicodedata
from pathlib import Path

from ingest.errors import FileTooLarge, Unauthorized, UnsupportedFile, UsageError, WritesDisabled
from ingest.loaders import SUPPORTED_EXTENSIONS
from ingest.models import DocumentRecord
from ingest.pipeline import FileOutcome
from ingest.settings import Settings
from service.knowledge_base import KnowledgeBase

NAME_CHARS = 200
KEY_NEEDED = "this action needs the admin key (header 'X-API-Key' or 'Authorization: Bearer ...')"


def is_loopback(host: str) -> bool:
    """Whether an address or name is this machine only (a write endpoint there is reachable by local users)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_writer(settings: Settings, key: str | None) -> None:
    """Writes must be on, and the admin key must match when one is configured (constant-time compare)."""
    if settings.disable_writes:
        raise WritesDisabled("write endpoints are disabled on this server")
    if settings.api_key and not hmac.compare_digest((key or "").encode(), settings.api_key.encode()):
        raise Unauthorized(KEY_NEEDED)


def writes_allowed(settings: Settings, key: str | None) -> bool:
    try:
        check_writer(settings, key)
    except (WritesDisabled, Unauthorized):
        return False
    return True


def upload_limit(settings: Settings) -> int:
    """The largest upload, in bytes."""
    return int(settings.max_file_mb * 1024 * 1024)


def check_size(settings: Settings, name: str, size: int) -> None:
    if size > upload_limit(settings):
        raise FileTooLarge(name, f"larger than the {settings.max_file_mb:g} MB limit")


def safe_name(raw: str) -> str:
    """A file name with no folders, control characters or leading dots; the extension must be supported."""
    base = Path(raw.replace("\\", "/")).name
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if unicodedata.category(ch)[0] != "C")
    base = re.sub(r"[^\w.\- ()]+", "_", base).strip(" .")
    if not base:
        raise UsageError("the upload has no usable file name")
    if Path(base).suffix.lower() not in SUPPORTED_EXTENSIONS:
        raise UnsupportedFile(base, f"unsupported file type '{Path(base).suffix or '(none)'}'; "
                                    f"use one of {', '.join(sorted(SUPPORTED_EXTENSIONS))}")
    suffix = Path(base).suffix
    return base[: -len(suffix)][: NAME_CHARS - len(suffix)].rstrip(" .") + suffix  # cut the stem, keep the extension


class Library:
    """Uploads and deletions on one KnowledgeBase, each checked against the rules above."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    @property
    def settings(self) -> Settings:
        return self.kb.settings

    def may_write(self, key: str | None) -> bool:
        return writes_allowed(self.settings, key)

    def add(self, raw_name: str, data: bytes, key: str | None) -> FileOutcome:
        """Store and ingest one uploaded file; typed errors for a refused writer, a bad name or a large file."""
        check_writer(self.settings, key)
        name = safe_name(raw_name)
        check_size(self.settings, name, len(data))
        return self.kb.add_upload(name, data)

    def remove(self, doc_key: str, key: str | None) -> DocumentRecord:
        check_writer(self.settings, key)
        return self.kb.delete(doc_key)
