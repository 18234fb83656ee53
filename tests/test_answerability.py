"""Answers that answer, and say when they cannot: answerability per ask, focused units, who is asking."""

from __future__ import annotations

import numpy as np
import pytest

from ingest.models import DocType
from service.answering.answerability import WordVectors, asked_numbers, assess
from service.answering.candidates import Unit, is_statement, units
from service.answering.care import NOT_ABOUT_CARE
from service.answering.coverage import expected_answer
from service.answering.disclosure import DisclosureDetector, Probe, told_as_mine, told_of
from service.answering.extractive import ExtractiveAnswerer, Scored
from service.answering.focus import (
    as_typed,
    asked_means,
    asked_nouns,
    asked_to_exist,
    asks_for_several,
    concepts_in,
    content_stems,
    counted,
    mentioned,
    name_runs,
    parts,
    people_stems,
    plain,
    recased,
    respelled,
    sets_time_limit,
    sides,
    stem,
    unheld_words,
    unknown_names,
    without_word,
    words,
)
from service.models import Passage

# the tester's misses (issue 18) and more short, indirect or explicit accounts
DISCLOSURES = [
    # a witness asking what to do themselves, not how to help the person harmed
    "I saw my supervisor grab an intern at the party and I froze. What should I do now?",
    "I overheard the deputy tell a temp that her contract would be extended if she slept with him.",
    "My director told me I would get the extension if I met him for a drink at his hotel.",
    "I overheard our chief telling an intern she would pass probation if she spent the night with him.",
    "The guard told me he'd let me use the car if I stayed at his place.",
    # an errand sent beside something explicit is no errand
    "He keeps sending me updates with sexual jokes in them.",
    "The consultant texted me the agenda and then a photo of himself naked.",
    # an opening condition on what has begun ("one more", "another") is an account
    "If I receive another explicit photo from my team lead I don't know what I'll do, it's the third this month.",
    # a witness in chat style, the "I" dropped; a promise in words of its own
    "Saw a consultant grab an intern at the reception last night.",
    "He said he'd renew my contract if I 'played along'.",
    "Someone at the office grabbed me in the lift yesterday.",
    # asking leave, with an account beside it
    "Am I allowed to change desks? A coworker keeps staring at my chest.",
    "Can I report my supervisor? He grabbed me at the party last week.",
    "My supervisor sent me a naked photo.",
    "he pinned me against the wall",
    "he exposed himself to me",
    "My boss said my contract renewal depends on having dinner with him.",
    "someone in my unit posted a fake nude of me in the team group chat",
    "since i reported him ive been left out of every meeting",
    "A delegate kept making sexual remarks to me during a side event.",
    "my manager keeps putting his hand on my knee in meetings",
    "he masturbated in front of me on a video call",
    "he sends me messages on whatsapp every night telling me what he wants to do to me",
    # read broadly (``account``): the asker as the one it is done to or as a witness, and an act, a condition, fear
    "Our head of office asked me to sit on his lap at the holiday party.",
    "He said I would never get the P4 post unless I came to his hotel room.",
    "Got an unsolicited nude from a colleague on WhatsApp today, what do I do",
    "I saw my boss slap a junior colleague's bottom in the pantry this morning.",
    "I woke up in a colleague's room after the conference dinner and don't remember how I got there.",
    "I was sexually assaulted by a colleague during a mission in 2022 and never told anyone.",
    "I think I was drugged at a work event and something happened",
    # asked something by a person, not relayed from a body
    "My team leader asked me whether I would come to his hotel room after the party.",
    "The committee chair asked me about my sex life during the interview.",
    # a threat told as what he said, and a discovery
    "He told me he would ruin my career if I didn't sleep with him.",
    "I found a hidden camera in the women's bathroom at our office.",
    # the asker among those something was pressed on
    "During the field visit the team leader insisted we share a hotel room.",
    # a witness to a proposition made to someone the asker works with
    "My interpreter was propositioned by the delegate we were supporting and I saw it happen.",
    # a condition on the asker's per diem; persistence at the asker's door at night
    "The finance assistant on our mission keeps 'forgetting' to process my per diem and hinted it would go quicker if "
    "I came by his room in the evening to sort it out. It has been two months now.",
    "On the survey vessel, one of the deck officers kept knocking on my cabin door after midnight and asking to come "
    "in. Three nights in a row. Is there anything I can do before we sail again?",
    # receiving told in the present perfect; an intrusion while the asker was dressing
    "I have been getting explicit emails from an unknown address since the team retreat.",
    "At the retreat, the director came into the women's changing area while I was dressing.",
    # a benefit on a condition; what followed a complaint, told with "since"
    "He said I'd get the consultancy if I came to his flat to discuss it.",
    "My head of unit suggested I would travel more if I wore shorter dresses.",
    "Since I filed a complaint against my supervisor, I have been left off every email.",
    "An IT technician took intimate photos from my phone while fixing it.",
    # an errand beside the account, the asker kept as the one it is sent to; a thing handled, then the asker
    "He keeps emailing me about the project and calling me sweetheart.",
    "My supervisor keeps pressuring me to finish the report in his hotel room.",
    "He pushed me to finish the slides and then pushed me against the door.",
    "He grabbed the microphone from me and then grabbed my breast.",
    # a chat-style witness of "it"; a remark on the asker's body; an accusation answered with an account
    "witnessed it at the reception: the driver told a young intern to sit on his lap",
    "My boss keeps commenting on my body in team meetings.",
    "They filed a complaint against me saying I harassed him, but he is the one who groped me.",
    "He said a good evaluation has a price and winked at me.",
    # an aside on what was read or played, then the account
    "I played a victim in the workshop and afterwards the facilitator kept texting me at night.",    # a condition put on the asker or, witnessed, on another; remarks kept up; contact about work, then the body
    "the landlord of the UN-approved housing in our duty station said I can skip rent if I 'keep him company' "
    "on weekends",
    "Sorry for my english. My chief say if I want the letter for visa I must go with him on weekend trip "
    "alone. I am scared what to do.",
    "I witnessed a staff member at the distribution site telling a woman she would only get her food ration "
    "if she met him later that night",
    "keeps telling me he dreams about me and describes the dreams in detail. asked him to stop twice. still "
    "going.",
    "he keeps messaging me about the report, then about my legs",
    # slang for an advance; a condition put in broken English or as a euphemism; a threat told as "he told me he"
    "guy from procurement hit on me again, total creep",
    "please help. the man in charge of distribution at the camp say if I want keep my job I must be his girlfriend. "
    "I am national staff, my family need this job",
    "The landlord of the house the mission rents for us asked me yesterday if I could 'pay the rest another way'.",
    "My PhD supervisor, who sits on the selection panel for the JPO programme, hinted that a 'private meeting' at "
    "his hotel would help my application.",
    "Two weeks ago he turned up at the guesthouse at midnight saying he was doing a security check of my room. "
    "Today he told me he can make my movement clearances take forever if I keep being difficult. I don't know who "
    "to trust.",
    # what was shown on the actor's own phone; a massage; something that happened with a person, told obliquely
    "my colleague showed me porn on his phone at work",
    "I was an intern in 2017 and my supervisor used to massage my shoulders. Can former interns still file a "
    "complaint?",
    "Something happened on the last mission with a senior colleague at the hotel and I haven't been able to sleep "
    "since. Who can I talk to?",
    "What is the time limit for reporting sexual harassment under the policy? Asking because mine happened about 8 "
    "months ago at a donor retreat.",
    # a policy question, then "did that to me"; what he made the asker do; favours for an appointment, in a letter;
    # a photo or a hotel visit as the condition; "how do I deal with" before an act on the asker
    "Does it count as harassment if someone films you in the hotel corridor? Because a contractor on our site did that "
    "to me on Friday",
    "You tell yourself it is normal when the store manager makes you try on the uniform in front of him. That is what "
    "he made me do.",
    "Dear Ethics Office, I wish to report that my first reporting officer has asked for sexual favours in exchange for "
    "renewing my fixed-term appointment.",
    "the travel clerk said he would only approve my mission claim if I sent him a selfie 'in something short'",
    "The donor's focal point said our grant would be renewed faster if I 'unwound' with him at his hotel. Can I "
    "report a donor?",
    "How do I deal with my boss? He keeps touching me.",
    # a thing supported is no person helped; an image named in slang, the "I" dropped; what is in the asker's clothes;
    # a grievance after a refusal
    "A donor's adviser tried to kiss me in the lift at the summit. He is still on the programme I'm supporting.",
    "received a dick pic on whatsapp from the deputy head. what now",
    "A co-worker keeps joking about what is 'in my pants' in front of the team.",
    "Since I turned down my supervisor he has given me a bad performance evaluation.",
    # a question on what one wears, sent at night; a promise in a euphemism; an act left unnamed but felt
    "A consultant on our project sends me WhatsApp messages at midnight asking what I'm wearing. Can I report it?",
    "My mentor said he could help my promotion if we 'got to know each other better' over a weekend away.",
    "Can I talk to someone confidentially? A senior colleague did something to me on mission that made me feel dirty.",
]
NOT_DISCLOSURES = [
    # contact with a plain purpose or cause, work remarked on, a photo at a panel, travel arranged
    "During the fire drill the floor warden touched my shoulder to get my attention because I had headphones on, "
    "then pointed me to the stairwell. Where do we assemble next time?",
    "the driver grabbed my arm when i slipped getting out of the vehicle but i still twisted my ankle. how do i "
    "claim compensation for a service injury",
    "The mission doctor touched my back and chest with the stethoscope during my medical clearance. How long is "
    "the clearance valid for?",
    "He commented on my report in front of everyone and called it sloppy. I was really embarrassed. Should I raise "
    "it with him?",
    "A colleague took a photo of me speaking on the conference panel and posted it on the agency's LinkedIn "
    "without asking. Can I ask for it to be taken down?",
    "The organisers said they'd book a hotel room for me but I'd prefer the guesthouse. Do I still get the full "
    "DSA?",
    # an idiom, a lock that is a noun, a plain cause given, a duty turned down, messages about work
    "My supervisor touched base with me today about my contract extension, it's being renewed for 12 months. Do I "
    "need to sign anything?",
    "I reported a broken lock on my guesthouse door two weeks ago and nothing has been done. Who is responsible "
    "for housing maintenance?",
    "my boss said my contract wont be renewed because of budget cuts. is there anything i can do",
    "My team lead keeps calling me late at night because of the time difference with New York. Can I ask for "
    "compensatory time off?",
    "After I said no to extra weekend duty, my supervisor gave the assignment to someone else. Fine by me, but "
    "could it affect my evaluation?",
    "my colleague keeps sending me messages on teams all day about spreadsheet formatting and it's getting "
    "annoying",
    # the asker says it is not sexual
    "My second reporting officer keeps changing my workplan and made a comment in the corridor that I should "
    "'learn how things work here'. None of this is sexual, I know, but it's wearing me down. Where can I go?",
    # a question passed on by a colleague: "me" is the one asked, not the one it is done to
    "A colleague asked me what the Model Policy says on retaliation; where can I find it?",
    "Our director made us attend a training on harassment; what does the policy say about it?",
    "Does touching count as sexual harassment?",
    "I am a focal point preparing a training on unwanted touching; what does the report say?",
    "What did Commissioner Jenkins say about how common harassment is?",
    "Can you send me the policy on sexual harassment?",
    "I'm scared to speak in meetings because of the culture",
    "I need to know whether touching a colleague's hair counts as harassment.",
    "If my colleague sends me a rude joke by email, should I report it?",
    "I attended the event; could you remind me what Lopez said?",
    # close to accounts in meaning or words, but questions: about reporting, about being accused, hearsay
    "Should I report harassment even if I'm not sure it counts?",
    "Can I get support if I am accused of harassment?",
    "Someone told me the summary talks about male allies; does it?",
    # a question relayed from a body or the press: neither an account nor a helper's
    "Our union asked me what protection from retaliation exists; what should I tell them?",
    "A journalist asked me what the UN is doing about harassment; what can I tell them?",
    "I was touched by the speeches at the launch; where can I read them?",  # moved, not touched
    "I touched on this in my last training: is a single comment enough to count as harassment?",
    # a report of something else, and retaliation as a policy's name, not as something done to the asker
    "I reported a fraud case last year; does whistleblower protection apply to me?",
    "I reported a procurement irregularity last year; does the retaliation protection also cover that?",
    # the asker as the one a policy protects, and "keep" as in keeping a file: no account
    "What is the deadline for asking the Ethics Office to protect me from retaliation?",
    "After sending my notes on a disclosure to the Adviser, how long can I keep my own copies?",
    # anyone at all in a hypothetical; the asker doing it; a threat that is not aimed at the asker
    "If someone keeps messaging me after I said no, does that count as harassment?",
    "I kissed my partner goodbye at the office entrance this morning - could that break any code of conduct rule?",
    "Our director threatened to cancel the offsite if the budget isn't in by Friday. How do I request an extension?",
    # "me" asked something of, a second clause after the act, a hypothetical about my manager, "since" as "as"
    "Can you tell me what the policy says about touching without consent?",
    "Remind me who chaired the Task Force.",
    "Is it harassment if my colleague keeps asking someone out after they said no?",
    "Would it count as harassment if my team leader comments on a colleague's weight?",
    "Since I reported the issue to HR, what are the next steps in the process?",
    "How do I explain retaliation to my team?",  # a noun for an act, before "my": whom it is explained to
    # leave asked for something the asker would do; "even if" concedes, it sets no condition on the asker
    "Is it okay for me to record a meeting with my manager on my phone?",
    "Is it okay for me to put what I saw happen to a colleague on Facebook?",
    "Will my contract be affected even if I don't file a complaint?",
    "Can my boss move me to another team after I speak up, even if I don't want to go?",
    # figurative: moved, interested; and an errand of work sent however often
    "Her testimony deeply touched me. Is a recording available?",
    "The opening film grabbed my attention; is it online?",
    "HR keeps emailing me reminders about the mandatory course. Where do I find it?",
    "Could you grab me the reporting form?",
    # the asker as the one who may be disciplined
    "Might I get sanctioned for hugging a colleague at the farewell party?",
    # a condition opening the question: the asker as whom it would be sent to, a vendor as who would send it
    "If I receive a sexual message from a contractor, what should I do?",
    # what was seen is no person: the news, a panel, survey results
    "Saw the survey results; how many staff said they were touched?",
    "Watched the panel on harassment, who spoke first?",
    # following up, a seat taken
    "My supervisor asked me to follow up on the survey. When is it due?",
    "Somebody grabbed my seat at the briefing again; where are the slides?",
    "I was touched by the participants' stories at the launch. Is there a recording?",
    "HR keeps texting me about the training deadline; is there an extension?",
    # hard negatives another session wrote: a thing handled, not a person; moved by how; pressed for a task
    "He grabbed the mic from me during the panel, so rude lol. anyway how do I book the conference room "
    "for next week?",
    "my deskmate keeps touching my stuff, moving my stapler and my plants, so annoying haha. how do I "
    "raise it nicely?",
    "I was so touched by how kind everyone was at my farewell, how do I send a thank you to the whole "
    "office?",
    "he keeps asking me for the drinks budget for the reception after I said it's not approved. who "
    "signs off on hospitality?",
    "I feel really pressured to finish the donor report by friday, my supervisor is pushing hard. is "
    "that normal?",
    "getting harassed by emails from IT about updating my password lol, can I turn them off?",
    "I was followed on twitter by a journalist after my panel, should I accept his DMs or is there a "
    "media policy?",
    # what the asker read or played, what an accusation against them says, a renewal tied to a budget
    "I saw a documentary about harassment in Hollywood last night, really disturbing. Are the UN rules "
    "similar?",
    "We did a role-play in the workshop where I played a manager asking for favours in exchange for a "
    "promotion. It felt awkward. Is that a good training method?",
    "Someone filed a complaint against me saying my joke at the retreat was sexual. I didn't mean it "
    "that way. What happens now?",
    "My manager said my contract renewal depends on the donor funding coming through. Is that normal?",
    # "message" as a noun, a bargain that is not the asker's, an opening condition the probe does not read, a task
    "My supervisor asked me to draft the office's anti-harassment message for the town hall. Any key "
    "points?",
    "If I report my supervisor, can he see my name?",
    "My landlord keeps pressuring me to pay rent six months upfront because I work for the UN. Is that "
    "allowed?",
    "my laptop got stolen, I reported it and now IT keeps harassing me for the incident form. ugh",
    "Can I report a manager asking for sex in exchange for a promotion?",
    "My boss's messages are always so long, how do I summarise them for the team?",
    "I saw the news that a UN official was dismissed for groping staff. Is that common?",
    # contact kept up about anything that is no favour, however sent; pressed to sign; a film's plot (second batch)
    "my supervisor keeps calling me on weekends about the budget report, is that allowed?",
    "My landlord keeps harassing me about the rent increase, can the UN help with housing disputes?",
    "a recruiter keeps messaging me on linkedin about a job with a private company, am I allowed to accept "
    "outside employment?",
    "the IT helpdesk keeps calling me about resetting my MFA, could this be a phishing scam?",
    "I feel pressured by my director to sign off on a payment I think is irregular. Where do I report "
    "possible fraud?",
    "A journalist keeps emailing me asking for comments on harassment cases in our agency. Am I allowed to "
    "respond?",
    "The security guard at the gate keeps asking for my ID every single day even though he knows me. So "
    "annoying.",
    "A donor focal point keeps calling me at night about the report deadline. How do I set boundaries "
    "professionally?",
    "In the movie I watched last night the boss blackmailed his assistant for sex. Would that count as quid "
    "pro quo under UN rules?",
    # contact the asker calls comforting; fear with no one named; a study of harassment is no harassment suffered
    "At our colleague's funeral my manager put his hand on my shoulder while we stood by the grave. It was actually "
    "really comforting. How do I thank him without it being awkward?",
    "The hotel booked for our mission had a broken lock on my door and I felt unsafe all night. Who do I contact to "
    "get moved?",
    "I'm researching sexual harassment in humanitarian organisations. Can you point me to surveys on prevalence?",
    # a flash appeal; a medical test and a security check; spam; a remark on the asker's nationality
    "The CO kept calling me about the deadline for the flash appeal even while I was on annual leave. Is that allowed?",
    "The nurse at the staff clinic had to put the electrodes on my chest for the ECG, all normal. How long until "
    "fit-to-travel results come back?",
    "At the airport in Addis security patted me down and searched my bag for 20 minutes. Would a laissez-passer make "
    "this faster?",
    "I keep getting spam emails with explicit content on my work account. How do I report it to IT as phishing?",
    "A colleague keeps making comments about my nationality, like 'you people are always late'. Is that covered by the "
    "discrimination policy?",
    # a condition ("if I've been harassed"); the asker as the one accused, who asks no help for anyone
    "Is there a phone line I can call at night if I've been harassed?",
    "A coworker has accused me of harassment because I commented on her haircut. What happens to the accused and can I "
    "give my side?",
    # what the asker did drew the complaint: the asker is the one complained of
    "I told a joke with a sexual innuendo at the team dinner and someone complained. Am I going to be fired?",
    # another's words quoted for work; the asker's own act asked about; an exercise set for a training
    "I am coding answers from our staff survey. One response reads: 'I was touched without consent by my supervisor "
    "on a mission.' Should it be coded as physical harassment?",
    "For an onboarding slide I'm quoting a survivor: 'He grabbed me and I froze.' Is freezing a common response?",
    "I touched a colleague's arm while joking and she looked uncomfortable. Could that be seen as harassment?",
    "Training scenario: Maria's manager sends her messages about her appearance. What should Maria do? Pick the best "
    "answer.",
]
SUPPORTERS = [
    "I saw an intern being groped by a driver at the depot and she looked terrified. Should I say something?",
    "My friend turned down her director and now he threatens her evaluation. She asked me to be a witness; what does "
    "that involve?",
    "My colleague was harassed and asked me to be her support person in the interview. What does that involve?",
    "I witnessed my colleague being cornered by a manager at the party and she is now avoiding everyone. How can I "
    "reach out to her?",
    "How should I respond when a colleague tells me they were harassed?",
    "My friend at work confided that her boss touches her; how can I help her?",
    "A team member told me in confidence that she is being harassed. What should I do next?",
    "What's the best way to support a coworker who was sent unwanted sexual images by a colleague?",
    "my flatmate works at a UN agency and told me a guy there grabbed her at a party, where can she go for help?",
    "My colleague was groped by her supervisor; what are her options?",
    # read broadly (``helping``): someone else harmed, and what to do about it
    "What can I say to a colleague who was harassed and does not want to report?",
    "A friend of mine at another agency was harassed; where can she get help?",
    "someone on my team broke down and said a senior official groped her, what now",
    "How can I be there for a coworker who was harassed at a conference?",
    "A friend was harassed by her team leader and is afraid to report. Any advice I can give her?",
    "What is the right way to react when a colleague discloses harassment to me?",
    "what resources can i share with a colleague who was harassed",
    "Should I tell HR if a colleague confides in me but asks me to keep it secret?",
    # read by the helper probe: no rule lists these words
    "What should a manager do if a staff member says she was groped?",
    "My colleague says her manager keeps touching her. What are my duties as her supervisor?",
    "A participant came to me as event focal point saying someone grabbed her; what now?",
    # the colleague is the one it was done to ("after being assaulted"), not the one doing it
    "What support can my colleague get after being assaulted on mission?",
    # told by the person harmed ("reported ... to me"); "harasser" names a person, not something done to the asker
    "A consultant on my team reported sexual harassment to me yesterday. What are my obligations?",
    "My colleague won't report because her harasser is her director. How do I encourage her?",
    # told in a whisper; asked whom the person harmed can contact
    "my coworker whispered to me that the director at the workshop keeps touching her. i dont know how to help",
    "my cousin works for an NGO and a colleague shared nude photos of her. who can she contact?",
    "How do I listen to a coworker who says she was assaulted without making it worse?",
    # a manager told of a complaint or of harm; shown what was sent to a colleague
    "I'm a team leader and one of my staff filed a complaint about a colleague. What must I do?",
    "I manage a young consultant who told me a driver keeps commenting on her body. Can I change his route?",
    "My colleague showed me the texts her supervisor sends her late at night. Do I have to report it?",
    "As a manager I received a complaint of sexual harassment against one of my direct reports. What are the "
    "next steps?",
    # a role named by the word "harassment"; what a colleague told the asker her chief did, in broken English
    "i'm the harassment focal point in our office and a staff member just told me her team lead grabbed her at a "
    "party. what should I say to her first?",
    "sorry english not so good. my colleague she tell me the chief touch her in office and she is scared. what i can "
    "do for her",
    # a witness who wants to speak to the person harmed; what a sister was told by her boss ("she keeps refusing him")
    "I saw my colleague's supervisor grab her arm and whisper something to her in the corridor, and she looked "
    "terrified. Should I say something to her?",
    "My sister works for a UN agency and told me her boss threatened not to renew her contract if she keeps refusing "
    "him. Are there external options I can tell her about?",
    # what a nephew told of someone else's act on him: "He told me a guard ... him" passes on an account
    "My nephew volunteers at a UN field office. He told me a security guard showed him porn and touched him. Who "
    "should I contact, since he is too embarrassed to?",
]


