"""Answer feedback: a rating, a "wrong citation" flag, an answer excerpt, kept in a SQL database.

SQLite in the index folder by default; replicas share one database through a SQLAlchemy URL
(``KB_FEEDBACK_URL``, e.g. ``postgresql+psycopg://...`` with that driver installed, or a SQLite file on a shared
folder for replicas on one host). The question text is stored only when the person chose to include it. Rows
older than the retention period are deleted when the store is opened and on every write.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import (
    CheckConstraint,
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    insert,
    select,
)
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from ingest.errors import FeedbackNotSaved
from ingest.settings import Settings
from service.rate import RateLimit

log = logging.getLogger(__name__)  # never given question or answer text

Rating = Literal["up", "down"]
EXCERPT_CHARS = 300
QUESTION_CHARS = 2000
METADATA = MetaData()
FEEDBACK = Table(
    "feedback", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", String(32), nullable=False),
    Column("rating", String(4), CheckConstraint("rating IN ('up', 'down')")),
    Column("wrong_citation", Integer, nullable=False, default=0),
    Column("answer_excerpt", Text),
    Column("question", Text),
)


class FeedbackEntry(BaseModel):
    id: int
    created_at: str
    rating: Rating | None
    wrong_citation: bool
    answer_excerpt: str | None
    question: str | None


def _cause(err: SQLAlchemyError) -> str:
    """The database's own message, never SQLAlchemy's (which quotes the statement and its parameters)."""
    return str(err.orig) if isinstance(err, DBAPIError) else type(err).__name__


class FeedbackStore:
    """One database; a connection per call on SQLite (the API and UI threads share it), a pool elsewhere."""

    def __init__(self, target: Path | str, retention_days: int = 90, limit: RateLimit | None = None) -> None:
        """``target``: a SQLite file, or a SQLAlchemy URL."""
        self.retention_days = retention_days
        self.limit = limit
        if isinstance(target, Path):
            self.path: Path | None = target
            target.parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine("sqlite://", creator=self._connect, poolclass=NullPool)
        else:
            self.path = None
            self.engine = create_engine(target, pool_pre_ping=True)
        METADATA.create_all(self.engine)
        self.purge()

    @classmethod
    def for_settings(cls, settings: Settings) -> FeedbackStore:
        target: Path | str = settings.feedback_url or settings.index_dir / "feedback.sqlite3"
        return cls(target, settings.feedback_retention_days, RateLimit(settings.feedback_rate, "feedback"))

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), timeout=10, check_same_thread=False)
        db.execute("PRAGMA secure_delete = ON")  # purged questions are overwritten, not left in free pages
        return db

    def add(self, rating: Rating | None, wrong_citation: bool = False, answer_excerpt: str | None = None,
            question: str | None = None, client: str = "local") -> int:
        """Store one piece of feedback from ``client`` (an address; rate-limited when the store has a limit)."""
        if self.limit is not None:
            self.limit.check(client)
        excerpt = answer_excerpt[:EXCERPT_CHARS] if answer_excerpt else None
        kept_question = question.strip()[:QUESTION_CHARS] if question and question.strip() else None
        row = {"created_at": now().isoformat(timespec="seconds"), "rating": rating,
               "wrong_citation": int(wrong_citation), "answer_excerpt": excerpt, "question": kept_question}
        try:
            with self.engine.begin() as db:
                result = db.execute(insert(FEEDBACK).values(**row))
                new_id = int((result.inserted_primary_key or [0])[0] or 0)
        except SQLAlchemyError as err:
            raise FeedbackNotSaved(f"Your feedback could not be saved ({_cause(err)}); nothing was stored. "
                                   "Please try again later.") from None
        try:
            self.purge()
        except SQLAlchemyError as err:  # stored; old rows go on the next write or start
            log.warning("feedback retention: old entries not deleted this time (%s)", _cause(err))
        log.info("feedback stored (rating=%s, wrong_citation=%s, question kept=%s)", rating, wrong_citation,
                 kept_question is not None)
        return new_id

    def purge(self) -> int:
        """Delete feedback older than the retention period; returns how many rows went."""
        cutoff = (now() - timedelta(days=self.retention_days)).isoformat(timespec="seconds")
        with self.engine.begin() as db:
            removed = db.execute(delete(FEEDBACK).where(FEEDBACK.c.created_at < cutoff)).rowcount
        if removed:
            log.info("feedback retention: %d old entries deleted", removed)
        return int(removed)

    def entries(self, limit: int = 100) -> list[FeedbackEntry]:
        """The newest entries first (for operators and tests)."""
        with self.engine.connect() as db:
            rows = db.execute(select(FEEDBACK).order_by(FEEDBACK.c.id.desc()).limit(limit)).mappings().all()
        return [FeedbackEntry(**{**dict(r), "wrong_citation": bool(r["wrong_citation"])}) for r in rows]


def now() -> datetime:
    return datetime.now(UTC)
