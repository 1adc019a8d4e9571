"""Flips: the smallest sets of fact changes that turn a view's holding on a claim around.

The search is the solver's (``logic/queries/flip.lp``), over every fact of the
vocabulary at once: it finds the subset-minimal change sets that reach the other
holding in every reading of the facts left unknown, and this module sorts them,
smallest first. A change sets a fact true or false, whichever way helps: views may
use negation. A duty is turned into no duty and no duty into a duty; an ``open``
holding is settled either way. The search program is grounded once per number of
unknown facts a claim has (it holds one copy of the claim per reading).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import clingo

from publicduty.analyses.whatif import FactChange
from publicduty.model.answer import ClaimKey, Holding
from publicduty.model.case import Truth
from publicduty.solve.casebook import Casebook
from publicduty.solve.queries import Search, search

#: The holdings a flip may reach from each holding.
TARGETS = {Holding.DUTY: (Holding.NO_DUTY,), Holding.NO_DUTY: (Holding.DUTY,),
           Holding.OPEN: (Holding.DUTY, Holding.NO_DUTY)}

#: The holdings a flip can reach (the search program names them by their values).
_REACHABLE = (Holding.DUTY, Holding.NO_DUTY)


@dataclass(frozen=True)
class Flip:
    """A set of fact changes that, made together, gives the claim the holding ``becomes``."""

    becomes: Holding  # duty or no_duty
    changes: tuple[FactChange, ...]


@dataclass(frozen=True)
class Flips:
    """A view's holding on a claim and the minimal flips of it, smallest first."""

    case: str
    claimant: str
    view: str
    holding: Holding
    flips: tuple[Flip, ...]
    total: int  # how many minimal flips there are, however many are listed


def minimal_flips(book: Casebook, case_id: str, claimant_id: str, view: str, most: int | None = None) -> Flips:
    """The minimal flips of ``view``'s holding on the claim; at most ``most`` of them, smallest first."""
    case = book.case(case_id)
    key = ClaimKey(case.id, case.claimant(claimant_id).id)
    (view,) = book.view_ids([view])
    holding = book.answer().holdings[(view, key)]
    facts = book.facts(key)
    found = [flip for target in TARGETS[holding] for flip in search_flips(book, facts, view, target)]
    found.sort(key=lambda f: (len(f.changes), f.becomes, [c.fact for c in f.changes]))
    listed = found if most is None else found[:most]
    return Flips(case.id, key.claimant, view, holding, tuple(listed), len(found))


def flip_search(book: Casebook, unknowns: int) -> Search:
    """The flip search over the casebook's logic for claims with ``unknowns`` unknown facts."""
    return search(book.logic_files, "flip", ("readings", (clingo.Number(unknowns),)))


def search_flips(book: Casebook, facts: Mapping[str, Truth], view: str, target: Holding) -> list[Flip]:
    """Ask the flip search for the minimal change sets that give ``view`` the holding ``target``."""
    inputs = book.catalogue.inputs
    unknown = sorted(name for name in inputs if facts.get(name) is Truth.UNKNOWN)
    program = flip_search(book, len(unknown))
    for name in inputs:
        stated = facts.get(name, Truth.FALSE)
        for truth in Truth:
            program.assign("was", [clingo.Function(name), clingo.Function(truth.value)], truth is stated)
        for bit in range(len(unknown)):
            program.assign("slot", [clingo.Function(name), clingo.Number(bit)], unknown.index(name) == bit
                           if name in unknown else False)
    for other in program.catalogue.views:
        program.assign("searched", [clingo.String(other)], other == view)
    for holding in _REACHABLE:
        program.assign("target", [clingo.Function(holding.value)], holding == target)
    flips = []
    for model in program.minimal_models():
        moved = sorted((atom.arguments[0].name, Truth(atom.arguments[1].name)) for atom in model.get("changed", []))
        changes = tuple(FactChange(n, facts.get(n, Truth.FALSE), to) for n, to in moved)
        flips.append(Flip(target, changes))
    return flips
