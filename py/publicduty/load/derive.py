"""Facts the engine reads from a case file's other parts rather than from a claimant's facts.

The vocabulary marks such a fact with ``derived/2`` (logic/law/vocabulary.lp): a case file
says who the defendants are, once, and every claim against them is a claim against a
public defendant or not. Deriving it here keeps each case file stating only what its
sources state, and puts the derived value beside the stated ones, with its origin as
its source, so explanations, what-ifs and flips treat it like any other fact.
"""

from __future__ import annotations

from dataclasses import replace

from publicduty.model.case import Case, Fact, Truth
from publicduty.model.catalogue import Catalogue

#: The derived fact the doctrine's public duty rule reads.
PUBLIC_DEFENDANT = "public_defendant"

#: What to do instead of stating a derived fact among a claimant's facts.
INSTEAD = {PUBLIC_DEFENDANT: "state it once, under 'defendants:', as 'public: true' or 'public: false' for each"}


def with_derived_facts(case: Case, catalogue: Catalogue) -> Case:
    """``case`` with each claimant's derived facts added to its stated ones."""
    if PUBLIC_DEFENDANT not in catalogue.inputs:
        return case
    fact = _public_defendant(case)
    claimants = tuple(replace(c, facts={**c.facts, PUBLIC_DEFENDANT: fact}) for c in case.claimants)
    return replace(case, claimants=claimants)


def _public_defendant(case: Case) -> Fact:
    """True when a defendant is public, false when all are private, unknown when none is listed."""
    if not case.defendants:
        return Fact(PUBLIC_DEFENDANT, Truth.UNKNOWN, "the case file lists no defendants", "", 0)
    public = [d.name for d in case.defendants if d.public]
    value = Truth.TRUE if public else Truth.FALSE
    named = "; ".join(public or [d.name for d in case.defendants])
    kind = "public" if public else "private"
    return Fact(PUBLIC_DEFENDANT, value, f"defendants ({kind}): {named}", "", 0)
