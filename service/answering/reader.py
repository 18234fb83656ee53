"""A second reading of whether the units an ask's rules let through answer it: the bundled MiniLM with its last two
layers fitted to pairs of a question and the unit that answers it (``eval/train_reader.py``: the tuning splits of
the question sets, the held-out splits never enter; the fitted layers ship as ``reader_layers.npz``).

Plain MiniLM places a question close to sentences on its topic; the fitted layers place it closer to the sentence
that answers it than to one that only shares its words. With ``Settings.reader_rank`` (the default) it orders the
first units the rules let through for each ask (``AnswerService.rank_by_reading``: held-out on topic rose on all four
sets; fitted on three libraries only, it ordered the fourth's no better than the rules, so the gain is a library's own
tuning questions', eval/data/README.md, "Privacy in memory"). With ``Settings.reader_floor`` above 0, an ask whose
answering units are all far from the question in this reading is not answered. It is off by default: at
``MEASURED_FLOOR`` it turned uncovered questions on the event summary into abstentions (held-out abstention recall
0.82 -> 0.88, no answerable question lost) but lost answerable questions on policy PDFs, where the questions
paraphrase the text (2 of 24 on the PDF gold set, 2 more of 35 held-out policy questions): eval/data/README.md,
"A reader fitted from MiniLM".
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ingest.embedding import DIM, MiniLMEmbedder, packed

LAYERS_FILE = Path(__file__).with_name("reader_layers.npz")
FITTED_LAYERS = (4, 5)  # the encoder layers the file replaces; the others are the bundled model's
ROWS_PER_RUN = 8
MEASURED_FLOOR = 0.25  # the floor measured (eval/data/README.md); KB_READER_FLOOR=0.25 turns the reader on at it


class Reader:
    """Question-to-unit closeness in the fitted reading. ``dim`` and ``batch`` make it a sentence embedder, so the
    service's sentence cache can hold its vectors."""

    dim = DIM

    def __init__(self, model: Any, layers: Path = LAYERS_FILE) -> None:
        self.model = model
        self.layers = layers  # the fitted layers' file: also what an ONNX export of the reader is keyed on

    @classmethod
    def load(cls, embedder: MiniLMEmbedder, path: Path = LAYERS_FILE) -> Reader:
        """The embedder's model with the fitted layers in place of its own (a copy: the embedder is untouched)."""
        model = copy.deepcopy(embedder.model)
        put_layers(model[0].auto_model, path)
        model.eval()
        return cls(model, path)

    def apply(self, bert: Any) -> None:
        """Put the fitted layers into another copy of the model's BERT (an ONNX export of the reader)."""
        put_layers(bert, self.layers)

    def __call__(self, text: str) -> np.ndarray:
        return self.batch([text])[0]

    def batch(self, texts: list[str]) -> np.ndarray:
        return packed(self.model, texts, ROWS_PER_RUN)


def put_layers(bert: Any, path: Path) -> None:
    """Load the fitted layers of ``path`` into ``bert``; a file for another model is refused."""
    import torch

    with np.load(path) as weights:
        state = {name: torch.from_numpy(weights[name].astype(np.float32)) for name in weights.files}
    unknown = set(state) - set(bert.state_dict())
    if unknown or not state:
        raise ValueError(f"{path.name} does not fit the bundled model: {sorted(unknown)[:3] or 'no layers'}")
    bert.load_state_dict(state, strict=False)


def closeness(vectors: Callable[[list[str]], np.ndarray], question: str, texts: list[str]) -> np.ndarray:
    """Each text's closeness to the question in a reading (the reader, or a cache of its vectors)."""
    rows = vectors([question, *texts])
    return rows[1:] @ rows[0]


def fitted_state(model: Any) -> dict[str, np.ndarray]:
    """The parameters of the fitted layers, by their names in the encoder, as float16 (what the file holds)."""
    prefixes = tuple(f"encoder.layer.{n}." for n in FITTED_LAYERS)
    return {name: value.detach().cpu().numpy().astype(np.float16)
            for name, value in model[0].auto_model.state_dict().items() if name.startswith(prefixes)}
