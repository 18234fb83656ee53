"""Answer feedback kept locally in SQLite: a rating, a "wrong citation" flag, an answer excerpt.

The question text is stored only when the person chose to include it. Rows older than the
retention period are deleted when the store is opened and on every write.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from ingest.errors import FeedbackNotSaved
from ingest.settings import Settings
from service.rate import RateLimit

log = logging.getLogger(__name__)  # never given question or answer text

Rating = Literal["up", "down"]
EXCERPT_CHARS = 300
QUESTION_CHARS = 2000
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating TEXT CHECK (rating IN ('up', 'down')),
    wrong_citation INTEGER NOT NULL DEFAULT 0,
    answer_excerpt TEXT,
    question TEXT
)
"""


class FeedbackEntry(BaseModel):
    id: int
    created_at: str
    rating: Rating | None
    wrong_citation: bool
    answer_excerpt: str | None
    question: str | None


class FeedbackStore:
    """One SQLite file; a connection per call, so the API and UI threads can share it."""

    def __init__(self, path: Path, retention_days: int = 90, limit: RateLimit | None = None) -> None:
        self.path = path
        self.retention_days = retention_days
        self.limit = limit
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db, db:
            db.execute(SCHEMA)
        self.purge()

    @classmethod
    def for_settings(cls, settings: Settings) -> FeedbackStore:
        return cls(settings.index_dir / "feedback.sqlite3", settings.feedback_retention_days,
                   RateLimit(settings.feedback_rate, "feedback"))

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA secure_delete = ON")  # purged questions are overwritten, not left in free pages
        return db

    def add(self, rating: Rating | None, wrong_citation: bool = False, answer_excerpt: str | None = None,
            question: str | None = None, client: str = "local") -> int:
        """Store one piece of feedback from ``client`` (an address; rate-limited when the store has a limit)."""
        if self.limit is not None:
            self.limit.check(client)
        excerpt = answer_excerpt[:EXCERPT_CHARS] if answer_excerpt else None
        kept_question = question.strip()[:QUESTION_CHARS] if question and question.strip() else None
        row = (now().isoformat(timespec="seconds"), rating, int(wrong_citation), excerpt, kept_question)
        try:
            with closing(self._connect()) as db, db:
                cursor = db.execute("INSERT INTO feedback (created_at, rating, wrong_citation, answer_excerpt, "
                                    "question) VALUES (?, ?, ?, ?, ?)", row)
                new_id = int(cursor.lastrowid or 0)
        except sqlite3.Error as err:  # SQLite's message names the cause, never the row
            raise FeedbackNotSaved(f"Your feedback could not be saved ({err}); nothing was stored. "
                                   "Please try again later.") from err
        try:
            self.purge()
        except sqlite3.Error as err:  # stored; old rows go on the next write or start
            log.warning("feedback retention: old entries not deleted this time (%s)", err)
        log.info("feedback stored (rating=%s, wrong_citation=%s, question kept=%s)", rating, wrong_citation,
                 kept_question is not None)
        return new_id

    def purge(self) -> int:
        """Delete feedback older than the retention period; returns how many rows went."""
        cutoff = (now() - timedelta(days=self.retention_days)).isoformat(timespec="seconds")
        with closing(self._connect()) as db, db:
            removed = db.execute("DELETE FROM feedback WHERE created_at < ?", (cutoff,)).rowcount
        if removed:
            log.info("feedback retention: %d old entries deleted", removed)
        return int(removed)

    def entries(self, limit: int = 100) -> list[FeedbackEntry]:
        """The newest entries first (for operators and tests)."""
        with closing(self._connect()) as db:
            db.row_factory = sqlite3.Row
            rows = db.execute("SELECT * FROM feedback ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [FeedbackEntry(**{**dict(r), "wrong_citation": bool(r["wrong_citation"])}) for r in rows]


def now() -> datetime:
    return datetime.now(UTC)
