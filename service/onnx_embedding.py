"""ONNX Runtime fast path for query embedding.

The bundled sentence-transformers model (BERT, then mean pooling over the attention mask, then L2
normalisation) is exported once to ``<cache_dir>/onnx/<hash of the model files>/model.onnx`` with pooling
and normalisation inside the graph, so one ``session.run`` returns finished embeddings. The export then
goes through ONNX Runtime's transformer optimizer (fused embedding, attention, skip-layer-norm and GELU
ops); the fused graph is kept only if it matches torch, else the plain one is. Every start-up checks a
few fixed sentences against the torch model; a mismatch raises, and ``build_query_embedder`` falls back
to torch.
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from ingest.embedding import DIM, MiniLMEmbedder
from ingest.settings import Settings

if TYPE_CHECKING:
    import onnxruntime as ort
    from tokenizers import Encoding, Tokenizer

log = logging.getLogger(__name__)

EXPORT_FORMAT = "minilm-mean-normalize-v2-eager-ortfused"  # part of the cache key: change it with the graph
OPSET = 17
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
MIN_COSINE = 0.9999
BUSY_WINDOW_S = 0.5  # after two runs overlapped, runs take the lean session for this long (see OnnxQueryEmbedder)
CHECK_SENTENCES = (
    "How do I report sexual harassment at work?",
    "harassment",
    "What counts as a hostile work environment?",
    "My manager keeps commenting on my appearance, what can I do?",
    "Employers must take reasonable steps to prevent harassment.",
    "Who is the designated contact person for complaints?",
    "Can I make an anonymous complaint, and will it be investigated?",
    "Retaliation against a person who reports harassment is prohibited.",
    "Überstunden, café, naïve: accents and unicode survive tokenisation.",
    "Investigations should be prompt, impartial and documented in writing.",
)
# longer than the model window: its token ids check truncation without paying for a long model run
LONG_CHECK_TEXT = " ".join(["Interim measures protect the complainant while the case is open."] * 40)


class Fitted(Protocol):
    """The bundled model with some layers replaced by fitted ones (``service.answering.reader.Reader``)."""

    @property
    def layers(self) -> Path: ...  # the file of the fitted layers (part of the export's cache key)

    def apply(self, bert: Any) -> None: ...  # put the fitted layers into a freshly loaded BERT

    def batch(self, texts: list[str]) -> np.ndarray: ...  # the torch reference vectors


class OnnxMismatchError(RuntimeError):
    """ONNX disagrees with torch. Internal: ``build_query_embedder`` catches it; never shown to users."""


class OnnxQueryEmbedder:
    """Unit-normalised all-MiniLM-L6-v2 embeddings from ONNX Runtime; same vectors as the torch model.

    Two sessions on one graph when ``threads`` > 1. The fast one splits a run across the cores, and its pool
    threads keep spinning after the run: a lone query is fastest that way (over HTTP at 20k chunks, stopping
    the spin at the end of each run cost ~2 ms p50 at 1 client), but under concurrent load the spinning
    thread burned ~5 ms of CPU a request that other requests needed. The lean session runs on the calling
    thread alone (no pool, no spinning). Runs take the lean session while the service is busy: from a run
    that starts while another is running until ``BUSY_WINDOW_S`` later; otherwise the fast one.
    """

    dim = DIM

    def __init__(self, session: ort.InferenceSession, tokenizer: Tokenizer,
                 lean: ort.InferenceSession | None = None) -> None:
        self._session = session
        self._lean = lean
        self._tokenizer = tokenizer
        self._running = 0
        self._overlapped_at = -BUSY_WINDOW_S  # when a run last started while another was running
        self._count_lock = threading.Lock()

    @classmethod
    def build(
        cls, settings: Settings, embedder: MiniLMEmbedder, threads: int | None = None, fitted: Fitted | None = None
    ) -> OnnxQueryEmbedder:
        """Export once (reused while the model files are unchanged), load, and verify against torch.

        ``threads``: ONNX Runtime intra-op threads per query; default ``settings.query_threads``. ``fitted``: the
        model with some layers replaced (the answer reader's), exported and verified against its own torch model.
        """
        threads = settings.query_threads if threads is None else threads
        model_dir = Path(embedder.model_dir)
        tokenizer = load_tokenizer(model_dir, embedder)
        path = export_path(settings.cache_dir, model_dir, fitted)
        if not path.exists():
            export_model(embedder, tokenizer, path, fitted)
        lean = open_session(path, 1) if threads > 1 else None
        onnx_embedder = cls(open_session(path, threads), tokenizer, lean)
        worst = verify(onnx_embedder, embedder, fitted)
        if lean is not None:
            worst = min(worst, verify(cls(lean, tokenizer), embedder, fitted))
        log.info("ONNX %s ready (%s, %d thread(s), worst cosine %.6f)", "answer reader" if fitted else "query embedding",
                 path, threads, worst)
        return onnx_embedder

    @property
    def tokenizer(self) -> Tokenizer:
        return self._tokenizer

    def __call__(self, text: str) -> np.ndarray:
        return self._run([self._tokenizer.encode(text)])[0]

    def batch(self, texts: list[str]) -> np.ndarray:
        """One run, padded to the longest text of the batch."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return self._run(self._tokenizer.encode_batch(texts))

    def _run(self, encodings: list[Encoding]) -> np.ndarray:
        inputs = model_inputs(encodings)
        session = self._start_run()
        try:
            out = session.run(None, inputs)[0]
        finally:
            with self._count_lock:
                self._running -= 1
        return np.asarray(out, dtype=np.float32)

    def _start_run(self) -> ort.InferenceSession:
        """Count a run in; the lean session while the service is busy, else the fast one."""
        with self._count_lock:
            now = time.monotonic()
            if self._running:
                self._overlapped_at = now
            self._running += 1
            busy = now - self._overlapped_at < BUSY_WINDOW_S
            return self._lean if busy and self._lean is not None else self._session


def model_inputs(encodings: list[Encoding]) -> dict[str, np.ndarray]:
    """The graph's int64 inputs; the tokenizer has already padded every row to the same length."""
    return {
        "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
    }


def load_tokenizer(model_dir: Path, embedder: MiniLMEmbedder) -> Tokenizer:
    """The fast tokenizer set up like sentence-transformers': truncate at the model window, pad to longest.

    ``tokenizer.json`` ships with its own truncation (128) and fixed padding; both are replaced here.
    """
    from tokenizers import Tokenizer

    hf_tokenizer = embedder.tokenizer
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=int(hf_tokenizer.model_max_length))
    tokenizer.enable_padding(pad_id=int(hf_tokenizer.pad_token_id), pad_token=str(hf_tokenizer.pad_token))
    return tokenizer


