"""Coverage rules on the question's form: the kind of answer it asks for, and documents it names that the library lacks."""

from __future__ import annotations

import pytest

from ingest.catalog import CatalogEntry
from ingest.index.bm25 import Bm25Encoder
from ingest.models import DocType
from service.answering.answerability import _other_years, dated_near
from service.answering.coverage import SourceCheck, expected_answer
from service.answering.focus import capitalised_names, parts, recased, speaker_names, words
from service.models import Passage
from tests.conftest import CORPUS, make_settings

MODEL_POLICY = CatalogEntry(key="model-policy-2018", title="UN System Model Policy on Sexual Harassment",
                            aliases=["Model Policy"])
VICTIM_CENTRED = CatalogEntry(key="victim-centred-2021", title="Advancing a Common Understanding of a Victim-centred "
                              "Approach", aliases=["victim-centred guidance"])
INFORMAL_Q = "What does the Model Policy say about informal resolution?"


@pytest.mark.parametrize(("question", "kind"), [
    ("How long does an investigation take?", "time span"),
    ("What is the deadline for filing a formal complaint?", "time span"),
    ("Within how many days must a complaint be acknowledged?", "time span"),
    ("What is the email address of the Ethics Office?", "contact"),
    ("Which phone number do I call to report?", "contact"),
    ("How many panelists spoke?", "number"),  # a list of names answers it too (service/answering/answerability.py)
    ("When was the Code of Conduct launched?", "date"),
    ("In what year was the Task Force set up?", "date"),
    ("Is there a hotline?", None),  # yes/no questions are answered without a number or an address
    ("Can I report by email?", None),
    ("When should I report harassment?", None),  # asks for circumstances, not a date
    ("What is the victim-centred approach?", None),
    ("How do I contact the Victims' Rights Advocate?", "contact"),
    ("How often is the refresher training?", "frequency"),
    ("Who chairs the audit committee?", "agent"),
    ("Who organised the meeting?", "agent"),
    ("Which office investigates complaints?", "agent"),
    ("Who is the current chair of the Task Force?", "name"),
    ("What percentage of staff completed the training?", "share"),
    ("What is the maximum amount of a fine?", "number"),
    ("On which dates were the dialogues held?", "date"),
    ("Who can report harassment?", None),  # asks who may, not who it is
    ("What is the Staff Counsellor's extension?", "contact"),
    ("what's the fax number for OIA", "contact"),
    ("Can the investigation get an extension?", None),  # more time, not a phone extension
    ("Which entities have not yet adopted the Model Policy?", "agent"),
    ("Which services does the Staff Counsellor offer?", None),  # what is offered, not who offers it
    ("Within how many hours must a manager pass on a complaint?", "time span"),
    ("What is the pass mark of the Respect at Work course?", "number"),
    ("What is the maximum fine that can be imposed for sexual harassment?", "number"),
    ("Which countries are members of the Group of Friends?", "agent"),  # a name the question does not hold
    ("Which Member States belong to the Group of Friends?", "agent"),
    ("Who ran the event as facilitator?", "agent"),  # a past tense in neither -s nor -ed
    ("Who put the new publication together?", "agent"),
    ("What happens when someone misses the deadline for mandatory training?", None),  # what follows, not a deadline
    ("What post does Hannan Sulieman hold?", "role"),
    ("What position does Patrick F. Kennedy hold?", "role"),  # a middle initial
    ("Who was the UNICEF Executive Director that ASG Sulieman mentioned?", "name"),
    ("Which organization did Kanti Joshi represent?", "role"),
    ("What is Westfahl's job?", "role"),
    ("What is Aritha Wickramasinghe's job?", "role"),  # a first name before the possessive
    ("What is the current completion rate for the e-learning course?", "share"),  # a rate is a share, not a count
    ("What was the response rate of the survey?", "share"),
    ("What was the survey's response rate?", "share"),  # a possessive before the rate
    ("Who counts as a manager under this guidance?", None),  # what the word covers, not who did something
    ("Who qualifies as a bystander?", None),
    # how long, whatever the ask goes on to name: an email here is what is answered, not what is asked for
    ("How long does the Ombudsperson take to answer an email?", "time span"),
    ("Where is the Ethics Office located?", "place"),
    ("In which city is the Tribunal based?", "place"),
    ("Where can I find the annex?", None),  # where in a document, not where a place is
    ("Where is the Staff Counsellor's office?", "place"),
    ("Where are case records held?", None),  # who keeps them, or how: "held" asks a place of an event only
    ("Where will the next dialogue be held?", "place"),
    ("What is the intranet link to the list of advisers?", "contact"),
    ("How much notice does a staff member get before separation?", "number"),
    # a query typed as the contact detail it wants, with no question word; "contact" alone may ask whom to contact
    ("email for the manila focal points?", "contact"),
    ("extension number for the victim assistance coordinator in nairobi", "contact"),
    ("phone no. of the staff counsellor", "contact"),
    ("contact for reporting harassment", None),
    # "what <kind of> rate" is a share, as "what is the response rate" is; "what rate" alone stays a number
    ("what response rate is the workplace culture survey aiming for?", "share"),
    ("What completion rate does the organization aim for in mandatory training?", "share"),
    ("What rate does the survey aim for?", "number"),
    ("what % of staff must finish the course?", "share"),
    # where the question is set comes before what it asks
    ("under the Investigator's Manual how long should an investigation take", "time span"),
    ("According to the policy, how many days does the subject have to reply?", "time span"),
    ("In the Model Policy, what is the standard of proof?", None),
    # a cost, budget or contribution is an amount of money; leave is no money, a number to dial is a phone number
    ("How much did the bystander programme cost?", "money"),
    ("What is the annual budget of the secretariat?", "money"),
    ("how much does each member have to contribute every year", "money"),
    ("How much paid leave do I get?", None),
    ("what number should staff dial for the intake line?", "contact"),
    # which body did something, in the past tense
    ("Which consulting firm let 12 partners go?", "agent"),
    ("Which organizations teamed up to host the session?", None),  # read by what the sentences say of it
    # an average or extreme time, with the thing timed between; how big a sum is
    ("What was the average investigation time for non-staff subjects?", "time span"),
    ("What was the longest investigation closed last year?", "time span"),
    ("Which channel is the fastest way to report?", None),
    ("How big was the fine imposed in 2023?", "money"),
    # a query typed as what it is of, then the contact detail: "ethics office email", typo included
    ("ethics office email", "contact"),
    ("ombudsperson emial address?", "contact"),
    ("staff counsellor phone number", "contact"),
    ("I lost my phone", None),
])
def test_the_question_form_names_the_kind_of_answer(question, kind):
    expected = expected_answer(question)
    assert (expected.name if expected else None) == kind


