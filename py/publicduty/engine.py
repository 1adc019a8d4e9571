"""One clingo program holding every view and every claim: ground once, solve many.

The engine loads the logic files, grounds one ``claim`` part per claim, and turns
each claim's facts into truth values of the ``alleged``/``unknown`` externals
declared in ``logic/doctrine.lp``. Changing a fact (a what-if) reassigns externals
and solves again; nothing is grounded twice. Case text never becomes program
text: ids travel as ``clingo.String`` symbols and fact names as constants.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


#: How surely something holds: in every reading of the claim's unknown facts, or in some.
CERTAIN, POSSIBLE = "certain", "possible"

#: The readings a ground can be met in: every reading, or some.
EVERY, SOME = "every", "some"


@dataclass(frozen=True)
class Answer:
    """The solver's answer for every claim and view, as plain data.

    Per claim, everything is read from the solver's brave consequences: what holds in some
    reading of the claim's unknown facts, and (by its complement) what holds in every one.
    """

    holdings: dict[tuple[str, ClaimKey], str]
    rests_on: dict[tuple[str, ClaimKey], dict[str, str]]  # ground -> certain | possible
    support: dict[tuple[str, ClaimKey, str], tuple[str, ...]]  # (view, claim, ground) -> rules giving the duty
    holds: dict[tuple[str, ClaimKey], frozenset[str]]  # the rules (of every kind) that hold in some reading
    blocked: dict[tuple[str, ClaimKey], frozenset[tuple[str, str]]]  # (rule, defeating rule), in some reading
    met: dict[tuple[str, ClaimKey], frozenset[str]]  # (every | some, claim) -> grounds met
    conflicts: tuple[tuple[str, str, str, str], ...]  # view, ground, recognising, rejecting rule
    stance: dict[tuple[str, str], tuple[str, tuple[str, ...]]]  # (view, ground) -> (stance, rules)
    against: dict[tuple[str, str], tuple[str, ...]]  # (view, ground) -> the view's rules rejecting it
    defaults: dict[str, tuple[str, ...]]  # view -> its public duty rule(s)
    beats: dict[str, frozenset[tuple[str, str]]]  # view -> (winner, loser) pairs of its priorities


#: How many states' answers an engine keeps (the case as stated, and a few what-ifs).
_KEPT_ANSWERS = 4


class Engine:
    """A grounded program over a fixed set of logic files and claims."""

    def __init__(self, files: Iterable[Path], claims: Iterable[ClaimKey], options: Iterable[str] = (),
                 catalogue: Catalogue | None = None,
                 parts: Sequence[tuple[str, Sequence[clingo.Symbol]]] = ()) -> None:
        """Load ``files``, ground the claims (and any other ``parts``), and read the catalogue (unless given)."""
        self._messages: list[str] = []
        self.control = clingo.Control(list(options), logger=self._log)
        self.claims = tuple(sorted(set(claims)))
        self._guard(lambda: self._load(files))
        grounded: list[tuple[str, Sequence[clingo.Symbol]]] = [("base", []), *parts] + [
            ("claim", [clingo.String(k.case), clingo.String(k.claimant)]) for k in self.claims
        ]
        watchdog.doing(f"grounding {len(self.claims)} claims")
        self._guard(lambda: self.control.ground(grounded))
        self.catalogue = catalogue or Catalogue.read(self.control)
        #: Every shown atom read so far, by symbol (see _Atoms).
        self._decoded: dict[clingo.Symbol, tuple[str, tuple[Any, ...]]] = {}
        #: The answers of the last few states solved (see solve), and the rules now set aside.
        self._answers: OrderedDict[Hashable, Answer] = OrderedDict()
        self._suspended: set[str] = set()
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

    def suspend(self, rules: Iterable[str]) -> None:
        """Set these rules aside, and restore every other: to ask what the views would hold without them."""
        wanted = set(rules)
        self._suspended = wanted
        for rule in self.catalogue.rules:
            self.control.assign_external(clingo.Function("suspended", [clingo.String(rule)]), rule in wanted)

    def consequences(self, mode: str) -> list[clingo.Symbol]:
        """The shown atoms true in every answer set (``cautious``) or in some (``brave``)."""
        settings = self.control.configuration.solve
        settings.enum_mode, settings.models = mode, "0"  # type: ignore[union-attr]
        watchdog.doing("solving")
        try:
            shown = background.call(self._last_model)
        finally:
            settings.enum_mode, settings.models = "auto", "1"  # type: ignore[union-attr]
        if shown is None:
            raise InputError.at("<logic>", None, "the logic files have no answer: an integrity constraint "
                                "in a view rules out every one", "run 'publicduty check' on your view files")
        return shown

    def solve(self) -> Answer:
        """The program's answer as currently assigned, solved once for each state.

        A what-if solves the claim as changed and then, for the next question, as stated: the
        last few states' answers are kept, keyed by the externals that are true, so going back
        to a state costs a lookup, not a solve.
        """
        state = (frozenset((k, frozenset(v)) for k, v in self._true.items() if v), frozenset(self._suspended))
        if state in self._answers:
            self._answers.move_to_end(state)
        else:
            self._answers[state] = self._solve()
            if len(self._answers) > _KEPT_ANSWERS:
                self._answers.popitem(last=False)
        return self._answers[state]

    def _last_model(self) -> list[clingo.Symbol] | None:
        """The shown atoms of the last model the solve enumerates (in brave mode: the consequences)."""
        shown = None
        with self.control.solve(yield_=True) as handle:
            for model in handle:
                shown = model.symbols(shown=True)
        return shown

    def _solve(self) -> Answer:
        """Solve the program as currently assigned: what holds in some reading, and so in every.

        One brave solve suffices: for claims with unknown facts the doctrine derives each holding's
        complement too (``no_duty``, ``no_duty_on``, ``unmet``), and a thing holds in every reading
        exactly when its complement holds in none; a claim without unknown facts has one reading.
        """
        some = _Atoms(self.consequences("brave"), self._decoded)
        holdings: dict[tuple[str, ClaimKey], str] = {}
        undecided = set(some.rows("no_duty"))
        for view in self.catalogue.views:
            for key in self.claims:
                holdings[(view, key)] = "no_duty"
        for view, key in some.rows("duty"):
            holdings[(view, key)] = "open" if (view, key) in undecided else "duty"
        rests_on: dict[tuple[str, ClaimKey], dict[str, str]] = {}
        support: dict[tuple[str, ClaimKey, str], tuple[str, ...]] = {}
        wanting = set(some.rows("no_duty_on"))
        for view, key, ground in some.rows("duty_on"):
            rests_on.setdefault((view, key), {})[ground] = POSSIBLE if (view, key, ground) in wanting else CERTAIN
        for view, key, ground, rule in some.rows("rests_on"):
            support[(view, key, ground)] = tuple(sorted((*support.get((view, key, ground), ()), rule)))
        holds: dict[tuple[str, ClaimKey], set[str]] = {}
        for view, rule, key in some.rows("holds"):
            holds.setdefault((view, key), set()).add(rule)
        blocked: dict[tuple[str, ClaimKey], set[tuple[str, str]]] = {}
        for view, rule, key, by in some.rows("blocked"):
            blocked.setdefault((view, key), set()).add((rule, by))
        met: dict[tuple[str, ClaimKey], set[str]] = {(r, key): set() for r in (EVERY, SOME) for key in self.claims}
        lacking = set(some.rows("unmet"))
        for key, ground in some.rows("met"):
            met[(SOME, key)].add(ground)
            if (key, ground) not in lacking:
                met[(EVERY, key)].add(ground)
        pro, con = _grouped(some.rows("recognised")), _grouped(some.rows("rejected"))
        # A view that recognises a ground at all recognises it (its exceptions aside).
        stance = {**{k: ("rejected", rules) for k, rules in con.items()},
                  **{k: ("recognised", rules) for k, rules in pro.items()}}
        defaults: dict[str, tuple[str, ...]] = {}
        for view, rule in some.rows("default_of"):
            defaults[view] = tuple(sorted((*defaults.get(view, ()), rule)))
        beats: dict[str, set[tuple[str, str]]] = {}
        for view, winner, loser in some.rows("beats"):
            beats.setdefault(view, set()).add((winner, loser))
        return Answer(holdings, rests_on, support, {k: frozenset(v) for k, v in holds.items()},
                      {k: frozenset(v) for k, v in blocked.items()}, {k: frozenset(v) for k, v in met.items()},
                      tuple(sorted(some.rows("conflict"))), stance, con, defaults,
                      {v: frozenset(pairs) for v, pairs in beats.items()})


def _grouped(rows: list[tuple[Any, ...]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(view, ground, rule) rows as the rules of each (view, ground), sorted."""
    out: dict[tuple[str, str], list[str]] = {}
    for view, ground, rule in rows:
        out.setdefault((view, ground), []).append(rule)
    return {key: tuple(sorted(rules)) for key, rules in out.items()}


