"""Typed boundary models of the service: what the API, the UI, the CLI and the eval exchange."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from ingest.contacts import Contact
from ingest.models import DocType

AFTER_MARKERS = re.compile(r"(?<=\d\])\s+(?!\[)")  # after a citation marker, not after "[Ms. X]"


def split_answer(text: str) -> list[str]:
    """Answer sentences with their trailing markers attached (split after a marker group)."""
    return [piece for piece in AFTER_MARKERS.split(text) if piece]


class Passage(BaseModel):
    """A retrieved chunk, with everything a citation needs to point at its source."""

    id: str
    doc_key: str
    title: str
    doc_type: DocType
    page_start: int | None = None
    page_end: int | None = None
    section: str | None = None
    paragraph: str | None = None
    text: str
    score: float
    char_start: int | None = Field(None, description="Where the passage starts in its document's text.")
    language: str = Field("en", description="The language it is written in: ar, zh, en, fr, ru or es.")

    @classmethod
    def from_payload(cls, point_id: str, score: float, payload: dict[str, Any]) -> Passage:
        fields = {k: payload.get(k) for k in ("doc_key", "title", "doc_type", "page_start", "page_end",
                                              "section", "paragraph", "text", "char_start")}
        return cls(id=point_id, score=score, language=payload.get("language") or "en", **fields)


class Citation(BaseModel):
    """Marker ``[n]`` in the answer, the exact quote it rests on (a verbatim span of the passage)."""

    n: int
    quote: str
    passage: Passage


class Suggestion(BaseModel):
    """A close document offered when the answer abstains (not a citation)."""

    doc_key: str
    title: str
    doc_type: DocType
    section: str | None = None
    page_start: int | None = None
    score: float


Language = Literal["ar", "zh", "en", "fr", "ru", "es"]


class Filters(BaseModel):
    doc_type: list[DocType] = Field(default_factory=list, max_length=10, description="Keep passages of these types.")
    doc_key: list[str] = Field(default_factory=list, max_length=50, description="Keep passages of these documents.")
    language: list[Language] = Field(default_factory=list, max_length=6,
                                     description="Keep passages of documents in these languages (ar, zh, en, fr, ru, es).")


AnswerState = Literal["answered", "partial", "not_covered"]
STATE_LABELS: dict[str, str] = {"answered": "Answered from the documents", "partial": "Partly answered",
                                "not_covered": "Not covered by the documents"}
NO_MATCH = "No passage in the library matches the words or the meaning of this search."
# a disclosure that also asked something: the answer to its ask follows the care passages under this
ON_WHAT_YOU_ASKED = "On what you asked:"


class Answer(BaseModel):
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    abstained: bool = False
    state: AnswerState = Field("answered", description="'answered'; 'partial' (some asks of the question are not "
                               "covered, listed in `uncovered`); 'not_covered' (abstained).")
    uncovered: list[str] = Field(default_factory=list, description="The asks of the question the documents do not "
                                 "answer, as the question words them.")
    notice: str | None = None
    disclosure: bool = Field(False, description="The question read as a personal account; support passages first.")
    supporter: bool = Field(False, description="The question reads as someone helping a person who confided in them.")
    preface: str | None = Field(None, description="The opening sentence of a disclosure-aware answer (not a claim).")
    own_answer: str | None = Field(None, description="In a disclosure answer, the answer to what the account also "
                                   "asked, its [n] markers into `citations`, or the plain statement that the documents "
                                   "do not cover it (the answer is then 'partial', the ask in `uncovered`); `answer` "
                                   f"ends with it, after '{ON_WHAT_YOU_ASKED}'.")
    suggestions: list[Suggestion] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list, description="Support contacts from corpus/contacts.toml.")
    mode: str = Field("extractive", description="'extractive' or 'llm'.")
    language: str = Field("en", description="The question's language (ar, zh, en, fr, ru, es): the answer's fixed "
                          "sentences are in it; quotes stay in their document's language.")
    timings_ms: dict[str, float] = Field(default_factory=dict)


class SearchResponse(BaseModel):
    """Ranked passages for a query, or none with a note when nothing matches it."""

    results: list[Passage]
    matched: bool = Field(True, description="False when no passage matches the query's words or meaning; "
                          "`results` is then empty and `note` says so.")
    note: str | None = None
