"""Document library endpoints: list, upload (ingests), delete, original file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from ingest.models import DocumentRecord
from service.api.deps import KB, presented_key, require_admin
from service.api.schemas import DocumentInfo, DocumentList, UploadResult, error_responses
from service.library import Library, check_size, safe_name, upload_limit
from service.reading import READABLE, markdown_page, pdf_runs_scripts

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
             responses=error_responses(400, 401, 403, 413, 415, 422, 429))
async def upload(request: Request, file: UploadFile, kb: KB) -> UploadResult:
    name = safe_name(file.filename or "")
    check_size(kb.settings, name, int(request.headers.get("content-length") or 0) - 64 * 1024)  # form overhead
    data = await file.read(upload_limit(kb.settings) + 1)
    outcome = await run_in_threadpool(Library(kb).add, name, data, presented_key(request.headers))
    return UploadResult(file_name=name, status=outcome.status, doc_key=outcome.doc_key, chunks=outcome.chunks,
                        error=outcome.error)


@router.delete("/{doc_key}", response_model=DocumentInfo, dependencies=[Depends(require_admin)],
               summary="Remove a document from the index", responses=error_responses(401, 403, 404, 422, 429))
def delete_document(request: Request, doc_key: str, kb: KB) -> DocumentInfo:
    return info(Library(kb).remove(doc_key, presented_key(request.headers)))


@router.get("/{doc_key}/view", response_class=Response,
            summary="The document to read: Markdown rendered, each heading an anchor (#section); other types redirect "
                    "to the original file",
            responses={200: {"content": {"text/html": {}}, "description": "The rendered document"},
                       307: {"description": "Not Markdown: the original file"}, **error_responses(404, 422)})
def document_view(doc_key: str, kb: KB) -> Response:
    record, path = kb.original(doc_key)
    if path.suffix.lower() not in READABLE:
        return RedirectResponse(f"/api/documents/{quote(doc_key, safe='')}/file", status_code=307)
    return HTMLResponse(markdown_page(record.title, path.read_text(encoding="utf-8", errors="replace")))


@router.get("/{doc_key}/file", response_class=FileResponse, summary="The original file (PDFs open at #page=N)",
            responses=error_responses(404, 422))
def document_file(doc_key: str, kb: KB) -> FileResponse:
    _, path = kb.original(doc_key)
    media = MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream")
    scripted = media == "application/pdf" and pdf_runs_scripts(path)  # downloaded, never run in our origin
    return FileResponse(path, media_type=media, filename=path.name,
                        content_disposition_type="attachment" if scripted else "inline")

