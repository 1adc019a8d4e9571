"""The court for a terminal: how the bench divided (votes), and each view against the documented holdings (fidelity)."""

from __future__ import annotations

from collections.abc import Sequence

from publicduty.analyses.fidelity import CROSS_CHECK, Check, ViewFidelity
from publicduty.analyses.votes import ClaimVotes, joins
from publicduty.model.case import Case, Question
from publicduty.render.table import table
from publicduty.render.terminal import fill
from publicduty.render.words import holding_word, reconstructed

#: A side of the case as a reader says it, and on the duty question as a holding.
_SIDES = {"claimant": "for the claimant", "defendant": "for the defendant"}
_DUTY_SIDES = {"claimant": "duty", "defendant": "no duty"}


def votes(case: Case, claims: Sequence[ClaimVotes]) -> str:
    """The bench, each question's division, and per claim each judge's vote, the tallies and the outcome."""
    lines = [fill(f"{case.title}, {case.citation}"), "", f"Bench of {len(case.bench)}."]
    lines.extend(fill(f"{q.id}: {q.label} {_division(case, q)}", hang=len(q.id) + 2) for q in case.questions)
    for claim in claims:
        lines += ["", fill(f"{case.claimant(claim.claimant).name} ({claim.claimant})"), _claim(claim)]
    return "\n".join(lines) + "\n"


def _position(question: Question, position: str) -> str:
    """A position as a reader says it: 'duty'/'no duty' on the duty question."""
    return _DUTY_SIDES.get(position, position) if question.duty else position


def _division(case: Case, question: Question) -> str:
    counts = joins(case, question)
    top = max(counts.values(), default=0)
    parts = "; ".join(f"{o} {n} ({', '.join(s.judge for s in case.bench if s.joined.get(question.id) == o)})"
                      for o, n in counts.most_common())
    total = sum(counts.values())
    if top * 2 > total:
        return f"-- joined {top} to {total - top}: {parts}"
    return f"-- no opinion has a majority: {parts}"


def _claim(claim: ClaimVotes) -> str:
    questions = claim.questions
    judges = [v.judge for v in questions[0].votes] if questions else []
    rows = []
    for judge in judges:
        cells = [next((f"{_position(t.question, v.position)} ({v.opinion})" for v in t.votes if v.judge == judge),
                      "-") for t in questions]
        rows.append((judge, *cells, claim.outcomes[judge]))
    lines = [table(("judge", *(t.question.id for t in questions), "outcome"), rows, indent="  ")]
    for t in questions:
        counts = ", ".join(f"{_position(t.question, p)} {n}" for p, n in t.count().most_common())
        lines.append(fill(f"{t.question.id}: {counts} -> {_SIDES.get(t.result, t.result)}", 2))
    lines.append(fill(f"outcome, question by question: {_SIDES.get(claim.by_question, claim.by_question)}; "
                      f"by the judges' outcomes: {_SIDES.get(claim.by_outcome, claim.by_outcome)}", 2))
    if claim.paradox:
        lines.append(fill("doctrinal paradox: deciding question by question and deciding by outcome part ways", 2))
    return "\n".join(lines)


def fidelity(results: Sequence[ViewFidelity]) -> str:
    """Per view: how many documented holdings it reproduces, each mismatch with its tension or reason."""
    return "\n".join(_view(r) for r in results) + "\n"


def _view(result: ViewFidelity) -> str:
    scored = result.scored()
    lines = [fill(f"{result.view}: agrees with {result.agree} of {len(scored)} documented holdings"
                  f" ({len(result.unexplained)} unexplained)")]
    lines.extend(_mismatch(check) for check in scored if not check.agrees)
    crosses = [c for c in result.checks if c.scope == CROSS_CHECK]
    if crosses:
        agree = sum(c.agrees for c in crosses)
        lines.append(fill(f"cross-check, precedents the other opinions of its case rely on: {agree} of {len(crosses)}",
                          2))
        lines.extend(_mismatch(c) for c in crosses if not c.agrees)
    return "\n".join(lines) + "\n"


def _mismatch(check: Check) -> str:
    lines = [fill(f"{check.case}/{check.claimant} ({check.scope}): derived {holding_word(check.derived)}, "
                  f"documented {holding_word(check.documented)} ({check.source}"
                  f"{', reconstructed' if reconstructed(check.basis) else ''})", 2)]
    if check.tension is not None:
        lines.append(fill(f"tension ({check.tension.cite}): {check.tension.why}", 6))
    if check.reason is not None:
        lines.append(fill(str(check.reason), 6))
    if check.tension is None and check.reason is None:
        lines.append("      no declared tension")
    return "\n".join(lines)