@pytest.mark.parametrize(("question", "sentence", "holds"), [
    ("How long does it take?", "Investigations are completed within 120 days.", True),
    ("What is the deadline?", "Reports are made no later than the end of the assignment.", True),
    ("How long does it take?", "The dialogues were held during the past year.", False),
    ("How many people answered the survey?", "The survey is carried out every two years.", False),  # a span
    ("Who chaired the panel?", "The Chair praised the panel of leaders.", False),  # a role named, nobody in it
    ("Which office runs it?", "It is set out in the UN Model Policy of 2019.", False),  # a document does nothing
    ("What is the name of the report?", "It was launched by the CEB Task Force on Harassment.", False),  # a body
    ("What is the name of the report?", "The Task Force adopted the Investigator’s Manual.", True),
    ("Who chaired the panel?", "DED Bhatia moderated the discussion with the panel.", True),
    ("What post does Hannan Sulieman hold?", "Ms. Hannan Sulieman, Deputy Executive Director, UNICEF", True),
    ("What post does Hannan Sulieman hold?", "ASG Sulieman added that all staff must act.", False),
    ("Who was the Executive Director she mentioned?", "ASG Sulieman gave the example of UNICEF's Executive Director "
     "taking a firm stance.", False),
    ("Who was the Executive Director she mentioned?", "Ms. Henrietta Fore, Executive Director of UNICEF, took a firm "
     "stance.", True),
    ("What is Clements's role?", "The Chair of the Task Force, Ms. Kelly T. Clements, spoke.", True),
    ("How many years between surveys?", "The survey is carried out every two years.", True),
    ("What is the email address?", "Write to ethics-office@example.org for advice.", True),
    ("Which phone number?", "Call +41 22 917 1234 at any hour.", True),
    ("Which phone number?", "Surveys from 2019 and 2020 were compared.", False),
    ("How long does it take?", "Complaints are acknowledged within ten working days.", True),
    ("By how much can the deadline be extended?", "Once only, by up to 45 additional calendar days.", True),  # a word between
    ("How long does it take?", "It takes two further steps.", False),
    # a postal address asked for is a street, a post box or a postcode, not the words "the headquarters address"
    ("What's the postal address of headquarters?", "Write by letter to the Head of ICRU at the headquarters address.",
     False),
    ("What's the postal address of headquarters?", "Write to the Head of ICRU, 14 Harbour Street, Leith.", True),
    ("What is the mailing address for complaints?", "Complaints go to P.O. Box 500, 1211 Geneva.", True),
    # a maximum asked for is not a minimum given, nor the other way round
    ("What's the maximum number of focal points an office can have?", "Every office has at least two focal points.",
     False),
    ("What's the maximum number of sessions?", "It provides up to eight free sessions.", True),
    ("What is the minimum number of focal points per office?", "Every office has at least two focal points.", True),
    ("What is the minimum number of sessions?", "It provides up to eight free sessions.", False),
    ("How long has the Task Force worked on this?", "It has done so since its inception in 2017.", True),
    ("What is the deadline for a complaint?", "It has done so since its inception in 2017.", False),
    ("When was it launched?", "It was launched in October 2021.", True),
    ("When was it launched?", "Staff may report at any time.", False),  # "may" is no month
    ("How often is the policy reviewed?", "The policy is reviewed every three years.", True),
    ("How often is the policy reviewed?", "The policy was reviewed by the Board.", False),
    ("Who runs the SafeVoice line?", "The SafeVoice line is run by Ethicall Ltd, an outside provider.", True),
    ("Who runs the SafeVoice line?", "The SafeVoice line is available around the clock in the UN.", False),
    ("Who chairs the committee?", "Ms. Ana Ruiz chairs it.", True),
    ("What share of workers were harassed?", "It found that 1 in 3 workers had been harassed.", True),
    ("What percentage of staff took the course?", "Managers attend a half-day workshop within six months.", False),
    ("What percentage of staff took the course?", "Most recently, the course was updated.", False),
    # a paragraph, annex or footnote number counts nothing
    ("How many sessions are offered?", "14.2 Counselling sessions are offered to staff.", False),
    ("How many witnesses may be heard?", "Witnesses are heard as set out in paragraph 7.3 and annex 2.", False),
    ("How many participants attended?", "140 participants attended the launch.", True),
    # a phone number is not a count; asked for a phone number, an email address is not one
    ("How many reports were received?", "SafeVoice line +44 20 7946 0321 (24 hours) passes reports to OIA.", False),
    ("What is the phone number of the Ethics Office?", "Ethics Office: ethics@iare.example.", False),
    ("What is the SafeVoice phone number?", "By telephone on +44 20 7946 0321, day and night.", True),
    ("What is the email address of the Ethics Office?", "Ethics Office: ethics@iare.example.", True),
    ("What's the phone extension for the counsellor?", "Staff Counsellor, Staff Welfare Unit, ext. 4460.", True),
    # "every concern" is no frequency; a capital that only opens the sentence names nobody
    ("How often is this policy reviewed?", "Every concern is handled with discretion.", False),
    ("How often is this policy reviewed?", "The policy is reviewed every second year by the Board.", True),
    ("Which law firm carries out external investigations?", "For complaints about senior staff, an external "
     "investigator is used.", False),
    ("Which office carries out investigations?", "OIA carries out investigations.", True),
    # the name of a report is its title, not a person's name; the name of a chair is a person's
    ("What is the name of the report launched at the meeting?", "Ms. Ruiz launched a new publication, "
     "“Making zero tolerance a reality”.", True),
    ("What is the name of the report launched at the meeting?", "The report was launched at the meeting.", False),
    ("What is the name of the chair?", "The Task Force met in June.", False),
    ("What is the name of the chair?", "The Chair, Ms. Ana Ruiz, opened it.", True),
    # a course's title in quotes or the UN's possessive names nobody who does something; a fax number is a phone's
    ("Which company provides the online course?", "All personnel complete the online course “Respect at Work”.", False),
    ("Which office investigates complaints?", "The test is the confidence staff have in the UN's ability.", False),
    ("Which entities have adopted the policy?", "UNICEF and UNHCR have adopted it.", True),
    # an office or body asked for: a person named is none ("Which office ..." is not answered by "ASG Lopez ...")
    ("Which office runs the ClearCheck database?", "ASG Lopez shared the good practice of the ClearCheck database.",
     False),
    ("Which office runs the ClearCheck database?", "Ms. Lopez said OHR runs the ClearCheck database.", True),
    ("Who runs the ClearCheck database?", "ASG Lopez runs the ClearCheck database.", True),
    ("What is the fax number of OIA?", "OIA: investigations@iare.example.", False),
    ("What is the fax number of OIA?", "OIA: fax +41 22 917 0000.", True),
    # a frequency in two words ("every 20 working days"); a rate is a share, which a sentence on rates may lack
    ("How often are interim measures reviewed?", "They are reviewed at least every 20 working days.", True),
    ("How long does each visit last?", "The Staff Counsellor visits each office twice a year.", False),  # how often
    # a deadline asked for: a period of recurrence sets none; "how many years between" is answered by one
    ("Within how many working days must a manager act?", "Measures are reviewed every 20 working days.", False),
    ("Within how many working days must a manager act?", "Managers act within five working days.", True),
    ("What is the current completion rate?", "Completion rates are reported to managers each quarter.", False),
    ("What is the current completion rate?", "So far 87 per cent of staff have completed it.", True),
    # how long a thing takes is no period of recurrence; how long between two of them is one
    ("How long does the OIO take to finish an investigation?", "The OIO informs the affected person of progress at "
     "least every 30 working days.", False),
    ("How long does the OIO take to finish an investigation?", "Investigations are completed within 120 days.", True),
    ("How long is it between two progress updates?", "Progress is reported at least every 30 working days.", True),
    # a place: a floor, a building, a city; a year or a date the event was held in is none
    ("Where is the Ethics Office located?", "The Ethics Office is on the fourth floor of the North Building.", True),
    ("Where is the Ethics Office located?", "The Ethics Office is based in Nairobi.", True),
    ("Where was the event held?", "It was the fifth dialogue held in 2021 as part of the series.", False),
    ("Where was the event held?", "The dialogue was held in March with 300 participants.", False),
    ("Where is the Ethics Office located?", "The Ethics Office can be reached at ethics@example.org.", False),
    ("Where are the regional offices located?", "This guidance is for managers at the International Office for "
     "Maritime Cooperation.", False),  # a body named is no place
    ("Which provider operates the line?", "The line is operated on behalf of the IOMC by an external provider.", False),
    ("Which provider operates the line?", "The line is operated by Nordlys Integrity AS on behalf of the IOMC.", True),
    # a month asked for is a month; how many times is a count of times, not the length of what is repeated
    ("In which month is the survey run?", "The survey was conducted in 2020 across 30 entities.", False),
    ("In which month is the survey run?", "The survey is run every year in November.", True),
    ("How many times can the term be renewed?", "Advisers are appointed for a renewable term of two years.", False),
    ("How many times can the term be renewed?", "The two-year term may be renewed once.", True),
    ("How much notice does a staff member get?", "Separation from service, with notice or compensation in lieu "
     "of notice.", False),
    ("How many times a year does the counsellor visit?", "The counsellor visits each office at least twice a year.",
     True),
    ("How many times can it be tried?", "No file is kept once the process has ended.", False),  # "once" as "when"
    ("email for the manila focal points?", "Personnel in Manila are served remotely by video call.", False),
    ("email for the manila focal points?", "The Manila focal points can be reached at focal.manila@example.int.", True),
    ("what response rate is the survey aiming for?", "The survey is conducted every two years.", False),
    ("what response rate is the survey aiming for?", "The survey aims for a response rate of 60 per cent.", True),
    ("under the Investigator's Manual how long should an investigation take", "The Task Force has developed an "
     "Investigators' Manual since its inception in 2017.", False),
    ("under the Investigator's Manual how long should an investigation take", "Investigations should be completed "
     "within 120 days.", True),
    # money is a currency, a sum in millions or nothing to pay; a share is no cost
    ("How much did the programme cost?", "The share who knew where to report rose from 59 per cent to 84 per cent.",
     False),
    ("How much did the programme cost?", "The programme cost USD 40,000 in its first year.", True),
    ("How much does counselling cost?", "Sessions with the counsellor are free of charge.", True),
    ("what number should staff dial?", "The line can be reached 24 hours a day by telephone.", False),
    ("what number should staff dial?", "Staff can call +41 22 555 0101 at any time.", True),
    # a number word in its teens; "12 in 2021" is no share; a body counted is who did it
    ("How many speakers took part?", "It brings together what fourteen speakers said.", True),
    ("What share of the counsellors are women?", "Referrals rose from 12 in 2021 to 35 in 2022.", False),
    ("Who created the service?", "The service was set up in 2020 by six entities.", True),
    # a time one has to act within is no average taken; "usually" asks the average
    ("How many days do I have to file a complaint?", "The average time between a first contact and a formal report "
     "was 26 days.", False),
    ("How long does an investigation usually take?", "On average, investigations took 210 days.", True),
    # a website asked: a web address, not the phone number beside the service's name
    ("Harbourline Wellbeing website", "Harbourline Wellbeing +44 20 3900 5512 Telephone and video, at any hour", False),
    ("Harbourline Wellbeing website", "Harbourline Wellbeing: https://harbourline.example.org, at any hour", True),
])
def test_a_sentence_holds_the_kind_of_answer_asked_for_or_not(question, sentence, holds):
    expected = expected_answer(question)
    assert expected is not None and expected.holds(question, sentence) is holds


