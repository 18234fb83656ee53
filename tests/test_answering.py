"""Answer logic: verification gate, disclosure detection (rules and embeddings), extractive composition."""

from __future__ import annotations

import numpy as np
import pytest

from ingest.models import DocType
from service.answering.disclosure import DisclosureDetector
from service.answering.verify import markers, verify
from service.models import Citation, Passage

DISCLOSURES = [
    "My supervisor keeps commenting on my body and I feel sick going to work.",
    "I was touched by a colleague at the retreat last week and I don't know who to tell.",
    "my manager sends me explicit messages at night",
    "A senior colleague cornered me in the lift and tried to kiss me.",
    "I reported my team leader months ago and now I am being excluded from meetings.",
    "He keeps asking me out after I said no, and he is my boss.",
    "i got a message on teams from the deputy rep asking what colour my underwear is",
    "He said he'd give me a good performance review if I spent the weekend with him",
]
NEUTRAL = [
    "What does the Model Policy say about informal resolution?",
    "Who chaired the CEB Task Force?",
    "I am a gender focal point; what did the report recommend about training?",
    "Can I share the publication with my team?",
    "What did the keynote speaker say about leadership?",
    "How much did workplace sexual harassment cost the Australian economy?",
    "What should managers do to prevent harassment in country offices?",
    "Will my overtime be paid if I spent the weekend finishing the survey report?",
    "Which underwear brands sponsored the gala?",
]


def passage(text: str, pid: str = "p1") -> Passage:
    return Passage(id=pid, doc_key="d", title="Doc", doc_type=DocType.policy, text=text, score=1.0)


def test_verify_drops_unverifiable_quotes_and_orphan_markers_and_renumbers():
    p = passage("Retaliation is prohibited. Reports may be made informally.")
    cites = [
        Citation(n=1, quote="Retaliation is prohibited.", passage=p),
        Citation(n=2, quote="Retaliation is allowed.", passage=p),  # not in the passage
        Citation(n=3, quote="Reports may be made informally.", passage=p),
    ]
    text, kept = verify("A [1]. B [2]. C [3] [7].", cites)
    assert [c.n for c in kept] == [1, 2] and kept[1].quote == "Reports may be made informally."
    assert markers(text) == [1, 2] and "[7]" not in text and "[3]" not in text


def test_verify_drops_citations_no_marker_points_to():
    p = passage("Retaliation is prohibited.")
    text, kept = verify("No markers here.", [Citation(n=1, quote="Retaliation is prohibited.", passage=p)])
    assert kept == [] and text == "No markers here."


@pytest.fixture(scope="module")
def detector(embedder):
    return DisclosureDetector(lambda texts: embedder.encode(texts))


@pytest.mark.parametrize("question", DISCLOSURES)
def test_disclosures_are_detected(detector, question):
    assert detector.assess(question).is_disclosure


@pytest.mark.parametrize("question", NEUTRAL)
def test_neutral_questions_are_not_disclosures(detector, question):
    assert not detector.assess(question).is_disclosure


def test_a_question_close_to_accounts_in_meaning_is_not_one(detector):
    # close in meaning to accounts of harm, but a question about reporting, or about what counts
    assert not detector.assess("If I report harassment, will my name be kept confidential?").is_disclosure
    assert not detector.assess("My colleague and I disagree about whether a hug counts as harassment; what does "
                               "the guidance say?").is_disclosure
    assert detector.assess("My team lead says my contract renewal depends on going to dinner with him alone.").is_disclosure


def test_extractive_answer_quotes_verbatim_and_diversifies(corpus_kb):
    # two asks whose best unit is the same sentence: it is quoted once, not twice
    question = "What is the ClearCheck database used for, and what does ClearCheck prevent?"
    found = corpus_kb.retriever.retrieve(question, 5)
    scored, coverage = corpus_kb.answers.read(question, found)
    assert len(coverage.asks) == 2 and all(a.answering for a in coverage.asks)
    _text, cites = corpus_kb.answers.extractive.compose(scored, coverage)
    assert cites and all(c.quote in c.passage.text for c in cites)
    assert "ClearCheck" in cites[0].quote
    vectors = corpus_kb.embed_texts([c.quote for c in cites])
    sims = vectors @ vectors.T - np.eye(len(cites))
    assert sims.max() < 0.85  # no two sentences saying the same thing
    assert len(cites) <= corpus_kb.settings.answer_sentences
