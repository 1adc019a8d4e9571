"""Two honest brute forces for ``disagree``: a lean solve per fact pattern, and NumPy over all patterns.

``disagree`` finds, for each pair of views, the subset-minimal sets of true facts on which the
two views' holdings differ. A user without the search would either solve each of the 2^n
patterns (cheaply: one grounded claim, externals flipped, only ``duty/2`` read) or, knowing
the rules (a rule holds when its facts are met and no rule that prevails over it holds; a
duty is a rule for one that holds), compute every pattern at once with bit masks and keep
the minimal ones. Both are here, short, so a reader can judge them.
NumPy is needed only by the second, and only here: it is no dependency of publicduty.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from types import ModuleType
from typing import Any

import clingo

from publicduty.load.inputs import builtin_view_files, doctrine_files

Minimal = set[tuple[str, str, tuple[str, ...]]]  # (view a, view b, the true facts)


def numpy_or_none() -> ModuleType | None:
    """NumPy if installed: the vectorised baseline is skipped, with a message, where it is not."""
    try:
        return importlib.import_module("numpy")
    except ImportError:
        return None


def quiet(_code: clingo.MessageCode, _message: str) -> None:
    """Clingo's notes on shown predicates that no claim of a script's program reaches: not for the reader."""


class LeanSolve:
    """One grounded claim whose facts are externals: a pattern is a set of true facts, solved."""

    def __init__(self, inputs: Sequence[str]) -> None:
        """Ground the logic once with one claim; every fact starts false."""
        self.control = clingo.Control(logger=quiet)
        for path in [*doctrine_files(), *builtin_view_files()]:
            self.control.load(str(path))
        self.key = clingo.Function("slot", [clingo.Number(0)])
        self.control.ground([("base", []), ("claims", []), ("live", [clingo.Number(0)])])  # one live claim
        self.inputs = list(inputs)
        self.true: set[str] = set()
        self.views = [a.symbol.arguments[0].string for a in self.control.symbolic_atoms.by_signature("view", 1)]

    def holdings(self, pattern: set[str]) -> dict[str, str]:
        """Each view's holding with exactly the facts of ``pattern`` true."""
        for name in self.true ^ pattern:
            self.control.assign_external(clingo.Function("alleged", [self.key, clingo.Function(name)]),
                                         name in pattern)
        self.true = set(pattern)
        out = dict.fromkeys(self.views, "no_duty")  # all facts known: one answer, no readings to weigh
        with self.control.solve(yield_=True) as handle:
            for atom in next(iter(handle)).symbols(shown=True):
                if atom.name == "duty":
                    out[atom.arguments[0].string] = "duty"
        return out


@dataclass(frozen=True)
class VectorRule:
    """A rule a view applies, as the brute force reads it: its facts, and the rules that defeat it."""

    gives_duty: bool
    needs: tuple[str, ...]  # its ground's elements and its `when` facts
    unless: tuple[str, ...]
    beaten_by: tuple[str, ...]  # the view's rules that prevail over it


def vectorised(np: Any, inputs: Sequence[str], views: Mapping[str, Mapping[str, VectorRule]]) -> Minimal:
    """Every pair's minimal disagreeing patterns over all 2^n patterns, with NumPy.

    ``views``: view -> its rules. Pattern p (an integer, bit i = fact i true) meets a rule when
    ``p & needs == needs`` and ``p & unless == 0``; the rule holds where it is met and none of the
    rules beating it holds (priorities have no cycle, so the recursion ends); a view finds a duty
    where one of its rules for a duty holds. A disagreeing pattern is minimal when no pattern one
    fact smaller has a disagreeing subset, which a subset-OR sweep over the n bit axes computes for
    all patterns at once.
    """
    n = len(inputs)
    bit = {name: 1 << i for i, name in enumerate(inputs)}
    patterns = np.arange(1 << n, dtype=np.int64)

    def mask(facts: Sequence[str]) -> int:
        return sum(bit[f] for f in facts)

    def duty_of(rules: Mapping[str, VectorRule]) -> Any:
        holds: dict[str, Any] = {}

        def hold(rule_id: str) -> Any:
            if rule_id not in holds:
                rule = rules[rule_id]
                met = ((patterns & mask(rule.needs)) == mask(rule.needs)) & ((patterns & mask(rule.unless)) == 0)
                for winner in rule.beaten_by:
                    met = met & ~hold(winner)
                holds[rule_id] = met
            return holds[rule_id]
        giving = [hold(r) for r, rule in rules.items() if rule.gives_duty]
        return np.logical_or.reduce(giving) if giving else np.zeros(1 << n, bool)

    duty = {v: duty_of(rules) for v, rules in views.items()}
    found: Minimal = set()
    for a, b in combinations(sorted(views), 2):
        differ = duty[a] != duty[b]
        some_subset = differ.copy().reshape((2,) * n)  # axis k is fact n-1-k
        for axis in range(n):  # after the sweep: some subset of p (p included) differs
            np.logical_or(some_subset.take(1, axis), some_subset.take(0, axis),
                          out=some_subset[(slice(None),) * axis + (1,)])
        some_subset = some_subset.reshape(-1)
        strict = np.zeros(1 << n, bool)
        for name in inputs:  # some subset of p minus one of its facts differs
            has = (patterns & bit[name]) != 0
            strict[has] |= some_subset[patterns[has] ^ bit[name]]
        for p in np.flatnonzero(differ & ~strict):
            found.add((a, b, tuple(name for name in inputs if int(p) & bit[name])))
    return found
