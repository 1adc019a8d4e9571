"""How the bench divided: each judge's position from the view they joined, tallied.

A judge's answer to the duty question is the holding the view of the opinion they
joined derives for the claim (so a judge who joined an unmodelled opinion is "not
modelled", never guessed). Other questions a court decided by parts are taken from the
opinions' recorded answers. Deciding question by question and deciding by each judge's
overall outcome can come apart (the doctrinal paradox); :func:`tally` says when.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from publicduty.model.answer import Answer, ClaimKey
from publicduty.model.case import Case, Question

FOR_CLAIMANT, FOR_DEFENDANT, UNDETERMINED = "claimant", "defendant", "undetermined"
_FROM_HOLDING = {"duty": FOR_CLAIMANT, "no_duty": FOR_DEFENDANT, "open": "open"}


@dataclass(frozen=True)
class Vote:
    """One judge's position on one question for one claim."""

    judge: str
    opinion: str
    position: str  # claimant | defendant | open | not modelled | not stated


@dataclass(frozen=True)
class QuestionTally:
    """The votes on one question and the side a majority of the bench took."""

    question: Question
    votes: tuple[Vote, ...]
    result: str  # claimant | defendant | undetermined

    def count(self) -> Counter[str]:
        """How many judges took each position."""
        return Counter(v.position for v in self.votes)


@dataclass(frozen=True)
class ClaimVotes:
    """The whole bench on one claim: per question, per judge, and the two ways to aggregate."""

    claimant: str
    questions: tuple[QuestionTally, ...]
    outcomes: dict[str, str]  # judge -> their overall outcome on liability
    by_question: str
    by_outcome: str

    @property
    def paradox(self) -> bool:
        """Deciding question by question and deciding by outcome give different results."""
        return UNDETERMINED not in (self.by_question, self.by_outcome) and self.by_question != self.by_outcome


def joins(case: Case, question: Question) -> Counter[str]:
    """How many judges joined each opinion on ``question``."""
    return Counter(seat.joined[question.id] for seat in case.bench if question.id in seat.joined)


def tally(case: Case, answer: Answer) -> list[ClaimVotes]:
    """Every claim of ``case``, voted on by its bench."""
    opinions = {o.id: o for o in case.opinions}
    out = []
    for claimant in case.claimants:
        key = ClaimKey(case.id, claimant.id)
        tallies = []
        for question in case.questions:
            votes = []
            for seat in case.bench:
                opinion = opinions[seat.joined[question.id]] if question.id in seat.joined else None
                if opinion is None:
                    continue
                if question.duty:
                    position = ("not modelled" if opinion.view is None
                                else _FROM_HOLDING[answer.holding(opinion.view, key)])
                else:
                    position = opinion.answers.get(question.id, "not stated")
                votes.append(Vote(seat.judge, opinion.id, position))
            tallies.append(QuestionTally(question, tuple(votes), _majority(
                [v.position for v in votes], len(case.bench))))
        deciding = [t for t in tallies if t.question.decides_liability]
        outcomes = {seat.judge: _combine([_position(t, seat.judge) for t in deciding]) for seat in case.bench}
        out.append(ClaimVotes(
            claimant=claimant.id,
            questions=tuple(tallies),
            outcomes=outcomes,
            by_question=_combine([t.result for t in deciding]),
            by_outcome=_majority(list(outcomes.values()), len(case.bench)),
        ))
    return out


def _position(question: QuestionTally, judge: str) -> str:
    return next((v.position for v in question.votes if v.judge == judge), "not stated")


def _majority(positions: list[str], bench: int) -> str:
    """The side more than half the bench took, if any."""
    counts = Counter(positions)
    for side in (FOR_CLAIMANT, FOR_DEFENDANT):
        if counts[side] * 2 > bench:
            return side
    return UNDETERMINED


def _combine(answers: list[str]) -> str:
    """Liability needs every deciding question for the claimant; one against defeats it."""
    if FOR_DEFENDANT in answers:
        return FOR_DEFENDANT
    if answers and all(a == FOR_CLAIMANT for a in answers):
        return FOR_CLAIMANT
    return UNDETERMINED
