"""Answer feedback over HTTP: the same local store the UI writes to."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field, model_validator

from service.api.schemas import error_responses
from service.feedback import EXCERPT_CHARS, QUESTION_CHARS, FeedbackStore, Rating

router = APIRouter(prefix="/api/feedback", tags=["feedback"])


class FeedbackRequest(BaseModel):
    rating: Rating | None = Field(None, description="'up' (helpful) or 'down' (not helpful); may be left out.")
    wrong_citation: bool = Field(False, strict=True, description="A citation did not support its sentence.")
    answer_excerpt: str | None = Field(None, max_length=4000,
                                       description=f"The answer rated; only its first {EXCERPT_CHARS} characters are kept.")
    question: str | None = Field(None, max_length=QUESTION_CHARS,
                                 description="The question, stored only when sent; leave it out to keep it private.")

    @model_validator(mode="after")
    def says_something(self) -> FeedbackRequest:
        if self.rating is None and not self.wrong_citation:
            raise ValueError("give a rating ('up' or 'down') or set wrong_citation")
        return self


class FeedbackStored(BaseModel):
    id: int
    question_stored: bool


async def get_store(request: Request) -> FeedbackStore:
    """The app's one store, built by the composition root and shared with the UI."""
    store: FeedbackStore = request.app.state.feedback
    return store


@router.post("", response_model=FeedbackStored, status_code=201, summary="Rate an answer (stored locally)",
             responses=error_responses(429, 503))
def add_feedback(request: Request, body: FeedbackRequest, store: Annotated[FeedbackStore, Depends(get_store)]
                 ) -> FeedbackStored:
    client = request.client.host if request.client else "unknown"
    new_id = store.add(body.rating, body.wrong_citation, body.answer_excerpt, body.question, client)
    return FeedbackStored(id=new_id, question_stored=bool(body.question and body.question.strip()))
