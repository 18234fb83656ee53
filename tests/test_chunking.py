"""The structure-aware chunker, the catalog and the bundled corpus, with the real model tokenizer."""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path

import pytest
from llama_index.core import Document

from ingest.catalog import Catalog, CatalogEntry, fallback_meta, meta_for, pretty_name, slugify
from ingest.chunking import (
    TokenCounter,
    chunk_document,
    document_text,
    load_token_counter,
)
from ingest.contacts import Contacts
from ingest.errors import UsageError
from ingest.models import Block, Chunk, DocType, DocumentMeta, ParsedFile
from ingest.settings import Settings
from tests.fakes import StructuredNodeParser

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "corpus"
CORPUS_DOC = CORPUS / "dialogue-2021-10-28.md"
SEED = Path(__file__).parents[2] / "shared" / "seed" / "000_864ba6e1a94dfde2.txt"
CAP = 256
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


@pytest.fixture(scope="module")
def count() -> TokenCounter:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return load_token_counter(Settings().resolved_model_dir())


@pytest.fixture
def settings() -> Settings:
    return Settings(chunk_tokens=CAP, target_tokens=180)


def markdown_blocks(text: str) -> ParsedFile:
    """Minimal stand-in for the Markdown loader: front matter, headings, paragraphs, inline markup."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    blocks = []
    for para in re.split(r"\n\s*\n|\n(?=- )", text.strip()):
        heading = re.match(r"(#{1,6})\s+(.*)", para)
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", para).replace("**", "")
        plain = " ".join(re.sub(r"\\(.)", r"\1", plain).removeprefix("- ").split())
        block = Block("heading", plain.lstrip("# "), len(heading[1])) if heading else Block("text", plain)
        blocks.append(block)
    title = next((b.text for b in blocks if b.kind == "heading"), None)
    return ParsedFile(blocks=blocks, title=title)


def parse_corpus(settings: Settings) -> ParsedFile:
    """The real Markdown loader when it can be imported, else the stand-in above."""
    try:
        from ingest.loaders.markdown import load_markdown
    except ImportError:
        return markdown_blocks(CORPUS_DOC.read_text(encoding="utf-8"))
    return load_markdown(CORPUS_DOC, settings)


@pytest.fixture
def corpus(settings: Settings, count: TokenCounter) -> tuple[ParsedFile, list[Chunk]]:
    parsed = parse_corpus(settings)
    sha = hashlib.sha256(CORPUS_DOC.read_bytes()).hexdigest()
    meta = meta_for(Catalog.load(CORPUS / "catalog.toml"), CORPUS_DOC, sha, parsed)
    return parsed, chunk_document(parsed, meta, sha, count, settings)


def chunks_of(blocks: list[Block], count: TokenCounter, settings: Settings, title: str = "Policy"
              ) -> list[Chunk]:
    meta = DocumentMeta(doc_key="test", title=title, doc_type=DocType.policy)
    return chunk_document(ParsedFile(blocks=blocks), meta, "h" * 64, count, settings)


# --- the bundled corpus -----------------------------------------------------------------------


def test_corpus_chunks_fit_the_model_with_their_prefix(corpus, count) -> None:
    _, chunks = corpus
    assert len(chunks) > 5
    assert all(count(c.embed_text) <= CAP for c in chunks)
    assert all(c.embed_text.startswith(c.title) and c.embed_text.endswith(c.text) for c in chunks)


def test_corpus_chunks_are_verbatim_slices_covering_every_text_block(corpus) -> None:
    parsed, chunks = corpus
    doc, spans = document_text(parsed.blocks)
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert all(doc[c.char_start : c.char_end] == c.text for c in chunks)
    for block, (start, end) in zip(parsed.blocks, spans, strict=True):
        inside = [c for c in chunks if start <= c.char_end and c.char_start <= end]
        if block.kind == "text":  # whole in one chunk, or split into consecutive chunks with nothing lost
            covered = " ".join(doc[max(c.char_start, start) : min(c.char_end, end)] for c in inside)
            assert covered.split() == block.text.split(), block.text[:60]


def test_corpus_sections_and_metadata(corpus) -> None:
    _, chunks = corpus
    sections = {c.section for c in chunks}
    assert {"Keynote", "Peer-to-peer learning", "Background"} <= sections
    assert not any(s and s.startswith("Realizing zero tolerance") for s in sections)  # title: no section
    assert {c.doc_key for c in chunks} == {"dialogue-2021-10-28"}
    assert {c.doc_type for c in chunks} == {DocType.dialogue_summary}
    keynote = next(c for c in chunks if c.section == "Keynote")
    assert "Keynote\n" in keynote.embed_text and " — Keynote" in keynote.embed_text


def test_chunk_ids_are_deterministic(count, settings) -> None:
    parsed = parse_corpus(settings)
    meta = DocumentMeta(doc_key="d", title="T")
    first = [c.chunk_id for c in chunk_document(parsed, meta, "abc", count, settings)]
    again = [c.chunk_id for c in chunk_document(parsed, meta, "abc", count, settings)]
    other = [c.chunk_id for c in chunk_document(parsed, meta, "abd", count, settings)]
    assert first == again and not set(first) & set(other)
    assert all(uuid.UUID(i).version == 5 for i in first)


def test_corpus_keeps_the_seed_wording(corpus) -> None:
    if not SEED.is_file():
        pytest.skip("shared seed not present")
    seed = normalize(strip_markup(SEED.read_text(encoding="utf-8")))
    parsed, _ = corpus
    doc = normalize(document_text(parsed.blocks)[0])
    sentences = [s for s in re.split(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+", seed) if s]
    assert len(sentences) > 80
    missing = [s for s in sentences if s not in doc]
    assert not missing, missing[:3]


def strip_markup(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text).replace("**", "")
    return re.sub(r"^- ", "", re.sub(r"\\(.)", r"\1", text), flags=re.MULTILINE)


def normalize(text: str) -> str:
    """Whitespace only: runs become one space; a break after a word's hyphen ("Victim-\\n\\ncentred") goes."""
    return " ".join(re.sub(r"(?<=\w-)\s+(?=\w)", "", text).split())


