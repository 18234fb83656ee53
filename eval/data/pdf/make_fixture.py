"""Write ``workplace-guidance-fixture.pdf``: the fictional guidance the PDF gold set (``eval/data/pdf_gold.jsonl``) asks about.

Run from the repository root after editing the text below (fpdf2 is a dev dependency):

    .venv/bin/python eval/data/pdf/make_fixture.py

Eight pages, each starting on a new page with its own numbered sections, so every fact sits on one
known page. A running header and a "Page n" footer are printed on every page (the PDF loader drops
them). The creation date is fixed: the same text gives byte-identical files. The text is written for
this fixture; the organization and its offices are invented.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "workplace-guidance-fixture.pdf"
TITLE = "Workplace Guidance on Sexual Harassment (fictional evaluation fixture)"
FIXED_DATE = datetime(2025, 1, 1, tzinfo=UTC)

Section = tuple[str, list[str]]  # heading, numbered paragraphs

PAGES: list[list[Section]] = [
    [  # page 1
        ("1. Purpose and scope", [
            "1.1 This guidance explains how the Meridian Institute for Regional Cooperation prevents and responds "
            "to sexual harassment. It is written for everyone who works with the Institute and for the managers "
            "who must act on what they are told.",
            "1.2 The guidance covers staff members, consultants, interns, volunteers and personnel of contractors "
            "working on Institute premises, whatever the length of their contract.",
            "1.3 It applies at the workplace and wherever work takes place, including field missions, conferences, "
            "after-hours social events linked to work, and messages sent through personal phones or social media.",
        ]),
        ("2. What counts as sexual harassment", [
            "2.1 Sexual harassment is any unwelcome conduct of a sexual nature that might reasonably be expected "
            "or perceived to cause offence or humiliation. A single serious incident is enough; a pattern of "
            "behaviour is not required.",
            "2.2 Examples include unwanted touching, comments about a person's body, repeated requests for dates "
            "after a refusal, sharing sexual images, and promising career benefits in exchange for sexual favours.",
            "2.3 What matters is the effect of the conduct on the person who experiences it, not whether the "
            "person responsible meant it as a joke.",
        ]),
    ],
    [  # page 2
        ("3. Reporting channels", [
            "3.1 A person who experiences or witnesses sexual harassment may choose any of the following channels, "
            "in any order, and may use more than one.",
            "3.2 The Conduct and Discipline Unit receives formal reports in writing, by email or in a meeting, "
            "and is the only office that can open a formal investigation.",
            "3.3 The Speak Safely line is a telephone and web service run by an external provider. It is open day "
            "and night, and a report made through it may be anonymous.",
            "3.4 A supervisor or manager who receives a report must pass it to the Conduct and Discipline Unit "
            "within two working days, even if the person asks them to keep it to themselves; they tell the person "
            "before they do so.",
            "3.5 The Ombudsperson listens in confidence and can help with informal resolution, but does not accept "
            "formal reports and keeps no case file with names.",
        ]),
        ("4. When to report", [
            "4.1 There is no deadline for reporting sexual harassment. Reporting soon after the events makes it "
            "easier to gather evidence, but a late report is never refused for being late.",
        ]),
    ],
    [  # page 3
        ("5. Informal resolution", [
            "5.1 Informal resolution is an option when the affected person wants the behaviour to stop without "
            "a formal process. It is always the choice of the affected person and never a condition for making "
            "a formal report later.",
            "5.2 The Ombudsperson may speak with the person responsible, arrange a facilitated conversation, or "
            "help the affected person write a letter describing the conduct and asking for it to end.",
            "5.3 The affected person is never required to meet the person responsible face to face.",
            "5.4 The affected person may stop the informal process at any time and file a formal report instead.",
            "5.5 Informal resolution is not used for allegations of sexual assault, for conduct involving a "
            "person under 18, or where the person responsible has been the subject of earlier reports.",
            "5.6 An informal process should normally be completed within 45 calendar days.",
        ]),
    ],
    [  # page 4
        ("6. Interim measures", [
            "6.1 While a report is being assessed or investigated, the Institute may take interim measures to "
            "protect the affected person, witnesses and the integrity of the process. Interim measures are not "
            "a finding that anyone did anything wrong.",
            "6.2 Possible measures include changing reporting lines, moving one person to another office or "
            "floor, adjusting work schedules, allowing remote work, and placing the person responsible on "
            "administrative leave with full pay.",
            "6.3 The Director of Human Resources decides on interim measures within five working days of a "
            "request, after hearing the affected person's views.",
            "6.4 Where someone has to move, the Institute should first consider moving the person responsible. "
            "The affected person is never moved or sent on leave against their wishes.",
            "6.5 Interim measures are reviewed every 30 days and lifted when they are no longer needed.",
        ]),
    ],
    [  # page 5
        ("7. Support for affected persons", [
            "7.1 Support is available whether or not the affected person decides to report, and it does not "
            "depend on the outcome of any investigation.",
            "7.2 The Staff Welfare Office offers confidential counselling. The Institute also pays for up to "
            "twelve sessions with an external counsellor chosen by the affected person.",
            "7.3 A Victim Support Coordinator is assigned on request. The coordinator explains the options, "
            "helps with practical arrangements such as medical appointments, and stays in contact throughout "
            "the process.",
            "7.4 The affected person may bring a support person of their choice to any interview. The support "
            "person may not answer questions on their behalf.",
            "7.5 Information about the affected person is shared only with those who need it to provide support "
            "or to carry out the process.",
        ]),
    ],
    [  # page 6
        ("8. Investigation steps and timelines", [
            "8.1 The Conduct and Discipline Unit acknowledges every formal report within three working days.",
            "8.2 A preliminary assessment decides whether the report, if proven, would amount to sexual "
            "harassment and whether there is enough information to investigate. It is completed within "
            "fifteen working days.",
            "8.3 If an investigation is opened, the person responsible is informed of the allegations in "
            "writing and given the chance to respond, and both sides may propose witnesses.",
            "8.4 Investigators interview the affected person first and try to do so only once. They may "
            "collect emails, messages and other documents, and make a written record of each interview.",
            "8.5 Investigations should be completed within 120 calendar days. The Unit may extend this once, "
            "by up to 60 days, and must explain the reasons for the delay to both parties in writing.",
            "8.6 At the end of the investigation both the affected person and the person responsible are "
            "told the outcome in writing, including any disciplinary measure that was imposed.",
        ]),
    ],
    [  # page 7
        ("9. Protection against retaliation", [
            "9.1 Retaliation means any harmful action taken against someone because they reported sexual "
            "harassment, helped someone else to report, or took part in an investigation as a witness.",
            "9.2 Retaliation is misconduct in its own right and is handled as seriously as the original "
            "conduct, whether or not the original report is later proven.",
            "9.3 A person who believes they are facing retaliation may ask the Ethics Office for protection. "
            "The Ethics Office carries out a preliminary review within 30 days.",
            "9.4 Where the review finds a credible case, the Ethics Office may recommend that a contract "
            "decision be suspended or a performance evaluation be redone by another manager.",
            "9.5 Managers must watch for subtle forms of retaliation, such as excluding someone from meetings "
            "or giving them less visible work after a report.",
            "9.6 Protection from retaliation continues for two years after the conclusion of the case.",
        ]),
    ],
    [  # page 8
        ("10. Training duties", [
            "10.1 Every new member of personnel completes the online course on preventing sexual harassment "
            "within their first month at the Institute.",
            "10.2 The course must be repeated every two years.",
            "10.3 Managers also attend a half-day workshop each year on receiving reports and preventing "
            "retaliation in their teams.",
            "10.4 Completion of training is recorded, and a manager whose team falls behind must explain why "
            "to the Director of Human Resources.",
        ]),
        ("11. Bystander responsibilities", [
            "11.1 Everyone who witnesses sexual harassment has a role in stopping it. A bystander may "
            "interrupt the situation, check on the affected person afterwards, ask someone with authority "
            "to step in, or keep a written note of what they saw.",
            "11.2 A bystander is never expected to put their own safety at risk.",
            "11.3 A manager who witnesses sexual harassment must report it to the Conduct and Discipline Unit, "
            "whether or not the affected person makes a report.",
        ]),
    ],
]


class FixturePdf(FPDF):
    """A page with a running header and a page-numbered footer, as in most published guidance."""

    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, "Meridian Institute - Workplace Guidance on Sexual Harassment", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 6, f"Page {self.page_no()}", align="C")


def write_section(pdf: FPDF, heading: str, paragraphs: list[str]) -> None:
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.ln(3)


def write_fixture(path: Path = FIXTURE) -> Path:
    """One PDF page per entry of ``PAGES``; a page that overflows is an error (facts would move)."""
    pdf = FixturePdf()
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(TITLE)
    pdf.set_creation_date(FIXED_DATE)
    for number, sections in enumerate(PAGES, start=1):
        pdf.add_page()
        for heading, paragraphs in sections:
            write_section(pdf, heading, paragraphs)
        if pdf.page_no() != number:
            raise SystemExit(f"page {number} of the fixture text does not fit on one PDF page")
    pdf.output(str(path))
    return path


if __name__ == "__main__":
    write_fixture()
