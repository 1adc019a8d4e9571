"""Where two views part on one claim, and what accounts for it; or why they agree.

Two views differ on a claim only through grounds the claim meets on which one gives a duty
and the other does not: it rejects the ground (a rule against it holds, or defeats its own
rule for it) or passes over it in silence. In the readings of the unknown facts where the
holdings differ (:func:`publicduty.analyses.partings.deciding_reading`), every ground the duty-finding
view's duty rests on is such a difference, and together they are the smallest set: the
holding changes only if all of them change. Beside them stand the grounds the view without a
duty does recognise, with the facts the claim lacks for its rules.

Where the holdings agree, they agree for the same reason when a duty rests on the same
grounds in both, or when no duty is found with the same stance on every ground the claim
meets; the grounds where the stances differ are listed either way.
"""

from __future__ import annotations

from dataclasses import dataclass

from publicduty.analyses.explanation import FactNode, GroundNode, Nodes, RuleNode
from publicduty.analyses.partings import deciding_reading, decision, partings, rests_on
from publicduty.model.answer import Answer, ClaimKey, Met, Stance
from publicduty.model.case import Case, Truth
from publicduty.model.catalogue import Catalogue


@dataclass(frozen=True)
class Side:
    """What one view makes of a ground, and by which rules."""

    view: str
    stance: Stance  # recognised, rejected or silent
    rules: tuple[RuleNode, ...]


@dataclass(frozen=True)
class Contrast:
    """A ground the claim meets on which the two views take different stances."""

    ground: str
    label: str
    met: Met  # as in GroundNode.met
    sides: tuple[Side, Side]
    facts: tuple[FactNode, ...]  # the ground's elements, as the case file states them


@dataclass(frozen=True)
class Difference:
    """Two views' holdings on one claim, compared."""

    case: str
    title: str
    citation: str
    claimant: str
    claimant_name: str
    views: tuple[str, str]
    holdings: tuple[str, str]
    reading: str  # every | some: the readings of the unknown facts the comparison is made in
    parting: tuple[Contrast, ...]  # when they differ: the grounds that account for it
    wanting: tuple[GroundNode, ...]  # when they differ: what the view without a duty recognises, unmet
    wanting_view: str  # that view; '' when they agree
    rests_on: tuple[tuple[str, ...], tuple[str, ...]]  # the grounds each view's duty rests on in the reading
    labels: dict[str, str]  # the label of each of those grounds
    same_reason: bool  # when they agree: on the same grounds
    contrasts: tuple[Contrast, ...]  # when they agree: the met grounds on which their stances differ
    unknown_facts: tuple[str, ...]  # the claim's facts the sources leave open

    @property
    def agree(self) -> bool:
        """The two views hold the same way."""
        return self.holdings[0] == self.holdings[1]


def compare_views(catalogue: Catalogue, answer: Answer, case: Case, claimant_id: str,
                  views: tuple[str, str]) -> Difference:
    """Compare ``views`` on ``claimant_id`` in ``case``, reading what the solver derived in ``answer``."""
    claimant = case.claimant(claimant_id)
    key = ClaimKey(case.id, claimant.id)
    nodes = Nodes(catalogue, answer, claimant, key)
    holdings = (answer.holding(views[0], key), answer.holding(views[1], key))
    reading = deciding_reading(holdings)
    grounds = (tuple(rests_on(answer, key, views[0], reading)), tuple(rests_on(answer, key, views[1], reading)))
    met = sorted(answer.met.get((reading, key), frozenset()))
    parting: tuple[Contrast, ...] = ()
    wanting: tuple[GroundNode, ...] = ()
    wanting_view = ""
    if holdings[0] != holdings[1]:
        parting = tuple(_contrast(nodes, views, p.ground) for p in partings(answer, key, views, reading))
        wanting_view = views[1] if grounds[0] else views[0]
        wanting = tuple(nodes.ground(wanting_view, g) for g in sorted(catalogue.grounds)
                        if decision(answer, wanting_view, key, g)[0] == "recognised")
    contrasts = tuple(_contrast(nodes, views, g) for g in met
                      if decision(answer, views[0], key, g)[0] != decision(answer, views[1], key, g)[0])
    same = grounds[0] == grounds[1] if holdings[0] != "no_duty" else not contrasts
    return Difference(case.id, case.title, case.citation, claimant.id, claimant.name, views, holdings, reading,
                      parting, wanting, wanting_view, grounds,
                      {g: catalogue.grounds[g].label for g in sorted({*grounds[0], *grounds[1]})},
                      holdings[0] == holdings[1] and same,
                      contrasts if holdings[0] == holdings[1] else (),
                      tuple(sorted(f.name for f in claimant.facts.values() if f.value is Truth.UNKNOWN)))


def _contrast(nodes: Nodes, views: tuple[str, str], ground: str) -> Contrast:
    first, second = (nodes.ground(v, ground) for v in views)
    return Contrast(ground, first.label, first.met,
                    (Side(views[0], first.stance, first.rules), Side(views[1], second.stance, second.rules)),
                    first.facts)
