"""A helper's own question ("How quickly do I have to forward it to HR?") is answered from the passage that answers
it; a helper asking how to help gets the guidance for helpers."""

from __future__ import annotations

import pytest

from service.answering.care import DISCLOSURE_MATTERS, named_first
from service.answering.helper import disclosed_ask, own_question, the_ask
from service.models import ON_WHAT_YOU_ASKED
from tests.conftest import CORPUS, ROOT, make_settings

LISTS_POLICY = ROOT / "eval" / "data" / "lists" / "workplace-policy.md"


@pytest.mark.parametrize("question", [
    "When should I write up my notes after someone tells me about harassment?",
    "What should I do if the accused is my close friend and I'm their manager?",
    "What if the person accused is my own boss and I'm the manager hearing the disclosure?",
    "A colleague confided in me about harassment; may I tell anyone else about it?",
    "Someone in my unit told me in confidence about harassment; do I have to report it?",
    "Where do my notes go after someone has disclosed harassment to me?",
])
def test_a_helpers_question_of_their_own(question):
    assert own_question(question)


@pytest.mark.parametrize("question", [
    "How should I respond when a colleague tells me they were harassed?",
    "What should a manager do if a staff member says she was groped?",
    "One of my supervisees told me a colleague keeps touching her. What do I need to do now, and what shouldn't I do?",
    "My friend says her boss keeps touching her; where can she report it?",
    "As her supervisor, what are my obligations after an intern told me a consultant harassed her?",
    "What support can my colleague get after being assaulted on mission?",
    "Someone on my team broke down and said a senior official groped her, what now",
    "My colleague's line manager is the one harassing her. Whom should she talk to?",
    "My officemate whispered to me that the head of unit has been messaging her at 2am. Advice?",
    "One of the drivers told me a guard keeps grabbing her. I don't know what the right move is.",
    "I'm a team lead. A new hire says a vendor keeps making comments about her body. What's my role here?",
    "How can our unit look after a colleague who was assaulted during a mission last month?",
    "An employee reported her manager groped her. What are the steps on my side?",
    "Someone in my network told me she was assaulted by a UN official at a conference. Who should she contact?",
])
def test_a_helper_asking_how_to_help(question):
    assert not own_question(question)


def test_what_an_account_asks_of_its_own_is_read_apart_from_a_request_for_help():
    assert disclosed_ask("My manager keeps touching me. Can I report him anonymously?") == \
        "Can I report him anonymously?"
    assert disclosed_ask("My manager keeps touching me. What can I do?") == ""  # the care answer answers it
    assert disclosed_ask("My manager keeps touching me. Is that allowed?") == ""  # it only points back at the account
    assert disclosed_ask("My manager keeps touching me at work.") == ""  # nothing asked


def test_the_ask_is_the_last_question_from_its_last_semicolon():
    assert the_ask("A colleague told me she was harassed. I'm her manager; how soon must I tell HR? Thanks.") == \
        "how soon must I tell HR?"
    assert the_ask("She told me, e.g. about the trip. What did Ms. Joshi advise then??") == \
        "What did Ms. Joshi advise then?"  # "e.g." and "Ms." end no sentence
    assert the_ask("my friend says her boss keeps touching her, how can I help") == \
        "my friend says her boss keeps touching her, how can I help"


@pytest.fixture(scope="module")
def lists_kb(tmp_path_factory: pytest.TempPathFactory, embedder):
    """The bundled summary and a short workplace policy written as lists (a "Manager Responsibilities" list)."""
    from service.knowledge_base import KnowledgeBase

    kb = KnowledgeBase.open(make_settings(tmp_path_factory.mktemp("lists-kb"), ui=False), embedder)
    assert [o.status for o in kb.ingest([CORPUS, LISTS_POLICY])] == ["added", "added"]
    yield kb
    kb.close()


def test_a_helpers_own_question_is_answered_by_the_passage_that_answers_it(lists_kb):
    answer = lists_kb.ask("A member of my team told me she is being harassed. How quickly do I have to forward it "
                          "to HR?")
    assert answer.supporter and not answer.disclosure and not answer.abstained and answer.contacts
    assert answer.preface is None and answer.state == "answered"
    assert "forward the complaint to HR within" in answer.citations[0].quote


