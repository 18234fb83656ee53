"""Sections 5-12 of the fictional IARE policy (see ``policy_text.py`` for the markup)."""

SECTIONS_5_TO_12 = [
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
]
