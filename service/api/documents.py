"""Document library endpoints: list, upload (ingests), delete, original file."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse

from ingest.errors import FileTooLarge, NotFound, UnsupportedFile, UsageError
from ingest.loaders import SUPPORTED_EXTENSIONS
from ingest.models import DocumentRecord
from service.api.deps import KB, require_admin
from service.api.schemas import DocumentInfo, DocumentList, UploadResult, error_responses

router = APIRouter(prefix="/api/documents", tags=["documents"])
# Markdown and HTML are shown as text: browsers display them instead of downloading, and an uploaded
# page never runs in our origin.
MEDIA_TYPES = {".pdf": "application/pdf", ".md": "text/plain; charset=utf-8", ".markdown": "text/plain; charset=utf-8",
               ".html": "text/plain; charset=utf-8", ".htm": "text/plain; charset=utf-8",
               ".txt": "text/plain; charset=utf-8",
               ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def info(record: DocumentRecord) -> DocumentInfo:
    return DocumentInfo(**record.model_dump(exclude={"chunk_ids", "path"}), chunks=len(record.chunk_ids),
                        file_name=Path(record.path).name)


@router.get("", response_model=DocumentList, summary="Documents in the index", responses=error_responses())
def list_documents(kb: KB) -> DocumentList:
    failures = [f.model_dump() for f in kb.manifest.failures.values()]
    return DocumentList(documents=[info(r) for r in kb.documents()], failures=failures)


@router.post("", response_model=UploadResult, dependencies=[Depends(require_admin)],
             summary="Upload one document (PDF, Markdown, HTML, DOCX, TXT) and ingest it",
             responses=error_responses(400, 401, 403, 413, 415, 422))
async def upload(request: Request, file: UploadFile, kb: KB) -> UploadResult:
    name = safe_name(file.filename or "")
    limit = int(kb.settings.max_file_mb * 1024 * 1024)
    declared = int(request.headers.get("content-length") or 0)
    if declared > limit + 64 * 1024:
        raise FileTooLarge(name, f"larger than the {kb.settings.max_file_mb:g} MB limit")
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(name, f"larger than the {kb.settings.max_file_mb:g} MB limit")
    outcome = await run_in_threadpool(kb.add_upload, name, data)
    return UploadResult(file_name=name, status=outcome.status, doc_key=outcome.doc_key, chunks=outcome.chunks,
                        error=outcome.error)


@router.delete("/{doc_key}", response_model=DocumentInfo, dependencies=[Depends(require_admin)],
               summary="Remove a document from the index", responses=error_responses(401, 403, 404, 422))
def delete_document(doc_key: str, kb: KB) -> DocumentInfo:
    return info(kb.delete(doc_key))


@router.get("/{doc_key}/file", response_class=FileResponse, summary="The original file (PDFs open at #page=N)",
            responses=error_responses(404, 422))
def document_file(doc_key: str, kb: KB) -> FileResponse:
    record = kb.document(doc_key)
    path = Path(record.path)
    if not path.is_file():
        raise NotFound(f"the original file of '{doc_key}' is no longer on disk")
    media = MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream")
    return FileResponse(path, media_type=media, filename=path.name, content_disposition_type="inline")


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
    return base[: -len(suffix)][: 200 - len(suffix)].rstrip(" .") + suffix  # cut the stem, keep the extension
