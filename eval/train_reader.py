"""Fit the reader (``service/answering/reader.py``): the bundled MiniLM's last two layers, trained so that a question
lands closer to the unit that answers it than to the units the answer rules also let through.

Data: the tuning split of the four question sets (the held-out splits never enter). Each answerable or partial
question is asked of its library as the product reads it (``AnswerService.read``): its positives are the units on
its marked spans, its negatives the first three other units, in the passages' order, that its asks' rules let through
(what the reader has to tell apart; the three best scored instead made a reader that abstained less in the trial
below: 3 of 20 uncovered summary questions at the floor of 0.25 against 8). Loss: in-batch softmax over cosines (scale 20), each question against every positive and negative of its
batch; 2 epochs, batches of 16, AdamW at 5e-5, seed 0, the other layers frozen. The file holds the two layers as
float16 (about 7 MB).

``--trial`` measures it before it is trusted: fitted on three libraries, read on the fourth's tuning questions; per
library, how often the reader puts a marked unit first among those the rules let through, and at each floor how
many uncovered questions the rules answer it would turn into abstentions, against answerable ones lost.

    .venv/bin/python -m eval.train_reader [--trial]
"""

from __future__ import annotations

import argparse
import copy
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from eval.runner import ANSWER_K, fresh_knowledge_base
from eval.sets import libraries, load_set, sentence_on_topic
from ingest.embedding import MiniLMEmbedder
from ingest.factory import load_embedder
from ingest.settings import Settings
from service.answering.reader import FITTED_LAYERS, LAYERS_FILE, Reader, closeness, fitted_state

EPOCHS, BATCH, LEARNING_RATE, SCALE, NEGATIVES, SEED = 2, 16, 5e-5, 20.0, 3, 0
TRIAL_FLOORS = (0.2, 0.25, 0.3)


@dataclass(frozen=True)
class Asked:
    """One tuning question as the product read it: each ask's answering units (shown text, on a marked span)."""

    library: str
    kind: str
    question: str
    state: str
    asks: tuple[tuple[tuple[str, bool], ...], ...]
    marked: tuple[str, ...]  # every unit on a marked span, answering or not
    negatives: tuple[str, ...]  # the first units off the marked spans that some ask's rules let through


def read_tuning(settings: Settings, embedder: MiniLMEmbedder) -> list[Asked]:
    """Every tuning question of the four sets but accounts and helpers', read by the product on its library."""
    out: list[Asked] = []
    settings = settings.model_copy(update={"reader_floor": 0.0})  # the rules' reading alone, as the reader sees it
    for name in libraries(settings):
        questions = [q for q in load_set(name) if q.split == "tune" and q.kind in ("answerable", "partial", "unanswerable")]
        with fresh_knowledge_base(settings, list(libraries(settings)[name].paths), name, embedder) as kb:
            for q in questions:
                found = kb.answers.retriever.retrieve(q.question, ANSWER_K, None)
                scored, coverage = kb.answers.read(q.question, found)
                on = [sentence_on_topic(u.quote, q.on_topic_quotes) for u in scored.units]
                asks = tuple(tuple((scored.units[i].shown(), on[i]) for i in a.answering) for a in coverage.asks)
                marked = tuple(u.shown() for u, hit in zip(scored.units, on, strict=True) if hit)
                others = [scored.units[i].shown() for i in sorted(coverage.answering()) if not on[i]]
                out.append(Asked(name, q.kind, q.question, coverage.state, asks, marked, tuple(others[:NEGATIVES])))
    return out


def fit(asked: Sequence[Asked], embedder: MiniLMEmbedder) -> Reader:
    """A copy of the bundled model with its last layers trained on the questions' marked units."""
    import torch

    random.seed(SEED)
    torch.manual_seed(SEED)
    reader = _trainable_copy(embedder)
    triples = [(a.question, positive, negative) for a in asked if a.kind != "unanswerable" for positive in a.marked
               for negative in (a.negatives or (None,))]
    params = [p for p in reader.model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=LEARNING_RATE)
    reader.model.train()
    for _ in range(EPOCHS):
        random.shuffle(triples)
        for start in range(0, len(triples), BATCH):
            batch = triples[start : start + BATCH]
            questions = _encode(reader.model, [t[0] for t in batch])
            documents = _encode(reader.model, [t[1] for t in batch] + [t[2] for t in batch if t[2] is not None])
            logits = questions @ documents.T * SCALE
            loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    reader.model.eval()
    return reader


def _trainable_copy(embedder: MiniLMEmbedder) -> Reader:
    model = copy.deepcopy(embedder.model)
    prefixes = tuple(f"encoder.layer.{n}." for n in FITTED_LAYERS)
    for name, param in model[0].auto_model.named_parameters():
        param.requires_grad = name.startswith(prefixes)
    return Reader(model)


def _encode(model: Any, texts: list[str]) -> Any:
    import torch

    features = model.preprocess(texts)
    return torch.nn.functional.normalize(model(features)["sentence_embedding"], dim=-1)


def weakest_ask(reader: Reader, asked: Asked) -> float:
    """The reader's closeness of the question to the best answering unit of its least answered ask."""
    scores = []
    for ask in asked.asks:
        if ask:
            scores.append(float(np.max(closeness(reader.batch, asked.question, [text for text, _ in ask]))))
    return min(scores) if scores else 0.0


def trial(asked: Sequence[Asked], embedder: MiniLMEmbedder) -> None:
    """Fitted on three libraries, read on the fourth: print what the floor would change there."""
    for held in dict.fromkeys(a.library for a in asked):
        reader = fit([a for a in asked if a.library != held], embedder)
        judged = [a for a in asked if a.library == held and a.state != "not_covered" and any(a.asks)]
        closeness = {id(a): weakest_ask(reader, a) for a in judged}
        uncovered = [closeness[id(a)] for a in judged if a.kind == "unanswerable"]
        answerable = [closeness[id(a)] for a in judged if a.kind != "unanswerable"]
        first = [_first_is_marked(reader, a) for a in judged if a.kind != "unanswerable" and a.asks[0]
                 and any(on for _, on in a.asks[0])]
        print(f"{held}: marked unit first {sum(first)}/{len(first)}")
        for floor in TRIAL_FLOORS:
            print(f"  floor {floor}: uncovered abstained {sum(c < floor for c in uncovered)}/{len(uncovered)}, "
                  f"answerable lost {sum(c < floor for c in answerable)}/{len(answerable)}")


def _first_is_marked(reader: Reader, asked: Asked) -> bool:
    ask = asked.asks[0]
    return ask[int(np.argmax(closeness(reader.batch, asked.question, [text for text, _ in ask])))][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trial", action="store_true", help="Fit on three libraries, measure on the fourth; write nothing.")
    args = parser.parse_args()
    settings = Settings()
    embedder = load_embedder(settings)
    asked = read_tuning(settings, embedder)
    if args.trial:
        trial(asked, embedder)
        return
    reader = fit(asked, embedder)
    layers: dict[str, Any] = fitted_state(reader.model)
    np.savez_compressed(LAYERS_FILE, **layers)
    print(f"wrote {LAYERS_FILE} ({LAYERS_FILE.stat().st_size / 1e6:.1f} MB) from {len(asked)} tuning questions")


if __name__ == "__main__":
    main()
