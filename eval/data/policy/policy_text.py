"""Text of the fictional IARE policy on sexual harassment, rendered by ``make_policy.py``.

All prose was written for this evaluation corpus; the Agency, its offices, rules, people,
telephone number and web addresses are invented (the number is in a range reserved for fiction
and the web addresses use the reserved ``.example`` domain).

Markup understood by the renderer:
  ``**bold**``   bold text
  ``[^key]``     reference to footnote ``key`` (text in ``FOOTNOTES``); footnotes are numbered
               in order of appearance
  ``'``          printed as a typographic apostrophe
Items of a section: a plain string is a numbered paragraph; ``("h", text)`` a sub-heading;
``("ul", [...])`` a bulleted list; ``("al", [...])`` a list labelled (a), (b)...;
``("nl", [...])`` a list labelled 1., 2., ...
"""

from policy_sections_late import SECTIONS_13_TO_17
from policy_sections_mid import SECTIONS_5_TO_12

ORG = "International Agency for Rural Electrification"
ACRONYM = "IARE"
SYMBOL = "IARE/POL/2023/07"
TITLE = "Policy on the Prevention of, and Response to, Sexual Harassment"
TITLE_LINES = ("Policy on the Prevention of, and", "Response to, Sexual Harassment")
VERSION = "Version 2.0"
EFFECTIVE = "1 September 2023"

COVER = [
    ("Document symbol", SYMBOL),
    ("Version", "2.0 (replaces version 1.3 of 15 March 2018)"),
    ("Effective date", EFFECTIVE),
    ("Approved by", "The Director-General, 14 July 2023"),
    ("Policy owner", "Director, Human Resources Division"),
    ("Next scheduled review", "September 2026"),
    ("Distribution", "All personnel; published on the Agency's public website"),
]

COVER_NOTE = (
    "This policy applies to everyone who works for or with the Agency. Questions about it may be "
    "addressed to the Human Resources Division at respect.policy@iare.example. Information on how "
    "to report sexual harassment and on the support available is summarised in Annex 2."
)

FOOTNOTES = {
    "supersede": "This policy supersedes Policy IARE/POL/2018/03, “Prohibition of Harassment and Abuse of Authority”, "
       "insofar as that policy applied to sexual harassment. Matters reported before 1 September 2023 are "
       "completed under the procedures that were in force when they were reported.",
    "nonstaff": "Non-staff personnel are engaged under Administrative Instruction IARE/AI/2019/03 on Consultants, "
       "Individual Contractors and Interns. Their contracts incorporate this policy by reference.",
    "events": "Participants are also bound by the Code of Conduct for Agency Events (IARE/INF/2022/11), which "
       "the organising office sends to every registered participant together with the letter of invitation.",
    "ombuds": "Terms of Reference of the Office of the Ombudsperson, Director-General's Bulletin IARE/DGB/2018/06, "
       "paragraph 9. The Ombudsperson reports only anonymised statistics to the Director-General.",
    "days": "Working days are counted according to the official holiday calendar of the duty station where the "
       "person concerned is based. A time limit that ends on a non-working day is extended to the next "
       "working day.",
    "proof": "Staff Rule 10.1(c) of the IARE Staff Regulations and Rules (IARE/SR/2021, as amended). The same "
       "standard applies to findings of sexual harassment under paragraph 9.11.",
    "admin": "Staff Rule 10.4. Administrative leave is not a disciplinary measure, and the time spent on it "
       "counts as service for all purposes.",
    "special": "Staff Rule 5.3(b). Non-staff personnel may be granted an equivalent period of excused absence by "
       "the manager of their contract without loss of fees.",
    "retaliation": "Policy on Protection against Retaliation for Reporting Misconduct and for Cooperating with Audits "
       "or Investigations (IARE/POL/2020/02). Where the two policies differ, the provision that gives "
       "greater protection to the person concerned prevails.",
    "tribunal": "Statute of the Independent Appeals Tribunal, article 7. The Tribunal may waive the time limit "
        "only in exceptional cases and on a written request made before the limit expires.",
    "data": "Policy on the Protection of Personal Data (IARE/POL/2021/05). Requests to exercise data-protection "
        "rights are addressed to the Data Protection Officer at privacy@iare.example.",
    "provider": "The SafeVoice line is operated under contract by Nordlys Integrity Services AS, an independent "
        "company that has no access to Agency personnel records. Calls to the line are not recorded.",
}

