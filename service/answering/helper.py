"""What a helper asks: how to help the person who confided in them, or a question of their own.

A helper's question ("A colleague told me she was harassed; how can I help her?") gets the guidance for helpers
(``care.SUPPORTER_MATTERS``). Many helpers, managers and focal points above all, ask something more precise from
the same place: "How soon do I have to tell the Conduct Focal Point?", "When should I write up my notes?", "What
should I do if the accused is my close friend?", "Can I report on her behalf?". The general guidance does not answer
those; the passage that does is found the way any question's is (``own_question``).

The ask is the question's last sentence, from its last ";" or ":" on. It is a request for help when it asks how to
help, support, respond or handle, what to do, say or advise, what the next steps, duties or options are, or where the
person can go or turn. A condition after it ("What should I do if ...") keeps it one when it tells of harm or of the
telling ("... if a staff member says she was groped"), not when it names a circumstance of the helper's own ("... if
the accused is my close friend").
"""

from __future__ import annotations

import re
from functools import lru_cache

from service.answering.focus import content_stems, generic_stems, plain, sentences_of, stem

_PEOPLE = (r"(?:i|we|one|she|he|they|you|the person|the victim|the survivor|(?:my|our|a|the|this) (?:\w+ )?(?:colleague|friend|"
           r"co-?worker|staff member|team member|supervisee|direct report|intern|person|woman|man|survivor|victim|"
           r"manager|supervisor|focal point)|(?:a|the) (?:\w+ )?(?:manager|supervisor|focal point|bystander|witness))")
_NEED = r"(?:(?:need|have|ought|want|supposed|expected|meant|required|able) to |best )?"
_ASKS_FOR_HELP = re.compile(
    r"\bhow (?:can|do|does|should|could|would|shall|might|must|to|best to|best can|do you)(?:\s+[\w'’-]+){0,3}? (?:best )?"
    r"(?:help|support|respond|react|handle|deal with|approach|assist|comfort|reassure|be there|look after|keep \w+ safe|"
    r"make sure|protect|talk to|speak to|advise|proceed|go about|reach out|check (?:in )?on)\b|"
    rf"\bwhat (?:can|do|does|should|could|would|shall|must|might|am|is|are)(?: {_PEOPLE})? {_NEED}(?:do|say|tell|advise|"
    r"suggest|recommend|know|avoid|offer|not (?:do|say)|say or do|do or say)\b|"
    r"\bwhat (?:shouldn'?t|should not|must not|mustn'?t|can'?t|cannot) (?:i|we|one) (?:do|say)\b|"
    r"\bwhat (?:now|next|to do|to say|do i do)\b|"
    r"\bwhat(?:'s|’s| are| is| would be) (?:my|our|her|his|their|the|a \w+'s) (?:\w+ )?(?:duty|duties|responsibilit\w*|obligations?|"
    r"role|options?|next steps?|first steps?|choices)\b|"
    r"\b(?:what|which) (?:\w+ ){0,2}steps\b|"
    rf"\bwhere (?:can|should|could|do|does|might|would|must|to)(?: {_PEOPLE})? (?:go|turn|report|get|find|seek|refer|send|"
    r"point|direct)\b|"
    rf"\bwhom? (?:can|should|could|do|does|might|would)(?: {_PEOPLE})? (?:go|turn|talk|speak|report|contact|call|approach|see)\b|"
    r"\bwhat (?:support|help|resources|options|services|assistance|advice)\b|"
    r"\b(?:best|right|good) way to (?:support|help|respond|handle|approach)\b|\bhow to (?:support|help|respond)\b|"
    r"\b(?:any|some) (?:advice|tips|guidance)\b|^\s*(?:advice|tips|suggestions|ideas|thoughts)\W*$|"
    r"\bright (?:move|thing|steps?|way|approach)\b|\bwhat (?:i|we) (?:should|can|could|must) do\b",
    re.IGNORECASE)
