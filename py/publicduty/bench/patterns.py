"""Two honest brute forces for ``disagree``: a lean solve per fact pattern, and NumPy over all patterns.

``disagree`` finds, for each pair of views, the subset-minimal sets of true facts on which the
two views' holdings differ. A user without the search would either solve each of the 2^n
patterns (cheaply: one grounded claim, externals flipped, only ``holding/3`` read) or, knowing
that a duty is "some accepted ground has all its elements", compute every pattern at once
with bit masks and keep the minimal ones. Both are here, short, so a reader can judge them.
NumPy is needed only by the second, and only here: it is no dependency of publicduty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from types import ModuleType
from typing import Any

import clingo

from publicduty.casebook import builtin_view_files, doctrine_files

Minimal = set[tuple[str, str, tuple[str, ...]]]  # (view a, view b, the true facts)


def numpy_or_none() -> ModuleType | None:
    """NumPy if installed: the vectorised baseline is skipped, with a message, where it is not."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy


class LeanSolve:
    """One grounded claim whose facts are externals: a pattern is a set of true facts, solved."""

    def __init__(self, inputs: Sequence[str]) -> None:
        """Ground the logic once with one claim; every fact starts false."""
        self.control = clingo.Control(["--warn=none"])
        for path in [*doctrine_files(), *builtin_view_files()]:
            self.control.load(str(path))
        self.key = clingo.Tuple_([clingo.String("bench"), clingo.String("pattern")])
        self.control.ground([("base", []), ("claim", [clingo.String("bench"), clingo.String("pattern")])])
        self.inputs = list(inputs)
        self.true: set[str] = set()

    def holdings(self, pattern: set[str]) -> dict[str, str]:
        """Each view's holding with exactly the facts of ``pattern`` true."""
        for name in self.true ^ pattern:
            self.control.assign_external(clingo.Function("alleged", [self.key, clingo.Function(name)]),
                                         name in pattern)
        self.true = set(pattern)
        out = {}
        with self.control.solve(yield_=True) as handle:
            for atom in next(iter(handle)).symbols(shown=True):
                if atom.name == "holding":
                    out[atom.arguments[0].string] = atom.arguments[2].name
        return out


def vectorised(np: Any, inputs: Sequence[str], elements: Mapping[str, Sequence[str]],
               accepts: Mapping[str, set[str]]) -> Minimal:
    """Every pair's minimal disagreeing patterns over all 2^n patterns, with NumPy.

    ``elements``: ground -> the facts it needs; ``accepts``: view -> the grounds it accepts.
    Pattern p (an integer, bit i = fact i true) meets ground g when ``p & mask(g) == mask(g)``.
    A disagreeing pattern is minimal when no pattern one fact smaller has a disagreeing subset,
    which a subset-OR sweep over the n bit axes computes for all patterns at once.
    """
    n = len(inputs)
    bit = {name: 1 << i for i, name in enumerate(inputs)}
    patterns = np.arange(1 << n, dtype=np.int64)
    met = {g: (patterns & sum(bit[f] for f in fs)) == sum(bit[f] for f in fs) for g, fs in elements.items()}
    duty = {v: np.logical_or.reduce([met[g] for g in gs]) if gs else np.zeros(1 << n, bool)
            for v, gs in accepts.items()}
    found: Minimal = set()
    for a, b in combinations(sorted(accepts), 2):
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
