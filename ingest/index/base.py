"""The small index interface the rest of the product talks to.

Both engines store, per chunk, a dense vector ``dense`` (cosine), a BM25 sparse vector
``bm25`` (IDF applied by the engine), one vector per sentence ``sentences`` (a multivector
compared by MaxSim: the best sentence's cosine) and the chunk payload; both answer the same
hybrid query: prefetch dense and BM25, rescore their union by the best sentence, fuse the three
lists by score (DBSF), filter on payload fields. An index may also hold a multilingual vector per chunk
(``multi_<model>``, ``ingest.multilingual``): a question in another language is searched on it and BM25 (and
MiniLM's vector for French and Spanish, the question's glossary words in English and its own language's
passages: ``Beside``), fused the same way, with no sentence stage (the sentence vectors are MiniLM's, which reads English only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ingest.manifest import RecordStore

DENSE = "dense"
SPARSE = "bm25"
SENTENCES = "sentences"
MULTI_PREFIX = "multi_"
FILTER_FIELDS = ("doc_type", "doc_key", "doc_hash", "language")
UNMARKED_LANGUAGE = "en"  # chunks written before documents' languages were read carry none: they were English
# Both engines also keep the dense vectors as int8 in RAM (scalar quantization): the HNSW walk reads 384 bytes
# a vector instead of 1,536, and the candidates it finds (this many times the limit) are rescored on the float
# vectors. Fresh SciFact questions at 20k chunks (Edge, in process): the search part 4.7 -> 3.6 ms p50; the top 5
# the same as without quantization in 99.5% of places (a rebuild of the same index without it: 99.2%).
DENSE_OVERSAMPLING = 2.0
DENSE_INT8_QUANTILE = 0.99  # values beyond this quantile are clipped when the int8 scale is set
PayloadFields = list[str] | None  # the payload keys a query returns; None: all of them
Multi = tuple[str, int] | None  # a multilingual vector's name and size (``("multi_use", 512)``), or none


@dataclass(frozen=True)
class SparseVec:
    indices: list[int]
    values: list[float]


@dataclass(frozen=True)
class Beside:
    """What a question on the multilingual route is searched with besides its multilingual vector and BM25: the
    English words of the glossary terms it uses (``service.glossary``: MiniLM's vector of them and their English
    BM25, fused into one list: counted twice, they put the English summary ahead of an Arabic note written in the
    question's language), and the passages in its own language (``own``: a filter; they are searched once more on the
    multilingual vector and BM25, so a policy written in the asker's language is not pushed below the English
    passages the glossary's lists find)."""

    dense: list[float] | None = None
    sparse: SparseVec | None = None
    own: QueryFilter | None = None


@dataclass(frozen=True)
class Lookup:
    """One nearest-neighbour list of a fusion: ``query`` (dense or sparse) searched on the vector ``using``, within
    the question's filter or, ``own``, within the passages in the question's language."""

    using: str
    query: list[float] | SparseVec
    own: bool = False


Fused = tuple[Lookup, ...]  # lists fused on their own first (by DBSF) and counted once; most are one list


def multilingual_lists(multi: tuple[list[float], str], dense: list[float] | None, sparse: SparseVec | None,
                       beside: Beside | None) -> list[Fused]:
    """The lists a question on the multilingual route is fused from (by DBSF, no sentence stage), for both engines:
    its multilingual vector; BM25; MiniLM's vector when given (French, Spanish); the glossary's English words, their
    MiniLM and BM25 lists fused into one; and the multilingual vector and BM25 once more within its own language."""
    vector, name = multi
    lists: list[Fused] = [(Lookup(name, vector),)]
    lists += [(Lookup(DENSE, dense),)] if dense is not None else []
    lists += [(Lookup(SPARSE, sparse),)] if sparse is not None else []
    if beside is not None and beside.dense is not None and beside.sparse is not None:
        lists.append((Lookup(DENSE, beside.dense), Lookup(SPARSE, beside.sparse)))
    if beside is not None and beside.own is not None:
        lists.append((Lookup(name, vector, own=True),))
        lists += [(Lookup(SPARSE, sparse, own=True),)] if sparse is not None else []
    return lists


@dataclass(frozen=True)
class Point:
    id: str
    dense: list[float]
    sparse: SparseVec
    payload: dict[str, Any]
    sentences: list[list[float]] = field(default_factory=list)  # one per sentence of the text; none: ``[dense]``
    multi: list[float] | None = None  # the multilingual vector, written when the index holds one

    def sentence_vectors(self) -> list[list[float]]:
        return self.sentences or [self.dense]


@dataclass(frozen=True)
class Hit:
    id: str
    score: float
    payload: dict[str, Any]
    dense: list[float] | None = None  # the stored dense vector, when asked for (with_dense=True)
    sentences: list[list[float]] | None = None  # the stored sentence vectors, when asked for (with_sentences=True)
    multi: list[float] | None = None  # the stored multilingual vector, when asked for (with_multi=True)

    @classmethod
    def stored(cls, id: Any, score: float, payload: dict[str, Any] | None, vectors: Any) -> Hit:
        """A hit from what either engine returns: ``vectors`` is a dict of named vectors, or nothing."""
        named = vectors if isinstance(vectors, dict) else {}
        dense, rows = named.get(DENSE), named.get(SENTENCES)
        multi = next((v for k, v in named.items() if str(k).startswith(MULTI_PREFIX)), None)
        return cls(id=str(id), score=score, payload=dict(payload or {}),
                   dense=dense if isinstance(dense, list) else None, sentences=rows if isinstance(rows, list) else None,
                   multi=multi if isinstance(multi, list) else None)


@dataclass(frozen=True)
class QueryFilter:
    """Payload filter: each non-empty list means "field is one of these"."""

    doc_type: list[str] = field(default_factory=list)
    doc_key: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.doc_type or self.doc_key or self.language)


