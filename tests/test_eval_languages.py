"""The six-language set: well formed (the same questions in every language, parts alike), its quotes in the corpus,
and scored per language beside English."""

from __future__ import annotations

from collections import Counter

from eval.languages import LANGUAGE_ORDER, care_metrics, language_metrics, load_care, load_languages
from eval.metrics import holds_quote
from eval.runner import InProcessTarget
from ingest.language import detect


def test_every_language_asks_the_same_questions_in_the_same_parts() -> None:
    questions = load_languages()
    assert Counter(q.lang for q in questions) == dict.fromkeys(LANGUAGE_ORDER, 36)
    by_lang = {lang: {(q.gold_id, q.split) for q in questions if q.lang == lang} for lang in LANGUAGE_ORDER}
    assert all(ids == by_lang["en"] for ids in by_lang.values())
    assert Counter(split for _, split in by_lang["en"]) == {"tune": 12, "held_out": 24}
    assert len({q.id for q in questions}) == len(questions)
    assert all(detect(q.question) == q.lang for q in questions)  # each written in the language it claims


def test_every_quote_is_in_a_passage_of_the_corpus(corpus_kb) -> None:
    passages = [hit.payload["text"] for hit in corpus_kb.index.fetch(list(corpus_kb.index.point_ids())).values()]
    assert all(any(holds_quote(text, [quote]) for text in passages) for q in load_languages() for quote in q.quotes)


def test_languages_are_scored_beside_english(corpus_kb) -> None:
    questions = [q for q in load_languages() if q.lang in ("en", "fr") and q.split == "held_out"][:4]
    questions += [q for q in load_languages() if q.lang == "fr" and q.split == "held_out"][:2]
    found = language_metrics(InProcessTarget(corpus_kb), questions)
    assert {"lang_en_held_out_recall@5", "lang_fr_held_out_mrr", "lang_fr_held_out_evidence_hit",
            "lang_fr_held_out_recall@5_vs_en"} <= set(found)
    assert found["lang_en_held_out_recall@5"] == 1.0  # English questions find their passages
    assert all(0.0 <= value <= 1.0 for key, value in found.items() if not key.endswith("_vs_en"))


def test_the_care_set_asks_the_same_in_every_language_and_is_scored(corpus_kb) -> None:
    questions = load_care()
    assert Counter(q.lang for q in questions) == dict.fromkeys(LANGUAGE_ORDER, 20)
    kinds = {lang: [(q.id.split("-")[0], q.kind) for q in questions if q.lang == lang] for lang in LANGUAGE_ORDER}
    assert all(pairs == kinds["en"] for pairs in kinds.values())
    assert all(detect(q.question) == q.lang for q in questions)
    sample = [q for q in questions if q.id.split("-")[0] in ("c02", "c09", "c13") and q.lang in ("en", "ar")]
    found = care_metrics(InProcessTarget(corpus_kb), sample)
    assert set(found) == {f"lang_{lang}_care_{name}" for lang in ("en", "ar")
                          for name in ("disclosure_recall", "supporter_recall", "false_flags")}
    assert found["lang_en_care_disclosure_recall"] == 1.0 and found["lang_ar_care_false_flags"] == 0.0
