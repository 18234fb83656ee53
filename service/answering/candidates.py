"""The units an extractive answer can quote, listed once per answer from the passages found.

A unit is one sentence of a passage, read so that it stands alone:

* a sentence that introduces a list ("Managers must:") carries its items, and an item carries the sentence
  that introduces it, so neither a bare lead-in nor a bare item is quoted;
* a short sentence that announces what follows without saying it ("She emphasised several recommendations.")
  carries the sentence after it;
* a sentence opening with "This", "These", "It" or "They" carries the sentence before it;
* a sentence whose subject is "She" or "He" names the person it continues from ("She [Ms. Kelly T. Clements]
  informed ..."), found as the last person named with a title before it in the passage.

The quote of a unit is always one verbatim span of its passage (a lead-in through the items it shows,
a sentence with the one before it); the text shown may leave out items between with "…".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ingest.sentences import FOOTNOTE_AT_END, sentence_spans
from service.answering.coverage import SPEAKER, holds_contact
from service.answering.focus import passage_concepts, passage_stems, plain, speaker_names
from service.answering.verify import unmark
from service.models import Passage

Span = tuple[int, int]
MIN_WORDS = 4
MIN_ITEM_WORDS = 2
MAX_ITEMS = 12
LONG_ITEM_WORDS = 60
BULLETS = "-•*·"  # marks that open the items of a list
SENTENCE_ENDS = (".", "!", "?", ":", ";")
# a heading's label: "Dialogue 4:", "Chapter 3.", "2. Annex B:", "Part II -"
HEADING_LABEL = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:chapter|section|part|annex|appendix|dialogue|session|module|"
                           r"box|table|figure)\s+(?:\d+|[ivxlc]+|[a-z])\s*[.:–—-]\s", re.IGNORECASE)
_LEANS_BACK = re.compile(r"^(?:this|these|that|those|it|they|such|both|the latter|the former)\b", re.IGNORECASE)
MAX_ANNOUNCING_WORDS = 10
# "... several recommendations." / "... three key points." / "... the following measures.": a count and a plural
# noun end the sentence (spans of time such as "two years." say something themselves)
_ANNOUNCES = re.compile(r"\b(?:several|a number of|a few|various|two|three|four|five|six|seven|the following)\s+"
                        r"(?:\w+\s+){0,2}(?!(?:years|months|weeks|days|hours|times|minutes)\b)\w+s\.$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"^((?:[A-Z][a-z]+(?: [a-z]+)?, )?)(she|he)\b", re.IGNORECASE)


# a word not capitalised, or capitalised only as it opens a sentence or a line, or in capitals ("HR")
_COMMON_WORD = re.compile(r"(?:^|(?<=[.!?:;]\s)|(?<=\n))[A-Z][a-z'’-]+|\b[a-z][A-Za-z'’-]*|\b[A-Z]{2,}\b|\d+")


@dataclass
class Unit:
    """One quotable unit: its main sentence, the spans read with it, what it says and who says it."""

    passage_idx: int
    sentence_idx: int  # the main sentence's position among the passage's sentences (stored vectors line up)
    span: Span
    passage: Passage
    before: Span | None = None  # the sentence it leans on, or the lead-in of the list it belongs to
    items: list[tuple[int, Span]] = field(default_factory=list)  # (sentence_idx, span) of a lead-in's items
    speaker: str | None = None  # the person a "She"/"He" sentence continues from, as named in the passage
    lead_in: bool = False  # ``before`` is the lead-in of the list this sentence is an item of
    voice: str | None = None  # who the paragraph quotes, named before it only as "he" or "she" ("Moreover, he ...")
    score: float = 0.0

    @property
    def text(self) -> str:
        return self.passage.text[self.span[0] : self.span[1]]

    @property
    def quote(self) -> str:
        """One verbatim span: from the first piece shown to the last."""
        starts = [self.span[0]] + ([self.before[0]] if self.before else [])
        ends = [self.span[1]] + [s[1] for _, s in self.items]
        return self.passage.text[min(starts) : max(ends)]

    @cached_property
    def reading(self) -> str:
        """Everything the unit says, for the rules: lead-in or preceding sentence, sentence, items, section."""
        return plain(" ".join([self.passage.section or "", *self._pieces()]))

    @cached_property
    def body(self) -> str:
        """What the unit itself says (no section heading), for answer-kind checks: an item with its lead-in, not the
        items between them that its quote spans."""
        return plain(" ".join(self._pieces()))

    def _pieces(self) -> list[str]:
        before = [self.passage.text[self.before[0] : self.before[1]]] if self.before else []
        return [*before, self.text, *(self.passage.text[a:b] for _, (a, b) in self.items)]

    @cached_property
    def concepts(self) -> frozenset[str]:
        return passage_concepts(self.reading)

    @cached_property
    def earlier_concepts(self) -> frozenset[str]:
        """The concepts the sentences before it in its paragraph name: what it goes on about ("The SafeHarbour Line
        is operated by ... . Call handlers do not record the caller's number")."""
        start = self.before[0] if self.before else self.span[0]
        return passage_concepts(self.passage.text[paragraph_start(self.passage.text, start) : start])

    @cached_property
    def stems(self) -> set[str]:
        return set(passage_stems(self.reading))

    @cached_property
    def common_stems(self) -> frozenset[str]:
        """Stems of its words used as common words: the section heading, words opening a sentence and lowercase
        ones, not a word inside a name ("friend" of "Group of Friends", "member" of "Member States")."""
        return passage_stems(" ".join(self.common_words))

    @cached_property
    def common_words(self) -> tuple[str, ...]:
        """Its words used as common words (``_COMMON_WORD``), as written, section heading first."""
        return tuple(_COMMON_WORD.findall(f"{self.passage.section or ''}\n{self.body}"))

    @cached_property
    def people(self) -> set[str]:
        """Surnames of whoever the unit quotes: named in it (items of a list of people do not count), the person
        a "She" sentence continues from, or the last person named earlier in the same paragraph."""
        start = self.before[0] if self.before and not self.lead_in else self.span[0]
        own = self.passage.text[start : self.span[1]]
        named = {name for _, name in speaker_names(own)}
        if self.speaker:
            named.add(self.speaker.split()[-1])
        earlier = speaker_names(self.passage.text[paragraph_start(self.passage.text, start) : start])
        if named or earlier:
            return named | ({earlier[-1][1]} if earlier and not named else set())
        return {self.voice.split()[-1]} if self.voice else set()

    def shown(self) -> str:
        """The unit as the answer shows it (quoted text, a name in brackets, items on lines of their own)."""
        main = unmark(self.text)
        if self.speaker:
            main = _PRONOUN_SUBJECT.sub(lambda m: f"{m.group(1)}{m.group(2)} [{self.speaker}]", main, count=1)
        if self.before:
            earlier = unmark(self.passage.text[self.before[0] : self.before[1]])
            gap = "\n…" if self.lead_in and self.passage.text[self.before[1] : self.span[0]].count("\n\n") > 1 else ""
            main = f"{earlier}{gap}\n- {main}" if self.lead_in else f"{earlier} {main}"
        if not self.items:
            return main
        lines = [main]
        last = self.sentence_idx
        for idx, (a, b) in self.items:
            if idx > last + 1:
                lines.append("…")
            lines.append(f"- {unmark(self.passage.text[a:b])}")
            last = idx
        return "\n".join(lines)


def units(passages: list[Passage]) -> list[Unit]:
    """Every quotable unit of the passages, in passage and sentence order."""
    out: list[Unit] = []
    for idx, passage in enumerate(passages):
        out.extend(_passage_units(idx, passage))
    for unit in out:
        if unit.speaker is None and not unit.lead_in and _PRONOUN_SUBJECT.match(unit.text):
            unit.speaker = _speaker_before(unit.passage, passages)
            if unit.speaker is not None and not _LEANS_BACK.match(unit.text):
                unit.before = None  # named now: the sentence before was only there to say who "she" is
    _give_voices(out)
    return out


def _give_voices(found: list[Unit]) -> None:
    """A sentence in a paragraph that names its speaker only as "he" or "she" ("Moreover, he expressed ... The
    recommendations ... offer a clear vision ...") is theirs: it takes the person the "he" sentence was resolved to."""
    voice: dict[tuple[int, int], str] = {}  # (passage, paragraph start) -> the person its "he"/"she" names
    for unit in found:
        paragraph = (unit.passage_idx, paragraph_start(unit.passage.text, unit.span[0]))
        if unit.speaker:
            voice.setdefault(paragraph, unit.speaker)
        elif paragraph in voice:
            unit.voice = voice[paragraph]


def paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` starts (paragraphs are separated by a blank line)."""
    return text.rfind("\n\n", 0, position) + 1


def _speaker_before(passage: Passage, passages: list[Passage]) -> str | None:
    """The last person named in the nearest earlier passage of the same section, when one was found too:
    a chunk may open with "She ..." continuing the one before it."""
    if passage.char_start is None:
        return None
    earlier = [p for p in passages if p.doc_key == passage.doc_key and p.section == passage.section
               and p.char_start is not None and p.char_start < passage.char_start]
    for other in sorted(earlier, key=lambda p: p.char_start or 0, reverse=True):
        named = list(SPEAKER.finditer(other.text))
        if named:
            return named[-1].group(0)
    return None


def _passage_units(idx: int, passage: Passage) -> list[Unit]:
    text = passage.text
    spans = sentence_spans(text)
    starts_block = [i == 0 or "\n\n" in text[spans[i - 1][1] : spans[i][0]] for i in range(len(spans))]
    lead_of: dict[int, int] = {}
    items_of: dict[int, list[int]] = {}
    for i, (a, b) in enumerate(spans):
        if plain(text[a:b]).rstrip().endswith(":"):
            items = _items_after(text, spans, starts_block, i)
            items_of[i] = items
            lead_of.update((j, i) for j in items)
        elif announces(text[a:b]):
            items_of[i] = [i + 1] if i + 1 < len(spans) and not starts_block[i + 1] else []
    asking = _asking(text, spans, starts_block)
    out = []
    for i, (a, b) in enumerate(spans):
        sentence = text[a:b]
        in_list = i in lead_of
        if not (is_statement(sentence) or (in_list and len(sentence.split()) >= MIN_ITEM_WORDS)):
            continue
        if i in asking:
            continue  # a question the document asks ("I am a focal point ... Where can I get help?") answers nothing
        if i in items_of and not items_of[i]:
            continue  # a lead-in whose items are not in this passage: a fragment
        unit = Unit(idx, i, (a, b), passage)
        if i in items_of:
            unit.items = [(j, spans[j]) for j in items_of[i]]
            _name_speaker(unit, text)
        elif in_list:
            unit.before, unit.lead_in = spans[lead_of[i]], True
        else:
            _lean_back(unit, text, spans, starts_block)
        out.append(unit)
    return out


def _asking(text: str, spans: list[Span], starts_block: list[bool]) -> set[int]:
    """The sentences that are questions, or the start of one in the same block ("I am a focal point and I am finding a
    case distressing. Where can I get help?"), as a document's frequently asked questions write them: read from the
    end, each block's sentences up to its last question."""
    asking: set[int] = set()
    question_after = False
    for i in range(len(spans) - 1, -1, -1):
        a, b = spans[i]
        question_after = question_after or plain(text[a:b]).rstrip().rstrip("”’\"')*").endswith("?")
        if question_after:
            asking.add(i)
        if starts_block[i]:
            question_after = False
    return asking


def announces(sentence: str) -> bool:
    """A short sentence that says what kind of thing follows and how many, not what they are."""
    flat = plain(sentence).strip()
    return len(flat.split()) <= MAX_ANNOUNCING_WORDS and bool(_ANNOUNCES.search(flat))


def _items_after(text: str, spans: list[Span], starts_block: list[bool], lead: int) -> list[int]:
    """Sentences after a lead-in that read as its items: each starts a block, none is long or a new lead-in."""
    items: list[int] = []
    case: bool | None = None  # items of one list start alike: all in lower case, or all capitalised
    bullet = ""  # the mark the items open with, if any
    footnote = False  # in a numbered block between two bulleted items: a footnote the PDF's text prints there
    for j in range(lead + 1, min(len(spans), lead + 1 + MAX_ITEMS)):
        a, b = spans[j]
        if not starts_block[j]:
            if footnote or (items and j == items[-1] + 1):  # a second sentence of the item (or footnote) before
                continue
            break
        mark = _mark(text, a)[:1]
        footnote = bool(bullet) and mark.isdigit() and _next_block_opens(text, spans, starts_block, j, bullet)
        if footnote:
            continue
        flat = plain(text[a:b]).strip()
        if len(flat.split()) > LONG_ITEM_WORDS or flat.endswith(":") or not flat:
            break
        numbered = text[a:b].lstrip()[:1].isdigit() or text[a:b].lstrip()[:1] in BULLETS + "("
        if case is not None and not numbered and flat[0].isupper() != case:
            break  # the list is over: a paragraph follows
        case = flat[0].isupper() if case is None else case
        bullet = mark if not items and mark and mark in BULLETS else bullet
        items.append(j)
    return items


def _mark(text: str, start: int) -> str:
    """What opens the block of the sentence starting at ``start`` before the sentence itself: a bullet or a number
    ("•", "1."), or nothing."""
    return text[text.rfind("\n\n", 0, start) + 1 : start].strip()


def _next_block_opens(text: str, spans: list[Span], starts_block: list[bool], j: int, mark: str) -> bool:
    """The next block after sentence ``j`` opens with ``mark``."""
    following = next((k for k in range(j + 1, len(spans)) if starts_block[k]), None)
    return following is not None and _mark(text, spans[following][0]).startswith(mark)


def _lean_back(unit: Unit, text: str, spans: list[Span], starts_block: list[bool]) -> None:
    """Give a sentence that leans on what came before the antecedent it needs to read alone."""
    i = unit.sentence_idx
    sentence = text[unit.span[0] : unit.span[1]]
    pronoun = _PRONOUN_SUBJECT.match(sentence)
    if pronoun and _name_speaker(unit, text):
        return
    if i > 0 and not starts_block[i] and (pronoun or _LEANS_BACK.match(sentence)):
        unit.before = spans[i - 1]


def _name_speaker(unit: Unit, text: str) -> bool:
    """A "She"/"He" sentence names the last person named with a title before it in the passage, if any."""
    if not _PRONOUN_SUBJECT.match(unit.text):
        return False
    named = [m for m in SPEAKER.finditer(text) if m.start() < unit.span[0]]
    if named:
        unit.speaker = named[-1].group(0)
    return bool(named)


def is_statement(text: str) -> bool:
    """A sentence worth quoting: long enough, and not a heading or title line (those end without punctuation;
    list entries such as "Ms. X, Director, Y" keep their commas; a table row giving a phone number or an address
    is quoted whole)."""
    flat = plain(text)
    if marker := FOOTNOTE_AT_END.search(flat):  # "... on 1 September 2023.1": the full stop, then a footnote's marker
        flat = flat[: marker.start() + 1]
    flat = flat.rstrip("”’\"')*")
    if HEADING_LABEL.match(flat) and not flat.endswith(SENTENCE_ENDS):
        return False  # "Dialogue 4: No one left outside - field locations, ...": a heading, though it has commas
    return len(text.split()) >= MIN_WORDS and (flat.endswith(SENTENCE_ENDS) or "," in flat or holds_contact(flat))
