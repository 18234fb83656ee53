#!/usr/bin/env python
"""Render policy.md (a small markdown dialect) to harbourlight-policy.pdf with fpdf2: the fifth evaluation library.

The text was written for this project by a separate session that had not seen how answers are made (a fictional
NGO, Harbourlight Relief); LEFT_OUT.md lists what it leaves out on purpose. Run from the repository root (fpdf2 is a
dev dependency): ``.venv/bin/python eval/data/harbourlight/make_pdf.py``. Layout: A4, title page with a list of
contents, running header and "Page X of N" footer, two sections in two columns, a ruled table of time limits,
footnotes at the foot of their page.

Dialect:
  % line            title-page lines (first = organisation, second = title, rest = meta)
  # heading         section heading (new section)
  ## heading        sub-heading
  - item            bullet item
  | a | b | c |     table row (a |---| row is skipped)
  <!-- columns: N -->  switch to N-column layout (1 or 2)
  **bold**          bold run
  [^n]              footnote marker; "[^n]: text" defines it (rendered at page bottom)
"""
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = Path(__file__).resolve().parent
SRC = HERE / "policy.md"
OUT = HERE / "harbourlight-policy.pdf"
FIXED_DATE = datetime(2024, 11, 14, tzinfo=UTC)  # the same text gives the same bytes

BODY_PT = 10.5
LINE_H = 5.3
NOTE_PT = 8
NOTE_LINE_H = 3.8
BASE_B = 20  # bottom margin without footnotes
FOOT_ZONE = 16  # distance from page bottom where the footnote block ends

ASCII_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " ",
    "\u2022": "-",
}


def clean(s):
    for k, v in ASCII_MAP.items():
        s = s.replace(k, v)
    return s.encode("latin-1", "replace").decode("latin-1")


def parse(path):
    lines = [clean(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    title: list[str] = []
    blocks: list[tuple[str, Any]] = []
    notes: dict[str, str] = {}
    para: list[str] = []

    def flush():
        if para:
            blocks.append(("para", "\n".join(para)))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        m_note = re.match(r"\[\^(\d+)\]:\s*(.*)", s)
        m_cols = re.match(r"<!--\s*columns:\s*(\d)\s*-->", s)
        if not s:
            flush()
        elif s.startswith("% "):
            title.append(s[2:])
        elif m_note:
            flush()
            notes[m_note.group(1)] = m_note.group(2)
        elif m_cols:
            flush()
            blocks.append(("cols", int(m_cols.group(1))))
        elif s.startswith("## "):
            flush()
            blocks.append(("h2", s[3:]))
        elif s.startswith("# "):
            flush()
            blocks.append(("h1", s[2:]))
        elif s.startswith("- "):
            flush()
            items = []
            while i < len(lines) and lines[i].strip().startswith("- "):
                items.append(lines[i].strip()[2:])
                i += 1
            blocks.append(("bullets", items))
            continue
        elif s.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r"-+", c) for c in cells):
                    rows.append(cells)
                i += 1
            blocks.append(("table", rows))
            continue
        else:
            para.append(s)
        i += 1
    flush()
    return title, blocks, notes


TOKEN = re.compile(r"(\*\*|\[\^\d+\])")


def plain(text):
    """Text as it will appear, for height estimates."""
    return re.sub(r"\[\^(\d+)\]", r"\1", text.replace("**", ""))