@pytest.fixture(scope="module")
def detector(embedder):
    return DisclosureDetector(lambda texts: embedder.encode(texts))


@pytest.mark.parametrize("question", DISCLOSURES)
def test_short_and_indirect_accounts_are_disclosures(detector, question):
    assert told_of(plain(question)) and detector.assess(question).asker == "disclosure"


@pytest.mark.parametrize("question", NOT_DISCLOSURES)
def test_policy_third_person_and_role_questions_are_not(detector, question):
    assert detector.assess(question).asker == "question"


@pytest.mark.parametrize("question", SUPPORTERS)
def test_a_helper_is_recognised_and_not_taken_for_the_victim(detector, question):
    signal = detector.assess(question)
    assert signal.asker == "supporter" and not signal.is_disclosure


@pytest.mark.parametrize("question", [
    "What disciplinary actions are possible if someone is found to have harassed a colleague?",
    "What happens to someone who harassed a colleague?",
])
def test_a_question_on_what_befalls_the_accused_is_a_question(detector, question):
    assert detector.assess(question).asker == "question"


def test_an_account_told_in_the_second_person_is_the_askers_own(detector):
    told = "You know when your team leader keeps standing too close and brushing against you at the printer? Every day now."
    assert told_as_mine(plain(told)).startswith("I know when my team leader")
    assert detector.assess(told).asker == "disclosure"
    assert detector.assess("You know how the hotline works at night? Is it staffed at weekends too?").asker == "question"


def test_a_rule_on_handling_a_disclosure_asked_in_the_third_person_is_a_question(detector):
    # the helper probe reads a question naming no asker as a helper's only when it asks what to say or do
    assert detector.assess("What should the manager write down after someone discloses harassment?").asker == "question"
    assert detector.assess("What should a focal point say when a staff member discloses sexual harassment?").asker == \
        "supporter"


def test_the_helper_probe_reads_a_helper_but_not_an_account_told_as_one(detector, embedder):
    helper = Probe.load(head="supporter")
    assert helper.weights.shape == (384,) and 0.5 <= helper.threshold < 1
    asked, policy = embedder.encode(["How can I be there for a coworker who was harassed at a conference?",
                                     "What does the policy say about harassment at conferences?"])
    assert helper.probability(asked) >= helper.threshold > helper.probability(policy)
    # something done to the asker stays the asker's own account, whatever the probe reads
    assert detector.assess("If my colleague sends me a rude joke by email, should I report it?").asker == "question"


def test_the_probe_reads_an_account_no_rule_lists_and_only_behind_the_rules(detector, embedder):
    probe = Probe.load()
    assert probe.weights.shape == (384,) and 0.5 <= probe.threshold < 1
    account, policy = embedder.encode(["my manager gave me a vibrator as a joke gift at the office party",
                                       "What does the policy say about gifts from managers?"])
    assert probe.probability(account) >= probe.threshold > probe.probability(policy)
    # a hypothetical or a role is turned away before the probe is read, however close its words
    hypothetical = "What should I do if my manager gives me a vibrator as a joke gift?"
    assert detector.assess(hypothetical).asker == "question"


