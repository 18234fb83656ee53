"""Do the passages found answer the question? Per ask of the question: answered, or not, and why not.

An ask naming a body, place or tool that no passage found names ("OIOS", "Kenya") is not answered. Otherwise it
is answered when one quotable unit (``service/answering/candidates.py``) addresses it whole:

0. its passage names every number the ask names ("the 55 recommendations", "in 2019"), other than a span
   the asker may be guessing ("within 10 days?");
1. it names every policy concept the ask names, in its own words or a synonym ("reprisal" for
   "retaliation"); concepts spread over different passages do not answer together;
2. it is by the person the ask names, when it names one ("What did Jenkins say about ...");
3. it holds the kind of answer the ask's form wants (a time span for "how long", a date for "when" next to a
   word or name of the ask, a number for "how many", contact details for "what is the phone number", a post beside
   the name of the person for "what post does X hold"), for the thing the ask names when it names one, and about
   what the ask is about: a word of its topic, a word close to one in meaning ("arrangements" for "measures"), or a
   meaning close to the whole ask; by meaning alone only when no unit found names every word of the topic (the
   "induction briefing" found, and no length given, "10 working days" for comments is no answer);
4. for "how does X define Y", it names Y;
5. when the question asks what a catalogued document the library lacks says ("What does the Model Policy say
   about X?"), it names the document and a word of X;
6. for "did anyone mention X", it holds every word of X; for "which office had the most X", it ranks or compares;
7. a yes/no ask ending on a means or setting ("... by text message?", "... on my mobile phone?", "... during
   interviews?") is answered only by a unit speaking of it: a word of it, one close in meaning, the concept it names
   ("social media" for "Facebook"), or any time for a time of the week ("24 hours a day" for "on weekends");
8. the things the ask names are named in the unit's passage (in the unit itself when the ask wants no kind of
   answer), or describe the person it quotes next to their name ("the Harvard professor");
9. an ask naming no person and wanting no kind of answer is answered only by a unit close enough to the question
   in meaning (less close when it names the ask's concept): a word of a concept ("protective support",
   "disciplinary") in a sentence about something else answers nothing; when it names no concept or thing either,
   the unit also shares two words of its topic used as common words (not "friend" of "Group of Friends"), or words
   close to them in meaning ("male" for "men"), unless it is closer still to the question. An ask naming people
   ranks the units that answer it by closeness with the names taken out: what Kennedy said, not the sentence
   introducing him; "What is X?" puts first the sentence saying what X is ("The Group of Friends is a platform").
   An ask wanting something of the thing it names ("X's main chapters", "the mandate of X", "their mandate") is
   answered only by a unit saying that word (or one close to it), or close to the ask with the names taken out.
   An ask of what may or must be done ("Can I ...?"), or of when it is, puts first among its first units one that
   says so ("... may withdraw at any time", "... where the conduct involves ..."), and a footnote last (``by_form``).

A question whose asks are all answered is ``answered``; some, ``partial`` (the answer says which are not);
none, ``not_covered``. Rules on the question's wording and the documents' words, not scores fitted to one
corpus (measured in eval/data/README.md). Nothing here logs or keeps the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import Literal

import numpy as np

from service.answering.candidates import Unit
from service.answering.coverage import (
    DATE,
    PLACE_NOUNS,
    PLACE_VERBS,
    SHARE,
    TIME_UNIT,
    WRITTEN_NUMBERS,
    ExpectedAnswer,
    MissingSource,
    asks_times,
    expected_answer,
    expected_number,
    names_agent,
    without_references,
    years_in,
)
from service.answering.focus import (
    ATTENDEES,
    DEADLINE,
    FOOTNOTE_MARK,
    Part,
    asked_breakdown,
    asked_means,
    asked_nouns,
    asked_to_exist,
    beyond_concepts,
    body_asked,
    concepts_in,
    content_stems,
    defined_words,
    generic_stems,
    gives_own_length,
    length_asked,
    mentioned,
    name_runs,
    opens_ask,
    passage_stems,
    people_stems,
    plain,
    sets_time_limit,
    shares_beyond,
    sides,
    speaker_names,
    stem,
    stop_words,
    unnamed,
    words,
)

State = Literal["answered", "partial", "not_covered"]
DEFINITION = "a definition"
# "What's the official definition of X?": "official" qualifies the definition; X is what must be named
DEFINING_STEMS = content_stems("define defines defined definition meaning means mean constitute counts count official "
                               "formal exact precise")
MIN_RELEVANCE = 0.3  # a unit's similarity to an ask with no person or kind below which it does not answer it
QUANTITIES = ("time span", "number", "share", "frequency", "money")
_MONEY_WORDS = frozenset(stem(w) for w in ("budget", "cost", "costs", "price", "fee", "fees", "fund", "funding", "money",
                                           "contribute", "contribution", "spend", "spent", "pay", "paid"))
KIND_TOPIC_COSINE = 0.45  # a span, date or number in a sentence sharing no word of the ask's topic: this close, or not it
NAMELESS = 0.6  # an ask naming people ranks its units by closeness with the names taken out, at the answerer's weight
# an ask naming no person, thing or concept and wanting no kind of answer: a unit sharing fewer than two words of its
# topic (one when it has one; a word inside a name, "friend" of "Group of Friends", is not shared; a word this close
# in meaning to one of the unit's is) answers it only when at least this close to the question
BARE_COSINE = 0.40
BARE_SHARED = 2
WORD_COSINE = 0.6  # MiniLM on two single words: "men" and "male" 0.67, "outcome" and "results" 0.65; "evidence" and "data" 0.47
TOPIC_COSINE = 0.25  # a unit sharing no topic word with the ask (names taken out) is about it only this close in meaning


@dataclass(frozen=True)
class AskCoverage:
    """One ask of the question: the units that answer it (best first), or why none does."""

    part: Part
    answering: tuple[int, ...]
    missing: str | None = None
    missing_concepts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coverage:
    asks: tuple[AskCoverage, ...]

    @property
    def state(self) -> State:
        answered = sum(bool(a.answering) for a in self.asks)
        if answered == len(self.asks):
            return "answered"
        return "partial" if answered else "not_covered"

    @property
    def reasons(self) -> list[str]:
        return [a.missing for a in self.asks if a.missing]

    @property
    def uncovered(self) -> list[str]:
        """The asks no passage answers, as the question words them."""
        return [a.part.text for a in self.asks if not a.answering]

    @property
    def answered_asks(self) -> int:
        return sum(bool(a.answering) for a in self.asks)

    @property
    def missing_concepts(self) -> list[str]:
        """Concepts of unanswered asks that none of the passages found mentions."""
        return [c for a in self.asks if not a.answering and a.missing_concepts for c in a.missing_concepts]

    def answering(self) -> list[int]:
        """Units answering some ask, each once, in order of the asks then rank."""
        return list(dict.fromkeys(i for a in self.asks for i in a.answering))


TopicSimilarity = Callable[[Part], "np.ndarray"]
Embed = Callable[[list[str]], "np.ndarray"]


@dataclass(frozen=True)
class WordVectors:
    """Unit vectors of single words: an ask's through ``asked``, which keeps nothing (a user's words are kept
    nowhere), the units' through ``theirs``, which may cache them (they recur across questions)."""

    asked: Embed
    theirs: Embed

    @classmethod
    def of(cls, embed: Embed) -> WordVectors:
        return cls(embed, embed)

    @classmethod
    def for_one_question(cls, asked: Embed, theirs: Embed, held: set[str]) -> WordVectors:
        """An ask's words: those a passage found holds (``held``, lower-cased) through ``theirs``, as the library's own
        words; the others through ``asked``, each once for the question (it is compared with many units' words) and
        forgotten with it, as the memo lives as long as this object, which one reading of the question holds."""
        kept: dict[str, np.ndarray] = {}

        def words_of_either(texts: list[str]) -> np.ndarray:
            missing = [t for t in dict.fromkeys(texts) if t not in kept]
            for embed, group in ((theirs, [t for t in missing if t in held]), (asked, [t for t in missing if t not in held])):
                if group:
                    kept.update(zip(group, embed(group), strict=True))
            return np.stack([kept[t] for t in texts])

        return cls(words_of_either, theirs)