BM25 = Bm25Encoder()


def tokens(text: str) -> set[int]:
    return set(BM25.query(text).indices)


def passage(text: str) -> Passage:
    return Passage(id="p", doc_key="d", title="Doc", doc_type=DocType.other, text=text, score=1.0)


def test_a_named_document_is_missing_only_while_the_library_lacks_it():
    library: set[str] = set()
    check = SourceCheck([MODEL_POLICY, VICTIM_CENTRED], lambda: library, tokens)
    assert [m.entry.key for m in check.missing(INFORMAL_Q)] == ["model-policy-2018"]
    assert "UN System Model Policy on Sexual Harassment" in check.missing(INFORMAL_Q)[0].notice
    # names are matched whole, across dashes, case and the US spelling
    assert [m.entry.key for m in check.missing("What does the Victim Centered guidance recommend?")] == [
        "victim-centred-2021"]
    assert check.missing("What did the model policymakers discuss?") == []
    library.add("model-policy-2018")
    assert check.missing(INFORMAL_Q) == []


def test_the_focus_is_uncovered_only_when_no_passage_holds_a_word_of_it():
    check = SourceCheck([MODEL_POLICY], set, tokens)
    missing = check.missing(INFORMAL_Q)
    # "informed" shares the stem of "informal" (the BM25 tokens match) but is not the word asked about
    informed = [passage("She informed participants about the Model Policy.")]
    assert check.uncovered_focus(INFORMAL_Q, missing, informed) == "informal resolution"
    assert check.uncovered_focus(INFORMAL_Q, missing, [passage("Resolutions were adopted.")]) is None  # plural
    # only the document's name and framing words left: nothing to look for
    assert check.uncovered_focus("What does the Model Policy say?", missing, informed) is None