def model_fingerprint(model_dir: Path, fitted: Fitted | None = None) -> str:
    """Hash of every file of the model folder (relative path and content), of the fitted layers' file if any, of
    the export format and of the ONNX Runtime version (its optimizer wrote the fused graph, and that choice was
    verified with it)."""
    import onnxruntime

    digest = hashlib.sha256(f"{EXPORT_FORMAT} onnxruntime {onnxruntime.__version__}".encode())
    named = [(p.relative_to(model_dir).as_posix(), p) for p in sorted(model_dir.rglob("*")) if p.is_file()]
    if fitted is not None:
        named.append((f"fitted/{fitted.layers.name}", fitted.layers))
    for name, file in named:
        digest.update(name.encode())
        with file.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()[:16]


def export_path(cache_dir: Path, model_dir: Path, fitted: Fitted | None = None) -> Path:
    return cache_dir / "onnx" / model_fingerprint(model_dir, fitted) / "model.onnx"


def export_model(embedder: MiniLMEmbedder, tokenizer: Tokenizer, target: Path, fitted: Fitted | None = None) -> None:
    """Trace the model with pooling and normalisation, fuse it, and move the graph that matches torch
    (fused if it does, else plain) to ``target``: temp files, then an atomic rename."""
    started = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    plain, fused = _temp_graph(target.parent), _temp_graph(target.parent)
    try:
        _trace_to(Path(embedder.model_dir), tokenizer, plain, fitted)
        _verified_graph(plain, fused, embedder, tokenizer, fitted).replace(target)
    finally:
        plain.unlink(missing_ok=True)
        fused.unlink(missing_ok=True)
    log.info("exported the embedding model to %s in %.1f s", target, time.perf_counter() - started)


def _temp_graph(folder: Path) -> Path:
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".onnx.tmp", delete=False) as handle:
        return Path(handle.name)


def _verified_graph(plain: Path, fused: Path, embedder: MiniLMEmbedder, tokenizer: Tokenizer,
                    fitted: Fitted | None = None) -> Path:
    """``fused`` when ONNX Runtime's optimizer works on ``plain`` and its output matches torch, else ``plain``."""
    try:
        fuse_graph(plain, fused, Path(embedder.model_dir))
        verify(OnnxQueryEmbedder(open_session(fused, 1), tokenizer), embedder, fitted)
    except Exception as err:  # the fusion is only an optimisation; the plain graph is verified at start-up
        log.warning("the fused ONNX graph is unusable (%s); keeping the plain export", err)
        return plain
    return fused


