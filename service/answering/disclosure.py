"""Who is asking: a person telling of harassment they experienced or witnessed, a person helping someone who
confided in them, or anyone else with a question.

* **Supporter**: someone was told, or is helping ("A colleague confided that her boss touches her; how can I
  help?", "How should I respond when a colleague tells me they were harassed?"). Checked first: these name
  harm too, but the asker needs guidance for the helper.
* **Disclosure**: a first-person account, however short or indirect: an act done to the asker ("grabbed me in
  the lift", "sent me a naked photo", "exposed himself to me", "pinned me against the wall"), the asker as the
  one it happens to ("I was groped", "I'm being followed"), a threat to the asker's contract or promotion.
  Closeness in meaning to example accounts is no sign by itself: "If I report harassment, will my name be kept
  confidential?" is as close to them as many accounts are. Not when the asker speaks in a role ("I am a focal point
  preparing a training on unwanted touching"), asks a hypothetical ("What should I do if ..."), or asks
  about the policy.
* **Probes**: what the rules let through as a first-person question is also read by a logistic regression on its
  vector (``Probe``, fitted on the tuning data by ``eval/train_disclosure.py``), for accounts in words no rule
  lists; a second one reads a helper's question ("How can I be there for a coworker who was harassed?") in words
  no rule lists, unless the text is the asker's own account.

Nothing here logs or stores the question.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from service.answering.focus import ASK_OPENERS, plain

Asker = Literal["disclosure", "supporter", "question"]

FIRST_PERSON = re.compile(r"\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|me|my|myself|mine)\b", re.IGNORECASE)
# the asker among those something was pressed on: "the team leader insisted we share a hotel room"
PUT_ON_US = re.compile(r"\b(?:insist\w*|demand\w*|forc\w*|made|pressur\w*) (?:that )?(?:we|us)\b", re.IGNORECASE)
_ME = r"(?:me|my|myself|i)"
# fear the asker tells of: an act only when someone is named (``_anchors_and_acts``)
_FEAR_WORDS = r"scared|afraid|terrified|frightened|unsafe|uncomfortable|feel sick|hate it"
# what a remark about the asker may be about that is nothing sexual: "comments about my nationality", "... my work"
_PLAIN_TRAIT = (r"(?:\w+ )?(?:nationality|race|ethnicity|accent|religion|age|disability|country|english|language|work|"
                r"performance|report|draft|presentation|slides)\b")
# acts that are harm whoever does them
_STRONG = (r"touch\w*|grab\w*|grop\w*|fondl\w*|kiss\w*|pinch\w*|slap\w*|spank\w*|pinn?(?:ed|ing|s)?|cornered|corner(?:s|ing)?|"
           r"stalk\w*|harass\w*|assault\w*|rap(?:e|ed|ing)|molest\w*|abus\w*|threaten\w*|intimidat\w*|humiliat\w*|"
           r"bull(?:y|ied|ies|ying)|coerc\w*|blackmail\w*|expos(?:ed|es|ing) (?:himself|herself|themselves)|flash(?:ed|es|ing)|"
           r"forc(?:ed|es|ing)|spik(?:ed|ing)|drugg\w*|trapp\w*|retaliat\w*|demean\w*|propositio\w*|squeez\w*|rubb\w*|"
           r"leer\w*|catcall\w*|masturbat\w*|sexuali[sz]\w*|degrad\w*|insult\w*|mock\w*|punish\w*|victimi[sz]\w*|exclud\w*|isolat\w*|"
           r"demot\w*|blocked my|ruin\w* my|spread\w* rumou?rs|subjected to|massag(?:ed|es|ing)")
_STRONG_ACT = re.compile(rf"\b(?:{_STRONG})\b", re.IGNORECASE)
# help aimed at the person harmed, not at what the asker should do ("what should I do now?" may be their own)
_REACH_OUT = r"reach out to|check (?:in )?on"  # reaching out to the person harmed: a helper's wish
_HELP_THEM = re.compile(rf"\b(?:help|support|{_REACH_OUT}|comfort|reassure|be there for|look after|"
                        r"talk to|speak to|speak with|say something to|bring it up with|approach|protect) (?:her|him|them|my (?:\w+ )?colleague|the (?:\w+ )?colleague)\b",
                        re.IGNORECASE)
# persistence: "keeps texting", "kept knocking"
_PERSISTS = r"(?:keeps?|kept) (?:on )?\w+ing"
# what the asker received, told in chat style with the "I" dropped: "got a dick pic from ..."
_RECEIVED = re.compile(r"^\s*(?:just |also |again )?(?:got|received|getting|receiving)\b", re.IGNORECASE)
# the asker receiving something, now or for a while: "I keep getting", "I have been receiving"
_I_RECEIVE = r"i (?:keep |kept |have been |had been |'ve been |’ve been )?(?:get|got|getting|receive|received|receiving)"
# acts that are harm only with a sexual or threatening object in the same account
_WEAK = (r"sen[dt]\w*|show\w*|text\w*|messag\w*|e-?mail\w*|call\w*|comment\w*|follow\w*|record\w*|film\w*|photograph\w*|"
         r"star(?:e|ed|es|ing)|hug\w*|brush\w*|ask\w* (?:me )?out|invit\w*|DM\w*|snap\w*|track\w*|watch\w*|wait\w* for")
# words that make whatever they are said with sexual
_EXPLICIT_WORDS = (r"naked|nudes?|explicit|private parts|sexual(?:ly)?(?! harass)|intimate|porn\w*|lewd|dirty|obscene|genital\w*|"
                   r"penis|breasts?")
_SEXUAL = re.compile(rf"\b(?:{_EXPLICIT_WORDS}|"
                     r"chest|bottom|butt|legs|thighs|body|bed|sleep with|sex|hotel room|late at night|at night|"
                     r"won'?t stop|"
                     rf"{_PERSISTS}|again|every night|unwanted|uncomfortable|scared|afraid|unsafe|creepy|inappropriate\w*|"
                     r"kiss\w*|date|dinner|drinks|lingerie|underwear|photos? of me|pictures? of me|videos? of me|"
                     r"what (?:i'm|i’m|i am|i was) wearing)\b",
                     re.IGNORECASE)
# "grabbed me", "touched my arm", "the harassment I suffered"; not "harassment even if I"
# the words between act and object join no second clause: in "harassment if my colleague ...", "my" is the actor's
_SAME_CLAUSE = r"(?:\s+(?!(?:if|when|whether|because|but|or|that|unless|although|though|while)\b)\w+)"
DIRECTED = re.compile(rf"(?<!\bi )(?<!\bwe )\b(?:{_STRONG})\b{_SAME_CLAUSE}{{0,3}}?\s+(?:me|my|myself)\b|\b(?:{_STRONG})\s+i\s+(?:experienced|"
                      r"suffered|faced|went through|endured|witnessed|saw|received|got)\b", re.IGNORECASE)
DIRECTED_WEAK = re.compile(rf"\b(?:{_WEAK})\b{_SAME_CLAUSE}{{0,3}}?\s+{_ME}\b(?! {_PLAIN_TRAIT})", re.IGNORECASE)
# a witness in chat style, the "I" dropped, who saw a person: "Watched my boss grope the new intern", not "Saw the news"
_SAW_SOMEONE = (r"^\s*(?:just |also )?(?:saw|watched|witnessed|overheard) (?:my |our |a |an |the |his |her |this |that |"
                r"some )?(?:\w+ )?(?:colleague|co-?worker|boss|manager|supervisor|director|chief|head|lead(?:er)?|driver|"
                r"guard|official|consultant|intern|man|woman|guy|someone|somebody|him|her|them|staff member|delegate|"
                r"officer|rep(?:resentative)?)s?\b")
# what a remark on someone's looks names: "commented on my legs"
_LOOKS = r"body|looks?|appearance|figure|weight|legs?|breasts?|chest|bottom|bum|butt|hair|lips|clothes|dress|outfit|skirt|blouse"
# what a witness saw done: "I saw my supervisor grab an intern"
_WITNESSED_ACT = r"\b(?:touch|grab|grop|kiss|harass(?!ment)|assault|threaten|corner|pin|humiliat|abus|proposition)\w*"
EXPERIENCED = re.compile(
    r"(?<!\bif )(?<!\bwhether )\bi(?:'m|’m| am| was| were| have been|'ve been|’ve been| had been| keep being| got| get| feel| felt)\s+"
    r"(?:(?!accused|suspected|charged|alleged|investigated|researching|studying|writing|teaching|reading|reviewing|"
    r"analy[sz]ing|presenting|preparing|drafting|designing|running|leading|organi[sz]ing|handling|tackling|addressing|"
    r"discussing)\w+\s+){0,2}?"
    r"(?:being\s+)?(?:sexually\s+)?(?:subjected|harass\w*|touch\w*|grop\w*|grabb\w*|assault\w*|rap(?:e|ed)|molest\w*|"
    r"abus\w*|stalk\w*|threaten\w*|bulli\w*|intimidat\w*|humiliat\w*|follow\w*|photograph\w*|film\w*|recorded|"
    r"pressur\w*|coerc\w*|retaliat\w*|targeted|victimi[sz]\w*|excluded|sexuali[sz]\w*|propositioned|flashed|"
    r"cornered|pinned|kissed|unsafe|violated|objectified|drugged|spiked|attacked|scared of (?:him|her|them)|"
    r"afraid of (?:him|her|them))\b"
    # "I'm the harassment focal point": a role, not what befell the asker
    r"(?!\s+(?:focal points?|prevention|polic(?:y|ies)|advis[eo]rs?|officers?|contacts?|coordinators?|trainers?|"
    r"investigators?|training|team|unit|committee|cases?|complaints?|survey|helpline|hotline|specialist|expert))",
    re.IGNORECASE)
HAPPENED = re.compile(
    r"\b(?:happened to me|mine (?:happened|occurred|took place)|"
    # "a delegate I met there did that to me last night", in a clause that opens with no "if"
    r"(?:^|[.?!;:,]\s*|\b(?:because|and|but|so|then|after)\s+)(?:(?!if\b|whether\b)[\w'’-]+\s+){1,12}?"
    r"did (?:that|this|the same(?: thing)?|something like that) to me\b|"
    r"what (?:he|she|they) (?:made|forced|pressured) me (?:to )?do\b|what (?:he|she|they)(?:'s| has| have|’s)? (?:did|done|been doing) to me|did it (?:to me )?again|"
    r"won'?t leave me alone|(?:photos?|pictures?|videos?|images?|nudes?|recordings?|deepfakes?) of me\b|"
    r"since i (?:reported|complained|spoke up|said no|refused|(?:made|filed|lodged|submitted) (?:a|the|my) (?:formal )?"
    rf"(?:complaint|report))\b(?![^.?!]*,\s*(?:{ASK_OPENERS})\b)|"  # not "since I reported it, what are the next steps?"
    r"\bif i want\b[^.?!]{0,60}\bi (?:must|have to|need to|should) (?:go|come|sleep|stay|spend|meet|travel|be nice|kiss|"
    r"date)\b[^.?!]{0,30}\bwith (?:him|her|them)\b|"
    r"\bi (?:saw|watched|witnessed|heard|overheard) [^.?!]{0,100}\b(?:only|would|will|could)\b[^.?!]{0,40}\bif (?:she|he|they) "
    r"(?:met|meet|slept|sleep|went|go|came|come|spent|spend|stayed|stay|kissed|kiss|dated|date)\b|"
    r"\b(?:i|he|she|they)(?:'d|’d| would| will|'ll|’ll| can| could) (?!like\b|prefer\b)[^.?!]{0,40}\bif i ['‘\"“]?(?:(?:keep|kept) (?:him|her|them) company|made it worth|"
    r"make it worth|played along|play along|was nice|were nice|am nice|wore|wear|went|go|slept|sleep|spent|spend|came|come|"
    r"visited|visit|dressed|kissed|dated|agreed|stayed|joined|join|met|meet|accompanied|accompany|"
    r"sen[dt] (?:him|her|them) (?:a |an |some |more )?(?:\w+ )?(?:photos?|pictures?|pics|selfies?|videos?|nudes?))\b|"
    # "our renewal would go smoother if I 'relaxed' with him at his hotel"
    r"\b(?:would|will|'d|’d)\b[^.?!]{0,50}\bif i\b[^.?!]{0,30}\bwith (?:him|her|them)\b[^.?!]{0,20}\b(?:at|in|to) (?:his|her|their) "
    r"(?:hotel|room|place|flat|apartment|house|home|car)\b|"
    r"(?:hands?|arms?|fingers?) (?:on|around|up|down) my\b|\bon my (?:knees?|legs?|thighs?|back|waist|bum|butt|bottom|"
    r"breasts?|chest|hips?|neck|hair|face)\b|"
    rf"{_I_RECEIVE}\b(?! (?:a|an|the) (?:\w+ )?(?:complaint|report|allegation|case|referral|grievance))"
    r"(?![^.?!]{0,30}\b(?:spam|junk|phishing|scam)\b)[^.?!]{0,30}"
    r"\b(?:dick pics?|nudes?|naked|explicit|"
    r"sexual|porn\w*|intimate)|"
    r"what (?:he|she|they) (?:wants?|wanted|would like) to do (?:to|with) me\b|"
    r"\bin front of me\b[^.?!]{0,30}\b(?:masturbat|expos|undress|naked|porn)\w*|"
    r"(?:masturbat|expos|undress)\w*[^.?!]{0,30}\bin front of me\b|"
    r"i(?:'m|’m| am)? (?:scared|afraid|terrified|frightened)\b[^.?!]{0,60}\bbecause of (?:him|her|them|what)\b|"
    r"i (?:reported|complained about|made a complaint about|filed a complaint about) (?:the |my |his |her |a )?"
    r"(?:harass\w*|abuse\w*|assault\w*|him|her|boss|supervisor|manager|colleague)\b|"
    r"(?:sexual|dirty|lewd|crude|explicit) (?:remarks?|comments?|jokes?|advances?|gestures?|messages?)\b[^.?!]{0,20}"
    r"\b(?:to|at|about|towards|with) me\b|"
    r"(?:he|she|they) (?:keeps?|kept|won'?t stop) (?:\w+ing|asking me|touching|texting|calling|messaging)(?! (?:her|him|them)\b)|"
    r"(?<!\bif )(?<!\bwhether )(?:my|our) (?:\w+ )?(?:boss|supervisor|manager|director|colleague|co-?worker|team ?lead(?:er)?|"
    r"chief|head)\b"  # what the boss did, not what a colleague told the asker ("she tell me the chief touch her")
    r"(?:(?!\b(?:told|tell|tells|telling|said|says|whispered|whispers)\b)[^.?!]){0,60}?(?<!being )(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bgot )(?<!\bis )"  # not "my colleague was assaulted"
    r"(?:\b(?:touch|grab|grop|kiss|harass(?!ment|ers?\b)|assault|threaten\w*(?=[^.?!]{0,40}\b(?:me|my)\b)|follow|stalk|expos|"
    r"corner|pin)\w*|\b(?:text|messag)(?:es|s|ed|ing) (?:me|her)\b|\bcomment(?:s|ed|ing)? on (?:my|her) "
    rf"(?:\w+ )?(?:{_LOOKS})\b)|"
    r"\bi (?:found|discovered|noticed|spotted) (?:a |an )?(?:hidden |secret )?(?:cameras?|recording devices?)\b|"
    r"\bsomething (?:bad |terrible |awful |weird |strange )?happened (?:\w+ ){0,6}?with (?:a|an|my|the|our|one of (?:my|our|the)) "
    r"(?:\w+ ){0,2}?(?:colleague|co-?worker|boss|manager|supervisor|director|chief|head|driver|guard|consultant|donor|"
    r"official|officer|counterpart|staff member|team ?lead(?:er)?)s?\b|"
    rf"i (?:saw|watched|witnessed|heard|overheard) (?:my |a |our |the |him |her |them |someone )[^.?!]{{0,80}}{_WITNESSED_ACT}|"
    r"i (?:saw|watched|witnessed|heard|overheard) [^.?!]{0,80}"
    r"\b(?:sleep|slept|spen[dt] the (?:night|weekend)) with|in exchange for (?:\w+ing )?my (?:[\w-]+ )?(?:contract|promotion|renewal|job|post|appointment|extension|visa|position)|"
    rf"{_SAW_SOMEONE}[^.?!]{{0,80}}{_WITNESSED_ACT})",
    re.IGNORECASE)
# what a contract may depend on that is no favour: "my renewal depends on the donor funding"
_IMPERSONAL = (r"(?:the |our |my |your |a |an )?(?:\w+ )?(?:funding|budget|donors?|performance|results?|evaluation|review|approval|"
               r"availability|outcome|resources|money|grant|project|restructuring|audit|needs|mandate|appraisal)\b")
QUID_PRO_QUO = re.compile(
    r"\bmy\b[^.?!]{0,40}\b(?:contract|promotion|renewal|extension|evaluation|appraisal|performance review|job|post|"
    r"position|visa|assignment|career|rota|shifts?|schedule|hours|bonus|leave|grades?|marks?|per diem|salary|pay|"
    r"allowance|paperwork|permit|application)\b[^.?!]{0,60}\b(?:depends?(?! on " + _IMPERSONAL + r")|"
    r"depending|would improve|(?:would|will) be renewed if|unless|(?<!even )if i (?:don'?t|do not|didn'?t|did not|wouldn'?t|would not|refuse|refused|say no|went|go|spent|"
    r"slept|spend|sleep)|(?<!even )if we [\x22\x27\u2018\u201c]?(?:got|get) to know each other|"
    r"in exchange|conditional|as long as|won'?t be renewed|will not be renewed|at risk)\b|\b(?:unless|if) i (?:don'?t |do not )?"
    r"(?:sleep|go out|have dinner|date|kiss|meet) (?:with )?(?:him|her|them)\b", re.IGNORECASE)
# A broader reading of an account, for the many ways people tell one: the asker as the one it is done to (object
# "me", something of theirs, how they feel) or as a witness, and anywhere in the same text an act, a sexual
# detail, a threat or condition, fear, or what followed a refusal or a report.
_ASKER_TARGET = re.compile(
    r"\bme\b|\bmy (?:\w+ )?(?:body|breasts?|chest|bottom|bum|butt|legs?|thighs?|hips?|hair|neck|ears?|face|lips|mouth|"
    r"skirt|blouse|dress|shirt|pants|trousers|clothes|uniform|underwear|desk|car|flat|apartment|house|home|room|door|drink|glass|phone|"
    r"wrist|arms?|hands?|knees?|waist|back|shoulders?|contract|post|job|visa|evaluation|rating|review|reference|"
    r"fellowship|internship|renewal|extension|promotion|career|shifts?|safety|per diem|salary|pay|allowance|paperwork|"
    r"permit|application)\b|"
    r"\bi(?:'m|’m| am| was| feel| felt| get| got| keep getting| have been| had been|'ve been|’ve been)\s+(?:\w+\s+)?"
    r"(?:scared|afraid|terrified|frightened|unsafe|uncomfortable|sick|ashamed|humiliated|violated|assaulted|raped|"
    r"attacked|touched|groped|grabbed|kissed|followed|stalked|threatened|targeted|drugged)\b|"
    r"\bi (?:don'?t|do not|no longer) feel (?:safe|comfortable)\b|\bi woke up\b|"
    rf"{PUT_ON_US.pattern}|"
    r"\bwhile i (?:was|am|'m|’m) (?:dressing|changing|undressing|getting dressed|showering|in the shower|bathing|"
    r"asleep|sleeping|in bed)\b|"
    rf"\bunless i\b|\bi(?: would|'d| will|'ll) (?:never|not|lose)\b|{_RECEIVED.pattern}|"
    rf"\b{_I_RECEIVE} (?:an? |some |these |more )?(?:\w+ )?(?:messages?|calls?|"
    r"e-?mails?|texts?|photos?|pictures?|pics|nudes?|videos?|notes?|gifts?|letters?|comments?)\b|"
    r"\bi (?:said no|turned (?:him|her|them) down|turned down|refused|rejected|reported|complained|objected|asked (?:him|her|them) to stop|"
    r"told (?:him|her|them) to stop)\b|\bwhat i (?:wore|wear|was wearing)\b", re.IGNORECASE)
_WITNESS = re.compile(rf"\bi (?:saw|watched|witnessed|heard|overheard|noticed|walked in on|caught)\b|{_SAW_SOMEONE}|"
                      r"^\s*(?:just |also )?(?:saw|witnessed|overheard) (?:it|this)\b",
                      re.IGNORECASE)
_ACT = re.compile(
    r"\b(?:touch\w*|grab\w*|grop\w*|fondl\w*|kiss\w*|pinch\w*|slap\w*|spank\w*|pats?|patted|patting|rubb?\w*|lick\w*|massag\w*|"
    r"(?:unwanted|unwelcome|inappropriate) (?:physical )?contact|"
    r"brush\w* (?:against|up)|push\w* me (?:against|into|onto|down|up against)|press\w* (?:himself|herself|themselves|against|up)|pull\w* me|lap|onto his|onto her|"
    r"undo|undid|undress\w*|unbutton\w*|hand (?:up|on|down|under) my|slid|forc\w*|assault\w*|rap(?:e|ed|ing)|molest\w*|"
    r"abus(?:ed|es|ing)|harass(?:ed|es|ing)|sexual(?:ly)?(?! harass| exploitation)|sex|naked|nudes?|porn\w*|explicit|"
    r"intimate (?:photos?|pictures?|pics|images?|videos?|messages?)|"
    r"lingerie|underwear|bra|panties|knickers|sex life|masturbat\w*|expos\w* (?:himself|herself|themselves)|flash(?:ed|es|ing)\b(?! lights?)|stalk\w*|follow(?:s|ed|ing)? me|"
    r"turn\w* up|wait\w* (?:for me|outside)|outside my|record\w* me|film\w* me|photograph\w* me|"
    r"dick pics?|(?:in|under|inside|down|up) my (?:pants|trousers|skirt|shirt|blouse|top|dress|underwear)\b|"
    rf"(?:photos?|pictures?|pics?|videos?|images?) of (?:me|himself|herself)|about what i wore|comments? (?:about|on) my(?! {_PLAIN_TRAIT})|"
    rf"comment(?:s|ed|ing)? (?:about|on) (?:her|his) (?:{_LOOKS})\b|(?:about|on) my (?:\w+ )?(?:{_LOOKS})\b|"
    r"my body|beautiful|sexy|hot|pretty (?:woman|girl|lady|face|thing)|wink(?:s|ed|ing)|(?:has|for|at|comes? (?:at|with)) a price|"
    r"sweetheart|babe|darling|advances?|hit(?:s|ting)? on(?= me\b)|(?:came|comes|coming) on(?= to me\b)|"
    r"(?:made|makes|making) a pass|proposition\w*|asks? me out|asked me (?:out|for)|"
    r"date with|on a date|dinner|drinks|hotel room|chang(?:ing|e) (?:rooms?|areas?)|"
    r"(?:his|her) (?:place|room|flat|apartment|house|hotel)|my room|(?:be|become) (?:his|her) (?:girlfriend|boyfriend|lover|"
    r"mistress)|(?:pay|repay|settle) (?:\w+ ){0,2}?(?:another|some other|other) ways?|"
    r"sleep with|slept with|sleeping with|take no for an answer|won'?t (?:take no|stop|leave me)|"
    r"unless i|(?<!even )if i (?:don'?t|didn'?t|do not|did not|was|were|came|come|go|went|say|tell|told|report|refuse|"
    r"spen[dt]|stay(?:ed)?|sle(?:ep|pt))|"
    r"in exchange|depends? on(?! " + _IMPERSONAL + r")|be friendly|nicer|make my life|lose my|end my|never get|threat\w*|blackmail\w*|"
    rf"intimidat\w*|humiliat\w*|{_FEAR_WORDS}|"
    r"(?:won'?t|wouldn'?t|would not|will not) let (?:me|go)|blocked|lock(?:s|ed)? (?:me|us)|"
    r"locked (?:the |his |her |my |our |a )?(?:\w+ )?(?:door|room|car)|door (?:was |is )?locked|locked in|"
    r"drugg\w*|spiked|(?:don'?t|do not|can'?t) "
    r"remember|kissing noises|whistl(?!eblow)\w*|catcall\w*|leer\w*|smirk\w*|rumou?rs|"
    r"(?<!protection from )(?<!protection against )retaliat\w*(?! protection| policy| policies| rules?)|"
    r"(?:since|after|because) i (?:complained|reported|refused|turned|said no|rejected)|left (?:me )?(?:off|out)|"
    r"worst rating|bad (?:performance|rating|review)\w*|moved me|nobody will|excluded|personal questions|"
    r"(?:after|because of|since) what|what (?:he|she|they) (?:did|has done|had done)|"
    r"(?:did|does|has done|had done|tried) (?:something|things|stuff) (?:to|with) me|"  # "did something to me on mission"
    r"(?:made|makes|making) me feel (?:dirty|used|cheap|violated|gross|disgusting)|"
    rf"{_PERSISTS}|after midnight|at [1-5] ?(?:am|a\.m\.)|if i(?:'m|’m| am) alone|alone with (?:him|her|me))\b",
    re.IGNORECASE)
# someone close to the asker is the one it happened to ("My colleague was groped by her supervisor"): a helper's
# question, not the asker's own account
THIRD_PARTY = re.compile(
    r"\b(?:my|our|one of my|one of our) (?:\w+ )?(?:colleagues?|friends?|co-?workers?|staff members?|team members?|"
    r"supervisees?|direct reports?|interns?|assistants?|sisters?|daughters?|sons?|wife|husband|partner|staff)\s+"
    r"(?:was|is|were|are|has been|have been|had been|got|gets|keeps? being|kept being)\s+(?:\w+\s+)?(?:being\s+)?"
    r"(?:\w+ed|\w+en|hurt|hit|touched|caught)\b|"
    # a witness to what was done to someone else: "I saw a coworker being groped in the lift"
    r"\bi (?:saw|watched|witnessed|noticed) (?:a|an|my|our|the|one of (?:my|our|the)) (?:\w+ ){0,2}?(?:colleagues?|"
    r"co-?workers?|interns?|wom[ae]n|m[ae]n|staff members?|team members?|girls?|guys?|persons?|people) (?:being|get(?:ting)?) "
    r"(?:\w+ed|\w+en)\b", re.IGNORECASE)
_OBJECT_ME = re.compile(r"\bme\b", re.IGNORECASE)
_IF_FIRST = re.compile(r"^\s*(?:if|suppose|supposing|imagine|in case|say)\b", re.IGNORECASE)
# a hypothetical whose actor is anyone at all: a question about what counts, not an account
_IF_SOMEONE = re.compile(r"^\s*(?:if|suppose|supposing|imagine|in case|say|what if)\b[^.?!,]{0,20}?\b(?:someone|somebody|"
                         r"anyone|anybody|an? (?:\w+ )?(?:person|colleague|co-?worker|manager|supervisor|man|woman|guy|vendor|"
                         r"contractor|consultant|client|visitor|delegate|donor|driver|guard|official|stranger|staff member)|"
                         r"i (?:get|receive|am sent|'m sent|’m sent|am shown|'m shown|’m shown)\b(?! (?:one more|another|any "
                         r"more|more)\b))",  # "If I get one more message from him ...": it has begun
                         re.IGNORECASE)


# the people who may do something to the asker, by their role
_ROLE_NOUNS = (r"colleague|co-?worker|boss|supervisor|manager|director|chief|head|lead(?:er)?|official|consultant|driver|"
               r"guard|representative|deputy|officer|staff member|delegate|donor|aide")
_ACTOR = re.compile(rf"\b(?:he|she|they|him|his|someone|somebody|a (?:man|woman|guy)|colleagues|co-?workers|{_ROLE_NOUNS})\b",
                    re.IGNORECASE)


def someone_acts(text: str) -> bool:
    """The text names someone doing something, or an act: the probe reads only such texts ("I feel uncomfortable
    in meetings" names neither)."""
    anchors, acts = _anchors_and_acts(text)
    return bool(_ACTOR.search(text)) or any(not any(_within(b, a) for a in anchors) for b in acts)


def account(text: str) -> bool:
    """An account in the asker's own words, read broadly: they are the one it is done to, or saw it, and the text
    names an act, a sexual detail, a condition on their work, fear, or what followed a refusal or report."""
    if _IF_FIRST.search(text):
        return False
    anchors, acts = _anchors_and_acts(text)
    # the act is another part of the text than what names the asker: "I'm scared" alone is not an account, nor is
    # "Since I reported" (an act holding the words that name the asker)
    return any(not _overlap(b, a) for a in anchors for b in acts)


_FEAR = re.compile(_FEAR_WORDS, re.IGNORECASE)
_ASKER_DOES = re.compile(r"\b(?:i|we)\s+$", re.IGNORECASE)  # the text before an act the asker does ("I kissed ...")
# the text before the "me" a request asks something of ("Can you tell me what the policy says about touching?")
_ASKED_OF_ME = re.compile(r"(?:^|\b(?:can|could|would|will) you |\bplease )(?:please |just )?(?:tell|show|send|give|remind|"
                          r"email|explain to|point)\s+$", re.IGNORECASE)


def _anchors_and_acts(text: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """What names the asker as the one it is done to (or a witness), and the acts; an act the asker does ("I kissed
    my partner goodbye") is none done to them."""
    nobody = not _ACTOR.search(text)  # fear with no one named: "a broken lock on my door and I felt unsafe"
    acts = [m for m in _ACT.finditer(text) if not _ASKER_DOES.search(text, 0, m.start())
            and not (nobody and _FEAR.fullmatch(m.group(0)))]
    anchors = [m for m in _ASKER_TARGET.finditer(text) if not _ASKED_OF_ME.search(text, 0, m.start())]
    return [*anchors, *_WITNESS.finditer(text)], acts


def _within(inner: re.Match[str], outer: re.Match[str]) -> bool:
    return outer.start() <= inner.start() and inner.end() <= outer.end()


def _overlap(a: re.Match[str], b: re.Match[str]) -> bool:
    return a.start() < b.end() and b.start() < a.end()


TOLD_ABOUT_SOMEONE = re.compile(
    r"(?<!keeps )(?<!kept )(?<!keep )\b(?:told|tells|telling|confided|confides|confiding|disclosed|discloses|disclosing|came to|"
    r"whispered|whispers|"
    r"comes to|opened up|admitted|shared)\b(?:\s+\w+){0,2}?\s+(?:me|to me|in me|with me)\b[^.?!]{0,40}\b(?:she|he|they|"
    r"her|him|them|his|their)\b", re.IGNORECASE)
# someone the teller speaks of: "He told me a consultant showed him porn" passes on what was done to him
_ANOTHER_ACTOR = re.compile(r"\b(?:me|to me|in me|with me)\b(?:\s+that)?\s+(?:someone|somebody|(?:a|an|the|his|her|their|"
                            rf"one of (?:his|her|their))\s+(?:\w+\s+)?(?:{_ROLE_NOUNS}|man|woman|guy|teacher|coach|client|"
                            r"visitor))\b", re.IGNORECASE)
_TELLER = re.compile(r"\b(he|she)\s+$", re.IGNORECASE)
_SAME_PERSON = {"he": frozenset({"he", "him", "his"}), "she": frozenset({"she", "her"})}


def told_of_another(text: str) -> bool:
    """``TOLD_ABOUT_SOMEONE``, but not a teller speaking of themselves: "he told me he can make my clearances take
    forever" is his threat, not someone's account passed on."""
    for match in TOLD_ABOUT_SOMEONE.finditer(text):
        teller = _TELLER.search(text, 0, match.start())
        if not (teller and re.findall(r"\w+", match.group(0))[-1].lower() in _SAME_PERSON[teller.group(1).lower()]) \
                or _ANOTHER_ACTOR.search(match.group(0)):
            return True
    return False


SUPPORTER = re.compile(
    r"\b(?:someone|somebody|a (?:colleague|friend|staff member|team member|person|woman|man|intern|participant|delegate|"
    r"consultant|volunteer)|my (?:colleague|friend|"
    r"staff|team member|supervisee|direct report|intern|co-?worker))\b[^.?!]{0,60}\b(?:told|tells|confided|confides|disclosed|"
    r"discloses|came to|comes to|opened up|opens up|asked me for help)\b|"
    r"\b(?:a|an|my|our) (?:\w+ ){0,2}?(?:colleague|friend|staff member|team member|supervisee|intern|co-?worker|direct report) "
    r"who (?:told|tells|confided in|confides in|came to) me\b|"
    r"\bmy (?:colleague|friend|co-?worker|team member|supervisee|direct report|intern)\b[^.?!]{0,20}\b(?:showed|shows|"
    r"forwarded|forwards) me\b[^.?!]{0,40}\b(?:her|his|their)\b(?! (?:own )?(?:phone|mobile|laptop|screen|computer|tablet|device)s?\b)|"
    r"\b(?:someone|somebody|an?|my|our|one of my)\s+(?:\w+\s+){0,2}?(?:has |had |just )?(?:reported|raised|brought|described|"
    r"disclosed)\b[^.?!]{0,40}?\bto me\b|"
    r"\b(?:say|respond|react|reply|talk|listen) to (?:someone|somebody|a (?:colleague|person|staff member|survivor|victim|"
    r"friend|co-?worker)|them|her|him) who (?:reports?|discloses?|confides?|tells?|comes? forward|was|is|has been)\b|"
    r"\bhow (?:can|should|do|could|might) (?:i|we) (?:best )?(?:help|support|respond|react|reply|assist|advise|refer|"
    r"comfort)\b|\b(?:help|support|assist|advise|refer|protect|comfort) (?:her|him|them|my (?:colleague|"
    r"friend|staff|team member|supervisee|direct report|co-?worker)|a (?:colleague|friend|survivor|victim))\b|"
    r"\bwhat (?:should|can|do) i (?:say|do|tell)\b[^.?!]{0,40}\b(?:tells? me|told me|confides?|discloses?|came to me)\b|"
    r"\b(?:receiv\w*|handl\w*|respond\w* to|hear\w*) (?:a |the )?disclosure\b|"
    r"\b(?:i|we) (?:have |had |just )?(?:received|got) (?:a|an) (?:\w+ )?(?:complaint|report|allegation)s? (?:of|about) "
    r"(?:sexual )?(?:harass\w*|misconduct|abuse)\b[^.?!]{0,40}\b(?:against|by|from) (?:one of my|my|a|an|our)\b|"
    r"\b(?:one of my|my|our) (?:\w+ )?(?:team members?|staff members?|supervisees?|colleagues?|direct reports?|staff|interns?)\b"
    r"[^.?!]{0,30}\b(?:filed|made|lodged|submitted|raised|brought) (?:a|an) (?:formal |informal )?(?:complaint|report|"
    r"grievance)\b(?! against me)|"
    r"\bi(?:'m|’m| am) (?:helping|supporting|accompanying|advising)\b(?!\s*(?:[.?!,;:]|$))|"  # not "the talks I'm supporting."
    r"\b(?:best way|how|ways?) to (?:support|help|respond to|assist|comfort) (?:a|my|our|the|someone|somebody|her|him|them)\b|"
    r"\b(?:listen\w* to|heard from) (?:my|a|our) (?:colleague|friend|co-?worker|team member|staff member)\b|"
    r"\b(?:my|a|our) (?:colleague|friend|co-?worker|team member|staff member|supervisee)\b[^.?!]{0,30}\b(?:says|said|"
    r"told|tells|describ\w*)\b[^.?!]{0,60}\b(?:her|him|them|she|he|they)\b", re.IGNORECASE)
# a helper's question read broadly: someone else harmed, and what the asker (or that person) can do about it
_OTHER_PERSON = re.compile(
    r"\b(?:she|her|they|them|someone|somebody|a friend of mine|one of my \w+|a (?:junior |young |female |male |new )?"
    r"(?:colleague|friend|co-?worker|staff member|team member|woman|man|intern|consultant|person)|(?:my|our) (?:\w+ )?"
    r"(?:colleague|friend|co-?worker|staff|team member|direct report|supervisee|intern)s?)\b", re.IGNORECASE)
_HELP_INTENT = re.compile(
    r"\b(?:help|support|respond|react|advise|advice|refer|comfort|reassure|encourage (?:her|him|them)|be there for|stand by|look after|"
    r"(?:resources|information|contacts|numbers) (?:can|should|could) i (?:share|give|pass on|send)|"
    r"keep (?:her|him|them) safe|on (?:her|his|their) "
    r"behalf|(?:her|his|their) options|(?:where|who|whom) (?:can|should|could) (?:she|he|they)|what (?:can|should|could) (?:she|he|they)|what now|"
    r"what (?:can|should|do) i (?:say|tell|do)|(?:obliged|required|have) to report|my (?:obligations|duty|role|job)|"
    rf"point (?:her|him|them|my \w+) to|(?:{_REACH_OUT}) (?:her|him|them))\b", re.IGNORECASE)
_WHAT_TO_DO = re.compile(r"\b(?:what|how|where|who|whom)\b[^.?!]{0,40}\b(?:should|can|could|must|do|does|to)\b", re.IGNORECASE)
# with no first person, a helper's question asks how to help (``_HELP_INTENT``), what to say or do, or where the person
# harmed can go ("What should a focal point say when ...?"); "What should the manager write down after someone
# discloses harassment?" asks a rule
_SAY_OR_GO = re.compile(r"\b(?:should|can|could|must|do|does|to)\b[^.?!]{0,40}?\b(?:say|tell|do|go|turn|reply|handle)\b|"
                        r"\bwhere (?:should|could|do|does|might) (?:she|he|they)\b", re.IGNORECASE)
# "how do I handle ...": a helper's words, unless the text tells of an act on the asker ("How do I deal with my boss?
# He keeps touching me.")
_HANDLE = re.compile(r"\bhow (?:can|should|do|could|might) (?:i|we) (?:best )?(?:handle|deal with)\b", re.IGNORECASE)
_HARM = re.compile(r"\b(?:harass\w*|assault\w*|abus\w*|rap(?:e|ed)|disclos\w*|confid\w*)\b", re.IGNORECASE)


def helping(text: str) -> bool:
    """Someone other than the asker was harmed, and the question is what to do about it ("What can I say to a
    colleague who was harassed?", "A friend of mine was harassed; where can she get help?"). The caller reads it
    only when the text is not the asker's own account."""
    return harm_named(text) and bool(_OTHER_PERSON.search(text) and _HELP_INTENT.search(text))


def harm_named(text: str) -> bool:
    """The text names harm, an act or a confidence ("Someone told me the summary mentions allies" names none)."""
    return bool(_HARM.search(text) or _ACT.search(text))


# a question on what befalls the person accused ("What actions are possible if someone is found to have harassed a
# colleague?") is about the policy, not from a helper, unless the asker is in it ("my colleague was harassed; will ...")
_ABOUT_THE_ACCUSED = re.compile(r"\b(?:found to have|found guilty|accused|alleged|perpetrators?|harassers?|offenders?|"
                                r"sanction\w*|disciplin\w*|punish\w*|penalt\w*|happens to (?:someone|somebody|a person|"
                                r"anyone|people|staff|those) who)\b", re.IGNORECASE)
# what moves people: "touched by the speeches", "the story really touched me"
_MOVING = (r"speech|speeches|words|stor(?:y|ies)|gestures?|kindness|support|testimon(?:y|ies)|film|video|talk|presentation|"
           r"panel|event|launch|music|tribute")
# "touched by the speeches" or "the speech touched me" is moved, "touched on it" mentioned it, "in touch" in contact,
# "grabbed my attention" interested, "grab me the form" fetch, "grabbed my seat" took it, "follow up" or "follow the
# policy" act on it: nobody is touched, grabbed or followed
FIGURATIVE = re.compile(r"\btouch(?:ed|es|ing)? (?:up)?on\b|\b(?:get|got|getting|keep|kept|stay|stayed|be|been|am|are|is|was|were) in touch\b|"
                        r"\btouch(?:ed|es|ing)? base\b|\b(?:deeply |very |so )?(?:touched|moved) by (?:the |his |her |their |your |this |these |that |"
                        rf"all (?:the )?)?(?:[\w'’]+ )?(?:{_MOVING})\b|"
                        rf"\b(?:{_MOVING})\b(?: \w+)?(?: really| deeply| truly| so| very)? (?:touched|moved) (?:me|us)\b|"
                        r"\btouch(?:ed|es|ing)? (?:my|our) hearts?\b|\b(?:touched|moved) by how\b|"
                        r"\b(?:so|really|deeply|truly|very|genuinely) (?:touched|moved)\b(?! (?:me|my|her|him|them|us)\b)|"
                        r"\b(?:grabb?\w*|caught|catch\w*) (?:my|our) (?:\w+ )?(?:attention|eye|interest|imagination)\b|"
                        r"(?:\b(?:can|could|would|will) you (?:please |just )?|^\s*(?:please )?)grab (?:me|us)\b|"
                        r"\b(?:grabb?|touch|snatch)\w*(?: (?:the|a|an|my|our|his|her|some))? (?:\w+ )?(?:spot|seat|chair|place|"
                        r"lunch|food|coffee|tea|sandwich|snacks?|pens?|charger|umbrella|parking|turn|mic|microphone|stuff|things|"
                        r"stapler|plants?|desk|keyboard|laptop|computer|screen|monitor|mouse|papers?|files?|"
                        r"documents?|folders?|notes|notebook|mug|cup|remote|projector|slides?|badge|printer)\b(?! and (?:then )?(?:my|her) )|\bfollow(?:s|ed|ing)? (?:up|through|along)\b|"
                        r"\bfollow(?:s|ed|ing)?(?: me)? (?:back )?on (?:twitter|x|instagram|insta|linkedin|facebook|tiktok|"
                        r"bluesky|threads|social media)\b|"
                        r"\bfollow(?:s|ed|ing)? (?:the|this|that|these|our|its|his|her) (?:\w+ )?(?:rules?|polic(?:y|ies)|"
                        r"guidance|guidelines|steps?|procedures?|process|instructions|code|advice|link|course|training)\b",
                        re.IGNORECASE)
# the work an errand is about: "asking me for the drinks budget", "pressured to finish the donor report"
# what an errand sends ("keeps sending me reminders"), the first of the work it may be about
_PAPERS = (r"reminders?|updates?|links?|documents?|files?|forms?|agendas?|minutes|slides|schedules?|reports?|invoices?|"
           r"newsletters?|tasks?|drafts?|templates?|polic(?:y|ies)|instructions|deadlines?")
_TASKS = (rf"{_PAPERS}|budgets?|figures|data|numbers|"
          r"receipts|timesheets?|password|survey|training|course|meeting|workshop|project|session|module|presentation|"
          r"proposal|rent|loans?|payment|fees?|overtime|shift|translation|paperwork|statistics|speech|message|talking points")
# what persistent contact about makes it no errand ("keeps asking me for drinks", "... about my body")
_FAVOURS = (r"(?:dinner|drinks?|dates?|sex|photos?|pictures?|pics|selfies?|nudes?|videos?|body|looks|appearance|private|"
            r"personal|sexual|relationship|boyfriend|girlfriend|husband|wife|marriage|kiss\w*|hugs?|company|favou?rs?|"
            r"meeting up|going out|coffee|lunch|number|address|room|hotel|weekends?|evenings?|nights?|plans|love|dating|single|"
            r"trip|massage|clothes|underwear|"
            r"what i|how i|me|myself|her|him)\b")
# an errand of work sent to the asker ("keeps sending me reminders about the training"): no act, however often
_DETERMINERS = r"the|a|an|my|our|his|her|this|that|some"
# what contact kept up is about, when that is no favour: "... about the spreadsheet", not "... about my body"
_NO_FAVOUR = rf"(?: (?:{_DETERMINERS}))? (?!(?:{_DETERMINERS}) )(?!{_FAVOURS})[\w-]+"
ERRAND = re.compile(r"\b(?:sen[dt]\w*|e-?mail\w*|forward\w*|messag\w*|text\w*)(?: me)? (?:(?:a|an|the|some|more|weekly|daily|"
                    rf"further|new|those|these) )?(?:{_PAPERS})\b|\b(?:sen[dt]\w*|e-?mail\w*|messag\w*|text\w*|call\w*|remind\w*|ping\w*)(?: me)? about (?:the|a|an|our|my) "
                    r"(?:\w+ )?(?:survey|training|course|deadline|meeting|workshop|report|form|project|session|module)\b|"
                    r"\b(?:ask|push|pressur|harass|chas|nag|bug|hound|call|e-?mail|messag|text|remind|ping)\w*(?: me)? (?:for|about|"
                    r"to (?:finish|complete|submit|deliver|send|fill(?: in| out)?|update|pay|sign|approve|review|draft|write|"
                    r"prepare|lead|present|take on|hand in|file|return|cover|attend|work on))"
                    rf"(?: (?:{_DETERMINERS}|more))? (?:\w+ )?(?:{_TASKS})\b|"
                    r"\bharass\w* (?:me )?(?:by|with) (?:\w+ )?(?:e-?mails?|reminders?|notifications?|alerts?|pop-?ups?|spam|ads|"
                    r"adverts?|paperwork|deadlines|forms|surveys)\b|"
                    r"\b(?:call|messag|e-?mail|text|ask|contact|chas|bug|nag|ping|phon)\w*(?: me)?(?: (?:on|at|over|during|every|via|"
                    r"through|in) (?:my |the )?[\w-]+)?(?: (?:asking|wanting|pushing))? (?:about|for|regarding)"
                    rf"{_NO_FAVOUR}|"
                    r"\bpressur\w*(?: me)? by (?:my |the |a |our )?(?:\w+ ){0,2}?to (?:sign|approve|pay|finish|complete|submit|"
                    r"deliver|change|falsify|backdate|hire|award|release|process|work|cover|skip|ignore|delete|amend|alter)\b|"
                    # "keeps sending me messages on Teams about spreadsheet formatting", "... voice messages instead of emails"
                    r"\bsen[dt]\w* me (?:\w+ ){0,2}?(?:messages|e-?mails|texts|notes|voice (?:messages|notes)|reminders)"
                    r"(?: (?:on|via|over|in|through) [\w-]+)?(?: (?:all day|every day|daily|constantly|at night|late at night))? "
                    rf"(?:about|on|regarding|instead of){_NO_FAVOUR}|"
                    # a duty turned down: "After I said no to extra weekend duty, ..."
                    r"\b(?:said no|refused|declined|turned down) (?:to )?(?:the |an? |extra |more |additional |some )?(?:\w+ )?"
                    r"(?:duty|duties|shifts?|overtime|assignments?|tasks?|projects?|travel|"
                    r"missions?|deployments?|work)\b",
                    re.IGNORECASE)
# what makes an errand sent more than one ("texted me the agenda and then a photo of himself naked")
_EXPLICIT = re.compile(rf"\b(?:{_EXPLICIT_WORDS}|kiss\w*|lingerie|underwear|(?:photos?|pictures?|videos?) of (?:me|himself|herself))\b",
                       re.IGNORECASE)
# what the asker read or watched ("I saw a documentary about harassment in Hollywood", "I saw the news that an official
# was dismissed for groping staff"), a part they played in a training, what an accusation against them says: no account
# of harm to them, unless the sentence names them ("I saw the video he took of me")
_STORY_REST = r"(?![^.?!]*\b(?:me|my)\b)[^.?!]*"  # the rest of a sentence about a story, which names not the asker
_ACCUSATION_REST = r"[^.?!]*?(?=\b(?:after|because|since|but|and then)\b|[.?!]|$)"  # up to what the asker says followed
ASIDE = re.compile(r"\bi (?:saw|watched|read|heard|listened to|came across)(?: about)? (?:a|an|the|this|that|some)? ?(?:\w+ )?"
                   r"(?:documentary|film|movie|news|article|story|series|show|episode|podcast|video|clip|post|tweet|thread|"
                   rf"play|book|interview|headline|piece)\b{_STORY_REST}|"
                   r"\bin (?:the|a|this|that) (?:documentary|film|movie|series|show|episode|book|novel|play|case study|"
                   rf"scenario|role-?play|video|article)\b{_STORY_REST}|"
                   r"\bi (?:played|acted|was playing|pretended to be|took the role of)(?: the role of| the part of| as)? "
                   r"(?:a|an|the)\b[^.?!,]*?(?=\b(?:and|but|after\w*|then|when|until)\b|[.?!,]|$)|"
                   rf"(?<=against me) (?:saying|claiming|alleging|that|about|for|of)\b{_ACCUSATION_REST}|"
                   rf"(?<=accused me of)\b{_ACCUSATION_REST}|"
                   # another's words quoted for work: "One response reads: 'I was touched ...'", "I'm quoting a survivor:"
                   r"\b(?:quot(?:e|es|ed|ing)|testimon(?:y|ies)|survivors?|respondents?|(?:responses?|answers?|entr(?:y|ies)|"
                   r"submissions?|comments?) (?:reads?|says?|said|states?)|case study|scenario|headline|script)\b"
                   r"[^'\"“‘.?!]{0,40}?[:,]?\s*(?:'[^']{10,}'|\"[^\"]{10,}\"|“[^”]{10,}”|‘[^’]{10,}’)",
                   re.IGNORECASE)
# contact with a plain purpose or cause, and work remarked on: "touched my shoulder to get my attention", "grabbed my
# arm when I slipped", "touched my back with the stethoscope", "commented on my report", "a photo of me speaking on
# the panel"
_LIMBS = r"arm|hand|shoulder|elbow|wrist|sleeve|back|bag|jacket|coat"
_WORK = (r"report|draft|work|presentation|analysis|memo|paper|writing|proposal|slides|code|spreadsheet|performance|budget|"
         r"figures|e-?mail|plan|design|research|methodology|ideas?|data|output|speech|chapter|article|post|notes|minutes")
# a search at a border or a gate, in either order: "security patted me down at the airport"
_SEARCHED = r"(?:pat(?:ted|s)? (?:me )?down|pat-?downs?|frisk\w*|bod(?:y|ies) search\w*|searched (?:me|my bag|my luggage))"
_CHECKPOINT = r"(?:airport|security (?:check|screening|control)|customs|immigration|checkpoint)"
INCIDENTAL = re.compile(
    rf"\b(?:touch|tapp?|grabb?|pull|held|hold|caught|catch|took|take)\w*(?: me)?(?: (?:on|by))? (?:my|the) (?:{_LIMBS})"
    r"(?: \w+)? (?:to (?:get my attention|stop me|steady me|help me|catch me|wake me|warn me|point|show me|guide me)|"
    r"(?:when|as) i (?:slipped|fell|tripped|stumbled|lost my balance|fainted|was falling))\b|"
    r"\b(?:touch|press|plac|put|listen)\w* (?:\w+ ){0,4}?with (?:a |the |his |her )?(?:stethoscope|thermometer|metal detector|"
    r"scanner|wand|blood pressure cuff)\b|"
    r"\b(?:spam|junk|phishing|scam) (?:e-?mails?|messages?|texts?|calls?|mail)(?: (?:with|containing|full of) (?:\w+ ){0,2}?"
    r"(?:content|material|images?|pictures?|links?|videos?))?|"
    r"\b(?:electrodes?|ecg|ekg|ultrasound|x-?ray|vaccin\w*|injection|blood test)\b[^.?!]{0,40}\b(?:on|in|to) my (?:\w+ )?\w+|"
    rf"\b{_SEARCHED}\b[^.?!]*\b{_CHECKPOINT}\b|\b{_CHECKPOINT}\b[^.?!]*\b{_SEARCHED}\b|"
    rf"\bcomment(?:s|ed|ing)?(?: \w+ly)? on (?:my|our) (?:\w+ )?(?:{_WORK})s?\b|"
    r"\b(?:photos?|pictures?|videos?) of (?:me|us) (?:speaking|presenting|giving|receiving|at (?:the|a|an|our) (?:conference|"
    r"event|panel|meeting|workshop|launch|ceremony|training|retreat)|on (?:the|a) (?:panel|stage|podium))\b|"
    # travel arranged: "they'd book a hotel room for me", "picked me up at 5am for the field trip"
    r"\bbook(?:s|ed|ing)? (?:a |the |my )?hotel rooms? for (?:me|us)\b|\bhotel rooms? (?:booking|reservation)s?\b|"
    r"\bat [1-5] ?(?:am|a\.m\.) (?:for|to catch|to get to) (?:the |a |my |our )?(?:\w+ )?(?:trip|flight|mission|visit|drive|"
    r"convoy|departure|shift|airport)\b",
    re.IGNORECASE)
# a plain cause the asker gives, which no act or explicit word joins: "my contract won't be renewed because of budget
# cuts", "keeps calling me late at night because of the time difference with New York"
PLAIN_CAUSE = re.compile(
    r"(?:^|(?<=[.?!]))[^.?!]*\b(?:because of|due to|owing to|as a result of) (?:the |a |an |our |my |his |her )?(?:\w+ )?(?:budget|funding|"
    r"cuts|time difference|time zones?|restructuring|reorgani[sz]ation|downsizing|workload|deadlines?|pandemic|covid|"
    r"security situation|weather|liquidity|financial situation|shortfall|merger|relocation)\b[^.?!]*", re.IGNORECASE)
# the asker says it is not sexual: "None of this is sexual, I know, but it's wearing me down"
NOT_SEXUAL = re.compile(r"\b(?:none of (?:this|it|that) (?:is|was|has been)|(?:it|this|that)(?:'s|’s| is| was) not|"
                        r"(?:it|this|that) (?:isn'?t|wasn'?t)|nothing (?:about (?:it|this) )?(?:is|was)|"
                        r"there(?:'s|’s| is| was) nothing) (?:\w+ )?sexual\b|\bnothing sexual\b", re.IGNORECASE)
# the asker says the contact was welcome: "It was actually really comforting", "I appreciated the gesture"
WELCOMED = re.compile(r"\b(?:it|this|that|the (?:hug|gesture|touch))(?:'s|’s| is| was| felt)(?: (?!not\b|never\b|hardly\b)\w+){0,2}? "
                      r"(?:comforting|kind|sweet|lovely|welcome|supportive|reassuring|thoughtful|touching)\b|"
                      r"\bi (?:really |truly )?(?:appreciated|didn'?t mind|did not mind|welcomed) (?:it|that|the (?:hug|gesture|touch))\b",
                      re.IGNORECASE)
# the asker as the one a policy protects ("How do I ask the Ethics Office to protect me from retaliation?"): no act
PROTECTED = re.compile(r"\bprotect\w*(?: (?:me|us|myself|them|him|her|you))? (?:from|against) (?:retaliat\w*|reprisals?)",
                       re.IGNORECASE)
# a question passed on by a body or the press ("A journalist asked me what the UN is doing about harassment"): the
# asker relays it, neither telling of harm nor helping someone harmed
RELAYED = re.compile(r"\b(?:union|journalist|reporter|press|staff association|staff council|students|participants|"
                     r"audience|members|colleagues?|co-?workers?|friends?|manager|supervisor|boss|staff member|team member|"
                     r"someone|somebody|people|intern|participant|staff)(?: \w+ly| also)? asked (?:me|us) (?:what|whether|if|"
                     r"how|where|which|about|for (?:information|figures|data|advice|a summary))\b", re.IGNORECASE)
# asked to stand beside the person harmed: "She asked me to be her support person", "... to come with her to HR"
ALONGSIDE = re.compile(r"\b(?:asked|asks|wants|want) (?:me|us) to (?:(?:be|act as|come with|go with|accompany|attend \w+ with|"
                       r"sit in with) (?:her|him|them)|(?:be|act as) (?:a |her |his |their )?(?:witness|support person))\b|"
                       r"\b(?:her|his|their) support person\b", re.IGNORECASE)
HELPING_SOMEONE = re.compile(r"\b(?:best way|how|ways?) (?:to|can (?:i|we|one)|should (?:i|we|one)) (?:best )?(?:support|help|"
                             r"respond to|assist|comfort|encourage|listen to|talk to|speak (?:to|with)|approach) (?:a|my|our|the) (?:colleague|co-?worker|friend|staff member|"
                             r"team member|person|survivor|victim)s? (?:who|that)\b", re.IGNORECASE)
ROLE = re.compile(
    r"\b(?:i am|i'm|i’m|as)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:focal point|manager|supervisor|hr|human resources|trainer|"
    r"facilitator|investigator|researcher|journalist|student|ethics officer|ombudsperson|counsell?or|coordinator|officer|"
    r"lawyer|advisor|adviser|consultant|organi[sz]er|chair|member of)\b|\bi(?:'m|’m| am) (?:preparing|writing(?! to\b)|organi[sz]ing|"
    r"drafting|planning|running|designing|developing|reviewing|updating|researching|compiling|putting together)\b|"
    r"\bi (?:work|worked) (?:in|for|as|at) (?:hr|human resources|ethics|the ethics|an? \w+ (?:office|unit))\b|"
    r"\bi (?:want|need|would like|'d like|’d like) to (?:run|organi[sz]e|prepare|write|give|deliver|brief|train|know)\b",
    re.IGNORECASE)
REQUEST = re.compile(r"^\s*(?:can|could|would|will) you\b|^\s*please\b|\b(?:send|give|show|email) me (?:the|a|an|your)\b",
                     re.IGNORECASE)
# the asker asking leave for something they would do ("Is it okay for me to record a meeting with my manager?"): a
# question on the rules, unless the rules read an account in it ("Can I report him? He grabbed me at the party.")
PERMISSION = re.compile(r"^\s*(?:is it (?:ok|okay|alright|all right|acceptable|appropriate|fine|allowed|permitted|wrong) "
                        r"(?:for me )?to|am i (?:allowed|permitted|supposed|entitled|obliged|required) to|(?:can|may) i)\b",
                        re.IGNORECASE)
# the asker as the one accused or disciplined ("Could I get disciplined for hugging a colleague?"): a question on the
# rules, unless the rules read an account beside it
ACCUSED = re.compile(r"\b(?:could|can|will|would|might|may) i (?:get|be) (?:disciplined|sanctioned|fired|dismissed|punished|"
                     r"accused|reported|investigated|suspended)\b|\bi(?:'ve|’ve| have| had)? (?:was |been |got |am |'m |’m )?"
                     r"(?:accused|reported|investigated|disciplined|sanctioned|suspended|named) (?:of|for|in|as)\b|"
                     r"\b(?:complaints?|allegations?|accusations?|grievances?) (?:\w+ ){0,2}?against me\b|\baccused me\b|"
                     # what the asker did drew a complaint: "I told a joke with a sexual innuendo and someone complained"
                     r"\bi (?:told|made|sent|said|shared|posted|did|wrote)\b[^.?!]{0,80}\b(?:someone|somebody|a colleague|"
                     r"she|he|they) (?:has |have )?(?:complained|reported (?:me|it))\b|"
                     # what the asker did, asked about: "I touched a colleague's arm ... Could that be seen as harassment?"
                     r"\bi (?:touched|hugged|kissed|complimented|flirted with|commented on|joked|hit on|asked)\b[^?]{0,100}?"
                     r"\b(?:could|would|might|can|is|was|does|did) (?:that|this|it|what i did) (?:be |have been )?(?:seen|"
                     r"considered|count|counted|viewed|taken|perceived|interpreted|classed|deemed)\b",
                     re.IGNORECASE)
# an exercise set for training, not a case: "Training scenario: Maria's manager ... Pick the best answer."
EXERCISE = re.compile(r"^\s*(?:(?:training|practice|sample|quiz|test) )?(?:scenario|case study|exercise|quiz|question \d+)\s*[:–-]|"
                      r"\b(?:pick|choose|select) the (?:best|right|correct) (?:answer|option|response)\b|\bmultiple[- ]choice\b",
                      re.IGNORECASE)
HYPOTHETICAL = re.compile(r"^\s*(?:what|how|where|who|when|which|does|do|is|are|can|could|should|would|will)\b.*"
                          r"\b(?:if|when|whether)\b", re.IGNORECASE)

PREFACE = (
    "Thank you for sharing this; what you describe matters, and you can take the next step at your own pace."
)
SUPPORTER_PREFACE = (
    "Thank you for supporting your colleague. This is what the documents in this library say for someone helping "
    "a person who confided in them, and where that person can turn."
)


PROBE_FILE = Path(__file__).with_name("disclosure_probe.json")
MULTI_PROBE_FILE = Path(__file__).with_name("asker_probe_use.json")


@dataclass(frozen=True)
class Probe:
    """A logistic regression on the question's vector (fitted by ``eval/train_disclosure.py`` on the tuning data):
    reads accounts the rules have no words for. It only speaks once the rules have let the question through as
    first-person and not a role, a hypothetical, a request or a helper's."""

    weights: np.ndarray
    bias: float
    threshold: float

    @classmethod
    def load(cls, path: Path = PROBE_FILE, head: str | None = None) -> Probe:
        """The file's disclosure probe, or its ``head`` ("supporter": a helper's question)."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls.of(data[head] if head else data)

    @classmethod
    def of(cls, data: dict[str, Any]) -> Probe:
        """A probe from its fitted weights, bias and threshold (as ``eval/train_disclosure.py`` writes them)."""
        return cls(np.asarray(data["weights"], dtype=np.float32), float(data["bias"]), float(data["threshold"]))

    def probability(self, vector: np.ndarray) -> float:
        return float(1.0 / (1.0 + np.exp(-(float(self.weights @ vector) + self.bias))))


@dataclass(frozen=True)
class OtherLanguageAsker:
    """Who is asking, for a question in another language than English, which the rules above cannot read: two
    logistic regressions on the question's multilingual (USE v3) vector, fitted on the English tuning questions by
    ``eval/train_disclosure.py``. USE places a sentence and its translation close, so what was fitted on English
    accounts reads a French or Chinese one (``eval/data/languages_care.jsonl``, figures in docs/multilingual.md)."""

    disclosure: Probe
    supporter: Probe

    @classmethod
    def load(cls, path: Path = MULTI_PROBE_FILE) -> OtherLanguageAsker:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(disclosure=Probe.of(data["disclosure"]), supporter=Probe.of(data["supporter"]))

    def asker(self, vector: np.ndarray) -> Asker:
        """A helper's question first (it names harm too, as the rules read it), then an account, else a question."""
        if self.supporter.probability(vector) >= self.supporter.threshold:
            return "supporter"
        if self.disclosure.probability(vector) >= self.disclosure.threshold:
            return "disclosure"
        return "question"


@dataclass(frozen=True)
class DisclosureSignal:
    rule: bool
    supporter: bool = False
    probability: float = 0.0
    threshold: float = 1.0

    @property
    def is_disclosure(self) -> bool:
        return not self.supporter and (self.rule or self.probability >= self.threshold)

    @property
    def asker(self) -> Asker:
        if self.supporter:
            return "supporter"
        return "disclosure" if self.is_disclosure else "question"


class DisclosureDetector:
    def __init__(self, embed_texts: Callable[[list[str]], np.ndarray], probe: Probe | None = None,
                 helper: Probe | None = None) -> None:
        self.embed_texts = embed_texts
        self.probe = probe or Probe.load()
        self.helper = helper or Probe.load(head="supporter")

    def assess(self, question: str, qvec: np.ndarray | None = None) -> DisclosureSignal:
        said = told_as_mine(plain(question))
        text = read_as_acts(said)
        if text is None:
            return DisclosureSignal(False)
        # words the rules read as no act ("grabbed the mic from me") still weigh in the question's vector (and what
        # is left of it reads as a torn account): the probe speaks only on what the rules left whole, and not on an
        # opening condition ("If I report my supervisor, ...")
        probe_reads = " ".join(text.split()) == " ".join(said.split()) and not _IF_FIRST.search(text)
        if HELPING_SOMEONE.search(text) or ALONGSIDE.search(text):
            return DisclosureSignal(False, supporter=True)
        strict = told_of(text, broad=False)
        if RELAYED.search(text) and not strict and not _SEXUAL.search(text):
            return DisclosureSignal(False)  # "Our union asked me what protection exists; what should I tell them?"
        if EXERCISE.search(text) and not strict:
            return DisclosureSignal(False)
        vec = qvec if qvec is not None else self.embed_texts([question])[0]
        own = experienced(text)  # "I was assaulted ... and never told anyone"
        done_to_me = strict or own or bool(DIRECTED_WEAK.search(text))  # "If my colleague sends me a joke, ..."
        first_person = bool(FIRST_PERSON.search(text) or PUT_ON_US.search(text) or _WITNESS.match(text)
                            or _RECEIVED.match(text))
        accused = bool(ACCUSED.search(text))  # "I've been accused of ...": the asker is no helper
        if not done_to_me and not accused and (first_person or not _ABOUT_THE_ACCUSED.search(text)) \
                and (first_person or _HELP_INTENT.search(text) or _SAY_OR_GO.search(text)) \
                and self.helper.probability(vec) >= self.helper.threshold:
            return DisclosureSignal(False, supporter=True)  # a helper in words no rule lists
        if not first_person or _IF_SOMEONE.search(text):
            return DisclosureSignal(False)
        told = strict or account(text)
        someone_else = bool(THIRD_PARTY.search(text)) and not own and not _OBJECT_ME.search(text)
        handles = bool(_HANDLE.search(text)) and not _directed(text)
        told_by_someone = ((SUPPORTER.search(text) or handles) and not own) or (told_of_another(text) and not strict)
        saw_and_helps = bool(_WITNESS.search(text) and _STRONG_ACT.search(text)) and not own and not _directed(text) \
            and bool(_HELP_THEM.search(text))  # "I saw her cornered; how can I reach out to her?"
        if (told_by_someone and (harm_named(text) or _HELP_INTENT.search(text) or _WHAT_TO_DO.search(text))) \
                or someone_else or (helping(text) and not told and not accused) or saw_and_helps:
            return DisclosureSignal(False, supporter=True)
        if not told and (ROLE.search(text) or HYPOTHETICAL.search(text) or REQUEST.search(text)
                         or PERMISSION.search(text) or accused):
            return DisclosureSignal(False)
        probability = self.probe.probability(vec) if probe_reads and someone_acts(text) else 0.0
        return DisclosureSignal(told, probability=probability, threshold=self.probe.threshold)


# the asker's own account told in the second person: "you know when your manager keeps brushing against you ..."
_GENERIC_YOU = re.compile(r"^\s*(?:you know (?:when|how|that feeling when|the feeling when)|ever had)\b", re.IGNORECASE)


def told_as_mine(said: str) -> str:
    """An account told as "you know when your manager ...", in the first person; any other text as it is."""
    if not _GENERIC_YOU.search(said):
        return said
    said = re.sub(r"\byou know\b", "I know", said, count=1, flags=re.IGNORECASE)
    said = re.sub(r"\byours\b", "mine", said, flags=re.IGNORECASE)
    said = re.sub(r"\byour\b", "my", said, flags=re.IGNORECASE)
    return re.sub(r"\byou\b", "me", said, flags=re.IGNORECASE)


# what the rules strike out as no act, in this order (``read_as_acts``)
_NO_ACT = (ASIDE, FIGURATIVE, INCIDENTAL, PROTECTED)


def read_as_acts(said: str) -> str | None:
    """What the rules read an account in: ``said`` less what tells of no act done to anyone (an aside on a story, a
    figure of speech, contact with a plain purpose, the asker as the one a policy protects), an errand of work
    unless something explicit is sent with it, and a plain cause when nothing explicit or forceful is said. None when
    the asker says it is not sexual or was welcome and names nothing explicit or forceful."""
    text = said
    for pattern in _NO_ACT:
        text = pattern.sub(" ", text)
    text = text if _EXPLICIT.search(text) else ERRAND.sub(_errand_gone, text)  # "updates with sexual jokes in them"
    calm = WELCOMED.sub(" ", NOT_SEXUAL.sub(" ", text))  # "None of this is sexual": "sexual" there names no act
    if _STRONG_ACT.search(calm) or _EXPLICIT.search(calm):
        return text
    return None if calm != text else PLAIN_CAUSE.sub(" ", text)


def _errand_gone(errand: re.Match[str]) -> str:
    """An errand struck out, the asker it was sent to kept: "He keeps texting me about the report late at night and
    saying I look sexy" still tells of something done to "me"."""
    return " me " if _OBJECT_ME.search(errand.group(0)) else " "


def _directed(text: str) -> bool:
    """An act aimed at the asker (``DIRECTED``); a noun for one before "my" names whom it is explained to or done
    to, not the asker: "How do I explain retaliation to my team?", "harassment of my colleague"."""
    return any(not (_NOUN_FORM.match(m.group(0)) and _MY_OBJECT.search(m.group(0))) for m in DIRECTED.finditer(text))


_NOUN_FORM = re.compile(r"\w+(?:ion|ment|ions|ments)\b", re.IGNORECASE)
_MY_OBJECT = re.compile(r"\bmy$", re.IGNORECASE)


def experienced(text: str) -> bool:
    """``EXPERIENCED``; feeling unsafe counts only when the text names a person: "the lock on my door was broken and I
    felt unsafe all night" tells of no one's act."""
    return any(not m.group(0).lower().endswith("unsafe") or bool(_ACTOR.search(text)) for m in EXPERIENCED.finditer(text))


def told_of(text: str, broad: bool = True) -> bool:
    """An account of harm done to the asker, or witnessed by them, in the asker's words (``broad``: also as read by
    ``account``; a helper's "told me a guy grabbed her" names the asker only as the one told)."""
    if _directed(text) or experienced(text) or HAPPENED.search(text) or QUID_PRO_QUO.search(text):
        return True
    return bool(DIRECTED_WEAK.search(text) and _SEXUAL.search(text)) or (broad and account(text))
