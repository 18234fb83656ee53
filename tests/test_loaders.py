"""File loaders on real files generated in tmp_path (fpdf2, pypdf, python-docx)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from ingest.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    FileTooLarge,
    IngestError,
    NoText,
    UnsupportedFile,
)
from ingest.loaders import SUPPORTED_EXTENSIONS, load_file
from ingest.loaders import pdf as pdf_loader
from ingest.loaders.pdf_text import blocks_from_pages, page_blocks, page_lines
from ingest.models import ParsedFile
from ingest.settings import Settings

HEADER = "Model Policy on Sexual Harassment"
SECTIONS = [
    (
        "1. Introduction",
        [
            "1.1 This policy sets out how the organisation prevents sexual harassment and responds to it "
            "when it happens. It applies to all staff, interns, volunteers and contractors.",
            "1.2 Sexual harassment is never acceptable.",
        ],
    ),
    (
        "2. Scope of the Policy",
        [
            "2.1 The policy covers conduct at work, at work-related events and online, including harass-\n"
            "ment by clients, customers or other third parties met in the course of work.",
            "(a) conduct during working hours;",
            "(b) conduct at social events organised by the employer.",
        ],
    ),
    (
        "3. Reporting and Support",
        [
            "3.1 Anyone who experiences or witnesses sexual harassment may report it to a manager, to human "
            "resources or through the confidential helpline.",
            "3.2 Reports are handled promptly and in confidence.",
        ],
    ),
]


class _PolicyPdf(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, HEADER, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-20)
        self.set_font("Helvetica", size=9)
        self.cell(0, 6, f"Model Policy - page {self.page_no()}", align="C", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 6, str(self.page_no()), align="C")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(index_dir=tmp_path / "idx")


def _policy_pdf(path: Path) -> Path:
    pdf = _PolicyPdf()
    pdf.set_title("Model Policy on Preventing Sexual Harassment")
    pdf.set_author("Human Resources")
    for heading, paragraphs in SECTIONS:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))
    return path


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _text(parsed: ParsedFile) -> str:
    return "\n\n".join(block.text for block in parsed.blocks)


# --- PDF ------------------------------------------------------------------------------------------------
def test_pdf_keeps_pages_and_drops_running_headers_and_footers(tmp_path: Path, settings: Settings) -> None:
    parsed = load_file(_policy_pdf(tmp_path / "policy.pdf"), settings)

    assert parsed.page_count == 3
    assert parsed.title == "Model Policy on Preventing Sexual Harassment"
    assert parsed.info["author"] == "Human Resources"
    assert {block.page for block in parsed.blocks} == {1, 2, 3}
    text = _text(parsed)
    assert HEADER not in text
    assert "Model Policy - page" not in text
    assert not any(block.text.isdigit() for block in parsed.blocks)
    assert all(block.text.strip() == block.text and block.text for block in parsed.blocks)


def test_pdf_headings_numbered_paragraphs_and_hyphenation(tmp_path: Path, settings: Settings) -> None:
    parsed = load_file(_policy_pdf(tmp_path / "policy.pdf"), settings)

    headings = [(b.text, b.level, b.page) for b in parsed.blocks if b.kind == "heading"]
    assert headings == [
        ("1. Introduction", 1, 1),
        ("2. Scope of the Policy", 1, 2),
        ("3. Reporting and Support", 1, 3),
    ]
    starts = {b.text.split()[0]: b.page for b in parsed.blocks if b.kind == "text"}
    assert starts == {"1.1": 1, "1.2": 1, "2.1": 2, "(a)": 2, "(b)": 2, "3.1": 3, "3.2": 3}
    scope = next(b.text for b in parsed.blocks if b.text.startswith("2.1 "))
    assert "including harassment by clients" in scope
    assert "harass-" not in _text(parsed)
    first = next(b.text for b in parsed.blocks if b.text.startswith("1.1 "))
    assert first.endswith("volunteers and contractors.")  # wrapped lines joined into one paragraph


def test_running_lines_with_page_numbers_go_but_numbered_headings_stay() -> None:
    pages = [
        ["Annual Report 2021", f"Article {n}", "Body text of this article.", f"Page {n} of 3"]
        for n in (1, 2, 3)
    ]
    blocks = blocks_from_pages(pages)
    assert [b.text for b in blocks if b.kind == "heading"] == ["Article 1", "Article 2", "Article 3"]
    assert not any("Report" in b.text or "of 3" in b.text for b in blocks)


def test_list_items_after_a_lead_in_split_but_wrapped_numbers_do_not() -> None:
    lines = [
        "The policy covers:",
        "1. conduct at work;",
        "2. conduct online.",
        "Complaints are handled under the rules of the organisation set out in section",
        "5.3 of the Act.",
    ]
    assert [b.text for b in page_blocks(lines, page=4, width=80)] == [
        "The policy covers:",
        "1. conduct at work;",
        "2. conduct online.",
        "Complaints are handled under the rules of the organisation set out in section 5.3 of the Act.",
    ]


def test_table_rows_extracted_one_per_line_stay_rows_but_wrapped_prose_joins() -> None:
    lines = [
        "The main support services are listed below.",
        "Staff Counsellor Ext. 4410, Room B-214 Mon-Thu 09:00-17:00 Counselling",
        "Respectful Workplace Adviser rwa@example.org Mon-Fri 08:30-16:30 Advice",
        "Medical Service Ext. 4300 Mon-Fri 08:00-17:30 Medical care",
        "11.3 The Employee Assistance Programme is run by an external provider and offers up to six",
        "counselling sessions per issue at no cost to the staff member.",
        "",
        "Focal points may call on the Staff Counsellor, the Medical Service and the",
        "Ethics Office for advice. The Respectful Workplace Adviser holds a monthly",
        "Group supervision session for them.",
    ]
    assert [b.text for b in page_blocks(lines, page=8, width=80)] == [
        "The main support services are listed below.",
        "Staff Counsellor Ext. 4410, Room B-214 Mon-Thu 09:00-17:00 Counselling",
        "Respectful Workplace Adviser rwa@example.org Mon-Fri 08:30-16:30 Advice",
        "Medical Service Ext. 4300 Mon-Fri 08:00-17:30 Medical care",
        "11.3 The Employee Assistance Programme is run by an external provider and offers up to six counselling "
        "sessions per issue at no cost to the staff member.",
        "Focal points may call on the Staff Counsellor, the Medical Service and the Ethics Office for advice. The "
        "Respectful Workplace Adviser holds a monthly Group supervision session for them.",
    ]


def test_a_footnote_at_the_foot_of_a_page_is_read_after_the_paragraph_that_cites_it() -> None:
    body = [
        "13. Support",
        "The Support Service offers up to eight counselling sessions, with a counsellor of the person's",
        "choice.4 Counselling is confidential.",
        "14. Records",
        "14.1 This policy takes effect on 1 September 2023.5 It replaces the rules of 2018.",
        "14.2 Case files are held in a restricted system, and every access to a file is logged.",
        "14.3 Files are kept as set out in paragraph 7.2 and destroyed after seven years.",
    ]
    notes = ["4 Sessions can be held in person, by video call or by", "telephone.", "5. The rules of 2018 lapse."]
    blocks = blocks_from_pages([body + notes])
    texts = [b.text for b in blocks]
    assert texts.index("4 Sessions can be held in person, by video call or by telephone.") == 2  # in its section
    assert texts[-1] == "5. The rules of 2018 lapse."  # cited by "2023.5" in the last section: at its end
    assert all(b.page == 1 for b in blocks)
    # numbered lines no paragraph cites (a numbered list, a table's rows) stay where they are printed
    steps = [*body[:3], "What to do:", "1. Write down what happened.", "2. Keep any messages."]
    assert [b.text for b in blocks_from_pages([steps])][-2:] == ["1. Write down what happened.", "2. Keep any messages."]


def test_a_list_of_contents_is_read_as_text_not_as_the_sections_it_lists() -> None:
    title = ["Policy on Harassment", "Version 3.0", "Approved by the Board on 14 November 2024"]
    contents = [*title, "Contents", "Foreword", *(f"{n}. {name}" for n, name in enumerate(
        ["Purpose", "Scope", "Definitions", "Reporting", "Glossary"], start=1))]
    foreword = ["Foreword", "Harassment damages health, careers and trust, and we will not stay silent about it."]
    body = ["1. Purpose", "1.1 This policy sets out how concerns are raised and handled in every office."]
    blocks = blocks_from_pages([contents, foreword, body])
    assert [b.text for b in blocks if b.kind == "heading"] == ["Policy on Harassment", "Foreword", "1. Purpose"]
    assert any(b.kind == "text" and b.text == "5. Glossary" for b in blocks)


def test_pdf_with_user_password_is_refused(tmp_path: Path, settings: Settings) -> None:
    path = _encrypted_copy(
        _policy_pdf(tmp_path / "plain.pdf"), tmp_path / "locked.pdf", user_password="secret"
    )
    with pytest.raises(EncryptedFile, match=r"locked\.pdf: encrypted with a password"):
        load_file(path, settings)


def test_pdf_with_empty_user_password_is_opened(tmp_path: Path, settings: Settings) -> None:
    path = _encrypted_copy(_policy_pdf(tmp_path / "plain.pdf"), tmp_path / "protected.pdf", user_password="")
    parsed = load_file(path, settings)
    assert parsed.page_count == 3
    assert "1.1 This policy sets out" in _text(parsed)


def _encrypted_copy(source: Path, target: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    writer.write(target)
    return target


def test_truncated_pdf_is_corrupt(tmp_path: Path, settings: Settings) -> None:
    data = _policy_pdf(tmp_path / "full.pdf").read_bytes()
    path = _write(tmp_path / "cut.pdf", data[: len(data) // 2])
    with pytest.raises(CorruptFile, match=r"cut\.pdf: cannot be read as a PDF: .*truncated"):
        load_file(path, settings)


def test_text_named_pdf_is_corrupt(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(CorruptFile, match=r"notes\.pdf: cannot be read as a PDF"):
        load_file(_write(tmp_path / "notes.pdf", "just some text"), settings)


def test_image_only_pdf_needs_ocr(tmp_path: Path, settings: Settings) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(NoText, match="OCR") as caught:
        load_file(tmp_path / "scan.pdf", settings)
    assert caught.value.path == "scan.pdf"


def test_pdf_over_page_limit_is_refused(tmp_path: Path) -> None:
    path = _policy_pdf(tmp_path / "long.pdf")
    with pytest.raises(FileTooLarge, match=r"long\.pdf: claims 3 pages; at most 2"):
        load_file(path, Settings(index_dir=tmp_path / "idx", max_pages=2))


# --- checks shared by every format -------------------------------------------------------------------
def test_empty_file(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(EmptyFile, match=r"empty\.pdf: .*0 bytes"):
        load_file(_write(tmp_path / "empty.pdf", b""), settings)


def test_unknown_extension(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(UnsupportedFile, match=r"data\.xyz: files of type '\.xyz' are not supported"):
        load_file(_write(tmp_path / "data.xyz", "text"), settings)
    assert ".pdf" in SUPPORTED_EXTENSIONS and ".md" in SUPPORTED_EXTENSIONS


def test_file_over_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "word " * 100)
    with pytest.raises(FileTooLarge, match=r"big\.txt: 500 bytes is over the 105 bytes limit"):
        load_file(path, Settings(index_dir=tmp_path / "idx", max_file_mb=0.0001))


def test_missing_file(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(IngestError, match=r"gone\.txt: not a regular file"):
        load_file(tmp_path / "gone.txt", settings)


# --- Markdown -----------------------------------------------------------------------------------------
MARKDOWN = """---
title: Guidance for Managers
publisher: "UN Women"
date: 2021-10-28
---

