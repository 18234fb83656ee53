"""From question to verified Answer: retrieve, read who asks, decide coverage, then compose and verify.

Order: a disclosure or a helper gets a care answer (``care.py``), a disclosure that asks something of its own that
care answer and then the answer to its ask, a helper's own question (``helper.py``) the answer below, or that care
answer when no passage found answers it; an off-topic question (no sentence found
close in meaning) abstains; a question naming a catalogued document the library lacks, about nothing the
passages mention, abstains; otherwise each ask of the question is checked against the quotable units
(``answerability.py``): all answered -> an answer; some -> a partial answer that names what is not covered;
none -> an abstention with the reason and the closest documents as suggestions (never as citations). An ask naming
a word no document holds is answered only by a unit that does not read closer to it without that word. With the
fitted reader on (``reader.py``, ``KB_READER_FLOOR``), an ask is answered only when it also reads one of its units
as close to the question; the reader (``KB_READER_RANK``, on by default) also orders each ask's first units. The
LLM, when configured, only writes answers the same decision allows, and its text is grounded and verified.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

import numpy as np

from ingest.contacts import Contact
from ingest.errors import LLMUnavailable
from ingest.language import language_of
from service.answering.answerability import AskCoverage, AskedDocuments, Coverage, WordVectors, assess
from service.answering.candidates import units
from service.answering.care import DISCLOSURE_MATTERS, SUPPORTER_MATTERS, CareAnswerer
from service.answering.coverage import MissingSource, SourceCheck, expected_answer, unheld_document
from service.answering.disclosure import PREFACE, SUPPORTER_PREFACE, DisclosureDetector, OtherLanguageAsker
from service.answering.extractive import ExtractiveAnswerer, Scored
from service.answering.focus import (
    Part,
    as_typed,
    capitalised_names,
    content_stems,
    is_title,
    lower_words,
    parts,
    person_words,
    recased,
    respelled,
    speaker_names,
    stem,
    unheld_words,
    unknown_names,
    without_names,
    without_word,
)
from service.answering.helper import disclosed_ask, own_question, the_ask, without_telling
from service.answering.phrases import LLM_DOWN, LLM_LATE, LLM_UNVERIFIED, NOT_JUDGED_KEY, phrase
from service.answering.same_language import SameLanguageAnswerer
from service.answering.verify import BRACKETED, verify
from service.models import ON_WHAT_YOU_ASKED, Answer, Citation, Filters, Suggestion
from service.retrieval import Retrieved, Retriever

log = logging.getLogger(__name__)  # never given the question text

CLOSEST = " The closest documents are listed below; they may still help, but they do not answer it."
NOT_COVERED = f"The documents in this library do not cover this question.{CLOSEST}"
NOT_COVERED_BECAUSE = f"The documents in this library do not cover this question: {{reason}}.{CLOSEST}"
HELPER_NOT_COVERED = (
    "No passage found answers this question directly. Below is what the documents in this library say for someone "
    "helping a person who confided in them."
)
PARTLY = "The documents in this library answer this question only in part: {reason}."
FAR_IN_READING = "none of the passages found reads as an answer to it"
UNHELD = "no document in this library mentions “{word}”"
# An ask naming a word no document holds is not answered by a unit that comes at least this much closer (cosine) to
# the question once the word is taken out: it answers another question. Tuning parts (eval/data/README.md, "Words no
# document holds"): at 0.06, 9 of 64 uncovered questions the rules answered abstain and 1 of 234 answerable is lost
UNHELD_LIFT = 0.06
# The fitted reader re-orders an ask's first units, the rules' order counting as READER_PRIOR / (1 + place): a
# pairwise fit on the tuning parts weighed the two 11.3 to 2.4 (0.2); the first four hold nearly all of its gain
READER_RANK_TOP = 4
READER_PRIOR = 0.2


OnToken = Callable[[str], None]
Reading = Callable[[list[str]], np.ndarray]  # texts -> their closeness to the question in the fitted reading


class LLMComposer(Protocol):
    def compose(self, question: str, found: Retrieved, on_token: OnToken | None = None
                ) -> tuple[str, list[Citation]]: ...

    def close(self) -> None: ...


class AnswerService:
    def __init__(
        self,
        retriever: Retriever,
        extractive: ExtractiveAnswerer,
        detector: DisclosureDetector,
        abstain_threshold: float,
        contacts: Callable[[], list[Contact]],
        sources: SourceCheck,
        llm: LLMComposer | None = None,
        other_asker: OtherLanguageAsker | None = None,
        reader: Callable[[list[str]], np.ndarray] | None = None,
        reader_floor: float = 0.0,
        read_question: Callable[[list[str]], np.ndarray] | None = None,
        reader_rank: bool = False,
    ) -> None:
        """``other_asker``: reads who asks a question in another language (None: such questions are not read);
        ``reader`` and ``read_question``: the units' vectors in the fitted reading (``reader.py``; cached) and the
        question's (never cached: the question is not kept), both or neither (None: not read). In that reading an
        ask's answering units must come within ``reader_floor`` of the question, and with ``reader_rank`` it orders
        each ask's first units (else the rules' order stands)."""
        self.retriever = retriever
        self.extractive = extractive
        self.detector = detector
        self.abstain_threshold = abstain_threshold
        self.contacts = contacts
        self.sources = sources
        self.llm = llm
        self.other_asker = other_asker
        self.reader = reader
        self.reader_floor = reader_floor
        self.read_question = read_question
        self.reader_rank = reader_rank
        self.care = CareAnswerer(retriever.retrieve, extractive, extractive.embed_texts)
        multi = retriever.multi
        self.same_language = SameLanguageAnswerer(retriever.terms, multi.encode) if multi is not None else None

    def ask(self, question: str, top_k: int = 5, filters: Filters | None = None, on_token: OnToken | None = None
            ) -> Answer:
        """The answer, its fixed sentences in the question's language; with an LLM configured, ``on_token`` gets the
        model's text as it is generated (a draft that grounding may still cut: the returned Answer is what counts)."""
        language = language_of(question)
        if language != "en":
            return self.other_language(question, top_k, filters, language)
        return self.answer(question, top_k, filters, on_token)

    def other_language(self, question: str, top_k: int, filters: Filters | None, language: str) -> Answer:
        """A question in another language. Who is asking is read from its multilingual vector
        (``OtherLanguageAsker``): an account of harm, or a helper's question, gets the care answer, its opening in
        the question's language (the care passages are chosen by what they say, not by the question). Otherwise
        passages written in the question's language may answer it (``SameLanguageAnswerer``); the English answer
        rules cannot judge the others: no quote from them is offered as its answer, the closest documents are
        listed, and the support contacts."""
        found = self.retriever.retrieve(question, top_k, filters)
        vector = self.multilingual_vector(question, found)
        asker = self.other_asker.asker(vector) if self.other_asker else "question"
        if asker != "question":
            return self.care_answer(asker, found, filters, language, account=question)
        if self.same_language is not None:
            t0 = time.perf_counter()
            text, cites = verify(*self.same_language.compose(question, vector, language, found.passages))
            if cites:
                return Answer(answer=text, citations=cites, contacts=[], language=language,
                              timings_ms=found.timings_ms | {"answer": (time.perf_counter() - t0) * 1000})
        return Answer(answer=phrase(NOT_JUDGED_KEY, language), abstained=True, state="not_covered",
                      suggestions=suggestions(found), contacts=self.contacts_in(language), timings_ms=found.timings_ms,
                      language=language)

    def contacts_in(self, language: str) -> list[Contact]:
        """The organization's contacts, in the asker's language where ``contacts.toml`` gives them in it."""
        return [contact.in_language(language) for contact in self.contacts()]

    def multilingual_vector(self, question: str, found: Retrieved) -> np.ndarray:
        """The question's multilingual vector: the one it was searched with, or (an index built without the
        multilingual vector) the model's."""
        if found.multilingual or self.retriever.multi is None:
            return found.query_vec
        return self.retriever.multi.query(question)

    def answer(self, question: str, top_k: int, filters: Filters | None, on_token: OnToken | None) -> Answer:
        """An English question's answer (the rules below read English, with chat shorthand written out)."""
        question = as_typed(question)
        found = self.retriever.retrieve(question, top_k, filters)
        asker = self.detector.assess(question, found.query_vec).asker
        if asker == "supporter" and own_question(question):
            return self.helper_answer(question, found, top_k, filters, on_token)
        if asker == "disclosure" and (ask := disclosed_ask(question)):
            return self.care_and_own_answer(question, ask, found, top_k, filters)
        if asker != "question":
            return self.care_answer(asker, found, filters, account=question)
        return self.answer_question(question, found, top_k, filters, on_token)

    def care_and_own_answer(self, question: str, ask: str, found: Retrieved, top_k: int, filters: Filters | None
                            ) -> Answer:
        """A disclosure that also asks something of its own (``ask``, ``helper.disclosed_ask``): the care answer,
        then the answer to the ask, read as any question is; when the passages give none, the plain statement that they
        do not cover it, and the answer is partial (the ask uncovered). The ask is searched on its own: the account
        around it would find passages on the conduct, not on what is asked ("Can I get time off to recover?"). The
        support passages still lead; a passage both quote is cited once."""
        care = self.care_answer("disclosure", found, filters, account=question)
        own = self.answer_question(ask, self.retriever.retrieve(ask, top_k, filters), top_k, filters, None)
        if own.abstained:  # said plainly after the care passages: the ask is the part not covered
            said = own.answer.partition(CLOSEST)[0].strip()
            return care.model_copy(update={"answer": f"{care.answer} {ON_WHAT_YOU_ASKED} {said}", "own_answer": said,
                                           "state": "partial", "uncovered": [ask]})
        more, cites = after(care.citations, own.answer, own.citations)
        if len(cites) == len(care.citations):  # every quote of it is in the care answer already: nothing to add
            return care
        return care.model_copy(update={"answer": f"{care.answer} {ON_WHAT_YOU_ASKED} {more}", "own_answer": more,
                                       "citations": cites})

    def helper_answer(self, question: str, found: Retrieved, top_k: int, filters: Filters | None,
                      on_token: OnToken | None) -> Answer:
        """A helper's own question ("How soon must I tell the focal point?"): answered as any question is, with the
        contacts. It is read without the telling that frames it, and its closeness to the units is the ask's own
        vector's; the passages are those the whole question found. When that reading abstains, the guidance for
        helpers follows a plain statement saying no passage found answers it directly (never a bare abstention)."""
        asked = without_telling(question)
        if asked != question:  # its closeness to the units is the ask's, not the telling's
            found = replace(found, query_vec=np.asarray(self.retriever.embed_query(asked), dtype=np.float32))
        answer = self.answer_question(asked, found, top_k, filters, on_token)
        if answer.abstained:
            care = self.care_answer("supporter", found, filters, account=question)
            care.state, care.uncovered, care.notice = "partial", [the_ask(question)], HELPER_NOT_COVERED
            return care
        answer.supporter, answer.contacts = True, self.contacts_in("en")
        return answer

    def answer_question(self, question: str, found: Retrieved, top_k: int, filters: Filters | None,
                        on_token: OnToken | None) -> Answer:
        """A question's answer from the passages found: abstention, a partial answer or an answer."""
        t0 = time.perf_counter()
        texts = [p.text for p in found.passages]
        question = respelled(recased(question, texts), texts)
        missing = self.sources.missing(question)
        scored, coverage = self.read(question, found, missing)
        if coverage.missing_concepts:  # look again, naming what is missing: the passage may rank just below
            found, scored, coverage = self.widen(question, found, scored, coverage, top_k, filters, missing)
        reasons = "; ".join(dict.fromkeys(coverage.reasons)) or None
        if not len(scored.units) or float(np.max(scored.similarity)) < self.abstain_threshold:
            return abstention(found, reasons)
        notice = " ".join(m.notice for m in missing if m.entry.title not in (reasons or "")) or None  # not said twice
        if coverage.state == "not_covered":
            return abstention(found, reasons, notice)
        if not missing and (named := unheld_document(question, {p.title for p in found.passages})):
            return abstention(found, f"the passages found only mention “{named}”; it is not in this library")
        if missing and (focus := self.sources.uncovered_focus(question, missing, found.passages)):
            title = missing[0].entry.title  # the reason names it: no notice repeating it
            return abstention(found, f"“{title}” is not in this library, and none of the passages found mentions “{focus}”")
        coverage = self.read_unheld(question, found, scored, coverage, filters)
        near = self.in_reading(question)  # the question read once, for the floor and the ranking
        coverage = self.read_again(scored, coverage, near)  # last: the reasons above say more
        coverage = self.rank_by_reading(scored, coverage, near)
        reasons = "; ".join(dict.fromkeys(coverage.reasons)) or None
        if coverage.state == "not_covered":
            return abstention(found, reasons, notice)
        answer = self.compose(question, found, scored, coverage, on_token)
        answer.timings_ms = found.timings_ms | {"answer": (time.perf_counter() - t0) * 1000}
        if not answer.citations:
            return abstention(found, notice=notice)
        if coverage.state == "partial":
            answer.state, answer.uncovered = "partial", coverage.uncovered
            notice = " ".join(n for n in (PARTLY.format(reason=reasons), notice) if n)
        answer.notice = " ".join(n for n in (notice, answer.notice) if n) or None
        return answer

    def read(self, question: str, found: Retrieved, missing: Sequence[MissingSource] | None = None
             ) -> tuple[Scored, Coverage]:
        """The question's asks and the passages' units, scored once, and which asks the units answer.
        ``missing``: the catalogued documents the question names that the library lacks (looked up when None)."""
        missing = self.sources.missing(question) if missing is None else missing
        asked = AskedDocuments(tuple(m for m in missing if m.content_asked(question)))
        found_units = units(found.passages)
        texts = [p.text for p in found.passages]
        speakers = {name for text in texts for _, name in speaker_names(text)}
        people = person_words(texts)
        names = set().union(*(capitalised_names(text) for text in texts)) if texts else set()
        names -= people | self.sources.name_words | {
            w for p in found.passages for w in p.title.split()}  # "the Model Policy" names a source, not a topic
        asks = [replace(a, unknown=unknown_names(a.text, texts, self.sources.name_words, people | speakers))
                for a in parts(question, speakers, names)]
        # the people a question names say whose words it wants (the people check), not which of their sentences
        terms = content_stems(question) - {stem(w) for w in people | speakers if not is_title(w)}
        scored = self.extractive.score(terms, asks, found, found_units)

        def topic_similarity(part: Part) -> np.ndarray:
            vector = self.extractive.embed_asked([without_names(part)])[0]
            return scored.vectors @ vector if len(scored.units) else np.zeros(0, dtype=np.float32)

        return scored, assess(asks, scored.units, scored.similarity, topic_similarity, asked,
                              WordVectors.for_one_question(self.extractive.embed_asked, self.extractive.embed_texts,
                                                           lower_words(texts)))

    def read_unheld(self, question: str, found: Retrieved, scored: Scored, coverage: Coverage,
                    filters: Filters | None = None) -> Coverage:
        """Asks naming a word of their topic that no document of the library holds ("Can the subject be asked to
        take a polygraph test?"), read again: the ask is not answered when its first unit reads closer to the
        question with that word taken out (by ``UNHELD_LIFT``), as the sentence on who may interview a complainant
        does. A unit that says it in other words ("sign language interpreters" for "deaf") reads farther instead."""
        held = lower_words(p.text for p in found.passages)

        def unheld(ask: AskCoverage) -> str | None:
            if expected_answer(ask.part.text):  # a time, number or name found says more
                return None
            first = ask.answering[0]
            for word in unheld_words(ask.part, held):
                if self.retriever.mentions(word, filters):
                    continue
                without = self.extractive.embed_asked([without_word(question, word)])[0]
                if float(scored.vectors[first] @ without) - float(scored.similarity[first]) >= UNHELD_LIFT:
                    return UNHELD.format(word=word)
            return None

        return unanswer(coverage, unheld)

    def read_again(self, scored: Scored, coverage: Coverage, near: Reading | None) -> Coverage:
        """The asks the rules found answered, read again by the fitted reader (``reader.py``; ``near``: the question's
        reading, ``in_reading``): an ask none of whose answering units comes within ``reader_floor`` of the question is
        not answered."""
        if self.reader_floor <= 0 or near is None:  # 0: off, though the reader may order units
            return coverage

        def far(ask: AskCoverage) -> str | None:
            shown = [scored.units[i].shown() for i in ask.answering]
            return FAR_IN_READING if float(np.max(near(shown))) < self.reader_floor else None

        return unanswer(coverage, far)

    def rank_by_reading(self, scored: Scored, coverage: Coverage, near: Reading | None) -> Coverage:
        """Each ask's first ``READER_RANK_TOP`` answering units put in the order the fitted reader reads them as
        answering the question, the rules' order kept as a bonus of ``READER_PRIOR / (1 + place)``: the rules let
        through units on the ask's topic, and the reader tells the one that answers it from one that shares its words
        ("How did Kelly Clements take part in the event?": "... Ms. Kelly T. Clements, addressed participants via
        video message", not a sentence on what the Chair said). Measured in eval/data/README.md, "The reader orders
        what the rules let through"."""
        if not self.reader_rank or near is None:
            return coverage
        asks = []
        for ask in coverage.asks:
            top = ask.answering[:READER_RANK_TOP]
            if len(top) > 1:
                closeness = near([scored.units[i].shown() for i in top])
                order = sorted(range(len(top)), key=lambda k: float(closeness[k]) + READER_PRIOR / (1 + k), reverse=True)
                ask = replace(ask, answering=tuple(top[k] for k in order) + ask.answering[READER_RANK_TOP:])
            asks.append(ask)
        return Coverage(tuple(asks))

    def in_reading(self, question: str) -> Reading | None:
        """Texts' closeness to the question in the fitted reading (None: the reader is off): their vectors through
        the sentence cache, the question's read on first use and never cached."""
        reader, read_question = self.reader, self.read_question
        if reader is None or read_question is None:
            return None
        asked: list[np.ndarray] = []

        def near(texts: list[str]) -> np.ndarray:
            if not asked:
                asked.append(read_question([question])[0])
            return reader(texts) @ asked[0]

        return near

    def widen(self, question: str, found: Retrieved, scored: Scored, coverage: Coverage, top_k: int,
              filters: Filters | None, missing: Sequence[MissingSource] = ()) -> tuple[Retrieved, Scored, Coverage]:
        """The passages found for the question with the missing concepts' names added, in place of the first ones
        when they answer more of it (a question on "reprisals" finds the paragraph on "retaliation")."""
        again = self.retriever.retrieve(f"{question} {' '.join(coverage.missing_concepts)}", top_k, filters)
        again = Retrieved(again.passages, again.vectors, found.query_vec, found.timings_ms, again.sentence_vectors)
        scored_again, coverage_again = self.read(question, again, missing)
        if coverage_again.answered_asks > coverage.answered_asks:
            return again, scored_again, coverage_again
        return found, scored, coverage

    def support(self, found: Retrieved) -> float:
        """The off-topic signal: the best cosine between the question and one quotable unit of the passages found.

        A passage vector blurs its sentences; the best sentence separates off-topic questions from answerable
        ones by a wider margin (calibration in eval/data/README.md). The sentence vectors come from the index
        (embedded at ingest), so this costs no model run. On the multilingual route there are none (the sentence
        vectors are MiniLM's): the best passage's cosine in the multilingual model's space.
        """
        found_units = units(found.passages)
        if not found_units or found.multilingual:
            return found.best_cosine
        return float(np.max(self.extractive.unit_vectors(found_units, found) @ found.query_vec))

    def compose(self, question: str, found: Retrieved, scored: Scored, coverage: Coverage,
                on_token: OnToken | None = None) -> Answer:
        """LLM when configured and it yields verified citations; the extractive answer otherwise."""
        notice = None
        if self.llm is not None:
            try:
                text, cites = verify(*self.llm.compose(question, found, on_token))
                if cites:
                    return Answer(answer=text, citations=cites, mode="llm")
                notice = LLM_UNVERIFIED
            except LLMUnavailable as err:  # slow, or a local model that did not start
                log.warning("LLM answer failed (%s); using the extractive answer", err.message)
                notice = LLM_LATE
            except Exception as err:  # unreachable, stopped (a crashed local model), or malformed: fall back, say so
                log.warning("LLM answer failed (%s); using the extractive answer", type(err).__name__)
                notice = LLM_DOWN
        text, cites = verify(*self.extractive.compose(scored, coverage))
        return Answer(answer=text, citations=cites, notice=notice)

    def care_answer(self, asker: str, found: Retrieved, filters: Filters | None, language: str = "en",
                    account: str = "") -> Answer:
        """A disclosure or a helper's question (``account``): the calm opening, then what the library says on each
        matter, those the account speaks of early; the fixed sentences in ``language``, the quotes in their
        documents'."""
        matters, preface = (DISCLOSURE_MATTERS, PREFACE) if asker == "disclosure" else (SUPPORTER_MATTERS, SUPPORTER_PREFACE)
        text, cites = self.care.compose(matters, filters, for_the_affected=asker == "disclosure", account=account)
        text, cites = verify(text, cites) if cites else (phrase(text, language), cites)
        preface = phrase(preface, language)
        return Answer(answer=f"{preface} {text}", citations=cites, disclosure=asker == "disclosure",
                      supporter=asker == "supporter", preface=preface, contacts=self.contacts_in(language),
                      timings_ms=found.timings_ms, language=language)