def _plain(symbol: clingo.Symbol) -> str | ClaimKey:
    """An argument as Python reads it: a claim, a string, or a constant's name."""
    if symbol.type is clingo.SymbolType.Function and not symbol.name and len(symbol.arguments) == 2:
        return ClaimKey.of(symbol)
    if symbol.type is clingo.SymbolType.String:
        return symbol.string
    return symbol.name


class _Atoms:
    """Shown atoms grouped by predicate, their arguments read as plain values.

    Reading a symbol's arguments through clingo's API costs several calls each, and a
    what-if solves the same atoms again and again: ``decoded`` keeps every atom read
    before (the engine's memo), so each solve pays one lookup per atom.
    """

    def __init__(self, symbols: Iterable[clingo.Symbol],
                 decoded: dict[clingo.Symbol, tuple[str, tuple[Any, ...]]]) -> None:
        self._by_name: dict[str, list[tuple[Any, ...]]] = {}
        for symbol in symbols:
            if symbol not in decoded:
                decoded[symbol] = (symbol.name, tuple(_plain(a) for a in symbol.arguments))
            name, row = decoded[symbol]
            self._by_name.setdefault(name, []).append(row)

    def rows(self, name: str) -> list[tuple[Any, ...]]:
        """The arguments of every shown ``name`` atom."""
        return self._by_name.get(name, [])