def passage(text: str, section: str | None = None) -> Passage:
    return Passage(id="p", doc_key="d", title="Policy", doc_type=DocType.policy, section=section, text=text, score=1.0)


def state(found: list[Unit], question: str, names: set[str] | None = None, closeness: float = 1.0) -> str:
    """The question's coverage by the units ``found``, each this close to it in meaning."""
    return assess(parts(question, set(), names), found, [closeness] * len(found)).state


def test_an_ask_about_what_a_sentence_says_needs_two_of_its_words_or_a_close_meaning():
    friends = units([passage("The Group of Friends is a platform for knowledge sharing among Member States.")])
    accompanied = "Can a complainant be accompanied by a friend during interviews?"
    # a word of the ask inside a name is no word of its topic; moderately close in meaning is not enough
    assert state(friends, accompanied, closeness=0.35) == "not_covered"
    assert state(friends, accompanied, closeness=0.45) == "answered"  # close to the whole question: it answers
    rule = units([passage("A complainant may bring a friend to every interview.")])
    assert state(rule, accompanied, closeness=0.35) == "answered"
    one_word = units([passage("Investigations of complaints are handled by the oversight office.")])
    assert state(one_word, "Is the outcome of an investigation shared with the complainant?", closeness=0.35) == "not_covered"


def test_what_an_ask_wants_of_a_named_thing_must_be_said_of_it():
    names = {"Enabling", "Environment", "Guidelines"}
    question = "What are the Enabling Environment Guidelines' main chapters?"
    mention = units([passage("DED Bhatia referred participants to the Enabling Environment Guidelines.")])
    assert state(mention, question, names, closeness=0.35) == "not_covered"
    chapters = units([passage("The Enabling Environment Guidelines have four chapters, one per level of the organization.")])
    assert state(chapters, question, names, closeness=0.35) == "answered"
    # naming the thing is enough when nothing is wanted of it but what it is
    assert state(mention, "What are the Enabling Environment Guidelines?", names, closeness=0.35) == "answered"
    # whose view is asked is not what is asked of the thing: "Israel's ambassador" wants no word "ambassador"
    erdan = units([passage("He gave the example of Israel, the first country to adopt legislation on online abuse.")])
    assert state(erdan, "According to Israel's ambassador, what can countries bring?", {"Israel"}, 0.35) == "answered"


def test_words_close_in_meaning_count_as_shared_when_single_words_are_embedded():
    found = units([passage("Engaging male colleagues as allies is an effective strategy.")])
    asks = parts("What did the publication say about men and allies?", set(), set())
    assert assess(asks, found, [0.35]).state == "not_covered"  # "allies" alone: one word of three
    close = {"men": (1.0, 0.0), "male": (0.8, 0.6)}

    def word_vectors(texts: list[str]) -> np.ndarray:
        return np.array([close.get(t, (0.0, 1.0) if t == "allies" else (-0.6, -0.8)) for t in texts])

    assert assess(asks, found, [0.35], word_vectors=WordVectors.of(word_vectors)).state == "answered"


def test_what_is_x_is_answered_first_by_the_sentence_saying_what_x_is():
    text = ("On behalf of the Group of Friends to Eliminate Sexual Harassment, Mr. Erdan thanked the organisers. "
            "The Group of Friends is a platform for knowledge sharing among Member States.")
    found = units([passage(text)])
    thanks, platform = found
    thanks.score, platform.score = 1.5, 1.0  # the name in full and a close meaning rank the thanks first
    asks = parts("What is the Group of Friends to Eliminate Sexual Harassment?", set(), {"Group", "Friends", "Eliminate"})
    coverage = assess(asks, found, [0.8, 0.5])
    assert coverage.asks[0].answering[0] == found.index(platform)
    # an ask that is not "what is X" keeps the ranking
    other = parts("Who spoke for the Group of Friends to Eliminate Sexual Harassment?", set(), {"Group", "Friends", "Eliminate"})
    assert assess(other, found, [0.8, 0.5]).asks[0].answering[0] == found.index(thanks)


def test_the_chair_of_the_body_asked_about_and_a_document_are_no_answer_to_who():
    outlined = units([passage("The Chair of the Task Force outlined the common tools developed by the CEB Task Force, "
                              "including the ClearCheck screening database and a UN Model Policy on Sexual Harassment.")])
    assert state(outlined, "Who chairs the CEB Task Force?", {"Task", "Force", "CEB"}) == "not_covered"
    named = units([passage("The Chair of the CEB Task Force, Ms. Kelly T. Clements, addressed participants.")])
    assert state(named, "Who chairs the CEB Task Force?", {"Task", "Force", "CEB"}) == "answered"


def test_how_many_people_is_answered_by_a_number_of_participants_or_a_list_of_people():
    welcome = units([passage("The facilitator welcomed over 140 participants from UN entities to the launch event.")])
    assert state(welcome, "How many people attended the launch event?") == "answered"
    dated = units([passage("The launch event was held on 28 October 2021 in New York.")])
    assert state(dated, "How many people attended the launch event?") == "not_covered"
    panel = units([passage("The dialogue was moderated with the following panel:\n\n- Ms. Kate Jenkins, Commissioner\n\n"
                           "- Professor Scott Westfahl, Harvard Law School")])
    assert state(panel, "How many people sat on the panel?") == "answered"  # a list of people counts them
    channels = units([passage("Reports may be made through the following channels:\n\n- the Ethics Office\n\n"
                              "- the SafeVoice line")])
    assert state(channels, "How many people can take a report?") == "not_covered"  # a list of offices counts none


def test_a_lead_in_carries_its_items_and_an_item_its_lead_in():
    text = ("Managers who receive complaints must:\n\nlisten carefully;\n\nforward the complaint to HR within "
            "24 hours;\n\nnot investigate themselves.\n\nInvestigations are typically completed within **30 days**.")
    found = units([passage(text)])
    lead = next(u for u in found if u.text.startswith("Managers"))
    assert [text[a:b] for _, (a, b) in lead.items][-1] == "not investigate themselves."
    item = next(u for u in found if "24 hours" in u.text)
    assert item.lead_in and item.quote.startswith("Managers who receive") and item.quote in text
    assert item.shown().startswith("Managers who receive complaints must:\n…\n- forward")
    # the paragraph after the list is not an item, and emphasis does not hide its time span
    last = next(u for u in found if "30 days" in u.text)
    assert not last.before and "30 days" in last.body


def test_a_footnote_printed_inside_a_bulleted_list_does_not_end_it():
    text = ("2.1 This policy applies to all personnel, namely:\n\n• staff members on any appointment;\n\n1. This policy "
            "supersedes Policy 2018/03. Earlier matters are completed under the old rules.\n\n• consultants and "
            "individual contractors;\n\n• interns and fellows.")
    item = next(u for u in units([passage(text)]) if u.text.startswith("consultants"))
    assert item.lead_in and item.shown().startswith("2.1 This policy applies to all personnel, namely:\n…\n- consultants")
    assert item.quote in text


def test_a_sentence_announcing_what_follows_carries_the_sentence_after_it():
    text = ("Ms. Anita Bhatia closed the event. She emphasised several recommendations. One is the need to address "
            "gender parity. Another is training.")
    found = {u.text[:12]: u for u in units([passage(text)])}
    announcing = found["She emphasis"]
    assert announcing.quote == "She emphasised several recommendations. One is the need to address gender parity."
    assert announcing.shown().startswith("She [Ms. Anita Bhatia] emphasised several recommendations.\n- One is")
    assert "One is the n" in found  # the sentence after stays a unit of its own
    # a count of days is said, not announced; an announcing sentence at the end of its passage is a fragment
    assert not units([passage("The survey covered two years.")])[0].items
    assert not units([passage("The Chair noted the following points.")])


def test_a_table_row_with_a_phone_number_is_quotable_and_ext_does_not_end_a_sentence():
    assert is_statement("SafeVoice line by telephone +44 20 7946 0321 (24 hours) Yes Passes reports to OIA")
    assert not is_statement("Annex 2 Reporting channels and contacts")  # a heading
    assert not is_statement("Dialogue 4: No one left outside - field locations, affiliate personnel and online harassment")
    row = "Staff Counsellor Staff Welfare Unit, ext. 4460 Confidential Psychosocial support"
    assert [u.text for u in units([passage(row)])] == [row]


def test_contact_details_answer_only_for_the_office_named_in_the_same_unit():
    text = ("The Ethics Office gives confidential advice on this policy.\n\n"
            "Staff Counsellor, Staff Welfare Unit, ext. 4460, confidential psychosocial support.")
    found = units([passage(text)])
    ones = [1.0] * len(found)
    ethics = parts("What is the phone number of the Ethics Office?", set(), {"Ethics", "Office"})
    assert assess(ethics, found, ones).state == "not_covered"
    counsellor = parts("What's the phone extension for the Staff Counsellor?", set(), {"Staff", "Counsellor"})
    assert assess(counsellor, found, ones).state == "answered"


def test_a_count_is_of_what_is_asked_and_of_the_thing_named():
    text = ("Managers who receive complaints must:\n\nforward the complaint to HR within 24 hours;\n\nkeep it "
            "confidential.\n\nThe panel had the following members:\n\nMs. Ruiz;\n\nMr. Osei.\n\n"
            "The Deloitte report estimated that harassment cost Australia 3.8 billion dollars.")
    found = units([passage(text)])
    # "within 24 hours" counts hours, and a list of what managers must do is no count of complaints
    assert state(found, "How many complaints did the agency receive?") == "not_covered"
    assert state(found, "How many members did the panel have?") == "answered"  # the list of them
    assert state(found, "How many hours does a manager have to forward a complaint?") == "answered"
    # an amount answers for the thing the ask names only where it is named
    assert state(found, "How much did harassment cost Australia?", {"Australia"}) == "answered"
    assert state(found, "How much does it cost to run ClearCheck?", {"ClearCheck"}) == "not_covered"


def test_a_date_answers_when_it_stands_next_to_what_it_dates():
    text = ("The Chair outlined the tools developed by the Task Force since its inception in 2017, including a model "
            "policy, a code of conduct for events and the ClearCheck database.\n\n"
            "The Code of Conduct for UN system events was launched in May 2018.")
    found = units([passage(text)])
    # 2017 dates the Task Force's inception, many words before ClearCheck is named
    assert state(found, "When was the ClearCheck database first launched?", {"ClearCheck"}) == "not_covered"
    assert state(found, "When was the Task Force set up?", {"Task", "Force"}) == "answered"
    assert state(found, "When was the Code of Conduct launched?", {"Code", "Conduct"}) == "answered"
    # next to the name it dates, a date answers however the ask words it ("created" for "inception"), even when the
    # sentence is not close to the question in meaning
    assert state(found, "In what year was the Task Force created?", {"Task", "Force"}, closeness=0.1) == "answered"
    # words beside any date ("annual", "held") do not tie it to another event
    week = units([passage("The Adviser organizes an annual Respectful Workplace Week held in November.")])
    assert state(week, "In which month is the annual refresher day held?") == "not_covered"
    assert state(week, "In which month is the Respectful Workplace Week held?", {"Respectful", "Workplace", "Week"}) \
        == "answered"



def test_a_place_asked_for_is_given_by_a_room_where_the_thing_is_named():
    row = units([passage("Staff Counsellor Ext. 4410, Room B-214 Mon-Thu 09:00-17:00 Counselling and referral")])
    # the office asked for is the room: "office" is no word the answer must share
    assert state(row, "Where is the Staff Counsellor's office?", {"Staff", "Counsellor"}, closeness=0.3) == "answered"
    assert state(row, "Where are the regional liaison offices located?", closeness=0.3) == "not_covered"


def test_a_superlative_is_answered_by_a_ranking_and_an_email_ask_is_not_about_email_conduct():
    text = ("UNICEF now allows for reporting of cases by all personnel.\n\n"
            "UNHCR received more reports than any other entity in 2020.\n\n"
            "Ombudsperson ombudsperson@iare.example Confidential Informal resolution")
    found = units([passage(text)])
    ones = [1.0] * len(found)
    ranked = assess(parts("Which entity has the most reports?", set(), set()), found, ones)
    assert ranked.state == "answered" and "UNHCR" in found[ranked.asks[0].answering[0]].text
    unranked = assess(parts("Which entity has the most reports?", set(), set()), found[:1], ones[:1])
    assert unranked.state == "not_covered" and "which has the most" in unranked.reasons[0]
    email = parts("What email address does the Ombudsperson use?", set(), set())
    assert email[0].concepts == {"informal resolution or mediation"}  # not "online conduct"
    assert assess(email, found, ones).state == "answered"