SECTIONS = [
    ("1", "Purpose", 1, [
        "1.1 The International Agency for Rural Electrification (the “Agency”) is committed to a "
        "workplace in which every person is treated with dignity and respect and can work without fear of "
        "sexual harassment. Sexual harassment is serious misconduct. It harms the people who experience "
        "it, erodes trust between colleagues and weakens the Agency's ability to deliver its mandate.",
        "1.2 This policy sets out:",
        ("al", [
            "what the Agency means by sexual harassment and which conduct it prohibits;",
            "the responsibilities of the Director-General, managers, the offices concerned and all personnel;",
            "the measures the Agency takes to prevent sexual harassment from happening;",
            "the ways in which a concern can be raised and how it will be handled; and",
            "the support and protection available to people affected by sexual harassment.",
        ]),
        "1.3 The Agency applies **zero tolerance** to sexual harassment. This means that every report is "
        "taken seriously, assessed promptly and acted upon, and that nobody is exempt because of their "
        "grade, function, reputation or length of service.",
        "1.4 The policy follows a **victim-centred approach**: the rights, safety, wishes and well-being of "
        "the affected person guide every decision taken under it, while the right of the person whose "
        "conduct is in question to a fair process is fully respected.",
        "1.5 This policy is version 2.0 of the Agency's rules on the subject and takes effect on "
        "1 September 2023.[^supersede] It should be read together with the IARE Staff Regulations and Rules and "
        "with the other policies referred to in the footnotes.",
    ]),
    ("2", "Scope", 1, [
        "2.1 This policy applies to all **personnel** of the Agency, namely:",
        ("ul", [
            "staff members holding fixed-term, continuing or temporary appointments, at headquarters and in "
            "regional and country offices;",
            "consultants and individual contractors;",
            "interns and fellows;",
            "volunteers, including those made available by partner volunteer programmes;",
            "secondees and loaned personnel working under the Agency's direction; and",
            "the personnel of companies and service providers under contract with the Agency, while they "
            "perform work on Agency premises or for Agency activities.[^nonstaff]",
        ]),
        "2.2 The policy also protects, and sets expectations for, **participants in meetings, "
        "conferences, workshops and training events** that the Agency convenes or hosts, including "
        "representatives of Member States, partner organisations, civil society and the private "
        "sector.[^events]",
        "2.3 Sexual harassment is prohibited wherever it occurs in connection with work, including:",
        ("ul", [
            "on Agency premises and at any place where Agency work is carried out, including field sites "
            "and project locations;",
            "at conferences, workshops, receptions and social gatherings connected with work, whether "
            "during or outside working hours; and",
            "through any means of communication, including email, telephone, text and instant messaging, "
            "video-conferencing, collaboration platforms and social media, whether the device or account "
            "used belongs to the Agency or to the individual.",
        ]),
        "2.4 The policy applies whatever the sex, gender identity, sexual orientation, age, nationality, "
        "disability, grade or contractual status of the people involved. Sexual harassment can occur "
        "between people of the same sex or of different sexes, and between colleagues at any level, "
        "including conduct by a supervisee towards a supervisor.",
        "2.5 Where the person responsible is not Agency personnel, for example a vendor, a member of the "
        "public or an official of a partner government, the Agency takes whatever protective measures are "
        "within its authority for its own personnel and, where appropriate, raises the matter formally "
        "with the person's employer or organisation.",
        "2.6 If the person whose conduct has been reported leaves the Agency before the matter is "
        "concluded, the Office of Investigations and Audit may complete its work. The outcome is then "
        "recorded on the person's file so that it is taken into account should they seek to work for "
        "the Agency again.",
        "2.7 Harassment that is not of a sexual nature, discrimination and abuse of authority are dealt "
        "with under the Agency's Policy on Harassment, Discrimination and Abuse of Authority. Where a "
        "single matter involves both kinds of conduct, it is handled under this policy.",
    ]),
    ("3", "Definitions", 2, [
        "3.1 In this policy the following terms have the meanings given below.",
        "3.2 **Sexual harassment** is any conduct of a sexual nature that the person receiving it does "
        "not welcome and that a reasonable person would regard as likely to offend, humiliate or "
        "intimidate. It may be spoken, written, non-verbal or physical, may take place in person or "
        "online, and may consist of a single incident or a series of incidents.",
        "3.3 Conduct is **unwelcome** when the person receiving it did not invite or want it. The person "
        "does not need to have objected at the time. Silence, laughter or apparent acceptance does not "
        "show that conduct was welcome, particularly where the person responsible holds more power or "
        "influence.",
        "3.4 **Conditional harassment** occurs when a benefit connected with work, such as a contract, an "
        "extension, a promotion, an assignment or a training opportunity, is offered in return for sexual "
        "conduct, or when a disadvantage is threatened or imposed because a sexual advance is refused.",
        "3.5 **Hostile environment harassment** is conduct of a sexual nature that, alone or together "
        "with other conduct, makes the workplace intimidating, degrading or offensive for a person, "
        "whether or not the conduct was aimed at that person.",
        "3.6 An **affected person** is a person who has experienced, or is believed to have experienced, "
        "sexual harassment. The term does not presume the outcome of any process. Some people prefer to "
        "describe themselves as a victim or a survivor, and the Agency respects their choice.",
        "3.7 A **complainant** is a person who makes a formal complaint under section 9. A complainant "
        "is usually, but need not be, the affected person.",
        "3.8 The **subject** is the person whose conduct is described in a report or complaint.",
        "3.9 A **bystander** is a person who sees or hears conduct that may be sexual harassment, or "
        "who learns about it afterwards, without being the affected person or the subject.",
        "3.10 A **report** is any communication that brings possible sexual harassment to the attention "
        "of the Agency through one of the channels listed in section 7. A report may be made by anyone, "
        "may be anonymous and does not need to lead to a formal complaint.",
        "3.11 A **formal complaint** is a written complaint submitted to the Office of Investigations "
        "and Audit that asks for the matter to be assessed and, where the assessment warrants it, "
        "investigated.",
        "3.12 **Retaliation** is any direct or indirect harmful action that is recommended, threatened "
        "or taken against a person because that person reported possible sexual harassment, made a "
        "complaint, gave evidence or otherwise cooperated with a process under this policy.",
        "3.13 A **manager** is any person who supervises or directs the work of others, including heads "
        "of office, unit chiefs, team leaders and first and second reporting officers, whatever their "
        "contractual status.",
        "3.14 A **Respectful Workplace Adviser** is a staff member trained by the Agency and appointed "
        "for a renewable term of two years to give colleagues confidential information about the options "
        "available under this policy.",
        "3.15 A **support person** is a colleague, friend or other person chosen by an affected person or "
        "a subject to accompany them to meetings under this policy. A support person gives moral support "
        "but does not speak on the person's behalf or act as a witness in the same case.",
        "3.16 A **preliminary assessment** is the review by OIA, described in paragraph 9.4, that decides "
        "whether a report or complaint is to be investigated. An **investigation** is the fact-finding "
        "process that follows, in which OIA gathers and weighs evidence and reaches findings.",
        "3.17 An **interim measure** is a temporary arrangement, described in section 10, taken while a "
        "matter is being dealt with, to protect people and the integrity of the process. It is not a "
        "sanction and does not imply any finding.",
        "3.18 The **victim-centred approach** means giving the affected person information, choice and "
        "a say in decisions that concern them, avoiding steps that would cause them further harm, and "
        "treating them with sensitivity at every stage.",
        "3.19 An **Agency event** is any meeting, conference, workshop, training course or reception "
        "organised, co-organised or hosted by the Agency, whether held in person, online or in a "
        "hybrid format.",
        "3.20 An **intimate image** is any photograph, video or other image that shows a person nude, "
        "partly nude or engaged in sexual activity, whether it is genuine or has been created or altered "
        "digitally.",
        "3.21 A **head of office** is the most senior official at headquarters departments, regional "
        "offices and country offices, or the official to whom that person has formally delegated "
        "authority in their absence.",
        "3.22 The **Staff Legal Support Panel** is a group of staff members with legal training who "
        "volunteer to give staff members confidential advice on procedures under the Staff Regulations "
        "and Rules, independently of the Agency's management.",
    ]),
    ("4", "Prohibited conduct", 2, [
        "4.1 Sexual harassment in any form is prohibited. The examples in this section illustrate the "
        "kinds of conduct that may amount to sexual harassment; they are not a complete list, and "
        "conduct that is not listed may also be sexual harassment.",
        "4.2 **Verbal and written conduct** may include:",
        ("ul", [
            "comments or jokes of a sexual nature, including remarks about a person's body, clothing, "
            "appearance or private life;",
            "repeated invitations of a sexual or romantic nature after the person has made clear that they "
            "are not welcome;",
            "questions about a person's sexual history, sexual orientation or sex life;",
            "sexually explicit remarks, stories, noises or innuendo; and",
            "spreading rumours of a sexual nature about a person.",
        ]),
        "4.3 **Non-verbal conduct** may include staring or leering at a person's body, sexually suggestive "
        "gestures or whistling, displaying sexually explicit pictures, calendars, screen savers or objects "
        "in the workplace, and following a person or waiting around their workspace or home without a "
        "work-related reason.",
        "4.4 **Physical conduct** may include:",
        ("ul", [
            "any unwanted touching, such as patting, pinching, stroking, hugging, kissing or deliberately "
            "brushing against a person;",
            "blocking a person's way, cornering them or standing unnecessarily close to them;",
            "exposing one's body in an indecent way; and",
            "sexual assault, including attempted sexual assault.",
        ]),
        "4.5 **Online and technology-facilitated conduct** is treated in the same way as conduct in "
        "person. It may include:",
        ("ul", [
            "sending sexually explicit or suggestive messages, emails, images, videos or links;",
            "taking, sharing or threatening to share intimate or sexual images of a person without their "
            "consent, including images that have been altered or produced with software;",
            "sexual comments, gestures or requests during video calls or in the chat of an online meeting;",
            "posting sexual content about a colleague on social media or in group chats; and",
            "repeatedly contacting a person through private accounts after they have asked for the "
            "contact to stop.",
        ]),
        "4.6 **Conditional conduct** includes suggesting that a contract renewal, a recommendation or a "
        "place on a project team depends on accepting a date or a sexual advance, and threatening to "
        "give a person unfavourable assignments because they rejected an advance.",
        "4.7 A **single incident** can amount to sexual harassment if it is serious enough; a pattern of "
        "behaviour is not required. The intention of the person responsible is not decisive. What "
        "matters is whether the conduct was unwelcome and whether a reasonable person would consider it "
        "offensive, humiliating or intimidating.",
        "4.8 The following are also prohibited under this policy:",
        ("al", [
            "retaliation against any person, as described in section 13;",
            "making a report or complaint that the person knows to be false, or giving evidence that the "
            "person knows to be false;",
            "interfering with an assessment or investigation, for example by pressuring a witness or "
            "destroying evidence; and",
            "failure by a manager to act on a report as required by paragraph 5.4.",
        ]),
        "4.9 A report made in good faith is never a false report, even if the allegations are not "
        "substantiated in the end. Only a report made with knowledge that it is untrue can lead to "
        "action under paragraph 4.8(b).",
        "4.10 In deciding whether conduct amounts to sexual harassment, account is taken of all the "
        "circumstances, including:",
        ("ul", [
            "any difference in power, grade or contractual security between the people involved;",
            "whether the conduct continued after the person showed, in words or otherwise, that it was "
            "unwelcome;",
            "the setting in which it took place, such as a small field office or an event where the "
            "affected person depended on the goodwill of others; and",
            "the effect of the conduct on the affected person and on others present.",
        ]),
        "4.11 Humour, custom or the consumption of alcohol never excuses conduct that would otherwise be "
        "sexual harassment, and neither does the fact that similar conduct has been tolerated in the "
        "past.",
        "4.12 Messages or calls between colleagues outside working hours are covered by this policy when "
        "they are connected with work or with the working relationship, for example when a supervisor "
        "sends a supervisee sexual messages late in the evening.",
        "4.13 Demeaning conduct directed at a person because of their sex or gender identity, such as "
        "degrading remarks about women's abilities, is dealt with under this policy when it has a sexual "
        "element. Otherwise it is dealt with under the Policy on Harassment, Discrimination and Abuse of "
        "Authority.",
        "4.14 Conduct by several people acting together is treated in the same way as conduct by one "
        "person. Joining in, for example by adding sexual comments to a thread in a group chat or by "
        "forwarding an image, may itself be misconduct, even if the person did not start the conduct.",
    ]),
    *SECTIONS_5_TO_12,
    *SECTIONS_13_TO_17,
]

