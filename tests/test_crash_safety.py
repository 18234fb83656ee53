"""kill -9 of a real `kb ingest` at random points, then a re-run: the index converges to a clean run's.

Each trial starts the installed `kb ingest --index T <folder>` (real model, real embedded index), kills
it with SIGKILL at a random moment (a uniform delay over a typical run, or just after its k-th per-file
line plus a random part of a file's time), checks what a reader would see at that instant (every
committed document whole), re-runs the ingestion to completion in this process with the same settings
and the real model, and compares with a clean run: the same chunk ids, no duplicate, no orphan.
Half the trials kill the first ingestion of the folder; half kill the run that updates changed files.
"""

from __future__ import annotations

import random
import re
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from ingest_fixtures import (
    CORPUS,
    KB,
    ROOT,
    assert_consistent,
    kb_env,
    policy_sections,
    write_markdown,
    write_pdf,
)

from ingest.factory import build_ingestor
from ingest.index import open_index
from ingest.manifest import ManifestStore
from ingest.settings import Settings

pytestmark = pytest.mark.slow

BATCH = 1  # KB_EMBED_BATCH_SIZE: 4 chunks per upsert, so the handbook is written in several steps
TRIALS_PER_PHASE = 5
FILE_LINE = re.compile(r"^(added|updated|unchanged|removed|failed|duplicate)\s")


# --- the documents ------------------------------------------------------------------------------------
def make_state_a(docs: Path) -> None:
    """Six small files (~30 chunks); the handbook (~12 chunks) is written in several upserts."""
    docs.mkdir(parents=True)
    write_markdown(docs / "guide-a.md", "Reporting Guide", policy_sections(101, 2, 1, 40))
    write_markdown(docs / "guide-b.md", "Support Guide", policy_sections(102, 2, 1, 40))
    write_markdown(docs / "faq.md", "Questions from Staff", policy_sections(103, 1, 2, 30))
    write_pdf(docs / "handbook.pdf", policy_sections(104, 4, 3, 80), title="Handbook", page_per_section=False)
    write_pdf(docs / "UN-System-Model-Policy-on-Sexual-Harassment.pdf", policy_sections(105, 3, 1, 40))
    write_pdf(docs / "annex.pdf", policy_sections(106, 2, 1, 40), title="Annex on Interim Measures")


def make_state_b(docs: Path) -> None:
    """Two files edited, one deleted, one added."""
    write_markdown(docs / "guide-b.md", "Support Guide", policy_sections(202, 3, 1, 40))
    write_pdf(docs / "handbook.pdf", policy_sections(204, 4, 3, 80), title="Handbook", page_per_section=False)
    (docs / "faq.md").unlink()
    write_markdown(docs / "new-note.md", "Note on Retaliation", policy_sections(207, 2, 1, 40))


