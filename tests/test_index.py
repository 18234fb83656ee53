"""Both index engines against real stores: Qdrant Edge in a tmp folder, qdrant-client local mode.

Dense vectors are seeded random unit vectors; sparse vectors are the real BM25 encoding of
small English texts.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
import qdrant_edge as qe

from ingest.errors import IndexBusy
from ingest.index import edge, open_index
from ingest.index.base import DENSE, Index, Point, QueryFilter, SparseVec
from ingest.index.edge import EdgeIndex, _config, _request
from ingest.index.server import ServerIndex
from ingest.settings import Settings

DIM = 384
RNG_SEED = 7
Opener = Callable[[], Index]

# doc_key -> (doc_type, texts of its chunks)
DOCS: dict[str, tuple[str, list[str]]] = {
    "policy-a": ("policy", ["Employers must publish a clear policy against harassment.",
                            "The policy names who receives complaints and how they are handled."]),
    "guide-b": ("guidance", ["Managers should act promptly when a complaint is raised.",
                             "Record every step taken and keep the records confidential."]),
    "guide-c": ("guidance", ["Training helps staff recognise unwanted conduct early.",
                             "Bystanders can report what they witnessed to a manager."]),
    "law-d": ("legislation", ["The act defines harassment related to a protected characteristic.",
                              "Victimisation of a person who made a complaint is unlawful.",
                              "An employer may be liable for the zeppelin conduct of its workers."]),
    "faq-e": ("faq", ["Zeppelin harbour zeppelin harbour: an unusual phrase used only here.",
                      "Questions about time limits for bringing a claim to a tribunal."]),
}


def _unit(rng: np.random.Generator, around: np.ndarray | None = None, noise: float = 1.0) -> np.ndarray:
    vec = rng.normal(size=DIM) * noise + (around if around is not None else 0.0)
    return vec / np.linalg.norm(vec)


def _pid(doc_key: str, n: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{doc_key}#{n}"))


class Corpus:
    """Points for DOCS, plus a query vector with a known dense ranking."""

    def __init__(self, index: Index) -> None:
        rng = np.random.default_rng(RNG_SEED)
        self.query = _unit(rng)
        self.dense: dict[str, np.ndarray] = {}
        self.points: list[Point] = []
        for doc_key, (doc_type, texts) in DOCS.items():
            for n, text in enumerate(texts):
                pid = _pid(doc_key, n)
                self.dense[pid] = self._vector(rng, doc_key, n)
                payload = {"doc_type": doc_type, "doc_key": doc_key, "doc_hash": f"hash-{doc_key}",
                           "text": text, "page": n + 1, "section": None, "tags": ["a", "b"], "w": 0.5}
                sparse = index.encode_sparse_document(text)
                self.points.append(Point(pid, self.dense[pid].tolist(), sparse, payload))

    def _vector(self, rng: np.random.Generator, doc_key: str, n: int) -> np.ndarray:
        if (doc_key, n) == ("policy-a", 0):
            return self.query  # the dense nearest neighbour, no rare term
        if (doc_key, n) == ("law-d", 2):
            return _unit(rng, self.query, noise=0.02)  # second nearest, one rare term
        if (doc_key, n) == ("faq-e", 0):
            return -self.query  # the farthest, rare terms twice
        return _unit(rng)


def _edge(tmp_path: Path) -> Opener:
    return lambda: EdgeIndex.open(tmp_path / "edge")


def _server(tmp_path: Path) -> Opener:
    return lambda: ServerIndex.connect(f"path:{tmp_path / 'local'}", "test")


@pytest.fixture(params=[_edge, _server], ids=["edge", "server-local"])
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Opener:
    factory: Callable[[Path], Opener] = request.param
    return factory(tmp_path)


@pytest.fixture
def index(opener: Opener) -> Iterator[Index]:
    idx = opener()
    yield idx
    idx.close()


@pytest.fixture
def corpus(index: Index) -> Corpus:
    data = Corpus(index)
    index.upsert(data.points)
    index.finish()
    return data


def test_upsert_and_count(index: Index, corpus: Corpus) -> None:
    assert index.count() == len(corpus.points)
    index.upsert(corpus.points[:3])  # same ids: replaced, not added
    assert index.count() == len(corpus.points)
    assert index.point_ids() == set(corpus.dense)


def test_dense_nearest_neighbour_and_cosine_score(index: Index, corpus: Corpus) -> None:
    hits = index.query(corpus.query.tolist(), None, limit=3)
    assert [h.id for h in hits[:2]] == [_pid("policy-a", 0), _pid("law-d", 2)]
    assert hits[0].score == pytest.approx(1.0, abs=1e-4)
    assert hits[0].payload["text"].startswith("Employers must publish")


def test_bm25_finds_the_rare_term(index: Index, corpus: Corpus) -> None:
    hits = index.query(None, index.encode_sparse_query("zeppelins"), limit=5)
    assert [h.id for h in hits] == [_pid("faq-e", 0), _pid("law-d", 2)]
    assert hits[0].score > hits[1].score > 0


def test_hybrid_ranks_the_doc_matching_both_first(index: Index, corpus: Corpus) -> None:
    sparse = index.encode_sparse_query("zeppelin")
    hits = index.query(corpus.query.tolist(), sparse, limit=5, prefetch=5)
    assert hits[0].id == _pid("law-d", 2)  # 2nd in dense and 2nd in BM25 beats 1st in only one
    assert hits[0].score == pytest.approx(1.7223, abs=1e-3)  # DBSF of three lists: the same in both engines


def test_hybrid_with_a_stopword_only_query_falls_back_to_dense(index: Index, corpus: Corpus) -> None:
    sparse = index.encode_sparse_query("the and of")
    assert sparse.indices == []
    hits = index.query(corpus.query.tolist(), sparse, limit=3)
    assert hits[0].id == _pid("policy-a", 0)


@pytest.mark.parametrize(("flt", "allowed"), [
    (QueryFilter(doc_type=["guidance"]), {"guide-b", "guide-c"}),
    (QueryFilter(doc_key=["law-d", "faq-e"]), {"law-d", "faq-e"}),
    (QueryFilter(doc_type=["guidance", "faq"], doc_key=["faq-e"]), {"faq-e"}),
])
def test_filters_restrict_every_mode(index: Index, corpus: Corpus, flt: QueryFilter, allowed: set[str]) -> None:
    sparse = index.encode_sparse_query("complaint zeppelin harassment manager")
    for dense, sp in [(corpus.query.tolist(), None), (None, sparse), (corpus.query.tolist(), sparse)]:
        hits = index.query(dense, sp, limit=20, flt=flt)
        assert hits
        assert {h.payload["doc_key"] for h in hits} <= allowed


def test_filter_applies_inside_the_prefetch(index: Index, corpus: Corpus) -> None:
    """With prefetch=2 the unfiltered top 2 are not guidance: only a filtered prefetch finds guidance."""
    sparse = index.encode_sparse_query("zeppelin")
    hits = index.query(corpus.query.tolist(), sparse, limit=5, flt=QueryFilter(doc_type=["guidance"]), prefetch=2)
    assert len(hits) == 2
    assert {h.payload["doc_type"] for h in hits} == {"guidance"}


def test_delete_doc_hashes_removes_exactly_that_doc(index: Index, corpus: Corpus) -> None:
    index.delete_doc_hashes(["hash-law-d"])
    index.delete_doc_hashes([])
    assert index.count() == len(corpus.points) - 3
    expected = {f"hash-{k}": len(texts) for k, (_, texts) in DOCS.items() if k != "law-d"}
    assert index.doc_hashes() == expected
    assert all(h.payload["doc_key"] != "law-d" for h in index.query(corpus.query.tolist(), None, limit=20))


def test_doc_hashes_counts(index: Index, corpus: Corpus) -> None:
    assert index.doc_hashes() == {f"hash-{k}": len(texts) for k, (_, texts) in DOCS.items()}


def test_with_dense_returns_the_stored_vectors(index: Index, corpus: Corpus) -> None:
    hits = index.query(corpus.query.tolist(), index.encode_sparse_query("policy"), limit=4, with_dense=True)
    for hit in hits:
        assert hit.dense is not None
        np.testing.assert_allclose(hit.dense, corpus.dense[hit.id], atol=1e-5)
    assert all(h.dense is None for h in index.query(corpus.query.tolist(), None, limit=2))


def test_payload_fields_narrow_the_payload(index: Index, corpus: Corpus) -> None:
    hits = index.query(corpus.query.tolist(), index.encode_sparse_query("policy"), limit=3,
                       payload_fields=["doc_hash", "page"])
    assert hits and all(set(h.payload) == {"doc_hash", "page"} for h in hits)


def test_fetch_returns_full_records_and_vectors_by_id(index: Index, corpus: Corpus) -> None:
    wanted = [_pid("law-d", 1), _pid("policy-a", 0), str(uuid.uuid4())]  # the last one is not in the index
    records = index.fetch(wanted, with_dense=True)
    assert set(records) == set(wanted[:2])
    for pid, record in records.items():
        assert record.payload == next(p.payload for p in corpus.points if p.id == pid)
        np.testing.assert_allclose(record.dense or [], corpus.dense[pid], atol=1e-5)
        assert record.sentences is None
    assert index.fetch([wanted[0]], with_sentences=True)[wanted[0]].sentences is not None
    assert index.fetch([]) == {}


def test_payload_round_trips(index: Index, corpus: Corpus) -> None:
    hit = index.query(corpus.query.tolist(), None, limit=1)[0]
    assert hit.payload == next(p.payload for p in corpus.points if p.id == hit.id)


def test_reopen_after_close_keeps_data(opener: Opener) -> None:
    first = opener()
    data = Corpus(first)
    first.upsert(data.points)
    first.flush()
    first.close()
    second = opener()
    try:
        assert second.count() == len(data.points)
        assert second.query(data.query.tolist(), None, limit=1)[0].id == _pid("policy-a", 0)
    finally:
        second.close()


def test_concurrent_reads_while_writing(index: Index, corpus: Corpus) -> None:
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(30):
                hits = index.query(corpus.query.tolist(), index.encode_sparse_query("complaint"), limit=3)
                assert hits[0].id in corpus.dense
        except BaseException as err:
            errors.append(err)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for thread in readers:
        thread.start()
    for _ in range(10):
        index.upsert(corpus.points)
    for thread in readers:
        thread.join()
    assert not errors
    assert index.count() == len(corpus.points)


def test_open_index_chooses_the_engine(tmp_path: Path) -> None:
    embedded = open_index(Settings(index_dir=tmp_path, qdrant_url=None))
    assert isinstance(embedded, EdgeIndex)
    assert (tmp_path / "qdrant" / "LOCK").exists()
    embedded.close()
    server = open_index(Settings(qdrant_url=":memory:", collection="c"))
    assert isinstance(server, ServerIndex)
    server.close()


def _small_indexed_shard(folder: Path, vectors: dict[str, qe.EdgeVectorParams] | None = None) -> None:
    """A shard as EdgeIndex makes it, with an indexing threshold low enough that 300 points get indexed."""
    made = _config(DIM)
    qe.EdgeShard.create(str(folder), qe.EdgeConfig(vectors=vectors or made.vectors, sparse_vectors=made.sparse_vectors,
                                                    optimizers=qe.EdgeOptimizersConfig(indexing_threshold=100))).close()


def _random_points(index: Index, rng: np.random.Generator, n: int) -> tuple[list[Point], np.ndarray]:
    vectors = np.array([_unit(rng) for _ in range(n)])
    return [Point(str(uuid.uuid4()), vec.tolist(), index.encode_sparse_document("text"), {"doc_hash": "h"})
            for vec in vectors], vectors


def test_edge_dense_search_walks_int8_vectors_and_rescores_on_floats(tmp_path: Path) -> None:
    folder = tmp_path / "edge"
    _small_indexed_shard(folder)
    rng = np.random.default_rng(RNG_SEED)
    with EdgeIndex.open(folder) as index:
        points, vectors = _random_points(index, rng, 300)
        ids = [p.id for p in points]
        index.upsert(points)
        index.finish()
        assert list(folder.rglob("quantized.data")), "the dense vectors have no int8 copy"
        row = {pid: n for n, pid in enumerate(ids)}
        query = _unit(rng, vectors[0], noise=0.2)
        exact = vectors @ query
        hits = index.query(query.tolist(), None, 10)
        assert [row[h.id] for h in hits] == list(np.argsort(-exact)[:10])
        assert np.allclose([h.score for h in hits], np.sort(exact)[::-1][:10], atol=1e-5)  # float cosines
        unrescored = qe.QueryRequest(query=qe.Query.Nearest(query.tolist(), using=DENSE), limit=10,
                                     params=qe.SearchParams(quantization=qe.QuantizationSearchParams(rescore=False)))
        int8_scores = [p.score for p in index._shard.query(unrescored)]
        assert not np.allclose(int8_scores, np.sort(exact)[::-1][:10], atol=1e-4)  # the int8 copy is what was walked
    dense_prefetch = _request(query.tolist(), SparseVec([1], [1.0]), 5, None, 40, False).prefetches[0]
    assert dense_prefetch.params is not None and dense_prefetch.params.quantization is not None
    assert dense_prefetch.params.quantization.rescore  # the dense prefetch of a hybrid query too


def test_edge_index_from_before_quantization_answers_and_gets_int8_at_the_next_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "edge"
    made = _config(DIM)
    unquantized = {**made.vectors, DENSE: qe.EdgeVectorParams(size=DIM, distance=qe.Distance.Cosine)}
    _small_indexed_shard(folder, unquantized)
    rng = np.random.default_rng(RNG_SEED)
    with monkeypatch.context() as older_build:
        older_build.setattr(edge, "_config", lambda dim, threads=None, multi=None: qe.EdgeConfig(
            vectors=unquantized, sparse_vectors=made.sparse_vectors, max_search_threads=threads))
        with EdgeIndex.open(folder) as index:
            points, _ = _random_points(index, rng, 300)
            index.upsert(points)
            index.finish()
    assert not list(folder.rglob("quantized.data"))
    with EdgeIndex.open(folder) as index:  # this build: answers at once, and its finish() adds the int8 copy
        assert index.query(points[0].dense, None, 1)[0].id == points[0].id
        index.finish()
        assert list(folder.rglob("quantized.data"))
        assert index.query(points[0].dense, None, 1)[0].id == points[0].id


OPEN_IN_CHILD = """
import sys
from pathlib import Path
from ingest.index.edge import EdgeIndex
EdgeIndex.open(Path(sys.argv[1]))
"""


def test_second_open_of_an_edge_folder_raises_index_busy(tmp_path: Path) -> None:
    folder = tmp_path / "edge"
    held = EdgeIndex.open(folder)
    try:
        with pytest.raises(IndexBusy, match="already open in this process"):
            EdgeIndex.open(folder)
        child = subprocess.run([sys.executable, "-c", OPEN_IN_CHILD, str(folder)], capture_output=True, text=True)
        assert child.returncode != 0
        assert f"index folder {folder} is in use by another process (pid {os.getpid()})" in child.stderr
    finally:
        held.close()
    EdgeIndex.open(folder).close()  # released on close


KILLED_WRITER = """
import os, signal, sys, uuid
from pathlib import Path
from ingest.index.base import Point
from ingest.index.edge import EdgeIndex
index = EdgeIndex.open(Path(sys.argv[1]))
points = [Point(str(uuid.uuid4()), [1.0] + [0.0] * 383, index.encode_sparse_document(f"text {i}"),
                {"doc_hash": "h"}) for i in range(int(sys.argv[2]))]
index.upsert(points)
if sys.argv[3] == "flush":
    index.flush()
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.slow
@pytest.mark.parametrize("flush", ["flush", "no-flush"])
def test_edge_upsert_survives_kill_9(tmp_path: Path, flush: str) -> None:
    folder = tmp_path / "edge"
    child = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(folder), "700", flush], check=False)
    assert child.returncode == -signal.SIGKILL
    with EdgeIndex.open(folder) as index:  # the stale LOCK of the dead process does not block
        assert index.count() == 700
        assert index.doc_hashes() == {"h": 700}
