"""A question in French, Spanish, Arabic, Russian or Chinese answered from passages written in its language.

The English answer rules (``answerability``, ``focus``) read English only. A question asked in another language
over documents in that language is answered here, by smaller rules of the same kind, or not at all (the caller
then lists the closest documents, as before):

1. the question's words that carry its content: stems (Snowball, from nltk) with its function words and the words
   that ask for a kind of answer set aside; Chinese, pairs of characters (no spaces between words);
2. the glossary's terms (``service.glossary``) it uses: a sentence saying "medidas disciplinarias" speaks of the
   "sanciones" asked about;
3. a sentence answers when it holds at least half of those words and terms, is close in meaning to the question
   (the multilingual vector) and, when the question asks "how many", "how long" or for a number, holds a number;
4. a term of the question that no passage in its language uses means the passages do not answer it: no quote.

Quotes are verbatim sentences of passages in the question's language, verified as every quote is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from ingest.sentences import sentences
from service.glossary import Glossary
from service.models import Citation, Passage

Encode = Callable[[Sequence[str]], np.ndarray]
MIN_COVERED = 0.5  # the share of the question's words and terms a sentence must hold
MIN_COSINE = 0.25  # and how close in meaning it must be to the question (multilingual vector)
MAX_SENTENCES = 2
SECOND_SHARE = 0.9  # a second sentence only when it answers about as well as the first (not padding)
_WORD = re.compile(r"\w+")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
SNOWBALL = {"fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic"}
# function words and question words: they say how a question is asked, not what about
FUNCTION_WORDS = {
    "fr": "le la les un une des du de d l à au aux et ou en dans par pour sur avec sans que qu qui quoi quel quelle "
          "quels quelles est sont être été a ont il elle ils elles on je j me m moi tu te vous nous se s sa son ses "
          "leur leurs ce c cet cette ces ne n pas plus peut peuvent puis pouvons faut doit doivent comment pourquoi "
          "où y t lors cas mon ma mes",
    "es": "el la los las un una unos unas de del a al y o u e en por para con sin que qué quien quién quiénes cual "
          "cuál cuáles como cómo donde dónde es son ser está están se su sus lo le les me mi mis te tu nos hay puede "
          "puedo pueden debe deben caso",
    "ru": "и в во на с со к ко по о об от до из за у для при не ни ли же то что кто кому кого как какой какая какие "
          "каким каких каков каково где можно нужно это этот эта эти он она они мы вы я его ее их себя бы мне меня",
    "ar": "من في على إلى الى عن مع هل ما ماذا أين اين كيف لماذا هو هي هم أن ان أو او و التي الذي الذين هذا هذه ذلك "
          "تلك كان يكون يمكن لمن لي",
}
# words that ask for a number, a time span, a frequency or contact details: the answer must hold a number
NUMBER_ASKED = {
    "fr": "combien temps durée dure délai délais fréquence quand numéro",
    "es": "cuánto cuántos cuántas cuánta tiempo dura plazo plazos frecuencia cuándo número",
    "ru": "сколько времени время длится срок сроки часто когда номер",
    "ar": "كم مدة متى مهلة رقم",
    "zh": "多少 几 多久 多长 时间 时限 号码 何时",
}
NUMBER_WORDS = {  # number words; one ending in "-" is a beginning ("vingt-" is "vingtaine" too); a digit counts too
    "fr": "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt- "
          "trente quarante cinquante soixante cent cents mille",
    "es": "uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieci- veint- "
          "treinta cuarenta cincuenta sesenta cien ciento cientos mil cada",
    "ru": "один одна одно одного одной два две двух трем три трех трёх четыре четырех пять пяти шесть шести семь "
          "семи восемь восьми девять девяти десять десяти двадцат- тридцат- сорок сто ста двести тысяч-",
    "ar": "واحد اثنان اثنين ثلاث- أربع- خمس- ست ستة سبع- ثمان- تسع- عشر- مائة مئة ألف",
}
# Chinese: a number written in characters or digits, then what it counts (days, years, months, times, people ...)
HAN_QUANTITY = re.compile(r"[0-9一二两三四五六七八九十百千万]+\s*(?:个月|小时|个|天|年|月|周|日|次|名|人|%|％|岁|页)")
HAN_ASKING = frozenset("谁什么哪几多久吗呢怎如何是否的")  # a character pair with one of these is how, not what


@dataclass(frozen=True)
class Reading:
    """A text as this module compares it: its content words (stems, or Chinese character pairs) and terms."""

    stems: frozenset[str]
    concepts: frozenset[int]

    def units(self) -> int:
        return len(self.stems) + len(self.concepts)


class SameLanguageAnswerer:
    def __init__(self, glossary: Glossary, encode: Encode) -> None:
        """``encode``: the multilingual model's unit vectors of texts."""
        self.glossary = glossary
        self.encode = encode

    def read(self, text: str, language: str) -> Reading:
        return Reading(content_words(text, language), self.glossary.concepts(text, language))

    def compose(self, question: str, vector: np.ndarray, language: str, passages: Sequence[Passage]
                ) -> tuple[str, list[Citation]]:
        """The answer from ``passages`` written in ``language`` (each with its ``[n]``), or ``("", [])``.
        ``vector``: the question's multilingual vector (the one it was searched with)."""
        asked = self.read(question, language)
        candidates = [(p, s) for p in passages if p.language == language for s in sentences(p.text)]
        readings = [self.read(s, language) for _, s in candidates]
        used = frozenset().union(*(r.concepts for r in readings))
        if not candidates or not asked.units() or asked.concepts - used:  # a term no passage here speaks of
            return "", []
        closeness = self.encode([s for _, s in candidates]) @ vector
        wants_number = asks_for_number(question, language)
        scored: list[tuple[float, int]] = []
        for i, ((_, sentence), reading, cosine) in enumerate(zip(candidates, readings, closeness, strict=True)):
            share = covered(asked, reading)
            if share >= MIN_COVERED and cosine >= MIN_COSINE and (not wants_number or holds_number(sentence, language)):
                scored.append((share + float(cosine), i))
        scored.sort(reverse=True)
        chosen = [candidates[i] for score, i in scored[:MAX_SENTENCES] if score >= SECOND_SHARE * scored[0][0]]
        citations = [Citation(n=n, quote=s, passage=p) for n, (p, s) in enumerate(chosen, start=1)]
        return " ".join(f"{c.quote} [{c.n}]" for c in citations), citations


