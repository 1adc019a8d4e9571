"""What if: a claim's holdings with some of its facts changed, beside the holdings as stated.

A what-if is answered in the casebook's live slot: the claim's facts as changed are
assigned to the slot's externals and solved, and the claim's answer there stands in
for its stated one (:meth:`publicduty.solve.casebook.Casebook.answer_with`). Nothing is
grounded again, and the case files are untouched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from publicduty.errors import InputError, Problem, did_you_mean
from publicduty.model.answer import Answer, ClaimKey
from publicduty.model.case import Truth
from publicduty.solve.casebook import Casebook, Finding


@dataclass(frozen=True)
class FactChange:
    """One fact of a claim given a new value."""

    fact: str
    was: Truth
    to: Truth


@dataclass(frozen=True)
class WhatIf:
    """A claim's findings under some views, as stated and with the changes made."""

    case: str
    claimant: str
    changes: tuple[FactChange, ...]
    before: tuple[Finding, ...]
    after: tuple[Finding, ...]


def check_facts(names: Iterable[str], vocabulary: Iterable[str]) -> None:
    """Raise one problem per name that is not a fact of the vocabulary, with the closest valid name."""
    known = set(vocabulary)
    problems = [Problem("<command line>", None, f"unknown fact '{name}'", did_you_mean(name, known))
                for name in dict.fromkeys(names) if name not in known]
    if problems:
        raise InputError(problems)


def requested_changes(vocabulary: Iterable[str], set_: Iterable[str] = (), unset: Iterable[str] = (),
                      unknown: Iterable[str] = ()) -> dict[str, Truth]:
    """Read the fact names given to make true, false or unknown; raise on a misspelt or contradictory one."""
    asked = ((Truth.TRUE, list(set_)), (Truth.FALSE, list(unset)), (Truth.UNKNOWN, list(unknown)))
    check_facts((name for _, names in asked for name in names), vocabulary)
    wanted: dict[str, Truth] = {}
    problems = []
    for truth, names in asked:
        for name in names:
            if wanted.get(name, truth) is not truth:
                problems.append(Problem("<command line>", None,
                                        f"fact '{name}' is made both {wanted[name].value} and {truth.value}",
                                        "give each fact one new value"))
            else:
                wanted[name] = truth
    if problems:
        raise InputError(problems)
    return wanted


def what_if(book: Casebook, case_id: str, claimant_id: str, changes: Mapping[str, Truth],
            views: Iterable[str] | None = None) -> WhatIf:
    """The claim's findings under ``views`` (default: all) before and after ``changes``."""
    case = book.case(case_id)
    key = ClaimKey(case.id, case.claimant(claimant_id).id)
    chosen = book.view_ids(views)
    check_facts(changes, book.catalogue.inputs)
    stated = book.facts(key)
    before = _findings(book, book.answer(), key, chosen)
    after = _findings(book, book.answer_with(key, {**stated, **changes}), key, chosen)
    moved = tuple(FactChange(name, stated.get(name, Truth.FALSE), changes[name]) for name in sorted(changes))
    return WhatIf(case.id, key.claimant, moved, before, after)


def _findings(book: Casebook, answer: Answer, key: ClaimKey, views: list[str]) -> tuple[Finding, ...]:
    return tuple(f for f in book.findings(answer, [key.case], views) if f.claimant == key.claimant)