def test_a_named_office_is_answered_for_only_where_it_is_named_and_a_speaker_where_they_are_described():
    table = passage("Acknowledging a request for protection Ethics Office Within three working days.",
                    section="Annex 1: Time limits")
    review = passage("10.7 A subject may ask the Director-General to review an interim measure that affects them.")
    found = units([table, review])
    # the Ethics Office's deadline is no deadline of the Director-General's, though the policy names both
    asked = "Is there a deadline for the Director-General to act on protection measures the Ethics Office proposes?"
    coverage = assess(parts(asked, set(), {"Director-General", "Ethics", "Office"}), found, [1.0] * len(found))
    assert coverage.state == "not_covered" and "Director-General" in coverage.reasons[0]
    # the reason names them as the question writes them, not word by word
    assert name_runs("Who chairs the Independent Audit and Oversight Committee's board?",
                     ("Independent", "Audit", "Oversight", "Committee")) == ["Independent Audit and Oversight Committee"]
    assert state(found, "Is there a deadline for the Ethics Office to acknowledge a request for protection?",
                 {"Ethics", "Office"}) == "answered"
    # a name describing a speaker ("the Harvard professor") may stand in another passage of the document
    spoke = passage("Professor Scott Westfahl of Harvard Law School moderated the second panel.")
    said = passage("Professor Westfahl emphasized that leaders must ensure psychological safety so that staff speak up.")
    found = units([spoke, said])
    asked = "Why does psychological safety matter, according to the Harvard professor?"
    coverage = assess(parts(asked, set(), {"Harvard"}), found, [0.1, 1.0])  # only the second is about the ask
    assert found[1].people == {"Westfahl"} and coverage.asks[0].answering == (1,)
    # a name the passage holds, but not the sentence nor next to its speaker's name, is not what the sentence is about
    welcome = passage("The Code of Conduct was shared with all participants. Sign language interpretation was "
                      "provided, and the facilitator welcomed over 140 participants from UN entities, Member States, "
                      "civil society and academia.\n\nOn behalf of the Group of Friends, H.E. Mr. Gilad Erdan thanked "
                      "the organisers. He gave the example of Israel, the first country to adopt legislation against "
                      "sexual harassment and abuse online.")
    found = units([welcome])
    asked = parts("Does the Code of Conduct apply to online meetings?", set(), {"Code", "Conduct"})
    assert found[-1].people == {"Erdan"} and len(found) == 4
    assert assess(asked, found, [0.1, 0.1, 0.1, 1.0]).state == "not_covered"


def test_a_name_no_passage_holds_is_what_the_ask_is_not_covered_on():
    passages = ["Professor Scott Westfahl of Harvard spoke. The Ethics Office advises staff in Israel.",
                "Staff can report through the hotline or WhatsApp."]
    people = {"Westfahl", "Scott", "Professor"}
    assert unknown_names("How long does an OIOS investigation take?", passages, set(), people) == ("OIOS",)
    assert unknown_names("What did the representative of Kenya say?", passages, set(), people) == ("Kenya",)
    assert unknown_names("Can I appeal to the Dispute Tribunal?", passages, set(), people) == ("Dispute Tribunal",)
    for held in ["What did the Israeli ambassador say?",  # "Israel" holds "Israeli"
                 "What did Scott Westfahl say on Friday?",  # a person the passages name; a day
                 "Does harassment on Facebook or Telegram count?",  # words the "online conduct" concept stands for
                 "Is the Ethics Office confidential?", "Does HR or the US mission handle it?",  # short acronyms
                 "WHO WON THE FIFA WORLD CUP"]:  # capitals say nothing of names
        assert unknown_names(held, passages, set(), people) == (), held
    assert unknown_names("What does the Model Policy say?", passages, {"Model", "Policy"}, people) == ()
    # an acronym is held where the passages spell it out ("Junior Professional Officers" for "JPOs"), not elsewhere
    spelled = ["It covers interns, fellows and Junior Professional Officers seconded by Member States."]
    assert unknown_names("does this policy apply to interns and JPOs?", spelled, set(), set()) == ()
    assert unknown_names("does this policy apply to interns and UNVs?", spelled, set(), set()) == ("UNVs",)


def test_a_weekday_is_when_something_is_asked_about_not_a_thing_named():
    (ask,) = parts("Is the Ombudsperson reachable on a Friday?", set(), {"Ombudsperson", "Friday", "October"})
    assert ask.named == ("Ombudsperson",)
    (dated,) = parts("Who spoke at the launch on 28 October 2021?", set(), {"October"})
    assert dated.named == ("October",)  # a month stays: it names the dated event the question is about


def test_the_words_of_an_ask_its_passages_do_not_hold_and_the_question_without_one():
    ask = parts("Is childcare provided for a complainant during investigation interviews?", set(), set())[0]
    held = {w.lower() for w in words("Interviews are provided to a complainant during an investigation.")}
    assert unheld_words(ask, held) == ["childcare"]
    # the parties to a case go by other names in other policies ("the affected person")
    assert unheld_words(ask, set()) == ["childcare", "provided", "investigation", "interviews"]
    # nor is a compound or a misspelling of a passage's word a word no passage holds
    misspelt = parts("Can I report anonymusly about an off-site retreat?", set(), set())[0]
    assert unheld_words(misspelt, {"anonymously", "report"}) == ["retreat"]
    assert without_word("Is childcare or CHILDCARE provided for child-care?", "childcare") == "Is or provided for child-care?"


def test_a_word_no_document_holds_is_what_the_ask_is_not_covered_on(corpus_kb):
    retriever = corpus_kb.answers.retriever
    assert not retriever.mentions("polygraph") and retriever.mentions("leaders") and retriever.mentions("the")
    answer = corpus_kb.ask("Is grabbing someone considered sexual harassment under the policy?")
    assert answer.state == "not_covered" and "no document in this library mentions “grabbing”" in answer.answer
    # a sentence saying it in other words reads farther from the question without the word: still answered
    kept = corpus_kb.ask("Was the launch event accessible to deaf participants?")
    assert kept.state == "answered" and "sign language interpreters" in kept.citations[0].quote


def test_what_a_question_asks_for_and_counts():
    assert asked_nouns("What recommendations did Anita Bhatia highlight?") == {"recommend"}
    assert asked_nouns("Which kinds of behaviour count as retaliation?") == {"behaviour"}
    assert asked_nouns("What is ClearCheck?") == frozenset() and asked_nouns("What time limit applies?") == frozenset()
    # what is counted is the noun before the verb, not the verb
    assert counted("How many investigators work in OIA?") == {"investig"}
    assert counted("What share of investigations ended with a finding?") == {"investig"}
    assert counted("What is the maximum amount of a fine for harassment?") == {"fine"}
    assert counted("How many times a year does the counsellor visit the regional offices?") == frozenset()  # a frequency
    assert counted("What is the maximum fine that can be imposed?") == {"fine"}  # its number, not any in the list
    fines = units([passage("The following measures may be imposed:\n\n(a) suspension for up to three years;\n\n(b) a "
                           "fine;\n\n(c) dismissal.")])
    assert state(fines, "What is the maximum fine that can be imposed?") == "not_covered"
    # a rate is a share of what names it: the share of respondents harassed is no response rate
    assert counted("What was the response rate of the 2023 survey?") == {stem("response")}
    survey = units([passage("The 2023 survey found that 14 per cent of respondents had experienced harassment.")])
    assert state(survey, "What was the response rate of the 2023 survey?") == "not_covered"
    assert state(survey, "What percentage of respondents had experienced harassment?") == "answered"


def test_a_she_sentence_names_who_she_is_and_a_this_sentence_carries_the_one_before():
    text = ("Ms. Kelly T. Clements addressed participants. Nevertheless, she highlighted the timeliness of "
            "investigations. This means the UN must invest more.")
    found = {u.text[:12]: u for u in units([passage(text)])}
    assert found["Nevertheless"].shown().startswith("Nevertheless, she [Ms. Kelly T. Clements] highlighted")
    assert found["This means t"].quote.startswith("Nevertheless, she highlighted")


def test_a_sentence_carried_for_its_antecedent_is_dropped_when_it_adds_nothing_asked():
    text = ("1.5 This policy takes effect on 1 September 2023.1 It should be read together with the Staff Rules.")
    found = units([passage(text)])
    # the footnote marker "1" after the full stop neither hides the sentence nor joins the next one to it
    first, second = found
    assert first.text.endswith("2023.1") and second.before == first.span
    asks = parts("When does this policy take effect?", set(), set())
    ranked = [second, first]  # the carried sentence scored first: it holds every word its antecedent holds
    for unit, score in zip(ranked, (2.0, 1.0), strict=True):
        unit.score = score
    coverage = assess(asks, ranked, [1.0, 1.0])
    scored = Scored(ranked, np.zeros((2, 3), dtype=np.float32), np.ones(2, dtype=np.float32))
    assert [ranked[i] for i in ExtractiveAnswerer(lambda texts: np.zeros((len(texts), 3))).select(scored, coverage)] \
        == [first]


def test_a_list_answers_with_the_item_asked_about_unless_several_are_asked_for():
    text = ("Once HR receives a complaint, the process runs as follows:\n\n1. HR confirms receipt within 2 business "
            "days.\n\n2. The investigator holds separate interviews with the person who complained and any "
            "witnesses.\n\n3. Investigations are typically completed within 30 days.")
    found = units([passage(text)])
    assert [u.text[:5] for u in found] == ["Once ", "HR co", "The i", "Inves"]  # no "1." among them

    def answer(question: str) -> list[str]:
        asks = parts(question, set(), set())
        for unit in found:  # the whole list first, as it scores when the question's words are spread over it
            unit.score = 2.0 if unit.items else 1.5 if unit.text.startswith("Investigations") else 1.0
        coverage = assess(asks, found, [1.0] * len(found))
        scored = Scored(found, np.zeros((len(found), 3), dtype=np.float32), np.ones(len(found), dtype=np.float32))
        chosen = ExtractiveAnswerer(lambda texts: np.zeros((len(texts), 3))).select(scored, coverage)
        return [found[i].shown() for i in chosen]

    # a time span is in one item; so are the words of "who does the investigator speak to"
    assert answer("How long does an investigation take?") == [
        "Once HR receives a complaint, the process runs as follows:\n…\n- Investigations are typically completed "
        "within 30 days."]
    assert "- The investigator holds" in answer("Who does the investigator interview?")[0]
    assert answer("Who does the investigator interview?")[0].count("\n- ") == 1
    # "what steps" asks for the list
    assert answer("What steps follow once HR receives a complaint?")[0].count("\n- ") == 3


def test_a_time_to_act_from_an_event_of_the_case_sets_a_time_limit_and_paying_for_a_service_is_a_cost():
    # a time to act within, counted from an event of the case or given to act in, whatever words name it
    assert sets_time_limit("5.3 A request for informal resolution should be made within six months of the most "
                           "recent incident.")
    assert sets_time_limit("It may be contested within 90 calendar days of receiving the decision.")
    assert sets_time_limit("The staff member is given 15 working days to respond.")
    # an office's own time from receiving a report is no time limit on the person reporting
    assert not sets_time_limit("HR confirms receipt of the complaint in writing within 2 business days.")
    assert not sets_time_limit("OIA acknowledges it within 5 days of receipt of the complaint.")
    assert not sets_time_limit("Managers must forward the complaint to HR within 24 hours.")
    # "will the Agency pay for" sessions or a lawyer asks a cost; pay for work is pay
    assert concepts_in("How many counselling sessions will the Agency pay for?") == {
        "counselling or medical support", "the cost or budget"}
    assert "pay" not in concepts_in("Will the Agency pay for a private lawyer?")
    assert concepts_in("The Institute also pays for up to twelve sessions with an external counsellor.") == concepts_in(
        "How many sessions with an outside therapist does the organization pay for?")
    assert "pay" in concepts_in("Do advisers get extra pay for the role?")
    assert "pay" in concepts_in("Will I be paid for the time I spend in interviews?")
    # other words for the same thing
    assert "legal advice" in concepts_in("special leave to attend medical appointments, counselling or legal consultations")
    assert "resignation" in concepts_in("Where the alleged offender separates from the Agency before the investigation")
    assert "appeals" in concepts_in("It may be contested by requesting a review by the Internal Appeals Committee.")
    assert "opening hours" in concepts_in("Hours: Monday to Friday, 08:00 to 17:00 East Africa Time (EAT)")
    assert concepts_in("What data protection rules apply to my report?") == {"confidentiality"}
    assert "a survey or data" in concepts_in("self-reported data from UN system entities")


def test_concepts_match_synonyms_not_neighbours():
    assert "retaliation" in concepts_in("Staff are protected from reprisals for reporting.")
    assert "contractors or other non-staff" in concepts_in("Are vendors covered?")
    assert "interns or volunteers" not in concepts_in("all entities allow reporting by all personnel")
    assert "confidentiality" not in concepts_in("a private company sets clear rules on dating")
    # a fellow employee is a colleague, not a fellowship holder
    assert "interns or volunteers" not in concepts_in("an employee can ask a fellow employee on a date")
    assert "interns or volunteers" in concepts_in("Are fellows covered by the policy?")
    # a person who reports is no journalist; a due date is a deadline
    assert "the media" not in concepts_in("How can an anonymous reporter follow up on their case?")
    assert "the media" in concepts_in("Can I talk to a reporter from a newspaper about my case?")
    assert "a deadline or time limit" in concepts_in("Training not completed by the due date is followed up.")
    # how long notes are kept asks about records, answered only by a sentence on keeping them
    assert "records or retention" in concepts_in("How long are investigation notes kept?")
    assert "records or retention" in concepts_in("Investigation notes are stored in a restricted HR folder.")
    assert "records or retention" not in concepts_in("Investigations are typically completed within 30 days.")
    # a line open day and night, or at set hours, speaks of its opening hours; languages may be listed by name
    assert "opening hours" in concepts_in("It is available 24 hours a day, seven days a week.")
    assert "opening hours" in concepts_in("Staff Counsellor Ext. 4410 Mon-Thu 09:00-17:00")
    assert "opening hours" not in concepts_in("Reports are passed on within 24 hours.")
    # asked whether a service is open at weekends or at night, a passage answers only with when it is open
    assert "opening hours" in concepts_in("Is the Medical Service available at weekends?")
    assert "opening hours" in concepts_in("Is the line staffed at night?")
    assert "opening hours" not in concepts_in("Does the policy cover harassment at a party at night?")  # when, not hours
    # "after office hours" says when conduct happens, unless a service is asked to be open or reachable then
    assert "opening hours" not in concepts_in("Does the policy cover a colleague sending me texts after office hours?")
    assert "opening hours" in concepts_in("What are the office hours of the Ethics Office?")
    assert "opening hours" in concepts_in("Is the helpline open outside office hours?")
    assert "languages" in concepts_in("It accepts reports in English, French and Spanish.")
    assert "languages" not in concepts_in("Spanish colleagues attended the event.")
    assert "anonymous reporting" in concepts_in("Can I report to the hotline without giving my name?")