ANNEX1_TITLE = "Annex 1: Timeline of the complaint process"
ANNEX1_INTRO = (
    "The table below summarises the main time limits that apply under this policy. Working days are "
    "counted as explained in the footnote to paragraph 14.1. Where this table and the text of the "
    "policy differ, the text of the policy prevails."
)
ANNEX1_HEAD = ("Stage", "Responsible", "Time limit")
ANNEX1_ROWS = [
    ("Passing a report received by a manager to OIA", "Manager", "Within 48 hours of receipt."),
    ("Passing a SafeVoice report to OIA", "SafeVoice provider", "Within one working day."),
    ("Making a formal complaint", "Complainant", "Within three years of the last incident."),
    ("Acknowledging a complaint", "OIA", "Within five working days of receipt."),
    ("Deciding on a request for interim measures", "Director of HRD", "Within three working days of the request."),
    ("Preliminary assessment", "OIA", "Within 30 calendar days of receipt."),
    ("Asking for review of a decision to close", "Complainant", "Within 30 calendar days of the notice."),
    ("Informal resolution", "Ombudsperson", "Normally within 60 calendar days."),
    ("Investigation", "OIA", "Normally 120 calendar days from opening."),
    ("Extension of an investigation", "Director of OIA", "Up to 60 calendar days at a time."),
    ("Progress updates to the complainant", "OIA", "At least every 60 days."),
    ("Comments on the draft findings", "Subject", "10 working days."),
    ("Response to disciplinary charges", "Subject", "10 working days."),
    ("Decision on disciplinary measures", "Director of HRD", "Normally 30 calendar days after the response."),
    ("Informing the complainant of the outcome", "HRD", "Within 15 working days of the decision."),
    ("Appeal against a disciplinary measure", "Staff member", "Within 90 calendar days of the decision."),
    ("Acknowledging a request for protection", "Ethics Office", "Within three working days."),
    ("Preliminary review of a retaliation request", "Ethics Office", "Within 20 working days."),
    ("Monitoring of the employment situation", "Ethics Office", "Two years from the report or complaint."),
    ("Counselling after the contract ends", "Staff Welfare Unit", "Up to six months."),
    ("Retention of case records", "OIA", "10 years after the case is closed."),
]