# Responding to Reports

The event on **“Realizing zero tolerance”** was held with __partners__ and *peers* and _others_.
See the [Code of Conduct](#) and the [full guide](https://example.org/guide_(v2) "Guide").
It costs \\$5 \\(or less\\) — `snake_case` stays.

## Steps

- Listen **without judgement**
- Record the facts
1. First numbered step
2. Second step
   continues here
"""


def test_markdown_blocks_and_inline_markup(tmp_path: Path, settings: Settings) -> None:
    parsed = load_file(_write(tmp_path / "guide.md", MARKDOWN), settings)

    assert parsed.title == "Guidance for Managers"
    assert parsed.info["publisher"] == "UN Women" and parsed.info["date"] == "2021-10-28"
    assert [(b.kind, b.level, b.text) for b in parsed.blocks] == [
        ("heading", 1, "Responding to Reports"),
        (
            "text",
            0,
            "The event on “Realizing zero tolerance” was held with partners and peers and others. "
            "See the Code of Conduct and the full guide. It costs $5 (or less) — snake_case stays.",
        ),
        ("heading", 2, "Steps"),
        ("text", 0, "Listen without judgement"),
        ("text", 0, "Record the facts"),
        ("text", 0, "1. First numbered step"),
        ("text", 0, "2. Second step continues here"),
    ]
    assert "title:" not in _text(parsed)


def test_markdown_title_falls_back_to_first_h1(tmp_path: Path, settings: Settings) -> None:
    parsed = load_file(_write(tmp_path / "notes.md", "Intro text.\n\n## Minor\n\n# Main Title\n"), settings)
    assert parsed.title == "Main Title"


def test_binary_named_markdown_is_corrupt(tmp_path: Path, settings: Settings) -> None:
    path = _write(tmp_path / "image.md", bytes(range(256)) * 4)
    with pytest.raises(CorruptFile, match=r"image\.md: is not a Markdown file: .*binary"):
        load_file(path, settings)


def test_pdf_bytes_named_markdown_is_corrupt(tmp_path: Path, settings: Settings) -> None:
    path = _write(tmp_path / "report.md", _policy_pdf(tmp_path / "real.pdf").read_bytes())
    with pytest.raises(CorruptFile, match=r"report\.md: .*a PDF document"):
        load_file(path, settings)


# --- HTML ---------------------------------------------------------------------------------------------
HTML = """<!doctype html><html lang="en"><head><title> Guidance   Page </title>
<meta name="author" content="HR Team"><style>p { color: red }</style>
<script>var secret = "tracking code";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Sexual Harassment Guidance</h1>
<p>Harassment  is <b>never</b>
   acceptable.<br>Report it.</p>
<noscript>Enable JavaScript</noscript>
<ul><li>Speak to a manager</li><li>Call the <a href="#">helpline</a></li></ul>
<blockquote>Zero tolerance is a shared task.</blockquote>
<table><tr><td>Helpline</td><td>0800 123</td></tr></table>
<h2>Support</h2><div>Help is available.</div>
<script>document.write("late script")</script></body></html>"""


def test_html_blocks_without_scripts_or_styles(tmp_path: Path, settings: Settings) -> None:
    parsed = load_file(_write(tmp_path / "page.html", HTML), settings)

    assert parsed.title == "Guidance Page"
    assert parsed.info["author"] == "HR Team" and parsed.info["language"] == "en"
    assert [(b.kind, b.level, b.text) for b in parsed.blocks] == [
        ("heading", 1, "Sexual Harassment Guidance"),
        ("text", 0, "Harassment is never acceptable. Report it."),
        ("text", 0, "Speak to a manager"),
        ("text", 0, "Call the helpline"),
        ("text", 0, "Zero tolerance is a shared task."),
        ("text", 0, "Helpline"),
        ("text", 0, "0800 123"),
        ("heading", 2, "Support"),
        ("text", 0, "Help is available."),
    ]
    text = _text(parsed)
    for hidden in ("tracking code", "color", "late script", "Enable JavaScript", "Home"):
        assert hidden not in text


# --- DOCX ---------------------------------------------------------------------------------------------
def test_docx_headings_paragraphs_and_tables(tmp_path: Path, settings: Settings) -> None:
    document = docx.Document()
    document.core_properties.author = "Policy Unit"
    document.add_heading("Anti-Harassment Policy", level=0)
    document.add_heading("1. Purpose", level=1)
    document.add_paragraph("This policy protects everyone at work.")
    document.add_paragraph("")
    document.add_heading("Definitions", level=2)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Term"
    table.cell(0, 1).text = "Meaning"
    document.save(str(tmp_path / "policy.docx"))

    parsed = load_file(tmp_path / "policy.docx", settings)

    assert [(b.kind, b.level, b.text) for b in parsed.blocks] == [
        ("heading", 1, "Anti-Harassment Policy"),
        ("heading", 1, "1. Purpose"),
        ("text", 0, "This policy protects everyone at work."),
        ("heading", 2, "Definitions"),
        ("text", 0, "Term"),
        ("text", 0, "Meaning"),
    ]
    assert parsed.title == "Anti-Harassment Policy"
    assert parsed.info["author"] == "Policy Unit"


def test_docx_that_is_not_a_zip_is_corrupt(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(CorruptFile, match=r"broken\.docx: cannot be read as a DOCX: .*not a zip"):
        load_file(_write(tmp_path / "broken.docx", "plain text, not a zip"), settings)


def test_docx_zip_bomb_is_refused(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (51 * 1024 * 1024))
    with pytest.raises(CorruptFile, match=r"bomb\.docx: .*word/document\.xml unpacks to \d+ bytes"):
        load_file(path, settings)


# --- plain text ---------------------------------------------------------------------------------------
def test_cp1252_text_is_decoded(tmp_path: Path, settings: Settings) -> None:
    raw = "Caf\u00e9 Policy\n\nA \u201cquoted\u201d rule \u2013 applies\nto everyone.\n".encode("cp1252")
    parsed = load_file(_write(tmp_path / "legacy.txt", raw), settings)

    assert parsed.info["encoding"] == "cp1252"
    assert parsed.title == "Café Policy"
    assert [(b.kind, b.text) for b in parsed.blocks] == [
        ("heading", "Café Policy"),
        ("text", "A “quoted” rule – applies to everyone."),
    ]


def test_utf8_text_with_bom_and_list_lines(tmp_path: Path, settings: Settings) -> None:
    raw = "\ufeffThe speakers were:\n- Ms. A, Chair\n- Mr. B, Member\n\n5.3 Employers must act.\n"
    parsed = load_file(_write(tmp_path / "notes.txt", raw.encode("utf-8")), settings)

    assert parsed.info["encoding"] == "utf-8-sig"
    assert [b.text for b in parsed.blocks] == [
        "The speakers were:",
        "- Ms. A, Chair",
        "- Mr. B, Member",
        "5.3 Employers must act.",
    ]


def test_whitespace_only_text_has_no_text(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(NoText, match=r"blank\.txt: no text"):
        load_file(_write(tmp_path / "blank.txt", " \n\n \t\n"), settings)


def test_pdf_text_is_capped_per_page_and_per_document(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_loader, "MAX_PAGE_CHARS", 120)
    monkeypatch.setattr(pdf_loader, "MAX_DOCUMENT_CHARS", 200)
    parsed = load_file(_policy_pdf(tmp_path / "policy.pdf"), settings)

    assert len(_text(parsed)) <= 200 + 2 * len(parsed.blocks)
    assert {block.page for block in parsed.blocks} <= {1, 2}
    assert parsed.info["truncated"].startswith("text cut at page 2")
    assert parsed.page_count == 3


def test_markdown_setext_fences_tables_and_quotes(tmp_path: Path, settings: Settings) -> None:
    source = (
        "Policy Title\n============\n\nIntro line one\nline two.\n\n"
        "```\ncode *stays* raw\n```\n\n"
        "| Term | Meaning |\n|------|---------|\n| **Bystander** | A witness |\n\n"
        "> Quoted **advice**\n> continues.\n\n"
        "[ref]: https://example.org\n\n"
        "Numbered text follows:\n5.3 Employers must act.\n"
    )
    parsed = load_file(_write(tmp_path / "extras.markdown", source), settings)

    assert [(b.kind, b.text) for b in parsed.blocks] == [
        ("heading", "Policy Title"),
        ("text", "Intro line one line two."),
        ("text", "code *stays* raw"),
        ("text", "Term | Meaning"),
        ("text", "Bystander | A witness"),
        ("text", "Quoted advice continues."),
        ("text", "Numbered text follows:"),
        ("text", "5.3 Employers must act."),
    ]
    assert parsed.title == "Policy Title"


def test_a_paragraph_cut_by_a_page_break_is_one_block_over_both_pages() -> None:
    pages = [
        ["3.19 An event is any meeting held by the Agency.", "3.20 An intimate image is any photograph, video or other image"],
        ["that shows a person nude, whether it is genuine or altered digitally.", "3.21 A witness is anyone who saw it."],
    ]
    blocks = blocks_from_pages(pages)
    image = next(b for b in blocks if b.text.startswith("3.20"))
    assert image.text.endswith("other image that shows a person nude, whether it is genuine or altered digitally.")
    assert (image.page, image.page_end) == (1, 2)
    assert image.on_page(2) and not image.on_page(3)
    assert [(b.page, b.last_page) for b in blocks if b.text.startswith("3.21")] == [(2, 2)]


def test_a_footnote_between_the_halves_stays_after_the_joined_paragraph() -> None:
    pages = [
        ["2.6 If the person leaves the Agency before the matter is concluded, the Office", "",
         "2. Contractors are engaged under their own instruction.", "", "3. Staff Rule 10.4.", "",
         "4. Policy on data (IARE/POL/2021/05).", "", "5Statute of the Tribunal, article 7."],
        ["may complete its work.", "2.7 Nothing here limits other rules."],
    ]
    texts = [b.text for b in blocks_from_pages(pages)]
    assert texts[0] == "2.6 If the person leaves the Agency before the matter is concluded, the Office may complete its work."
    assert texts[1] == "2. Contractors are engaged under their own instruction."


def test_a_page_that_opens_a_new_sentence_or_heading_is_not_joined() -> None:
    pages = [["The list of contacts follows", "Annual report"], ["Contacts", "Write to the Ethics Office."]]
    blocks = blocks_from_pages([["A finished sentence."], ["Another one starts here."]])
    assert [(b.text, b.page, b.page_end) for b in blocks] == [("A finished sentence.", 1, None),
                                                              ("Another one starts here.", 2, None)]
    assert all(b.page_end is None for b in blocks_from_pages(pages))


def test_ligatures_and_non_breaking_hyphens_are_spelled_out() -> None:
    lines = page_lines("The con\ufb01dential \ufb01le of a non\u2011staff member is kept by the O\ufb03ce.")
    assert lines == ["The confidential file of a non-staff member is kept by the Office."]


def test_symbol_font_bullets_start_list_items() -> None:
    page = "Managers must:\n\uf0b7 listen without judging;\n\uf0a7 keep the matter confidential."
    assert [b.text for b in blocks_from_pages([page_lines(page)])] == [
        "Managers must:", "• listen without judging;", "• keep the matter confidential."]


def test_section_numbers_give_one_level_whatever_the_case_of_the_title() -> None:
    lines = ["1. Purpose", "This policy sets out the rules.", "4. Prohibited conduct", "Nobody may harass anyone.",
             "10. Supporting the affected person during a formal process", "Support is given throughout.",
             "4.1 Who is covered", "Everyone is covered."]
    headings = [(b.text, b.level) for b in page_blocks(lines, page=1, width=100) if b.kind == "heading"]
    assert headings == [("1. Purpose", 1), ("4. Prohibited conduct", 1),
                        ("10. Supporting the affected person during a formal process", 1), ("4.1 Who is covered", 2)]


def test_a_numbered_paragraph_in_a_narrow_column_is_no_heading() -> None:
    lines = ["Where can I get help?", "16.5 Focal points and managers may use the Staff",
             "Counsellor and the Employee Assistance", "Programme for their own support."]
    assert [(b.kind, b.text) for b in page_blocks(lines, page=11, width=80)][1:] == [
        ("text", "16.5 Focal points and managers may use the Staff Counsellor and the Employee Assistance Programme for "
                 "their own support.")]
