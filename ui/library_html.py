"""Pure functions from the manifest's records and ingestion outcomes to HTML (escaped)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from ingest.manifest import Failure
from ingest.models import DocumentRecord
from ingest.pipeline import FileOutcome
from ui.render import file_url, new_tab

COLUMNS = ("Title", "Type", "Publisher", "Date", "Pages", "Passages", "Added", "Status")
OUTCOME_TEXT = {
    "added": "added",
    "updated": "updated (a new version replaced the old one)",
    "unchanged": "already in the index, unchanged",
    "duplicate": "not added: the same file is already in the index",
    "removed": "removed",
    "failed": "failed",
}


def when(iso: str) -> str:
    """'2026-11-25T18:39:06+00:00' -> '2026-11-25 18:39 UTC' (unparsable text is shown as it is)."""
    try:
        stamp = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return stamp.strftime("%Y-%m-%d %H:%M") + (" UTC" if stamp.utcoffset() is not None else "")


def cell(value: object) -> str:
    return f"<td>{escape(str(value))}</td>" if value not in (None, "") else '<td><span aria-label="none">—</span></td>'


def document_row(record: DocumentRecord) -> str:
    title = (f'<a href="{escape(file_url(record.doc_key))}" target="_blank" rel="noopener">'
             f"{escape(record.title)}{new_tab()}</a>")
    status = "ok" if record.status == "ok" else f"failed: {record.error or 'unknown reason'}"
    cells = [cell(record.doc_type.value), cell(record.publisher), cell(record.date), cell(record.pages),
             cell(len(record.chunk_ids)), cell(when(record.ingested_at)), status_cell(record.status == "ok", status)]
    return f'<tr><th scope="row">{title}</th>{"".join(cells)}</tr>'


def failure_row(failure: Failure) -> str:
    name = Path(failure.path).name
    empty = '<td><span aria-label="none">—</span></td>'
    return (f'<tr class="kb-failed"><th scope="row">{escape(name)}</th>{empty * 5}{cell(when(failure.at))}'
            f"{status_cell(False, 'failed: ' + failure.error)}</tr>")


def status_cell(ok: bool, text: str) -> str:
    return f'<td class="{"kb-ok" if ok else "kb-bad"}">{escape(text)}</td>'


def documents_table_html(records: list[DocumentRecord], failures: list[Failure]) -> str:
    if not records and not failures:
        return '<p class="kb-empty">The index holds no documents yet.</p>'
    head = "".join(f'<th scope="col">{c}</th>' for c in COLUMNS)
    rows = "".join(document_row(r) for r in sorted(records, key=lambda r: r.title.lower()))
    rows += "".join(failure_row(f) for f in failures)
    count = f"{len(records)} document{'s' if len(records) != 1 else ''}"
    failed = f", {len(failures)} file{'s' if len(failures) != 1 else ''} that could not be read" if failures else ""
    return (f'<div class="kb-table-wrap"><table class="kb-table"><caption>{count} in the index{failed}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


def outcome_item(name: str, outcome: FileOutcome | None, error: str | None = None) -> str:
    if outcome is None:
        return f'<li class="kb-bad"><strong>{escape(name)}</strong>: failed — {escape(error or "unknown reason")}</li>'
    text = OUTCOME_TEXT.get(outcome.status, outcome.status)
    if outcome.status in ("added", "updated"):
        text += f", {outcome.chunks} passage{'s' if outcome.chunks != 1 else ''}"
    if outcome.error:
        text += f" — {outcome.error}"
    css = "kb-bad" if outcome.status == "failed" else "kb-ok"
    return f'<li class="{css}"><strong>{escape(name)}</strong>: {escape(text)}</li>'


def outcomes_html(items: list[str]) -> str:
    return f'<div role="status"><ul class="kb-outcomes">{"".join(items)}</ul></div>' if items else ""