# --- rules on synthetic blocks ----------------------------------------------------------------


def test_numbered_paragraphs_are_detected(count, settings) -> None:
    blocks = [
        Block("heading", "5. Reporting", 2),
        Block("text", "5.3 Informal resolution is available to all personnel at any time."),
        Block("text", "(a) The affected person may ask for it."),
        Block("text", "b) It may be stopped at any point."),
        Block("text", "It does not prevent a formal report."),
        Block("text", "5.4. Formal reporting goes to the investigation office."),
        Block("text", "(iv) Item four."),
    ]
    separate = chunks_of(blocks, count, settings.model_copy(update={"target_tokens": 10}))
    assert [c.paragraph for c in separate] == ["5.3", "5.3(a)", "5.3(b)", "5.3", "5.4", "5.4(iv)"]
    assert {c.section for c in separate} == {"5. Reporting"}
    packed = chunks_of(blocks, count, settings)
    assert len(packed) == 1 and packed[0].paragraph == "5.3-5.4(iv)"


def test_giant_paragraph_is_split_at_sentence_boundaries(count, settings) -> None:
    sentence = "H.E. Mr. Erdan noted that the Group of Friends shares national experiences, e.g. laws. "
    blocks = [Block("heading", "Keynote", 2), Block("text", (sentence * 60).strip()), Block("text", "Short.")]
    chunks = chunks_of(blocks, count, settings)
    assert len(chunks) > 3
    assert all(count(c.embed_text) <= CAP and SENTENCE_END.search(c.text) for c in chunks)
    assert all(c.text.startswith("H.E. Mr. Erdan") for c in chunks[:-1])  # no split after "H.E." or "Mr."
    assert chunks[-1].text == "Short."  # a split paragraph is not packed with the next one


