"""One clingo program holding every view and every claim: ground once, solve many.

The engine loads the logic files, grounds one ``claim`` part per claim, and turns
each claim's facts into truth values of the ``alleged``/``unknown`` externals
declared in ``logic/doctrine.lp``. Changing a fact (a what-if) reassigns externals
and solves again; nothing is grounded twice. Case text never becomes program
text: ids travel as ``clingo.String`` symbols and fact names as constants.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import clingo

from publicduty import background, clingolog, lptext, watchdog
from publicduty.case import Truth
from publicduty.catalogue import Catalogue
from publicduty.errors import InputError, Problem


@dataclass(frozen=True, order=True)
class ClaimKey:
    """A claim: one claimant of one case."""

    case: str
    claimant: str

    @property
    def symbol(self) -> clingo.Symbol:
        """The claim as the solver sees it: a pair of strings."""
        return clingo.Tuple_([clingo.String(self.case), clingo.String(self.claimant)])

    @classmethod
    def of(cls, symbol: clingo.Symbol) -> ClaimKey:
        """Read a claim back from the solver."""
        case, claimant = symbol.arguments
        return cls(case.string, claimant.string)


@dataclass(frozen=True)
class Answer:
    """The solver's answer for every claim and view, as plain data."""

    holdings: dict[tuple[str, ClaimKey], str]
    rests_on: dict[tuple[str, ClaimKey], dict[str, str]]  # ground -> certain | possible
    met: dict[tuple[str, ClaimKey], frozenset[str]]  # (reading, claim) -> grounds met
    conflicts: tuple[tuple[str, str, str, str], ...]  # view, ground, recognising, rejecting rule
    stance: dict[tuple[str, str], tuple[str, tuple[str, ...]]]  # (view, ground) -> (stance, rules)
    defaults: dict[str, tuple[str, ...]]  # view -> its public duty rule(s)


class Engine:
    """A grounded program over a fixed set of logic files and claims."""

    def __init__(self, files: Iterable[Path], claims: Iterable[ClaimKey],
                 options: Iterable[str] = (), catalogue: Catalogue | None = None) -> None:
        """Load ``files``, ground the claims, and read the catalogue (unless given); raise on bad logic."""
        self._messages: list[str] = []
        self.control = clingo.Control(["--warn=none", *options], logger=self._log)
        self.claims = tuple(sorted(set(claims)))
        self._guard(lambda: self._load(files))
        parts: list[tuple[str, list[clingo.Symbol]]] = [("base", [])] + [
            ("claim", [clingo.String(k.case), clingo.String(k.claimant)]) for k in self.claims
        ]
        watchdog.doing(f"grounding {len(self.claims)} claims")
        self._guard(lambda: self.control.ground(parts))
        self.catalogue = catalogue or Catalogue.read(self.control)
        #: The externals now true, as (alleged | unknown, fact) per claim; clingo starts all false.
        self._true: dict[ClaimKey, set[tuple[str, str]]] = {key: set() for key in self.claims}

    def _load(self, files: Iterable[Path]) -> None:
        for path in files:
            self.control.add("base", [], lptext.read(path))  # the text read and checked, not the path again

    def _log(self, _code: clingo.MessageCode, message: str) -> None:
        self._messages.append(message.strip())

    def _guard(self, step: Callable[[], object]) -> None:
        """Run a loading or grounding step, turning clingo's errors into an InputError."""
        try:
            background.call(step)  # in a worker thread, so that Ctrl-C is heard
        except RuntimeError as err:
            raise InputError(clingolog.problems(self._messages)
                             or [Problem("<logic>", None, f"clingo: {err}")]) from err

    def assign(self, key: ClaimKey, facts: Mapping[str, Truth]) -> None:
        """Give claim ``key`` these facts; facts not mentioned are not alleged.

        Only the externals whose truth changes are reassigned: a what-if that moves one fact
        costs one or two assignments, and a claim's first assignment one per stated fact.
        """
        wanted = {("alleged" if value is Truth.TRUE else "unknown", name) for name, value in facts.items()
                  if value is not Truth.FALSE and name in self.catalogue.inputs}
        symbol = key.symbol
        for kind, name in self._true[key] ^ wanted:
            self.control.assign_external(clingo.Function(kind, [symbol, clingo.Function(name)]),
                                         (kind, name) in wanted)
        self._true[key] = wanted

    def solve(self) -> Answer:
        """Solve the program as currently assigned. It is stratified: one model."""
        watchdog.doing("solving")
        shown: list[clingo.Symbol] | None = None
        with self.control.solve(yield_=True) as handle:
            for model in handle:
                shown = list(model.symbols(shown=True))
                break
        if shown is None:
            raise InputError.at("<logic>", None, "the logic files have no answer: an integrity constraint "
                                "in a view rules out every one", "run 'publicduty check' on your view files")
        holdings: dict[tuple[str, ClaimKey], str] = {}
        rests_on: dict[tuple[str, ClaimKey], dict[str, str]] = {}
        met: dict[tuple[str, ClaimKey], set[str]] = {}
        conflicts = []
        stance: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
        defaults: dict[str, tuple[str, ...]] = {}
        for atom in shown:
            args = atom.arguments
            if atom.name == "holding":
                holdings[(args[0].string, ClaimKey.of(args[1]))] = args[2].name
            elif atom.name == "rests_on":
                rests_on.setdefault((args[0].string, ClaimKey.of(args[1])), {})[args[2].name] = args[3].name
            elif atom.name == "met":
                met.setdefault((args[0].name, ClaimKey.of(args[1])), set()).add(args[2].name)
            elif atom.name == "conflict":
                conflicts.append((args[0].string, args[1].name, args[2].string, args[3].string))
            elif atom.name in ("recognised", "rejected"):
                key = (args[0].string, args[1].name)
                _, rules = stance.get(key, (atom.name, ()))
                stance[key] = (atom.name, tuple(sorted((*rules, args[2].string))))
            elif atom.name == "default_of":
                defaults[args[0].string] = tuple(sorted((*defaults.get(args[0].string, ()), args[1].string)))
        return Answer(holdings, rests_on, {k: frozenset(v) for k, v in met.items()},
                      tuple(sorted(conflicts)), stance, defaults)

