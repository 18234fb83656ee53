"""`kb ask`'s terminal output: the frame's words in the question's language, as in the web UI."""

from __future__ import annotations

from rich.console import Console

from app.query_command import heading, print_answer
from ingest.contacts import Contact
from ingest.models import DocType
from service.models import Answer, Suggestion


def printed(answer: Answer) -> str:
    out = Console(record=True, width=200)
    print_answer(answer, out)
    return out.export_text()


def answer_in(language: str) -> Answer:
    closest = Suggestion(doc_key="k", title="Event report summary", doc_type=DocType.dialogue_summary, score=0.3)
    return Answer(answer="…", abstained=True, state="not_covered", suggestions=[closest], language=language,
                  contacts=[Contact(name="Ethics office", how="ethics@example.org")])


def test_an_answer_in_french_is_framed_in_french() -> None:
    text = printed(answer_in("fr"))
    assert "Non traité dans les documents" in text and "Documents les plus proches :" in text
    assert "Où trouver du soutien :" in text and "Event report summary" in text and "ethics@example.org" in text


def test_english_and_chinese_frames() -> None:
    text = printed(answer_in("en"))
    assert "Closest documents:" in text and "Where you can get support:" in text
    assert heading("closest", "zh") == "最相关的文件：" and heading("closest", "ar") == "أقرب الوثائق:"
