"""What a question asks about, read off its wording: the parts it asks, each part's policy concepts and named
people, and the kind of answer it wants.

Three signals carry across corpora, because they are about this domain and about English questions, not about
one document:

* **Concepts.** Policy topics a question can ask about ("anonymous reporting", "appeals", "retaliation",
  "sanctions", "interim measures"...), each with the words and phrasings documents use for it
  (``CONCEPTS``). A passage addresses the concept when it holds one of them: "reprisal" answers a
  question on "retaliation", "all personnel" does not answer one on "interns".
* **People.** A question naming a speaker ("What did Jenkins say about ...") is answered only by what that
  person said: the name in the sentence, or the person a "She"/"He" sentence continues from.
* **Answer kind.** "How long", "when", "how many" and "what is the phone number" are answered only by a
  sentence holding a time span, a date, a number or contact details (``service/answering/coverage.py``).

Markdown emphasis and list bullets are removed before any rule reads a text (``plain``), so "**30 days**"
is a time span. Nothing here logs or keeps the question.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ingest.sentences import sentence_spans
from service.answering.coverage import (
    DURATION,
    HONORIFIC,
    MONTHS,
    NUMBER_WORDS,
    POSSESSIVE,
    SPEAKER,
    TIME_UNIT,
    expected_answer,
)


@dataclass(frozen=True)
class Concept:
    name: str  # as the reader sees it: "none of the passages found mentions <name>"
    pattern: re.Pattern[str]


DEADLINE = "a deadline or time limit"
# what "will the Agency pay for ..." buys: a cost asked, not pay for work ("extra pay for the role", "paid for the time")
_BOUGHT = (r"sessions?|counsel\w*|therap\w*|lawyers?|legal|hotels?|travel|flights?|courses?|training|investigators?|"
           r"medication|treatment|moving|relocation|accommodation|transport|childcare|tickets?|it|this|that|them")


# "pay" as pay for work: "extra pay for the role", "paid for the time I spend"; not what is paid for ("the Institute
# pays for up to twelve sessions", "paid for by the Fund", "will the Agency pay for a lawyer?"), which is a cost
_PAY_FOR_WORK = (r"\bpaid\b(?! for by\b)(?! for (?:(?:the|a|an|my|their|his|her|any|external|outside|private) )?(?:\w+ )?"
                 rf"(?:{_BOUGHT})\b)|\bpa(?:y|ys|ying)\b(?! for\b)|"
                 r"\b(?:extra|more|equal|less|same|additional|higher|lower|full|no|the|their|his|her|my|your|our|its) pay for\b")


def _concept(name: str, *alternatives: str) -> Concept:
    return Concept(name, re.compile("|".join(rf"(?:{a})" for a in alternatives), re.IGNORECASE))


# Policy topics and the wordings that address them. A question's concept is matched on the question; a passage
# covers it when it matches the same pattern. Order does not matter; a phrase may belong to two concepts.
CONCEPTS = (
    _concept("anonymous reporting", r"\banonym\w*", r"\bwithout (?:(?:giving|revealing|stating|disclosing|saying|leaving|using) )?"
             r"(?:your|their|his|her|one's|my|our|a|any) (?:own |real )?(?:name|identity)", r"\bunnamed\b",
             r"(?:\bnot|\bnever|n't) (?:\w+ ){0,2}(?:give|giving|reveal|revealing|say|saying|use|using|share|sharing) "
             r"(?:your|their|his|her|my|our) (?:own |real )?(?:name|identity)",
             r"\bkeep (?:my|your|their|his|her|our) (?:name|identity) (?:out|secret|hidden|private|confidential)",
             r"\bidentity (?:is |being )?(?:withheld|hidden|protected)", r"\bnot (?:need|have) to (?:give|identify)"),
    _concept("a hotline or helpline", r"\bhot ?lines?\b", r"\bhelp ?lines?\b", r"\bhelp ?desks?\b",
             r"\bphone lines?\b", r"\bspeak[- ]?up (?:line|service)s?\b", r"\b24/7\b", r"\btoll[- ]free\b",
             r"\bweb (?:form|portal)s?\b", r"\bonline (?:form|portal|reporting)\b",
             # a line the organization names ("the SafeVoice line", "the Integrity Line"), not a reporting or front line
             r"(?-i:\b(?!(?:The|A|An|Reporting|Front|Bottom|Direct|Dotted|Solid|First|Second|Command|Budget|Time|Head|"
             r"Red|Party|Hard|Fine|Finish|Starting|Base|Guide|Dead|Out|On|In)\b)[A-Z][A-Za-z]+ [Ll]ines?\b(?! [Mm]anag))"),
    _concept("appeals", r"\bappeal\w*", r"\btribunal\w*", r"\breview of (?:the |a |that )?(?:decision|outcome|finding)s?",
             r"\b(?:request(?:s|ed|ing)?|ask(?:s|ed|ing)? for|seek(?:s|ing)?) (?:a |an )?review\b",
             r"\bchalleng\w* (?:the |a |that )?(?:decision|outcome|finding)s?",
             r"\bcontest\w* (?:the |a )?(?:decision|outcome)"),
    # "the timeliness of disciplinary processes" speaks of the procedure, not of what it imposes
    _concept("sanctions or disciplinary measures", r"\bsanction\w*",
             r"\bdisciplinary\b(?! (?:process(?:es)?|procedures?|proceedings?|investigations?)\b)", r"\bdiscipline[ds]?\b",
             r"\bpenalt\w*", r"\bpenali[sz]\w*", r"\bdismiss(?:al|ed|ing)?\b", r"\bterminat\w*", r"\blet go\b",
             r"\bfired\b", r"\bfiring\b", r"\bdemot\w*", r"\bsuspen(?:d|ded|sion)\b", r"\breprimand\w*",
             r"\b(?:written )?warnings?\b", r"\bfines?\b", r"\bconsequences?\b", r"\bseparation from service\b",
             r"\bpunish(?:es|ed|ing|ments?)?\b(?![^.?!]{0,30}?\b(?:report|complain|speak|rais|coming forward|testif|cooperat))",
             r"\bcorrective (?:action|measure)s?"),
    _concept("retaliation", r"\bretaliat\w*", r"\breprisals?\b", r"\bvictimi[sz]\w*", r"\bpunish\w*(?=[^.?!]{0,30}?\b(?:"
             r"report|complain|speak|rais|coming forward|testif|cooperat))", r"\badverse (?:action|treatment)s?\b"),
    _concept("confidentiality", r"\bconfidential\w*", r"\bprivacy\b", r"\bdata protection\b", r"\bneed[- ]to[- ]know\b",
             r"\bdisclos\w* (?:only|without consent)"),
    _concept("interim measures", r"\binterim\b", r"\bprecautionary\b", r"\bprotective (?:and support )?measures?\b",
             r"\btemporary (?:measure|reassignment|transfer|change)s?", r"\badministrative leave\b",
             r"\bplaced? on leave\b", r"\bchang\w* (?:of|in|to) (?:the )?(?:reporting lines?|supervisor|work arrangements?|"
             r"duty station|office)", r"\bseparat\w* (?:the )?(?:parties|persons|individuals)\b", r"\btelework\w*",
             r"\btemporary (?:steps|arrangements|changes)\b", r"\bsuspend\w* (?:the )?(?:person|"
             r"staff member|accused|alleged)", r"\bpending (?:the )?(?:outcome|investigation)\b",
             r"\bwhile (?:an|the) (?:investigation|complaint|case) is (?:under way|underway|ongoing|in progress|open)\b",
             r"\bprotective (?:steps|arrangements|actions)\b", r"\bwhile (?:an?|the) (?:investigation|complaint|case|report) "
             r"is (?:still )?(?:being )?(?:looked into|investigated|examined|assessed|pending)\b"),
    _concept("leave", r"\b(?:special|sick|paid|unpaid|annual|maternity|paternity|parental|administrative|medical|"
             r"compassionate) leave\b", r"\bleave (?:with|without) (?:full )?pay\b", r"\bleave entitlements?\b",
             r"\btime off\b", r"\babsence\b", r"\bleave of\b", r"\bon leave\b", r"\bdays? of leave\b"),
    _concept("pay", _PAY_FOR_WORK, r"\bsalar\w*", r"\bwages?\b", r"\bremunerat\w*", r"\bcompensat\w*"),
    _concept("the standard of proof", r"\bstandards? of (?:proof|evidence)\b", r"\bburden of proof\b",
             r"\bpreponderance\b", r"\bclear and convincing\b", r"\bbalance of probabilit\w*", r"\breasonable doubt\b",
             r"\bevidentiary\b", r"\bproof\b", r"\bmore likely than not\b",
             # "how strong does the evidence have to be", "what level of evidence is needed"
             r"\bhow (?:strong|solid|convincing|compelling|good)\b(?: (?!evidence\b)\w+){0,3} (?:evidence|proof)\b",
             r"\b(?:level|threshold|degree|amount|bar) of (?:evidence|proof|certainty)\b", r"\bhighly probable\b"),
    _concept("contractors or other non-staff", r"\bcontractors?\b", r"\bvendors?\b", r"\bsuppliers?\b",
             r"\bconsultants?\b", r"\bthird[- ]part(?:y|ies)\b", r"\bnon[- ]staff\b", r"\bcatering\b",
             r"\bindividual contractors?\b", r"\bservice providers?\b", r"\boutside (?:companies|firms|providers)\b"),
    _concept("interns or volunteers", r"\bintern(?:s|ship|ships)?\b", r"\bvolunteers?\b", r"\btrainees?\b",
             r"\bfellows?\b(?! (?:employees?|colleagues?|staff|members?|workers?|citizens?|delegates?|participants?))",
             r"\bapprentices?\b"),
    _concept("informal resolution or mediation", r"\bmediat\w*", r"\binformal(?:ly)? (?:resolution|resolv\w*|process|"
             r"settlement|approach|channel|route|option|way|means|mechanism)s?", r"\bombuds\w*", r"\bconciliat\w*",
             r"\bfacilitated (?:dialogue|conversation|discussion)s?", r"\b(?:resolv|settl)\w* informally\b",
             r"\binformal(?:ly)? settl\w*"),
    _concept("records or retention", r"\brecords?\b", r"\bretain\w*", r"\bretention\b", r"\barchiv\w*",
             r"\b(?:case|personnel|investigation|complaint)s? files?\b", r"\bkept for\b", r"\bstored for\b", r"\bdestroy\w*", r"\bdelet\w*",
             r"\bservers?\b", r"\bdata cent(?:re|er)s?\b",  # where data is stored: "on servers within the European Union"
             r"\b(?:notes|files|data|information|documents|evidence) (?:are |is |will be |must be )?(?:kept|stored|held)\b",
             r"\bhow long(?= (?:are|is|will|do|does)\b[^?]{0,40}\b(?:kept|stored|held)\b)",  # not eating the words between
             r"\bkeeps? (?:no |a |any |the |its |their )?(?:written )?(?:files?|notes?)\b"),  # "keeps no file that identifies"
    _concept("a definition", r"\bdefin\w*", r"\b(?:is|are) understood as\b", r"\bmeans any\b", r"\brefers? to any\b",
             # "'Affected person' means the person who ...", "managers, meaning any staff member who ..."
             r"[”\"] means\b", r"\bmeaning (?:any|a|an|the|all|every|each|someone|anyone)\b",
             r"\bconstitutes?\b", r"\b(?:is|are) any (?:unwelcome|unwanted)\b", r"\bwhat counts as\b", r"\bcounts as\b"),
    _concept("witnesses or bystanders", r"\bwitness\w*", r"\bbystander\w*", r"\bonlooker\w*"),
    _concept("counselling or medical support", r"\bcounsel+(?:ing|or|ors|lor|lors)\b", r"\bmedical\b",
             r"\bpsycholog\w*", r"\bpsychosocial\b", r"\bwell-?being\b", r"\bemployee assistance\b", r"\btherap\w*",
             r"\bmental health\b", r"\bstaff counsell?or\b"),
    _concept("legal advice", r"\blegal (?:advice|assistance|aid|support|counsel|representation|consultations?)\b",
             r"\blawyers?\b", r"\battorneys?\b", r"\bOSLA\b"),
    _concept("the cost or budget", r"\bcosts?\b", r"\bcostly\b", r"\bbudget\w*", r"\bfund(?:s|ed|ing)\b",
             r"\bexpens\w*", r"\$", r"\bdollars?\b", r"\bUSD\b", r"\beuros?\b", r"\bfinanc\w*",
             r"\bspen(?:d|ds|ding|t)\b", r"\bbillions?\b", r"\bmillions?\b", r"\bfree\b", r"\bno (?:cost|charge)\b", r"\bfees?\b",
             r"\bcharged?\b", r"\bpays?\b", r"\bpaying\b", r"\bpaid for by\b", r"\bexpense\b", r"\breimburs\w*"),
    _concept("online conduct", r"\bonline\b", r"\bcyber\w*", r"\bsocial media\b", r"\bdigital\b",
             r"\btext messages?\b", r"\bvideo calls?\b", r"\bmessaging apps?\b", r"\bwhatsapp\b", r"\bfacebook\b",
             r"\binstagram\b", r"\btwitter\b", r"\blinkedin\b", r"\btelegram\b", r"\bchat\b", r"\be-?mails?\b", r"\bintimate (?:images|materials|photos)\b", r"\bsexting\b"),
    _concept("workplace relationships", r"\bdating\b", r"\b(?:on|for) a date\b", r"\brelationships?\b", r"\bromanc\w*",
             r"\bask(?:s|ed|ing)? \w+ out\b"),
    _concept("sexual exploitation and abuse", r"\bsexual exploitation\b", r"\bSEA\b", r"\bbeneficiar\w*",
             r"\bexploitation and abuse\b"),
    _concept("promotion or performance evaluation", r"\bpromot(?:ion|ions|ed)\b", r"\bperformance (?:review|evaluation|"
             r"appraisal|assessment)s?", r"\bapprais\w*"),
    _concept("training", r"\btrain(?:ing|ings|ed)\b", r"\bcourses?\b", r"\bworkshops?\b", r"\blearning programmes?\b",
             r"\be-?learning\b"),
    # "data protection" is how personal data is kept private, not data gathered
    _concept("a survey or data", r"\bsurveys?\b", r"\bdata\b(?! protection\b| privacy\b| subjects?\b)", r"\bstatistic\w*", r"\bfigures\b", r"\bfindings\b(?! (?:of|against) (?:sexual |any |such )?(?:harassment|misconduct|fact))",
             r"\bprevalence\b", r"\bfound that\b"),
    _concept("family members", r"\bfamil(?:y|ies)\b", r"\bspouses?\b", r"\bdependants?\b", r"\bdependents?\b",
             r"\brelatives?\b", r"\bchildren\b"),
    _concept("withdrawing a complaint", r"\bwithdr[ae]w\w*", r"\bretract\w*", r"\bdrop(?:s|ped|ping)? (?:the|a|my|their) "
             r"(?:complaint|case|report)"),
    _concept("review of the policy", r"\breview(?:ed|s)? (?:every|annually|each|regularly|periodically|next|in \d{4})\b",
             r"\b(?:policy|next|periodic|annual|regular) review\b", r"\bbe reviewed\b", r"\brevis(?:ed|ion|ions)\b"),
    _concept("resignation", r"\bresign\w*", r"\bleav(?:es|ing) the (?:organi[sz]ation|agency|company)\b", r"\bquit(?:s|ting)?\b(?=[?.!,;]|$| (?:my |their |his |her |the |this |your )?(?:job|post|position|work|"
             r"organi[sz]ation|agency|company|employment)\b)",  # not "quit informal resolution halfway"
             # "separates from the Agency before the investigation is concluded"
             r"\bseparat(?:es|ed|ion|ing) from (?:service|the (?:organi[sz]ation|agency|institute|authority|entity|employer)|"
             r"the (?-i:[A-Z])[A-Za-z]+)\b"),
    _concept("languages", r"\blanguages?\b", r"\binterpret(?:er|ers|ation)\b", r"\btranslat\w*",
             r"\bin (?:English|French|Spanish|Arabic|Russian|Chinese|Portuguese)\b",
             r"\b(?:English|French|Spanish|Arabic|Russian|Chinese|Portuguese),? (?:and |or )?"
             r"(?:English|French|Spanish|Arabic|Russian|Chinese|Portuguese)\b"),
    _concept("the police or criminal justice", r"\bpolice\b", r"\bcriminal\b", r"\bprosecut\w*", r"\blaw enforcement\b",
             r"\bnational (?:authorities|courts?)\b"),
    _concept("the media", r"\bjournalists?\b", r"\bmedia\b(?<!social media)", r"\bthe press\b",
             r"\b(?:news|newspaper|press|tv|television|radio) reporters?\b",  # not "an anonymous reporter"
             r"\breporters? (?:from|at|for|of) (?:a |an |the )?(?:newspaper|paper|magazine|channel|station|press)"),
    _concept("opening hours", r"\bopening (?:hours|times)\b",
             r"(?<!\bafter )(?<!\boutside )(?<!\bbeyond )(?<!\bout of )(?<!\bbefore )\boffice hours\b",  # not when it happens
             r"\bopen (?:from|between|daily|on week)",
             r"\b(?:what|which) hours\b", r"\bstaffed\b", r"\bdrop[- ]in\b",
             # a service's hours ("available at weekends?"), not when conduct happens ("harassment at a party at night")
             r"\b(?:available|open|reachable|answer\w*|see|sees|call|contact|reach|work|works)\b[^.?!]{0,40}?"
             r"\b(?:at|during|over|on|in) (?:the )?(?:weekends?|night|evenings?|saturdays?|sundays?)\b",
             r"\b(?:available|open|reachable|staffed)\b[^.?!]{0,30}?\b(?:outside|after|before|out of) (?:the )?"
             r"(?:office|working|business) hours\b",
             r"\b\d{1,2}(?::\d\d)? ?(?:am|pm|a\.m\.|p\.m\.)", r"\b24 hours a day\b", r"\b24/7\b", r"\baround the clock\b",
             r"\b(?:seven|7) days a week\b", r"\b\d{1,2}[:.]\d\d ?(?:[-–]|to|until) ?\d{1,2}[:.]\d\d\b",
             r"\b(?:mon|monday|tue|tuesday)s? (?:to|until|through|[-–]) (?:thu|thursday|fri|friday|sat|saturday)s?\b"),
    # "the appointment of focal points", "appointed for two years"; not "drop in without an appointment"
    _concept("selection or appointment", r"\bselect(?:ed|ion|s)?\b", r"\bappoint(?:ed|s|ing|ees?)?\b",
             r"\bappointments? (?=of|as|to|for a term)\b", r"\belect(?:ed|ion|s)?\b",
             r"\bchosen\b", r"\bnominat\w*", r"\brecruit\w*"),
    _concept("qualifications", r"\bqualifi\w*", r"\bgrades?\b", r"\bdegrees?\b", r"\bcertifi\w*", r"\baccredit\w*"),
    _concept(DEADLINE, r"\bdeadlines?\b", r"\btime[- ]limits?\b", r"\btime ?frames?\b", r"\bdue dates?\b",
             r"\bcut-?offs?\b(?! (?:from|of) )",
             r"\bno later than\b", r"\bexpir\w*"),
    _concept("alcohol", r"\balcohol\w*", r"\bdrink\w*", r"\bintoxicat\w*"),
    _concept("travel or missions", r"\btravel\w*", r"\bmissions?\b", r"\bduty trips?\b", r"\bhotels?\b"),
)

# Words that frame a question rather than say what it asks about, besides the stop words the index drops.
FRAME_WORDS = frozenset(["what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whats", "what's", "who's", "how's", "where's", "when's", "there's", "that's", "does", "do", "did", "is", "are", "was", "were", "can", "could", "should", "would", "will", "may", "might", "must", "shall", "tell", "please", "say", "says", "said", "saying", "mention", "mentions", "mentioned", "describe", "describes", "explain", "explains", "according", "give", "gives", "list", "lists", "any", "anything", "kind", "kinds", "type", "sort", "exactly", "also", "much", "many", "long", "there", "regarding", "concerning", "about", "document", "documents", "report", "guidance", "policy", "policies", "text", "library", "summary", "state", "states", "stated", "provide", "provides", "note", "noted", "notes", "set", "out", "define", "defines", "defined", "definition"])

_TITLE = re.compile(rf"(?:{HONORIFIC})", re.IGNORECASE)


def is_title(word: str) -> bool:
    """A title that comes before a name ("Ambassador", "Director", "Ms"), which also names a role on its own."""
    return bool(_TITLE.fullmatch(word.rstrip(".")))


_PLAIN_MARKS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|`")
_LEADING_BULLET = re.compile(r"^\s*(?:[-•*·▪◦–—]|\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?(?=\s+[A-Z(])|\(?[a-z]\))\s+",
                             re.MULTILINE)
# a word; a name joined by "@" ("Respect@Work") is one word, an email address is not
_WORD = re.compile(r"[A-Za-z]+@[A-Za-z]+\b(?!\.[A-Za-z])|[A-Za-z][A-Za-z'’+-]*[A-Za-z+]|[A-Za-z]|\d+(?:[.,]\d+)?")
# the words an ask opens with: a question word or an auxiliary
AUXILIARIES = "is|are|was|were|does|do|did|can|could|will|would|should|has|have"  # a yes/no question opens with one
ASK_OPENERS = f"what|which|who|whom|whose|when|where|why|how|{AUXILIARIES}"
# a new ask inside one question: "..., and how long ...", "...; who ..."
_PART_BREAK = re.compile(r"(?:\s*[;,]\s*(?:and|or|but)?|\s+(?:and|or|but)(?:\s+also)?)\s+(?=(?:(?:for|in|within|by|at|to|from|"
                         rf"under|with) )?(?:{ASK_OPENERS})\b)", re.IGNORECASE)
_OPENS_ASK = re.compile(rf"\s*(?:{ASK_OPENERS}|may|must)\b", re.IGNORECASE)


def opens_ask(text: str) -> bool:
    """The text opens as a question ("what ...", "can ..."), not as a statement ("I'm the event organiser")."""
    return bool(_OPENS_ASK.match(text))


_SECOND_QUESTION = re.compile(r"(?<=\?)\s+(?=\S)")  # the "?" kept: its sentence asks
# examples set off by commas inside a clause: "What interim measures, like separating them, can be used?" is one ask
_EXAMPLES_SET_OFF = re.compile(r",\s+((?:like|such as|e\.g\.,?|for example|for instance|including)\s[^,;?]+?),(?=\s)",
                               re.IGNORECASE)
_TWO_WH = re.compile(r"^\s*(when|where|who|how|why)\s+and\s+(when|where|who|how|why)\b(.*)$", re.IGNORECASE | re.DOTALL)


def _both_asked(text: str) -> str:
    """"When and where will the dialogue take place?" asks when it will, and where: two asks of one clause."""
    if match := _TWO_WH.match(text):
        first, second, rest = match.groups()
        return f"{first}{rest}, and {second}{rest}"
    return text


_WH_WORD = re.compile(r"\s*(?:who|whom|whose|when|where|how|which)\b", re.IGNORECASE)  # "who were they": an ask


def plain(text: str) -> str:
    """Text as rules read it: Markdown emphasis, code ticks, list bullets and footnote marks removed ("work plan.[2]
    Focal points", "the decision.12 A staff member": no count of two focal points, no twelve of anything)."""
    return _LEADING_BULLET.sub("", FOOTNOTE_MARK.sub("", _PLAIN_MARKS.sub("", text)))


def as_typed(question: str) -> str:
    """A question with chat shorthand written out, so the rules read it as they read "what's" and "don't": an
    apostrophe typed curly or left out ("whats the deadline", "I dont know", "can’t") is put back, straight, and a
    word cut short in chat is written out ("how many speakers and ppl", "how many hrs")."""
    question = _SHORTHAND.sub(lambda m: SHORTHAND[m.group(0).lower()], question)
    return _NO_APOSTROPHE.sub(_apostrophe, _CURLY_APOSTROPHE.sub("'", question))


# chat shorthand that is no word of its own; a count or a unit it stands for is what the rules look for
SHORTHAND = {"ppl": "people", "abt": "about", "yrs": "years", "yr": "year", "hrs": "hours", "mins": "minutes",
             "wks": "weeks", "wk": "week", "msgs": "messages", "msg": "message", "mgr": "manager", "dept": "department",
             "govt": "government", "pls": "please", "plz": "please", "thru": "through", "approx": "approximately",
             "b/c": "because", "w/o": "without", "w/": "with"}
_SHORTHAND = re.compile(r"(?<![\w/])(?:" + "|".join(re.escape(k) for k in sorted(SHORTHAND, key=len, reverse=True))
                        + r")(?![\w/])", re.IGNORECASE)


def _apostrophe(match: re.Match[str]) -> str:
    return f"{match.group(1)}'s" if match.group(1) else f"{match.group(2)}n't"


_CURLY_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")
# not "its" (a possessive) nor "wont" (a word)
_NO_APOSTROPHE = re.compile(r"\b(what|who|how|where|when|there|that)s\b|"
                            r"\b(do|does|did|is|are|was|were|have|has|had|should|could|would|must|ca)nt\b",
                            re.IGNORECASE)


FOOTNOTE_MARK = re.compile(r"\[\^?\d{1,3}\]|(?<=[a-z)”\"’][.,;:])\d{1,2}(?=\s|$)")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def lower_words(texts: Iterable[str]) -> set[str]:
    """Every word of the texts, lower-cased: the words the passages found hold."""
    return {w.lower() for text in texts for w in words(text)}


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from llama_index.core.utils import globals_helper  # NLTK's English stop words, shipped with llama-index

    return frozenset(globals_helper.stopwords) | FRAME_WORDS


@lru_cache(maxsize=1)
def _stemmer() -> object:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    lower = word.lower().replace("’", "'")
    return _OWN_STEMS.get(lower) or str(_stemmer().stem(lower))  # type: ignore[attr-defined]


# Snowball's stems that fall on a word of another meaning: a "personal phone" is no person
_OWN_STEMS = {"personal": "personal", "personally": "personal"}


def content_stems(text: str) -> set[str]:
    """The stems of a text's content words. Not memoised, so a question's text is kept nowhere; ``passage_stems``
    memoises a passage's sentences, which recur across questions."""
    return set(_content_stems(text))


@lru_cache(maxsize=16_384)
def passage_stems(text: str) -> frozenset[str]:
    """``content_stems`` of a passage's text, memoised. Never given a question's text."""
    return _content_stems(text)


def _content_stems(text: str) -> frozenset[str]:
    found = words(plain(text))
    kept = [w for i, w in enumerate(found) if w.lower() not in stop_words() or _a_note(found, i)]
    parts = [p for w in kept if "-" in w for p in w.split("-")
             if len(p) >= MIN_PART and p.lower() not in stop_words() and p.lower() not in _PREFIXES]
    joined = [w.replace("-", "") for w in kept if "-" in w]  # "re-hiring" is "rehiring", "co-worker" a "coworker"
    return frozenset(stem(w) for w in (*kept, *parts, *joined))  # "re-confirmed" also confirms, "anti-harassment" harasses


def _a_note(found: list[str], i: int) -> bool:
    """"note" as a thing ("my notes", "a brief factual note of what was said"), not as what a text does ("the summary
    notes that ...", "What does the report note about X?")."""
    if found[i].lower() not in ("note", "notes"):
        return False
    before = found[i - 1].lower() if i else ""
    after = found[i + 1].lower() if i + 1 < len(found) else ""
    return before in _NOTE_BEFORE or before.endswith(("'s", "’s")) or after == "of"  # words() ends no word in "'"


_NOTE_BEFORE = frozenset({"my", "your", "his", "her", "their", "our", "its", "the", "a", "an", "these", "those", "this",
                          "that", "own", "factual", "written", "brief", "short", "case", "meeting", "handwritten", "any"})
MIN_PART = 3  # a part of a hyphenated word this long stands for itself ("re-" and "co-" do not)
_PREFIXES = frozenset({"anti", "non", "pre", "post", "multi", "inter", "semi", "pro", "sub", "over", "under"})


@lru_cache(maxsize=1)
def _all_concepts() -> re.Pattern[str]:
    """Every concept's wordings in one pattern, a named group per concept: one scan of a text finds them all."""
    groups = [f"(?P<c{i}>{c.pattern.pattern})" for i, c in enumerate(CONCEPTS)]
    return re.compile("|".join(groups), re.IGNORECASE)


@lru_cache(maxsize=16_384)
def passage_concepts(text: str) -> frozenset[str]:
    """``concepts_in`` a passage's text with ``every``, memoised (its sentences recur across questions). Never given a
    question's text."""
    return concepts_in(text, every=True)


def sets_time_limit(text: str) -> bool:
    """A time to act within, whether or not the words "time limit" are written: "should be made within six months of
    the most recent incident", "has 15 working days to respond"."""
    return bool(_TIME_TO_ACT.search(text))


def beyond_concepts(part: Part) -> frozenset[str]:
    """The ask's topic less the words its concepts are named in: what it asks of them ("informal resolution" of
    "time limit informal resolution?", "filing a formal report" of "Is there a time limit for filing a formal report
    ...?")."""
    return part.topic & frozenset(content_stems(_all_concepts().sub(" ", plain(part.text))))


def shares_beyond(beyond: frozenset[str], stems: Set[str]) -> bool:
    """A unit shares a word of what the ask asks of its concepts; any word for starting a process is one ("asking
    for informal resolution": "The request should be made within 12 months"; "coming forward with a complaint":
    "There is no deadline for reporting"); so is any word for being new to the job ("new staff": "of their start
    date")."""
    return bool(beyond & stems) or any(beyond & kind and stems & kind for kind in (STARTING, JOINING))


# what one does to start a process, and what one starts it with
STARTING = frozenset(stem(w) for w in ("ask", "asking", "request", "requesting", "make", "making", "file", "filing",
                                           "submit", "submitting", "lodge", "lodging", "seek", "seeking", "apply",
                                           "applying", "bring", "bringing", "raise", "raising", "report", "reporting",
                                           "complaint", "complaints", "come", "coming", "forward"))
# being new to the job: "new staff" are those "within 30 days of their start date", "on taking up their duties"
JOINING = frozenset(stem(w) for w in ("new", "newcomer", "newcomers", "hire", "hires", "hired", "start", "starting",
                                      "join", "joining", "joined", "arrival", "onboarding", "induction", "recruit",
                                      "recruits", "entry"))


# a time to act counted from an event of the case ("within six months of the most recent incident", "within 30
# calendar days of their start date"), or given to act in ("15 working days to respond"); not a time an office takes
# from receiving a report or request ("confirms receipt within 2 business days", "within 5 days of receipt of the
# complaint", "concluded within six weeks of the request"); "within 90 days of receiving the decision" is the asker's
_TIME_TO_ACT = re.compile(rf"\bwithin (?:the )?(?:first |next )?(?:\d+|{NUMBER_WORDS}|an?)[\s-]+{TIME_UNIT} "
                          r"(?:of|after|from|following) (?!(?:the |its |their )?(?:(?:receipt|receiving|being received)(?: of)? )?"
                          r"(?:the |a |an |any |each |every |all )?(?:\w+ )?(?:complaints?|reports?|requests?|referrals?|"
                          r"applications?|allegations?|information|cases?|matters?)\b)|"
                          rf"\b(?:\d+|{NUMBER_WORDS}) {TIME_UNIT} (?:to|in which to) [a-z]+", re.IGNORECASE)


def concepts_in(text: str, every: bool = False) -> frozenset[str]:
    """Names of the concepts a text addresses; not memoised (a question's text is kept nowhere). ``every``: a phrase
    of several words names each concept whose pattern it matches whole ("administrative leave" is an interim measure,
    and leave), as a sentence does; a question naming it asks of one."""
    found = set()
    for match in _all_concepts().finditer(_TIME_SPENT.sub(lambda m: f"{m.group(1) or ''} ", plain(text))):
        found.add(CONCEPTS[int(match.lastgroup[1:])].name)  # type: ignore[index]
        if every and " " in match.group(0):
            found.update(c.name for c in CONCEPTS if c.pattern.fullmatch(match.group(0)))
    return frozenset(found)


# time spent is no cost: "how much of their time can focal points spend on the role" (the verb is left out)
_TIME_SPENT = re.compile(r"(?<=\btime\b)((?:\W+\w+){0,5}?\W+)spen(?:d|ds|ding|t)\b|"
                         r"\bspen(?:d|ds|ding|t)\b(?=(?:\W+\w+){0,4}?\W+(?:time|hours|days|weeks)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    """One ask of a question: its words, the concepts, people and named things it names, its content stems,
    and for "how many X" the stems of X."""

    text: str
    concepts: frozenset[str]
    people: tuple[str, ...]
    terms: frozenset[str] = field(default_factory=frozenset)
    named: tuple[str, ...] = ()
    counted: frozenset[str] = field(default_factory=frozenset)
    lean: str = ""  # the ask before, when this one names nothing of its own ("and for how long at most?")
    unknown: tuple[str, ...] = ()  # names it asks about that no passage found holds ("OIOS", "Kenya")

    def about(self) -> bool:
        """Names what it asks about: a concept, a person, a named thing or a word of its own topic."""
        return bool(self.concepts or self.people or self.named or self.topic)

    def says_what(self) -> bool:
        """Says what it asks about: a concept, a person, a named thing, a word of its own topic, or the kind of
        answer it wants ("who were they" asks for people). "Under the Model Policy" or "what does the text say about
        them" does not: it is part of the ask beside it, not an ask of its own."""
        return self.about() or bool(expected_answer(self.text) or _WH_WORD.match(self.text))

    @property
    def topic(self) -> frozenset[str]:
        """Content stems less people, named things and words every passage of this library shares."""
        names = {stem(n) for n in (*self.people, *self.named)}
        names |= {stem(w) for w in words(self.text)[1:] if w[:1].isupper()}  # "Kate" of "Kate Jenkins"
        # "go through my personal phone" asks for no phone number: the phone is what it is about
        kinds = kind_stems() if expected_answer(self.text) else kind_stems() - contact_stems()
        return frozenset(self.terms - names - generic_stems() - kinds)

    @property
    def counts_attendance(self) -> bool:
        """"How many people attended / took part in / joined X?", "how many attendees?": the participants or attendees
        a sentence counts ("over 140 participants") are the ones asked for, though it names neither the verb nor X."""
        return self.counted == ATTENDEES or (self.counted == people_stems() and bool(self.topic & ATTENDING))


ATTENDEES = frozenset({"particip", "attende"})  # stems of the people who attended something, counted alike
ATTENDING = frozenset({"attend", "join", "particip", "took", "part"})  # attended, joined, took part, participated

GENERIC_WORDS = "sexual harassment harassed un united nations system staff people person persons entity entities organization"
_COUNTED = re.compile(r"\b(?:how many|how much|(?:what|which) (?:percentage|percent|proportion|share|fraction|number|"
                      r"rate|amount) of|(?:maximum|minimum|total|exact) (?:amount|number|sum|value) of(?: an?| the)?|"
                      r"what(?:'s| is| was| are| were) the (?:maximum|minimum|highest|lowest|largest|smallest)"
                      r"(?! (?:amount|number|sum|value) of))"
                      r"\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)(?=\s+(?:are|is|was|were|do|does|did|have|has|had|"
                      r"can|could|will|would|should|must|in|at|on|of|for|to|across|per|attended|took|joined|with|from|by|"
                      r"under|that|which|who|offered|allowed|given|available|work|works|serve|serves|exist|exists|get|"
                      r"gets|got|come|came|take|make|made|sit|sat|go|went|\w+ed)\b|[?,.;]|$)",
                      re.IGNORECASE)
_RATE_OF = re.compile(r"\bwhat(?:'s| is| was| are| were) the (?:[\w'’]+ )?(\w+) rate\b", re.IGNORECASE)  # "the survey's"
# no thing counted: "how much notice" is given as a span ("at least 5 working days before being interviewed")
_UNCOUNTED = frozenset({"people", "persons", "individuals", "times", "time", "of", "them", "it", "they", "notice",
                        "warning", "period", "duration"})


def parts(question: str, speakers: set[str], names: set[str] | None = None) -> list[Part]:
    """The asks of a question ("What is X, and how long does Y take?" has two); ``speakers`` are the surnames
    the passages found attribute statements to, so a question naming one is read as asking what that person said;
    ``names`` are the capitalised words the passages found use mid-sentence (names of tools, bodies, places). A
    piece that only sets the scene is no ask (``_sets_scene``); the whole question still ranks the passages."""
    chunks = _SECOND_QUESTION.split(question.strip())
    sentences = [c for chunk in chunks for c in sentences_of(chunk) or [chunk]]
    told = [c for c in sentences if _tells_only(c)]  # "I've used all 8 sessions. How many more ...?"
    if len(told) < len(sentences):
        chunks = [c for c in sentences if c not in told]
    else:
        told = []
    pieces = [p for chunk in chunks for p in _PART_BREAK.split(_both_asked(_EXAMPLES_SET_OFF.sub(r" \1", chunk)))]
    pieces = _rejoin_asides(pieces)
    pieces = [p.strip(" ,;?") for p in pieces if len(words(p)) >= 2] or [question]
    if len(pieces) > 1:
        pieces = [p for p in pieces if not _sets_scene(p)] or pieces
    asks = [_part(p, speakers, names) for p in pieces]
    while len(asks) > 1 and (lone := next((i for i, a in enumerate(asks) if not a.says_what()), None)) is not None:
        other = lone - 1 if lone else 1  # "..., and what does the text say about them?" leans on the ask before it
        first, second = sorted((lone, other))
        asks[first : second + 1] = [_part(f"{asks[first].text}, {asks[second].text}", speakers, names)]
    asks = [_leaning(ask, asks[i - 1]) if i and not ask.about() else ask for i, ask in enumerate(asks)]
    asks = [_referring(ask, asks[i - 1]) if i else ask for i, ask in enumerate(asks)]
    if told:  # what the asker tells is what the ask is about, though it asks nothing itself
        context = _part(" ".join(told), speakers, names)
        asks = [_told_of(ask, context) if not ask.lean else ask for ask in asks]
    return asks


def _told_of(ask: Part, context: Part) -> Part:
    """An ask beside what the asker tells: its words are the ask's words too ("I've used all 8 CareLine sessions. How
    many more can the counsellor approve?"); its concepts only when the ask points back at it ("I'm in a relationship
    with someone in my team. Do I have to disclose it?"): "I was just promoted" is no promotion the ask is about."""
    leaned = _leaning(ask, context)
    return leaned if _PRONOUN.search(ask.text) or not ask.about() else replace(leaned, concepts=ask.concepts)


# a piece that sets the scene for the ask beside it, asking nothing itself: "If the person I reported is placed on
# administrative leave, (do they still get paid?)", "(Is there a time limit?) The incident happened two years ago."
_SCENE = re.compile(r"\s*(?:(?:if|once|after|before|since|because|suppose|supposing|assuming|given that|although|though|while|"
                    r"hypothetically|i|i'm|i’m|i've|i’ve|i'd|i’d|my|we|we're|our)\b|(?:the|a|an|this|that|someone|somebody)\b"
                    r"(?=.*\b(?:is|are|was|were|has|have|had|happened|\w+ed)\b))", re.IGNORECASE)
_ASKS_ITSELF = re.compile(r"(?:^|[,:;.!—–-]\s*)(?:what|which|who|whom|whose|where|why|how)\b|\b(?:whether|wonder\w*|"
                          r"want to know|need to know|like to know|tell me|explain|please)\b|\?", re.IGNORECASE)


def _sets_scene(piece: str) -> bool:
    """A piece that tells of the asker or the case and asks nothing: its words are the ask's context, not an ask of
    their own that a passage must answer. A question word mid-clause joins no ask ("I mentioned what happened")."""
    return not opens_ask(piece) and bool(_SCENE.match(piece)) and not _ASKS_ITSELF.search(piece)


def sentences_of(text: str) -> list[str]:
    """The sentences of a question's text that hold a word ("Ms." and "e.g." end none)."""
    spans = sentence_spans(text, remember=False)
    return [text[start:end].strip() for start, end in spans if re.search(r"\w", text[start:end])]


# an ask in the imperative: "Describe the appeal process.", "List the sanctions."
_BIDS = re.compile(r"\s*(?:please\s+)?(?:describe|list|explain|give|show|name|outline|summari[sz]e|define|clarify|"
                   r"compare|quote|cite|find|tell|help|advise)\b", re.IGNORECASE)


def _tells_only(sentence: str) -> bool:
    """A sentence of a question that only tells (of the asker, the case or the document) and asks nothing: "I've used
    all 8 CareLine sessions.", "OIO closed my case without investigating.", "it happened almost two years ago". Its
    words are the context of the ask beside it, not an ask a passage must answer; the whole question still ranks the
    passages. A sentence ending in "?", opening as a question or bidding ("Describe ...") asks."""
    text = sentence.strip()
    return not text.endswith("?") and not opens_ask(text) and not _BIDS.match(text) and not _ASKS_INDIRECTLY.search(text)


# a sentence asking in other words: "I wonder whether ...", "I'd like to know where ...", "and since when"; "I need
# to explain to my office what the event was for" asks nothing
_ASKS_INDIRECTLY = re.compile(r"\b(?:wonder\w*|(?:want|need|like|wish) to (?:know|find out|understand|learn)|tell me|"
                              r"please)\b|(?:^|[:;—–-]\s*)(?:(?:and|or|but|also|so)\s+)?(?:what|which|who|whom|whose|where|"
                              r"when|why|how)\b|\b(?:what|which|who|where|when|why|how)\W*$", re.IGNORECASE)  # "and since when"


_PRONOUN = re.compile(r"\b(?:it|its|they|them|their)\b", re.IGNORECASE)


def _referring(ask: Part, before: Part) -> Part:
    """"What hours is the Integrity Line staffed? Can I call it at night?": an ask naming nothing of its own whose
    pronoun (or "the line") stands for what the ask before names is about that too."""
    if ask.named or ask.people or not before.named or not (_PRONOUN.search(ask.text) or _names_again(ask.text, before)):
        return ask
    return replace(ask, named=before.named)


def _names_again(text: str, before: Part) -> bool:
    """"..., and is the line staffed around the clock?": "the" and the last word of the name the ask before names."""
    return bool(re.search(rf"\bthe {re.escape(before.named[-1])}\b", text, re.IGNORECASE))


_ASIDE_OPEN = re.compile(r"^\s*(?:what|which|who|whom|when|where|why|how)\s*,", re.IGNORECASE)


def _rejoin_asides(pieces: list[str]) -> list[str]:
    """"How, in Erdan's view, can we ...?" is one ask: a question word set off by a comma opens an aside, and the
    ask goes on after it."""
    out: list[str] = []
    for piece in pieces:
        if out and _ASIDE_OPEN.match(out[-1]):
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def _leaning(ask: Part, before: Part) -> Part:
    """"..., and for how long at most?": the ask is about what the ask before it is about (its concepts and topic
    words), and wants its own kind of answer."""
    return replace(ask, concepts=ask.concepts | before.concepts, terms=ask.terms | before.terms, lean=before.text)


def _part(text: str, speakers: set[str], names: set[str] | None) -> Part:
    return Part(text, concepts_in(_without_contact_words(text)), people_named(text, speakers),
                frozenset(content_stems(text) | _line_of_report(text)), things_named(text, (names or set()) - speakers),
                counted(text))


_REPORTS_TO = re.compile(r"\breport(?:s|ed|ing)? (?:directly )?to (?:whom|who)\b|\breport(?:s|ed|ing)? (?:directly )?to\s*\??$|"
                         r"\b(?:to )?whom does (?:\w+ ){1,5}report\b|\breporting lines?\b", re.IGNORECASE)


def _line_of_report(text: str) -> set[str]:
    """"Who does the Adviser report to?" asks about a line of report: the word is no frame ("what does the report
    say") there, and a sentence saying who they report to holds it."""
    return {stem("report")} if _REPORTS_TO.search(text) else set()


_CONTACT_WORDS = re.compile(r"\be-?mails?\b", re.IGNORECASE)


def _without_contact_words(text: str) -> str:
    """An ask for an email address is not about conduct by email: the word names the answer wanted."""
    expected = expected_answer(text)
    return _CONTACT_WORDS.sub(" ", text) if expected and expected.name == "contact" else text


def without_names(part: Part) -> str:
    """The ask's words (with the ask it leans on) less the people and things it names and any capitalised word
    after its first."""
    drop = {*part.people, *part.named}
    text = f"{part.lean}, {part.text}" if part.lean else part.text
    kept = [w for i, w in enumerate(text.split()) if not (i and w[:1].isupper()) and w.strip("?,.'’s") not in drop]
    return " ".join(kept) or text


def counted(text: str) -> frozenset[str]:
    """The stem of what "how many X" / "what share of X" counts (X's last word), unless X is as general as "people"."""
    match = _COUNTED.search(plain(text))
    if not match:
        rate = _RATE_OF.search(plain(text))  # "what was the response rate": a share of responses
        return frozenset({stem(rate.group(1))}) if rate else frozenset()
    said = [w.lower() for w in words(match.group(1))]
    if said[:1] == ["times"]:  # "how many times a year": times are counted (a frequency), not years
        return frozenset()
    found = [stem(w) for w in said if w not in stop_words() and w not in _UNCOUNTED]
    heads = [s for s in found if s not in generic_stems()]
    if not heads and _PEOPLE_WORDS & set(said):  # "how many people attended": "over 140 participants"
        return people_stems()
    if heads[-1:] and heads[-1] in ATTENDEES:  # "how many attendees": "over 140 participants"
        return ATTENDEES
    return frozenset(heads[-1:])  # the noun counted: "sessions" of "how many counselling sessions"


_PEOPLE_WORDS = frozenset({"people", "persons", "individuals", "staff", "personnel"})
PEOPLE_COUNTED = ("people persons individuals staff personnel participants attendees employees workers members "
                  "colleagues respondents delegates speakers women men")


@lru_cache(maxsize=1)
def people_stems() -> frozenset[str]:
    """What counts people, for "how many people": any of these words next to a number."""
    return frozenset(stem(w) for w in PEOPLE_COUNTED.split())


_WHAT_KIND_OF = r"\b(?:what|which)\s+(?:(?:kinds?|types?|sorts?|forms?) of\s+)?"  # "what X", "which kinds of X"
_ASKED_NOUN = re.compile(_WHAT_KIND_OF + r"([a-z][a-z-]+)\s", re.IGNORECASE)
_AUXILIARY = frozenset({"is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "would", "will", "has",
                        "have", "had", "must", "may", "might"})


def asked_nouns(text: str) -> frozenset[str]:
    """The stems of what a "what X" / "which X" question asks for ("What recommendations did she make?"):
    a sentence naming recommendations is more likely the answer than one on the same subject that names none."""
    found = {stem(m.group(1)) for m in _ASKED_NOUN.finditer(plain(text)) if m.group(1).lower() not in _AUXILIARY}
    return frozenset(found - kind_stems() - generic_stems())


_WHAT_IS = re.compile(r"^\s*(?:so,?\s+)?what(?:'s|’s| is| are| was| were)\s+(?:the |a |an )?(?P<subject>[^?]+?)\s*(?:for)?\s*\??\s*$",
                      re.IGNORECASE)


def defined_words(text: str) -> frozenset[str]:
    """The words of what a "What is X?" ask asks to have defined ("the Group of Friends", "ClearCheck"), less those every
    passage shares: a sentence with one of them as its subject ("The Group of Friends is a platform ...") defines it."""
    match = _WHAT_IS.match(plain(text))
    if not match:
        return frozenset()
    subject = _USED_FOR.sub("", match.group("subject"))
    if not subject[:1].isupper():  # "the time limit for filing a complaint": the limit is defined, not the complaint
        subject = _AFTER_HEAD.split(subject, maxsplit=1)[0]
    return frozenset(w.lower() for w in words(subject)
                     if w.lower() not in stop_words() and stem(w) not in generic_stems() and len(w) > 2)


_USED_FOR = re.compile(r"\s+(?:used|meant|designed|intended)(?:\s+for)?\s*$", re.IGNORECASE)
_AFTER_HEAD = re.compile(r"\s+(?:of|for|to|in|on|under|with|about|from|by|when|if|that|which)\s+", re.IGNORECASE)


_SEVERAL = re.compile(_WHAT_KIND_OF + r"(?:[a-z-]+\s+)?"
                      r"(?!(?:happens|means|counts|applies|does|goes|takes|makes|needs|helps|has|was|is|this|its)\b)"
                      r"[a-z-]{2,}[^s\W]s\b|\b(?:list|examples|ways|steps|options)\b|"
                      r"^\s*what (?:are|were) (?:the |its |their )?(?:two|three|four|five|six|seven|eight|nine|ten|\d+) ",
                      re.IGNORECASE)  # "What are the five Ds of bystander action?"


def asks_for_several(text: str) -> bool:
    """"Which disciplinary sanctions ...", "list the steps", "What are the five Ds?": the whole list answers, not one
    item of it."""
    return bool(_SEVERAL.search(text))


_MENTION = re.compile(r"(?<!\bi )(?<!\bwe )(?<!\bi've )(?<!\bi have )(?<!\bi had )\b(?:mention(?:s|ed)?|(?:say|said|says) anything (?:about|on)|(?:talk|talked|speak|spoke) about|"
                      r"refer(?:s|red)? to|discuss(?:es|ed)?)\s+(.+)$", re.IGNORECASE)


def length_asked(text: str) -> str:
    """The thing whose own length an ask wants ("How long is the e-learning?", "..., how long is the notice
    period?", "How long is a peer supporter's term?"): what follows "how long is", up to any "of", "for" or comma;
    "" for any other ask. A time to complete it or a length of something beside it is no
    answer: "must complete the online course within 30 days" does not say how long the course is."""
    match = _LENGTH_OF.search(plain(text))
    if not match:
        return ""
    said = match.group("thing") or match.group("taking")
    thing = re.split(r"\b(?:of|for|in|on|with|under|after|before|during|if|when|like)\b|[,;:]", said)[0]
    return " ".join(w for w in words(thing) if w.lower() not in ("it", "this", "that"))


def gives_own_length(text: str) -> bool:
    """A text giving a span that is not a time to do a thing by, counted from one's joining or new post: "The course
    takes about 90 minutes", "completed within 120 days of the decision to investigate"; not "must complete the course
    within 30 days of joining" or "within six months of taking up a supervisory role"."""
    return any(not _FROM_ARRIVAL.match(text, m.end()) for m in DURATION.finditer(text))


_FROM_ARRIVAL = re.compile(r"\s+(?:of|after|from|following)\s+(?:(?:their|your|his|her|my|the|a|an)\s+)?(?:joining|taking up|"
                           r"start(?:ing)?\b|arrival|appointment|entry on duty|recruitment|onboarding|induction|becoming|"
                           r"being (?:appointed|promoted|hired|recruited)|assum(?:ing|ption of)|promotion)", re.IGNORECASE)


_LENGTH_OF = re.compile(r"(?:^|[,;:]\s*)how (?:long|many (?:minutes|hours|days|weeks|months)) (?:(?:is|are|was|were|will be|would be) "
                        r"(?:the |a |an |my |your |their |his |her |its |our )?(?P<thing>[^?.!]+)|(?:does|do|did|will|would) "
                        r"(?:the |a |an |my |your |their |its |our )?(?P<taking>(?:[\w'’-]+ ){0,5}?[\w'’-]+?)"
                        r"(?: (?:usually|normally|typically|generally|actually|really|roughly|on average))? (?:take|last)"
                        r"(?: to (?:complete|finish|do|go through))?\s*(?:[?.!]|$))",
                        re.IGNORECASE)  # "how long does the online course take to complete?", not "... take to review it?"


def body_asked(text: str) -> re.Pattern[str] | None:
    """The body a "which firm ...?" ask wants identified ("Which consulting firm announced ...?", "what private
    company has the rule?"), as a pattern of its noun, singular or plural; None for any other ask."""
    match = _BODY_ASKED.search(plain(text))
    if not match:
        return None
    noun = match.group(1).lower()
    root = noun[:-3] if noun.endswith("ies") else noun[:-1] if noun.endswith("y") else noun.removesuffix("s")
    forms = rf"{root}(?:y|ies)" if noun.endswith(("y", "ies")) else rf"{root}s?"
    return re.compile(rf"\b{forms}\b", re.IGNORECASE)


def unnamed(body: re.Pattern[str], text: str) -> bool:
    """The text speaks of the body only as one of its kind, naming none: "a consulting firm which publicly announced
    ...", "a private company which sets clear rules"; not "the Deloitte report", "a company, Acme, ...", "Acme, a
    consulting firm"."""
    found = list(body.finditer(text))
    return bool(found) and all(_ONE_OF_A_KIND.search(text, 0, m.start()) and not _NAMED_BEFORE.search(text, 0, m.start())
                               and not _NAMED_NEXT.match(text, m.end()) for m in found)


_BODY_ASKED = re.compile(r"\b(?:which|what) (?:[\w-]+ ){0,2}?(compan(?:y|ies)|firms?|organi[sz]ations?|agenc(?:y|ies)|"
                         r"employers?|corporations?|businesses|business|universit(?:y|ies)|institutions?)\b"
                         r"(?! (?:policy|policies|rules?|codes?|staff|personnel|employees?|workers?)\b)", re.IGNORECASE)
_ONE_OF_A_KIND = re.compile(r"\b(?:a|an|one|another|some|certain)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"(?-i:[A-Z])[\w.&’'-]*,\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)  # "Acme, a firm"
_NAMED_NEXT = re.compile(r"\s*(?:,|\(|\b(?:called|named|known as)\b)\s*[\"“'‘]?(?-i:[A-Z])", re.IGNORECASE)


def asked_to_exist(text: str) -> str:
    """What an ask asks exists ("Is there a dress code for field staff?" -> "dress code"): the words after "is there
    a" up to a preposition or the end; or the copy an ask asks to be given ("Will I get a copy of the report?" ->
    "copy"); "" for any other ask."""
    match = _THERE_IS.search(plain(text)) or _GIVEN_A.search(plain(text))
    return match.group(1).strip() if match else ""


# a copy or record the asker asks to be given: "Will the complainant get a copy of the investigation report?"
_GIVEN_A = re.compile(r"^\s*(?:will|would|can|could|do|does|may|shall) (?:i|we|you|they|he|she|(?:the|my|our|a) [\w-]+) "
                      r"(?:\w+ )?(?:get|receive|obtain|be given|be sent|be shown|be provided with|have access to|see) "
                      r"(?:a|an|any) ((?:written |full |printed )?(?:copy|copies|transcript|recording))\b", re.IGNORECASE)
_THERE_IS = re.compile(r"^\s*(?:is|are) there (?:a|an|any|some)\s+((?:(?!(?:for|in|at|on|to|of|that|which|who|when|if|"
                       r"under|about|after|before|during|with|by|from|where|or|and)\b)[\w'’+-]+\s*){1,4})", re.IGNORECASE)


def asked_means(text: str) -> str:
    """The means or setting a yes/no ask ends on, which is what it asks ("Can reports be sent by SMS?", "Can I do
    the course on my mobile phone?", "Are interpreters provided during interviews?"): the words after its last "by",
    "via", "over", "through", "using", "on", "in" or "during". "" for any other ask; for a phrase naming the document
    asked about ("covered by the policy"), a person ("harassed by a woman"), an act ("by quitting") or more than a
    noun phrase ("on file about me"); for a set phrase ("in confidence"); after "instead of". A condition after the
    ask is not what it asks: "Can my interview take place over video if I work in a field office?" asks of video.
    "Look through" or "go through" my phone is no means."""
    plain_text = _CONDITION.split(plain(text), maxsplit=1)[0]  # "... over video if I work in a field office?"
    match = _MEANS.search(plain_text)
    if not match or not _YES_NO.match(text) or _INSTEAD.search(plain_text, 0, match.start()):
        return ""
    phrase = match.group("phrase").strip()
    return phrase if _a_means(phrase) else ""


def asked_breakdown(text: str) -> str:
    """What figures are asked to be broken down by ("a breakdown of the reports by nationality", "reports split by
    age group"): a unit answering it speaks of that; "" for any other ask."""
    match = _BREAKDOWN.search(plain(text))
    if not match:
        return ""
    phrase = " ".join(itertools.takewhile(lambda w: w.lower() not in _function_words(), match.group("phrase").split()))
    return phrase if phrase and _a_means(phrase) else ""


_BREAKDOWN = re.compile(r"\b(?:breakdown|broken down|break(?:ing)? (?:\w+ ){0,3}?down|disaggregated|split|analy[sz]ed|"
                        r"categori[sz]ed|classified)\b(?:[^?.!]{0,60}?)\bby\s+(?:(?:the|their|its)\s+)?"
                        r"(?P<phrase>[\w'’+-]+(?:\s+[\w'’+-]+)?)", re.IGNORECASE)


def _a_means(phrase: str) -> bool:
    """A noun phrase naming a thing: no document, person or act ("by quitting"), no set phrase, no words but its own."""
    tail = [w.lower() for w in words(phrase)]
    return bool(tail) and not tail[0].endswith("ing") and " ".join(tail) not in _SET_PHRASES and not any(
        w in _DOCUMENT_WORDS or w in _PERSON_WORDS or w in _function_words() for w in tail)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Stop words that are not a question's frame ("text" of "by text message" is a means), "or" and "and" kept."""
    return stop_words() - FRAME_WORDS - {"or", "and"}


_YES_NO = re.compile(rf"\s*(?:{AUXILIARIES}|may|must)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\s*,?\s+\b(?:(?:even|only|just) )?(?:if|unless|because|in case|though)\b", re.IGNORECASE)
_MEANS = re.compile(r"\b(?:by|via|over|(?<!look )(?<!looking )(?<!go )(?<!going )(?<!went )(?<!read )(?<!search )through|"
                    r"using|on|in|during)\s+(?:(?:a|an|the|my|your|their|his|her|our|its)\s+)?"
                    r"(?P<phrase>(?:[\w'’+-]+\s+){0,2}[\w'’+-]+)\s*(?:too|also|as well)?\s*[?.!]*\s*$", re.IGNORECASE)
_INSTEAD = re.compile(r"\b(?:instead of|rather than|other than)\b", re.IGNORECASE)
_DOCUMENT_WORDS = frozenset({"policy", "policies", "guidance", "guidelines", "guideline", "rules", "code", "document",
                             "documents", "library", "summary", "publication", "instruction", "bulletin", "framework"})
_PERSON_WORDS = frozenset({"woman", "women", "man", "men", "colleague", "colleagues", "friend", "friends", "manager",
                           "managers", "supervisor", "supervisors", "boss", "someone", "anyone", "person", "people",
                           "stranger", "strangers", "member", "members", "staff", "client", "clients", "contractor",
                           "contractors", "partner", "partners", "peer", "peers", "subordinate", "subordinates"})
_SET_PHRASES = frozenset({"confidence", "person", "general", "advance", "time", "practice", "principle", "future",
                          "total", "all", "case", "cases", "place", "particular", "fact", "turn", "return", "full",
                          "part", "public", "private", "secret", "purpose", "itself", "themselves", "mind"})


def mentioned(text: str) -> str:
    """What an ask asks whether anyone *mentioned* ("Did any speaker mention artificial intelligence?", "Did she say
    anything about LGBTIQ+ staff?"): a mention is in words, so a sentence answering it holds them."""
    match = _MENTION.search(plain(text))
    return match.group(1).strip(" ?.!") if match else ""


def things_named(text: str, names: set[str]) -> tuple[str, ...]:
    """Capitalised words of ``text`` (not its first) that the passages also write capitalised: tools, bodies,
    places ("ClearCheck", "Australia"); the question's first word is capitalised by grammar, not by name."""
    out = []
    for w in words(text)[1:]:
        bare = re.sub(r"['’]s?$", "", w)
        if bare[:1].isupper() and not bare.isupper() and bare.lower() not in stop_words() and bare in names \
                and bare.lower() not in _WEEKDAYS:  # "on a Friday" asks a time, not of a thing named Friday
            out.append(bare)
    return tuple(dict.fromkeys(out))


def name_runs(text: str, named: Sequence[str]) -> list[str]:
    """The named words of ``text`` as the names it writes ("Independent Audit and Oversight Committee", not
    "Independent, Audit, Oversight or Committee"): runs of them, joined by "of", "and", "for" or "the"."""
    if not named:
        return []
    one = "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
    runs = re.finditer(rf"\b(?:{one})(?:['’]s)?(?:(?:\s+(?:of|and|for|the))*\s+(?:{one})\b)*", text)
    return list(dict.fromkeys(POSSESSIVE.sub("", m.group(0)) for m in runs)) or list(named)


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_CALENDAR = frozenset({*MONTHS.split("|"), "may", *_WEEKDAYS})
MIN_UNKNOWN_LETTERS = 4  # "US", "HR", "AI": short acronyms stand for words a passage writes out


def unknown_names(text: str, passages: list[str], known: set[str], people: set[str]) -> tuple[str, ...]:
    """Names in an ask (capitalised words after its first, taken as runs: "Dispute Tribunal") of which a word is
    held by none of the passages, not even as the start of a longer word ("Israeli" is held by "Israel"): a body,
    place or tool the documents never name ("OIOS", "Kenya", "CCTV"). A word does not count when it is a day or
    month, a short acronym, a word of a catalogued document's name (``known``) or a word a policy concept stands
    for ("WhatsApp" is social media); a run does not count when it names one of ``people`` ("Scott Westfahl"), nor
    does any in a question written in capitals or in title case."""
    tokens = [POSSESSIVE.sub("", w) for w in words(text)]
    if _capitals_say_nothing(tokens):
        return ()
    out = []
    for run in _capitalised_runs(tokens[1:]):
        if people & set(run):
            continue
        if any(_unknown(w, passages, known) for w in run):
            out.append(" ".join(run))
    return tuple(dict.fromkeys(out))


def _capitals_say_nothing(tokens: list[str]) -> bool:
    """Written in capitals (most words) or in title case (three words in four)."""
    shouted = sum(w.isupper() and len(w) > 1 for w in tokens)
    titled = sum(w[:1].isupper() for w in tokens)
    return shouted * 2 > len(tokens) or titled * 4 > len(tokens) * 3


def _capitalised_runs(tokens: list[str]) -> list[list[str]]:
    """Consecutive capitalised words, each run once ("the UN Dispute Tribunal" -> ["UN", "Dispute", "Tribunal"])."""
    runs: list[list[str]] = []
    last = -2
    for i, w in enumerate(tokens):
        if not w[:1].isupper() or w.lower() in stop_words():
            continue
        if i == last + 1:
            runs[-1].append(w)
        else:
            runs.append([w])
        last = i
    return runs


def _unknown(word: str, passages: list[str], known: set[str]) -> bool:
    return not ("-" in word or len(word) < MIN_UNKNOWN_LETTERS or word.lower() in _CALENDAR or word in known
                or concepts_in(word) or _held(word, passages))


_NAME_LINK = r"(?:\s+(?:of|and|for|on|the))*\s+"  # between the words of a name: "Office of Internal Oversight"


def _held(word: str, passages: list[str]) -> bool:
    """A passage holds the word, or its first letters ("Israel" for "Israeli"), or for an acronym the words it
    stands for ("JPOs": "Junior Professional Officers"; "OIO": "Office of Internal Oversight")."""
    head = re.escape(word[: max(5, len(word) - 2)])
    if any(re.search(rf"\b{head}", p, re.IGNORECASE) for p in passages):
        return True
    spelled = _spelled_out(word)
    return spelled is not None and any(spelled.search(p) for p in passages)


def _spelled_out(word: str) -> re.Pattern[str] | None:
    """The capitalised words an acronym's letters begin, joined by "of", "and", "for", "on" or "the"."""
    letters = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
    if not (letters.isupper() and letters.isalpha() and len(letters) >= 2):
        return None
    return re.compile(r"\b" + _NAME_LINK.join(f"{c}[a-z]+" for c in letters) + r"\b")


def unheld_words(part: Part, passage_words: set[str]) -> list[str]:
    """Words of an ask's topic, as it writes them, that no word of the passages (lower-cased) holds as a stem, other
    than the words for the parties to a case, compounds ("off-site" is also written "offsite") and misspellings of
    a passage's word ("anonymusly")."""
    held = {stem(w) for w in passage_words}
    out = []
    for word in dict.fromkeys(w.lower() for w in words(part.text)):
        root = stem(word)
        if root in part.topic and root not in held and root not in party_stems() and "-" not in word \
                and not difflib.get_close_matches(word, passage_words, n=1, cutoff=MISSPELT):
            out.append(word)
    return out


MISSPELT = 0.85  # difflib's ratio from which a word is read as a misspelling of another (0.95 "anonymusly")


# the parties to a case, which each policy names in its own words ("the complainant", "the affected person")
PARTY_WORDS = ("complainant victim survivor affected accuser accused harasser perpetrator offender respondent subject "
               "alleged target witness bystander")


@lru_cache(maxsize=1)
def party_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in PARTY_WORDS.split())


# the two sides of a case in the words policies use: the one harmed (not the "victim-centred approach"), and the one
# whose conduct is reported
_HARMED_SIDE = re.compile(r"\b(?:complainants?|(?:victim|survivor)s?(?![- ]?(?:cent(?:red|ered)|focused|led|friendly)\b)|"
                          r"affected (?:person|persons|people|staff member|individual)s?|"
                          r"accusers?|(?:person|one) who (?:reported|complained|made the (?:report|complaint))|"
                          r"i (?:reported|complained about|filed (?:a|the) complaint))\b", re.IGNORECASE)
_REPORTED_SIDE = re.compile(r"\b(?:respondents?|(?:the |a )subjects?\b(?! (?:of|to|matter)\b)|accused|alleged (?:harassers?|offenders?|"
                            r"perpetrators?)|harassers?|perpetrators?|offenders?|implicated (?:person|staff member)s?|person "
                            r"(?:accused|reported|complained about|whose conduct)|(?:person|one|man|woman|colleague|manager|"
                            r"supervisor|boss) (?:i|we) (?:reported|complained about|accused)|i(?:'m| am| was| have been|'ve been) "
                            r"(?:the one )?(?:accused|reported|being investigated|under investigation))\b", re.IGNORECASE)


def sides(text: str) -> frozenset[str]:
    """The sides of a case a text names: "harmed" (the complainant, the affected person), "reported" (the subject,
    the respondent, the accused)."""
    return frozenset(name for name, pattern in (("harmed", _HARMED_SIDE), ("reported", _REPORTED_SIDE))
                     if pattern.search(text))


def without_word(text: str, word: str) -> str:
    """The text with every use of ``word`` taken out."""
    return " ".join(re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", " ", text, flags=re.IGNORECASE).split())


def person_words(texts: list[str]) -> set[str]:
    """Every word of the people named with a title in the texts, titles included ("Ambassador", "Scott")."""
    out = {w.strip(".") for w in re.findall(r"[A-Za-z.]+", HONORIFIC.replace("|", " "))}
    for text in texts:
        for match in SPEAKER.finditer(text):
            out.update(re.sub(r"['’]s?$", "", w) for w in words(match.group(0)))
    return out


_AT_NAME = re.compile(r"\b[A-Z][A-Za-z]*@[A-Z][A-Za-z]+")  # "Respect@Work"


def capitalised_names(text: str) -> set[str]:
    """Words written capitalised after a sentence's first word (a rough proper-noun list of a text)."""
    found = set(_AT_NAME.findall(text))  # "“Respect@Work: ...” opens a title, yet names the inquiry wherever it stands
    for match in re.finditer(r"(?<=[a-z,;:)”\"’'] )([A-Z][A-Za-z@’'+-]+)", text):
        found.add(re.sub(r"['’]s?$", "", match.group(1)))
    return found


NAME_WORDS = 3  # words of the shortest name a lower-case question is read as naming: two ("Affected Person") is often a
# term a policy defines and capitalises, which the sentence answering a question on it need not name


def recased(question: str, texts: Sequence[str]) -> str:
    """A question typed all in lower case with the names the passages write capitalised put back as they write them
    ("what response rate is the workplace culture survey aiming for" names the Workplace Culture Survey): names of
    three words or more ("Group of Friends"), so a common word or a defined term is not taken for one, or one word
    with a capital inside ("SpeakSafe"). A question with a capital after its first word is left as typed."""
    if any(w[:1].isupper() for w in words(question)[1:]):
        return question
    typed = question.lower()
    found = {name for text in texts for m in _NAME_RUN.finditer(text) for name in _shorter_names(m.group(0))
             if name.lower() in typed}  # a pattern only for the names the question may hold
    found |= {name for text in texts for m in SPEAKER.finditer(text) for name in _person_names(m.group(1))
              if name.lower() in typed}  # "kelly clements" for "Ms. Kelly T. Clements"
    found |= {name for text in texts for name in _AT_NAME.findall(text) if name.lower() in typed}  # "respect@work"
    found |= {name for text in texts for name in _CAMEL_NAME.findall(text)  # "speaksafe" for "SpeakSafe"
              if re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", typed)}
    for name in sorted(found, key=len, reverse=True):
        question = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", name, question, flags=re.IGNORECASE)
    return question


def respelled(question: str, texts: Sequence[str]) -> str:
    """A question with a word mistyped by one letter dropped or added written as the passages write it ("how many free
    therapy sesions", "can I bring my lawer", "dedline to appeal?"): a lower-case word of five letters or more that no
    passage holds, when exactly one word of the passages is one letter longer or shorter than it. Another form of the
    word is no typo of it ("share" is not "shared"), and a function word is left as typed ("though" is not
    "through")."""
    held = {w.lower() for text in texts for w in _LETTERS.findall(text)}
    stop = stop_words()

    def spelled(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < MIN_TYPO_LENGTH or not word.islower() or word in held or word in stop:
            return word
        near = {w for w in held if len(w) >= MIN_TYPO_LENGTH and w not in stop and stem(w) != stem(word)
                and (_one_more_letter(word, w) or _one_more_letter(w, word))}
        return near.pop() if len(near) == 1 else word

    return _LETTERS.sub(spelled, question)


MIN_TYPO_LENGTH = 5  # shorter words are too often another word one letter away ("form", "from")
_LETTERS = re.compile(r"[A-Za-z]+")


def _one_more_letter(short: str, long: str) -> bool:
    """``long`` is ``short`` with one letter more, anywhere (a letter dropped or doubled in typing)."""
    if len(long) != len(short) + 1:
        return False
    at = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return short[at:] == long[at + 1:]


# a word with a capital inside it is a name, however short: "SpeakSafe", "CareLine", "ClearCheck"
_CAMEL_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")


def _person_names(name: str) -> set[str]:
    """A person's name as the passages write it after a title and without its middle initials, when two words or
    more: "Kelly T. Clements", "Kelly Clements"; a surname alone may be a common word."""
    tokens = name.split()
    bare = [t for t in tokens if not re.fullmatch(r"[A-Z]\.", t)]
    return {n for n in (" ".join(tokens), " ".join(bare)) if len(n.split()) >= 2}


def _shorter_names(run: str) -> list[str]:
    """A name and the names within it that start and end on a capitalised word ("Chair of the Audit and Oversight
    Committee" holds "Audit and Oversight Committee")."""
    tokens = run.split()
    capital = [i for i, w in enumerate(tokens) if w[:1].isupper()]
    return [" ".join(tokens[i : j + 1]) for i in capital for j in capital if j - i + 1 >= NAME_WORDS]


# a name the passages write mid-sentence (after a lower-case word, so not a heading or a sentence's first word):
# capitalised words, joined by "of", "and", "for", "on" or "the" ("to the Audit and Oversight Committee")
_CAPITAL = r"(?!(?:The|A|An|This|That|These|Those|In|On|Of|For|And|To|By|At|If|It|Its|As)\b)[A-Z][a-z][\w’'-]*"
_NAME_RUN = re.compile(rf"(?<=[a-z,;:)”\"’'] ){_CAPITAL}(?:{_NAME_LINK}{_CAPITAL})+\b")


def people_named(text: str, speakers: set[str]) -> tuple[str, ...]:
    """Surnames in ``text`` that name one of ``speakers`` (capitalised, possessive allowed)."""
    found = []
    for w in words(text):
        name = re.sub(r"['’]s?$", "", w)
        if name[:1].isupper() and name in speakers and name not in found:
            found.append(name)
    return tuple(found)


def speaker_names(text: str) -> list[tuple[int, str]]:
    """(offset, surname) of every person named with a title ("Ms. Kelly T. Clements", "DED Bhatia")."""
    out = []
    for match in SPEAKER.finditer(text):
        name = match.group(1).split()
        out.append((match.start(), name[-1].rstrip("’'")))
    return out


# words that say what kind of answer is wanted, not what it is about: "what year", "what is her job"
# the kind words that name a thing as well as the answer asked for: a phone, an email, an address, a website
CONTACT_WORDS = "phone telephone email e-mail address website"
KIND_WORDS = ("year date month day time long deadline period within number percentage share rate amount job role title "
              f"position post function affiliation name who represent {CONTACT_WORDS} "
              "contact details last lasts lasted")  # "how long did the event last"


@lru_cache(maxsize=1)
def generic_stems() -> frozenset[str]:
    """Stems of words every passage of this domain shares."""
    return frozenset(stem(w) for w in GENERIC_WORDS.split())


@lru_cache(maxsize=1)
def kind_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in KIND_WORDS.split())


@lru_cache(maxsize=1)
def contact_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in CONTACT_WORDS.split())
