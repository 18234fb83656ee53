"""Does a question read as a first-person account of harassment?

Two signals: rules (a first-person reference plus a harm term) and embedding similarity to
exemplar disclosures. Nothing here logs or stores the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

FIRST_PERSON = re.compile(r"\b(i|i'm|i’m|i've|i’ve|me|my|myself|mine)\b", re.IGNORECASE)
HARM = re.compile(
    r"\b(harass\w*|touch\w*|grop\w*|kiss\w*|assault\w*|stalk\w*|rap(e|ed)|molest\w*|abus\w*|threat\w*|"
    r"retaliat\w*|unwanted|advances|inappropriate\w*|sexual\w*|explicit|comments? (on|about) my|"
    r"keeps? (asking|texting|messaging|calling|staring|commenting)|followed me|cornered|pressur\w*|"
    r"afraid|scared|unsafe|bully\w*|demean\w*|humiliat\w*|intimidat\w*)\b",
    re.IGNORECASE,
)
HYPOTHETICAL = re.compile(r"^\s*(what|how|where|who|when|which|does|do|is|are|can|should)\b.*\b(if|when)\b", re.I)

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
SUPPORT_QUERY = "where to report sexual harassment, reporting channels, support and protection for affected persons"


@dataclass(frozen=True)
class DisclosureSignal:
    rule: bool
    similarity: float

    @property
    def is_disclosure(self) -> bool:
        return self.rule or self.similarity >= SIMILARITY_THRESHOLD


class DisclosureDetector:
    def __init__(self, embed_texts: Callable[[list[str]], np.ndarray]) -> None:
        self.embed_texts = embed_texts
        self.exemplars = embed_texts(list(EXEMPLARS))

    def assess(self, question: str, qvec: np.ndarray | None = None) -> DisclosureSignal:
        first_person = bool(FIRST_PERSON.search(question))
        if not first_person:
            return DisclosureSignal(False, 0.0)
        rule = bool(HARM.search(question)) and not HYPOTHETICAL.search(question)
        vec = qvec if qvec is not None else self.embed_texts([question])[0]
        return DisclosureSignal(rule, float(np.max(self.exemplars @ vec)))
