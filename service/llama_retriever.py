"""The knowledge base as a llama-index retriever, so llama-index users can put our hybrid search (dense + BM25
fused in Qdrant, best-sentence rescoring, committed versions only, duplicates collapsed) under their own query
engines and agents. Each node carries the citation fields (title, type, pages, section, paragraph, offsets).

    from llama_index.core.query_engine import RetrieverQueryEngine
    engine = RetrieverQueryEngine.from_args(KnowledgeBaseRetriever(kb, top_k=5), llm=my_llm)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from service.models import Filters, Passage

if TYPE_CHECKING:
    from service.knowledge_base import KnowledgeBase

CITATION_FIELDS = ("doc_key", "title", "doc_type", "page_start", "page_end", "section", "paragraph", "char_start")


class KnowledgeBaseRetriever(BaseRetriever):
    def __init__(self, kb: KnowledgeBase, top_k: int = 5, filters: Filters | None = None) -> None:
        super().__init__()
        self.kb = kb
        self.top_k = top_k
        self.filters = filters

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return [as_node(p) for p in self.kb.search(query_bundle.query_str, self.top_k, self.filters)]


def as_node(passage: Passage) -> NodeWithScore:
    metadata = {key: value for key in CITATION_FIELDS if (value := getattr(passage, key)) is not None}
    metadata["doc_type"] = str(passage.doc_type)
    node = TextNode(id_=passage.id, text=passage.text, metadata=metadata,
                    excluded_embed_metadata_keys=list(metadata), excluded_llm_metadata_keys=["doc_key", "char_start"])
    return NodeWithScore(node=node, score=passage.score)