def after(cites: list[Citation], more: str, more_cites: list[Citation]) -> tuple[str, list[Citation]]:
    """``more`` with its ``[n]`` markers renumbered to follow ``cites``, and the citations of both; a quote both cite
    keeps its first number."""
    joined, numbers = list(cites), {}
    for cite in more_cites:
        same = next((c.n for c in cites if c.passage.id == cite.passage.id and c.quote == cite.quote), None)
        if same is None:
            same = len(joined) + 1
            joined.append(cite.model_copy(update={"n": same}))
        numbers[cite.n] = same
    renumbered = BRACKETED.sub(lambda m: f"[{numbers.get(int(m.group(1)), int(m.group(1)))}]", more)
    return renumbered, joined


def abstention(found: Retrieved, reason: str | None = None, notice: str | None = None) -> Answer:
    text = NOT_COVERED if reason is None else NOT_COVERED_BECAUSE.format(reason=reason)
    return Answer(answer=text, abstained=True, state="not_covered", notice=notice, suggestions=suggestions(found),
                  timings_ms=found.timings_ms)


def unanswer(coverage: Coverage, reason: Callable[[AskCoverage], str | None]) -> Coverage:
    """The coverage with each answered ask for which ``reason`` gives one made unanswered, with that reason."""
    return Coverage(tuple(replace(ask, answering=(), missing=why) if ask.answering and (why := reason(ask)) else ask
                          for ask in coverage.asks))


def suggestions(found: Retrieved, limit: int = 3) -> list[Suggestion]:
    out: dict[str, Suggestion] = {}
    for passage, cos in zip(found.passages, found.cosines, strict=True):
        if passage.doc_key not in out and len(out) < limit:
            out[passage.doc_key] = Suggestion(doc_key=passage.doc_key, title=passage.title, doc_type=passage.doc_type,
                                              section=passage.section, page_start=passage.page_start,
                                              score=round(float(cos), 4))
    return list(out.values())
