"""``publicduty votes CASE``: each judge's holding from the view they joined, tallied per claim."""

from __future__ import annotations

import argparse
from typing import Any

from publicduty.analyses.votes import ClaimVotes, joins, tally
from publicduty.cli.common import add_json, casebook, print_json
from publicduty.errors import InputError
from publicduty.model.case import Case, Question
from publicduty.render.table import table

NAME = "votes"
HELP = "how the bench divided: each judge's holding from the view they joined, the tally, and the outcome"

_WORDS = {"claimant": "for the claimant", "defendant": "for the defendant"}
_DUTY_WORDS = {"claimant": "duty", "defendant": "no duty"}


def _word(question: Question, position: str) -> str:
    """A position as a reader says it: 'duty'/'no duty' on the duty question."""
    return _DUTY_WORDS.get(position, position) if question.duty else position


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("case", help="case id (see 'publicduty cases')")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Tally the bench of the case on every claim."""
    book = casebook(args)
    case = book.case(args.case)
    if not case.bench:
        raise InputError.at(case.path, None, f"case '{case.id}' records no bench",
                            "add a 'bench:' list naming each judge and the opinion they joined")
    claims = tally(case, book.answer())
    if args.json:
        print_json({"case": case.id, "questions": [_question_json(case, q) for q in case.questions],
                    "claims": [_claim_json(c) for c in claims]})
        return 0
    print(f"{case.title}, {case.citation}\n")
    print(f"Bench of {len(case.bench)}.")
    for question in case.questions:
        print(f"{question.id}: {question.label} {_division(case, question)}")
    for claim in claims:
        print(f"\n{case.claimant(claim.claimant).name} ({claim.claimant})")
        print(_claim_text(claim))
    return 0


def _division(case: Case, question: Question) -> str:
    counts = joins(case, question)
    top = max(counts.values(), default=0)
    parts = "; ".join(f"{o} {n} ({', '.join(s.judge for s in case.bench if s.joined.get(question.id) == o)})"
                      for o, n in counts.most_common())
    total = sum(counts.values())
    if top * 2 > total:
        return f"-- joined {top} to {total - top}: {parts}"
    return f"-- no opinion has a majority: {parts}"


def _question_json(case: Case, question: Question) -> dict[str, Any]:
    return {"question": question.id, "label": question.label, "duty": question.duty,
            "decides_liability": question.decides_liability, "joins": dict(joins(case, question).most_common())}


def _claim_json(claim: ClaimVotes) -> dict[str, Any]:
    return {
        "claimant": claim.claimant,
        "questions": [{
            "question": t.question.id,
            "votes": [{"judge": v.judge, "opinion": v.opinion, "position": v.position} for v in t.votes],
            "tally": dict(sorted(t.count().items())),
            "result": t.result,
        } for t in claim.questions],
        "outcomes": claim.outcomes,
        "by_question": claim.by_question,
        "by_outcome": claim.by_outcome,
        "paradox": claim.paradox,
    }


def _claim_text(claim: ClaimVotes) -> str:
    questions = claim.questions
    judges = [v.judge for v in questions[0].votes] if questions else []
    rows = []
    for judge in judges:
        cells = [next((f"{_word(t.question, v.position)} ({v.opinion})" for v in t.votes if v.judge == judge),
                      "-") for t in questions]
        rows.append((judge, *cells, claim.outcomes[judge]))
    lines = ["  " + line for line in table(("judge", *(t.question.id for t in questions), "outcome"),
                                          rows).splitlines()]
    for t in questions:
        counts = ", ".join(f"{_word(t.question, p)} {n}" for p, n in t.count().most_common())
        lines.append(f"  {t.question.id}: {counts} -> {_WORDS.get(t.result, t.result)}")
    lines.append(f"  outcome, question by question: {_WORDS.get(claim.by_question, claim.by_question)}; "
                 f"by the judges' outcomes: {_WORDS.get(claim.by_outcome, claim.by_outcome)}")
    if claim.paradox:
        lines.append("  doctrinal paradox: deciding question by question and deciding by outcome part ways")
    return "\n".join(lines)