@pytest.mark.parametrize(("question", "reason"), [
    (INFORMAL_Q, "none of the passages found mentions informal resolution or mediation"),
    ("What is the phone number of the CEB Task Force?", "none of the passages found on Task Force gives contact details"),
    ("What is the phone number of the Ethics Office?", "none of the passages found mentions Ethics Office"),
    ("What is the deadline for filing a formal complaint under the Model Policy?",
     "none of the passages found mentions a deadline or time limit"),
    # the inquiry is named as one word, and the sentences naming it count no recommendations
    ("How many recommendations did the Respect@Work report make?", "none of the passages found on Respect@Work gives a "
     "number"),
])
def test_questions_the_corpus_does_not_answer_abstain_and_say_why(corpus_kb, question, reason):
    answer = corpus_kb.ask(question)
    assert answer.abstained and not answer.citations and answer.suggestions
    assert reason in answer.answer and "do not cover this question" in answer.answer
    # the Model Policy is named once: in the reason, or in the notice when the reason is another
    assert (answer.answer + (answer.notice or "")).count("Model Policy on Sexual Harassment") == ("Model" in question)


def test_a_question_naming_a_document_the_library_lacks_is_not_answered_from_mere_mentions(corpus_kb):
    # the summary names the Model Policy but defines nothing: no definition of sexual harassment may be quoted
    answer = corpus_kb.ask("How does the Model Policy define sexual harassment?")
    assert answer.abstained and answer.state == "not_covered" and not answer.citations
    assert "Model Policy on Sexual Harassment" in answer.answer + (answer.notice or "")