def test_a_question_with_two_asks_is_read_as_two():
    asks = parts("What is ClearCheck used for and who is allowed to search it?", set())
    assert len(asks) == 2
    # a later ask's pronoun stands for what the ask before names
    later = parts("What hours is the Integrity Line staffed? Can I call it at night?", set(), {"Integrity", "Line"})
    assert later[1].named == ("Integrity", "Line")
    again = parts("What's the Integrity Line number, and is the line staffed at night?", set(), {"Integrity", "Line"})
    assert again[1].named == ("Integrity", "Line")  # "the line": the last word of the name, after "the"
    # a question word set off by a comma opens an aside: one ask goes on after it
    assert len(parts("How, in Erdan's view, can we move toward ending harassment everywhere?", set())) == 1
    assert counted("How many names are recorded in ClearCheck?") == {"name"}
    # "people" counts any word for people next to a number ("over 140 participants")
    assert counted("How many people attended?") == people_stems() and stem("participants") in people_stems()
    # what is counted is the last noun, not a word before it: six months of counselling are not six sessions
    assert counted("How many counselling sessions with an external counsellor are allowed?") == {"session"}


def test_a_later_ask_is_not_answered_by_the_earlier_asks_sentence_unless_it_holds_a_word_of_its_own():
    sessions = units([passage("The Employee Assistance Programme offers up to six counselling sessions per issue at "
                              "no cost to the staff member.")])
    reimbursed = "How many free counselling sessions do I get, and will the agency reimburse a private therapist?"
    assert state(sessions, reimbursed) == "partial"
    assert state(sessions, "How many free counselling sessions do I get, and are they at no cost?") == "answered"
    # a statement before the question asks nothing: the sentence answering the question is not "taken" by it
    organisers = units([passage("Event organisers remind everyone of the Code of Conduct before each event.")])
    assert state(organisers, "I'm the event organiser; what should I tell people first?") == "answered"


def test_a_phrase_that_asks_nothing_of_its_own_joins_the_ask_beside_it():
    fronted = parts("Under the UN Model Policy, what range of sanctions can be imposed?", set())
    assert [a.text for a in fronted] == ["Under the UN Model Policy, what range of sanctions can be imposed"]
    leaning = parts("Are interns covered by the policy, and what does the policy text say about them?", set())
    assert len(leaning) == 1 and "interns or volunteers" in leaning[0].concepts
    # "who were they" asks for people: an ask of its own
    assert len(parts("How many people sat on the panel, and who were they?", set())) == 2


def test_a_piece_that_sets_the_scene_is_the_asks_context_not_an_ask_of_its_own():
    conditional = parts("If I ask for a permanent transfer because of the harassment, will the agency pay my relocation "
                        "costs?", set())
    assert [a.text for a in conditional] == ["will the agency pay my relocation costs"]
    after = parts("Is there a time limit for filing a complaint? The incident happened about two years ago.", set())
    assert len(after) == 1 and after[0].text == "Is there a time limit for filing a complaint"
    # a question word mid-clause asks nothing; a piece asking something stays an ask
    assert len(parts("I told my manager what happened. Does that count as a report?", set())) == 1
    assert len(parts("I'm a consultant. Where can I report, and who investigates?", set())) == 2
    # a sentence that only tells, before the ask, is its context: the ask keeps its own kind ("how many", "how long")
    told_first = parts("I've used all 8 counselling sessions. How many more can the staff counsellor approve?", set())
    assert [a.text for a in told_first] == ["How many more can the staff counsellor approve"]
    assert [a.text for a in parts("The office closed my case without investigating. how long do I have to ask for a "
                                  "review?", set())] == ["how long do I have to ask for a review"]
    # a sentence that bids, or asks in other words, or ends on a question word, stays an ask
    assert len(parts("Describe the appeal process. How long does it take?", set())) == 2
    assert len(parts("Which agency hosts the secretariat? and since when", set())) == 2
    # examples set off by commas stay inside the ask they illustrate
    assert [a.text for a in parts("What interim measures, like separating them, can be used during the investigation?",
                                  set())] == ["What interim measures like separating them can be used during the investigation"]
    # a text that asks nothing is read whole, as before
    assert len(parts("My supervisor hinted my rota would improve if I went out with him. I said no.", set())) == 1
    # the asker's own "I mentioned" is no ask whether a text mentions something
    assert mentioned("I mentioned what happened to my supervisor over coffee. Does that count as a report?") == ""
    assert mentioned("Did any speaker mention artificial intelligence?") == "artificial intelligence"


def test_the_numbers_an_ask_names_are_what_its_passage_must_name():
    assert asked_numbers("What are the 55 recommendations of the 2020 report?") == {"55", "2020"}
    # a span may be the asker's guess ("within 10 days?"), answered by a passage giving another
    assert asked_numbers("Must I report within 10 working days or a 12-week period?") == set()
    # a share, an amount, "24/7" or "1st" may be written otherwise ("seven days a week", "first")
    assert asked_numbers("Is the line open 24/7, is the fine $500 or 50% of pay, and is the 1st hearing public?") == set()
    # the asker's own headcount is answered by a rule for offices of that size ("more than 15 staff")
    assert asked_numbers("Our office has 40 staff - how many focal points should we have?") == set()
    assert asked_numbers("We are 12 people in the unit; which of the 55 recommendations apply?") == {"55"}


@pytest.mark.parametrize("question", [
    "Can an anonymous report start an investigation?",
    "What is the time limit for filing a formal complaint?",
    "Are employees of vendors covered?",
    "What standard of proof is used?",
    "What did Kate Jenkins say about male allyship strategies?",
    "How many names are currently recorded in ClearCheck?",
    # a concept's word in a sentence about something else ("protective support", "disciplinary")
    "Can the alleged harasser be placed on administrative leave while the investigation is ongoing?",
    "Is dismissal mandatory for a UN staff member found guilty of sexual harassment?",
    # a number the summary never names
    "What are the 55 recommendations of the Respect@Work report?",
    # whether anyone mentioned something is answered only by a sentence in its words
    "Did any speaker mention artificial intelligence?",
    "Did Kelly Clements say anything about protecting LGBTIQ+ staff?",
    # what a document the library lacks says, when the sentences naming it say nothing of the matter
    "What does the UN Model Policy say about managers' obligation to report harassment they learn about?",
])
def test_on_topic_questions_the_summary_does_not_answer_are_not_covered(corpus_kb, question):
    answer = corpus_kb.ask(question)
    assert answer.abstained and answer.state == "not_covered" and not answer.citations and answer.suggestions
    assert "do not cover this question:" in answer.answer  # with the reason


def test_a_body_named_in_full_is_answered_where_its_short_name_stands(corpus_kb):
    answer = corpus_kb.ask("Who chairs the CEB Task Force on Addressing Sexual Harassment?")
    assert answer.state == "answered" and "Kelly T. Clements" in answer.citations[0].quote


def test_a_mention_asked_about_is_found_in_its_words(corpus_kb):
    answer = corpus_kb.ask("Did anyone mention male allies?")
    assert answer.state == "answered" and "allies" in answer.citations[0].quote


def test_a_question_answered_in_part_says_which_part_is_not(corpus_kb):
    answer = corpus_kb.ask("What is the ClearCheck database for, and how long does a name stay in it?")
    assert answer.state == "partial" and not answer.abstained and answer.citations
    assert answer.uncovered and "long" in answer.uncovered[0] and "only in part" in (answer.notice or "")


def test_focused_answer_names_the_speaker_and_quotes_the_definition(corpus_kb):
    answer = corpus_kb.ask("How did Ambassador Kennedy define leadership?")
    assert answer.state == "answered" and "defined leadership as" in answer.citations[0].quote
    assert "[H.E. Mr. Patrick F. Kennedy]" in answer.answer.split("[1]")[0]


def test_what_a_person_said_is_not_the_sentence_that_introduces_them(corpus_kb):
    # the names say whose words are wanted; the sentence naming Kennedy in full says nothing of leadership
    answer = corpus_kb.ask("What did Ambassador Kennedy say genuine leadership involves?")
    assert answer.state == "answered" and "leadership" in answer.citations[0].quote
    assert "commended the dedication" not in answer.citations[0].quote
    # a post is read beside the name of the person asked about, in the list of panelists
    answer = corpus_kb.ask("Which organization did Kanti Joshi represent?")
    assert "Ms. Kanti Joshi, Founder, TEAM SASHA" in answer.answer


def test_a_disclosure_leads_with_reporting_and_support_and_never_abstains(corpus_kb):
    answer = corpus_kb.ask("Someone at the office grabbed me in the lift yesterday.")
    assert answer.disclosure and not answer.abstained and answer.contacts
    assert "allow for reporting of cases by all personnel" in answer.citations[0].quote


def test_a_helper_gets_guidance_for_the_helper(corpus_kb):
    answer = corpus_kb.ask("How should I respond when a colleague tells me they were harassed?")
    assert answer.supporter and not answer.disclosure and not answer.abstained and answer.contacts
    assert answer.preface and "supporting your colleague" in answer.preface


def test_thanking_the_person_who_confides_is_care_and_thanking_organisers_is_not():
    assert not NOT_ABOUT_CARE.search("- thank them for telling you and acknowledge that it may have been difficult;")
    assert NOT_ABOUT_CARE.search("She thanked the organisers and the sign language interpreters.")


def test_a_filter_that_leaves_no_passage_is_an_abstention_not_an_error(corpus_kb):
    from service.models import Filters

    answer = corpus_kb.ask("What does the policy say about anonymous reports?", 5, Filters(doc_key=["no-such-document"]))
    assert answer.abstained and answer.state == "not_covered" and not answer.citations


def test_a_document_the_library_only_mentions_is_not_quoted_for_its_content(corpus_kb):
    answer = corpus_kb.ask("What does the Investigator's Manual recommend for interviewing complainants?")
    assert answer.abstained and "only mention “Investigator's Manual”" in answer.answer
    # a question about the mention itself is still answered
    assert not corpus_kb.ask("Which tools has the CEB Task Force developed?").abstained


def test_a_hyphenated_word_also_stands_for_its_parts():
    stems = content_stems("The data re-confirmed it at the peer-to-peer anti-harassment dialogue co-led by UN Women")
    assert {"re-confirm", "confirm", "peer", "harass"} <= stems  # "what did the data confirm", "peer dialogues"
    assert not {"co", "anti", "to"} & stems  # prefixes and stop words say nothing of their own


def test_a_note_one_keeps_is_a_word_of_the_topic_and_what_a_text_notes_is_not():
    assert "note" in content_stems("When should I write up my notes?")
    assert "note" in content_stems("Immediately after the conversation, write a brief factual note of what was said")
    assert "note" not in content_stems("What does the summary note about training?")
    assert "note" not in content_stems("The summary notes that leaders set the tone.")


def test_which_countries_wants_a_name_and_the_word_asked_for_is_not_what_it_is_about():
    text = ("The Group of Friends is a platform for knowledge sharing, both as Member States and within the UN system.\n\n"
            "He gave the example of Israel, the first country to adopt legislation against abuse online.")
    found = units([passage(text, section="Welcome from the Group of Friends")])
    # "Member States" is a kind of body, not one; "the first country to ..." is not about membership
    close = [0.6, 0.2]  # the first sentence is close to the question in meaning
    member_states = parts("Which Member States belong to the Group of Friends?", set(), {"Group", "Friends"})
    assert assess(member_states, found, close).state == "not_covered"
    assert state(found, "Which countries are members of the Group of Friends?", {"Group", "Friends"}, 0.2) == "not_covered"
    assert state(found, "Which country was the first to adopt legislation against abuse online?") == "answered"


def test_a_span_is_no_count_of_people_but_answers_how_much_leave():
    text = ("The Agency carries out a workplace climate survey every two years.\n\n"
            "Affected persons may receive special leave of up to 10 working days to recover.")
    found = units([passage(text)])
    assert state(found, "How many people answered the last workplace climate survey?") == "not_covered"
    assert state(found, "How many years pass between two climate surveys?") == "answered"
    assert state(found, "How much leave can an affected person get?") == "answered"
    notice = units([passage("The subject is informed in writing of the allegations at least 5 working days before being "
                            "interviewed.")])
    assert state(notice, "How much notice does the subject get before being interviewed?") == "answered"
    unnumbered = units([passage("The subject is informed in writing of the allegations before being interviewed.")])
    assert state(unnumbered, "How much notice does the subject get before being interviewed?") == "not_covered"


