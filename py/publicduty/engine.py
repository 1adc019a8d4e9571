"""One clingo program holding every view and every claim: ground once, solve many.

The engine loads the logic files and grounds, beside them, the claims a command reads as
stated (``given``: plain facts passed through the grounding context, so the grounding
settles their holdings) and as many live slots as it needs (``live``: externals, so a
what-if or a batch reassigns a slot's facts and solves again without grounding). Case
text never becomes program text: ids travel as ``clingo.String`` symbols and fact names
as constants.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
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

    def claims(self) -> frozenset[ClaimKey]:
        """The claims this answer holds (each has a holding under every view)."""
        return frozenset(key for _, key in self.holdings)

    def renamed(self, names: Mapping[ClaimKey, ClaimKey]) -> Answer:
        """The same answer, with the claims in ``names`` called by their new names."""
        def name(key: ClaimKey) -> ClaimKey:
            return names.get(key, key)
        return replace(self, holdings={(v, name(k)): h for (v, k), h in self.holdings.items()},
                       rests_on={(v, name(k)): r for (v, k), r in self.rests_on.items()},
                       support={(v, name(k), g): r for (v, k, g), r in self.support.items()},
                       holds={(v, name(k)): r for (v, k), r in self.holds.items()},
                       blocked={(v, name(k)): r for (v, k), r in self.blocked.items()},
                       met={(m, name(k)): g for (m, k), g in self.met.items()})

    @classmethod
    def union(cls, parts: Sequence[Answer]) -> Answer:
        """One answer for the claims of all ``parts``, answers of the same law for different claims."""
        first = parts[0]
        if len(parts) == 1:
            return first

        def joined(rows: Callable[[Answer], Mapping[Any, Any]]) -> dict[Any, Any]:
            out: dict[Any, Any] = {}
            for part in parts:
                out.update(rows(part))
            return out
        return replace(first, holdings=joined(lambda a: a.holdings), rests_on=joined(lambda a: a.rests_on),
                       support=joined(lambda a: a.support), holds=joined(lambda a: a.holds),
                       blocked=joined(lambda a: a.blocked), met=joined(lambda a: a.met))

    def overridden_by(self, other: Answer) -> Answer:
        """The answer with ``other``'s claims answered as ``other`` answers them (the law is the same)."""
        theirs = other.claims()

        def kept(rows: Mapping[Any, Any]) -> dict[Any, Any]:
            return {key: row for key, row in rows.items() if key[1] not in theirs}
        return replace(self, holdings=kept(self.holdings) | other.holdings,
                       rests_on=kept(self.rests_on) | other.rests_on,
                       support=kept(self.support) | other.support,
                       holds=kept(self.holds) | other.holds,
                       blocked=kept(self.blocked) | other.blocked,
                       met=kept(self.met) | other.met)


#: How many states' answers an engine keeps (the claims as given, and a few what-ifs).
_KEPT_ANSWERS = 4

#: The facts of a claim, by name: true, false or unknown.
Facts = Mapping[str, Truth]


def _slot(number: int) -> clingo.Symbol:
    """The live claim slot ``number``, as the solver names it."""
    return clingo.Function("slot", [clingo.Number(number)])


def _slot_key(number: int) -> ClaimKey:
    """The live claim slot ``number`` as an answer names it until it is renamed ('' is never a case id)."""
    return ClaimKey("", f"slot {number}")


class _Given:
    """The grounding context of the ``given`` part: the given claims and their facts, as symbols."""

    def __init__(self, claims: Mapping[ClaimKey, Facts]) -> None:
        self._claims = claims

    def given(self) -> list[clingo.Symbol]:
        return [key.symbol for key in self._claims]

    def alleged(self) -> list[clingo.Symbol]:
        return self._pairs(Truth.TRUE)

    def unknown(self) -> list[clingo.Symbol]:
        return self._pairs(Truth.UNKNOWN)

    def _pairs(self, truth: Truth) -> list[clingo.Symbol]:
        return [clingo.Tuple_([key.symbol, clingo.Function(name)])
                for key, facts in self._claims.items() for name, value in facts.items() if value is truth]


