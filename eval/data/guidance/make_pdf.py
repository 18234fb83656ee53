"""Render guidance.md (fictional IOMC guidance) to iomc-guidance.pdf with fpdf2: the third evaluation library.

Run from the repository root (fpdf2 is a dev dependency): ``.venv/bin/python eval/data/guidance/make_pdf.py``.
The text was written for this project (a fictional entity); LEFT_OUT.md lists what it leaves out on purpose. The
creation date and producer are fixed: the same text gives the same bytes.

Layout: A4, title page, running header, page-numbered footer, sections 2-3, 13
and 16 set in two columns, Table 1 as a ruled table (one line per cell),
footnotes rendered as endnotes ("Notes") with [n] markers in the text.
"""
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = Path(__file__).resolve().parent
SRC = HERE / "guidance.md"
OUT = HERE / "iomc-guidance.pdf"

FIXED_DATE = datetime(2024, 3, 14, tzinfo=UTC)
TWO_COLUMN_SECTIONS = {"2", "3", "13", "16"}
FONT = "Helvetica"

ASCII_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " ",
}


def to_ascii(s: str) -> str:
    for k, v in ASCII_MAP.items():
        s = s.replace(k, v)
    return s.encode("latin-1", "replace").decode("latin-1")


def inline(s: str) -> str:
    """Strip inline Markdown and turn footnote refs into [n]."""
    s = re.sub(r"\[\^(\d+)\]", r"[\1]", s)
    s = s.replace("**", "")
    return to_ascii(s)


# ---------------------------------------------------------------- parsing
def parse(md: str):
    lines = md.splitlines()
    title = None
    meta: list[tuple[str, str]] = []
    blocks: list[tuple[str, Any]] = []
    notes: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        ln = lines[i].rstrip()
        if not ln:
            i += 1
            continue
        if ln.startswith("# "):
            title = ln[2:].strip()
        elif ln.startswith("## "):
            blocks.append(("h2", ln[3:].strip()))
        elif ln.startswith("### "):
            blocks.append(("h3", ln[4:].strip()))
        elif ln.startswith("[^"):
            m = re.match(r"\[\^(\d+)\]:\s*(.*)", ln)
            assert m is not None
            notes.append((m.group(1), m.group(2)))
        elif ln.startswith("- "):
            blocks.append(("li", ln[2:].strip()))
        elif ln.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r"-+", c) for c in cells):
                    rows.append(cells)
                i += 1
            blocks.append(("table", rows))
            continue
        elif ln.startswith("**") and title is not None and not blocks:
            m = re.match(r"\*\*(.+?):\*\*\s*(.*)", ln)
            assert m is not None
            meta.append((m.group(1), m.group(2)))
        elif ln.startswith("**"):
            blocks.append(("caption", ln.strip("*")))
        else:
            blocks.append(("p", ln))
        i += 1
    return title, meta, blocks, notes


