"""A rich progress display for ingestion runs (documents, chunks, ETA) and a per-file line."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

from ingest.pipeline import FileOutcome, Progress

STYLES = {"added": "green", "updated": "cyan", "unchanged": "dim", "removed": "yellow", "failed": "red",
          "duplicate": "yellow"}


class RichIngestProgress(Progress):
    """Two bars (documents, chunks embedded) with ETA, and one line per file, on stderr."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bars = RichProgress(
            TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=True,
        )
        self.docs = self.bars.add_task("documents", total=0)
        self.chunks = self.bars.add_task("chunks", total=0)

    def __enter__(self) -> RichIngestProgress:
        self.bars.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bars.stop()

    def start(self, files: int) -> None:
        self.bars.update(self.docs, total=files)

    def chunks_planned(self, n: int) -> None:
        task = self.bars.tasks[self.chunks]
        self.bars.update(self.chunks, total=(task.total or 0) + n)

    def chunks_done(self, n: int) -> None:
        self.bars.advance(self.chunks, n)

    def file_done(self, outcome: FileOutcome) -> None:
        if outcome.status != "removed":
            self.bars.advance(self.docs)
        style = STYLES.get(outcome.status, "")
        detail = outcome.error or (f"{outcome.chunks} chunks" if outcome.chunks else "")
        self.console.print(f"[{style}]{outcome.status:<9}[/] {outcome.path}  [dim]{detail}[/]", highlight=False)
