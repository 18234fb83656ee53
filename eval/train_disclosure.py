"""Fit the disclosure probe: a logistic regression on the bundled MiniLM's question vectors, saved as
``service/answering/disclosure_probe.json`` (384 weights, a bias, the threshold). It reads accounts the
rules of ``service/answering/disclosure.py`` have no words for ("he turned his camera on and he was naked").

Trained on the tuning split of every question set, the gold set and the disclosure negatives only: the held-out
splits never enter. ``C`` is scikit-learn's default; the threshold is the lowest with no false flag in a 5-fold
cross-validation on the training data (0.6), plus a margin. Deterministic: same data, same file.

The same file holds a second head, ``supporter``: a helper's question (the tuning splits' ``supporter`` questions
against all the others), its threshold the lowest that flags at most 1% of the training negatives in a 5-fold
cross-validation, as below.

It also fits the probes that read a question in another language (``service/answering/asker_probe_use.json``):
two logistic regressions, a disclosure and a helper's question, on the multilingual model's vectors (USE v3) of
the same English questions. USE places a sentence and its translation close, so what is fitted on English accounts
reads French or Chinese ones. Each threshold is the lowest that flags at most 1% of the training negatives in a
5-fold cross-validation (no other-language data is read).

    .venv/bin/python -m eval.train_disclosure
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from eval.gold import DATA_DIR
from eval.sets import load_set

OUT = Path(__file__).resolve().parents[1] / "service" / "answering" / "disclosure_probe.json"
OUT_MULTI = OUT.with_name("asker_probe_use.json")
FALSE_FLAGS = 0.01  # the multilingual probes' thresholds: at most this share of training negatives flagged in CV
THRESHOLD = 0.7
PROBE_SETS = ("summary", "policy", "lists")  # the probes' training sets (the guidance set came after their fitting)
C = 1.0


def training_questions() -> list[tuple[str, bool]]:
    """(question, is a disclosure) from the tuning splits, the gold set and the negatives."""
    rows = [(q.question, q.kind == "disclosure") for name in PROBE_SETS for q in load_set(name)
            if q.split == "tune"]
    for line in (DATA_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            rows.append((g["question"], g["kind"] == "disclosure"))
    for line in (DATA_DIR / "disclosure_negatives.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append((json.loads(line)["question"], False))
    return rows


def classifier() -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000, class_weight="balanced")


def fit(vectors: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, float]:
    model = classifier().fit(vectors, labels)
    return model.coef_[0].astype(np.float64), float(model.intercept_[0])


def helper_questions() -> set[str]:
    """The questions of the tuning splits asked by someone helping a person who confided in them."""
    return {q.question for name in PROBE_SETS for q in load_set(name)
            if q.split == "tune" and q.kind == "supporter"}


def cv_threshold(vectors: np.ndarray, labels: np.ndarray) -> float:
    """The lowest probability that flags at most ``FALSE_FLAGS`` of the negatives, in 5-fold cross-validation."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    scores = cross_val_predict(classifier(), vectors, labels, cv=folds, method="predict_proba")[:, 1]
    negatives = np.sort(scores[~labels])
    return round(float(negatives[int(np.ceil(len(negatives) * (1 - FALSE_FLAGS))) - 1]), 3)


def head(vectors: np.ndarray, labels: np.ndarray) -> dict[str, object]:
    weights, bias = fit(vectors, labels)
    return {"threshold": cv_threshold(vectors, labels), "bias": round(bias, 6),
            "weights": [round(float(w), 6) for w in weights], "positives": int(labels.sum())}


def fit_multilingual(rows: list[tuple[str, bool]]) -> None:
    from ingest.multilingual import UseModel

    vectors = np.asarray(UseModel().encode([q for q, _ in rows]), dtype=np.float64)
    helpers = helper_questions()
    heads = {"disclosure": head(vectors, np.array([y for _, y in rows])),
             "supporter": head(vectors, np.array([q in helpers for q, _ in rows]))}
    OUT_MULTI.write_text(json.dumps({
        "about": "logistic regressions on USE v3 question vectors of the English tuning data; fitted by "
                 "eval/train_disclosure.py", "questions": len(rows), **heads}, indent=None) + "\n", encoding="utf-8")
    print(f"wrote {OUT_MULTI} (thresholds: disclosure {heads['disclosure']['threshold']}, "
          f"supporter {heads['supporter']['threshold']})", file=sys.stderr)


def main() -> int:
    from ingest.factory import load_embedder
    from ingest.settings import Settings

    rows = training_questions()
    embedder = load_embedder(Settings())
    vectors = np.asarray(embedder.encode([q for q, _ in rows]), dtype=np.float64)
    labels = np.array([y for _, y in rows])
    weights, bias = fit(vectors, labels)
    helpers = helper_questions()
    OUT.write_text(json.dumps({
        "about": "logistic regressions on all-MiniLM-L6-v2 question vectors (a disclosure; 'supporter': a helper's "
                 "question); fitted by eval/train_disclosure.py",
        "threshold": THRESHOLD, "bias": round(bias, 6), "weights": [round(float(w), 6) for w in weights],
        "trained_on": {"questions": len(rows), "disclosures": int(labels.sum())},
        "supporter": head(vectors, np.array([q in helpers for q, _ in rows])),
    }, indent=None) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} questions, {int(labels.sum())} disclosures)", file=sys.stderr)
    fit_multilingual(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
