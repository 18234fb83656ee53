"""Who is asking: a person telling of harassment they experienced or witnessed, a person helping someone who
confided in them, or anyone else with a question.

* **Supporter**: someone was told, or is helping ("A colleague confided that her boss touches her; how can I
  help?", "How should I respond when a colleague tells me they were harassed?"). Checked first: these name
  harm too, but the asker needs guidance for the helper.
* **Disclosure**: a first-person account, however short or indirect: an act done to the asker ("grabbed me in
  the lift", "sent me a naked photo", "exposed himself to me", "pinned me against the wall"), the asker as the
  one it happens to ("I was groped", "I'm being followed"), a threat to the asker's contract or promotion,
  or a question close in meaning to known accounts. Not when the asker speaks in a role ("I am a focal point
  preparing a training on unwanted touching"), asks a hypothetical ("What should I do if ..."), or asks
  about the policy.

Nothing here logs or stores the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from service.answering.focus import plain

Asker = Literal["disclosure", "supporter", "question"]

FIRST_PERSON = re.compile(r"\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|me|my|myself|mine)\b", re.IGNORECASE)
_ME = r"(?:me|my|myself|i)"
# acts that are harm whoever does them
_STRONG = (r"touch\w*|grab\w*|grop\w*|fondl\w*|kiss\w*|pinch\w*|slap\w*|spank\w*|pinn?(?:ed|ing|s)?|cornered|corner(?:s|ing)?|"
           r"stalk\w*|harass\w*|assault\w*|rap(?:e|ed|ing)|molest\w*|abus\w*|threaten\w*|intimidat\w*|humiliat\w*|"
           r"bull(?:y|ied|ies|ying)|coerc\w*|blackmail\w*|expos(?:ed|es|ing) (?:himself|herself|themselves)|flash(?:ed|es|ing)|"
           r"forc(?:ed|es|ing)|spik(?:ed|ing)|drugg\w*|trapp\w*|retaliat\w*|demean\w*|propositio\w*|squeez\w*|rubb\w*|"
           r"leer\w*|catcall\w*|masturbat\w*|sexuali[sz]\w*|degrad\w*|insult\w*|mock\w*|punish\w*|victimi[sz]\w*|exclud\w*|isolat\w*|"
           r"demot\w*|blocked my|ruin\w* my|spread\w* rumou?rs|subjected to")
# acts that are harm only with a sexual or threatening object in the same account
_WEAK = (r"sen[dt]\w*|show\w*|text\w*|messag\w*|e-?mail\w*|call\w*|comment\w*|follow\w*|record\w*|film\w*|photograph\w*|"
         r"star(?:e|ed|es|ing)|hug\w*|brush\w*|ask\w* (?:me )?out|invit\w*|DM\w*|snap\w*|track\w*|watch\w*|wait\w* for")
_SEXUAL = re.compile(r"\b(?:naked|nude|nudes|explicit|sexual(?:ly)?(?! harass)|intimate|porn\w*|lewd|dirty|obscene|genital\w*|penis|"
                     r"breasts?|chest|bottom|butt|legs|thighs|body|bed|sleep with|sex|hotel room|late at night|at night|"
                     r"won'?t stop|keeps?|again|every night|unwanted|uncomfortable|scared|afraid|unsafe|creepy|inappropriate\w*|"
                     r"kiss\w*|date|dinner|drinks|lingerie|underwear|photos? of me|pictures? of me|videos? of me)\b",
                     re.IGNORECASE)
DIRECTED = re.compile(rf"\b(?:{_STRONG})\b(?:\s+\w+){{0,3}}?\s+{_ME}\b", re.IGNORECASE)
DIRECTED_WEAK = re.compile(rf"\b(?:{_WEAK})\b(?:\s+\w+){{0,3}}?\s+{_ME}\b", re.IGNORECASE)
EXPERIENCED = re.compile(
    r"\bi(?:'m|’m| am| was| were| have been|'ve been|’ve been| had been| keep being| got| get| feel| felt)\s+"
    r"(?:\w+\s+){0,2}?(?:being\s+)?(?:sexually\s+)?(?:subjected|harass\w*|touch\w*|grop\w*|grabb\w*|assault\w*|rap(?:e|ed)|molest\w*|"
    r"abus\w*|stalk\w*|threaten\w*|bulli\w*|intimidat\w*|humiliat\w*|follow\w*|photograph\w*|film\w*|recorded|"
    r"pressur\w*|coerc\w*|retaliat\w*|targeted|victimi[sz]\w*|excluded|sexuali[sz]\w*|propositioned|flashed|"
    r"cornered|pinned|kissed|unsafe|violated|objectified|scared of (?:him|her|them)|afraid of (?:him|her|them))\b",
    re.IGNORECASE)
HAPPENED = re.compile(
    r"\b(?:happened to me|what (?:he|she|they)(?:'s| has| have|’s)? (?:did|done|been doing) to me|did it (?:to me )?again|"
    r"won'?t leave me alone|(?:photos?|pictures?|videos?|images?|nudes?|recordings?|deepfakes?) of me\b|"
    r"since i (?:reported|complained|spoke up|said no|refused)\b|"
    r"(?:hands?|arms?|fingers?) (?:on|around|up|down) my\b|\bon my (?:knees?|legs?|thighs?|back|waist|bum|butt|bottom|"
    r"breasts?|chest|hips?|neck|hair|face)\b|"
    r"i (?:keep |kept )?(?:get|got|getting|receive|received|receiving)\b[^.?!]{0,30}\b(?:dick pics?|nudes?|naked|explicit|"
    r"sexual|porn\w*|intimate)|"
    r"what (?:he|she|they) (?:wants?|wanted|would like) to do (?:to|with) me\b|"
    r"\bin front of me\b[^.?!]{0,30}\b(?:masturbat|expos|undress|naked|porn)\w*|"
    r"(?:masturbat|expos|undress)\w*[^.?!]{0,30}\bin front of me\b|"
    r"i(?:'m|’m| am)? (?:scared|afraid|terrified|frightened)\b[^.?!]{0,60}\bbecause of (?:him|her|them|what)\b|"
    r"i (?:reported|complained about|made a complaint about|filed a complaint about) (?:the |my |his |her |a )?"
    r"(?:harass\w*|abuse\w*|assault\w*|him|her|boss|supervisor|manager|colleague)\b|"
    r"(?:sexual|dirty|lewd|crude|explicit) (?:remarks?|comments?|jokes?|advances?|gestures?|messages?)\b[^.?!]{0,20}"
    r"\b(?:to|at|about|towards|with) me\b|"
    r"(?:he|she|they) (?:keeps?|kept|won'?t stop) (?:\w+ing|asking me|touching|texting|calling|messaging)|"
    r"(?:my|our) (?:\w+ )?(?:boss|supervisor|manager|director|colleague|co-?worker|team ?lead(?:er)?|chief|head)\b"
    r"[^.?!]{0,60}\b(?:touch|grab|grop|kiss|harass|assault|threaten|follow|stalk|text|messag|comment|expos|corner|pin)\w*|"
    r"i (?:saw|watched|witnessed|heard) (?:my |a |our |the |him |her |them |someone )[^.?!]{0,80}\b(?:touch|grab|grop|kiss|"
    r"harass|assault|threaten|corner|pin|humiliat|abus)\w*|in exchange for (?:my|a) (?:contract|promotion|renewal|job|post))",
    re.IGNORECASE)
QUID_PRO_QUO = re.compile(
    r"\bmy\b[^.?!]{0,40}\b(?:contract|promotion|renewal|extension|evaluation|appraisal|performance review|job|post|"
    r"position|visa|assignment|career|rota|shifts?|schedule|hours|bonus|leave|grades?|marks?)\b[^.?!]{0,60}\b(?:depends?|"
    r"depending|would improve|(?:would|will) be renewed if|unless|if i (?:don'?t|do not|refuse|say no|went|go|spent|"
    r"slept|spend|sleep)|"
    r"in exchange|conditional|as long as|won'?t be renewed|will not be renewed|at risk)\b|\b(?:unless|if) i (?:don'?t |do not )?"
    r"(?:sleep|go out|have dinner|date|kiss|meet) (?:with )?(?:him|her|them)\b", re.IGNORECASE)
TOLD_ABOUT_SOMEONE = re.compile(
    r"\b(?:told|tells|telling|confided|confides|confiding|disclosed|discloses|disclosing|came to|comes to|opened up|"
    r"admitted|shared)\b(?:\s+\w+){0,2}?\s+(?:me|to me|in me|with me)\b[^.?!]{0,40}\b(?:she|he|they|her|him|them|his|"
    r"their)\b", re.IGNORECASE)
SUPPORTER = re.compile(
    r"\b(?:someone|somebody|a (?:colleague|friend|staff member|team member|person|woman|man|intern)|my (?:colleague|friend|"
    r"staff|team member|supervisee|direct report|intern|co-?worker))\b[^.?!]{0,60}\b(?:told|confided|disclosed|came to|"
    r"opened up|asked me for help)\b|"
    r"\bhow (?:can|should|do|could|might) (?:i|we) (?:best )?(?:help|support|respond|react|reply|assist|advise|refer|"
    r"comfort|handle|deal with)\b|\b(?:help|support|assist|advise|refer|protect|comfort) (?:her|him|them|my (?:colleague|"
    r"friend|staff|team member|supervisee|direct report|co-?worker)|a (?:colleague|friend|survivor|victim))\b|"
    r"\bwhat (?:should|can|do) i (?:say|do|tell)\b[^.?!]{0,40}\b(?:tells? me|told me|confides?|discloses?|came to me)\b|"
    r"\b(?:receiv\w*|handl\w*|respond\w* to|hear\w*) (?:a |the )?disclosure\b|"
    r"\bwhat (?:can|should|do) i (?:tell|say to|do for|suggest to) (?:her|him|them)\b|"
    r"\bi(?:'m|’m| am) (?:helping|supporting|accompanying|advising)\b|"
    r"\b(?:best way|how|ways?) to (?:support|help|respond to|assist|comfort) (?:a|my|our|the|someone|somebody|her|him|them)\b|"
    r"\b(?:listen\w* to|heard from) (?:my|a|our) (?:colleague|friend|co-?worker|team member|staff member)\b|"
    r"\b(?:my|a|our) (?:colleague|friend|co-?worker|team member|staff member|supervisee)\b[^.?!]{0,30}\b(?:says|said|"
    r"told|tells|describ\w*)\b[^.?!]{0,60}\b(?:her|him|them|she|he|they)\b", re.IGNORECASE)
HELPING_SOMEONE = re.compile(r"\b(?:best way|how|ways?) (?:to|can (?:i|we|one)|should (?:i|we|one)) (?:best )?(?:support|help|"
                             r"respond to|assist|comfort) (?:a|my|our|the) (?:colleague|co-?worker|friend|staff member|"
                             r"team member|person|survivor|victim)s? (?:who|that)\b", re.IGNORECASE)
ROLE = re.compile(
    r"\b(?:i am|i'm|i’m|as)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:focal point|manager|supervisor|hr|human resources|trainer|"
    r"facilitator|investigator|researcher|journalist|student|ethics officer|ombudsperson|counsell?or|coordinator|officer|"
    r"lawyer|advisor|adviser|consultant|organi[sz]er|chair|member of)\b|\bi(?:'m|’m| am) (?:preparing|writing|organi[sz]ing|"
    r"drafting|planning|running|designing|developing|reviewing|updating|researching|compiling|putting together)\b|"
    r"\bi (?:work|worked) (?:in|for|as|at) (?:hr|human resources|ethics|the ethics|an? \w+ (?:office|unit))\b|"
    r"\bi (?:want|need|would like|'d like|’d like) to (?:run|organi[sz]e|prepare|write|give|deliver|brief|train|know)\b",
    re.IGNORECASE)
REQUEST = re.compile(r"^\s*(?:can|could|would|will) you\b|^\s*please\b|\b(?:send|give|show|email) me (?:the|a|an|your)\b",
                     re.IGNORECASE)
HYPOTHETICAL = re.compile(r"^\s*(?:what|how|where|who|when|which|does|do|is|are|can|could|should|would|will)\b.*"
                          r"\b(?:if|when|whether)\b", re.IGNORECASE)

EXEMPLARS = (
    "My supervisor keeps making comments about my body and I don't know what to do.",
    "I was touched inappropriately by a colleague at the office party.",
    "A senior manager keeps sending me sexual messages late at night.",
    "My boss said my contract depends on going out with him.",
    "I reported harassment last month and now my team excludes me.",
    "Someone at work has been following me and I feel unsafe.",
    "I think I am being sexually harassed by my team leader.",
    "He cornered me in the elevator and tried to kiss me.",
)
SIMILARITY_THRESHOLD = 0.55
PREFACE = (
    "Thank you for sharing this; what you describe matters, and you can take the next step at your own pace."
)
SUPPORTER_PREFACE = (
    "Thank you for supporting your colleague. This is what the documents in this library say for someone helping "
    "a person who confided in them, and where that person can turn."
)


@dataclass(frozen=True)
class DisclosureSignal:
    rule: bool
    similarity: float
    supporter: bool = False

    @property
    def is_disclosure(self) -> bool:
        return not self.supporter and (self.rule or self.similarity >= SIMILARITY_THRESHOLD)

    @property
    def asker(self) -> Asker:
        if self.supporter:
            return "supporter"
        return "disclosure" if self.is_disclosure else "question"


class DisclosureDetector:
    def __init__(self, embed_texts: Callable[[list[str]], np.ndarray]) -> None:
        self.embed_texts = embed_texts
        self.exemplars = embed_texts(list(EXEMPLARS))

    def assess(self, question: str, qvec: np.ndarray | None = None) -> DisclosureSignal:
        text = plain(question)
        if HELPING_SOMEONE.search(text):
            return DisclosureSignal(False, 0.0, supporter=True)
        if not FIRST_PERSON.search(text):
            return DisclosureSignal(False, 0.0)
        told = told_of(text)
        if SUPPORTER.search(text) or (TOLD_ABOUT_SOMEONE.search(text) and not told):
            return DisclosureSignal(False, 0.0, supporter=True)
        if not told and (ROLE.search(text) or HYPOTHETICAL.search(text) or REQUEST.search(text)):
            return DisclosureSignal(False, 0.0)
        vec = qvec if qvec is not None else self.embed_texts([question])[0]
        return DisclosureSignal(told, float(np.max(self.exemplars @ vec)))


def told_of(text: str) -> bool:
    """An account of harm done to the asker, or witnessed by them, in the asker's words."""
    if DIRECTED.search(text) or EXPERIENCED.search(text) or HAPPENED.search(text) or QUID_PRO_QUO.search(text):
        return True
    return bool(DIRECTED_WEAK.search(text) and _SEXUAL.search(text))