def fuse_graph(source: Path, target: Path, model_dir: Path) -> None:
    """ONNX Runtime's BERT fusions, Python pass only (``opt_level=0``: no hardware-specific rewrites saved;
    the session applies its own at load). The attention fusion turns the mask into per-row lengths, which
    assumes right padding: the tokenizer pads right, and ``verify`` checks a padded batch."""
    from onnxruntime.transformers.optimizer import optimize_model

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    model = optimize_model(
        str(source), model_type="bert", num_heads=int(config["num_attention_heads"]),
        hidden_size=int(config["hidden_size"]), opt_level=0, use_gpu=False,
    )
    fused = {op: count for op, count in model.get_fused_operator_statistics().items() if count}
    log.info("ONNX Runtime fusions: %s", fused)
    model.save_model_to_file(str(target))


def _trace_to(model_dir: Path, tokenizer: Tokenizer, temp: Path, fitted: Fitted | None = None) -> None:
    import torch

    encoder = _pooled_encoder(model_dir, fitted)
    # the first row is padded, so the traced graph keeps the attention mask
    example = model_inputs(tokenizer.encode_batch(["a short example", "a longer example with some padding"]))
    args = tuple(torch.from_numpy(example[name]) for name in INPUT_NAMES)
    axes = {name: {0: "batch", 1: "sequence"} for name in INPUT_NAMES} | {"embedding": {0: "batch"}}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the legacy exporter's deprecation and tracer notices
        torch.onnx.export(
            encoder, args, str(temp), input_names=list(INPUT_NAMES), output_names=["embedding"],
            dynamic_axes=axes, opset_version=OPSET, dynamo=False,
        )


def _pooled_encoder(model_dir: Path, fitted: Fitted | None = None) -> Any:
    """BERT (with the fitted layers in place of its own, if any), then sentence-transformers' Pooling (mean) and
    Normalize modules, as one torch module."""
    import torch
    from transformers import AutoModel

    class PooledEncoder(torch.nn.Module):
        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            tokens = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(dim=1) / torch.clamp(mask.sum(dim=1), min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    # eager attention: ORT's attention fusion recognises its MatMul-Softmax-MatMul pattern, not SDPA's
    bert = AutoModel.from_pretrained(str(model_dir), local_files_only=True, attn_implementation="eager")
    if fitted is not None:
        fitted.apply(bert)
    return PooledEncoder(bert).eval()


def open_session(path: Path, threads: int) -> ort.InferenceSession:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def verify(onnx_embedder: OnnxQueryEmbedder, embedder: MiniLMEmbedder, fitted: Fitted | None = None) -> float:
    """Worst ONNX-vs-torch cosine on the check sentences (batch and single path); raises below MIN_COSINE. The
    torch side is the embedder's model, or the fitted one's."""
    check_tokenizer(onnx_embedder.tokenizer, embedder)
    texts = list(CHECK_SENTENCES)
    with _torch_threads(1):
        expected = fitted.batch(texts) if fitted else embedder.encode(texts)
    got = np.vstack([onnx_embedder(texts[0]), onnx_embedder.batch(texts)])
    cosines = np.sum(got * np.vstack([expected[:1], expected]), axis=1)
    worst = float(cosines.min())
    if worst < MIN_COSINE:
        raise OnnxMismatchError(f"ONNX differs from torch (worst cosine {worst:.6f} < {MIN_COSINE})")
    return worst


@contextmanager
def _torch_threads(threads: int) -> Iterator[None]:
    """Run torch on fewer threads for a moment: on a busy 2-core machine the 10-sentence reference batch
    took 1.5-2 s on 2 threads and 0.2-0.3 s on 1 (OpenMP threads waiting for a core). Start-up only, nothing
    else runs torch then."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def check_tokenizer(tokenizer: Tokenizer, embedder: MiniLMEmbedder) -> None:
    """Same token ids as the sentence-transformers tokenizer, truncation included."""
    hf_tokenizer = embedder.tokenizer
    max_length = int(hf_tokenizer.model_max_length)
    for text in (*CHECK_SENTENCES, LONG_CHECK_TEXT):
        expected = hf_tokenizer(text, truncation=True, max_length=max_length)["input_ids"]
        if tokenizer.encode(text).ids != list(expected):
            raise OnnxMismatchError(f"the fast tokenizer differs from the model's on {text[:40]!r}")