def test_a_speaker_is_named_after_a_title_and_its_abbreviation():
    found = units([passage("Assistant Secretary General (ASG) Sulieman provided the example of UNICEF's head.")])
    assert found[0].people == {"Sulieman"}


def test_how_many_hours_asks_for_the_item_with_the_span_not_the_whole_list():
    text = ("Managers who receive complaints must:\n\n- listen carefully and avoid judging;\n\n- forward the complaint "
            "to HR within 24 hours;\n\n- keep it confidential.")
    found = units([passage(text)])
    for unit in found:  # the whole list first, as it scores when the question's words are spread over it
        unit.score = 2.0 if unit.items else 1.0
    coverage = assess(parts("Within how many hours must a manager pass a complaint to HR?", set(), set()), found,
                      [1.0] * len(found))
    scored = Scored(found, np.zeros((len(found), 3), dtype=np.float32), np.ones(len(found), dtype=np.float32))
    chosen = ExtractiveAnswerer(lambda texts: np.zeros((len(texts), 3))).select(scored, coverage)
    assert [found[i].shown() for i in chosen] == [
        "Managers who receive complaints must:\n…\n- forward the complaint to HR within 24 hours;"]


def test_a_list_of_channels_gives_contact_details_for_the_one_whose_item_holds_them():
    text = ("You can raise a concern in any of these ways:\n\n- call the Speak Safely Line on 0800 614 3370;\n\n"
            "- write to the Chair of the Board at chair@brightwater.example.")
    found = [u for u in units([passage(text)]) if u.items]  # the whole list, as when its words are spread over it
    assert len(found) == 1
    assert state(found, "What is the phone number of the Chair of the Board?", {"Board"}) == "not_covered"
    assert state(found, "What is the email address of the Chair of the Board?", {"Board"}) == "answered"
    assert state(found, "What is the phone number of the Speak Safely Line?", {"Speak", "Safely", "Line"}) == "answered"


def test_a_count_of_people_who_attended_is_answered_by_the_participants_a_sentence_counts():
    text = ("The facilitator welcomed the distinguished speakers and over 140 participants from UN entities.\n\n"
            "The preceding dialogues covered 30 different speakers and reached over 600 members of the community.")
    found = units([passage(text, section="Welcome")])
    far = 0.2  # neither sentence is close to the question, nor names the launch or attending
    for question in ("How many people attended the launch event?", "How many attendees were there at the launch?",
                     "How many participants joined the launch?"):
        coverage = assess(parts(question, set(), set()), found, [far] * len(found))
        assert coverage.state == "answered" and found[coverage.asks[0].answering[0]].text.startswith("The facilitator")
    # what the ask counts is no word of what it is about: the cost of a report is no cost of the publication
    costs = units([passage("She cited a report which estimated that harassment cost the economy $3.5 billion in 2018.")])
    assert state(costs, "How much did the publication cost to produce?", closeness=far) == "not_covered"
    assert state(costs, "How much did harassment cost the economy?", closeness=far) == "answered"


def test_who_did_it_prefers_the_sentence_saying_it_was_done():
    text = ("Ms. Pehrman noted the event would launch a new publication, “Making zero tolerance a reality”.\n\n"
            "Mr. Erdan introduced the publication, produced by UN Women and the CEB Task Force.")
    found = units([passage(text)])
    found[0].score, found[1].score = 1.0, 0.9  # the launch sentence scores higher: it shares "new"
    coverage = assess(parts("Who produced the new publication?", set(), set()), found, [0.3, 0.3])
    assert coverage.state == "answered" and "produced by" in found[coverage.asks[0].answering[0]].text


def test_a_thing_asked_for_by_a_named_body_is_not_what_is_asked_of_that_body():
    found = units([passage("DED Bhatia particularly referred participants to the Enabling Environment Guidelines "
                           "developed by UN Women.")])
    # "UN Women's deputy head" is who did it; the guidelines are what is asked, and the sentence names them
    assert state(found, "Which guidelines did UN Women's deputy head point participants to?", {"Women"}, 0.35) == "answered"
    assert state(found, "Which office did UN Women's deputy head point participants to?", {"Women"}, 0.35) == "not_covered"


def test_how_long_it_lasted_and_the_average_time_want_a_span():
    found = units([passage("In 2018, 1 in 3 workers had experienced sexual harassment in the last 5 years.")])
    assert state(found, "How long did the event last?", closeness=0.2) == "not_covered"  # "the last 5 years": not its length
    assert expected_answer("What is the average time to complete an investigation?").name == "time span"


def test_a_sentence_in_a_paragraph_whose_speaker_is_he_is_theirs():
    first = "H.E. Mr. Patrick F. Kennedy commended the participants.\n\n"
    second = ("Moreover, he expressed his gratitude to the co-hosts. The recommendations in the publication offer a "
              "clear vision of what we must achieve.")
    found = units([passage(first + second)])
    vision = next(u for u in found if u.text.startswith("The recommendations"))
    assert vision.people == {"Kennedy"}
    assert units([passage(second)])[1].people == set()  # nobody named before "he": nobody's


def test_when_something_happens_next_wants_a_date():
    found = units([passage("The Group of Friends is a platform for knowledge sharing and discussing common issues.")])
    assert state(found, "When does the Group of Friends meet next?", {"Group", "Friends"}, 0.5) == "not_covered"
    assert expected_answer("When will the next survey be conducted?").name == "date"
    assert expected_answer("When is the next step taken after a report?") is None  # a step of a procedure
    assert expected_answer("When does the policy apply?") is None  # a condition


def test_whether_a_limit_is_set_wants_the_limit():
    found = units([passage("11.7 Personnel at duty stations without a Staff Counsellor on site can receive counselling "
                           "by telephone or video call.")])
    asked = "Is there a cap on how many counselling sessions I can have with the Staff Counsellor?"
    assert state(found, asked, {"Staff", "Counsellor"}, 0.5) == "not_covered"
    assert expected_answer("Is there a maximum length for a suspension?").name == "time span"
    assert expected_answer("Is there a helpline?") is None
    assert expected_answer("Is there a time limit for reporting?") is None  # the concept is asked for, not a span
    unlimited = units([passage("There is no time limit for filing a formal complaint of sexual harassment.")])
    assert state(unlimited, "What is the time limit for filing a formal complaint?", closeness=0.6) == "answered"


def test_who_holds_a_post_of_several_words_wants_the_name_of_its_holder():
    assert expected_answer("Who is the current Victims' Rights Advocate?").name == "name"
    # the holder of a post is named beside it, not anywhere in a sentence naming the post
    speaker = units([passage("Mr. Kennedy welcomed the many steps taken across the system over the past years, "
                             "including the appointment of a Victims' Rights Advocate.")])
    assert state(speaker, "Who is the Victims' Rights Advocate?", closeness=0.6) == "not_covered"
    holder = units([passage("The Victims' Rights Advocate, Ms. Jane Connors, spoke next.")])
    assert state(holder, "Who is the Victims' Rights Advocate?", closeness=0.6) == "answered"


def test_which_countrys_envoy_wants_who_it_is():
    assert expected_answer("Which country's envoy spoke for the Group of Friends?").name == "agent"


def test_a_question_the_document_asks_is_not_quoted_as_an_answer():
    text = ("16.4 Interim measures are offered to the affected person, not imposed on them.\n\n"
            "I am a focal point and I am finding a case distressing. Where can I get help?\n\n"
            "16.5 Focal points and managers may use the Staff Counsellor for their own support.")
    quoted = [u.text for u in units([passage(text)])]
    assert quoted == ["16.4 Interim measures are offered to the affected person, not imposed on them.",
                      "16.5 Focal points and managers may use the Staff Counsellor for their own support."]


def test_a_name_is_also_said_by_its_last_word_once_the_passage_has_named_it_in_full():
    named = {"Respectful", "Workplace", "Adviser"}
    question = "Can the Respectful Workplace Adviser impose discipline?"
    text = ("The Respectful Workplace Adviser is a senior, independent staff member. The Adviser does not conduct "
            "investigations and cannot impose disciplinary measures.")
    found = [u for u in units([passage(text)]) if u.text.startswith("The Adviser")]
    assert state(found, question, named, 0.45) == "answered"
    alone = units([passage("The Adviser does not conduct investigations and cannot impose disciplinary measures.")])
    assert state(alone, question, named, 0.45) == "not_covered"  # which adviser, the passage does not say


def test_time_spent_is_no_cost_and_quitting_a_process_is_no_resignation():
    assert "the cost or budget" not in concepts_in("How much of their time can focal points spend on the role?")
    assert "the cost or budget" in concepts_in("How much did the agency spend on training?")
    assert "resignation" not in concepts_in("Can I quit informal resolution halfway?")
    assert "resignation" in concepts_in("Does the policy still apply if I quit my job?")


def test_a_phrase_of_two_concepts_counts_for_both():
    # "administrative leave" is an interim measure and leave: "Can the accused be put on paid leave while ...?"
    said = "placing the subject on administrative leave with full pay"
    assert {"interim measures", "leave"} <= concepts_in(said, every=True)
    assert "the cost or budget" not in concepts_in(said, every=True)
    assert concepts_in("Can the subject be placed on administrative leave?") == {"interim measures"}  # asks of one


def test_other_words_for_a_concept_are_read_as_it():
    # the standard of proof asked without naming it; a file kept is a record; "X means ..." defines X
    assert "the standard of proof" in concepts_in("How strong does the evidence have to be to find that it happened?")
    assert "the standard of proof" in concepts_in("What level of evidence is needed?")
    assert "the standard of proof" not in concepts_in("How much evidence did the survey find?")
    assert "records or retention" in concepts_in("The Ombudsperson keeps no file that identifies the people involved.")
    assert "a definition" in concepts_in("managers at all levels, meaning any staff member who supervises another")
    assert "a definition" in concepts_in("“Affected person” means the person who has experienced the conduct.")
    assert "a definition" not in concepts_in("This means that the UN is working to ensure that policies exist.")
    # punishment is a sanction; punished for reporting is retaliation, not a sanction too
    assert "sanctions or disciplinary measures" in concepts_in("Can the Adviser punish someone?")
    assert concepts_in("Will I be punished for reporting?") == {"retaliation"}
    assert concepts_in("Where can someone turn if they are punished for having reported?") == {"retaliation"}


def test_a_footnote_mark_is_no_number_to_the_rules():
    assert plain("and reflected in their work plan.[2] Focal points listen") == \
        "and reflected in their work plan. Focal points listen"
    assert plain("within 90 days of receiving the decision.12 A staff member may") == \
        "within 90 days of receiving the decision. A staff member may"
    assert plain("as set out in paragraph 7.8. Next") == "as set out in paragraph 7.8. Next"  # a paragraph's own number
    question = "How many focal points does each office have?"
    text = "Each office designates focal points in its work plan.[2] Focal points listen and provide information."
    assert state(units([passage(text)]), question, closeness=0.6) == "not_covered"
    assert state(units([passage(text.replace("[2]", " It names 2"))]), question, closeness=0.6) == "answered"
    # a footnote printed at the foot of a page opens with its mark
    footnote = "4 Figures cover all personnel, including consultants, contractors and volunteers."
    assert state(units([passage(footnote)]), "How many personnel does the agency employ?", closeness=0.6) == "not_covered"


def test_a_personal_device_is_no_person_and_a_phone_asked_about_is_a_word_of_the_topic():
    assert stem("personal") != stem("person")
    (ask,) = parts("Can OIA go through my personal phone?", set())
    assert {"personal", "phone"} <= ask.topic  # no phone number is asked for
    (ask,) = parts("What is the phone number of the Ethics Office?", set())
    assert "phone" not in ask.topic


def test_who_someone_reports_to_keeps_the_word_report():
    (ask,) = parts("Who does the Respectful Workplace Adviser report to?", set())
    assert stem("report") in ask.terms
    (ask,) = parts("What does the report say about training?", set())
    assert stem("report") not in ask.terms  # the document, not a line of report


def test_a_span_of_something_else_is_no_answer_when_a_sentence_names_what_is_asked_about():
    briefing = passage("6.10 All new personnel receive, on their first day, an induction briefing that explains this "
                       "policy.")
    found = units([briefing, passage("Comments on the draft findings: the subject has 10 working days.")])
    # the briefing is found in its own words and gives no length; a span elsewhere is about something else, however
    # close in meaning, or sharing a word of it
    assert state(found, "How long is the induction briefing?", closeness=0.6) == "not_covered"
    shares = units([briefing, passage("A briefing on the draft findings is given within 10 working days.")])
    assert state(shares, "How long is the induction briefing?", closeness=0.6) == "not_covered"
    # where the briefing is discussed, a span answers
    said = units([passage(briefing.text + " The briefing lasts two hours.")])
    assert state(said, "How long is the induction briefing?", closeness=0.6) == "answered"
    # with nothing naming what is asked about, a span this close in meaning may still answer it in other words; but
    # not how long a thing is, which a sentence tells of that thing ("How long is ...?" wants it named)
    span = units([passage("Comments on the draft findings: the subject has 10 working days.")])
    assert state(span, "How much time does the induction briefing take?", closeness=0.6) == "answered"
    assert state(span, "How long is the induction briefing?", closeness=0.6) == "not_covered"