@dataclass(frozen=True)
class AskedDocuments:
    """Catalogued documents the library lacks whose content the question asks ("What does the Model Policy say
    about X?", "Under the Model Policy, ..."): only a unit naming them and a word of X says what they hold; naming
    the Model Policy is not saying what it provides on informal resolution."""

    documents: tuple[MissingSource, ...] = ()

    @cached_property
    def name_stems(self) -> frozenset[str]:
        return frozenset().union(*(content_stems(name) for m in self.documents for name in (m.entry.title, *m.entry.aliases)))

    def said_in(self, part: Part, unit: Unit) -> bool:
        if not all(m.named_in(unit.reading) for m in self.documents):
            return False
        topic = part.topic - self.name_stems
        return not topic or bool(topic & unit.stems)

    @property
    def reason(self) -> str:
        return (f"“{self.documents[0].entry.title}” is not in this library, and none of the passages found that name "
                "it answers this")


def assess(parts: Sequence[Part], units: Sequence[Unit], similarity: Sequence[float] | np.ndarray,
           topic_similarity: TopicSimilarity | None = None, asked: AskedDocuments | None = None,
           word_vectors: WordVectors | None = None) -> Coverage:
    """Coverage of each ask by the units, ranked by their ``score`` (set by the answerer). ``topic_similarity``
    gives each unit's similarity to an ask with its names taken out (names shared with a sentence make any
    sentence by that person look close); without it the question's own similarity stands in. ``asked``: documents
    the library lacks whose content the question asks. ``word_vectors``: embeds single words, to find a unit's words
    close in meaning to an ask's ("male" for "men")."""
    order = sorted(range(len(units)), key=lambda i: units[i].score, reverse=True)
    asks: list[AskCoverage] = []
    for part in parts:
        topical = topic_similarity(part) if topic_similarity and (part.people or part.named or part.lean) else similarity
        ask = _ask(part, units, similarity, order, topical, asked or AskedDocuments(), word_vectors)
        asks.append(_beyond_earlier(ask, asks, units))
    return Coverage(tuple(asks))


def _beyond_earlier(ask: AskCoverage, earlier: Sequence[AskCoverage], units: Sequence[Unit]) -> AskCoverage:
    """A later ask wanting only what a sentence says ("..., and will the IOMC reimburse sessions with a private
    therapist?") is not answered by the unit that answers an earlier ask unless that unit holds a word of its own:
    the sentence on six free sessions says nothing of reimbursing a therapist, though it names counselling and cost."""
    if not ask.answering or not earlier or expected_answer(ask.part.text) or ask.part.people:
        return ask
    earlier = [a for a in earlier if opens_ask(a.part.text)]  # not "I'm the event organiser; what should I say?"
    taken = {a.answering[0] for a in earlier if a.answering}
    own = ask.part.topic - frozenset().union(*(a.part.topic for a in earlier))
    if any(i not in taken or own & units[i].stems for i in ask.answering):
        return ask
    return AskCoverage(ask.part, (), "the passage that answers the rest of the question says nothing of it")