def test_overlong_sentence_and_word_are_split_as_a_last_resort(count, settings) -> None:
    words = " ".join(f"word{i}" for i in range(1500))
    blocks = [Block("text", words), Block("text", "!" * 3000)]
    chunks = chunks_of(blocks, count, settings)
    doc, _ = document_text(blocks)
    assert all(count(c.embed_text) <= CAP and doc[c.char_start : c.char_end] == c.text for c in chunks)
    assert " ".join(c.text for c in chunks if c.text.startswith("word")) == words
    assert "".join(c.text for c in chunks if c.text.startswith("!")) == "!" * 3000


def test_packing_is_checked_against_the_real_count(settings) -> None:
    """A counter that is not additive (a blank line costs 1000) must not produce a chunk over the cap."""
    def count(text: str) -> int:
        return len(text.split()) + 2 + 1000 * text.count("\n\n")

    blocks = [Block("text", "One two three."), Block("text", "Four five six.")]
    chunks = chunks_of(blocks, count, settings)
    assert [c.text for c in chunks] == ["One two three.", "Four five six."]
    assert all(count(c.embed_text) <= CAP for c in chunks)


def test_page_spans_come_from_the_blocks(count, settings) -> None:
    blocks = [Block("heading", "Scope", 1, page=1), Block("text", "First part.", page=1),
              Block("text", "Second part.", page=2), Block("heading", "Annex", 1, page=3),
              Block("text", "Annex text.", page=4)]
    chunks = chunks_of(blocks, count, settings)
    assert [(c.section, c.page_start, c.page_end) for c in chunks] == [("Scope", 1, 2), ("Annex", 4, 4)]


def test_a_block_over_a_page_break_gives_its_chunk_both_pages(count, settings) -> None:
    blocks = [Block("heading", "Annex", 1, page=3), Block("text", "Annex text that goes on over the page.", page=3,
                                                          page_end=4)]
    assert [(c.page_start, c.page_end) for c in chunks_of(blocks, count, settings)] == [(3, 4)]


def test_heading_path_nests_and_empty_sections_are_skipped(count, settings) -> None:
    blocks = [Block("heading", "Policy", 1), Block("heading", "2. Prevention", 2),
              Block("heading", "2.1 Training", 3), Block("text", "Training is mandatory."),
              Block("heading", "3. Support", 2), Block("heading", "4. Reporting", 2),
              Block("text", "Report.")]
    chunks = chunks_of(blocks, count, settings, title="Policy")
    assert [c.section for c in chunks] == ["2. Prevention > 2.1 Training", "4. Reporting"]


def test_long_title_prefix_is_cut(count, settings) -> None:
    title = " ".join(["Advancing a common understanding"] * 80)
    blocks = [Block("heading", "Principles", 2), Block("text", "Respect. " * 100)]
    chunks = chunks_of(blocks, count, settings, title)
    prefix = chunks[0].embed_text.split("\n")[0]
    assert prefix.endswith("…") and count(prefix) <= CAP // 4
    assert all(count(c.embed_text) <= CAP for c in chunks)


def test_node_parser_adapter(count, settings) -> None:
    doc = Document(text="First paragraph.\n\nSecond paragraph.", metadata={"doc_key": "x", "title": "X"})
    nodes = StructuredNodeParser(count_tokens=count, limits=settings).get_nodes_from_documents([doc])
    assert [n.get_content() for n in nodes] == ["First paragraph.\n\nSecond paragraph."]
    assert nodes[0].metadata["doc_key"] == "x" and nodes[0].ref_doc_id == doc.doc_id


def test_counter_matches_the_hf_tokenizer_without_truncation(count) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(Settings().resolved_model_dir())
    for text in ["Zero tolerance.", "H.E. Mr. Erdan — “Making zero tolerance a reality” " * 30]:
        assert count(text) == len(tokenizer(text, truncation=False)["input_ids"])


