"""The page of the fictional IARE policy (``make_policy.py`` lays the text out on it): fonts, margins, the
running header and footer, and footnotes numbered in order of reference and printed on their page."""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import policy_text as T  # noqa: E402, N812 - the prose module, read as T.SECTION throughout

OUTPUT = HERE / "iare-sexual-harassment-policy.pdf"
FIXED_DATE = datetime(2023, 7, 14, 9, 0, tzinfo=UTC)
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "STIX"

MARGIN_X = 36.0  # single-column pages: a narrow text block of about 70 characters a line
HEADER_X = 18.0  # running header and footer
TABLE_W = 172.0  # tables are centred and wider than the text block
MARGIN_TOP = 24.0
MARGIN_BOTTOM = 22.0  # space kept for the footer; footnotes add to it on their page
NUM_W = 14.0  # width of the paragraph-number column (hanging indent)
BODY_PT, BODY_LH = 12.0, 5.8
COLS_MARGIN, COLS_GUTTER = 15.0, 7.0  # two-column pages: outer margins and gutter (mm)
COLS_PT, COLS_LH = 9.0, 1.45  # two-column pages: size (pt) and line height (factor)
FN_PT, FN_LH = 8.0, 3.6
MARK = re.compile(r"(\*\*|\[\^[a-z]+\])")


def footnote_numbers() -> dict[str, int]:
    """Footnotes are numbered in the order of their first reference in the text."""
    keys: list[str] = []
    for _n, _t, _l, items in T.SECTIONS:
        for item in items:
            texts = [item] if isinstance(item, str) else item[1] if isinstance(item[1], list) else []
            for text in texts:
                keys += [k for k in re.findall(r"\[\^([a-z]+)\]", text) if k not in keys]
    if sorted(keys) != sorted(T.FOOTNOTES):
        raise SystemExit("every footnote must be referenced exactly once")
    return {key: number for number, key in enumerate(keys, start=1)}


FN_NUMBER = footnote_numbers()
FN_TEXT = {FN_NUMBER[key]: text for key, text in T.FOOTNOTES.items()}


def typo(text: str) -> str:
    """Straight apostrophes of the source text become typographic ones."""
    return text.replace("'", "\u2019")


class PolicyPdf(FPDF):
    def __init__(self, reserve: dict[int, float]) -> None:
        super().__init__(format="A4")
        self.reserve = reserve  # page -> footnote height to keep free at the bottom
        self.fn_pages: dict[int, int] = {}  # footnote number -> page of its reference
        self.sec_pages: dict[str, int] = {}
        self.plain_pages: set[int] = {1}  # the cover has no header or footer
        for style, name in (("", "STIXGeneral"), ("B", "STIXGeneralBol"), ("I", "STIXGeneralItalic"),
                            ("BI", "STIXGeneralBolIta")):
            self.add_font(FONT, style, str(FONT_DIR / f"{name}.ttf"))
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        self.set_auto_page_break(True, MARGIN_BOTTOM)
        self.alias_nb_pages("{nb}")

    def header(self) -> None:
        self.set_auto_page_break(True, MARGIN_BOTTOM + self.reserve.get(self.page, 0.0))
        if self.page in self.plain_pages:
            return
        self.set_xy(HEADER_X, 10)
        self.set_font(FONT, "", 9)
        self.set_text_color(90)
        self.cell(self.w - 2 * HEADER_X, 5, f"{T.ORG} ({T.ACRONYM})", align="L")
        self.set_x(HEADER_X)
        self.cell(self.w - 2 * HEADER_X, 5, T.SYMBOL, align="R")
        self.line(HEADER_X, 16, self.w - HEADER_X, 16)
        self.set_text_color(0)
        self.set_xy(MARGIN_X, MARGIN_TOP)

    def footer(self) -> None:
        if self.page in self.plain_pages:
            return
        notes = [n for n, page in sorted(self.fn_pages.items()) if page == self.page]
        if notes:
            self.set_y(self.h - MARGIN_BOTTOM - self.reserve.get(self.page, footnote_height(notes)) + 2)
            self.line(MARGIN_X, self.y, MARGIN_X + 50, self.y)
            self.ln(1.5)
            for n in notes:
                write_footnote(self, n)
        self.set_y(-14)
        self.set_font(FONT, "", 8)
        self.set_text_color(90)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0)


def write_footnote(pdf: FPDF, n: int) -> None:
    pdf.set_font(FONT, "", FN_PT)
    pdf.set_x(MARGIN_X)
    pdf.cell(6, FN_LH, f"{n}.")
    pdf.multi_cell(0, FN_LH, typo(FN_TEXT[n]), new_x="LMARGIN", new_y="NEXT")


_MEASURE: list[FPDF] = []


def footnote_height(notes: list[int]) -> float:
    """Height of the footnote block for ``notes``, measured on a scratch document."""
    if not _MEASURE:
        _MEASURE.append(PolicyPdf({}))
        _MEASURE[0].add_page()
    pdf = _MEASURE[0]
    pdf.set_font(FONT, "", FN_PT)
    width = pdf.w - 2 * MARGIN_X - 6
    lines = 0
    for n in notes:
        pdf.set_y(MARGIN_TOP)
        lines += len(pdf.multi_cell(width, FN_LH, typo(FN_TEXT[n]), dry_run=True, output="LINES"))  # type: ignore[arg-type]
    return lines * FN_LH + 6