# ---------------------------------------------------------------- document
class GuidancePDF(FPDF):
    doc_ref = ""
    short_title = ""

    def header(self):
        if self.page_no() == 1:
            return
        self.set_font(FONT, "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.short_title, align="L")
        self.cell(0, 5, self.doc_ref, align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self):
        if self.page_no() == 1:
            return
        self.set_y(-14)
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def split_para_number(text):
    m = re.match(r"(\d+\.\d+)\s+(.*)", text)
    return (m.group(1), m.group(2)) if m else (None, text)


def title_page(pdf, title, meta):
    pdf.add_page()
    pdf.set_fill_color(16, 56, 96)
    pdf.rect(0, 0, pdf.w, 70, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(20, 25)
    pdf.set_font(FONT, "B", 15)
    pdf.cell(0, 8, "INTERNATIONAL OFFICE FOR MARITIME COOPERATION", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)
    pdf.set_font(FONT, "", 11)
    pdf.cell(0, 8, "Division of Human Resources Management", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(20, 95)
    pdf.set_font(FONT, "B", 22)
    main, _, sub = title.partition(":")
    pdf.multi_cell(170, 10, to_ascii(main + ":"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)
    pdf.set_font(FONT, "", 16)
    pdf.multi_cell(170, 8, to_ascii(sub.strip()), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(20)
    pdf.set_font(FONT, "", 10)
    for key, val in meta:
        if key == "Organization":
            continue
        pdf.set_x(20)
        pdf.set_font(FONT, "B", 10)
        pdf.cell(35, 6, to_ascii(key + ":"))
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(135, 6, to_ascii(val), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.set_xy(20, 262)
    pdf.set_font(FONT, "I", 8)
    pdf.multi_cell(170, 4, "For internal use by IOMC managers, Conduct Focal Points and staff. "
                   "This is a fictional document prepared for testing purposes.")


def render_single(pdf, kind, payload):
    if kind == "h2":
        if pdf.get_y() > pdf.h - 45:
            pdf.add_page()
        pdf.ln(3)
        pdf.set_font(FONT, "B", 13)
        pdf.set_text_color(16, 56, 96)
        pdf.multi_cell(0, 7, inline(payload), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1)
    elif kind == "h3":
        pdf.set_font(FONT, "B", 10)
        pdf.multi_cell(0, 5, inline(payload), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    elif kind == "p":
        num, body = split_para_number(payload)
        pdf.set_font(FONT, "", 10)
        if num:
            pdf.set_font(FONT, "B", 10)
            pdf.cell(11, 5, num)
            pdf.set_font(FONT, "", 10)
            pdf.multi_cell(0, 5, inline(body), align="J", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(0, 5, inline(body), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    elif kind == "li":
        pdf.set_font(FONT, "", 10)
        pdf.set_x(pdf.l_margin + 11)
        pdf.cell(5, 5, "-")
        pdf.multi_cell(0, 5, inline(payload), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    elif kind == "caption":
        pdf.ln(1)
        pdf.set_font(FONT, "B", 10)
        pdf.cell(0, 6, inline(payload), new_x="LMARGIN", new_y="NEXT")
    elif kind == "table":
        render_table(pdf, payload)


def render_table(pdf, rows):
    widths = (50, 40, 38, 42)  # sums to 170 (A4 minus 20 mm margins each side)
    pdf.set_font(FONT, "", 8.5)
    pad = 1.5
    # Check that every cell fits on one line.
    for r, row in enumerate(rows):
        pdf.set_font(FONT, "B" if r == 0 else "", 8.5)
        for c, txt in enumerate(row):
            if pdf.get_string_width(inline(txt)) > widths[c] - 2 * pad:
                sys.exit(f"table cell too wide for one line: {txt!r}")
    old_l, old_r = pdf.l_margin, pdf.r_margin
    pdf.set_font(FONT, "", 8.5)
    with pdf.table(
        col_widths=widths,
        width=sum(widths),
        line_height=6,
        text_align="LEFT",
        borders_layout="ALL",
        headings_style=FontFace(emphasis="BOLD", fill_color=(220, 228, 238)),
        padding=pad,
        align="CENTER",
    ) as table:
        for row in rows:
            tr = table.row()
            for txt in row:
                tr.cell(inline(txt))
    pdf.set_margins(old_l, pdf.t_margin, old_r)
    pdf.ln(4)


def render_columns(pdf, blocks):
    pdf.set_font(FONT, "", 9.5)
    with pdf.text_columns(ncols=2, gutter=7, text_align="J", balance=True) as cols:
        for kind, payload in blocks:
            if kind == "h2":
                pdf.set_font(FONT, "B", 13)
                pdf.set_text_color(16, 56, 96)
                with cols.paragraph(text_align="L", top_margin=2, bottom_margin=2) as par:
                    par.write(inline(payload))
                pdf.set_text_color(0, 0, 0)
            elif kind == "h3":
                pdf.set_font(FONT, "B", 9.5)
                with cols.paragraph(text_align="L", top_margin=1, bottom_margin=1) as par:
                    par.write(inline(payload))
            elif kind == "p":
                num, body = split_para_number(payload)
                with cols.paragraph(text_align="J", bottom_margin=2) as par:
                    if num:
                        pdf.set_font(FONT, "B", 9.5)
                        par.write(num + "  ")
                    pdf.set_font(FONT, "", 9.5)
                    par.write(inline(body))
            elif kind == "li":
                pdf.set_font(FONT, "", 9.5)
                with cols.paragraph(text_align="J", indent=5, bullet_string="-",
                                    bullet_r_margin=2, bottom_margin=1) as par:
                    par.write(inline(payload))
    pdf.set_font(FONT, "", 10)
    pdf.ln(2)


def main():
    title, meta, blocks, notes = parse(SRC.read_text(encoding="utf-8"))
    pdf = GuidancePDF(orientation="P", unit="mm", format="A4")
    pdf.doc_ref = dict(meta).get("Reference", "")
    pdf.short_title = "IOMC - Victim-Centred Approach to Sexual Harassment"
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(to_ascii(title))
    pdf.set_author("International Office for Maritime Cooperation (fictional)")
    pdf.set_producer("fpdf2")
    pdf.set_creation_date(FIXED_DATE)  # the same text gives the same bytes
    title_page(pdf, title, meta)

    # group blocks by section
    sections: list[list[tuple[str, Any]]] = []
    cur: list[tuple[str, Any]] = []
    for b in blocks:
        if b[0] == "h2":
            cur = [b]
            sections.append(cur)
        else:
            cur.append(b)

    pdf.add_page()
    for sec in sections:
        num = sec[0][1].split(".")[0]
        if num in TWO_COLUMN_SECTIONS:
            if pdf.get_y() > pdf.h - 60:
                pdf.add_page()
            render_columns(pdf, sec)
        else:
            for kind, payload in sec:
                render_single(pdf, kind, payload)

    # endnotes
    if pdf.get_y() > pdf.h - 60:
        pdf.add_page()
    pdf.ln(4)
    pdf.set_draw_color(120, 120, 120)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 50, pdf.get_y())
    pdf.ln(2)
    pdf.set_font(FONT, "B", 10)
    pdf.cell(0, 6, "Notes", new_x="LMARGIN", new_y="NEXT")
    for n, txt in notes:
        pdf.set_font(FONT, "", 8.5)
        pdf.cell(8, 4.5, f"[{n}]")
        pdf.multi_cell(0, 4.5, inline(txt), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    pdf.output(str(OUT))
    print(f"wrote {OUT} ({pdf.page_no()} pages)")


if __name__ == "__main__":
    main()
