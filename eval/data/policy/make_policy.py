"""Write ``iare-sexual-harassment-policy.pdf``: a fictional policy used as a second evaluation corpus.

Run from the repository root (fpdf2 is a dev dependency):

    .venv/bin/python eval/data/policy/make_policy.py

The text lives in ``policy_text.py``; this script only lays it out. Layout: a cover page, a table
of contents, single-column pages for sections 1-2 and 10-17, sections 3-9 typeset in two columns
(fpdf2 ``text_columns``; they start below section 2 and fill five further pages), three annexes
(two ruled tables), a running header (organisation and document symbol), a "Page n of N" footer,
and footnotes printed at the bottom of the page that holds their reference. Footnote space is
reserved per page, so the layout is computed in a few passes until the page of every footnote
reference (and every section) stops moving. Metadata and the creation date are fixed: the same
text gives byte-identical files.

Choices that keep the text extractable in reading order by a line-based PDF loader: the two columns
are written column by column (never line by line across the page); single-column lines hold about
70 characters and two-column lines about 55, so a full column line is not mistaken for the short
last line of a paragraph; footnotes are labelled "1.", "2." so that each starts its own paragraph;
every table cell fits on one line and the rows are numbered, so each row reads as one line.
The font is STIX (a Times-like face shipped with matplotlib), so typographic quotes print.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import policy_text as T  # noqa: E402, N812 - the prose module, read as T.SECTION throughout
from policy_pdf import (  # noqa: E402 - beside this script
    BODY_LH,
    BODY_PT,
    COLS_GUTTER,
    COLS_LH,
    COLS_MARGIN,
    COLS_PT,
    FIXED_DATE,
    FN_NUMBER,
    FONT,
    MARGIN_TOP,
    MARGIN_X,
    MARK,
    NUM_W,
    OUTPUT,
    TABLE_W,
    PolicyPdf,
    footnote_height,
    typo,
)

# ---------------------------------------------------------------- single-column text


def start_fits(pdf: FPDF, text: str) -> bool:
    """Whether the first word of ``text`` fits on the current line (fpdf2 would split it otherwise)."""
    word = text.split(" ", 1)[0]
    return pdf.get_string_width(word) <= pdf.w - pdf.r_margin - pdf.x - 2 * pdf.c_margin


def write_rich(pdf: PolicyPdf, text: str, size: float = BODY_PT, lh: float = BODY_LH) -> None:
    """Write text with **bold** runs and [^key] footnote references, wrapping at the current margins."""
    bold = False
    for part in MARK.split(typo(text)):
        if part == "**":
            bold = not bold
        elif part.startswith("[^"):
            n = FN_NUMBER[part[2:-1]]
            pdf.set_font(FONT, "", size)
            pdf.char_vpos = "SUP"
            if not start_fits(pdf, str(n)):
                pdf.ln(lh)
            pdf.write(lh, str(n))
            pdf.char_vpos = "LINE"
            pdf.fn_pages[n] = pdf.page
        elif part:
            pdf.set_font(FONT, "B" if bold else "", size)
            if not start_fits(pdf, part):
                pdf.ln(lh)
            pdf.write(lh, part)
    pdf.ln(lh)


def write_hanging(pdf: PolicyPdf, label: str, text: str, indent: float, width: float) -> None:
    """A label in a column of its own, the text wrapped at ``indent + width`` (hanging indent)."""
    if pdf.will_page_break(BODY_LH * 2):
        pdf.add_page()
    pdf.set_x(MARGIN_X + indent)
    pdf.set_font(FONT, "", BODY_PT)
    pdf.cell(width, BODY_LH, label)
    pdf.set_left_margin(MARGIN_X + indent + width)
    write_rich(pdf, text)
    pdf.set_left_margin(MARGIN_X)
    pdf.set_x(MARGIN_X)


def list_labels(kind: str, count: int) -> list[str]:
    if kind == "ul":
        return ["\u2022"] * count
    if kind == "al":
        return [f"({chr(97 + i)})" for i in range(count)]
    return [f"{i + 1}." for i in range(count)]


def write_items_single(pdf: PolicyPdf, items: list, list_indent: float = NUM_W) -> None:
    for item in items:
        if isinstance(item, str):
            number, text = item.split(" ", 1)
            write_hanging(pdf, number, text, 0, NUM_W)
            pdf.ln(2)
        elif item[0] == "h":
            if pdf.will_page_break(20):
                pdf.add_page()
            pdf.set_font(FONT, "BI", BODY_PT + 0.5)
            pdf.cell(0, 6, typo(item[1]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        else:
            for label, text in zip(list_labels(item[0], len(item[1])), item[1], strict=False):
                write_hanging(pdf, label, text, list_indent, 8)
                pdf.ln(1)
            pdf.ln(1.5)


def section_heading(pdf: PolicyPdf, text: str) -> None:
    if pdf.will_page_break(25):
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def write_single_section(pdf: PolicyPdf, number: str, title: str, items: list) -> None:
    section_heading(pdf, f"{number}. {title}")
    pdf.sec_pages[number] = pdf.page
    write_items_single(pdf, items)


# ---------------------------------------------------------------- two-column text


def col_write(pdf: PolicyPdf, par, text: str) -> None:
    bold = False
    for part in MARK.split(typo(text)):
        if part == "**":
            bold = not bold
        elif part.startswith("[^"):
            raise ValueError("footnote references are not supported in the two-column part")
        elif part:
            pdf.set_font(FONT, "B" if bold else "", COLS_PT)
            par.write(part)


def write_two_column_sections(pdf: PolicyPdf, sections: list) -> None:
    """Sections in two columns, starting below the single-column text when there is room for it."""
    if pdf.will_page_break(70):
        pdf.add_page()
    else:
        pdf.ln(4)
    pdf.set_margins(COLS_MARGIN, MARGIN_TOP, COLS_MARGIN)  # the region takes the page margins
    with pdf.text_columns(ncols=2, gutter=COLS_GUTTER, text_align="JUSTIFY", line_height=COLS_LH) as cols:
        for number, title, _layout, items in sections:
            pdf.set_font(FONT, "B", 11)
            with cols.paragraph(top_margin=3, bottom_margin=2) as par:
                par.write(f"{number}. {title}")
            for item in items:
                if isinstance(item, str):
                    with cols.paragraph(bottom_margin=1.6) as par:
                        col_write(pdf, par, item)
                elif item[0] == "h":
                    pdf.set_font(FONT, "BI", COLS_PT + 0.5)
                    with cols.paragraph(top_margin=1.5, bottom_margin=1.2) as par:
                        par.write(typo(item[1]))
                else:
                    labels = list_labels(item[0], len(item[1]))
                    for label, text in zip(labels, item[1], strict=False):
                        pdf.set_font(FONT, "", COLS_PT)
                        with cols.paragraph(indent=7, bullet_string=label, bullet_r_margin=1.5,
                                            bottom_margin=1.0) as par:
                            col_write(pdf, par, text)
    pdf.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
    pdf.ln(2)


# ---------------------------------------------------------------- cover, contents, annexes


def write_cover(pdf: PolicyPdf) -> None:
    pdf.add_page()
    pdf.set_y(40)
    pdf.set_font(FONT, "B", 15)
    pdf.multi_cell(0, 8, T.ORG, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    pdf.cell(0, 7, f"({T.ACRONYM})", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(30)
    pdf.set_font(FONT, "B", 22)
    for line in T.TITLE_LINES:
        pdf.cell(0, 11, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(30)
    pdf.set_font(FONT, "", 10)
    with pdf.table(col_widths=(42, 88), width=130, borders_layout="HORIZONTAL_LINES",
                   first_row_as_headings=False, line_height=6) as table:
        for key, value in T.COVER:
            table.row((key, typo(value)))
    pdf.ln(20)
    pdf.set_font(FONT, "I", 9)
    pdf.multi_cell(0, 5, typo(T.COVER_NOTE), align="C")


def write_contents(pdf: PolicyPdf, pages: dict[str, int]) -> None:
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 9, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(FONT, "", 10)
    entries = [(f"{n}. {title}", n) for n, title, _l, _i in T.SECTIONS]
    entries += [(T.ANNEX1_TITLE, "A1"), (T.ANNEX2_TITLE, "A2"), (T.ANNEX3_TITLE, "A3")]
    for text, key in entries:
        pdf.cell(150, 6.5, text)
        pdf.cell(0, 6.5, str(pages.get(key, 0)), align="R", new_x="LMARGIN", new_y="NEXT")


def write_table(pdf: PolicyPdf, head: tuple, rows: list) -> None:
    """A ruled table whose cells each fit on one line, so that every row reads as one line of text.

    A first column numbers the rows ("1.", "2.", ...), as in many policy annexes.
    """
    size, padding = 9.0, 1.6
    head = ("No.", *head)
    rows = [(f"{i}.", *row) for i, row in enumerate(rows, start=1)]
    pdf.set_font(FONT, "B", size)
    need = [pdf.get_string_width(h) for h in head]
    pdf.set_font(FONT, "", size)
    for row in rows:
        need = [max(w, pdf.get_string_width(typo(c))) for w, c in zip(need, row, strict=False)]
    need = [w + 2 * padding + 1.5 for w in need]
    spare = TABLE_W - sum(need)
    if spare < 0:
        raise SystemExit(f"table {head[0]!r} too wide by {-spare:.1f} mm: shorten its cells")
    widths = [w + spare * w / sum(need) for w in need]
    pdf.set_draw_color(80)
    side = (pdf.w - TABLE_W) / 2
    pdf.set_margins(side, MARGIN_TOP, side)
    with pdf.table(width=TABLE_W, col_widths=widths, line_height=5.2, padding=padding, text_align="LEFT",
                   headings_style=FontFace(emphasis="BOLD", fill_color=(225, 225, 225)),
                   repeat_headings=1) as table:
        table.row(head)
        for row in rows:
            table.row(tuple(typo(c) for c in row))
    pdf.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
    pdf.set_draw_color(0)
    pdf.ln(4)


def write_annexes(pdf: PolicyPdf) -> None:
    for key, title, intro, head, rows in (
        ("A1", T.ANNEX1_TITLE, T.ANNEX1_INTRO, T.ANNEX1_HEAD, T.ANNEX1_ROWS),
        ("A2", T.ANNEX2_TITLE, T.ANNEX2_INTRO, T.ANNEX2_HEAD, T.ANNEX2_ROWS),
    ):
        pdf.add_page()
        pdf.sec_pages[key] = pdf.page
        pdf.set_font(FONT, "B", 12)
        pdf.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        pdf.set_font(FONT, "", BODY_PT)
        pdf.multi_cell(0, BODY_LH, typo(intro), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        write_table(pdf, head, rows)
    pdf.add_page()
    section_heading(pdf, T.ANNEX3_TITLE)
    pdf.sec_pages["A3"] = pdf.page
    write_items_single(pdf, T.ANNEX3)


# ---------------------------------------------------------------- assembly


def build(reserve: dict[int, float], pages: dict[str, int]) -> PolicyPdf:
    pdf = PolicyPdf(reserve)
    pdf.set_title(T.TITLE)
    pdf.set_author(f"{T.ORG} ({T.ACRONYM})")
    pdf.set_subject(f"{T.SYMBOL}, {T.VERSION}, effective {T.EFFECTIVE}")
    pdf.set_keywords("sexual harassment; policy; reporting; investigation; support; retaliation")
    pdf.set_creator("make_policy.py (fpdf2)")
    pdf.set_producer("fpdf2")
    pdf.set_creation_date(FIXED_DATE)
    write_cover(pdf)
    write_contents(pdf, pages)
    single_before = [s for s in T.SECTIONS if s[2] == 1 and int(s[0]) < 3]
    two = [s for s in T.SECTIONS if s[2] == 2]
    single_after = [s for s in T.SECTIONS if s[2] == 1 and int(s[0]) > 2]
    pdf.add_page()
    for number, title, _l, items in single_before:
        write_single_section(pdf, number, title, items)
    first_two = pdf.page + 1
    write_two_column_sections(pdf, two)
    for number, _t, _l, _i in two:
        pdf.sec_pages[number] = pages.get(number, first_two)
    pdf.add_page()
    for number, title, _l, items in single_after:
        write_single_section(pdf, number, title, items)
    write_annexes(pdf)
    return pdf


def two_column_section_pages(path: Path) -> dict[str, int]:
    """Read back the PDF to find the page on which each two-column section starts."""
    from pypdf import PdfReader

    found: dict[str, int] = {}
    reader = PdfReader(str(path))
    for number, title, layout, _i in T.SECTIONS:
        if layout != 2:
            continue
        for index, page in enumerate(reader.pages[2:], start=3):
            if f"{number}. {title}" in (page.extract_text() or ""):
                found[number] = index
                break
    return found


def write_policy(path: Path = OUTPUT) -> Path:
    reserve: dict[int, float] = {}
    pages: dict[str, int] = {}
    for _ in range(8):
        pdf = build(reserve, pages)
        pdf.output(str(path))
        new_pages = dict(pdf.sec_pages) | two_column_section_pages(path)
        # Reserved space only grows from pass to pass, so a footnote sitting on a page boundary
        # cannot make the layout oscillate.
        new_reserve = dict(reserve)
        for page in set(pdf.fn_pages.values()):
            notes = [n for n, p in pdf.fn_pages.items() if p == page]
            new_reserve[page] = max(reserve.get(page, 0.0), footnote_height(notes))
        if new_reserve == reserve and new_pages == pages:
            return path
        reserve, pages = new_reserve, new_pages
    raise SystemExit("layout did not settle")


if __name__ == "__main__":
    out = write_policy()
    print(out)