def test_typed_questions_the_corpus_answers_are_answered_with_the_number(corpus_kb):
    answer = corpus_kb.ask("How many speakers and people had the earlier dialogues involved?")
    assert not answer.abstained and answer.notice is None
    assert any("30 different speakers" in c.quote for c in answer.citations)


def test_once_the_named_document_is_ingested_its_questions_are_answered_from_it(tmp_path, embedder):
    from service.knowledge_base import KnowledgeBase

    notes = tmp_path / "docs" / "model-policy-notes.md"  # matches the Model Policy's catalog entry by file name
    notes.parent.mkdir()
    notes.write_text("# Notes for a test\n\nInformal resolution lets the parties settle a concern without an "
                     "investigation, when the affected person chooses it.\n", encoding="utf-8")
    kb = KnowledgeBase.open(make_settings(tmp_path, corpus_dir=CORPUS), embedder)
    try:
        kb.ingest([CORPUS / "dialogue-2021-10-28.md"])
        assert kb.ask(INFORMAL_Q).abstained  # not in the library yet
        kb.ingest([notes])
        assert "model-policy-2018" in {d.doc_key for d in kb.documents()}
        answer = kb.ask(INFORMAL_Q)
    finally:
        kb.close()
    assert not answer.abstained and answer.notice is None
    assert answer.citations[0].passage.doc_key == "model-policy-2018"


