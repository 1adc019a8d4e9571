"""Fidelity: whether each view reproduces the holdings its own opinion stands on.

For each view, its derived holdings are set against (a) the documented holdings of its
own opinion in its own case and (b) the documented holdings of every precedent its
opinion (or an opinion it adopts) relies on. A mismatch is either a tension the view
file declares, with a source, or a defect of the model. As a cross-check, (c) sets the
view against the precedents the other opinions of its case rely on: that is where a
dissent's rule meets the majority's authorities (Kelly's test on Henderson's facts).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from publicduty.model.answer import SOME, Answer, ClaimKey, Holding, Stance
from publicduty.model.case import Basis, Case, Truth
from publicduty.model.catalogue import Tension
from publicduty.solve.casebook import Casebook


class Scope(StrEnum):
    """Which documented holding a check measures a view against (the value is how a reader is told)."""

    OWN_CASE = "own case"
    PRECEDENT = "precedent relied on"
    CROSS_CHECK = "relied on by another opinion"


OWN_CASE, PRECEDENT, CROSS_CHECK = Scope.OWN_CASE, Scope.PRECEDENT, Scope.CROSS_CHECK


class Behind(StrEnum):
    """What the solver's answer shows behind a mismatch that no tension declares."""

    SILENT = "silent"  # the view is silent on grounds the claim meets, which other views recognise
    UNKNOWN = "unknown"  # the holding is open: it turns on facts the sources leave unknown


_LEADS = {Behind.SILENT: "not in the sources: the view is silent on ",
          Behind.UNKNOWN: "turns on facts the sources leave unknown: "}


@dataclass(frozen=True)
class Reason:
    """A mismatch's reason: what lies behind it, and the grounds (silent) or facts (unknown) it names."""

    behind: Behind
    names: tuple[str, ...]

    def __str__(self) -> str:
        """The reason as the output states it."""
        return _LEADS[self.behind] + ", ".join(self.names)


@dataclass(frozen=True)
class Check:
    """One derived holding set against one documented holding."""

    scope: Scope
    case: str
    claimant: str
    derived: Holding
    documented: Holding
    source: str
    basis: Basis
    tension: Tension | None
    reason: Reason | None  # for a mismatch: what the solver's answer shows behind it, if anything

    @property
    def agrees(self) -> bool:
        """The view derives what was documented."""
        return self.derived == self.documented

    @property
    def kind(self) -> str:
        """How the check came out: agrees, tension, silent, unknown (facts left open) or unexplained."""
        if self.agrees:
            return "agrees"
        if self.tension is not None:
            return "tension"
        return "unexplained" if self.reason is None else self.reason.behind.value


@dataclass(frozen=True)
class ViewFidelity:
    """All checks of one view."""

    view: str
    checks: tuple[Check, ...]

    def scored(self) -> list[Check]:
        """The checks that count: own case and precedents relied on."""
        return [c for c in self.checks if c.scope != CROSS_CHECK]

    @property
    def agree(self) -> int:
        """How many scored checks agree."""
        return sum(c.agrees for c in self.scored())

    @property
    def unexplained(self) -> list[Check]:
        """Mismatches no declared tension accounts for: defects of the model."""
        return [c for c in self.scored() if not c.agrees and c.tension is None]


def fidelity(book: Casebook, answer: Answer, view: str) -> ViewFidelity:
    """Every check of ``view`` against the documented holdings in the case base."""
    catalogue = book.catalogue
    own_case = catalogue.views[view].case
    lineage = set(catalogue.lineage(view))
    siblings = {v for v, meta in catalogue.views.items() if meta.case == own_case} - {view}
    checks: list[Check] = []
    for case in sorted(book.cases.values(), key=lambda c: c.id):
        if case.id == own_case:
            checks.extend(_own(book, answer, case, view))
            continue
        relying = {c.view for c in case.cited_by if c.treatment == "relied_on"}
        if relying & lineage:
            scope = PRECEDENT
        elif relying & siblings:
            scope = CROSS_CHECK
        else:
            continue
        checks.extend(_court(book, answer, case, view, scope, catalogue.tensions.get((view, case.id))))
    return ViewFidelity(view, tuple(checks))


def _own(book: Casebook, answer: Answer, case: Case, view: str) -> list[Check]:
    out = []
    for claimant in case.claimants:
        documented = case.documented(view, claimant.id)
        if documented is not None:
            key = ClaimKey(case.id, claimant.id)
            derived = answer.holding(view, key)
            out.append(Check(OWN_CASE, case.id, claimant.id, derived, documented.holding, documented.source,
                             documented.basis, None, _reason(book, answer, view, key, documented.holding)))
    return out


def _court(book: Casebook, answer: Answer, case: Case, view: str, scope: Scope,
           tension: Tension | None) -> list[Check]:
    """Checks against the holdings of the precedent's own court (its unmodelled opinions)."""
    out = []
    for claimant in case.claimants:
        held = next((o.holdings[claimant.id] for o in case.opinions
                     if o.view is None and claimant.id in o.holdings), None)
        if held is not None:
            key = ClaimKey(case.id, claimant.id)
            out.append(Check(scope, case.id, claimant.id, answer.holding(view, key), held.holding, held.source,
                             held.basis, tension, _reason(book, answer, view, key, held.holding)))
    return out


def _reason(book: Casebook, answer: Answer, view: str, key: ClaimKey, documented: str) -> Reason | None:
    """What lies behind a mismatch: facts left unknown, or grounds the view is silent on."""
    derived = answer.holding(view, key)
    if derived == documented:
        return None
    facts = book.facts(key)
    if derived == Holding.OPEN:
        possible = [g for g, how in answer.rests_on.get((view, key), {}).items() if how == "possible"]
        unknown = sorted({e for g in possible for e in book.catalogue.grounds[g].elements
                          if facts.get(e) is Truth.UNKNOWN})
        return Reason(Behind.UNKNOWN, tuple(unknown))
    recognised = {g for (_, g), (held, _) in answer.stance.items() if held == Stance.RECOGNISED}
    silent = sorted(g for g in answer.met.get((SOME, key), frozenset())
                    if g in recognised and answer.stance_of(view, g)[0] == Stance.SILENT)
    if derived == Holding.NO_DUTY and silent:
        return Reason(Behind.SILENT, tuple(silent))
    return None