def _ask(part: Part, units: Sequence[Unit], similarity: Sequence[float] | np.ndarray, order: list[int],
         topical: Sequence[float] | np.ndarray, asked: AskedDocuments, word_vectors: WordVectors | None = None
         ) -> AskCoverage:
    more = bool(_MORE_ASKED.search(part.text))  # "I've used all 8 sessions. How many more ...?"
    if more and not part.counted and (told_count := _COUNT.search(part.lean)):
        part = replace(part, counted=frozenset({stem(told_count.group(0).split()[-1])}))  # it counts sessions
    expected = expected_answer(part.text)
    numbers = asked_numbers(part.text)
    counts = {m.group(1) for m in _COUNT.finditer(part.text)} & numbers
    stated = numbers | asked_numbers(part.lean) if more else numbers  # the 8 the asker tells of is not the answer
    mention = mentioned(part.text)
    name_stems = {stem(n) for n in (*part.people, *part.named)}
    said = content_stems(mention) - generic_stems() - name_stems
    existing = asked_to_exist(part.text)  # "is there a dress code": a unit answering it names the thing
    thing, thing_concepts = _head(existing), concepts_in(existing)
    # "... by SMS?": a unit answering it speaks of the means; "a breakdown of reports by age": of the age
    means = asked_means(part.text) or asked_breakdown(part.text)
    means_stems = frozenset(content_stems(means)) - generic_stems() - name_stems
    means_concepts = concepts_in(means)  # "on Facebook": social media is spoken of
    # "As the complainant, how many days do I have ...": not what the subject is given; "I'm the one who reported. Can
    # I bring a friend to my interview?": the side the asker tells of
    side = sides(part.text) or sides(part.lean)
    length = length_asked(part.text)  # "how long is the e-learning?": a unit answering it names the e-learning
    length_stems = frozenset(content_stems(length.split()[-1])) - name_stems if length else frozenset()  # its head
    ranked = asks_ranking(part.text)
    body = body_asked(part.text)  # "which consulting firm ...?": not "a consulting firm which ..."
    # "which countries are members": what is asked for is no word of what it is about ("the first country to ...")
    topic = part.topic - asked_nouns(part.text) if expected and expected.name == "agent" else part.topic
    if expected and expected.name == "place":  # "Where is the Counsellor's office?": the room is the office
        topic = topic - _PLACE_ASKED
    if expected and expected.name in ("number", "money"):  # "how much did the publication cost": what it is the cost of
        topic = topic - part.counted or topic
    if expected and expected.name == "money":  # "the budget of the dialogue series": the series, not money at large
        topic = topic - _MONEY_WORDS or topic
    # "how many people attended the launch": the units counting participants or attendees are about it
    attendees = {i for i in order if _counts(ATTENDEES, units[i].body)} \
        if expected and expected.name == "number" and part.counts_attendance else set()
    bare = not (part.people or expected)  # answered by what a unit says of the things it names, not by a kind
    # "what email address does the Ombudsperson use": the unit holding the Ombudsperson's address answers it whole;
    # a date is about the ask when it stands next to a word or name of it (``dated_near``), however the ask is worded;
    # a post is about the person whose name it follows
    answered_whole = bool(expected and ((expected.name == "contact" and part.named) or expected.name in ("date", "role")))
    runs = name_runs(part.text, part.named)
    heads = {word: run.split()[-1] for run in runs for word in run.split()}
    qualified = _qualified(part.text, runs)
    # a time to act a unit sets is the ask's time limit when the unit holds the ask's other words (``_names_concepts``)
    beyond = beyond_concepts(part) if DEADLINE in part.concepts else None
    kind_only = expected is not None and not part.people
    floor = KIND_TOPIC_COSINE if kind_only else TOPIC_COSINE
    # a span, count, share or frequency of a thing some unit names in every word of the topic is given where that
    # thing is discussed: the passages holding such a unit ("who receives a report" is answered in other verbs)
    quantity = kind_only and expected is not None and expected.name in QUANTITIES
    located = {units[j].passage_idx for j in order if topic <= units[j].stems} if quantity and len(topic) >= 2 else set()

    def about_it(i: int) -> bool:
        """A kind given about what the ask is about: where it is discussed, when some unit names all of it."""
        if located and not (topic <= units[i].stems or units[i].passage_idx in located):
            return False
        return _on_topic(topic, units[i], float(topical[i]), floor) or (
            kind_only and word_vectors is not None and _close_words(topic, units[i], part.text, word_vectors) > 0)

    checks: list[tuple[str, Callable[[int], bool]]] = [
        ("numbers", lambda i: not numbers or holds_numbers(numbers, counts, units[i].passage.text)),
        ("concepts", lambda i: _names_concepts(part, units[i], beyond)),
        ("people", lambda i: set(part.people) <= units[i].people),
        ("named", lambda i: all(_mentions(units[i], name, units) for name in part.named)),
        ("defined term", lambda i: _names_defined_term(part, units[i])),
        ("kind", lambda i: expected is None or _holds(expected, part, units[i], qualified, stated)),
        ("topic", lambda i: bare or answered_whole or i in attendees or about_it(i)),
        ("document", lambda i: not asked.documents or asked.said_in(part, units[i])),
        ("mention", lambda i: said <= units[i].stems),
        ("exists", lambda i: not thing or _names_thing(thing, thing_concepts, units[i])),
        ("means", lambda i: not means_stems or _speaks_of(means_stems, means_concepts, means, units[i], word_vectors)),
        ("ranking", lambda i: not ranked or bool(_RANKS.search(units[i].body))),
        # named, not spoken of as "a consulting firm", nor left out for someone else ("Professor Westfahl expressed")
        ("identified", lambda i: body is None or (not unnamed(body, units[i].body) and (
            bool(body.search(units[i].body)) or names_agent(part.text, units[i].body)))),
        ("length of", lambda i: not length_stems or (_speaks_of(length_stems, frozenset(), length, units[i], word_vectors)
                                                      and gives_own_length(units[i].body))),
        ("named with it", lambda i: all(_named_with(units[i], name, units, bare, heads.get(name, ""))
                                        for name in part.named
                                        if name not in _qualifying(qualified, units[i].passage.text.lower()))),
        # an ask naming a thing is read by what is said of that thing ("the Investigator's Manual on complainants")
        ("side", lambda i: len(side) != 1 or bool(part.named) or not (theirs := sides(units[i].body))
                           or bool(side & theirs)),
    ]
    pool = list(order)
    if not pool:
        return AskCoverage(part, (), "no passage was found")
    if part.unknown:
        return AskCoverage(part, (), f"none of the passages found mentions {' or '.join(part.unknown)}")
    for name, check in checks:
        kept = [i for i in pool if check(i)]
        if not kept:
            held = set().union(*(units[i].concepts for i in pool)) if name == "concepts" else set()
            lacking = tuple(sorted(part.concepts - held)) if name == "concepts" else ()
            reason = asked.reason if name == "document" else _why(name, part, held, expected)
            return AskCoverage(part, (), reason, lacking)
        pool = kept
    if bare:  # those passed the topic check, read with the names taken out
        floor = TOPIC_COSINE if part.concepts else MIN_RELEVANCE  # a concept named is already a word of the topic
        attribute = _attribute_asked(part) if part.named and not part.concepts else frozenset()
        pool = [i for i in pool if similarity[i] >= floor
                and _says_it(part, attribute, units[i], float(similarity[i]), float(topical[i]), word_vectors)]
    if not pool:
        return AskCoverage(part, (), "no passage found is close enough to it")
    if part.people and topical is not similarity:  # what Kennedy said, not the sentence that introduces him
        pool.sort(key=lambda i: units[i].score + NAMELESS * (float(topical[i]) - float(similarity[i])), reverse=True)
    if defining := _defining(defined_words(part.text)):  # "The Group of Friends is a platform ..." first
        pool.sort(key=lambda i: not defining.search(units[i].text))
    pool.sort(key=lambda i: i not in attendees)  # "over 140 participants" before "reached over 600 members"
    pool = by_form(part.text, units, pool)
    if expected and expected.name == "agent" and (done := _done(part.text)):  # "Who produced X?": "produced by ..."
        pool.sort(key=lambda i: not done.search(units[i].body))
    return AskCoverage(part, tuple(pool))


