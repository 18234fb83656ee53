"""From an ``EvalRun`` to the flat metric object printed by ``kb eval --json``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eval import metrics as m
from eval.runner import EvalRun, QuestionResult
from service.models import Answer

RECALL_KS = (1, 5, 10)
STAGES = ("embed", "search", "answer")


def score_run(run: EvalRun) -> dict[str, Any]:
    """Every metric of the gold-set eval, flat names (see ``eval/data/README.md`` for the definitions)."""
    answerable = [r for r in run.results if r.question.kind == "answerable"]
    disclosure = [r for r in run.results if r.question.kind == "disclosure"]
    out: dict[str, Any] = {"target": run.target}
    out |= retrieval_metrics(answerable)
    out |= citation_metrics(answerable + disclosure)
    out |= answer_checks(run.results)
    out |= abstention_metrics(run.results, run.off_topic)
    out |= disclosure_metrics(disclosure, run)
    out |= latency_metrics(run.results)
    out |= counts(run)
    return out


def retrieval_metrics(results: Sequence[QuestionResult]) -> dict[str, float]:
    rels = [m.relevance([p.text for p in r.searched.passages], r.question.quotes) for r in results]
    out = {f"recall@{k}": m.mean([m.recall_at(x, k) for x in rels]) for k in RECALL_KS}
    out["mrr"] = m.mean([m.reciprocal_rank(x, 10) for x in rels])
    out["ndcg@10"] = m.mean([m.ndcg_at([p.text for p in r.searched.passages], r.question.quotes, 10) for r in results])
    return out


def cited_passages(answer: Answer) -> dict[int, str]:
    return {c.n: c.passage.text for c in answer.citations}


def evidence_hit(result: QuestionResult) -> bool:
    """The answer cites a passage holding a gold quote."""
    return any(m.holds_quote(text, result.question.quotes) for text in cited_passages(result.answer).values())


def citation_metrics(results: Sequence[QuestionResult]) -> dict[str, float]:
    """ALCE citation recall/precision, averaged over the answers given (abstentions have no statements)."""
    scores = []
    for r in results:
        if r.answer.abstained:
            continue
        stmts = m.statements(r.answer.answer, r.answer.preface)
        scores.append(m.citation_score(stmts, cited_passages(r.answer), m.gold_judge(r.question.quotes)))
    answerable = [r for r in results if r.question.kind == "answerable"]
    return {
        "citation_recall": m.mean([s.recall for s in scores]),
        "citation_precision": m.mean([s.precision for s in scores]),
        "evidence_hit": m.mean([float(evidence_hit(r)) for r in answerable]),
    }


def answer_checks(results: Sequence[QuestionResult]) -> dict[str, float | int]:
    """Quote verification and marker validity over every answer of the gold set."""
    citations = [c for r in results for c in r.answer.citations]
    verified = sum(m.quote_verified(c.quote, c.passage.text) for c in citations)
    invalid = sum(m.invalid_markers(r.answer.answer, {c.n for c in r.answer.citations}) for r in results)
    return {"quote_verification": m.ratio(verified, len(citations)) if citations else 1.0,
            "unverified_quotes": len(citations) - verified, "invalid_markers": invalid}


def abstention_metrics(results: Sequence[QuestionResult], off_topic_ids: frozenset[str]) -> dict[str, float | int]:
    """On answerable and unanswerable questions (disclosures always get a support answer)."""
    scored = [r for r in results if r.question.kind != "disclosure"]
    result = m.abstention([r.answer.abstained for r in scored], [r.question.kind == "answerable" for r in scored])
    off_topic = [r.answer.abstained for r in results if r.question.id in off_topic_ids]
    return {"abstention_precision": result.precision, "abstention_recall": result.recall,
            "false_abstentions": result.false_abstentions, "off_topic_abstention": m.mean([float(a) for a in off_topic])}


def disclosure_metrics(disclosure: Sequence[QuestionResult], run: EvalRun) -> dict[str, float | int]:
    quotes = [(q, r) for r in disclosure for q in r.question.quotes]
    covered = sum(m.holds_quote(text, [q]) for q, r in quotes for text in set(cited_passages(r.answer).values()))
    others = [r for r in run.results if r.question.kind != "disclosure"]
    return {
        "disclosure_detection": m.mean([float(r.answer.disclosure) for r in disclosure]),
        "disclosure_false_positive": m.mean([float(n.disclosure) for n in run.negatives]),
        "disclosure_flags_on_gold": sum(r.answer.disclosure for r in others),
        "disclosure_evidence_hit": m.mean([float(evidence_hit(r)) for r in disclosure]),
        "disclosure_evidence_coverage": m.ratio(covered, len(quotes)),
    }


def latency_metrics(results: Sequence[QuestionResult]) -> dict[str, float]:
    """p50/p95 per stage (ms): the ask path's embed, search, answer; the whole ask as the caller saw it."""
    out: dict[str, float] = {}
    answered = [r.answer.timings_ms for r in results]
    for stage in STAGES:
        values = [t[stage] for t in answered if stage in t]
        out |= _percentiles(f"latency_{stage}", values)
    out |= _percentiles("latency_ask", [r.ask_ms for r in results])
    return out


def _percentiles(name: str, values: Sequence[float]) -> dict[str, float]:
    return {f"{name}_p50_ms": round(m.percentile(values, 50), 2), f"{name}_p95_ms": round(m.percentile(values, 95), 2)}


def counts(run: EvalRun) -> dict[str, int]:
    kinds = [r.question.kind for r in run.results]
    return {
        "questions": len(kinds), "answerable": kinds.count("answerable"), "unanswerable": kinds.count("unanswerable"),
        "disclosure": kinds.count("disclosure"), "negatives": len(run.negatives),
        "answered": sum(not r.answer.abstained for r in run.results),
        "citations": sum(len(r.answer.citations) for r in run.results),
    }