class PolicyPDF(FPDF):
    def __init__(self, title, notes):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.doc_title = title
        self.notes = notes
        self.page_notes = {}  # page -> list of note numbers
        self.set_margins(22, 24, 22)
        self.set_auto_page_break(True, BASE_B)
        self.alias_nb_pages()
        self.set_title(title[1])
        self.set_author(title[0])

    # ---- page furniture -------------------------------------------------
    def header(self):
        self.set_auto_page_break(True, BASE_B)
        if self.page == 1:
            return
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(self.l_margin, 11)
        self.cell(80, 4, "Harbourlight Relief")
        self.set_xy(self.w - self.r_margin - 100, 11)
        self.cell(100, 4, "HR-POL-014  Preventing and Responding to Sexual Harassment", align="R")
        self.set_draw_color(0, 92, 120)
        self.set_line_width(0.3)
        self.line(self.l_margin, 16, self.w - self.r_margin, 16)
        self.set_text_color(0, 0, 0)
        self.set_y(self.t_margin)

    def footer(self):
        if self.page == 1:
            return
        nums = self.page_notes.get(self.page, [])
        if nums:
            h = self.notes_height(nums)
            y0 = self.h - FOOT_ZONE - h
            self.set_draw_color(0, 0, 0)
            self.set_line_width(0.2)
            self.line(self.l_margin, y0 - 1.5, self.l_margin + 45, y0 - 1.5)
            self.set_y(y0)
            for n in nums:
                self.render_note(n)
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)

    # ---- footnotes ------------------------------------------------------
    def note_width(self):
        return self.w - self.l_margin - self.r_margin

    def notes_height(self, nums):
        self.set_font("Helvetica", "", NOTE_PT)
        total = 0.0
        for n in nums:
            lines: Any = self.multi_cell(self.note_width() - 5, NOTE_LINE_H, self.notes[n],
                                         dry_run=True, output="LINES")
            total += len(lines) * NOTE_LINE_H + 0.8
        return total

    def render_note(self, n):
        x = self.l_margin
        y = self.get_y()
        self.set_font("Helvetica", "", NOTE_PT - 1.5)
        self.set_xy(x, y - 0.6)
        self.cell(5, NOTE_LINE_H, n)
        self.set_font("Helvetica", "", NOTE_PT)
        self.set_xy(x + 5, y)
        self.multi_cell(self.note_width() - 5, NOTE_LINE_H, self.notes[n],
                        new_x="LMARGIN", new_y="NEXT")
        self.set_y(self.get_y() + 0.8)

    def reserve_notes(self, text, width):
        """Make sure a paragraph carrying footnote markers and its notes fit on the page."""
        nums = re.findall(r"\[\^(\d+)\]", text)
        if not nums:
            return
        self.set_font("Helvetica", "", BODY_PT)
        wrapped: Any = self.multi_cell(width, LINE_H, plain(text), dry_run=True, output="LINES")
        est = len(wrapped)
        para_h = (est + 1) * LINE_H
        cur = self.page_notes.get(self.page, [])
        need_notes = self.notes_height(cur + nums) + 4
        if self.get_y() + para_h > self.h - max(BASE_B, FOOT_ZONE + need_notes):
            self.add_page()
            cur = []
        self.page_notes[self.page] = cur + nums
        self.set_auto_page_break(True, max(BASE_B, FOOT_ZONE + self.notes_height(cur + nums) + 4))
        self.set_font("Helvetica", "", BODY_PT)

    # ---- inline rich text ----------------------------------------------
    def rich(self, text, bold_base=False):
        bold = bold_base
        self.set_font("Helvetica", "B" if bold else "", BODY_PT)
        for tok in TOKEN.split(text):
            if not tok:
                continue
            if tok == "**":
                bold = not bold
                self.set_font("Helvetica", "B" if bold else "", BODY_PT)
            elif tok.startswith("[^"):
                n = tok[2:-1]
                self.char_vpos = "SUP"
                self.write(LINE_H, n)
                self.char_vpos = "LINE"
            else:
                self.write(LINE_H, tok)
        self.set_font("Helvetica", "", BODY_PT)

    # ---- blocks (single column) -----------------------------------------
    def h1(self, text):
        if self.get_y() > self.page_break_trigger - 30:
            self.add_page()
        self.ln(3)
        self.set_font("Helvetica", "B", 13.5)
        self.set_text_color(0, 92, 120)
        self.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(1.5)

    def h2(self, text):
        if self.get_y() > self.page_break_trigger - 20:
            self.add_page()
        self.ln(1)
        self.set_font("Helvetica", "B", 11)
        self.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(0.5)

    def paragraph(self, text):
        m = re.match(r"^(\d+\.\d+)\s+(.*)$", text, re.S)
        full_w = self.w - self.l_margin - self.r_margin
        if m:  # numbered clause with hanging indent
            num, body = m.groups()
            indent = 11
            self.reserve_notes(body, full_w - indent)
            base = self.l_margin
            self.set_font("Helvetica", "B", BODY_PT)
            self.set_x(base)
            self.cell(indent, LINE_H, num)
            self.set_left_margin(base + indent)
            self.rich(body)
            self.set_left_margin(base)
        elif "\n" in text:  # FAQ: first line question, rest answer
            self.reserve_notes(text, full_w)
            q, a = text.split("\n", 1)
            if self.get_y() > self.page_break_trigger - 3 * LINE_H:
                self.add_page()
            self.set_x(self.l_margin)
            self.rich(q)
            self.ln(LINE_H)
            self.rich(a.replace("\n", " "))
        else:
            self.reserve_notes(text, full_w)
            self.set_x(self.l_margin)
            self.rich(text)
        self.ln(LINE_H)
        self.ln(2.2)

    def bullets(self, items):
        base = self.l_margin
        full_w = self.w - self.l_margin - self.r_margin
        for it in items:
            self.reserve_notes(it, full_w - 7)
            if self.get_y() + LINE_H > self.page_break_trigger:
                self.add_page()
            y = self.get_y()
            self.set_fill_color(0, 92, 120)
            self.ellipse(base + 2.2, y + LINE_H / 2 - 0.8, 1.6, 1.6, style="F")
            self.set_left_margin(base + 7)
            self.set_x(base + 7)
            self.rich(it)
            self.set_left_margin(base)
            self.ln(LINE_H)
            self.ln(0.8)
        self.ln(1.4)

    def table_block(self, rows):
        self.set_font("Helvetica", "", 9.5)
        self.set_draw_color(60, 60, 60)
        self.set_line_width(0.25)
        self.set_fill_color(255, 255, 255)
        head = FontFace(emphasis="BOLD", fill_color=(214, 230, 236))
        with self.table(col_widths=(46, 34, 34), line_height=5, padding=1.6,
                        headings_style=head, first_row_as_headings=True,
                        borders_layout="ALL", text_align="LEFT",
                        cell_fill_mode="NONE") as table:
            for r in rows:
                row = table.row()
                for c in r:
                    row.cell(c)
        self.ln(4)

    # ---- two-column regions --------------------------------------------
    def columns(self, blocks):
        with self.text_columns(ncols=2, gutter=8, balance=True, text_align="LEFT",
                               line_height=1.25) as cols:
            for kind, val in blocks:
                if kind == "h2":
                    with cols.paragraph(top_margin=2.5, bottom_margin=1) as p:
                        self.set_font("Helvetica", "B", 11)
                        p.write(val)
                elif kind == "para":
                    with cols.paragraph(bottom_margin=2.2) as p:
                        bold = False
                        self.set_font("Helvetica", "", BODY_PT - 0.5)
                        for tok in TOKEN.split(val.replace("\n", " ")):
                            if tok == "**":
                                bold = not bold
                                self.set_font("Helvetica", "B" if bold else "", BODY_PT - 0.5)
                            elif tok and not tok.startswith("[^"):
                                p.write(tok)
                elif kind == "bullets":
                    for it in val:
                        with cols.paragraph(indent=5, bullet_string="-", bottom_margin=1) as p:
                            self.set_font("Helvetica", "", BODY_PT - 0.5)
                            p.write(it.replace("**", ""))
                else:
                    raise ValueError(f"unsupported block in columns: {kind}")
        self.set_font("Helvetica", "", BODY_PT)
        self.ln(3)

    # ---- title & contents -----------------------------------------------
    def title_page(self, sections):
        self.add_page()
        self.set_fill_color(0, 92, 120)
        self.rect(0, 0, self.w, 70, style="F")
        self.set_text_color(255, 255, 255)
        self.set_font("Helvetica", "B", 26)
        self.set_xy(22, 26)
        self.cell(0, 12, self.doc_title[0])
        self.set_font("Helvetica", "", 11)
        self.set_xy(22, 40)
        self.cell(0, 6, "Humanitarian assistance and recovery since 1987")
        self.set_text_color(0, 0, 0)
        self.set_xy(22, 95)
        self.set_font("Helvetica", "B", 20)
        self.multi_cell(150, 10, self.doc_title[1], new_x="LMARGIN", new_y="NEXT")
        self.ln(8)
        self.set_font("Helvetica", "", 10.5)
        for meta in self.doc_title[2:]:
            for part in meta.split(" | "):
                self.cell(0, 6, part, new_x="LMARGIN", new_y="NEXT")
        self.ln(10)
        self.set_font("Helvetica", "B", 11)
        self.cell(0, 7, "Contents", new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 9.5)
        half = (len(sections) + 1) // 2
        y0 = self.get_y()
        for i, s in enumerate(sections):
            col = 0 if i < half else 1
            self.set_xy(22 + col * 85, y0 + (i % half) * 5)
            self.cell(83, 5, s)
        self.set_y(y0 + half * 5 + 10)
        self.set_font("Helvetica", "I", 8.5)
        self.multi_cell(0, 4.5, "This policy applies to all offices of Harbourlight Relief. "
                        "Printed copies are uncontrolled; the current version is held on the staff intranet.",
                        new_x="LMARGIN", new_y="NEXT")


def main():
    title, blocks, notes = parse(SRC)
    pdf = PolicyPDF(title, notes)
    sections = [v for k, v in blocks if k == "h1"]
    pdf.title_page(sections)
    pdf.add_page()
    i = 0
    while i < len(blocks):
        kind, val = blocks[i]
        if kind == "cols" and val == 2:
            j = i + 1
            region = []
            while not (blocks[j][0] == "cols" and blocks[j][1] == 1):
                region.append(blocks[j])
                j += 1
            pdf.columns(region)
            i = j + 1
            continue
        if kind == "h1":
            pdf.h1(val)
        elif kind == "h2":
            pdf.h2(val)
        elif kind == "para":
            pdf.paragraph(val)
        elif kind == "bullets":
            pdf.bullets(val)
        elif kind == "table":
            pdf.table_block(val)
        i += 1
    pdf.set_creation_date(FIXED_DATE)
    pdf.output(str(OUT))
    print("pages:", pdf.page_no())


if __name__ == "__main__":
    main()