# --- catalog and contacts ---------------------------------------------------------------------


def test_bundled_catalog_matches_by_file_name() -> None:
    catalog = Catalog.load(CORPUS / "catalog.toml")
    assert {e.key for e in catalog.entries} == {
        "dialogue-2021-10-28", "making-zero-tolerance-2021", "model-policy-2018", "victim-centred-2021"}
    cases = {
        "dialogue-2021-10-28.md": "dialogue-2021-10-28",
        "Making-Zero-Tolerance-a-Reality_EN.PDF": "making-zero-tolerance-2021",
        "UN_System_Model_Policy_on_Sexual_Harassment.pdf": "model-policy-2018",
        "victim-centred-approach-2021.pdf": "victim-centred-2021",
    }
    for name, key in cases.items():
        meta = catalog.match(Path("/tmp") / name, "0" * 64)
        assert meta is not None and meta.doc_key == key, name
    assert catalog.match(Path("holiday.pdf"), "0" * 64) is None


def test_catalog_sha256_wins_over_file_name() -> None:
    digest = "AB" * 32
    catalog = Catalog(entries=[CatalogEntry(key="by-name", title="N", files=["*policy*"]),
                               CatalogEntry(key="by-hash", title="H", sha256=[digest])])
    by_hash = catalog.match(Path("policy.pdf"), digest.lower())
    by_name = catalog.match(Path("policy.pdf"), "0" * 64)
    assert by_hash is not None and by_hash.doc_key == "by-hash"
    assert by_name is not None and by_name.doc_key == "by-name"


def test_fallback_metadata_for_unknown_files() -> None:
    titled = ParsedFile(blocks=[], title=" Annual  report ")
    from_file = fallback_meta(Path("x/Annual Report_2020 (EN).pdf"), titled)
    assert from_file.doc_key == "annual-report-2020-en" and from_file.title == "Annual report"
    assert from_file.doc_type == DocType.other
    assert fallback_meta(Path("model_policy-2018.docx"), ParsedFile(blocks=[])).title == "Model policy 2018"
    assert slugify("Überblick: Straße") == "uberblick-strae" and slugify("???") == "document"
    assert pretty_name("Respect@Work") == "Respect@Work"


def test_catalog_errors_and_missing_file(tmp_path: Path) -> None:
    assert Catalog.load(tmp_path / "none.toml").entries == []
    bad = tmp_path / "catalog.toml"
    bad.write_text('[[document]]\nkey = "Bad Key"\ntitle = "x"\n', encoding="utf-8")
    with pytest.raises(UsageError):
        Catalog.load(bad)
    twice = '[[document]]\nkey = "a"\ntitle = "x"\n'
    bad.write_text(twice * 2, encoding="utf-8")
    with pytest.raises(UsageError, match="duplicate"):
        Catalog.load(bad)


def test_bundled_contacts_are_placeholders_without_invented_numbers() -> None:
    contacts = Contacts.load(CORPUS / "contacts.toml")
    kinds = {c.kind for c in contacts.contacts}
    assert {"ethics office", "ombudsperson", "investigation office", "victims' rights advocate"} <= kinds
    assert contacts.is_placeholder_only and contacts.configured == []
    assert not any(re.search(r"@|\d{3}", f"{c.how} {c.note}") for c in contacts.contacts)


def test_contacts_can_be_written_in_each_language_and_the_api_shows_one() -> None:
    from ingest.language import detect

    contacts = Contacts.load(CORPUS / "contacts.toml").contacts
    for language in ("fr", "es", "ar", "ru", "zh"):
        for contact in contacts:
            shown = contact.in_language(language)
            assert shown.name != contact.name and detect(shown.name) == language and shown.how == contact.how
    assert contacts[0].in_language("en") is contacts[0]
    assert set(contacts[0].model_dump()) == {"name", "how", "kind", "note", "placeholder"}  # the API's shape