FORM_TOP = 3  # the first units of an ask that its form re-orders (tuning parts: eval/data/README.md, "Answers in the form asked")
_PERMISSION_ASKED = re.compile(
    r"^\s*(?:can|may|must|could|do (?:i|we|they|you) (?:have|need) to|does (?:\w+ ){1,3}(?:have|need) to|"
    r"(?:is|are) (?:it|\w+(?: \w+){0,2}) (?:possible|ok|okay|acceptable|allowed|permitted|required|obliged|entitled)\b)",
    re.IGNORECASE)
_CONDITION_ASKED = re.compile(r"^\s*when (?:will|would|does|do|can|may|must|should|might|is|are)\b|"
                              r"\b(?:in (?:which|what) (?:cases|circumstances|situations)|under what (?:circumstances|conditions))\b",
                              re.IGNORECASE)
# "may include", "may be sexual harassment": what a thing can be or hold, not what may be done
_PERMITS = re.compile(r"\b(?:may(?! (?:also )?(?:include|consist|involve|amount|take the form|be (?:a|an|the|sexual|spoken|written|"
                      r"physical)\b))|must|can|cannot|can['’]t|shall|(?:is|are) (?:not )?(?:allowed|permitted|entitled|required|"
                      r"obliged)|(?:has|have) the right|never|at any time|only (?:if|when|where)|unless|not required)\b",
                      re.IGNORECASE)
_CONDITIONS = re.compile(r"\b(?:if|where|when|whenever|unless|in (?:cases?|situations?|circumstances) (?:where|of|in which))\b",
                         re.IGNORECASE)


def by_form(text: str, units: Sequence[Unit], pool: list[int]) -> list[int]:
    """The first ``FORM_TOP`` units of an ask's pool in the order its form wants, the others kept as they are:
    "Can I quit informal resolution halfway?" and "Must I ...?" are answered by a sentence saying what may, must or
    cannot be done ("The affected person may withdraw from informal resolution at any time"), not by the one
    defining informal resolution; "When will the Adviser refuse ...?" and "In which cases ...?" also by one giving a
    condition ("... will not facilitate informal resolution where the conduct involves ..."). A footnote ("[3] The
    five Ds framework is widely used ...") comes after the text it annotates. The fitted reader then orders the first
    units again (``AnswerService.rank_by_reading``), this order counting as its prior."""
    condition = bool(_CONDITION_ASKED.search(text))
    wanted = condition or bool(_PERMISSION_ASKED.match(text))

    def key(i: int) -> tuple[bool, bool]:
        body = units[i].body
        unwanted = wanted and not (_PERMITS.search(body) or (condition and _CONDITIONS.search(body)))
        return bool(FOOTNOTE_MARK.match(units[i].text.lstrip())), unwanted

    return sorted(pool[:FORM_TOP], key=key) + pool[FORM_TOP:]


_DONE = re.compile(r"^\s*who (\w+ed)\b", re.IGNORECASE)


def _done(text: str) -> re.Pattern[str] | None:
    """What a "Who produced / organised X?" ask asks who did, as a sentence saying it was done writes it ("produced
    by"; "the Chair of the Task Force" did not chair anything)."""
    match = _DONE.match(text)
    return re.compile(rf"\b{re.escape(match.group(1))}\b", re.IGNORECASE) if match else None


_SUPERLATIVE = "most|highest|lowest|largest|smallest|fewest|least|biggest|greatest"
_ASKS_RANKING = re.compile(rf"\b(?:the )?({_SUPERLATIVE})\b"
                           r"(?! (?:important|common|effective|useful|serious|appropriate|relevant|recent|likely|"
                           r"frequent|often|helpful|urgent)\b)", re.IGNORECASE)
_RANKS = re.compile(rf"\b(?!most recent)(?:{_SUPERLATIVE}|top|leading|ranked|ranking|than)\b", re.IGNORECASE)


def asks_ranking(text: str) -> str:
    """The superlative a "which office had the most complaints" ask turns on: its answer ranks or compares."""
    match = _ASKS_RANKING.search(text)
    return match.group(1).lower() if match else ""


