"""Checks of coverage that a similarity score cannot make: the form of the question says what an answer must hold.

* **Expected answer.** A question that asks how long or for a deadline, for an email address or phone number,
  or when something happened is answered only by a sentence holding a time span, contact details or a date.
  When no sentence of the passages found holds one, the documents do not answer the question, however close
  their topic.
* **Named sources.** A question may name a catalogued document ("the Model Policy") that is not in the
  library: the answer says so, and abstains when nothing the question asks about (its words other than the
  document's name and verbs such as "say") occurs in the passages found either.

Both are rules on the question's wording, not thresholds fitted to scores (measured in eval/data/README.md).
Nothing here logs or keeps the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ingest.catalog import CatalogEntry
from service.models import Passage

TokenSet = Callable[[str], set[int]]

# numbers written as words, by the digits that write them ("eight sessions" holds the 8 an ask names)
WRITTEN_NUMBERS = {word: str(n) for n, word in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
     "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"), 1)} | {
    word: str(n) for n, word in zip(range(30, 100, 10), ("thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                                          "ninety"), strict=True)}
NUMBER_WORDS = "|".join(WRITTEN_NUMBERS) + r"|hundreds?|thousands?|millions?|dozens?"
TIME_UNIT = r"(?:working |calendar |business )?(?:hours?|days?|weeks?|months?|years?|decades?)"
# "twice a year" is how often, not how long; "45 additional calendar days" is a span, as "45 calendar days" is
DURATION = re.compile(rf"\b(?<!twice )(?<!once )(?<!times )(?:\d+|{NUMBER_WORDS}|an?)[\s-]+"
                       rf"(?:(?:additional|further|more|extra|consecutive|full|clear)\s+)?{TIME_UNIT}\b|\bno later than\b",
                       re.IGNORECASE)
# "how long has it ...?" is answered by "since (its inception in) 2017" as well; a deadline is not
_SO_FAR = re.compile(r"^\s*how long (?:has|have)\b", re.IGNORECASE)
YEAR_DIGITS = r"(?:19|20)\d\d"  # a year as written: "2023"
_SINCE_YEAR = re.compile(rf"\bsince(?:\W+\w+){{0,3}}?\W+{YEAR_DIGITS}\b", re.IGNORECASE)
MONTHS = r"january|february|march|april|june|july|august|september|october|november|december"
DATE = re.compile(rf"\b(?:{YEAR_DIGITS}|{MONTHS})\b|\b\d{{1,2}} May\b|\bMay \d", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"\+?\d[\d ().-]{5,}\d")
PHONE_DIGITS = 7  # a phone number has at least this many digits
_EXTENSION = re.compile(r"\b(?:ext\.?|extension)\s*\d{3,}", re.IGNORECASE)
_WEB = re.compile(r"\bhttps?://|\bwww\.", re.IGNORECASE)
# factoid questions only: "Is there a hotline?" or "Can I report by email?" are answered without an address
_WH_QUESTION = re.compile(r"^\s*(?:(?:about|approximately|roughly|exactly|for|within|in|by|at|to|from|under|with)\s+)?"
                          r"(?:what|which|who|where|when|how|within|"
                          r"in what|in which|on what|on which|by when|give|tell|list)\b", re.IGNORECASE)


def _time_span(question: str, sentence: str) -> bool:
    if _other_bound_only(question, sentence):  # "the longest suspension" is not "at least three months"
        return False
    if _SO_FAR.search(question) and _SINCE_YEAR.search(sentence):
        return True
    # a span asked for is no period of recurrence: "reviewed every 20 working days" sets no time to act within, and
    # "updates at least every 30 working days" is not how long an investigation takes; "how long between updates" asks it
    recurring = not _RECURRENCE_ASKED.search(question)
    if _LIMIT_WORD.search(question) and _NO_LIMIT.search(sentence):  # "there is no time limit" answers it
        return True
    # a time one has to act within is not how long it took on average: "the average time between a first contact
    # and a formal report was 26 days" is no time to file within
    obliged = bool(_OBLIGED.search(question))
    return any(not (recurring and _recurs(sentence, m)) and not (obliged and _MEASURED.search(sentence, 0, m.start()))
               for m in DURATION.finditer(sentence))


_OBLIGED = re.compile(r"\b(?:have|has|had|need|needs|needed|required|obliged|allowed|permitted) to\b|\bmust\b|"
                      r"\b(?:deadline|time ?limits?|no later|at the latest|cut-?off)\b", re.IGNORECASE)
_MEASURED = re.compile(r"\b(?:average|median|mean|typical(?:ly)?|usual(?:ly)?)\b[^.;]{0,120}$", re.IGNORECASE)


def _recurs(sentence: str, span: re.Match[str]) -> bool:
    """A span that says how often or when, not within how long: "every 20 working days", "24 hours a day"."""
    per = span.group(0).lower().startswith("a") and _UNIT_BEFORE.search(sentence, 0, span.start())
    return bool(_EVERY_BEFORE.search(sentence, 0, span.start()) or _RATE_AFTER.match(sentence, span.end()) or per)


_LIMIT_WORD = re.compile(r"\b(?:limit|deadline|too late)", re.IGNORECASE)
_NO_LIMIT = re.compile(r"\b(?:no|without (?:a|any)) (?:time[- ]limits?|deadlines?)\b", re.IGNORECASE)
_RECURRENCE_ASKED = re.compile(r"\bbetween\b|\bapart\b|\boften\b|\bintervals?\b|\bfrequen\w*|\bevery\b|\beach\b",
                               re.IGNORECASE)
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "available 24 hours a day, seven days a week" says when, not within how long
_RATE_AFTER = re.compile(r"\s+(?:a|per|each)\s+(?:day|week|month|year)\b", re.IGNORECASE)
_UNIT_BEFORE = re.compile(rf"\b{TIME_UNIT}\s+$", re.IGNORECASE)


_YEAR = re.compile(YEAR_DIGITS)
_YEARS = re.compile(rf"\b{YEAR_DIGITS}\b")
_QUANTITY = re.compile(rf"\b(?:{NUMBER_WORDS.removeprefix('one|')}|half|third|quarter|majority|minority|dozen|percent|per cent)\b|%|"
                       rf"\b\d+ (?:in|out of) (?!{YEAR_DIGITS}\b)\d+\b", re.IGNORECASE)


def years_in(text: str) -> frozenset[str]:
    """The years a text names: "When will the first 2024 dialogue take place?" names 2024."""
    return frozenset(_YEARS.findall(text))


# a share of a whole: "12%", "one in three", "a majority", "half of"
SHARE = re.compile(r"%|\bper ?cent\b|\bpercentage\b|\b(?:half|a third|two[- ]thirds|a quarter|three[- ]quarters|a fifth|"
                    r"a tenth|(?:the |a )?majority|(?:a )?minority) of\b|"
                    rf"\b(?:\d+|{NUMBER_WORDS}) (?:in|out of) (?:(?!{YEAR_DIGITS}\b)\d+|{NUMBER_WORDS})\b", re.IGNORECASE)


def expected_number(token: str) -> bool:
    """One word that is a count or amount: digits that are not a year, or a number word."""
    if token[:1].isdigit():
        return not _YEAR.fullmatch(token)
    return bool(_QUANTITY.fullmatch(token))


# numbers that name a place in a document, not a count: "14.2 Depending ...", "(b)", "paragraph 7.3", "annex 2",
# "7.3.1", a footnote mark glued to a word ("the Agency.2")
_REFERENCE = re.compile(
    r"(?m)^\s*(?:\d+(?:\.\d+)+\.?|\d+\.|\(?[a-z0-9]{1,3}\))(?=\s)|\A\s*\d{1,2}(?=\s+(?-i:[A-Z][a-z]))|"  # "4 Figures cover": a footnote's mark
    r"\b(?:paragraphs?|paras?\.?|sections?|parts?(?=\s)|articles?|annex(?:es)?|appendix|items?|pages?|pp?\.|chapters?|clauses?|rules?|"
    r"regulations?|nos?\.|footnotes?|tables?|figures?|versions?|ST/SGB/[\w/]+)\s*[\dA-Z][\w.]*(?:\s*(?:and|to|-|–|,)\s*"
    r"\d[\w.]*)*|\b\d+(?:\.\d+){2,}\b|(?<=[a-z.,;:)])\d{1,2}\b", re.IGNORECASE)


def without_references(text: str) -> str:
    """The text less paragraph, section, item and footnote numbers and phone numbers: what is left counts things."""
    return _REFERENCE.sub(" ", _long_phones(text))


def _long_phones(text: str) -> str:
    return _PHONE.sub(lambda m: " " if _is_phone(m) else m.group(0), text)


def _is_phone(match: re.Match[str]) -> bool:
    return sum(c.isdigit() for c in match.group(0)) >= PHONE_DIGITS


_TIME_ASKED = re.compile(rf"\b(?:{TIME_UNIT}|leave|time|long|period|duration|notice)\b", re.IGNORECASE)  # "how much leave"


def _number(question: str, sentence: str) -> bool:
    """A count, amount or share: a number that is not a year or a reference to a paragraph, a number word, a
    percentage or "1 in 3"; a span ("every two years") only when the question counts days, months or years. A
    maximum asked is not given by a minimum alone ("at least two"), nor a minimum by a maximum alone. How many
    times is a count of times ("renewable once"), not the length of what is repeated ("a term of two years")."""
    if _other_bound_only(question, sentence):
        return False
    if asks_times(question):
        return bool(_TIMES.search(sentence))
    counted = without_references(sentence)
    if not _TIME_ASKED.search(question):
        counted = DURATION.sub(" ", counted)
    digits = re.findall(r"\d+(?:[.,]\d+)*", counted)
    return any(not _YEAR.fullmatch(d) for d in digits) or bool(_QUANTITY.search(counted))


def asks_times(question: str) -> bool:
    """"How many times ...?" counts times: a frequency or a number of repeats."""
    return bool(_TIMES_ASKED.search(question))


def _other_bound_only(question: str, sentence: str) -> bool:
    """The question asks for an upper bound and the sentence gives only a lower one, or the other way round."""
    if _UPPER.search(question) and not _LOWER.search(question):
        return bool(_AT_LEAST.search(sentence)) and not _AT_MOST.search(sentence)
    if _LOWER.search(question) and not _UPPER.search(question):
        return bool(_AT_MOST.search(sentence)) and not _AT_LEAST.search(sentence)
    return False


# "renewed once", "once a year"; not "once the process has ended"
_ONCE = (r"once(?!\s+(?:the|it|they|he|she|you|we|i|this|that|these|those|all|every|their|his|her|its|someone|an|"
         r"a (?!year|month|week|day|quarter|term)\w+)\b)")
_TIMES_ASKED = re.compile(r"\bhow many times\b", re.IGNORECASE)
_TIMES = re.compile(rf"\b(?:{_ONCE}|twice|thrice|(?:\d+|{NUMBER_WORDS}|several|many|multiple) (?:\w+ )?times|no (?:\w+ )?limit|"
                    r"(?:not|never) (?:be )?(?:renewed|extended|repeated)|non-renewable|unlimited)\b", re.IGNORECASE)
_UPPER = re.compile(r"\b(?:maximum|max|at most|upper limit|cap|ceiling|the most|longest|highest|largest)\b", re.IGNORECASE)
_LOWER = re.compile(r"\b(?:minimum|min|at least|lower limit|fewest|the least|shortest|lowest|smallest)\b", re.IGNORECASE)
_AT_LEAST = re.compile(r"\b(?:at least|a minimum of|minimum of|no fewer than|not fewer than|no less than|not less than)\b",
                       re.IGNORECASE)
_AT_MOST = re.compile(r"\b(?:at most|up to|a maximum of|maximum of|no more than|not more than|not exceed\w*|"
                      r"no longer than|not longer than)\b", re.IGNORECASE)


# words for an office or body: "which office ...", "which agencies ..." ask for one by name
# what someone did, in the past tenses that end in neither "-s" nor "-ed": "Who ran the event?", "Who put it together?"
_DID = ("ran|put|led|made|wrote|gave|held|set up|built|began|brought|chose|sent|took|told|spoke|won|oversaw|drew up|paid|"
        "kept|sold|taught|got")
_BODIES = (r"entit(?:y|ies)|offices?|organi[sz]ations?|agenc(?:y|ies)|bod(?:y|ies)|units?|departments?|teams?|"
           r"compan(?:y|ies)|providers?|firms?|contractors?|vendors?|service")
# posts whose holder a "who is the ..." question asks for by name
_POSTS = "chair|head|director|ombudsperson|coordinator|focal point|advocate|investigator"
# titles written before a person's name, and a person named with one ("Ms. Kelly T. Clements", "ASG Lopez")
HONORIFIC = (r"(?:H\.E\.\s+)?(?:Mr|Ms|Mrs|Dr|Prof)\.?|Professor|Commissioner|Ambassador|Chair|Judge|Justice|"
             r"ASG|USG|DED|Director|Secretary-General|Minister")
# a name's word, hyphenated or not: "Diallo-Fischer", "O'Brien", "Lopez"
_NAME_WORD = r"[A-Z](?:[a-z’'-]*[a-z]|[’'](?=[A-Z]))(?:-?[A-Z][a-z’']*[a-z])?"
_NAME = rf"{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{0,2}}"
SPEAKER = re.compile(rf"\b(?:{HONORIFIC})\)?\s+({_NAME})")  # also "Assistant Secretary General (ASG) Sulieman"
_PERSON = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.? [A-Z]|\b[A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+,? (?:is|was|chairs|heads|"
                     r"serves|leads|has been)\b")


def _date(question: str, sentence: str) -> bool:
    """A date; a month asked for is a month ("In which month is the survey run?" is not answered by "in 2020")."""
    if _MONTH_ASKED.search(question):
        return bool(_MONTH.search(sentence))
    return bool(DATE.search(sentence))


_MONTH_ASKED = re.compile(r"\b(?:which|what) months?\b", re.IGNORECASE)
_MONTH = re.compile(rf"\b(?i:{MONTHS})\b|\bMay\b")  # "may" is a month only as a name


def _role(question: str, sentence: str) -> bool:
    """A post or organisation beside the name of the person asked about: "Ms. Kanti Joshi, Founder, TEAM SASHA" for
    "Which organization did Kanti Joshi represent?", "The Chair of the Task Force ..., Ms. Kelly T. Clements,";
    "Ms. Joshi provided ..." holds none."""
    names = {POSSESSIVE.sub("", w) for w in re.findall(r"\b[A-Z][\w’'-]+", question)[1:]}
    return any(re.search(rf"\b{re.escape(name)}\b,\s+(?:the\s+)?[A-Z]|"
                         rf"\b[A-Z][\w’'-]+,\s+(?:[A-Z][\w.’'-]*\s+){{0,4}}{re.escape(name)}\b", sentence) for name in names)


_THING_NAMED = re.compile(r"\bname of (?!(?:(?:the|that|this|a|an|its|their) )?(?:chair|head|director|person|speaker|"
                          r"facilitator|moderator|coordinator|officer|advocate|investigator|ombudsperson|women?|man|men)\b)"
                          r"(?:(?:the|that|this|a|an|its|their) )?\w+", re.IGNORECASE)


def _name(question: str, sentence: str) -> bool:
    """A person's name, or for "the name of the report" a title: quoted, or a name of two words or more that ends
    on what names a document ("the UN Model Policy"; "the CEB Task Force" names a body)."""
    if _THING_NAMED.search(question):
        return bool(_QUOTED.search(sentence)) or any(" " in m.group(0) and _documentary(m.group(0))
                                                     for m in _NAMED.finditer(sentence))
    post = _POST_ASKED.search(question)
    posts = [m.start() for m in re.finditer(rf"\b{re.escape(post.group(1))}", sentence, re.IGNORECASE)] if post else []
    if posts:  # "Who is the Victims' Rights Advocate?": a person named beside the post, not anyone the sentence names
        return any(abs(m.start() - at) <= POST_REACH for m in _PERSON.finditer(sentence) for at in posts)
    return bool(_PERSON.search(sentence))


_POST_ASKED = re.compile(rf"\bwho (?:is|was|currently) .*?\b({_POSTS})\b", re.IGNORECASE)
POST_REACH = 80  # characters between a post and the name of the person holding it ("Ms. Kelly T. Clements, Chair of")


# the head word of a name that names a document or a tool, not who does something
DOCUMENT_AFTER = 2  # words after a name in which a document's head word makes it a document's name
_DOCUMENT_HEADS = frozenset({"policy", "policies", "code", "conduct", "manual", "guidelines", "guidance", "report",
                             "database", "approach", "publication", "strategy", "handbook", "bulletin", "course",
                             "form", "protocol", "framework", "plan", "survey", "inquiry", "circular", "instruction",
                             "rules", "regulations", "charter", "convention", "resolution", "toolkit", "checklist"})


_AFTER_HEAD = frozenset({"of", "for", "on", "and"})  # a name's head word comes before these: "Code of Conduct"
_LINKING = _AFTER_HEAD | {"the"}  # inside a name: "The Chair of the Task Force"


def _documentary(name: str, after: str = "") -> bool:
    """A document or tool, not who does something: its head word is one of a document ("the UN Model Policy on Sexual
    Harassment", "Code of Conduct"), or the words right after it name one ("the ClearCheck screening database")."""
    words = _words(POSSESSIVE.sub("", name))
    heads = {w for i, w in enumerate(words) if i + 1 == len(words) or words[i + 1] in _AFTER_HEAD}
    return bool(heads & _DOCUMENT_HEADS or _DOCUMENT_HEADS & set(_words(after)[:DOCUMENT_AFTER]))


_FREQUENCY = re.compile(r"\b(?:(?:every|each) (?:\w+ ){0,2}?(?:years?|months?|weeks?|days?|hours?|quarters?|time|cycle)|annual(?:ly)?|"
                        r"yearly|biennial(?:ly)?|monthly|weekly|daily|quarterly|once|twice|regularly|periodically|"
                        r"per (?:year|month|week)|a (?:year|month|week)|times? a)\b", re.IGNORECASE)
_NAMED = re.compile(rf"\b[A-Z][\w’'-]*(?:[- ](?:(?:{'|'.join(sorted(_LINKING))}) )*[A-Z][\w’'-]*)*")
POSSESSIVE = re.compile(r"[’']s?$")  # "the UN's", "Australia’s"
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_GENERIC_NAMES = frozenset({"un", "united nations", "the", "this", "these", "that", "it", "a", "an", "in", "if", "where",
                            "when", "all", "any", "each", "as", "such", "staff", "personnel", "member states",
                            "member state"})  # a kind of body, not one: "which countries" is not answered by it


def names_agent(question: str, sentence: str) -> bool:
    """A person, office or body named in the sentence that the question does not name ("Who runs X?" is not
    answered by a sentence about X that names nobody else); for "which office ..." an office or body, not a person."""
    body = bool(_BODY_ASKED.search(question))
    if not body and _PERSON.search(sentence):
        return True
    if _BY_BODIES.search(sentence):
        return True  # "set up in 2020 by six entities": who set it up, counted
    asked = {_bare(w) for w in _words(question)}
    does = None if body else _DOES_ASKED.match(question)
    if does and _post_asked(does.group(1), asked, sentence):
        return False
    if does and re.search(
            rf"\b(?:the|a|an|each|every|their|your) (?:[\w-]+ ){{1,3}}{re.escape(does.group(1))}\b", sentence, re.IGNORECASE):
        return True  # "Who decides whether to go to the police?": "The affected person decides whether ..."
    for match in _NAMED.finditer(sentence):
        name = POSSESSIVE.sub("", match.group(0))
        words = _words(name)
        if name.lower() in _GENERIC_NAMES or all(_bare(w) in asked or w in _GENERIC_NAMES or w in _LINKING for w in words):
            continue
        if _capital_of_grammar(sentence, match) or _titled(sentence, match) or _documentary(name, sentence[match.end():]):
            continue  # "the UN Model Policy" or "the ClearCheck screening database" does nothing
        if body and SPEAKER.search(sentence[max(0, match.start() - 12) : match.end()]):
            continue  # "ASG Lopez" is a person
        if _ON_BEHALF.search(sentence, 0, match.start()):
            continue  # "operated on behalf of the IOMC by an external provider": the IOMC does not operate it
        return True
    return False


def _post_asked(verb: str, asked: set[str], sentence: str) -> bool:
    """The sentence names the post the question asks who fills (``asked``: the question's words, bare), and nobody in
    it: "the Chair of the Independent Audit and Oversight Committee" does not say who chairs the Committee ("the
    Director of OIA" may say who directs an investigation)."""
    return any(_bare(m.group(1).lower()) in asked
               for m in re.finditer(rf"\b(?:the|its|their) {re.escape(_bare(verb.lower()))}\w* of (?:the )?([\w-]+)", sentence,
                                    re.IGNORECASE))


_BY_BODIES = re.compile(rf"\bby (?:\d+|{NUMBER_WORDS}) (?:[\w-]+ ){{0,2}}?(?:{_BODIES}|countries|member states|governments|"
                        r"donors)\b", re.IGNORECASE)
_ON_BEHALF = re.compile(r"\bon behalf of (?:the )?$", re.IGNORECASE)
_DOES_ASKED = re.compile(r"^\s*who (?!is\b|was\b|has\b|does\b)(\w+s)\b", re.IGNORECASE)
_BODY_ASKED = re.compile(rf"\bwhich (?:\w+ )?(?:{_BODIES})\b", re.IGNORECASE)


def _titled(sentence: str, match: re.Match[str]) -> bool:
    """A name in a quotation is (part of) a title, the course “Respect at Work”, not who does something."""
    return any(q.start() < match.start() < q.end() for q in _QUOTED.finditer(sentence))


def _capital_of_grammar(sentence: str, match: re.Match[str]) -> bool:
    """A single word capitalised only because it opens the sentence ("For complaints ..."); "OIA" and "ClearCheck"
    are names wherever they stand."""
    word = match.group(0)
    return not sentence[: match.start()].strip() and " " not in word and "-" not in word and word[1:] == word[1:].lower()


_ASKS_PHONE = re.compile(r"\b(?:phone|telephone|call|ring|extension|fax)\b", re.IGNORECASE)
_ASKS_EMAIL = re.compile(r"\be-?m(?:ai|ia)l\b", re.IGNORECASE)


def _contact(ask: str, sentence: str) -> bool:
    """The contact details asked for: a phone number when the ask says phone or call, an email address when it
    says email, else any of them."""
    if _FAX.search(ask):  # a fax number is not the phone number beside it
        return bool(_FAX.search(sentence)) and _holds_phone(sentence)
    if _ASKS_PHONE.search(ask):
        return _holds_phone(sentence)
    if _ASKS_EMAIL.search(ask):
        return bool(_EMAIL.search(sentence))
    if _ASKS_POST.search(ask):
        return bool(_POSTAL.search(sentence))
    if _ASKS_WEB.search(ask):  # a web address, not the phone number beside the service's name
        return bool(_WEB.search(sentence))
    return holds_contact(sentence)


_FAX = re.compile(r"\bfax\b|\bfacsimile\b", re.IGNORECASE)
# a web address asked for: "the website", "the intranet page", "a link"
_WEB_ASKED = r"web ?site|web address|(?:intranet|internet|web|website|online) (?:link|page|address)|url|hyperlink"
_ASKS_WEB = re.compile(rf"\b(?:{_WEB_ASKED})\b", re.IGNORECASE)
_ASKS_POST = re.compile(r"\b(?:postal|mailing|street|post|physical|office|headquarters['’]?) address(?:es)?\b|"
                        r"\bwhere (?:do|can|should) (?:i|we|you) (?:send|post|mail) (?:a |the |my )?letters?\b", re.IGNORECASE)
# a street, a post box or a postcode: "12 Rue de Lausanne", "P.O. Box 500", "CH-1211 Geneva"
_POSTAL = re.compile(r"\b\d{1,4}[a-z]?,? (?:[A-Z][a-z]+ ){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Boulevard|Place|"
                     r"Square|Way|Drive|Plaza|Quai|Rue|Strasse|Straße)\b|\b(?:Rue|Avenida|Via|Calle|Chemin|Route) (?:de |du |des )?[A-Z]|"
                     r"\bP\.? ?O\.? Box\b|\bpost(?:al)? ?code\b|\b[A-Z]{1,2}-\d{4,5} [A-Z][a-z]+", re.IGNORECASE)


def holds_contact(sentence: str) -> bool:
    """An email address, a web address or a phone number (seven digits or more)."""
    return bool(_EMAIL.search(sentence) or _WEB.search(sentence)) or _holds_phone(sentence)


def _holds_phone(sentence: str) -> bool:
    """A phone number, or an internal extension ("ext. 4460")."""
    return bool(_EXTENSION.search(sentence)) or any(map(_is_phone, _PHONE.finditer(sentence)))


@dataclass(frozen=True)
class ExpectedAnswer:
    """What a sentence must hold to answer a question of one form."""

    name: str
    asks: re.Pattern[str]  # the question's form
    holds: Callable[[str, str], bool]  # (question, sentence) -> does the sentence hold such an answer?
    what: str  # for the reader: "none of the passages found gives <what>"


# how long, however the ask goes on: "How long does the Coordinator take to reply to an email?" asks no address
_HOW_LONG = re.compile(r"^\s*(?:for )?how (?:long|soon|quickly|fast)\b", re.IGNORECASE)
# what a question asking for a place names the place by ("Where is the Counsellor's office?", "... located?"): the
# place asked for, no word its answer must share
PLACE_NOUNS = ("office", "offices", "premises", "headquarters", "desk", "room")
PLACE_VERBS = ("located", "based", "situated", "housed")
# a place: "located on the third floor", "based in Nairobi", "the Ombuds office in Building C"
_NOT_A_PLACE = rf"(?!\d|(?i:{MONTHS}|may|spring|summer|autumn|fall|winter|the (?:past|last|next|first|same))\b)"
_PLACE = re.compile(rf"\b(?i:located|based|situated|housed|held|hosted|headquartered)\s+(?i:in|at|on|within|inside|next to)\s+"
                    rf"{_NOT_A_PLACE}|\b(?i:floor|building|room|wing|street|avenue|road|campus|premises|venue|compound)s?\b|"
                    r"\b(?i:in|at) (?:the )?(?i:city|capital|town) of\b")

_TIME_SPAN = ExpectedAnswer(
    "time span",
    re.compile(rf"{_HOW_LONG.pattern}|\b(?:maximum|minimum|max|min) (?:length|duration|period|time)\b|"
               r"\b(?:within|in) what (?:period|time ?frame|time)\b|"
               r"\b(?:average|mean|median|typical|usual|normal|expected|longest|shortest|maximum|minimum) "
               r"(?:[\w-]+ ){0,2}?(?:time|duration|length)\b|"
               # "what was the longest investigation closed in 2023?"
               r"\bwhat (?:is|was|are|were) the (?:longest|shortest) (?:[\w-]+ ){0,2}?(?:investigations?|cases?|"
               r"process(?:es)?|procedures?|suspensions?|delays?|waits?|periods?)\b|"
               r"\b(?:deadline|time limits?|time-limits?|time ?frames?|how many (?:working |"
               r"calendar |business )?(?:hours|days|weeks|months|years))\b", re.IGNORECASE),
    _time_span, "a time span or deadline")

# also what a query typed as the contact detail it wants asks for (``_CONTACT_QUERY``)
_CONTACT = ExpectedAnswer(
    "contact",
    re.compile(r"\b(?:e-?mail(?: address)?|(?:tele)?phone (?:number|extension)|fax(?: number)?|extension (?:number|for)|contact details|contact information|"
               r"(?:postal|mailing|street|post|physical|office|headquarters['’]?) address(?:es)?|"
               r"(?<=['’]s )extension|"
               rf"{_WEB_ASKED})\b|"
               # "what number should staff dial?": a phone number, not a count
               r"\b(?:what|which) (?:(?:phone|telephone|hotline|helpline|toll-?free) )?number (?:\w+ ){0,3}?(?:dial|call|ring|phone|text)\b|"
               r"\bhow (?:do|can|could|should|would) (?:i|we|you|one|staff|someone|people|"
               r"they|she|he|personnel) (?:contact|reach|get in touch(?: with)?|call|e-?mail|write to)\b", re.IGNORECASE),
    _contact, "contact details (an email address, phone number or web address)")

# a cost, budget or contribution asked: "How much did the programme cost?", "What is the secretariat's annual budget?",
# "how much does each member contribute?"; not "how much leave with full pay" (a span)
_MONEY_ASKED = re.compile(
    r"\bhow much (?:money|funding)\b|"
    r"\bhow much (?!(?:\w+ ){0,2}?(?:leave|time|notice|holidays?)\b)[^?.!]{0,60}?"
    r"\b(?:cost|costs|costing|spend|spends|spent|contribut\w*|charge[sd]?|budget\w*|pay|pays|paid|invest\w*)\b|"
    r"\bwhat(?:'s|’s| is| was| are| were) (?:the |its |their |(?:\w+ )?\w+['’]s )(?:\w+ )?(?:budget|cost|costs|price|"
    r"fees?)\b|"
    # "how big was the fine?", "how large is the budget"
    r"\bhow (?:big|large|high|much) (?:is|was|are|were|will be|would be|can|could|may|might) (?:the|a|an|its|their) "
    r"(?:[\w-]+ )?(?:fines?|"
    r"penalt(?:y|ies)|budgets?|costs?|fees?|salar(?:y|ies)|compensation|awards?|grants?|payments?|settlements?|"
    r"contributions?|damages)\b", re.IGNORECASE)
# an amount of money: a currency, a sum in millions, or nothing to pay ("free of charge", "at no cost")
_MONEY = re.compile(r"[$€£¥₹]|\b(?:US\$|USD|EUR|CHF|GBP|AUD|CAD|JPY|dollars?|euros?|francs?|pounds|rupees?|shillings?)\b|"
                    rf"\b(?:\d+(?:[.,]\d+)*|{NUMBER_WORDS}) ?(?:million|billion|bn)\b|"
                    r"\b(?:free of charge|no (?:cost|charge|fee)s?|at no (?:\w+ )?cost|cost-?free|(?:is|are|for) free)\b",
                    re.IGNORECASE)

# first match wins. "How many" is also answered by a list (service/answering/answerability.py).
EXPECTED_ANSWERS = (
    _CONTACT,
    _TIME_SPAN,
    ExpectedAnswer(
        "date",
        # "when does the Group meet next?": the next time something happens is a date, as a past one is
        re.compile(r"^\s*when (?:exactly |precisely )?(?:was|were|did)\b|\bwhat (?:was|were) the (?:exact )?dates?\b|^\s*when (?:is|are|will|does|do)\b[^.?!]*\bnext\b(?! (?:steps?|stages?|phases?)\b)|"
                   # an event's date: "when will the first 2024 dialogue take place?"
                   r"^\s*when (?:will|is|are|does|do) (?:[\w'’-]+ ){1,6}?(?:take place|be held|takes place|is held|are held)\b|"
                   r"\b(?:what|which) (?:years?|dates?|months?)\b|\bsince when\b", re.IGNORECASE),
        _date, "a date"),
    ExpectedAnswer(
        "place",
        # "held" or "hosted" of an event only: "Where are case records held?" asks who keeps them, or how
        re.compile(rf"^\s*where (?:is|are|was|were)\b[^?]*\b(?:{'|'.join(PLACE_VERBS)})\b|"
                   r"^\s*where (?:is|are|was|were|will) (?:the |this |that |our )?(?:\w+ )?(?:event|meeting|session|"
                   r"conference|dialogue|launch|workshop|training|retreat|ceremony|panel)s? (?:be )?(?:held|hosted)\b|"
                   r"^\s*where(?: is|'s|’s| are) (?:the |my |our |their )?(?:[\w'’-]+ ){0,4}?"
                   rf"(?:{'|'.join(PLACE_NOUNS)})\s*\??\s*$|"
                   r"^\s*(?:in |on )?(?:which|what) (?:city|town|building|floor|room|venue|location)\b", re.IGNORECASE),
        lambda _, sentence: bool(_PLACE.search(sentence)), "a place or location"),
    ExpectedAnswer(
        "role",
        re.compile(r"\b(?:what|which) (?:post|position|job|title|role|function|organi[sz]ation|entity|agency|company|"
                   r"institution|affiliation)s? (?:does|did|do|is|was) (?:[\w.'’-]+ ){1,4}?(?:hold|have|represent|work for|come "
                   r"from|belong to|occupy)\b|\bwhat is (?:her|his|their|(?:\w+ )?\w+['’]s) (?:post|position|job|title|role|"
                   r"affiliation)\b|\bwho does (?:\w+ ){1,2}(?:work for|represent)\b", re.IGNORECASE),
        _role, "their post or organisation"),
    ExpectedAnswer(
        "name",
        # "who is the current Victims' Rights Advocate": a post's holder, named before or after the words of the post
        re.compile(rf"\b(?:what is|what's) the name of\b|\bwho (?:is|was|currently) (?:the )?(?:current |present )?"
                   rf"(?:[\w'’-]+ ){{0,3}}(?:{_POSTS})\b|\bwho currently\b", re.IGNORECASE),
        _name, "a name"),
    ExpectedAnswer(
        "agent",
        # "who counts as a manager" asks what the word covers, not who did something
        re.compile(r"^\s*who (?!(?:counts|qualifies) as\b)(?!is\b|are\b|was\b|were\b|did\b|does\b|do\b|can\b|could\b|should\b|must\b|will\b|"
                   rf"would\b|may\b|might\b|has\b|have\b|had\b|else\b)\w+(?:s|ed)\b|^\s*who (?:{_DID})\b|"
                   rf"\bwhich (?:\w+ )?(?:{_BODIES}) "
                   rf"(?:(?!does\b)\w+s|is|was|are|were|have|had|{_DID}|let)\b|"  # "which firm let 12 partners go"
                   r"\b(?:which|what) (?:\w+ )?(?:countr(?:y|ies)|member states?|nations?|governments?|cities|city|regions?)(?:['’]s?)? "
                   r"(?!does\b|do\b|did\b|should\b|can\b|could\b|must\b|will\b|would\b|may\b|might\b)\w+",
                   re.IGNORECASE),
        names_agent, "who it is (a person, office or body)"),
    ExpectedAnswer(
        "frequency",
        re.compile(r"\bhow (?:often|frequently)\b", re.IGNORECASE),
        lambda _, sentence: bool(_FREQUENCY.search(sentence)), "how often"),
    ExpectedAnswer(
        "share",
        re.compile(r"\b(?:what|which) (?:percentage|percent|proportion|share|fraction|ratio)\b|\bwhat ?%|"
                   r"\b(?:what|which) (?!pay\b|interest\b|exchange\b|hourly\b|daily\b)\w+ (?:rate|percentage|proportion)\b|"
                   r"\bwhat(?:'s| is| was| are| were) (?:the |(?:\w+ )?\w+['’]s )(?:[\w'’-]+ ){0,2}?(?:rate|percentage|proportion|share)\b", re.IGNORECASE),
        lambda _, sentence: bool(SHARE.search(sentence)), "a percentage or share"),
    ExpectedAnswer("money", _MONEY_ASKED, lambda _, sentence: bool(_MONEY.search(sentence)), "an amount of money"),
    ExpectedAnswer(
        "number",
        re.compile(r"\bhow many\b|\b(?:maximum|minimum|total|exact) (?:amount|number|sum|value)\b|"
                   r"\bhow much (?:money|funding|budget|does|did|is|was|will|would|are|were|do|time|leave|notice|"
                   r"compensation|of|in)\b|\b(?:what|which) (?:number|rate|amount)\b|"
                   r"\bwhat (?:score|mark|grade)s? (?:do|does|did|is|are|must|should)\b|"  # "what score do you need to pass"
                   r"\bwhat(?:'s| is| was| are| were) the (?:\w+ )?(?:pass mark|passing score|minimum score|score|fees?|"
                   r"price|salary|headcount|fines?|compensation|damages)\b", re.IGNORECASE),
        _number, "a number"),
)


def expected_answer(question: str) -> ExpectedAnswer | None:
    """The kind of answer a factoid question asks for, if its form says. "What happens when someone misses the
    deadline?" asks what follows, not for a deadline."""
    if _CONTACT_QUERY.match(question):
        return _CONTACT
    question = _SETTING.sub("", question, count=1)
    if not (_WH_QUESTION.search(question) or _LIMIT_ASKED.search(question) or _KIND_QUERY.match(question)) \
            or _WHAT_HAPPENS.match(question):
        return None
    if _HOW_LONG.search(question):
        return _TIME_SPAN
    return next((kind for kind in EXPECTED_ANSWERS if kind.asks.search(question)), None)


# "Is there a cap on how many sessions ...?", "Is there a maximum length for a suspension?": a yes/no question asking
# whether a limit is set is answered by the limit, as "how many" and "how long" are. Not a deadline or time limit: the
# concept of one is asked for, and "There is no deadline for reporting" answers it in other words than the question's
_LIMIT_ASKED = re.compile(r"^\s*(?:is|are) there (?:a|an|any) (?:(?!time\b)\w+ )?(?:cap|limit|maximum|minimum|ceiling)s?\b",
                          re.IGNORECASE)
# a query typed as the kind of answer it wants: "average time it took to complete an investigation in 2023?",
# "deadline to appeal a sanction?", "date of the next dialogue"; not "time off after an incident?"
_KIND_QUERY = re.compile(r"^\s*(?:the |an? )?(?:(?:average|mean|median|typical|usual) "
                         r"(?:[\w-]+ )?(?:time|duration|length|number|amount)|deadlines?|time ?limits?|time ?frames?|"
                         r"dates? of)\b(?! (?:is|are|was|were|do|does)\b)", re.IGNORECASE)
# where the question is set, before what it asks: "under the Investigator's Manual how long should ...", "according to
# the policy, who decides ...?"
_SETTING = re.compile(r"^\s*(?:under|according to|in|per|as per|based on|regarding|concerning|on|for|with regard to|in terms "
                      r"of)\b[^?.!]{0,60}?[,:]?\s+(?=(?:what|which|who|whom|where|when|how)\b)", re.IGNORECASE)
# a query typed as the contact detail it wants: "email for the Manila focal points?", "extension number for the
# coordinator in Nairobi", "phone no. of the hotline"
_CONTACT_QUERY = re.compile(r"^\s*(?:the |an? |any )?(?:e-?mail(?: address)?|(?:tele)?phone(?: number| no\.?)?|extension(?: number)?|"
                            r"ext\.?|fax(?: number)?|contact (?:details|information|info)|web ?site|web address|url|"
                            r"(?:postal|mailing|office) address) (?:for|of|to)\b|"
                            # or after what it is of, with nothing asked around it: "ethics office email", "counsellor
                            # phone number?", "ombudsperson emial address"
                            r"^\s*(?!(?:how|what|which|who|whom|when|where|why|can|could|do|does|did|is|are|should|may|"
                            r"will|would|i|my)\b)(?:the )?(?:[\w'’.-]+ ){1,5}(?:e-?m(?:ai|ia)l(?: address)?|(?:tele)?phone(?: number| no\.?)?|"
                            r"contact (?:details|information|info)|web ?site|web address|url)\s*\??\s*$", re.IGNORECASE)
_WHAT_HAPPENS = re.compile(r"^\s*(?:and |so )?what (?:happens|will happen|would happen|happened)\b", re.IGNORECASE)


# verbs and nouns that frame a question about a document rather than say what it is about
FRAME_WORDS = frozenset({
    "say", "says", "said", "state", "states", "stated", "define", "defines", "defined", "definition", "give", "gives",
    "provide", "provides", "require", "requires", "required", "recommend", "recommends", "mention", "mentions",
    "cover", "covers", "describe", "describes", "explain", "explains", "set", "out", "tell", "according", "rules",
    "rule", "text", "document", "guidance", "policy",
})


def _normal(text: str) -> str:
    """Words in lower case between single spaces, US 'centered' as 'centred' (names are written both ways)."""
    return " " + " ".join(_words(text)).replace("centered", "centred") + " "


def _words(text: str) -> list[str]:
    return re.findall(r"[\w@+]+", text.lower())


_ENDING = re.compile(r"(?<=\w{3})(?:ed|ing|es|s)$")


def _bare(word: str) -> str:
    """A word without its ending, so that "The Chair" is no name for "who chaired", nor "Heads" for "who heads"."""
    return _ENDING.sub("", word)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@dataclass(frozen=True)
class MissingSource:
    """A catalogued document the question names, not in the library."""

    entry: CatalogEntry
    named_as: str

    @property
    def notice(self) -> str:
        return f"“{self.entry.title}” is not in this library, so nothing here quotes it."

    def named_in(self, text: str) -> bool:
        """The text names the document (its title or a short name): it may say what the document holds."""
        flat = _normal(text)
        return any(_normal(name) in flat for name in (self.entry.title, *self.entry.aliases))

    def content_asked(self, question: str) -> bool:
        """The question asks what the document itself says ("What does the Model Policy say ...", "Under the Model
        Policy, ..."), not about it from outside ("When was the Model Policy adopted?")."""
        return bool(ASKS_CONTENT.search(question) or re.search(
            rf"\b(?:under|according to|in|per)\s+(?:the\s+)?(?:\w+\s+){{0,2}}{re.escape(self.named_as)}", question, re.IGNORECASE))


class SourceCheck:
    """Which catalogued documents a question names; ``library`` gives the doc_keys in the index now."""

    def __init__(self, entries: Iterable[CatalogEntry], library: Callable[[], set[str]], tokens: TokenSet) -> None:
        # each entry with its names (title, then aliases) as written and as matched
        self.names = [(entry, [(n, _normal(n)) for n in (entry.title, *entry.aliases)]) for entry in entries]
        self.library = library
        self.tokens = tokens
        self.name_words = {w for entry, _ in self.names for n in (entry.title, *entry.aliases) for w in n.split()}

    def missing(self, question: str) -> list[MissingSource]:
        """Catalogued documents named in the question (title or alias) that the library does not hold."""
        text, held = _normal(question), self.library()
        found = []
        for entry, names in self.names:
            name = next((written for written, matched in names if matched in text), None)
            if name is not None and entry.key not in held:
                found.append(MissingSource(entry, name))
        return found

    def uncovered_focus(self, question: str, missing: list[MissingSource], passages: list[Passage]) -> str | None:
        """What the question asks about, when none of it occurs in the passages found (else None).

        The focus is the question's words less stop words (those the index's BM25 drops), the missing documents'
        names and the framing words. A focus word occurs when a passage holds it as a word, singular or plural:
        not by stem, which would count "informed" as "informal".
        """
        named = {w for m in missing for w in _words(m.named_as)}
        focus = [w for w in _words(question) if w not in named and w not in FRAME_WORDS and self.tokens(w)]
        held = {_singular(w) for p in passages for w in _words(p.text)}
        if not focus or any(_singular(w) in held for w in focus):
            return None
        return " ".join(focus)


_DOC_NOUNS = (r"Code|Policy|Manual|Guidelines?|Bulletin|Report|Strategy|Framework|Handbook|Rules|Regulations|Charter|"
              r"Protocol|Convention|Guidance|Standards?|Directive|Instruction|Toolkit")
_TITLED = r"[A-Z][\w’'@-]*"
NAMED_DOCUMENT = re.compile(
    rf"\b((?:{_TITLED}\s+){{0,6}}(?:{_DOC_NOUNS})(?:\s+(?:of|for|on|to|and|the|at)\s+(?:the\s+)?{_TITLED}(?:\s+{_TITLED})*)?)")
ASKS_CONTENT = re.compile(r"\b(?:say|says|said|list|lists|listed|contain|contains|set out|sets out|define|defines|"
                          r"defined|include|includes|require|requires|recommend|recommends|provide|provides|state|states|"
                          r"cover|covers|principles|provisions?|measures)\b", re.IGNORECASE)


def unheld_document(question: str, titles: Iterable[str]) -> str | None:
    """A document the question asks the content of ("What does the Investigator's Manual recommend ...?"), named in
    Title Case, that is none of the documents the passages found come from: the library only mentions it."""
    if not ASKS_CONTENT.search(question):
        return None
    held = [_normal(t) for t in titles]
    for match in NAMED_DOCUMENT.finditer(question):
        name = match.group(1).strip()
        words = _normal(name).split()
        if len(words) < 2 or not any(w[:1].isupper() for w in name.split()):
            continue
        if not any(_normal(name) in title or all(w in title for w in words) for title in held):
            return name
    return None