ANNEX2_TITLE = "Annex 2: Reporting channels and sources of support"
ANNEX2_INTRO = (
    "The table below lists where personnel and event participants can go. Reporting channels pass a "
    "report to OIA; confidential resources pass nothing on without consent, except where there is an "
    "imminent risk of serious harm."
)
ANNEX2_HEAD = ("Channel or resource", "How to reach it", "Anonymous", "Role")
ANNEX2_ROWS = [
    ("Office of Investigations and Audit", "investigations@iare.example", "No", "Receives complaints"),
    ("SafeVoice line by telephone", "+44 20 7946 0321 (24 hours)", "Yes", "Passes reports to OIA"),
    ("SafeVoice line online", "iare.safevoice-hotline.example", "Yes", "Passes reports to OIA"),
    ("Any manager", "In person or in writing", "No", "Passes reports to OIA"),
    ("Affected Person Support Coordinator", "support.apsc@iare.example", "No", "Support; reports if asked"),
    ("Event focal point", "Named at each event", "No", "Passes concerns to OIA"),
    ("Ethics Office", "ethics@iare.example", "No", "Protection from retaliation"),
    ("Ombudsperson", "ombudsperson@iare.example", "Confidential", "Informal resolution"),
    ("Staff Counsellor", "Staff Welfare Unit, ext. 4460", "Confidential", "Psychosocial support"),
    ("Respectful Workplace Advisers", "Listed on the intranet", "Confidential", "Information on options"),
]

ANNEX3_TITLE = "Annex 3: Guidance for event focal points"
ANNEX3 = [
    "1. The event focal point is named by the organising office before the event and introduced at the "
    "opening session. For events with more than 200 participants, two focal points are named, where "
    "possible of different genders.",
    "2. When a participant raises a concern, the event focal point should:",
    ("al", [
        "find a private place to talk, and ask whether the person feels safe or needs medical help;",
        "listen, note the main facts in the person's own words, and avoid asking for detail that is not "
        "needed to decide on immediate steps;",
        "explain that the concern will be passed to OIA and that the person may also contact OIA or the "
        "SafeVoice line directly, including anonymously;",
        "agree with the person on any immediate steps, such as changes of seating, and take them with the "
        "head of the organising office; and",
        "send the report to OIA on the same day, marked as confidential.",
    ]),
    "3. The event focal point does not question the person whose conduct is reported, does not decide "
    "whether the conduct was sexual harassment, and does not discuss the matter with other participants.",
    "4. After the event, the organising office includes in its event report the number of concerns "
    "raised with the focal point, without names or other details that could identify the people involved.",
]