def covered(asked: Reading, sentence: Reading) -> float:
    """The share of the question's content words and terms the sentence holds."""
    held = len(asked.stems & sentence.stems) + len(asked.concepts & sentence.concepts)
    return held / asked.units() if asked.units() else 0.0


def content_words(text: str, language: str) -> frozenset[str]:
    lowered = text.lower().replace("ё", "е")
    if language == "zh":
        pairs = {run[i : i + 2] for run in _HAN.findall(lowered) for i in range(len(run) - 1)}
        return frozenset(p for p in pairs if p not in _asking("zh") and not set(p) & HAN_ASKING)
    if language not in SNOWBALL:
        return frozenset()
    skip = _function_words(language) | _asking(language)
    stem = _stemmer(language)
    return frozenset(stem(w) for w in _WORD.findall(lowered) if w not in skip and len(w) > 1)


def asks_for_number(question: str, language: str) -> bool:
    if language == "zh":
        return any(cue in question for cue in _asking("zh"))
    return bool(_asking(language) & set(_WORD.findall(question.lower())))


def holds_number(sentence: str, language: str) -> bool:
    """A digit, a number word (whole: "un" is not "uniquement"), or in Chinese a counted quantity."""
    if re.search(r"\d", sentence):
        return True
    if language == "zh":
        return bool(HAN_QUANTITY.search(sentence))
    whole, beginnings = _number_words(language)
    words = set(_WORD.findall(sentence.lower().replace("ё", "е")))
    return bool(words & whole) or any(w.startswith(beginnings) for w in words if beginnings)


@cache
def _number_words(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """``NUMBER_WORDS`` of ``language`` split once: the whole words, and the beginnings (written ending in "-")."""
    numbers = NUMBER_WORDS.get(language, "").split()
    return frozenset(numbers), tuple(n[:-1] for n in numbers if n.endswith("-"))


@cache
def _function_words(language: str) -> frozenset[str]:
    return frozenset(FUNCTION_WORDS[language].split())


@cache
def _asking(language: str) -> frozenset[str]:
    """The words of ``language`` that ask for a number (``NUMBER_ASKED``)."""
    return frozenset(NUMBER_ASKED.get(language, "").split())


@cache
def _stemmer(language: str) -> Any:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer(SNOWBALL[language]).stem