class Engine:
    """A grounded program over fixed logic files: the views first, then claims given once and slots for live ones.

    Grounding is in two steps, so that the declarations (the vocabulary a case file is checked
    against) can be read before any claim is known: the views, then (``ground_claims``) the
    claims. Given claims are grounded as plain facts, so grounding settles their holdings and
    a solve only reads them; live claims are slots whose facts are externals, so that a
    what-if or a batch reassigns them and solves again without grounding anything.
    """

    def __init__(self, files: Iterable[Path], options: Iterable[str] = (), catalogue: Catalogue | None = None,
                 parts: Sequence[tuple[str, Sequence[clingo.Symbol]]] = (), suspendable: bool = False) -> None:
        """Load ``files``, ground the views (with any other ``parts``), and read the catalogue (unless given).

        ``suspendable``: ground the rules so that they can be set aside (see suspend).
        """
        self._messages: list[str] = []
        self.control = clingo.Control(list(options), logger=self._log)
        self.suspendable = suspendable
        self._guard(lambda: self._load(files))
        grounded = [("base", []), *parts, *([("suspendable", [])] if suspendable else [])]
        self._guard(lambda: self.control.ground(grounded))
        self.catalogue = catalogue or Catalogue.read(self.control)
        self.claims: tuple[ClaimKey, ...] = ()
        self.slots = 0
        self._claims_grounded = False
        #: Every argument of a shown atom read so far and, for a live engine, every shown atom (see _Atoms).
        self._values: dict[clingo.Symbol, Any] = {}
        self._atoms: dict[clingo.Symbol, tuple[str, tuple[Any, ...]]] | None = {}
        #: The answers of the last few states solved (see solve), and the rules now set aside.
        self._answers: OrderedDict[Hashable, Answer] = OrderedDict()
        self._suspended: frozenset[str] = frozenset()
        #: The externals now true in each slot, as (alleged | unknown, fact); clingo starts all false.
        self._true: list[frozenset[tuple[str, str]]] = []

    def ground_claims(self, given: Mapping[ClaimKey, Facts] | None = None, slots: int = 0) -> Engine:
        """Ground the claims, once: the ``given`` claims with their facts, and ``slots`` live slots."""
        if self._claims_grounded:
            raise ValueError("an engine grounds its claims once")
        given = dict(sorted((given or {}).items()))
        grounded = [("claims", []), *([("given", [])] if given else []),
                    *(("live", [clingo.Number(n)]) for n in range(slots))]
        watchdog.doing(f"grounding {len(given)} claims")
        self._guard(lambda: self.control.ground(grounded, context=_Given(given)))
        self._claims_grounded = True
        self.claims, self.slots = tuple(given), slots
        self._true = [frozenset()] * slots
        self._atoms = None if given else {}  # an engine of given claims is solved once (see _Atoms)
        self._answers.clear()  # the program has grown
        return self

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

    def _fill(self, number: int, facts: Facts) -> None:
        """Give live slot ``number`` these facts; facts not mentioned are not alleged.

        Only the externals whose truth changes are reassigned: a what-if that moves one fact
        costs one or two assignments, and a slot's first filling one per stated fact.
        """
        wanted = frozenset(("alleged" if value is Truth.TRUE else "unknown", name) for name, value in facts.items()
                           if value is not Truth.FALSE and name in self.catalogue.inputs)
        slot = _slot(number)
        for kind, name in self._true[number] ^ wanted:
            self.control.assign_external(clingo.Function(kind, [slot, clingo.Function(name)]), (kind, name) in wanted)
        self._true[number] = wanted

    def suspend(self, rules: Iterable[str]) -> None:
        """Set these rules aside, and restore every other: to ask what the views would hold without them."""
        if not self.suspendable:
            raise ValueError("this engine was grounded without the part that sets rules aside")
        self._suspended = frozenset(rules)
        for rule in self.catalogue.rules:
            self.control.assign_external(clingo.Function("suspended", [clingo.String(rule)]), rule in self._suspended)

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

    def solve(self, live: Mapping[ClaimKey, Facts] | None = None) -> Answer:
        """The answer for the given claims and, each in a slot of its own, the ``live`` claims with these facts.

        A state is solved once: the last few states' answers are kept, keyed by what is live
        and what is set aside, so going back to a state (the claims as given, after a what-if)
        costs a lookup, not a solve.
        """
        live = dict(live or {})
        if len(live) > self.slots:
            raise ValueError(f"{len(live)} live claims, but the engine has {self.slots} slots")
        state = (frozenset((key, frozenset(facts.items())) for key, facts in live.items()), self._suspended)
        if state in self._answers:
            self._answers.move_to_end(state)
            return self._answers[state]
        for number in range(self.slots):
            self._fill(number, list(live.values())[number] if number < len(live) else {})
        names = {_slot_key(number): key for number, key in enumerate(live)}
        answer = self._solve([*self.claims, *names]).renamed(names)
        self._answers[state] = answer
        if len(self._answers) > _KEPT_ANSWERS:
            self._answers.popitem(last=False)
        return answer

    def _last_model(self) -> list[clingo.Symbol] | None:
        """The shown atoms of the last model the solve enumerates (in brave mode: the consequences)."""
        shown = None
        with self.control.solve(yield_=True) as handle:
            for model in handle:
                shown = model.symbols(shown=True)
        return shown

    def _solve(self, claims: Sequence[ClaimKey]) -> Answer:
        """Solve the program as currently assigned: what holds in some reading, and so in every.

        One brave solve suffices: for claims with unknown facts the doctrine shows each holding's
        complement too (``no_duty``, ``no_duty_on``, ``unmet``), and a thing holds in every reading
        exactly when its complement holds in none; a claim without unknown facts has one reading.
        """
        some = _Atoms(self.consequences("brave"), self._values, self._atoms)
        holdings: dict[tuple[str, ClaimKey], str] = {}
        undecided = set(some.rows("no_duty"))
        for view in self.catalogue.views:
            for key in claims:
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
        met: dict[tuple[str, ClaimKey], set[str]] = {(r, key): set() for r in (EVERY, SOME) for key in claims}
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
    if symbol.name == "slot" and len(symbol.arguments) == 1:
        return _slot_key(symbol.arguments[0].number)
    return symbol.name


