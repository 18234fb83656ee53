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
    ("5", "Roles and responsibilities", 2, [
        "5.1 The **Director-General** is accountable for the implementation of this policy, ensures "
        "that the offices concerned have the resources and independence they need, receives the annual "
        "report described in section 16 and takes the final decision on disciplinary measures.",
        "5.2 **All personnel** must treat others with respect, comply with this policy, complete the "
        "mandatory training described in section 6, cooperate with assessments and investigations and "
        "keep confidential any information they receive in the course of a process under this policy.",
        "5.3 Bystanders play an important part in stopping sexual harassment. Personnel who witness it "
        "are encouraged to act in a way that is safe for them and for the affected person: by "
        "interrupting or distracting, by checking on the affected person afterwards, by keeping a note "
        "of what they saw, and by reporting it or encouraging the affected person to seek help.",
        ("h", "Manager responsibilities"),
        "5.4 Managers carry a particular responsibility for the working environment of their teams. "
        "Every manager must:",
        ("ul", [
            "set an example through their own conduct and make clear to the team that sexual harassment "
            "will not be tolerated;",
            "make sure that every member of the team, including non-staff personnel, has completed the "
            "mandatory training;",
            "act promptly on any possible sexual harassment that they observe or that is brought to their "
            "attention, even when no formal complaint has been made;",
            "pass any report of sexual harassment they receive to the Office of Investigations and Audit "
            "**within 48 hours**, using the confidential reporting form, and tell the person who informed "
            "them that they are doing so;",
            "refrain from investigating the matter themselves, from questioning the subject or witnesses, "
            "and from collecting evidence;",
            "consider with the Human Resources Division whether interim measures are needed;",
            "protect the confidentiality of everyone involved and share information only on a "
            "need-to-know basis; and",
            "watch for, and prevent, any retaliation against members of the team who have reported "
            "concerns or taken part in a process.",
        ]),
        "5.5 A manager who fails to pass on a report, discourages a person from reporting or fails to "
        "prevent retaliation may be subject to disciplinary measures.",
        ("h", "Offices with specific functions"),
        "5.6 The **Human Resources Division** (HRD) owns this policy, organises training, implements "
        "interim and disciplinary measures and employs the **Affected Person Support Coordinator**, who "
        "helps affected persons find and use the support described in section 11.",
        "5.7 The **Office of Investigations and Audit** (OIA) is the only office that can receive and "
        "decide on formal complaints, conduct preliminary assessments and carry out investigations. It "
        "is operationally independent, and its Director reports functionally to the Independent Audit "
        "and Oversight Committee.",
        "5.8 The **Ethics Office** gives confidential advice on this policy and receives and reviews "
        "requests for protection against retaliation under section 13.",
        "5.9 The **Ombudsperson** helps resolve concerns informally, in confidence and impartially. "
        "The Ombudsperson is not an office of record, does not receive formal complaints and does not "
        "pass on what they are told without consent.",
        "5.10 The **Staff Counsellor** in the Staff Welfare Unit provides confidential psychosocial "
        "support to affected persons, bystanders and any other personnel who need it.",
        "5.11 **Respectful Workplace Advisers** are present at every duty station with more than 25 "
        "personnel. They give information on options, but they do not receive reports on behalf of the "
        "Agency and do not investigate.",
        "5.12 **Heads of office** are responsible for the prevention measures described in section 6 in "
        "their office, for making sure that the reporting channels are known and accessible, and for "
        "putting interim measures decided by HRD into effect without delay.",
        "5.13 **Event focal points** receive concerns raised by participants during an Agency event, pass "
        "them to OIA on the same day, and make sure that the person who raised the concern knows where "
        "to obtain support. Guidance for event focal points is set out in Annex 3.",
        "5.14 The **Staff Association** is consulted on training, awareness activities and reviews of "
        "this policy and may accompany a staff member, as support person, at that person's request.",
        "5.15 The **Medical Service** provides or arranges medical care for affected persons, keeps "
        "medical information separate from all other records, and may recommend workplace adjustments "
        "without disclosing any diagnosis.",
        "5.16 **Security focal points** at each duty station respond to situations in which a person's "
        "physical safety is at risk. They are not a reporting channel, but they inform OIA when they "
        "learn of possible sexual harassment in the course of their duties.",
    ]),
    ("6", "Prevention and training", 2, [
        "6.1 Prevention is the first line of defence. The Agency seeks to stop sexual harassment before "
        "it happens by setting clear expectations, building skills and addressing risks in the working "
        "environment.",
        "6.2 All personnel must complete the mandatory online course **“Respect at Work”** within "
        "**30 days** of taking up their functions and a refresher course every **two years**. Interns, "
        "volunteers and consultants whose contract is shorter than three months complete a short "
        "version of the course lasting about 45 minutes.",
        "6.3 Managers must also attend the half-day workshop “Leading a Respectful Workplace” within "
        "six months of taking up a managerial role. Completion of the workshop is a condition for "
        "confirmation in a managerial post.",
        "6.4 OIA investigators, the Affected Person Support Coordinator and Respectful Workplace Advisers "
        "receive specialised training, including on trauma-informed interviewing and on the effects of "
        "sexual harassment on the people who experience it.",
        "6.5 Heads of office must discuss this policy with their teams at least once a year, ensure that "
        "information on reporting channels and support is displayed in every office and on the intranet, "
        "and include the prevention of sexual harassment in the risk register of their office.",
        "6.6 Offices that organise a meeting, conference or other event must:",
        ("ul", [
            "send the Code of Conduct for Agency Events to all participants before the event;",
            "designate an **event focal point** who can receive concerns during the event and pass them on "
            "to OIA; and",
            "mention the Code of Conduct and the name of the event focal point at the opening session.",
        ]),
        "6.7 Before making an offer of employment or engagement, HRD checks whether the candidate has been "
        "recorded in the inter-agency screening database as the subject of a substantiated finding of "
        "sexual harassment, and asks the candidate to declare any such finding by a former employer.",
        "6.8 Contracts with companies and service providers require them to inform their personnel of "
        "this policy, to cooperate with any investigation and to remove from Agency work any person whom "
        "the Agency finds to have committed sexual harassment.",
        "6.9 The Agency carries out a workplace climate survey every two years. The survey includes "
        "questions on sexual harassment, and results for each office are shared with its head, who must "
        "prepare an action plan where the results point to a risk.",
        "6.10 All new personnel receive, on their first day, an induction briefing that explains this "
        "policy, the reporting channels and the support available, and are given a printed card with "
        "the SafeVoice line's contact details.",
        "6.11 When premises are designed or refurbished, the Agency takes account of safety: adequate "
        "lighting in corridors and car parks, meeting rooms with glass panels, and lockable, "
        "single-occupancy rest facilities.",
        "6.12 Each year the Agency runs an awareness campaign across all offices, in which senior "
        "managers speak to staff about respectful conduct and remind them of how to report and of the "
        "protection against retaliation.",
        "6.13 Before a new country office or project site is opened, the head of office includes in "
        "the security and risk assessment the factors that may increase the risk of sexual harassment, "
        "such as isolated working locations or shared housing arranged for personnel.",
        "6.14 HRD keeps a record of the training completed by each person. When mandatory training has "
        "not been completed by the due date, HRD informs the person and their manager, and completion is "
        "followed up in the manager's next team review.",
        "6.15 When the Agency organises an event jointly with another organisation, the agreement "
        "between the organisers states which code of conduct applies and who acts as event focal point.",
    ]),
    ("7", "Reporting", 2, [
        "7.1 Anyone who experiences, witnesses or hears about sexual harassment may report it. The "
        "affected person is never obliged to report, but the Agency encourages reporting so that it can "
        "stop the conduct, support the people affected and prevent harm to others.",
        "7.2 A report may be made through any of the following channels, in any order, and more than one "
        "channel may be used:",
        ("al", [
            "directly to the **Office of Investigations and Audit**, by email to investigations@iare.example, "
            "through the online form on the intranet or in person;",
            "through the **SafeVoice line**, an independent hotline run by an outside provider, which is "
            "available 24 hours a day, seven days a week, by telephone on **+44 20 7946 0321** or online at "
            "https://iare.safevoice-hotline.example;",
            "to any **manager**, who must pass the report to OIA as set out in paragraph 5.4;",
            "to the **Affected Person Support Coordinator** in HRD, who passes the report to OIA with the "
            "consent of the person making it; or",
            "for participants in an Agency event, to the **event focal point**.",
        ]),
        "7.3 The SafeVoice line **accepts anonymous reports**. A person who reports anonymously receives "
        "a case number and a password with which they can check on progress and answer questions from "
        "OIA without revealing who they are. The provider passes reports to OIA within one working day.",
        "7.4 The Ombudsperson, the Staff Counsellor and Respectful Workplace Advisers are confidential "
        "resources, not reporting channels. Speaking to them does not count as reporting to the Agency, "
        "and they pass nothing on without the person's consent except as set out in paragraph 12.4.",
        ("h", "How to make a report"),
        "7.5 The following steps may help a person who decides to report:",
        ("nl", [
            "Make sure you are safe. If you are in immediate danger, contact the security focal point of "
            "your duty station or the local emergency services.",
            "Write down what happened as soon as you can: dates, times and places, the words used, and the "
            "names of anyone who saw or heard what happened.",
            "Keep any evidence, such as messages, emails or screenshots. Do not delete it, and do not "
            "forward intimate images to anyone; describe them instead and tell OIA that you have them.",
            "Choose a channel from paragraph 7.2. You may first seek confidential advice from the "
            "Ombudsperson, the Ethics Office or a Respectful Workplace Adviser.",
            "If you wish, bring a colleague or another support person of your choice to any meeting with "
            "OIA, provided that person is not involved in the matter.",
            "Expect an acknowledgement from OIA within five working days, telling you what will happen next.",
        ]),
        ("h", "Particular situations"),
        "7.6 Anonymous reports are assessed in the same way as other reports. OIA's ability to act on them "
        "may, however, be limited if it cannot obtain enough information to verify the allegations.",
        "7.7 A report concerning the Director-General or the Director of OIA is made to the Chair of the "
        "Independent Audit and Oversight Committee, who arranges for it to be assessed and, if necessary, "
        "investigated by an external investigator.",
        "7.8 A formal complaint may be made within **three years** of the last incident complained of. "
        "The Director of OIA may accept a later complaint in exceptional circumstances, for example where "
        "the complainant was prevented from coming forward by fear of retaliation or by ill health.",
        "7.9 Reports about conduct that took place more than three years earlier are still recorded and "
        "may be used for prevention purposes, even if they cannot lead to an investigation.",
        "7.10 People who are not Agency personnel, such as event participants or employees of partner "
        "organisations, may use the same channels to report sexual harassment by Agency personnel.",
        "7.11 When a bystander makes a report, OIA contacts the affected person, where this can be done "
        "safely, to inform them of the report, explain their options and ask for their views before "
        "deciding what to do.",
        "7.12 A report can be made without making a formal complaint. The person reporting may ask OIA "
        "only to record the information, for example so that it is available should others report "
        "similar conduct by the same person later.",
        "7.13 When taking a report, the SafeVoice line asks what happened, when and where, who was "
        "involved and whether anyone else saw or heard it. The person reporting decides how much "
        "information to give and may end the call or the online session at any time.",
        "7.14 A manager who personally witnesses possible sexual harassment reports it to OIA in the same "
        "way as a report received from someone else, within 48 hours, and does not wait for the affected "
        "person to come forward.",
        "7.15 Where several reports concern the same person, OIA considers them together, even if each "
        "report on its own would not justify an investigation.",
        "7.16 A person who reported through the SafeVoice line can use their case number to learn the "
        "outcome of the preliminary assessment and, where an investigation has taken place, whether the "
        "allegations were substantiated.",
    ]),
    ("8", "Informal resolution", 2, [
        "8.1 Informal resolution is an option for an affected person who wants the unwelcome conduct to "
        "stop without starting a formal process. It is always **voluntary**, it is never a precondition "
        "for a formal complaint, and the affected person may end it at any time and make a formal "
        "complaint instead.",
        "8.2 With the help of the Ombudsperson, informal resolution may take one of these forms:",
        ("al", [
            "the affected person speaks or writes to the person responsible, after preparing what to say "
            "with the Ombudsperson;",
            "the Ombudsperson speaks to the person responsible on the affected person's behalf;",
            "a facilitated conversation between the two, held only if the affected person expressly asks "
            "for it; or",
            "an intervention by the manager concerned, with the consent of the affected person.",
        ]),
        "8.3 The affected person is never required to meet the person responsible face to face or to "
        "accept an apology.",
        "8.4 Informal resolution is not available where the conduct involves sexual assault or attempted "
        "sexual assault, where conditional harassment is alleged, or where the person responsible has "
        "previously been found to have committed sexual harassment.",
        "8.5 An informal process should normally be concluded within **60 calendar days** of its start. "
        "The Ombudsperson keeps no file that identifies the people involved once the process has ended.",
        "8.6 The time spent on informal resolution is not counted towards the three-year time limit for "
        "a formal complaint in paragraph 7.8.",
        "8.7 Where informal resolution succeeds, the Ombudsperson may, at the request of the affected "
        "person, confirm the agreed outcome in a short written note to both parties. If the unwelcome "
        "conduct resumes, the affected person may make a formal complaint about both the earlier and "
        "the later conduct.",
    ]),
    ("9", "Formal complaints and investigation", 2, [
        ("h", "Making a formal complaint"),
        "9.1 A formal complaint is submitted in writing to OIA, using the complaint form or by email. "
        "A complaint may also be made orally to an OIA investigator, who records it in writing and asks "
        "the complainant to confirm the record.",
        "9.2 The complaint should describe what happened, when and where, the people involved and anyone "
        "who may have seen or heard the conduct, and should list any documents, messages or images the "
        "complainant holds. A complaint is not rejected because it is incomplete; OIA asks for what is "
        "missing.",
        "9.3 OIA acknowledges every complaint in writing **within five working days** of receiving it. "
        "The acknowledgement names an OIA contact person, explains the next steps and lists the support "
        "available under section 11.",
        ("h", "Preliminary assessment"),
        "9.4 Within **30 calendar days** of receiving a complaint or report, OIA completes a preliminary "
        "assessment to decide whether:",
        ("al", [
            "the conduct described, if established, could amount to sexual harassment or other prohibited "
            "conduct under this policy;",
            "there is enough information, or a reasonable prospect of obtaining it, to justify an "
            "investigation; and",
            "the matter falls within the scope of this policy.",
        ]),
        "9.5 After the preliminary assessment OIA decides to open an investigation, to suggest informal "
        "resolution where it is available and the affected person agrees, or to close the matter. A "
        "decision to close is explained to the complainant in writing, with reasons.",
        "9.6 OIA may also open an investigation on its own initiative, for example on the basis of an "
        "anonymous report or information from a bystander, even when the affected person has not "
        "complained. In doing so it gives weight to the wishes and safety of the affected person and to "
        "the risk that others may be harmed.",
        ("h", "Conduct of the investigation"),
        "9.7 Investigations are impartial, thorough and trauma-informed. No investigator may take part in "
        "a case in which they have a conflict of interest. A complainant may ask to be interviewed by an "
        "investigator of a particular gender, and OIA agrees to this wherever possible.",
        "9.8 The subject is told in writing of the allegations when the investigation opens, unless this "
        "would put evidence or people at risk, in which case the subject is told as soon as that risk has "
        "passed. The subject is given a full opportunity to respond, to present evidence and to name "
        "witnesses, and may seek advice from the Staff Legal Support Panel.",
        "9.9 The complainant is not asked to repeat their account more often than necessary, may give "
        "evidence by video link, and is never required to confront the subject. Questions about the "
        "complainant's sexual history or manner of dress are not permitted.",
        "9.10 Investigations are normally **completed within 120 calendar days** of being opened. Where "
        "more time is needed, the Director of OIA may extend the period by up to 60 calendar days at a "
        "time, and informs the complainant and the subject in writing of the reasons. OIA updates the "
        "complainant on progress at least every 60 days.",
        "9.11 A finding that sexual harassment occurred must be supported by **clear and convincing "
        "evidence**, meaning evidence that shows that it is highly probable that the alleged conduct "
        "took place.",
        "9.12 Before finalising its report, OIA gives the subject a summary of the evidence and its draft "
        "findings. The subject has **10 working days** to comment, and OIA takes any comments into account.",
        "9.13 OIA sends its final investigation report to the Director of HRD. Where the report does not "
        "support the allegations, the case is closed and both the complainant and the subject are informed "
        "in writing.",
        "9.14 A complainant may withdraw a complaint at any time. OIA may nevertheless continue the "
        "investigation where the seriousness of the allegations or the risk to others makes it necessary, "
        "and it informs the complainant if it does so.",
        "9.15 All personnel are required to cooperate with an investigation, to answer the questions of "
        "investigators truthfully and to provide any documents or information that are relevant. Witnesses "
        "may be accompanied by a support person.",
        "9.16 Interviews are recorded in writing or, with the consent of the person interviewed, by audio "
        "recording. The person interviewed receives a copy of the record of their interview and may "
        "correct or add to it before signing it.",
        "9.17 OIA may examine Agency-issued devices, email accounts and information systems in accordance "
        "with the Agency's rules on information security. Material from a personal device is obtained "
        "only if the owner provides it voluntarily.",
    ]),
    ("10", "Interim measures", 1, [
        "10.1 At any stage after a report has been made, including before or during an investigation, the "
        "Agency may take interim measures to protect the affected person, witnesses and others, and to "
        "protect the integrity of the process.",
        "10.2 Interim measures may be requested by the affected person, proposed by OIA or a manager, or "
        "taken on the initiative of the Director of HRD, who decides on a request **within three working "
        "days** of receiving it.",
        "10.3 Interim measures may include:",
        ("ul", [
            "a change of reporting line for the affected person or for the subject;",
            "reassignment of tasks, or a change of office or desk location;",
            "alternative working arrangements, including **telework**;",
            "an instruction to the subject not to contact the affected person or witnesses;",
            "restricting the subject's access to particular premises, meetings or information systems; and",
            "placing the subject on **administrative leave** with full pay.[^admin]",
        ]),
        "10.4 A measure that affects the affected person, such as a change of their own reporting line or "
        "workplace, is taken only with their consent. Where possible, measures are designed so that the "
        "burden falls on the subject rather than on the affected person.",
        "10.5 Interim measures do not imply any conclusion about the facts. They are reviewed at least every "
        "60 days and lifted when they are no longer needed.",
        "10.6 During an Agency event, the event focal point may, in consultation with the head of the "
        "organising office, separate the people concerned, for example by changing seating or "
        "working-group arrangements, or ask a participant to leave the event pending a decision by OIA.",
        "10.7 A subject may ask the Director-General to review an interim measure that affects them. The "
        "measure remains in place while the request is considered.",
    ]),
    ("11", "Support for affected persons", 1, [
        "11.1 Support is available to an affected person **whether or not** they decide to report or to make "
        "a formal complaint, and whatever the outcome of any process.",
        "11.2 The **Affected Person Support Coordinator** is a single point of contact who explains the "
        "options, helps the affected person obtain the support they need and, if the person wishes, "
        "accompanies them through any process. The Coordinator can be reached at support.apsc@iare.example.",
        "11.3 The support available includes:",
        ("ul", [
            "confidential **counselling** by the Staff Counsellor or, if the person prefers, referral to an "
            "external counsellor from a list kept by the Staff Welfare Unit;",
            "**medical support** from the Medical Service, including referral to emergency care where it "
            "is needed;",
            "**legal advice** on the procedures under this policy from the Staff Legal Support Panel for "
            "staff members, or referral to an external adviser for other personnel;",
            "**special leave** of up to **10 working days** to attend appointments or proceedings or to "
            "recover, approved by the Director of HRD on the recommendation of the Coordinator without "
            "any need to give details of the harassment;[^special] and",
            "adjustments to working arrangements, such as changes to working hours or tasks.",
        ]),
        "11.4 Counselling is also offered to witnesses and to subjects, who may find the process "
        "stressful. Offering support to a subject does not affect the support available to the affected "
        "person.",
        ("h", "Receiving a disclosure"),
        "11.5 People who have been harassed often first confide in a colleague or friend. A person who "
        "is told about sexual harassment by a colleague should:",
        ("ul", [
            "listen without judging, and let the person tell what happened in their own words and at their "
            "own pace;",
            "avoid questioning whether the account is true or suggesting what the person should have done "
            "differently;",
            "not investigate, which means not confronting the person responsible, not approaching "
            "witnesses and not gathering evidence;",
            "keep what they have heard confidential and share it only with the person's agreement;",
            "tell the person about the reporting channels and the support available, such as the Affected "
            "Person Support Coordinator, the Staff Counsellor and the SafeVoice line, and respect the "
            "choice they make; and",
            "check in with the person afterwards and look after their own well-being, for which the Staff "
            "Counsellor is also available.",
        ]),
        "11.6 A manager who receives a disclosure remains bound by the duty in paragraph 5.4 to pass the "
        "report to OIA within 48 hours. Where possible, the manager explains this duty before the person "
        "shares details, so that the person can choose to speak to a confidential resource instead.",
        "11.7 Personnel at duty stations without a Staff Counsellor on site can receive counselling by "
        "telephone or video call. The Affected Person Support Coordinator arranges this within two "
        "working days of a request.",
        "11.8 Counselling and the help of the Coordinator remain available for **six months** after the "
        "end of the affected person's contract with the Agency, where the harassment occurred during that "
        "contract.",
    ]),
    ("12", "Confidentiality", 1, [
        "12.1 Reports, complaints, assessments and investigations are handled confidentially. Information "
        "is shared only with those who need it to carry out their functions under this policy.",
        "12.2 The identity of a complainant is disclosed to the subject only to the extent necessary to "
        "allow the subject to respond to the allegations fairly.",
        "12.3 Everyone who takes part in a process, including complainants, subjects, witnesses and support "
        "persons, must keep its details confidential, and a breach may amount to misconduct. This does not "
        "prevent an affected person from talking about their experience with family members, a counsellor, "
        "a doctor or a lawyer.",
        "12.4 The Ombudsperson, the Staff Counsellor, the Medical Service and Respectful Workplace Advisers "
        "do not disclose what they are told without the consent of the person concerned, **except where "
        "there is an imminent risk of serious harm** to that person or to others.[^ombuds]",
        "12.5 The SafeVoice provider does not reveal the identity of a person who has chosen to report "
        "anonymously, either to the Agency or to anyone else.[^provider]",
        "12.6 Personal data collected under this policy are processed in accordance with the Agency's "
        "rules on the protection of personal data.[^data]",
        "12.7 Case files are never placed on a complainant's personnel file. Only the outcome of a "
        "substantiated case is placed on the official status file of the subject, as described in "
        "paragraph 14.9.",
    ]),
    ("13", "Protection against retaliation", 1, [
        "13.1 Retaliation is prohibited and is itself misconduct. It may take many forms, including "
        "non-renewal or termination of a contract, an unjustified change of duties, exclusion from "
        "meetings, unfavourable treatment in the allocation of work, threats and social isolation.",
        "13.2 Protection extends to anyone who, in good faith, reports possible sexual harassment, makes a "
        "complaint, acts as a witness, accompanies an affected person as a support person or otherwise "
        "cooperates with a process under this policy.[^retaliation]",
        "13.3 A person who believes that they are facing retaliation, or who fears it, may ask the Ethics "
        "Office for protection. The Ethics Office completes a preliminary review **within 20 working days**. "
        "If it finds a prima facie case, it refers the matter to OIA for investigation and recommends "
        "protective measures to the Director-General.",
        "13.4 For **two years** after a person has made a report or complaint, the Ethics Office monitors "
        "their employment situation. During that period, any decision not to renew the person's contract, "
        "to reassign them or to abolish their post is reviewed by the Ethics Office before it takes effect.",
        "13.5 Once a prima facie case of retaliation has been established, it is for the Agency to show, "
        "by clear and convincing evidence, that it would have taken the same action had the person not "
        "reported or cooperated.[^proof]",
        "13.6 Protective measures recommended by the Ethics Office may include suspending the "
        "implementation of a decision that appears to be retaliatory, moving the person to another "
        "reporting line, and temporary reassignment of the person or of the alleged retaliator.",
        "13.7 Where retaliation is established, the Director-General takes measures to correct its "
        "effects for the person concerned, such as rescinding the retaliatory decision, and the person "
        "responsible for the retaliation is subject to disciplinary action.",
    ]),
    ("14", "Outcomes and disciplinary measures", 1, [
        "14.1 Where an investigation report supports the allegations, the Director of HRD decides, on behalf "
        "of the Director-General, whether to bring disciplinary charges. The subject receives the charges "
        "in writing and has **10 working days** to respond.[^days]",
        "14.2 Depending on the seriousness of the case, one or more of the following disciplinary measures "
        "may be imposed on a staff member:",
        ("al", [
            "written censure;",
            "loss of one or more steps in grade;",
            "deferment, for up to three years, of eligibility for a salary increment;",
            "suspension without pay for a specified period;",
            "a fine;",
            "demotion, with deferment of eligibility for promotion;",
            "separation from service, with notice or compensation in lieu of notice; or",
            "dismissal.",
        ]),
        "14.3 In deciding on a measure, the Agency considers the nature and seriousness of the conduct, "
        "any abuse of power, whether the conduct was repeated, its effect on the affected person and any "
        "aggravating or mitigating circumstances.",
        "14.4 In addition to, or instead of, disciplinary measures, administrative measures such as a "
        "written reprimand, mandatory training or coaching may be imposed. These are not disciplinary "
        "measures.",
        "14.5 For non-staff personnel, the Agency may terminate the contract and exclude the person from "
        "future engagement. For personnel of companies and service providers, it requires the company to "
        "remove the person from Agency work and may terminate the contract with the company.",
        "14.6 A participant in an Agency event who commits sexual harassment may be asked to leave the "
        "event and barred from future Agency events, and the Agency may inform the government or "
        "organisation that nominated them.",
        "14.7 The complainant is informed in writing of the outcome **within 15 working days** of the "
        "decision, including whether the allegations were substantiated and, in general terms, what "
        "measures were taken.",
        "14.8 A staff member may contest a disciplinary measure before the **Independent Appeals Tribunal** "
        "within **90 calendar days** of receiving the decision.[^tribunal] A complainant may ask the Director of "
        "OIA to review a decision to close a complaint after the preliminary assessment within 30 calendar "
        "days of being informed of it.",
        "14.9 A substantiated finding of sexual harassment is recorded on the subject's official status file "
        "and in the inter-agency screening database. Each year the Agency publishes an anonymised summary of "
        "the disciplinary measures imposed, so that personnel can see that the policy is enforced.",
        "14.10 Where an investigation does not support the allegations, the subject may ask HRD for "
        "reasonable steps to restore their standing, such as a written confirmation of the outcome to "
        "people who were aware of the allegations.",
    ]),
    ("15", "Records and data", 1, [
        "15.1 OIA keeps the records of all reports, complaints and investigations in a secure case "
        "management system to which access is restricted to the staff who need it for their functions.",
        "15.2 Case records are kept for **10 years** after the case is closed, after which they are securely "
        "destroyed. Records needed for a pending appeal are kept until the appeal has been decided.",
        "15.3 Statistics produced under this policy are anonymised and never allow an individual to be "
        "identified, including in small offices.",
        "15.4 Complainants and subjects may ask for access to the personal data held about them, subject to "
        "the need to protect the safety and privacy of others.",
    ]),
    ("16", "Monitoring and review", 1, [
        "16.1 Each year HRD, together with OIA, prepares a report to the Executive Board on the application "
        "of this policy. The report sets out:",
        ("ul", [
            "the number of reports received, broken down by channel;",
            "the number of formal complaints, investigations and substantiated cases;",
            "the average time taken at each stage of the process;",
            "the interim, disciplinary and administrative measures taken; and",
            "the completion rates for mandatory training.",
        ]),
        "16.2 The policy is reviewed **every three years**, or earlier if experience or a change in the "
        "Agency's rules makes this necessary. Each review includes consultation with staff representatives "
        "and with the network of Respectful Workplace Advisers.",
        "16.3 The Director of HRD is responsible for interpreting this policy. Questions about it may be sent "
        "to respect.policy@iare.example.",
        "16.4 Heads of office report to HRD by 31 January each year on the prevention activities carried "
        "out in their office during the previous year, including the completion of mandatory training.",
    ]),
    ("17", "Entry into force", 1, [
        "17.1 This policy enters into force on 1 September 2023 and remains in force until it is amended or "
        "replaced.",
    ]),
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