def test_a_disclosure_asking_something_of_its_own_gets_the_care_answer_then_the_answer_to_it(lists_kb):
    answer = lists_kb.ask("My manager keeps touching me at work. How long does an investigation usually take?")
    assert answer.disclosure and answer.preface and not answer.abstained
    care, own = answer.answer.split(ON_WHAT_YOU_ASKED)
    assert answer.own_answer == own.strip()
    last = f"[{len(answer.citations)}]"
    assert "[1]" in care and last not in care and last in own  # the support passages lead
    assert "typically completed within" in answer.citations[-1].quote
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    # asking how to get help is what the care answer answers: nothing is added
    plain = lists_kb.ask("My manager keeps touching me at work. What can I do?")
    assert ON_WHAT_YOU_ASKED not in plain.answer and plain.own_answer is None


def test_a_disclosure_asking_what_the_documents_do_not_cover_is_told_so_after_the_care_answer(lists_kb):
    answer = lists_kb.ask("My manager keeps touching me at work. How many days of paid leave can I get to recover?")
    assert answer.disclosure and answer.preface and not answer.abstained and answer.citations
    assert answer.state == "partial" and answer.uncovered == ["How many days of paid leave can I get to recover?"]
    care, own = answer.answer.split(ON_WHAT_YOU_ASKED)
    assert "[1]" in care and answer.own_answer == own.strip()  # the support passages still lead
    assert own.strip().startswith("The documents in this library do not cover")
    assert "[" not in own and "closest documents" not in own  # no quote stands for it, and no list follows


def test_a_helper_asking_how_to_help_still_gets_the_guidance_for_helpers(lists_kb):
    answer = lists_kb.ask("One of the nurses told me a patient's son keeps groping her. How can I support her?")
    assert answer.supporter and answer.preface and "supporting your colleague" in answer.preface


def test_a_helpers_own_question_the_documents_do_not_answer_gets_the_guidance_and_says_so(corpus_kb):
    answer = corpus_kb.ask("A colleague confided in me about harassment; can I be paid overtime for the hours I spend "
                           "supporting her?")
    assert answer.supporter and not answer.abstained and answer.state == "partial" and answer.contacts
    assert answer.notice and "answers this question directly" in answer.notice
    assert answer.uncovered == ["can I be paid overtime for the hours I spend supporting her?"]


def test_the_matter_an_account_speaks_of_is_quoted_second(lists_kb):
    # in the usual order (reporting, support, confidentiality, interim measures, retaliation) confidentiality is third
    answer = lists_kb.ask("My supervisor grabbed me at the party. I don't want anyone to find out.")
    assert answer.disclosure and len(answer.citations) >= 2
    assert "complete confidentiality" in answer.citations[1].quote  # the policy's paragraph on it, not a service's
    first = answer.citations[0].quote.lower()
    assert "report" in first or "raise a concern" in first  # how to report (the ways to raise a concern) still comes first

def test_the_matters_an_account_speaks_of_come_right_after_the_first():
    order = [m.name for m in named_first(DISCLOSURE_MATTERS, "since I complained I get the worst shifts; is it secret?")]
    assert order == ["reporting", "confidentiality", "retaliation", "support", "interim measures"]
    assert named_first(DISCLOSURE_MATTERS, "he touched me") == DISCLOSURE_MATTERS



# a fictional staff guide in plain language, written for these checks by a session that saw no code: question-style
# headings, reporting said as "talk to" and "make a formal complaint", a dozen passages naming sexual harassment
STAFF_GUIDE = ROOT / "tests" / "data" / "kestrel-staff-guide.md"


def test_a_care_answer_quotes_the_librarys_own_guide_before_the_summary_of_an_event(tmp_path, embedder):
    # an uncatalogued guide has the type "other", and each matter is searched without "sexual harassment", which
    # every passage of both documents names: the guide's passages on complaints are found, and come first
    from service.knowledge_base import KnowledgeBase

    kb = KnowledgeBase.open(make_settings(tmp_path / "home", ui=False), embedder)
    try:
        assert [o.status for o in kb.ingest([CORPUS, STAFF_GUIDE])] == ["added", "added"]
        answer = kb.ask("A farmer who hosts one of our field trials keeps making sexual comments to me.")
        assert answer.disclosure and answer.citations
        assert all(c.passage.doc_key == "kestrel-staff-guide" for c in answer.citations[:2])
        assert "complaint" in answer.citations[0].quote.lower()
    finally:
        kb.close()