_NUMBER = re.compile(r"\d+")
_WRITTEN_NUMBER = re.compile(rf"\b(?:{'|'.join(WRITTEN_NUMBERS)})\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def numbers_in(text: str) -> frozenset[str]:
    """Every number written in digits in a passage (read once per passage, not once per unit and ask)."""
    return frozenset(_NUMBER.findall(text))


@lru_cache(maxsize=4096)
def written_numbers_in(text: str) -> frozenset[str]:
    """The numbers a passage writes as words, in digits: "up to eight free counselling sessions" holds 8."""
    return frozenset(WRITTEN_NUMBERS[w.lower()] for w in _WRITTEN_NUMBER.findall(text))


def holds_numbers(numbers: set[str], counts: set[str], text: str) -> bool:
    """The passage names every number the ask states; a count ("all 8 CareLine sessions") may be written as a word,
    a number that names a thing ("dialogue 3", "Part 8") only as it is."""
    return numbers - numbers_in(text) <= counts & written_numbers_in(text)


# a number counting things: "8 CareLine sessions", "12 partners"; not "dialogue 3 about success"
_COUNT = re.compile(r"(\d+) (?:(?!(?:about|of|on|in|for|to|with|from|and|or|at|by|as)\b)[\w-]+ )?[a-z]+(?<!ss)s\b")


_MORE_ASKED = re.compile(r"\bhow many (?:more|additional|extra|further|other)\b", re.IGNORECASE)
_ASKED_NUMBER = re.compile(r"(?<![\w/$€£.,])\d+(?![\w/%]|[.,]\d)")  # not "1st", "24/7", "$500", "2.5", "50%"
_GUESS_AFTER = re.compile(rf"\s*(?:-\s*)?(?:{TIME_UNIT}|percent|per cent|dollars?|euros?|francs?|pounds?)\b", re.IGNORECASE)


def asked_numbers(text: str) -> set[str]:
    """Numbers the ask is about ("the 2020 survey", "the 55 recommendations"): a passage that answers it names
    them. A span, share or amount ("within 10 days?", "50%?", "$500") may be the asker's guess, which a passage
    answers with another number; "1st" or "24/7" may be written out ("first", "24 hours a day"); how many the
    asker's own office counts ("Our office has 40 staff - how many focal points ...?") is answered by a rule for
    offices of that size ("more than 15 staff")."""
    own = [m.span(1) for m in _OWN_HEADCOUNT.finditer(text)]
    return {m.group(0) for m in _ASKED_NUMBER.finditer(text)
            if not _GUESS_AFTER.match(text, m.end()) and m.span() not in own}


_OWN_HEADCOUNT = re.compile(r"\b(?:(?:our|my) (?:\w+ ){0,2}?(?:has|have|had|employs|with|of)|we (?:are|have|employ)|"
                            r"there are) (?:about |around |over |nearly |almost |some |just |only )?(\d+) "
                            r"(?:\w+ )?(?:staff|people|employees|members|personnel|colleagues|workers|persons)\b",
                            re.IGNORECASE)


_PLACE_ASKED = frozenset(stem(w) for w in (*PLACE_NOUNS, *PLACE_VERBS, "location"))


def _holds(expected: ExpectedAnswer, part: Part, unit: Unit, qualified: Qualified, stated: set[str]) -> bool:
    """The unit gives the kind of answer the ask wants; ``stated``: the numbers the ask names (``asked_numbers``), and
    for "how many more" those the asker tells of."""
    if expected.name in QUANTITIES and _other_years(part.text, unit.body):
        return False  # "How many investigations were opened in 2022?": not "Of the 41 investigations opened in 2023"
    reading = unit.reading.lower()
    qualifying = _qualifying(qualified, reading)
    if not all(name.lower() in reading for name in part.named if name not in qualifying):
        return False  # the phone number of the Ethics Office, or what ClearCheck costs, is said where it is named
    if expected.name in ("number", "share") and stated and not expected.holds(part.text,
                                                                             _without_numbers(stated, unit.body)):
        return False  # "How many of the 400+ focal points work in the field?": not "the network of over 400 ..."
    if expected.name in ("number", "share", "money") and _ACTUAL_ASKED.search(part.text) and _TARGET.search(unit.body):
        return False  # "What was last year's completion rate?": a target of 95 per cent is not what was reached
    if _EXTREME_ASKED.search(part.text) and _CENTRAL.search(unit.body) and not _EXTREME.search(_AIMED.sub(" ", unit.body)):
        return False  # "What was the longest investigation?": not "The median duration ... was 198 days"
    if expected.name in QUANTITIES and _CENTRAL_ASKED.search(part.text) and not _CENTRAL.search(unit.body):
        return False  # "the average time to complete an investigation": not "71 per cent within the 120-day limit"
    if expected.name == "number" and asks_times(part.text):  # "how many times a year": "twice a year", not a list
        return expected.holds(part.text, unit.body)
    if expected.name == "number" and unit.items and (not part.counted or part.counted & _listing(unit.text)
                                                     or (part.counted == people_stems() and _lists_people(unit))):
        return True  # "how many panelists" is answered by the list of them ("... with the following panelists:")
    if expected.name == "number" and part.counted:
        return _counts(part.counted, unit.body)
    if expected.name == "date":
        named = {stem(w) for name in part.named for w in words(name)}
        return dated_near((part.topic - _DATING) | named or part.topic, unit.body, years_in(part.text))
    if expected.name == "share" and part.counted:
        return _shares(part.counted, unit.body)
    if expected.name == "contact" and part.named and unit.items:  # the Chair's address, not the hotline's number
        return any(_item_holds(expected, part, unit.passage.text[a:b]) for _, (a, b) in unit.items)
    if expected.name == "contact" and part.named and (entry := _entry_of(part.named, unit.body)) is not None:
        return expected.holds(part.text, entry)  # "Office of the Ombudsperson: ombuds@...;", not the entry before it
    return expected.holds(part.text, unit.body)


# a label opening one entry of a line listing several: "Investigations Unit: investigations@unerra.org, +41 ...;"
_ENTRY = re.compile(r"(?:^|[;\n])\s*([A-Z][^:;\n]{2,80}):")


def _entry_of(names: Sequence[str], text: str) -> str | None:
    """The entry of a line listing several ("Name: details; Name: details") whose label holds every name; None when
    the line lists no entries, or none labelled with them."""
    labels = [m for m in _ENTRY.finditer(text) if not _FIELD.fullmatch(m.group(1).strip())]
    if len(labels) < MIN_ENTRIES:
        return None
    ends = [m.start() for m in labels[1:]] + [len(text)]
    return next((text[m.start(1):end] for m, end in zip(labels, ends, strict=True)
                 if all(name.lower() in m.group(1).lower() for name in names)), None)


MIN_ENTRIES = 2
# a field of one entry, not an entry of its own: "Office of the Ombudsperson: ombuds@...; Telephone: +41 ..."
_FIELD = re.compile(r"(?:e-?mail(?: address)?|(?:tele)?phone(?: number)?|tel\.?|fax|mobile|(?:opening |office )?hours|"
                    r"web ?(?:site|page)?|url|(?:postal |street |office )?address|contact|location|room|extension|ext\.?)",
                    re.IGNORECASE)


def _without_numbers(numbers: set[str], text: str) -> str:
    """The text with the numbers an ask states taken out, in digits or as words: what is left must give the number
    it asks for."""
    text = re.sub(rf"(?<![\d.,])(?:{'|'.join(map(re.escape, sorted(numbers)))})(?![\d]|[.,]\d)", " ", text)
    return _WRITTEN_NUMBER.sub(lambda m: " " if WRITTEN_NUMBERS[m.group(0).lower()] in numbers else m.group(0), text)


Qualified = tuple[tuple[str, frozenset[str]], ...]  # (a long name's head in lower case, the words only its qualifier has)


def _qualified(text: str, runs: Sequence[str]) -> Qualified:
    """The long names an ask writes in full, as a head and a qualifier: "the CEB Task Force on Addressing Sexual
    Harassment" is the CEB Task Force. The head is a name of two words or more."""
    return tuple((head.lower(), frozenset(tail.split()) - frozenset(head.split())) for head, tail in pairwise(runs)
                 if len(head.split()) >= MIN_HEAD_WORDS
                 and re.search(rf"{re.escape(head)}\s+(?:on|to|against|for)\s+(?:the\s+)?{re.escape(tail)}", text))


def _qualifying(qualified: Qualified, text: str) -> frozenset[str]:
    """The named words that only qualify a long name whose head ``text`` holds: they need not be written there."""
    return frozenset().union(*(tail for head, tail in qualified if head in text))


MIN_HEAD_WORDS = 2  # "Committee" alone may be any committee; "Task Force" or "Ethics Office" names one


# a figure reached, not one aimed at: "the current completion rate", "last year's response rate", "how many so far"
_ACTUAL_ASKED = re.compile(r"\b(?:current(?:ly)?|actual(?:ly)?|so far|to date|last (?:year|month|quarter)(?:['’]s)?|"
                           r"(?:this|past|previous) year(?:['’]s)?|achieved|reached|latest|most recent)\b", re.IGNORECASE)
# the extreme of a figure asked; the extreme, or a limit, given; the figure around which most lie
_EXTREMES = r"longest|shortest|quickest|slowest|maximum|minimum|highest|lowest|largest|smallest|biggest|oldest"
_EXTREME_ASKED = re.compile(rf"\b(?:{_EXTREMES})\b", re.IGNORECASE)
_EXTREME = re.compile(rf"\b(?:{_EXTREMES}|max|min|peak|record|at (?:the )?(?:most|least)|up to|no (?:more|longer|later) "
                      r"than|not (?:to )?exceed\w*|within|limit(?:ed)?|cap(?:ped)?)\b", re.IGNORECASE)
_AIMED = re.compile(r"\bwithin (?:an? |the )?(?:average|mean|median)\b", re.IGNORECASE)  # "within an average of 120 days"
_CENTRAL_ASKED = re.compile(r"\b(?:average|averaged|mean|median)\b", re.IGNORECASE)
_CENTRAL = re.compile(r"\b(?:average|averaged|averaging|mean|median|typical(?:ly)?|on average)\b", re.IGNORECASE)
_TARGET = re.compile(r"\b(?:targets?|goals?|aims? (?:at|to|for)|objectives?|benchmarks?)\b", re.IGNORECASE)


def _lists_people(unit: Unit) -> bool:
    """Every item of the unit's list names a person ("Ms. Kate Jenkins, Commissioner"): the list counts people."""
    return all(speaker_names(unit.passage.text[a:b]) for _, (a, b) in unit.items)


def _item_holds(expected: ExpectedAnswer, part: Part, item: str) -> bool:
    """One item of a list names what the ask names and holds the answer: a list of channels answers for the one
    whose item gives it."""
    return all(name.lower() in item.lower() for name in part.named) and expected.holds(part.text, plain(item))


LISTED_WORDS = 1  # what a lead-in lists is its last word ("... the following panelists:")


def _listing(lead_in: str) -> set[str]:
    return {stem(w) for w in words(lead_in)[-LISTED_WORDS:]}


_SPAN_UNIT = re.compile(rf"{TIME_UNIT}\b", re.IGNORECASE)
_SPANNED = frozenset({stem("leave"), stem("time")})  # counted in days or hours
COUNT_BEFORE, COUNT_AFTER = 4, 6  # words before and after a number within which what it counts is named ("leave of up to 10")


def _counts(counted: frozenset[str], text: str) -> bool:
    """A number next to what is counted: "over 140 participants" for "how many participants"."""
    tokens = words(without_references(text))
    # "within 24 hours" counts hours (and "how much leave" days), not the complaints forwarded
    spans = not any(_SPAN_UNIT.fullmatch(c) or c in _SPANNED for c in counted)
    for i, token in enumerate(tokens):
        if not expected_number(token) or (spans and _SPAN_UNIT.match(" ".join(tokens[i + 1 : i + 3]))):
            continue
        near = {stem(w) for w in tokens[max(0, i - COUNT_BEFORE) : i + COUNT_AFTER]}
        if near & counted:
            return True
    return False


DATE_REACH = 8  # words either side of a date within which what it dates is named


# words that stand beside any date: "an annual Week held in November" does not date the annual refresher day
_DATING = frozenset(stem(w) for w in ("annual", "annually", "yearly", "held", "hold", "holds", "scheduled", "organised",
                                      "organized", "happen", "happens", "occur", "occurs", "take", "takes", "place"))


def dated_near(about: Iterable[str], text: str, years: frozenset[str] = frozenset()) -> bool:
    """A date next to what it dates: "launched in 2018", not "since its inception in 2017, including [...] the
    ClearCheck database" for when ClearCheck was launched. ``about``: stems of the ask's topic and names (any date
    when empty). ``years``: the years the ask names; a year besides them dates something else ("As in 2023, one
    dialogue will be held in the field" does not say when the first 2024 dialogue is)."""
    wanted = frozenset(about)
    for m in DATE.finditer(text):
        if years and m.group(0).isdigit() and m.group(0) not in years:  # DATE's only figures are years
            continue
        near = words(text[: m.start()])[-DATE_REACH:] + words(text[m.end() :])[:DATE_REACH]
        if not wanted or wanted & {stem(w) for w in near}:
            return True
    return False


def _other_years(ask: str, text: str) -> bool:
    """The ask names a year and the text names years, none of them it: its figures are another year's."""
    asked, theirs = years_in(ask), years_in(text)
    return bool(asked and theirs and not asked & theirs)


SHARE_REACH = 80  # characters either side of a share in which what it is a share of is named


def _shares(counted: frozenset[str], text: str) -> bool:
    """A share of what is counted: "one in three Australian workers" for "what share of workers"."""
    return any(counted & {stem(w) for w in words(text[max(0, m.start() - SHARE_REACH) : m.end() + SHARE_REACH])}
               for m in SHARE.finditer(text))


def _mentions(unit: Unit, name: str, units: Sequence[Unit]) -> bool:
    """The unit's document names it, in a passage found, also as the start of a longer word ("Australia" in
    "Australian"): a name may describe a speaker ("the Harvard professor") elsewhere than in the sentence quoted."""
    return any(re.search(rf"\b{re.escape(name)}", text) for text in _document_texts(unit, units))


def _document_texts(unit: Unit, units: Sequence[Unit]) -> set[str]:
    """The passages found of the unit's document."""
    return {u.passage.text for u in units if u.passage.doc_key == unit.passage.doc_key}


DESCRIBED_BEFORE, DESCRIBED_AFTER = 60, 160  # characters around a person's name in which what describes them stands


def _named_with(unit: Unit, name: str, units: Sequence[Unit], itself: bool = False, head: str = "") -> bool:
    """The unit's passage names it (``itself``: the unit, for an ask wanting no kind of answer, which is answered
    by what a sentence says of it, also by the last word of the name, ``head``, once its passage has named it in
    full: "The Adviser does not conduct investigations", after "The Respectful Workplace Adviser is ..."), or the
    name describes the person the unit quotes ("the Harvard professor", "Israel's ambassador"): it stands next to
    their name in a passage of the document found. "Ethics Office Within three working days" is no deadline of the
    Director-General's, though the policy names both; Israel's law on online abuse says nothing of the Code of
    Conduct, though the passage around it names the Code."""
    named = re.compile(rf"\b{re.escape(name)}")
    if named.search(unit.reading if itself else unit.passage.text):
        return True
    if itself and head and re.search(rf"\b[Tt]he {re.escape(head)}\b", unit.body) and named.search(
            unit.passage.text, 0, unit.span[0]):
        return True
    return any(named.search(text, max(0, m.start() - DESCRIBED_BEFORE), m.end() + DESCRIBED_AFTER)
               for text in _document_texts(unit, units) for person in unit.people for m in re.finditer(rf"\b{re.escape(person)}\b", text))


def _on_topic(topic: frozenset[str], unit: Unit, similarity: float, floor: float) -> bool:
    """What a person said, or a number, date or span, answers an ask only when it is about what the ask is about:
    a word of its ``topic``, or a meaning close to it."""
    if not topic or topic & unit.stems:
        return True
    return similarity >= floor


def _bare_on_topic(part: Part, unit: Unit, similarity: float, word_vectors: WordVectors | None) -> bool:
    """An ask wanting only what a sentence says of its topic ("Can a complainant be accompanied by a friend during
    interviews?") is answered by a unit sharing two of its words (one when it has one) used as common words, or
    words close to them in meaning ("male" for "men"), or by one close to the whole question in meaning: "The Group
    of Friends has become ..." shares no word of it."""
    topic = part.topic
    if not topic or similarity >= BARE_COSINE:
        return True
    need = min(len(topic), BARE_SHARED)
    shared = topic & unit.common_stems
    if len(shared) >= need:
        return True
    return word_vectors is not None and len(shared) + _close_words(topic - shared, unit, part.text, word_vectors) >= need


def _says_it(part: Part, attribute: frozenset[str], unit: Unit, similarity: float, topical: float,
             word_vectors: WordVectors | None) -> bool:
    """A unit close enough to a bare ask says what it asks: what it wants of the thing it names (``attribute``), or,
    naming a concept or a thing, nothing more; else what a sentence says of its topic (``_bare_on_topic``)."""
    if attribute:  # "Which guidelines did UN Women's deputy head point to?": the guidelines are asked, not the deputy
        return bool(asked_nouns(part.text) - attribute & unit.stems) or _holds_attribute(
            attribute, unit, topical, part.text, word_vectors)
    return bool(part.concepts or part.named) or _bare_on_topic(part, unit, similarity, word_vectors)


def _attribute_asked(part: Part) -> frozenset[str]:
    """What an ask wants of the thing it names: "the Guidelines' main chapters", "the mandate of the Advocate",
    "their mandate"."""
    name = " ".join(part.named)
    text = _SOURCE_ASKED.sub("", part.text)  # whose view is asked is not what is asked of it
    found = [m.group(1) for m in re.finditer(rf"{re.escape(name)}['’]s?\s+((?:\w+\s+){{0,2}}\w+)", text)]
    found += [m.group(1) for m in re.finditer(rf"\b(\w+) of (?:the )?{re.escape(name)}", text)]
    found += [m.group(1) for m in re.finditer(r"\b(?:its|their) ((?:\w+\s+){0,1}\w+)", text, re.IGNORECASE)]
    return frozenset(content_stems(" ".join(found))) & part.topic


# "According to Israel's ambassador, ...": whose view is asked
_SOURCE_ASKED = re.compile(r"^\s*(?:according to|in (?:the )?(?:view|words|opinion) of)\b[^,]*(?:,|$)", re.IGNORECASE)


def _holds_attribute(attribute: frozenset[str], unit: Unit, topical: float, text: str,
                     word_vectors: WordVectors | None) -> bool:
    """A unit naming the thing answers what the ask wants of it only when it says that ("chapters", or a word close
    in meaning) or is close to the ask with the names taken out: "DED Bhatia referred participants to the Enabling
    Environment Guidelines" gives none of their chapters."""
    if topical >= BARE_COSINE or attribute & unit.stems:
        return True
    return word_vectors is not None and _close_words(attribute, unit, text, word_vectors) > 0


def _close_words(topic: frozenset[str], unit: Unit, text: str, word_vectors: WordVectors) -> int:
    """How many of the ask's ``topic`` words (as ``text`` writes them) have a word of the unit close in meaning."""
    asked = list(dict.fromkeys(w.lower() for w in words(text) if stem(w) in topic))
    theirs = list(dict.fromkeys(w.lower() for w in unit.common_words if len(w) > 2 and w.lower() not in stop_words()))
    if not asked or not theirs:
        return 0
    closeness = word_vectors.asked(asked) @ word_vectors.theirs(theirs).T
    return int((closeness.max(axis=1) >= WORD_COSINE).sum())


def _head(phrase: str) -> str:
    """The word naming the thing of a phrase ("dress code" -> "code", "mobile app version" -> "app"); "" when it
    names a limit, which the limit itself answers in other words ("within three years")."""
    kept = [w for w in phrase.split() if w.lower() not in _VAGUE_HEADS]
    if not kept or any(w.lower() in _LIMIT_HEADS for w in phrase.split()):
        return ""
    return kept[-1]


_VAGUE_HEADS = frozenset({"version", "versions", "type", "types", "kind", "kinds", "form", "forms", "way", "ways",
                          "option", "options", "sort", "sorts", "possibility", "chance", "need", "requirement",
                          "rule", "rules", "process", "procedure", "policy", "provision", "provisions"})
_LIMIT_HEADS = frozenset({"limit", "limits", "cap", "caps", "maximum", "minimum", "deadline", "deadlines", "ceiling",
                          "timeframe", "timeline", "period"})


def _names_thing(head: str, named: frozenset[str], unit: Unit) -> bool:
    """A unit names what an ask asks exists: its head word, or the concepts its phrase names (``named``)."""
    return stem(head) in unit.stems or bool(named and named <= unit.concepts)


def _speaks_of(asked: frozenset[str], concepts: frozenset[str], text: str, unit: Unit,
               word_vectors: WordVectors | None) -> bool:
    """A unit speaks of the means a yes/no ask ends on: a word of it (``asked``, as ``text`` writes them), one close
    in meaning ("telephone" for "phone"), or the concepts it names ("social media" for "Facebook"); a time of day or
    week ("on weekends", "in the evenings") is spoken of by a sentence saying it is at any time ("24 hours a day")."""
    if asked & unit.stems or (concepts and concepts <= unit.concepts):
        return True
    if _TIME_OF_WEEK.search(text) and _ANY_TIME.search(unit.body):
        return True
    return word_vectors is not None and _close_words(asked, unit, text, word_vectors) > 0


_TIME_OF_WEEK = re.compile(r"\b(?:week-?ends?|week-?days?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|evenings?|nights?|"
                           r"night-?time|mornings?|afternoons?|holidays?|public holidays?|out of hours|after hours|"
                           r"\d{1,2} ?(?:am|pm))\b", re.IGNORECASE)
_ANY_TIME = re.compile(r"\b(?:24 hours|24/7|twenty-four hours|round the clock|around the clock|at all (?:hours|times)|"
                       r"(?:seven|7) days a week|every day of the (?:week|year)|365 days)\b", re.IGNORECASE)


def _names_concepts(part: Part, unit: Unit, beyond: frozenset[str] | None) -> bool:
    """The unit names every concept of the ask; or some, and the sentences before it in its paragraph the rest. A
    time to act the unit sets is a time limit when it is the time for what the ask is about: it shares a word of the
    ask besides its concepts ("within six months of the most recent incident" for "time limit informal resolution",
    where the sentence names informal resolution; not "Informal resolution should be concluded within 30 working
    days" for "a time limit for filing a formal report"), or the ask names nothing besides. ``beyond``: those other
    words (``focus.beyond_concepts``), given when the ask names a time limit."""
    if beyond and not shares_beyond(beyond, unit.stems):  # "informed no later than ten days after the assessment"
        held = unit.concepts - {DEADLINE}  # is no deadline for filing
    else:
        held = unit.concepts | ({DEADLINE} if beyond is not None and sets_time_limit(unit.body) else set())
    own = part.concepts & held
    return own == part.concepts or (bool(own) and part.concepts <= held | unit.earlier_concepts)


def _defining(subject: frozenset[str]) -> re.Pattern[str] | None:
    """A sentence with what a "What is X?" ask names as its subject, saying what it is: "... Friends is a platform"."""
    if not subject:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(subject))
    return re.compile(rf"\b(?:{alternatives})[’']?s? (?:is|are|was|were|refers to|means)\b", re.IGNORECASE)