def test_a_hyphenated_or_apostrophed_surname_is_read_whole():
    text = "Dr. Amara Diallo-Fischer, Chief of the Ethics Office, spoke first. Mr. O'Brien agreed."
    assert [name for _, name in speaker_names(text)] == ["Diallo-Fischer", "O'Brien"]


def test_when_and_where_asks_both_and_an_events_date_is_asked():
    asks = parts("When and where will the first 2024 dialogue take place?", set())
    assert [a.text for a in asks] == ["When will the first 2024 dialogue take place",
                                      "where will the first 2024 dialogue take place"]
    expected = expected_answer(asks[0].text)
    assert expected is not None and expected.name == "date"


def test_a_year_the_ask_does_not_name_dates_something_else():
    years = frozenset({"2024"})
    assert not dated_near({"dialogu"}, "As in 2023, one dialogue will be held in the field.", years)
    assert dated_near({"dialogu"}, "The dialogues of February 2024 will be held in Nairobi.", years)
    assert dated_near({"dialogu"}, "As in 2023, one dialogue will be held in the field.")


def test_a_figure_of_another_year_is_no_answer_to_a_year_asked():
    assert _other_years("How many investigations were opened in 2022?", "Of the 41 investigations opened in 2023, 10 "
                        "concerned headquarters.")
    assert not _other_years("How many investigations were opened in 2023?", "Of the 41 investigations opened in 2023, "
                            "10 concerned headquarters.")
    assert not _other_years("How many investigations were opened in 2022?", "OIOI opened 23 investigations.")


def test_a_name_joined_by_at_is_one_word_and_is_put_back_when_typed_in_lower_case():
    assert words("Write to ethics@unocir.example.org about Respect@Work: findings") == [
        "Write", "to", "ethics", "unocir", "example", "org", "about", "Respect@Work", "findings"]
    text = "She shared the findings from “Respect@Work: Sexual Harassment National Inquiry Report (2020)”."
    assert "Respect@Work" in capitalised_names(text)
    assert recased("what was the respect@work report", [text]) == "what was the Respect@Work report"
