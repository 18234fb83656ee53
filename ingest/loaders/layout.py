"""Line-level heuristics for formats without markup (PDF, plain text).

Does a line read as a heading, start a numbered paragraph, or only carry a page number?
Pure functions on one stripped line; the loaders add the context (neighbouring lines).
"""

from __future__ import annotations

import re

MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 16

_KEYWORD_HEADING = re.compile(
    r"^(?i:section|part|chapter|annex|appendix|schedule|article|module|unit)\s+(?:\d+|[IVXLC]+|[A-Z])\b"
)
_NUMBERED_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<rest>\S.*)$")
_PARAGRAPH_START = re.compile(
    r"""^(?:
        \d{1,3}(?:\.\d{1,3})+\.?\s+[^\sa-z]   # 5.3 Text / 5.3. Text (not '5.3 of the Act', a wrapped line)
      | \d{1,3}[.)]\s+[^\sa-z]                # 1. Text / 2) Text
      | \(?[a-z]{1,2}\)\s                     # (a) text / a) text
      | \([ivxlc]{1,6}\)\s                    # (iv) text
      | \(\d{1,3}\)\s                         # (1) text
      | [•▪◦●■□➢►✓·*–-]\s                     # bullets
    )""",
    re.VERBOSE,
)
_NUMBER_THEN_LOWER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?\s+[a-z]")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)
_TOC_LEADER = re.compile(r"\.{4,}|…{2,}|(?:\. ){4,}")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
# Words that stay lower case in Title Case headings.
_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "via",
        "vs",
        "with",
        "within",
        "without",
    }
)


# Letters a typesetter joined into one glyph ("ﬁ" in "conﬁdential", as text copied from many PDFs holds them), and the
# non-breaking hyphen: spelled out, so that search and the answer rules read "confidential" and "non-staff". Bullets
# drawn from the Symbol and Wingdings fonts come out of a PDF as private-use characters; they read as bullets.
_PRINT_FORMS = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                              "\ufb05": "st", "\ufb06": "st", "\u2011": "-",
                              **dict.fromkeys(["\uf0b7", "\uf0a7", "\uf0a8", "\uf0d8", "\uf076", "\uf0fc", "\uf06e"], "•")})


def collapse(text: str) -> str:
    """Single spaces between words, no leading or trailing whitespace, ligatures spelled out."""
    return " ".join(text.translate(_PRINT_FORMS).split())


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_page_number(line: str) -> bool:
    """'3', '- 3 -', 'Page 3', 'page 3 of 12', '3/12'."""
    return bool(_PAGE_NUMBER.match(line))


def starts_numbered_paragraph(line: str, previous: str = "") -> bool:
    """'5.3 Text', '1. Text', '(a) text', '(iv) text', or a bulleted item.

    '1. text' in lower case counts only after a lead-in ending in ':' or ';' (``previous``);
    elsewhere it is more likely a wrapped line ('... under section' / '5.3 of the Act').
    """
    if _PARAGRAPH_START.match(line):
        return True
    return previous.rstrip()[-1:] in (":", ";") and bool(_NUMBER_THEN_LOWER.match(line))


def starts_with_number(line: str) -> bool:
    """'1. Introduction', '5.3 Text', '(a) text', 'Article 4 ...': the line carries its own number."""
    numbered = _NUMBERED_HEADING.match(line)
    if numbered and numbered.group("rest")[0].isupper():
        return True
    return bool(_KEYWORD_HEADING.match(line) or (_PARAGRAPH_START.match(line) and line[0] in "(0123456789"))


def has_heading_shape(line: str) -> bool:
    """Short, starts with a capital or a number, no final period/comma, not a TOC entry or list item."""
    if not line or len(line) > MAX_HEADING_CHARS or len(line.split()) > MAX_HEADING_WORDS:
        return False
    if line[-1] in ".,;:-" or _TOC_LEADER.search(line) or is_page_number(line):
        return False
    if _PARAGRAPH_START.match(line) and not _NUMBERED_HEADING.match(line):
        return False
    first_letter = next((c for c in line if c.isalpha()), "")
    return first_letter.isupper()


def heading_level(line: str) -> int | None:
    """1 or 2 when a line reads as a heading by itself, else None.

    Level 1: 'SECTION 2 ...', 'Part II', '1. Introduction', ALL CAPS lines.
    Level 2: '2.1 Scope of the policy', Title Case lines.
    """
    if not has_heading_shape(line):
        return None
    if _KEYWORD_HEADING.match(line):
        return 1
    numbered = _NUMBERED_HEADING.match(line)
    if numbered:
        return _numbered_level(numbered.group("num"), numbered.group("rest"))
    if _is_all_caps(line):
        return 1
    return 2 if _is_title_case(line) else None


def _numbered_level(number: str, rest: str) -> int | None:
    """'1. Introduction' 1, '2.1 Scope of the Policy' 2; a numbered line in sentence case is a heading only when it
    stands alone and is short (``stand_alone_level``): '16.5 Focal points and managers may use the Staff' opens a
    paragraph."""
    if not rest[0].isupper() or not (_is_all_caps(rest) or _is_title_case(rest)):
        return None
    return 2 if "." in number.strip(".") else 1


def stand_alone_level(line: str) -> int:
    """The level of a short line that stands alone as a heading in sentence case: a section's number ('4. Prohibited
    conduct') is the same level as '1. Purpose', and anything else ('2.1 Who is covered', 'Manager
    responsibilities') is below it."""
    numbered = _NUMBERED_HEADING.match(line)
    return 1 if numbered and "." not in numbered.group("num").strip(".") else 2


def _is_all_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_title_case(line: str) -> bool:
    words = [w.strip("\"'“”‘’()[]") for w in line.split()]
    significant = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised / len(significant) >= 0.8