def vector_names(with_dense: bool, with_sentences: bool, multi: str | None = None) -> list[str] | bool:
    """The stored vectors a query returns: sentence vectors are several rows a hit, so only when asked for;
    ``multi``: the multilingual vector's name, when it is asked for."""
    names = [name for name, wanted in ((DENSE, with_dense), (SENTENCES, with_sentences)) if wanted]
    return [*names, multi] if multi else (names or False)


def multi_vector_of(names: list[str]) -> str | None:
    """The multilingual vector among an index's vector names, if it holds one."""
    return next((n for n in sorted(names) if n.startswith(MULTI_PREFIX)), None)


class Index(Protocol):
    """What ingestion and retrieval need from a vector store."""

    @property
    def multi_vector(self) -> str | None:
        """The name of the multilingual vector this index holds (``multi_use``), None when it holds none (an
        index built before it, or with ``KB_MULTILINGUAL=off``)."""

    @property
    def mapped_folder(self) -> Path | None:
        """The folder the engine writes through memory-mapped files on this machine (a disk full under them is a
        SIGBUS, not an error a caller can handle); None when it writes no such files here."""

    def record_store(self) -> RecordStore:
        """Where this index's committed document versions are kept (the registry operations): ``manifest.json``
        beside the embedded index, a registry collection on a Qdrant server."""

    def doc_hashes_written_since(self, since: float) -> set[str]:
        """Versions with a point written at or after ``since`` (epoch seconds): another machine's writes in
        flight, which an orphan sweep must spare (none where one process holds the index)."""

    def upsert(self, points: list[Point]) -> None: ...

    def delete_doc_hashes(self, doc_hashes: list[str]) -> None:
        """Delete every point whose payload ``doc_hash`` is one of these."""

    def doc_hashes(self) -> dict[str, int]:
        """Every ``doc_hash`` in the index with its point count (for orphan sweeps)."""

    def point_ids(self) -> set[str]:
        """The id of every point in the index (for consistency checks; scrolls the whole index)."""

    def count(self) -> int: ...

    def query(
        self,
        dense: list[float] | None,
        sparse: SparseVec | None,
        limit: int,
        flt: QueryFilter | None = None,
        prefetch: int = 40,
        with_dense: bool = False,
        with_sentences: bool = False,
        payload_fields: PayloadFields = None,
        multi: list[float] | None = None,
        beside: Beside | None = None,
    ) -> list[Hit]:
        """Hybrid when both vectors are given (dense, BM25 and best sentence fused by DBSF), else dense-only or
        BM25-only. ``multi`` (a multilingual query vector, the index holding ``multi_vector``) leads instead:
        fused with BM25, with ``dense`` and ``beside`` when given, without the sentence stage. ``with_dense`` and ``with_sentences`` return the stored
        vectors with each hit; ``payload_fields`` narrows each hit's payload to those keys."""

    def fetch(self, ids: list[str], with_dense: bool = False, with_sentences: bool = False, with_multi: bool = False
              ) -> dict[str, Hit]:
        """The points with these ids (full payload, score 0), by id; ids not in the index are left out."""

    def encode_sparse_document(self, text: str, language: str | None = None) -> SparseVec:
        """BM25 of a chunk read as ``language`` (its document's; default English)."""

    def encode_sparse_query(self, text: str, language: str | None = None) -> SparseVec:
        """BM25 of a query read as ``language`` (default: the language read from it)."""

    def flush(self) -> None:
        """Make every write so far durable (survives kill -9)."""

    def finish(self) -> None:
        """Flush and build indexes after a batch of writes (HNSW, payload indexes)."""

    def close(self) -> None: ...
