"""Answers for a person disclosing harassment and for a person helping someone who did.

Both lead with a calm opening (not a claim), then quote what the library says on the matters such a person
needs, one unit per matter, in this order: for a disclosure, reporting channels, support, confidentiality,
interim measures, protection from retaliation; for a helper, how to respond, confidentiality, where to refer,
what bystanders can do. A unit qualifies only when it names the matter (``Matter.words``) and is close in
meaning to it; passages of policies, guidance and any other document come before event reports. When none
qualifies, the answer says so plainly and the configured contacts carry it: a disclosure is never answered with
unrelated quotes or a bare abstention.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ingest.models import DocType
from service.answering.candidates import Unit, units
from service.answering.extractive import ExtractiveAnswerer, render
from service.models import Citation, Filters
from service.retrieval import Retrieved

Retrieve = Callable[[str, int, Filters | None], Retrieved]


@dataclass(frozen=True)
class Matter:
    name: str
    query: str  # what the matter is, without "sexual harassment", which every passage of such a library names
    words: re.Pattern[str]  # a unit must name the matter
    heading: re.Pattern[str]  # a section whose heading names it is where a policy says it
    named: re.Pattern[str] | None = None  # an account that speaks of it ("since I reported him I am left out")


def _matter(name: str, query: str, words: str, heading: str, named: str | None = None) -> Matter:
    return Matter(name, query, re.compile(words, re.IGNORECASE), re.compile(heading, re.IGNORECASE),
                  re.compile(named, re.IGNORECASE) if named else None)


def named_first(matters: tuple[Matter, ...], account: str) -> tuple[Matter, ...]:
    """The matters in their order, except that those the account speaks of come right after the first: a person
    who says they are punished for reporting is quoted the protection from retaliation, which four quotes in the
    usual order leave out, and still reads first how to report."""
    head, rest = matters[:1], matters[1:]
    named = tuple(m for m in rest if m.named is not None and m.named.search(account))
    return (*head, *named, *(m for m in rest if m not in named))


DISCLOSURE_MATTERS = (
    _matter("reporting", "how and where to report: reporting channels, hotline, making a complaint, who to talk to",
            r"\breport(?:s|ed|ing)? (?:of |on |about )?(?:cases|harassment|incidents?|concerns?|misconduct|it|them|to|"
            r"through|by|anonymously|online)\b|\b(?:make|making|file|filing|lodge|lodging|submit|submitting) (?:a |an )?"
            r"(?:formal |informal )?(?:report|complaint)|\bcomplain\w*|\bhot ?line|\bhelp ?line|\bombuds\w*|"
            r"\bethics office|\breporting (?:channels?|lines?|options?|mechanisms?|procedures?)|\bcan report\b|"
            r"\ballow(?:s|ed)? for reporting|\braise (?:a |the |their )?concern|\bcome forward",
            r"report|complain|raise|concern|speak|channel"),
    _matter("support", "support for affected persons: counselling, medical care, legal advice, protective support "
            "measures, victim-centred approach",
            r"\bsupport\w*|\bcounsel\w*|\bassistance\b|\bmedical\b|\bwell-?being\b|\bvictim|\bsurvivor|\badvocate\b|"
            r"\bcare\b|\blegal advice", r"support|assist|care|well-?being|counsel|help",
            r"\bcounsel\w*|\btherap\w*|\bdoctor|\bmedical|\bsick leave|\btime off|\bcan'?t sleep|\bpanic|\banxi\w*|"
            r"\bdepress\w*|\btrauma\w*"),
    _matter("confidentiality", "confidentiality of reports and of the information of the person affected",
            r"\bconfidential\w*|\bprivacy\b|\bneed[- ]to[- ]know", r"confidential|privacy",
            r"\bconfidential\w*|\banonym\w*|\bsecret\b|\bprivate\b|\bnobody (?:to )?know|\bfind out\b|"
            r"\bwithout (?:anyone|him|her|them) knowing"),
    _matter("interim measures", "interim measures to protect the affected person while a complaint is handled",
            r"\binterim\b|\bprotective\b|\bprecautionary\b|\btemporary\b|\breassign\w*|\btelework|\badministrative leave",
            r"interim|protective|precautionary",
            r"\b(?:move|moved|transfer\w*|reassign\w*|telework\w*|work from home|away from (?:him|her|them)|"
            r"same (?:office|team|floor|building|unit|house|compound)|share an office|see (?:him|her|them) every day)\b"),
    _matter("retaliation", "protection against retaliation for those who report or help",
            r"\bretaliat\w*|\breprisal|\bvictimi[sz]\w*|\bprotect\w* (?:from|against)", r"retaliat|reprisal|victimi",
            r"\bretaliat\w*|\breprisal|\bpunish\w*|\bblacklist\w*|\bdemot\w*|\b(?:since|after|because|as) i (?:reported|"
            r"complained|refused|said no|spoke up|turned (?:him|her|them) down)"),
)
SUPPORTER_MATTERS = (
    _matter("responding", "how to respond when someone discloses: listen, believe them, do not investigate, "
            "respect their choices",
            r"\blisten\w*|\bbeliev\w*|\bjudg\w*|\binvestigat\w*|\btheir (?:own )?(?:choice|decision|pace)|\bconsent\b|"
            r"\bdisclos\w*|\bconfid\w*|\bspeak(?:ing)? up\b", r"disclos|respond|receiv|support|help"),
    DISCLOSURE_MATTERS[2],
    _matter("referral", "where to refer a person who discloses: reporting channels and support services",
            r"\brefer\w*|\breport\w*|\bsupport\w*|\bcounsel\w*|\bombuds\w*|\bethics office|\bhot ?line|\bchannel",
            r"report|support|channel|help"),
    _matter("bystanders", "the responsibility of witnesses and bystanders to take action, speak up and intervene",
            r"\bwitness\w*|\bbystander\w*|\btake action\b|\bspeak(?:ing)? up\b|\bintervene", r"witness|bystander"),
)
# an event's thanks, survey or costs; thanking the person who confides ("thank them for telling you") is care
NOT_ABOUT_CARE = re.compile(r"\bsurvey\b|\bthank\w*(?! (?:them|him|her|the person|you) for (?:telling|trusting|sharing|"
                            r"confiding|coming))|\bwelcom\w*|\bdata\b|\bcost\w*|\bparticipants\b|\blaunch\w*",
                            re.IGNORECASE)
MIN_COSINE = 0.15  # a unit this far from the matter in meaning does not speak to it, whatever words it uses
GUIDANCE_FIRST = 0.1  # policies and guidance before event reports
# what tells of an event, not what to do: a library's own policy added without a catalog entry (type "other") is
# more likely what a person disclosing needs than the summary of a dialogue
EVENT_REPORTS = frozenset({DocType.dialogue_summary})
PER_MATTER_K = 5
SECTION_NAMES_IT = 0.2  # "How to report", "Support", "Confidentiality": where a policy says it
OTHER_AUDIENCE = 0.2  # a manager's duties are not what a person disclosing needs first
MANAGERS = re.compile(r"manager|supervisor|responsibilit", re.IGNORECASE)
NO_CARE_PASSAGES = (
    "The documents in this library hold no passage on reporting, support, confidentiality or protection from "
    "retaliation. The contacts below are the channels your organization lists."
)


class CareAnswerer:
    """Quotes, for a disclosure or a helper, what the library says on each matter such a person needs."""

    def __init__(self, retrieve: Retrieve, extractive: ExtractiveAnswerer, embed_texts: Callable[[list[str]], np.ndarray],
                 max_units: int = 4) -> None:
        self.retrieve = retrieve
        self.extractive = extractive
        self.embed_texts = embed_texts
        self.max_units = max_units

    def compose(self, matters: tuple[Matter, ...], filters: Filters | None, for_the_affected: bool = True,
                account: str = "") -> tuple[str, list[Citation]]:
        picked: list[Unit] = []
        for matter in named_first(matters, account):
            unit = self.best_for(matter, filters, picked, for_the_affected)
            if unit is not None:
                picked.append(unit)
            if len(picked) == self.max_units:
                break
        if not picked:
            return NO_CARE_PASSAGES, []
        return render(picked)

    def best_for(self, matter: Matter, filters: Filters | None, taken: list[Unit], for_the_affected: bool
                 ) -> Unit | None:
        found = self.retrieve(matter.query, PER_MATTER_K, filters)
        candidates = units(found.passages)
        if not candidates:
            return None
        vectors = self.extractive.unit_vectors(candidates, found)
        cosines = vectors @ found.query_vec
        best: tuple[float, Unit] | None = None
        for unit, cos in zip(candidates, cosines, strict=True):
            if cos < MIN_COSINE or not matter.words.search(unit.body) or NOT_ABOUT_CARE.search(unit.body):
                continue
            if any(t.passage.id == unit.passage.id and t.span == unit.span for t in taken):
                continue
            score = float(cos) + (GUIDANCE_FIRST if unit.passage.doc_type not in EVENT_REPORTS else 0)
            score += SECTION_NAMES_IT if matter.heading.search(unit.passage.section or "") else 0.0
            score -= OTHER_AUDIENCE if MANAGERS.search(unit.passage.section or "") and for_the_affected else 0.0
            if best is None or score > best[0]:
                best = (score, unit)
        return None if best is None else best[1]
