"""Where two views disagree: the minimal fact patterns on which their holdings differ.

Over every combination of true and false facts a claim may have (2 to the power of
the vocabulary's size), the solver (``logic/queries/disagree.lp``) finds the
subset-minimal sets of true facts on which one view finds a duty and the other does
not, and says on which grounds the duty rests and whether the other view rejects
each ground (a rule against it holds, or defeats the view's own rule for it),
recognises it only on conditions the pattern does not meet, or is silent on it
("not in the sources"). No pattern is enumerated in Python, and nothing assumes a
duty grows with the facts. A caller may narrow the vocabulary: the facts left out
stay false.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import clingo

from publicduty.analyses.whatif import check_facts
from publicduty.errors import InputError
from publicduty.solve.casebook import Casebook
from publicduty.solve.queries import search


@dataclass(frozen=True)
class SplitGround:
    """A ground the duty-finding view's duty rests on, and the other view's stance on it."""

    ground: str
    accepting: tuple[str, ...]  # the finding view's rules that give the duty on the ground
    rejecting: tuple[str, ...]  # the other view's rules that deny a duty on it in the pattern
    recognising: tuple[str, ...]  # the other view's rules for it (their own conditions unmet, or defeated)

    @property
    def other_stance(self) -> str:
        """What the other view makes of the ground: 'rejects' it, recognises it only 'on conditions', or 'silent'."""
        if self.rejecting:
            return "rejects"
        return "on conditions" if self.recognising else "silent"


@dataclass(frozen=True)
class Disagreement:
    """A minimal fact pattern on which ``duty_view`` finds a duty and ``no_duty_view`` does not."""

    facts: tuple[str, ...]  # the facts true in the pattern; every other fact is false
    duty_view: str
    no_duty_view: str
    grounds: tuple[SplitGround, ...]


@dataclass(frozen=True)
class Disagreements:
    """Every minimal pattern on which two views part, over a vocabulary of facts."""

    views: tuple[str, str]
    facts: tuple[str, ...]  # the facts a pattern may make true
    patterns: tuple[Disagreement, ...]


def disagreements(book: Casebook, first: str, second: str, facts: Iterable[str] | None = None) -> Disagreements:
    """The minimal patterns on which views ``first`` and ``second`` part, over ``facts`` (default: all)."""
    views = book.view_ids([first, second])
    if views[0] == views[1]:
        raise InputError.at("<command line>", None, f"both views are '{first}'", "name two different views")
    vocabulary = sorted(book.catalogue.inputs)
    free = vocabulary if facts is None else sorted(set(facts))
    check_facts(free, vocabulary)
    program = search(book.logic_files, "disagree")
    for view in book.views:
        program.assign("compared", [clingo.String(view)], view in views)
    for name in vocabulary:
        program.assign("free", [clingo.Function(name)], name in free)
    patterns = [_pattern(model, views) for model in program.minimal_models()]
    patterns.sort(key=lambda p: (len(p.facts), p.facts, p.duty_view))
    return Disagreements((views[0], views[1]), tuple(free), tuple(patterns))


def _pattern(model: dict[str, list[clingo.Symbol]], views: list[str]) -> Disagreement:
    """Read one minimal model of the disagreement search between the two ``views``."""
    facts = tuple(sorted(a.arguments[1].name for a in model.get("alleged", [])))
    (finder,) = (a.arguments[0].string for a in model["finds_duty"])
    (other,) = (v for v in views if v != finder)
    grounds = sorted(a.arguments[1].name for a in model.get("duty_ground", []))
    return Disagreement(facts, finder, other, tuple(
        SplitGround(g, _rules(model, "accepted_by", finder, g), _rules(model, "rejects_it", other, g),
                _rules(model, "recognises_it", other, g)) for g in grounds))


def _rules(model: dict[str, list[clingo.Symbol]], name: str, view: str, ground: str) -> tuple[str, ...]:
    """The rules in ``name(View, Ground, Rule)`` atoms of the model for this view and ground."""
    return tuple(sorted(a.arguments[2].string for a in model.get(name, [])
                        if a.arguments[0].string == view and a.arguments[1].name == ground))
