"""Sections 13-17 of the fictional IARE policy (see ``policy_text.py`` for the markup)."""

SECTIONS_13_TO_17 = [
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
