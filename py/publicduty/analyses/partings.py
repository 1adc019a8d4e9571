"""Where views part: for a claim on which views disagree, the ground that divides them.

The solver says which grounds each view recognises, rejects or is silent on, and
which grounds a claim meets. A disagreement is then explained ground by ground: the
views that find a duty on it, the views that reject it (with the rule and page), and
the views that say nothing of it ("not in the sources").

A claim's readings are the ways of settling its unknown facts (logic/engine/doctrine.lp).
Views part in every reading when one of them finds a certain duty, and only in some
when the most any finds is an open one; ``deciding_reading`` says which, and
``partings`` can be asked for either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from publicduty.model.answer import CERTAIN, EVERY, POSSIBLE, SOME, Answer, ClaimKey, Reading, Stance
from publicduty.model.case import Case


@dataclass(frozen=True)
class Parting:
    """One ground on which views holding differently part company for one claim."""

    ground: str
    finding: tuple[str, ...]  # views whose duty (certain or possible) rests on the ground
    rejecting: dict[str, tuple[str, ...]]  # view -> its rules denying a duty on the ground for this claim
    silent: tuple[str, ...]  # views that neither recognise nor reject it


#: The certainties of ``rests_on`` that hold in each reading: a duty certain in every
#: reading counts in "every"; in "some", possible ones count too.
_CERTAINTIES = {EVERY: (CERTAIN,), SOME: (CERTAIN, POSSIBLE)}


def deciding_reading(holdings: Sequence[str]) -> Reading:
    """The reading of the unknown facts in which these holdings differ, or would.

    A certain duty against anything else differs in every reading of the unknown facts;
    an open holding against no duty differs only in some.
    """
    return EVERY if "duty" in holdings else SOME


def exceptions(answer: Answer, view: str, ground: str) -> tuple[str, ...]:
    """The exceptions a view makes to its rules for a ground: the rules it says prevail over them."""
    kind, pro = answer.stance_of(view, ground)
    if kind != "recognised":
        return ()
    return tuple(sorted({winner for winner, loser in answer.beats.get(view, ()) if loser in pro}))


def decision(answer: Answer, view: str, key: ClaimKey, ground: str) -> tuple[Stance, tuple[str, ...]]:
    """What ``view`` makes of ``ground`` for claim ``key``, and by which rules.

    Recognised, with its rules for the ground that hold (in some reading); else rejected,
    with the rules that defeat those rules or that deny a duty on the ground and hold;
    else as the view states it in general (its rules for it then need facts the claim lacks).
    """
    kind, rules = answer.stance_of(view, ground)
    pro = rules if kind is Stance.RECOGNISED else ()
    held = answer.holds.get((view, key), frozenset())
    giving = tuple(r for r in pro if r in held)
    if giving:
        return Stance.RECOGNISED, giving
    blocked = answer.blocked.get((view, key), frozenset())
    denying = {by for (rule, by) in blocked if rule in pro}
    denying |= {r for r in answer.against.get((view, ground), ()) if r in held}
    if denying:
        return Stance.REJECTED, tuple(sorted(denying))
    return kind, rules


def overall(answer: Answer, view: str, ground: str) -> Stance:
    """The view's stance on the ground in one word: recognised, qualified (with exceptions), rejected, silent."""
    kind = answer.stance_of(view, ground)[0]
    return Stance.QUALIFIED if exceptions(answer, view, ground) else kind


@dataclass(frozen=True)
class GroundStance:
    """What one view says of one ground in general: its stance, its rules on it, and its exceptions to them."""

    stance: Stance
    rules: tuple[str, ...]  # the rules recognising the ground, or those rejecting it
    exceptions: tuple[str, ...]  # the rules that prevail over its rules for the ground


def ground_stances(answer: Answer, grounds: Sequence[str], views: Sequence[str]) -> dict[str, dict[str, GroundStance]]:
    """Ground by ground, view by view: what each view says of each ground."""
    return {g: {v: GroundStance(overall(answer, v, g), answer.stance_of(v, g)[1], exceptions(answer, v, g))
                for v in views} for g in grounds}


@dataclass(frozen=True)
class ClaimRow:
    """One claim under the views compared: each view's holding, and the grounds that part them."""

    claimant: str
    derived: dict[str, str | None]  # view -> its holding
    partings: tuple[Parting, ...]  # empty when the views agree


@dataclass(frozen=True)
class Comparison:
    """The views compared on some cases, claim by claim, and their stances on the grounds any speaks to."""

    views: tuple[str, ...]
    cases: tuple[tuple[Case, tuple[ClaimRow, ...]], ...]
    stances: dict[str, dict[str, Stance]]  # ground -> view -> stance, for the grounds not every view is silent on


def compare(answer: Answer, cases: Sequence[Case], views: Sequence[str], grounds: Sequence[str]) -> Comparison:
    """Compare ``views`` on every claim of ``cases``; their stances on those of ``grounds`` some view speaks to."""
    rows = tuple((case, tuple(_row(answer, ClaimKey(case.id, c.id), views) for c in case.claimants))
                 for case in cases)
    stances = {g: {v: s.stance for v, s in by_view.items()}
               for g, by_view in ground_stances(answer, sorted(grounds), views).items()}
    return Comparison(tuple(views), rows,
                      {g: row for g, row in stances.items() if set(row.values()) != {Stance.SILENT}})


def _row(answer: Answer, key: ClaimKey, views: Sequence[str]) -> ClaimRow:
    return ClaimRow(key.claimant, {v: answer.holding(v, key) for v in views}, tuple(partings(answer, key, views)))


def rests_on(answer: Answer, key: ClaimKey, view: str, reading: Reading = SOME) -> list[str]:
    """The grounds ``view``'s duty to claim ``key`` rests on in ``reading``, by name."""
    held = answer.rests_on.get((view, key), {})
    return sorted(g for g, certainty in held.items() if certainty in _CERTAINTIES[reading])


def partings(answer: Answer, key: ClaimKey, views: Sequence[str], reading: Reading = SOME) -> list[Parting]:
    """The grounds that divide ``views`` on claim ``key`` in ``reading``; empty when they agree.

    The default, some reading, takes in every ground a duty rests on, certainly or
    possibly; every reading only those a duty rests on in all of them.
    """
    if len({answer.holding(v, key) for v in views}) < 2:
        return []
    grounds = sorted({g for v in views for g in rests_on(answer, key, v, reading)})
    out = []
    for ground in grounds:
        finding = tuple(v for v in views if ground in rests_on(answer, key, v, reading))
        decided = {v: decision(answer, v, key, ground) for v in views}
        rejecting = {v: rules for v, (kind, rules) in decided.items() if kind == "rejected"}
        silent = tuple(v for v, (kind, _) in decided.items() if kind == "silent")
        out.append(Parting(ground, finding, rejecting, silent))
    return out
