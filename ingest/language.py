"""Which of the six UN languages a text is in (Arabic, Chinese, English, French, Russian, Spanish).

py3langid (a maintained fork of langid.py: a naive Bayes model over byte n-grams that ships inside the package)
restricted to the six: all 282 questions of the gold and multilingual sets (24 in each language, the rest English)
were read right, at 0.05 ms a question. A text with no letters, or read with a probability under
``MIN_PROBABILITY`` (one or two words), is not decided: the caller's default stands. The floor is high because a
question read as another language leaves the English route: technical English claims such as "Insulin effects
appetite via ventral tegmental neurons." were read as French or Spanish at 0.66-0.68 (2 of SciFact's 1,109), while
every question written in another language here scored 0.96 or more.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

UN_LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")  # the order of every six-language table and report
DEFAULT = "en"
MIN_PROBABILITY = 0.9
SAMPLE_CHARS = 5000
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_].*)?$")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(UN_LANGUAGES))
    return identifier


def detect(text: str, default: str | None = DEFAULT) -> str | None:
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return default
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= MIN_PROBABILITY else default


def language_of(text: str) -> str:
    """The language of a question or a document's text; English when the text does not say. Not remembered: it
    takes some 0.02 ms on a question, and a question's text is kept nowhere."""
    return detect(text) or DEFAULT


def from_tag(tag: str | None) -> str | None:
    """A language tag as documents write it ("fr-FR", "zh_Hans", "EN") as one of the six, else None."""
    match = _TAG.match(tag or "")
    code = match.group(1).lower() if match else ""
    return code if code in UN_LANGUAGES else None