# --- running and killing `kb ingest` -------------------------------------------------------------------
@dataclass
class KbProcess:
    """`kb ingest --index T <docs>`, its per-file stderr lines timestamped as they come."""

    index: Path
    docs: Path
    started: float = 0.0
    file_lines: list[float] = field(default_factory=list)
    proc: subprocess.Popen[str] | None = None

    def start(self) -> KbProcess:
        env = kb_env(KB_EMBED_BATCH_SIZE=str(BATCH))
        self.started = time.monotonic()
        self.proc = subprocess.Popen([str(KB), "ingest", "--index", str(self.index), str(self.docs)], cwd=ROOT,
                                     env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        return self

    def _read(self) -> None:
        assert self.proc is not None and self.proc.stderr is not None
        for line in self.proc.stderr:
            if FILE_LINE.match(line):
                self.file_lines.append(time.monotonic() - self.started)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def wait_for_lines(self, n: int, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while len(self.file_lines) < n and self.alive() and time.monotonic() < deadline:
            time.sleep(0.02)

    def kill(self) -> bool:
        """SIGKILL if still running; True when the kill landed."""
        assert self.proc is not None
        landed = self.alive()
        if landed:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=60)
        return landed and self.proc.returncode == -signal.SIGKILL

    def finish(self) -> float:
        assert self.proc is not None
        code = self.proc.wait(timeout=600)
        assert code == 0, f"kb ingest exited {code}"
        return time.monotonic() - self.started


@dataclass(frozen=True)
class Timing:
    """A complete first ingestion: when each per-file line came (the last one ends the work)."""

    lines: list[float]

    @property
    def longest_file(self) -> float:
        return max(b - a for a, b in zip(self.lines, self.lines[1:], strict=False))

    def kill_plan(
        self, rng: random.Random, trial: int, first_line: int, big_line: int
    ) -> tuple[str, Callable[[KbProcess], None]]:
        """Trial 0: a uniform delay over the whole run; then a random moment after file line k, k random
        (odd trials) or the line before the file written in several upserts (even trials)."""
        if trial == 0:
            delay = rng.uniform(0.2, self.lines[-1])
            return f"after {delay:.1f}s", lambda p: time.sleep(delay)
        k = rng.randrange(first_line, len(self.lines)) if trial % 2 else big_line
        jitter = rng.uniform(0.0, self.longest_file)

        def wait(process: KbProcess) -> None:
            process.wait_for_lines(k)
            time.sleep(jitter)

        return f"{jitter:.2f}s after file line {k}", wait


# --- the checks -------------------------------------------------------------------------------------
def settings_for(work: Path) -> Settings:
    """What the `kb` subprocess reads from its environment, as one object."""
    return Settings(index_dir=work / "index", corpus_dir=CORPUS, embed_batch_size=BATCH)


def assert_readers_see_whole_documents(settings: Settings) -> tuple[int, int]:
    """At the kill: every committed version complete (orphans allowed). Returns (committed, orphan) points."""
    manifest = ManifestStore(settings.index_dir / "manifest.json").load()
    if not (settings.index_dir / "qdrant").exists():
        assert not manifest.documents
        return 0, 0
    index = open_index(settings)
    try:
        ids = index.point_ids()
        committed = {cid for record in manifest.documents.values() for cid in record.chunk_ids}
        assert committed <= ids, f"a committed document lost {len(committed - ids)} chunk(s)"
        return len(committed), len(ids - committed)
    finally:
        index.close()


def ingest_to_completion(settings: Settings, docs: Path, embedder: object) -> set[str]:
    """The re-run: the real pipeline and model, in this process; then a run that finds nothing to do."""
    index = open_index(settings)
    try:
        ingestor = build_ingestor(settings, index, embedder)  # type: ignore[arg-type]
        report = ingestor.run([docs])
        assert not report.failed, report.failed
        again = ingestor.run([docs])
        assert {o.status for o in again.outcomes} == {"unchanged"}
        return assert_consistent(index, ingestor.registry.saved())
    finally:
        index.close()


# --- the trials -------------------------------------------------------------------------------------
@dataclass
class Bench:
    """The working folder (always the same paths, so manifests stay valid) and saved states of it."""

    root: Path
    embedder: object

    @property
    def work(self) -> Path:
        return self.root / "work"

    @property
    def docs(self) -> Path:
        return self.work / "docs"

    def save(self, name: str) -> None:
        shutil.copytree(self.work, self.root / name)

    def restore(self, name: str) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        shutil.copytree(self.root / name, self.work)

    def timed_cli_run(self) -> Timing:
        process = KbProcess(self.work / "index", self.docs).start()
        process.finish()
        time.sleep(0.1)  # the reader thread takes the last lines
        return Timing(list(process.file_lines))

    def trial(self, start: str, expected: set[str], plan: tuple[str, Callable[[KbProcess], None]], n: int) -> bool:
        self.restore(start)
        label, wait = plan
        process = KbProcess(self.work / "index", self.docs).start()
        wait(process)
        killed, at = process.kill(), time.monotonic() - process.started
        settings = settings_for(self.work)
        committed, orphans = assert_readers_see_whole_documents(settings)
        started = time.monotonic()
        ids = ingest_to_completion(settings, self.docs, self.embedder)
        print(f"{start} trial {n}: kill {label} ({at:.1f}s): {'killed' if killed else 'had finished'}, "
              f"{committed} committed + {orphans} orphaned points at the kill; {len(ids)} after the re-run "
              f"({time.monotonic() - started:.1f}s)")
        assert ids == expected, f"{start} trial {n} ({label}) did not converge"
        return killed


def test_kill_9_at_random_points_converges_to_a_clean_run(tmp_path: Path, embedder: object) -> None:
    rng = random.Random()
    bench = Bench(tmp_path, embedder)
    make_state_a(bench.docs)
    bench.save("empty")
    timing = bench.timed_cli_run()  # a complete first ingestion: when its per-file lines come
    clean_a = consistent_ids(bench)
    make_state_b(bench.docs)
    bench.save("state-b-pending")  # the index of state A, the files of state B
    updated = ingest_to_completion(settings_for(bench.work), bench.docs, embedder)
    clean_b = clean_run_ids(bench, "state-b-pending")
    assert len(timing.lines) == 6 and clean_a != clean_b and updated == clean_b  # incremental == clean

    # files in order: UN-System..., annex, (faq,) guide-a, guide-b, handbook (the big one), (new-note)
    # the first ingestion is killed anywhere; the update after the lines of its 3 unchanged files
    killed = [bench.trial("empty", clean_a, timing.kill_plan(rng, n, 1, 5), n) for n in range(TRIALS_PER_PHASE)]
    killed += [bench.trial("state-b-pending", clean_b, timing.kill_plan(rng, n, 3, 4), n)
               for n in range(TRIALS_PER_PHASE)]

    assert sum(killed) >= len(killed) - 2, "most kills should land while the run is still going"


def consistent_ids(bench: Bench) -> set[str]:
    settings = settings_for(bench.work)
    index = open_index(settings)
    try:
        return assert_consistent(index, ManifestStore(settings.index_dir / "manifest.json").load())
    finally:
        index.close()


def clean_run_ids(bench: Bench, state: str) -> set[str]:
    """A clean run on the files of ``state``: a fresh index, same paths."""
    bench.restore(state)
    shutil.rmtree(bench.work / "index")
    return ingest_to_completion(settings_for(bench.work), bench.docs, bench.embedder)
