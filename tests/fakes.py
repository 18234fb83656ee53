"""Test doubles that are real subclasses of the library interfaces they stand in for (never shipped).

* ``HashEmbedder``: a deterministic llama-index ``BaseEmbedding`` (bag of hashed words, unit-normalised),
  so retrieval logic runs without the model;
* ``StructuredNodeParser``: a llama-index ``NodeParser`` over the product's chunker, to check that chunks
  come out as proper nodes with source relationships;
* ``ScriptedLLM``: a llama-index ``CustomLLM`` that answers with the first sentence of passage [1] of its
  prompt, word by word with a pause, recording when it finished (for streaming tests without a model).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.base.llms.types import CompletionResponse, CompletionResponseGen, LLMMetadata
from llama_index.core.llms import CustomLLM
from llama_index.core.llms.callbacks import llm_completion_callback
from llama_index.core.node_parser import NodeParser
from llama_index.core.schema import BaseNode
from pydantic import Field

from ingest.chunking import BLOCK_SEPARATOR, TokenCounter, chunk_document, chunk_to_node
from ingest.embedding import DIM
from ingest.models import Block, DocumentMeta, ParsedFile
from ingest.settings import Settings


class HashEmbedder(BaseEmbedding):
    """Deterministic fake for fast unit tests: bag of hashed words, unit-normalised.

    Texts sharing words get similar vectors, so retrieval logic can be exercised without the model.
    """

    dim: int = DIM

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                h = int.from_bytes(hashlib.blake2b(word.strip(".,;:!?\"'()").encode(), digest_size=8).digest(), "little")
                out[row, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)

    def _get_query_embedding(self, query: str) -> list[float]:
        return self.encode([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()


class StructuredNodeParser(NodeParser):
    """llama-index adapter: a Document's blank-line paragraphs (no headings, no pages; the pipeline
    chunks a loader's `ParsedFile`) -> nodes of `chunk_document`, titled from its metadata."""

    count_tokens: TokenCounter = Field(exclude=True, description="Word pieces of a text, specials included.")
    limits: Settings = Field(exclude=True, description="Where chunk_tokens and target_tokens come from.")

    def _parse_nodes(self, nodes: Sequence[BaseNode], show_progress: bool = False, **_: Any
                     ) -> list[BaseNode]:
        out: list[BaseNode] = []
        for node in nodes:
            parsed = ParsedFile([Block("text", part) for part in node.get_content().split(BLOCK_SEPARATOR)])
            meta = DocumentMeta(doc_key=str(node.metadata.get("doc_key", node.node_id)),
                                title=str(node.metadata.get("title", node.node_id)))
            chunks = chunk_document(parsed, meta, node.hash, self.count_tokens, self.limits)
            out.extend(chunk_to_node(chunk, source=node) for chunk in chunks)
        return out


class ScriptedLLM(CustomLLM):
    """Replies "<first sentence of passage [1]> [1]", one word per ``pause_s``; ``finished_at`` is the monotonic
    time its last word was produced."""

    pause_s: float = 0.05
    finished_at: float | None = None

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name="scripted", is_chat_model=False)

    def reply(self, prompt: str) -> str:
        passage = re.search(r"\[1\] \(.*?\)\n<<<\n(.*?)\n>>>", prompt, re.S)
        first = re.split(r"(?<=[.!?])\s", passage.group(1).strip())[0] if passage else "Nothing."
        return f"{first.rstrip('.')} [1]."

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self.reply(prompt))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        words = self.reply(prompt).split(" ")

        def generate() -> CompletionResponseGen:
            text = ""
            for i, word in enumerate(words):
                time.sleep(self.pause_s)
                delta = word if i == 0 else f" {word}"
                text += delta
                yield CompletionResponse(text=text, delta=delta)
            self.finished_at = time.monotonic()

        return generate()