class _Atoms:
    """Shown atoms grouped by predicate, their arguments read as plain values.

    Reading a symbol through clingo's API costs a call for each part of it, and the parts
    repeat (a few views, rules, grounds and claims): ``values`` keeps each argument read
    before, so an atom costs its name, its argument list and a lookup per argument. An engine
    solved again and again (a live one: what-ifs, batches) also keeps each whole atom read
    before in ``atoms``, so a what-if pays one lookup per atom; an engine of given claims
    solves once, where keeping every atom would only hold memory.
    """

    def __init__(self, symbols: Iterable[clingo.Symbol], values: dict[clingo.Symbol, Any],
                 atoms: dict[clingo.Symbol, tuple[str, tuple[Any, ...]]] | None) -> None:
        self._by_name: dict[str, list[tuple[Any, ...]]] = {}
        for symbol in symbols:
            decoded = None if atoms is None else atoms.get(symbol)
            if decoded is None:
                row = []
                for argument in symbol.arguments:
                    value = values.get(argument)
                    if value is None:
                        value = values[argument] = _plain(argument)
                    row.append(value)
                decoded = (symbol.name, tuple(row))
                if atoms is not None:
                    atoms[symbol] = decoded
            self._by_name.setdefault(decoded[0], []).append(decoded[1])

    def rows(self, name: str) -> list[tuple[Any, ...]]:
        """The arguments of every shown ``name`` atom."""
        return self._by_name.get(name, [])
