"""The `kb` command line. Entry point: builds Settings once, maps typed errors to exit codes in one place."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from app.console import err, guarded, make_settings, out, print_json
from app.eval_cli import app as eval_app
from ingest.settings import Settings

app = typer.Typer(
    help="Search and cited answers over guidance on preventing and addressing sexual harassment.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)

IndexOpt = Annotated[Path | None, typer.Option("--index", help="Index folder (overrides KB_INDEX_DIR).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of text.")]
TypesOpt = Annotated[list[str] | None, typer.Option("--type", help="Only this document type (repeatable).")]
DocsOpt = Annotated[list[str] | None, typer.Option("--doc", help="Only this document key (repeatable).")]
LangOpt = Annotated[list[str] | None, typer.Option("--lang", help="Only documents in this language: ar, zh, en, fr, ru "
                                                                  "or es (repeatable).")]


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: the corpus folder).")] = None,
    index: IndexOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Ingest documents into the index: new and changed files are embedded, unchanged ones skipped."""
    settings = make_settings(index)
    targets = paths or [settings.corpus_dir]
    missing = [p for p in targets if not p.exists()]
    if missing:
        err.print(f"[red]error:[/] no such file or folder: {', '.join(map(str, missing))}")
        raise typer.Exit(2)
    from app.ingest_command import run_ingest

    guarded(lambda: run_ingest(settings, targets, as_json, out, err))


@app.command()
def status(index: IndexOpt = None, as_json: JsonOpt = False) -> None:
    """List the documents in the index (on a Qdrant server: the library all replicas share)."""
    settings = make_settings(index)
    guarded(lambda: show_status(settings, as_json))


def show_status(settings: Settings, as_json: bool) -> int:
    from ingest.index import open_records

    manifest = open_records(settings).load()
    where = settings.qdrant_url or str(settings.index_dir)
    docs = [r.model_dump(mode="json", exclude={"chunk_ids"}) | {"chunks": len(r.chunk_ids)}
            for r in manifest.documents.values()]
    failures = [f.model_dump() for f in manifest.failures.values()]
    if as_json:
        print_json({"index": where, "documents": docs, "failures": failures,
                    "chunks": sum(d["chunks"] for d in docs)})
        return 0
    out.print(status_table(docs))
    for f in failures:
        out.print(f"[red]failed[/] {f['path']}: {f['error']}", highlight=False)
    out.print(f"{len(docs)} documents, {sum(d['chunks'] for d in docs)} chunks in {where}")
    if note := multilingual_note(settings):
        out.print(note, highlight=False)
    return 0


def multilingual_note(settings: Settings) -> str | None:
    """An embedded index built without the multilingual vector, while one is configured: say what that means and how
    to rebuild (read from the index's config file, without opening the index another process may hold)."""
    from ingest.index import embedded_folder
    from ingest.index.edge import CONFIG_FILE, stored_multi

    folder = embedded_folder(settings)
    if settings.qdrant_url or settings.multilingual == "off" or not (folder / CONFIG_FILE).is_file():
        return None
    if stored_multi(folder) is not None:
        return None
    return (f"note: this index has no multilingual vector (built before it, or with KB_MULTILINGUAL=off): questions in "
            f"other languages than English are searched with the English model. To add it, delete {folder} (the "
            f"document records, uploads and feedback beside it stay) and run `kb ingest` again, naming "
            f"{settings.uploads_folder()} too if documents were uploaded: each is written again from its file.")


def status_table(docs: list[dict[str, Any]]) -> Table:
    table = Table("key", "title", "type", "pages", "chunks", "ingested")
    for d in docs:
        table.add_row(d["doc_key"], d["title"][:60], d["doc_type"], str(d["pages"] or "-"), str(d["chunks"]),
                      d["ingested_at"])
    return table


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


@app.command()
def serve(
    index: IndexOpt = None,
    host: Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the UI (/ui) on the index."""
    from app.serve_command import run_serve

    settings = make_settings(index, host=host, port=port)
    guarded(lambda: run_serve(settings, err))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    top_k: Annotated[int, typer.Option("--top-k", "-k", min=1, max=50, help="Passages to return.")] = 5,
    doc_type: TypesOpt = None,
    doc: DocsOpt = None,
    lang: LangOpt = None,
    index: IndexOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Ranked passages for a query."""
    from app.query_command import run_search

    settings = make_settings(index)
    guarded(lambda: run_search(settings, query, top_k, doc_type or [], doc or [], as_json, out, lang))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in plain words.")],
    top_k: Annotated[int, typer.Option("--top-k", "-k", min=1, max=20, help="Passages the answer may use.")] = 5,
    doc_type: TypesOpt = None,
    doc: DocsOpt = None,
    lang: LangOpt = None,
    index: IndexOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """A short cited answer, then the numbered sources with title, page and quote."""
    from app.query_command import run_ask

    settings = make_settings(index)
    guarded(lambda: run_ask(settings, question, top_k, doc_type or [], doc or [], as_json, out, lang))


app.add_typer(eval_app, name="eval")