def test_a_time_to_do_a_thing_by_from_ones_joining_is_not_how_long_the_thing_is():
    due = units([passage("All supervisors must complete the course Leading with Respect within six months of taking up "
                         "a supervisory role.")])
    assert state(due, "How many hours is the Leading with Respect course?") == "not_covered"
    assert state(due, "how long does the Leading with Respect course take to complete?") == "not_covered"
    assert state(due, "When must supervisors complete the Leading with Respect course?") == "answered"
    lasts = units([passage("The course Leading with Respect lasts three hours and is given online.")])
    assert state(lasts, "how long does the Leading with Respect course take to complete?") == "answered"
    # the time an office takes, counted from its decision, is how long its process takes
    target = units([passage("Investigations are completed within 120 days of the decision to investigate.")])
    assert state(target, "How long does an investigation take?") == "answered"


def test_a_kind_asked_for_is_answered_by_a_sentence_holding_a_word_close_to_the_asks():
    found = units([passage("Interim measures are reviewed at least every 20 working days.")])
    asks = parts("How often do temporary protective arrangements have to be looked at again?", set(), set())
    assert assess(asks, found, [0.3]).state == "not_covered"  # no word shared, and not close as a whole
    close = {"arrangements": (0.8, 0.6), "measures": (1.0, 0.0)}

    def word_vectors(texts: list[str]) -> np.ndarray:
        return np.array([close.get(t, (-0.6, -0.8)) for t in texts])

    assert assess(asks, found, [0.3], word_vectors=WordVectors.of(word_vectors)).state == "answered"


def test_hours_a_day_say_when_a_service_is_open_not_within_how_long():
    hotline = units([passage("The line is run by an outside provider and is available 24 hours a day, seven days a week.")])
    assert state(hotline, "How quickly does the provider pass reports on?", closeness=0.6) == "not_covered"
    passed = units([passage("The provider passes reports on within one working day.")])
    assert state(passed, "How quickly does the provider pass reports on?", closeness=0.6) == "answered"


def test_a_finding_of_harassment_is_no_survey_finding():
    assert "a survey or data" not in concepts_in("Are candidates asked to declare earlier findings of sexual harassment?")
    assert "a survey or data" in concepts_in("What were the findings of the climate survey?")


def test_a_target_is_no_figure_reached():
    found = units([passage("15.4 The target is a completion rate of at least 95 per cent for the e-learning course.")])
    assert state(found, "What was last year's completion rate for the e-learning course?") == "not_covered"
    assert state(found, "What completion rate does the organization aim for?") == "answered"
    assert state(found, "What is the target completion rate for the e-learning course?") == "answered"  # a share asked
    reached = units([passage("In 2023, 87 per cent of staff completed the e-learning course.")])
    assert state(reached, "What was last year's completion rate for the e-learning course?") == "answered"


def test_who_does_it_is_answered_by_the_role_that_does_it():
    found = units([passage("The affected person decides whether to involve the local police.")])
    assert state(found, "Who decides whether to go to the police?", closeness=0.6) == "answered"
    other = units([passage("Managers should support that decision and help them contact the police.")])
    assert state(other, "Who decides whether to go to the police?", closeness=0.6) == "not_covered"


def test_an_e_mail_is_an_email():
    assert "online conduct" in concepts_in("Being left out of e-mail distribution lists is retaliation.")


def test_a_line_the_organization_names_is_a_hotline():
    hotline = "a hotline or helpline"
    assert hotline in concepts_in("The SafeVoice line accepts anonymous reports.")
    assert hotline in concepts_in("Reports may be made to the Integrity Line at any time.")
    assert hotline not in concepts_in("a change in the reporting line of the affected person")
    assert hotline not in concepts_in("Reporting Line changes are decided by the Head Office Line Manager.")


def test_a_fax_number_is_not_the_phone_number_beside_it():
    question = "What is the fax number of the investigations office?"
    kind = expected_answer(question)
    assert kind is not None and kind.name == "contact"
    assert not kind.holds(question, "Hotline by telephone +44 20 7946 0321 (24 hours)")
    assert kind.holds(question, "Fax: +41 22 917 0000")


def test_a_cut_off_is_a_time_limit_and_a_joined_word_its_hyphenated_form():
    assert "a deadline or time limit" in concepts_in("Is there a cut-off for lodging a formal complaint?")
    assert "a deadline or time limit" not in concepts_in("Staff in the field were cut off from their networks.")
    assert stem("rehiring") in content_stems("the ClearCheck database avoids the re-hiring of perpetrators")
    assert stem("coworker") in content_stems("A co-worker may report it.")


def first_answering(found: list[Unit], question: str, scores: list[float]) -> str:
    """The quote an ask's first answering unit gives, the units scored as given (best first otherwise)."""
    for unit, score in zip(found, scores, strict=True):
        unit.score = score
    coverage = assess(parts(question, set(), set()), found, [0.6] * len(found))
    return found[coverage.asks[0].answering[0]].quote


def test_what_may_be_done_is_answered_first_by_a_sentence_saying_what_may_be_done():
    found = units([passage("7.1 Informal resolution is a voluntary process through which the affected person seeks to "
                           "bring the conduct to an end."),
                   passage("The affected person may withdraw from informal resolution at any time without giving reasons.")])
    scores = [1.0, 0.9]  # the definition reads closer
    assert "may withdraw" in first_answering(found, "Can I quit informal resolution halfway?", scores)
    assert "may withdraw" in first_answering(found, "Is it possible to stop informal resolution halfway?", scores)
    # a question of another form keeps the order of the scores
    assert "voluntary process" in first_answering(found, "How does informal resolution work halfway?", scores)


def test_what_a_thing_may_include_or_be_is_no_permission():
    found = units([passage("10.3 Interim measures may include a change of office or desk location."),
                   passage("10.7 A subject may ask the Director-General to review an interim measure.")])
    question = "Can the subject challenge an interim measure?"
    assert "may ask" in first_answering(found, question, [1.0, 0.9])
    found = units([passage("Such conduct may be sexual harassment, whether or not it was meant as a joke."),
                   passage("A complainant may ask to be interviewed by an investigator of a particular gender.")])
    assert "may ask" in first_answering(found, "Can I choose who interviews me?", [1.0, 0.9])


def test_when_something_is_refused_is_answered_first_by_a_sentence_giving_a_condition():
    found = units([passage("Seeking informal resolution does not prevent a person from making a formal report later."),
                   passage("Informal resolution is not offered where the conduct involves physical contact.")])
    question = "When will informal resolution be refused?"
    assert "where the conduct" in first_answering(found, question, [1.0, 0.9])
    assert "where the conduct" in first_answering(found, "In which cases is informal resolution refused?", [1.0, 0.9])


def test_a_footnote_comes_after_the_text_it_annotates():
    found = units([passage("[3] The bystander approaches framework is widely used in bystander training."),
                   passage("The training teaches five bystander approaches that staff members can choose from.")])
    question = "What bystander approaches does the training teach?"
    assert first_answering(found, question, [1.0, 0.9]).startswith("The training teaches")


def test_what_the_five_of_something_are_wants_the_whole_list():
    assert asks_for_several("What are the five Ds of bystander action?")
    assert asks_for_several("What were the three aims of the event?")
    assert not asks_for_several("Can I report within five days?")
    assert not asks_for_several("What is the deadline for appeals?")


def test_the_post_asked_about_is_not_who_fills_it():
    question = "Who chairs the Independent Audit and Oversight Committee?"
    kind = expected_answer(question)
    assert kind is not None and kind.name == "agent"
    post = ("A report concerning the Director-General is made to the Chair of the Independent Audit and Oversight "
            "Committee, who arranges for it to be assessed.")
    assert not kind.holds(question, post)  # other offices are named, but not who chairs it
    assert kind.holds(question, "The Committee is chaired by Ms. Ana Ruiz, appointed in 2022.")
    directs = "Who directs investigations?"
    directs_kind = expected_answer(directs)
    assert directs_kind is not None
    assert directs_kind.holds(directs, "Investigations are directed by the Director of OIA.")  # another body's post


def test_reporting_without_ones_name_is_asking_about_anonymity_in_any_wording():
    anonymous = "anonymous reporting"
    for question in ("Can I report it without my name?", "I do not want to give my name, can I still report?",
                     "Can I keep my name out of it?", "Can I report without giving my name?",
                     "I don't want to give my name."):
        assert anonymous in concepts_in(question), question
    assert anonymous not in concepts_in("Is the hotline staffed without a break?")
    assert anonymous not in concepts_in("Can I report by phone?")


def test_chat_shorthand_is_read_as_written_out_and_a_contraction_is_no_word_of_the_topic():
    assert as_typed("whats the deadline? I dont know, cant say") == "what's the deadline? I don't know, can't say"
    assert as_typed("Whos the contact? Its deadline, wont it") == "Who's the contact? Its deadline, wont it"  # words
    assert as_typed("What’s the policy? I didn’t") == "What's the policy? I didn't"
    assert as_typed("how many speakers and ppl did it reach in 2 yrs") == "how many speakers and people did it reach in 2 years"
    assert as_typed("is hr told w/o my consent") == "is hr told without my consent"  # "hr" is HR, not an hour
    assert expected_answer(as_typed("whats the deadline for the course")) is not None
    (ask,) = parts("What's the EAP phone number?", set())
    assert "what" not in ask.topic and "what'" not in ask.topic


@pytest.mark.parametrize(("typed", "read"), [
    ("what response rate is the workplace culture survey aiming for?",
     "what response rate is the Workplace Culture Survey aiming for?"),
    ("who chairs the audit and oversight committee", "who chairs the Audit and Oversight Committee"),  # within a name
    ("how do i reach the ethics office", "how do i reach the ethics office"),  # a heading names nothing
    ("what is informal resolution", "what is informal resolution"),  # one capitalised word is no name
    ("What did the workplace culture survey find?", "What did the Workplace Culture Survey find?"),  # sentence case
    ("Who chairs the audit and oversight committee at the Authority?",  # a capital after the first word: as typed
     "Who chairs the audit and oversight committee at the Authority?"),
    # a person the passages name after a title, typed without the middle initial; a surname alone may be a word
    ("did kelly clements speak in person?", "did Kelly Clements speak in person?"),
    ("what did clements say", "what did clements say"),
    # one word with a capital inside is a name, typed whole; not within another word
    ("is the speaksafe number free to call?", "is the SpeakSafe number free to call?"),
    ("is speaksafeline open", "is speaksafeline open"),
])
def test_a_question_typed_in_lower_case_names_what_the_passages_name(typed, read):
    passages = ["The OIO reports to the Audit and Oversight Committee of the Governing Council.",
                "# Ethics Office\nThe Authority runs a Workplace Culture Survey every two years.",
                "Concerns may be settled by Informal resolution through the Ombudsperson.",
                "The Chair, Ms. Kelly T. Clements, addressed participants via video.",
                "Reports may be made through SpeakSafe at any hour."]
    assert recased(typed, passages) == read


def test_a_sentence_goes_on_about_the_concept_its_paragraph_names_before_it():
    question = "Does the hotline record my phone number when I call?"
    line = "The SafeHarbour Line is run by an outside company. Call handlers do not record the caller's number."
    assert state(units([passage(line)]), question, closeness=0.6) == "answered"
    # the line named in another paragraph is not what the sentence is about
    apart = "The SafeHarbour Line is run by an outside company.\n\nCall handlers do not record the caller's number."
    assert state(units([passage(apart)]), question, closeness=0.6) == "not_covered"


def test_an_ask_whether_a_thing_exists_is_answered_by_a_unit_naming_it():
    assert asked_to_exist("Is there a dress code for field staff?") == "dress code"
    assert asked_to_exist("Are there any sanctions for it?") == "sanctions"
    assert asked_to_exist("Does the policy cover interns?") == ""
    question = "Is there a dress code for field staff in the harassment policy?"
    intervene = units([passage("Staff are encouraged to intervene safely when they witness harassment in the field.")])
    assert state(intervene, question, closeness=0.6) == "not_covered"
    code = units([passage("Field staff follow a dress code agreed with the country office.")])
    assert state(code, question, closeness=0.6) == "answered"
    # a limit asked for is answered by the limit, in other words than the question's
    sessions = units([passage("The Service provides up to eight free counselling sessions per person.")])
    assert state(sessions, "Is there a cap on counselling sessions?", closeness=0.6) == "answered"


