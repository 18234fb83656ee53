"""`kb ingest`: runs the pipeline with a progress display, or hands the files to the service holding the index."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import httpx
from rich.console import Console

from app.running import RunningService, find_running
from ingest.errors import IndexBusy, IndexWriteFailed
from ingest.pipeline import FileOutcome, IngestReport, discover
from ingest.settings import Settings

RATE_RETRIES = 60
RATE_WAIT_S = 2.0


def run_ingest(settings: Settings, targets: list[Path], as_json: bool, out: Console, err: Console) -> int:
    try:
        report = ingest_locally(settings, targets, err)
    except IndexBusy:
        running = find_running(settings, warn=lambda line: err.print(line, highlight=False))
        if running is None:
            raise
        err.print(f"index held by the running service at {running.url} (pid {running.pid}); sending files to it")
        report = ingest_through(running, settings, targets, err)
    print_report(report, as_json, out)
    return 1 if report.failed else 0


def ingest_locally(settings: Settings, targets: list[Path], err: Console) -> IngestReport:
    from app.progress import RichIngestProgress
    from ingest.factory import open_ingestor

    ingestor, index = open_ingestor(settings)
    try:
        with RichIngestProgress(err) as progress:
            return ingestor.run(targets, progress)
    finally:
        index.close()


def ingest_through(running: RunningService, settings: Settings, targets: list[Path], err: Console) -> IngestReport:
    report = IngestReport()
    with running.client(settings, timeout=600) as client:
        for path in discover(targets):
            response = post_file(client, path)
            body = response.json()
            if response.status_code >= 400:
                error = body.get("error", {})
                if error.get("code") == IndexWriteFailed.code:  # the run stops, as it does when ingesting locally
                    raise IndexWriteFailed(error.get("message", response.text))
                outcome = FileOutcome(str(path), "failed", error=error.get("message", response.text))
            else:
                outcome = FileOutcome(str(path), body["status"], body.get("doc_key"), body.get("chunks", 0),
                                      body.get("error"))
            err.print(f"{outcome.status:<9} {path}  {outcome.error or ''}", highlight=False)
            report.outcomes.append(outcome)
        report.chunks_in_index = client.get("/api/health").json()["chunks"]
    return report


def post_file(client: httpx.Client, path: Path) -> httpx.Response:
    """One upload; over the service's write rate (a keyless service limits everyone), wait and send it again."""
    for _ in range(RATE_RETRIES):
        with path.open("rb") as fh:
            response = client.post("/api/documents", files={"file": (path.name, fh)})
        if response.status_code != 429:
            break
        time.sleep(RATE_WAIT_S)
    return response


def print_report(report: IngestReport, as_json: bool, out: Console) -> None:
    summary = report.to_json()
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
        return
    docs = summary["documents"]
    assert isinstance(docs, dict)
    out.print(", ".join(f"{k} {v}" for k, v in docs.items()) + f"; {summary['chunks']} chunks in the index")
