"""Check the evaluation gold set in ``eval/data`` against the bundled corpus.

Run from anywhere::

    .venv/bin/python eval/check_gold.py [--corpus DIR] [--data DIR] [--quiet]

What is checked (any failure makes the exit status 1):

* every line of ``gold.jsonl`` and ``disclosure_negatives.jsonl`` is a JSON object with the
  expected fields and types; ids are unique across both files and questions are not repeated;
* ``kind`` is ``answerable``, ``unanswerable`` or ``disclosure``; answerable and disclosure
  rows have 1-2 evidence quotes and a non-empty answer; unanswerable rows have no evidence
  and an empty answer;
* every evidence quote names a ``doc_key`` of a bundled document and is an exact substring of
  that document's clean text (the text the ingestion loader produces: ``**`` and link markup
  stripped, escapes such as ``\\$`` resolved), and does not cross a paragraph boundary;
* the minimum counts per kind (64 answerable, 18 unanswerable, 6 disclosure, 15 negatives).

Warnings (printed, exit status unaffected): quotes outside 8-30 words, and questions that
repeat a long run of the document's words (questions should be paraphrased).

The clean text comes from the project's Markdown loader (``ingest.loaders.markdown``) when it
can be imported; otherwise from a small stdlib fallback that strips the same markup.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_DATA = Path(__file__).resolve().parent / "data"

KINDS = ("answerable", "unanswerable", "disclosure")
MINIMUM = {"answerable": 64, "unanswerable": 18, "disclosure": 6}
MINIMUM_NEGATIVES = 15
QUOTE_WORDS = (8, 30)
COPIED_RUN = 6  # a question sharing this many consecutive words with the document is flagged
PARAGRAPH_BREAK = "\n\n"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+")
_BULLET = re.compile(r"^\s*[-*+][ \t]+(?=\S)")
_WORD = re.compile(r"[\w@$.’'-]+")


# --------------------------------------------------------------------------- clean text


def _loader_text() -> Callable[[Path], tuple[dict[str, str], str]] | None:
    """The project's own Markdown loader as ``path -> (front matter, clean text)``, if importable."""
    sys.path.insert(0, str(ROOT))
    try:
        from ingest.loaders.decoding import read_text
        from ingest.loaders.markdown import markdown_blocks, split_front_matter
    except Exception:  # the loader is optional: any import problem means "use the fallback"
        return None

    def load(path: Path) -> tuple[dict[str, str], str]:
        info, body = split_front_matter(read_text(path, "Markdown").text)
        return info, PARAGRAPH_BREAK.join(block.text for block in markdown_blocks(body))

    return load


