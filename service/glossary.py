"""A question in another UN language, named in the documents' English words: the glossary.

The multilingual vector (``ingest.multilingual``) places a question near passages in any language, but loosely: on
the six-language set's tuning part the right passage's mean reciprocal rank was 0.51 (0.71 with the glossary). The English words of the
terms a question uses ("harcèlement" -> "harassment", "投诉" -> "complaint") are searched too, with MiniLM and
English BM25 (``service.retrieval``), and find the passages that use those words. Only terms written in a glossary
file are used; nothing is translated. Two files: the product's (``service/glossary.toml``: the field's
vocabulary) and the library's (``corpus/glossary.toml`` in the corpus folder: its documents' names and terms).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ingest.config_files import read_config

log = logging.getLogger(__name__)

GLOSSARY_FILE = Path(__file__).with_name("glossary.toml")
LIBRARY_FILE = "glossary.toml"  # the library's own, in the corpus folder beside catalog.toml and contacts.toml
ARTICLE = "ال"
SHORT = 3  # a form this short (a word of it, in French, Spanish and Russian) matches only a whole word
_WORD = re.compile(r"\w+")
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0640]")  # vowel marks and the tatweel
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def normalised(text: str, language: str) -> str:
    """``text`` as forms and questions are compared: lower case, single spaces, and per language accents
    (French, Spanish), vowel marks and letter variants (Arabic) and ё (Russian) set aside."""
    text = " ".join(text.lower().split())
    if language in ("fr", "es"):
        return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    if language == "ar":
        return _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    if language == "ru":
        return text.replace("ё", "е")
    return text


class TermEntry(BaseModel):
    """One ``[[term]]`` of a glossary file: the documents' English words and each language's forms."""

    model_config = ConfigDict(extra="forbid")
    en: str
    fr: list[str] = []
    es: list[str] = []
    ar: list[str] = []
    ru: list[str] = []
    zh: list[str] = []


Form = tuple[str, ...]  # a form's words, normalised (Arabic and Chinese: the whole form as one)


@dataclass(frozen=True)
class Text:
    """A question or a sentence as forms are matched against it: normalised, its words, every beginning of a word."""

    language: str
    text: str
    words: list[str]
    heads: frozenset[str]

    @classmethod
    def of(cls, text: str, language: str) -> Text:
        norm = normalised(text, language)
        words = _WORD.findall(norm)
        heads = frozenset(w[:n] for w in words for n in range(SHORT + 1, len(w) + 1)) | frozenset(words)
        return cls(language, norm, words, heads)

    def uses(self, form: Form) -> bool:
        """Chinese: the form appears. Arabic: it appears (clitics join words), or is the whole word when short
        ("عرف" is not in "المعرفة"). French, Spanish, Russian: its words follow one another, each beginning a word
        of the question (stems), a short one being the whole word ("loi" is not "loin")."""
        if self.language == "zh":
            return form[0] in self.text
        if self.language == "ar":
            return form[0] in self.text if len(form[0]) > SHORT else form[0] in self.heads
        if form[0] not in self.heads:  # no word begins with its first word: most forms stop here
            return False
        return len(form) == 1 or any(all(_begins(self.words[i + j], part) for j, part in enumerate(form))
                                     for i in range(len(self.words) - len(form) + 1))


def _begins(word: str, part: str) -> bool:
    return word == part if len(part) <= SHORT else word.startswith(part)


@dataclass(frozen=True)
class Term:
    english: str
    forms: dict[str, tuple[Form, ...]]  # language -> its forms

    @classmethod
    def of(cls, entry: TermEntry) -> Term:
        languages = entry.model_dump(exclude={"en"})
        return cls(entry.en, {lang: tuple(_form(f, lang) for f in forms) for lang, forms in languages.items()})


def _form(form: str, language: str) -> Form:
    """A form as matched: normalised, in words; in Arabic without a leading article, which "to the" writes as
    "لل" ("للتحرش" holds "تحرش", not "التحرش")."""
    form = normalised(form, language)
    if language == "ar" and form.startswith(ARTICLE) and len(form.split()[0]) > len(ARTICLE) + SHORT:
        return (form[len(ARTICLE):],)
    return (form,) if language in ("ar", "zh") else tuple(_WORD.findall(form))


class Glossary:
    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms

    @classmethod
    def load(cls, *paths: Path) -> Glossary:
        """The terms of every file in order; a missing file adds none, an invalid one is a ``UsageError``."""
        return cls([term for path in paths for term in _read(path)])

    def english(self, question: str, language: str) -> str:
        """The English words of every term the question uses, in the glossary's order; "" when it uses none (or is
        in a language the glossary does not hold)."""
        return " ".join(self.terms[i].english for i in sorted(self.concepts(question, language)))

    def concepts(self, text: str, language: str) -> frozenset[int]:
        """The terms ``text`` uses (their places in the glossary): two texts using one term speak of the same thing
        in different words ("sanciones", "medidas disciplinarias")."""
        read = Text.of(text, language)
        return frozenset(i for i, t in enumerate(self.terms) if any(read.uses(f) for f in t.forms.get(language, ())))


def _read(path: Path) -> list[Term]:
    rows = read_config(path, "glossary file", lambda data: [TermEntry.model_validate(r) for r in data.get("term", [])])
    if rows is None:
        log.info("no glossary at %s", path)
    return [Term.of(row) for row in rows or []]


def load_glossary(corpus_dir: Path) -> Glossary:
    """The product's glossary and the library's (``glossary.toml`` in the corpus folder), read once per service."""
    return Glossary.load(GLOSSARY_FILE, corpus_dir / LIBRARY_FILE)
