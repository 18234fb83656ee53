"""Fit the disclosure probe: a logistic regression on the bundled MiniLM's question vectors, saved as
``service/answering/disclosure_probe.json`` (384 weights, a bias, the threshold). It reads accounts the
rules of ``service/answering/disclosure.py`` have no words for ("he turned his camera on and he was naked").

Trained on the tuning split of every question set, the gold set and the disclosure negatives only: the held-out
splits never enter. ``C`` is scikit-learn's default; the threshold is the lowest with no false flag in a 5-fold
cross-validation on the training data (0.6), plus a margin. Deterministic: same data, same file.

    .venv/bin/python -m eval.train_disclosure
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from eval.gold import DATA_DIR
from eval.sets import load_set

OUT = Path(__file__).resolve().parents[1] / "service" / "answering" / "disclosure_probe.json"
THRESHOLD = 0.7
C = 1.0


def training_questions() -> list[tuple[str, bool]]:
    """(question, is a disclosure) from the tuning splits, the gold set and the negatives."""
    rows = [(q.question, q.kind == "disclosure") for name in ("summary", "policy", "lists") for q in load_set(name)
            if q.split == "tune"]
    for line in (DATA_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            rows.append((g["question"], g["kind"] == "disclosure"))
    for line in (DATA_DIR / "disclosure_negatives.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append((json.loads(line)["question"], False))
    return rows


def fit(vectors: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(vectors, labels)
    return model.coef_[0].astype(np.float64), float(model.intercept_[0])


def main() -> int:
    from ingest.factory import load_embedder
    from ingest.settings import Settings

    rows = training_questions()
    embedder = load_embedder(Settings())
    vectors = np.asarray(embedder.encode([q for q, _ in rows]), dtype=np.float64)
    labels = np.array([y for _, y in rows])
    weights, bias = fit(vectors, labels)
    OUT.write_text(json.dumps({
        "about": "logistic regression on all-MiniLM-L6-v2 question vectors; fitted by eval/train_disclosure.py",
        "threshold": THRESHOLD, "bias": round(bias, 6), "weights": [round(float(w), 6) for w in weights],
        "trained_on": {"questions": len(rows), "disclosures": int(labels.sum())},
    }, indent=None) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} questions, {int(labels.sum())} disclosures)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