def _fallback_text(path: Path) -> tuple[dict[str, str], str]:
    """Stdlib approximation of the loader: paragraphs joined by a blank line, markup stripped."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    info: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and value.strip():
                info[key.strip().lower()] = value.strip().strip("\"'")
        text = text[match.end() :]
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            joined = " ".join(current)
            joined = _LINK.sub(r"\1", joined).replace("**", "").replace("__", "")
            joined = _ESCAPE.sub(r"\1", joined)
            paragraphs.append(" ".join(joined.split()))
            current.clear()

    for line in text.split("\n"):
        if not line.strip():
            flush()
        elif _HEADING.match(line):
            flush()
            current.append(_HEADING.sub("", line))
            flush()
        elif _BULLET.match(line):
            flush()
            current.append(_BULLET.sub("", line.strip()))
        else:
            current.append(line.strip())
    flush()
    return info, PARAGRAPH_BREAK.join(p for p in paragraphs if p)


def load_corpus(corpus: Path) -> tuple[dict[str, str], str]:
    """``doc_key -> clean text`` for every Markdown file of the corpus, and the loader used."""
    loader = _loader_text()
    used = "ingest.loaders.markdown" if loader else "built-in fallback"
    documents: dict[str, str] = {}
    for path in sorted(corpus.glob("*.md")):
        try:
            info, text = loader(path) if loader else _fallback_text(path)
        except Exception as exc:  # a loader failure on one file must not hide the others
            print(f"WARN  {path.name}: project loader failed ({exc}); using the fallback")
            info, text = _fallback_text(path)
        documents[info.get("doc_key") or path.stem] = text
    return documents, used


# --------------------------------------------------------------------------- reading rows


def read_jsonl(path: Path, problems: list[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if not path.is_file():
        problems.append(f"{path.name}: file not found")
        return rows
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name}:{number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            problems.append(f"{path.name}:{number}: not a JSON object")
            continue
        row["_where"] = f"{path.name}:{number}"
        rows.append(row)
    return rows


def _words(text: str) -> list[str]:
    return [w.strip(".’'-").lower() for w in _WORD.findall(text) if w.strip(".’'-")]


def copied_run(question: str, document_words: list[str], size: int) -> str | None:
    """The first run of ``size`` consecutive question words that also occurs in the document."""
    grams = {tuple(document_words[i : i + size]) for i in range(len(document_words) - size + 1)}
    words = _words(question)
    for i in range(len(words) - size + 1):
        if tuple(words[i : i + size]) in grams:
            return " ".join(words[i : i + size])
    return None


# --------------------------------------------------------------------------- checks


def check_gold(
    rows: list[dict[str, Any]], documents: dict[str, str], problems: list[str], warnings: list[str]
) -> Counter[str]:
    kinds: Counter[str] = Counter()
    all_words = {key: _words(text) for key, text in documents.items()}
    for row in rows:
        where = f"{row['_where']} ({row.get('id', '?')})"
        missing = [f for f in ("id", "question", "kind", "evidence", "answer") if f not in row]
        if missing:
            problems.append(f"{where}: missing field(s) {', '.join(missing)}")
            continue
        extra = sorted(set(row) - {"id", "question", "kind", "evidence", "answer", "_where"})
        if extra:
            warnings.append(f"{where}: unexpected field(s) {', '.join(extra)}")
        kind, evidence, answer, question = row["kind"], row["evidence"], row["answer"], row["question"]
        if not isinstance(row["id"], str) or not re.fullmatch(r"g\d{3,}", row["id"]):
            problems.append(f"{where}: id should look like 'g001'")
        if not isinstance(question, str) or not question.strip():
            problems.append(f"{where}: empty question")
            continue
        if kind not in KINDS:
            problems.append(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
            continue
        kinds[kind] += 1
        if not isinstance(evidence, list) or not isinstance(answer, str):
            problems.append(f"{where}: evidence must be a list and answer a string")
            continue
        if kind == "unanswerable":
            if evidence or answer:
                problems.append(f"{where}: unanswerable rows need empty evidence and an empty answer")
            continue
        if not 1 <= len(evidence) <= 2:
            problems.append(f"{where}: {kind} rows need 1-2 evidence quotes, found {len(evidence)}")
        if not answer.strip():
            problems.append(f"{where}: {kind} rows need a reference answer")
        for item in evidence:
            check_quote(where, item, documents, problems, warnings)
        if kind == "answerable":
            for key, words in all_words.items():
                run = copied_run(question, words, COPIED_RUN)
                if run:
                    warnings.append(f"{where}: question repeats {key} wording verbatim: '{run}'")
    return kinds


def check_quote(
    where: str, item: Any, documents: dict[str, str], problems: list[str], warnings: list[str]
) -> None:
    if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
        problems.append(f"{where}: evidence items need a 'doc_key' and a string 'quote'")
        return
    key, quote = item.get("doc_key"), item["quote"]
    text = documents.get(key) if isinstance(key, str) else None
    if text is None:
        problems.append(f"{where}: doc_key {key!r} is not a bundled document ({', '.join(documents)})")
        return
    if not quote.strip():
        problems.append(f"{where}: empty quote")
        return
    if "**" in quote or PARAGRAPH_BREAK in quote or "\n" in quote:
        problems.append(f"{where}: quote contains markup or crosses a paragraph: {quote[:60]!r}")
        return
    if quote not in text:
        problems.append(f"{where}: quote is not an exact substring of {key}: {quote!r}{_hint(quote, text)}")
        return
    count = len(quote.split())
    if not QUOTE_WORDS[0] <= count <= QUOTE_WORDS[1]:
        warnings.append(f"{where}: quote has {count} words (aim for {QUOTE_WORDS[0]}-{QUOTE_WORDS[1]})")


def _hint(quote: str, text: str) -> str:
    """Where the quote stops matching, to make fixing it quick."""
    best = 0
    for size in range(len(quote), 0, -1):
        if quote[:size] in text:
            best = size
            break
    if not best:
        return " (its first character is not in the document)"
    seen, rest = quote[max(0, best - 40) : best], quote[best : best + 20]
    return f"\n      matches up to: ...{seen!r} then differs at {rest!r}"


def check_negatives(rows: list[dict[str, Any]], problems: list[str], warnings: list[str]) -> int:
    for row in rows:
        where = f"{row['_where']} ({row.get('id', '?')})"
        if not isinstance(row.get("id"), str) or not re.fullmatch(r"n\d{3,}", row["id"]):
            problems.append(f"{where}: id should look like 'n001'")
        if not isinstance(row.get("question"), str) or not row["question"].strip():
            problems.append(f"{where}: empty question")
        extra = sorted(set(row) - {"id", "question", "_where"})
        if extra:
            warnings.append(f"{where}: unexpected field(s) {', '.join(extra)}")
    return len(rows)


def check_unique(rows: list[dict[str, Any]], problems: list[str]) -> None:
    ids = Counter(str(row.get("id")) for row in rows)
    questions = Counter(" ".join(str(row.get("question", "")).lower().split()) for row in rows)
    problems.extend(f"duplicate id {i!r} ({n} times)" for i, n in ids.items() if n > 1)
    problems.extend(f"duplicate question {q!r}" for q, n in questions.items() if n > 1 and q)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quiet", action="store_true", help="print problems and the summary only")
    args = parser.parse_args(argv)

    problems: list[str] = []
    warnings: list[str] = []
    documents, used = load_corpus(args.corpus)
    if not documents:
        problems.append(f"no Markdown documents found in {args.corpus}")
    gold = read_jsonl(args.data / "gold.jsonl", problems)
    negatives = read_jsonl(args.data / "disclosure_negatives.jsonl", problems)

    kinds = check_gold(gold, documents, problems, warnings)
    negative_count = check_negatives(negatives, problems, warnings)
    check_unique(gold + negatives, problems)
    for kind, minimum in MINIMUM.items():
        if kinds[kind] < minimum:
            problems.append(f"only {kinds[kind]} {kind} questions (need at least {minimum})")
    if negative_count < MINIMUM_NEGATIVES:
        problems.append(f"only {negative_count} disclosure negatives (need at least {MINIMUM_NEGATIVES})")

    if not args.quiet:
        for warning in warnings:
            print(f"WARN  {warning}")
    for problem in problems:
        print(f"FAIL  {problem}")
    quotes = sum(len(r.get("evidence") or []) for r in gold if isinstance(r.get("evidence"), list))
    summary = ", ".join(f"{kind} {kinds[kind]}" for kind in KINDS)
    print(
        f"clean text from {used}; documents: {', '.join(documents) or 'none'}\n"
        f"gold.jsonl: {len(gold)} questions ({summary}), {quotes} evidence quotes\n"
        f"disclosure_negatives.jsonl: {negative_count} questions\n"
        f"{len(problems)} problem(s), {len(warnings)} warning(s)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