def _names_defined_term(part: Part, unit: Unit) -> bool:
    """'How does the UN define X?' is answered by a definition that names X, not by any definition."""
    if DEFINITION not in part.concepts:
        return True
    defined = part.terms - DEFINING_STEMS
    return not defined or bool(defined & passage_stems(unit.text))


def _why(check: str, part: Part, held: set[str], expected: ExpectedAnswer | None) -> str:
    """The reader's reason an ask is not answered, after the first check no unit passes (``held``: the concepts
    the units still in the running name)."""
    if check == "numbers":
        return f"none of the passages found on it mentions {_join(sorted(asked_numbers(part.text)))}"
    if check == "concepts":
        lacking = sorted(part.concepts - held) or sorted(part.concepts)
        if part.concepts - held:
            return f"none of the passages found mentions {_join(lacking)}"
        return f"no passage found speaks of {_join(sorted(part.concepts))} together"
    if check == "people":
        return f"none of the passages found gives what {_join(list(part.people))} said about it"
    if check == "named":
        return f"none of the passages found on it names {_join(name_runs(part.text, part.named))}"
    if check == "topic":
        return f"none of the passages found gives {expected.what if expected else 'what ' + _join(list(part.people)) + ' said'} about it"
    if check == "named with it":
        return f"none of the passages found on {_join(name_runs(part.text, part.named))} {'gives ' + expected.what if expected else 'speaks of it'}"
    if check == "mention":
        return f"none of the passages found mentions {mentioned(part.text)}"
    if check == "exists":
        return f"none of the passages found mentions {asked_to_exist(part.text)}"
    if check == "means":
        return f"none of the passages found on it speaks of {asked_means(part.text) or asked_breakdown(part.text)}"
    if check == "side":
        return "the passages found say it of the other side of a case"
    if check == "length of":
        return f"none of the passages found gives how long the {length_asked(part.text)} is"
    if check == "ranking":
        return f"none of the passages found says which has the {asks_ranking(part.text)}"
    if check == "defined term":
        return "none of the passages found defines it"
    if check == "identified":
        return "the passages found do not name it"
    assert expected is not None
    if part.named:  # the kind is looked for where the names are (``_holds``)
        return f"none of the passages found on {_join(name_runs(part.text, part.named))} gives {expected.what}"
    return f"none of the passages found gives {expected.what}"


def _join(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names) or "it"
    return ", ".join(names[:-1]) + " or " + names[-1]
