"""Typed errors, each with a user-facing message.

They are mapped to HTTP JSON errors in `service.api.errors` and to CLI exit codes
in `app.cli`: one place each.
"""

from __future__ import annotations


class KBError(Exception):
    """Base of every error a user may see. ``code`` is stable; ``message`` is for people."""

    code = "error"
    http_status = 500
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IngestError(KBError):
    """A single file could not be ingested; the others go on."""

    code = "ingest_failed"
    http_status = 422

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFile(IngestError):
    code = "unsupported_type"
    http_status = 415


class FileTooLarge(IngestError):
    code = "file_too_large"
    http_status = 413


class CorruptFile(IngestError):
    code = "corrupt_file"


class EncryptedFile(IngestError):
    code = "encrypted_file"


class NoText(IngestError):
    code = "no_text"


class EmptyFile(IngestError):
    code = "empty_file"


class UsageError(KBError):
    code = "usage"
    http_status = 400
    exit_code = 2


class NotFound(KBError):
    code = "not_found"
    http_status = 404


class Unauthorized(KBError):
    code = "unauthorized"
    http_status = 401


class WritesDisabled(KBError):
    code = "writes_disabled"
    http_status = 403


class IndexBusy(KBError):
    """The embedded index is held by another process (one process per folder)."""

    code = "index_busy"
    http_status = 503
    exit_code = 3


class IndexWriteFailed(KBError):
    """The index or its manifest could not be saved (a full disk, a failing fsync): the run stops, since every
    file after would fail the same way; what was saved before stays."""

    code = "index_write_failed"
    http_status = 500
    exit_code = 4


class IndexUnavailable(KBError):
    """The Qdrant server did not answer (down, unreachable, timing out) after the retries: nothing was changed."""

    code = "index_unavailable"
    http_status = 503
    exit_code = 6


class StoreUnavailable(KBError):
    """The shared store of uploaded originals (``KB_ORIGINALS_URL``) did not answer or refused the call."""

    code = "store_unavailable"
    http_status = 503


class FeedbackNotSaved(KBError):
    """The local feedback store refused the write (a full disk, a read-only or locked file); nothing was stored."""

    code = "feedback_not_saved"
    http_status = 503


class LLMUnavailable(KBError):
    code = "llm_unavailable"
    http_status = 502


class ServiceUnavailable(KBError):
    """The running service a command was sent to did not answer."""

    code = "service_unavailable"
    http_status = 503
    exit_code = 5


class TooManyRequests(KBError):
    """A caller went over a rate limit; nothing was stored."""

    code = "too_many_requests"
    http_status = 429