def test_a_yes_no_ask_ending_on_a_means_is_answered_by_a_unit_speaking_of_it():
    assert asked_means("Can reports be sent to the SafeVoice line by SMS or WhatsApp?") == "SMS or WhatsApp"
    assert asked_means("Can I do the course on my mobile phone?") == "mobile phone"
    assert asked_means("Are interns covered by the harassment policy too?") == ""  # the document asked about
    assert asked_means("Can I speak to the adviser in confidence?") == ""  # a set phrase
    assert asked_means("How do I report by phone?") == ""  # not a yes/no ask
    assert asked_means("Can my interview take place over video if I work in a field office?") == "video"
    assert asked_means("Can OIA look through my personal phone?") == ""  # a verb's particle
    assert asked_means("Does a witness have to step in even if it would be dangerous for them?") == ""
    question = "Can reports be sent to the hotline by text message?"
    hours = units([passage("The hotline is answered in person 24 hours a day and reports may be sent to it.")])
    assert state(hours, question, closeness=0.6) == "not_covered"
    texts = units([passage("Reports may be sent to the hotline by telephone, email or text message.")])
    assert state(texts, question, closeness=0.6) == "answered"
    close = {"phone": (1.0, 0.0), "telephone": (0.8, 0.6)}

    def word_vectors(texts: list[str]) -> np.ndarray:
        return np.array([close.get(t, (-0.6, -0.8)) for t in texts])

    by_phone = parts("Can reports be sent to the hotline by phone?", set(), set())
    calls = units([passage("Reports may be sent to the hotline by telephone.")])
    assert assess(by_phone, calls, [0.6]).state == "not_covered"  # no word of it, none close
    assert assess(by_phone, calls, [0.6], word_vectors=WordVectors.of(word_vectors)).state == "answered"
    # a time of the week is spoken of by a sentence saying the line is open at any time
    always = units([passage("The hotline is available 24 hours a day, seven days a week, by telephone.")])
    assert state(always, "Is the hotline open on weekends?", closeness=0.6) == "answered"
    office = units([passage("The hotline is available during office hours, by telephone.")])
    assert state(office, "Is the hotline open on weekends?", closeness=0.6) == "not_covered"


def test_the_extreme_of_a_figure_is_not_answered_by_its_average_or_median():
    median = units([passage("The median duration of the investigations closed in 2023 was 198 days.")])
    assert state(median, "What was the longest investigation closed in 2023?") == "not_covered"
    assert state(median, "What was the median duration of the investigations closed in 2023?") == "answered"
    # a limit set on it, beside its average, does answer the longest it may take
    limit = units([passage("Investigations take 120 days on average and must be completed within 180 days.")])
    assert state(limit, "What is the maximum length of an investigation?") == "answered"


def test_figures_asked_by_a_breakdown_are_answered_where_it_is_spoken_of():
    regions = units([passage("Of the 74 reports received in 2023, 24 came from Africa, 13 from Asia and the Pacific "
                             "and 9 from the Americas.")])
    assert state(regions, "What is the breakdown of the 2023 reports by gender of the affected person?") == "not_covered"
    genders = units([passage("Of the 74 reports received in 2023, 61 concerned a woman and 13 a man, by gender of the "
                             "affected person.")])
    assert state(genders, "What is the breakdown of the 2023 reports by gender of the affected person?") == "answered"


def test_a_time_limit_to_ask_for_a_process_is_the_time_counted_from_the_incident_not_the_time_it_takes():
    assert not sets_time_limit("An informal resolution process should normally be concluded within six weeks of the "
                               "request.")
    steps = units([passage("8.2 A request for informal resolution may be made to the Ombudsperson or to a manager. The "
                           "request should be made within 12 months of the last incident concerned.")])
    assert state(steps, "deadline for asking for informal resolution?") == "answered"


def test_what_a_question_names_in_passing_is_no_concept_of_it():
    # "without an appointment" books no one; "drop-in hours" are opening hours; data is kept on servers
    assert "selection or appointment" not in concepts_in("When can I drop in to see the Ombudsperson without an "
                                                         "appointment?")
    assert "selection or appointment" in concepts_in("Who decides on the appointment of focal points?")
    assert "opening hours" in concepts_in("When can I drop in to see the Ombudsperson?")
    assert "records or retention" in concepts_in("The platform is hosted by a provider on servers in the European Union.")


def test_a_deadline_named_for_something_else_is_no_deadline_for_what_is_asked():
    informed = units([passage("The complainant is informed of the decision no later than ten working days after the "
                              "preliminary assessment is concluded.")])
    assert state(informed, "Is there a deadline for filing a formal complaint?") == "not_covered"
    filing = units([passage("A formal complaint should be filed no later than one year after the last incident.")])
    assert state(filing, "Is there a deadline for filing a formal complaint?") == "answered"
    # reporting is coming forward with a complaint, in other words
    none = units([passage("4.1 There is no deadline for reporting sexual harassment.")])
    assert state(none, "Is there a time limit for coming forward with a complaint?") == "answered"
    # new staff are those counted from their start date
    course = units([passage("All staff and interns must complete the online course within 30 calendar days of their "
                            "start date.")])
    assert state(course, "whats the deadline for new staff to do the online course") == "answered"


def test_how_long_a_thing_is_is_not_answered_by_a_time_to_complete_something_else():
    course = units([passage("Peer supporters complete a two-day course on listening skills before taking up the role.")])
    assert state(course, "How long is a peer supporter's term?") == "not_covered"
    term = units([passage("Peer supporters are appointed for a term of two years, which may be renewed once.")])
    assert state(term, "How long is a peer supporter's term?") == "answered"


def test_what_one_side_of_a_case_is_given_does_not_answer_what_the_other_side_asks():
    subject = units([passage("Before the report is finalised, the subject is given the draft findings and may submit "
                             "comments within ten working days.")])
    assert state(subject, "How many days does the complainant have to comment on the draft findings?") == \
        "not_covered"
    assert state(subject, "How many days does the subject have to comment on the draft findings?") == "answered"
    both = units([passage("Before the report is finalised, the complainant and the subject are given the draft "
                          "findings and may comment within ten working days.")])
    assert state(both, "How many days does the complainant have to comment on the draft findings?") == "answered"
    # the victim-centred approach is no side of a case, nor is the subject of a complaint a person
    assert sides("When did the Task Force adopt the victim-centred approach?") == frozenset()
    assert sides("What is the subject of the complaint?") == frozenset()
    assert sides("Can the victim or the accused appeal?") == {"harmed", "reported"}


def test_a_definition_asked_is_answered_by_one_naming_what_is_defined_not_its_qualifier():
    glossary = units([passage("Victim Support Officer: the official in the Ethics Office who coordinates support.")])
    assert state(glossary, "What's the official definition of abuse of authority?") == "not_covered"
    defined = units([passage("Abuse of authority is defined as the improper use of a position of influence, power or "
                             "authority against another person.")])
    assert state(defined, "What's the official definition of abuse of authority?") == "answered"


def test_a_number_the_ask_states_is_not_the_number_it_asks_for():
    total = units([passage("DED Bhatia thanked the network of over 400 Gender Focal Points for their work.")])
    assert state(total, "How many of the 400+ gender focal points are based in field offices?") == "not_covered"
    part = units([passage("Of the over 400 Gender Focal Points, 120 work in field offices.")])
    assert state(part, "How many of the 400+ gender focal points are based in field offices?") == "answered"


def test_a_count_the_ask_states_may_be_written_as_a_word_and_a_number_naming_a_thing_may_not():
    eight = units([passage("Through CareLine, each member of personnel is entitled to up to eight free counselling "
                           "sessions per calendar year.")])
    assert state(eight, "Can I get more than the 8 CareLine sessions a year?") == "answered"
    # how many more, after the asker's own count: not the count they told of, nor a count of something else
    assert state(eight, "I've used all 8 CareLine sessions. How many more can the counsellor approve?") == "not_covered"
    languages = units([passage("CareLine offers confidential counselling in more than 30 languages.")])
    assert state(languages, "I've used all 8 CareLine sessions. How many more can the counsellor approve?") == \
        "not_covered"
    three = units([passage("Ms. Asante-Boateng highlighted three conditions for success in dialogue 2.")])
    assert state(three, "What did Ms. Asante-Boateng say in dialogue 3 about success?") == "not_covered"


def test_a_part_of_a_document_is_no_count_and_partners_are_no_part():
    parts_of = units([passage("Further sessions with the Staff Counsellor are described in Part 8 and in Part 17.")])
    assert state(parts_of, "How many more can the Staff Counsellor approve?") == "not_covered"
    partners = units([passage("A consulting firm announced that 12 partners were let go over sexual harassment.")])
    assert state(partners, "How many partners did the consulting firm let go?") == "answered"


def test_which_firm_is_answered_by_a_firm_named_not_by_one_of_its_kind():
    unnamed = units([passage("Professor Westfahl gave the example of a consulting firm which publicly announced that "
                             "12 partners were let go."),
                     passage("Professor Westfahl expressed that leaders must be transparent about consequences.")])
    assert state(unnamed, "Which consulting firm announced that it let 12 partners go?") == "not_covered"
    assert state(unnamed, "what private company has a rule on dating?") == "not_covered"
    named = units([passage("Acme Advisory, a consulting firm, publicly announced that 12 partners were let go.")])
    assert state(named, "Which consulting firm announced that it let 12 partners go?") == "answered"


def test_when_exactly_and_what_were_the_dates_ask_for_a_date():
    assert expected_answer("When exactly was the victim-centred approach document adopted?").name == "date"
    assert expected_answer("What were the dates and themes of the four earlier dialogues?").name == "date"
    undated = units([passage("Most recently, the Task Force has adopted the document on a victim-centred approach.")])
    assert state(undated, "When exactly was the victim-centred approach document adopted?") == "not_covered"


def test_a_disciplinary_process_is_no_sanction_and_protective_support_no_interim_measure():
    assert concepts_in("the timeliness of investigations and disciplinary processes") == frozenset()
    assert concepts_in("Knowingly making a false complaint is a disciplinary matter.") == \
        frozenset({"sanctions or disciplinary measures"})
    assert concepts_in("all entities making a wide range of measures and protective support available") == frozenset()


def test_a_word_mistyped_by_a_letter_is_read_as_the_passages_write_it():
    texts = ["Every affected person is entitled to up to eight sessions of counselling, paid for by the Agency.",
             "A support person may attend the interview. Reports can be made through the portal."]
    assert respelled("how many free therapy sesions does the agency pay for", texts) == \
        "how many free therapy sessions does the agency pay for"
    assert respelled("can I bring a supportt person", texts) == "can I bring a support person"
    # a plural is no typo of its singular, a function word is left as typed, and so is a name
    assert respelled("how many interviews", texts) == "how many interviews"
    assert respelled("what share of reports", ["the results were shared"]) == "what share of reports"
    assert respelled("what though the portal", texts) == "what though the portal"
    assert respelled("Does Agencyy pay", texts) == "Does Agencyy pay"


def test_an_average_asked_is_answered_by_an_average_and_a_query_may_name_the_kind_it_wants():
    assert expected_answer("average time it took to complete an investigation in 2023?").name == "time span"
    assert expected_answer("deadline to appeal a sanction?").name == "time span"
    assert expected_answer("time off after an incident?") is None
    assert expected_answer("what score do you need to pass the final test?").name == "number"
    share = units([passage("OIO completed 15 investigations in 2023, and 71 per cent of them were completed within the "
                           "120-day time limit.")])
    assert state(share, "What was the average time to complete an investigation in 2023?") == "not_covered"
    average = units([passage("In 2023, investigations took 98 days on average to complete.")])
    assert state(average, "What was the average time to complete an investigation in 2023?") == "answered"


def test_the_side_the_asker_tells_of_is_the_side_of_the_ask():
    subject = units([passage("As the subject, you may be accompanied at your interview by a staff member who is not "
                             "involved in the case, acting as an observer.")])
    assert state(subject, "I'm the one who reported. Can I bring someone to my interview?") == "not_covered"
    assert state(subject, "I'm the one being accused. Can I bring someone to my interview?") == "answered"
    assert sides("Will the person I reported be told that it was me?") == frozenset({"harmed", "reported"})


def test_a_copy_asked_for_is_answered_by_a_unit_speaking_of_a_copy():
    assert asked_to_exist("Will the complainant get a copy of the investigation report?") == "copy"
    assert asked_to_exist("Will I receive a summary of the outcome?") == ""
    informed = units([passage("Where the allegations are not substantiated, the Director closes the case and informs the "
                              "subject and the complainant of the investigation report's conclusion in writing.")])
    assert state(informed, "Will the complainant get a copy of the investigation report?") == "not_covered"
    copy = units([passage("The complainant receives a copy of the investigation report's conclusions in writing.")])
    assert state(copy, "Will the complainant get a copy of the investigation report?") == "answered"


def test_contact_details_on_a_line_listing_several_offices_are_those_of_the_entry_named():
    line = units([passage("Investigations Unit, Office of Internal Oversight: investigations@unerra.org, +41 22 730 4460; "
                          "Office of the Ombudsperson: ombuds@unerra.org; Ethics Office: ethics@unerra.org.")])
    assert state(line, "What's the phone number of the Ombudsperson's office?", {"Ombudsperson"}) == "not_covered"
    assert state(line, "What is the email address of the Ombudsperson?", {"Ombudsperson"}) == "answered"
    # a field of the entry is no entry of its own
    fields = units([passage("Office of the Ombudsperson: ombuds@unerra.org; Telephone: +41 22 730 4470; Ethics Office: "
                            "ethics@unerra.org, +41 22 730 4480.")])
    assert state(fields, "What's the phone number of the Ombudsperson's office?", {"Ombudsperson"}) == "answered"