# a condition after the ask: "what should I do if / when / now that ..."
_CONDITION = re.compile(r"\b(?:if|when|whenever|once|after|now that|given that|since|in case)\b(?P<rest>.*)$", re.IGNORECASE)
# a condition that tells of the harm or of the telling, not of a circumstance of the helper's own
_TELLING = re.compile(
    r"\b(?:says?|said|tells?|told|confid\w*|disclos\w*|reports?|reported|reporting|complain\w*|comes? to|came to|opens? up|"
    r"harass\w*|assault\w*|abus\w*|rap(?:e|ed)|grop\w*|touch\w*|grab\w*|stalk\w*|threat\w*|advances|explicit|sexual\w*|"
    r"unwanted|victim\w*|survivor|happen\w*|again)\b", re.IGNORECASE)
# the telling that frames a helper's question ("after someone tells me about harassment", "A colleague confided in me
# that her boss ..."), to the end of its clause: it says who asks, not what they ask
_TELLING_CLAUSE = re.compile(
    r"(?:\b(?:after|when|once|now that|since|as)\s+(?:she|he|they)\s+|(?:\b(?:after|when|once|now that|since|as)\s+)?"
    r"\b(?:someone|somebody|a|an|my|our|one of my|the person)\b(?:\s+(?!(?:after|when|if|once|since|and|but|what|that|"
    r"which|who)\b)[\w'’-]+){0,4}?\s+)(?:(?:has|have|had|just|only)\s+)*(?:(?:told|tells|confided|confides|came to|comes to|"
    r"opened up to|spoke to)\s+(?:me|to me|in me)\b|(?:confided|confides|disclosed|discloses|reported|reports|mentioned|"
    r"complained)\b(?:\s+[\w'’-]+){0,3}?\s+to me\b|confided|confides)[^,;.?!]*?(?=\s+(?:and|but)\s|[,;.?!]|$)",
    re.IGNORECASE)


def own_question(question: str) -> bool:
    """A helper asks something of their own (a time, their notes, a conflict of interest, whether they must report)
    rather than how to help."""
    return _of_their_own(the_ask(question))


def _of_their_own(ask: str) -> bool:
    if not ask:
        return False
    found = _ASKS_FOR_HELP.search(ask)
    if found is None:
        return True
    condition = _CONDITION.search(ask[found.end():])
    return condition is not None and not _TELLING.search(condition.group("rest"))


# what an ask pointing back at an account asks of it ("Is that allowed?", "Is this normal?"): no topic of its own
_VERDICT_WORDS = "allowed ok okay normal legal illegal right wrong fine acceptable appropriate possible"


@lru_cache(maxsize=1)
def _verdict_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in _VERDICT_WORDS.split())


def disclosed_ask(question: str) -> str:
    """What a person telling of harm also asks of their own ("... Can I report him anonymously?", "Does the policy
    cover a colleague sending me dirty texts?"), or "": not how to get help ("what can I do?"), which the care answer
    answers, nor an ask that only points back at the account ("Is that allowed?")."""
    ask = the_ask(question)
    if not ask.endswith("?") or not _of_their_own(ask):
        return ""
    return ask if content_stems(ask) - generic_stems() - _verdict_stems() else ""


def the_ask(question: str) -> str:
    """The question's last ask: its last sentence that asks (ends in "?"), from its last ";" or ":" on; the last
    sentence when none ends in "?"."""
    sentences = sentences_of(plain(question).strip())
    asking = [s for s in sentences if s.endswith("?")] or sentences[-1:]
    if not asking:
        return ""
    last = re.split(r"[;:]|\s[-–—]\s", asking[-1])
    return last[-1].strip() or asking[-1]


def without_telling(question: str) -> str:
    """The question without the telling that frames it, read for what the helper asks ("When should I write up my
    notes after someone tells me about harassment?" asks when to write up notes); the question when nothing is left."""
    text = _TELLING_CLAUSE.sub(" ", question)
    text = re.sub(r"\s+([,;.?!])", r"\1", re.sub(r"\s{2,}", " ", text))
    text = re.sub(r"^(?:[\s,;.]|(?:and|but)\b)+|(?<=[.;])\s*(?:and|but)\b", " ", text).strip()
    return text if len(text.split()) >= 3 else question
