"""The solver's answer for every claim and view, read from the shown atoms part by part.

An answer has parts: the holdings, the grounds a duty rests on and how surely, the rules
that hold and the rules defeated, the grounds met, and what the views say whatever the
claims (stances, priorities, conflicts). Each part is decoded from the atoms the first
time it is read: reading an atom's arguments is most of the cost of an answer, and a
command that prints the holdings only never pays for the rest.

Per claim, everything comes from the solver's brave consequences: what holds in some
reading of the claim's unknown facts, and (by the complements the doctrine shows) what
holds in every one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

import clingo


@dataclass(frozen=True, order=True)
class ClaimKey:
    """A claim: one claimant of one case."""

    case: str
    claimant: str


class Holding(StrEnum):
    """A view's holding for a claim: open where it turns on facts the sources leave unknown."""

    DUTY = "duty"
    NO_DUTY = "no_duty"
    OPEN = "open"  # a duty in some readings of the unknown facts, not in all


class Certainty(StrEnum):
    """How surely a duty rests on a ground: in every reading of the claim's unknown facts, or in some."""

    CERTAIN = "certain"
    POSSIBLE = "possible"


class Reading(StrEnum):
    """The readings of a claim's unknown facts something holds in: every one, or some."""

    EVERY = "every"
    SOME = "some"


class Stance(StrEnum):
    """What a view says of a ground in general (qualified: recognised, with exceptions)."""

    RECOGNISED = "recognised"
    REJECTED = "rejected"
    QUALIFIED = "qualified"
    SILENT = "silent"


class Met(StrEnum):
    """Whether a claim meets a ground: in every reading of its unknown facts, in some, or in none."""

    MET = "met"
    POSSIBLY_MET = "possibly_met"
    NOT_MET = "not_met"


#: The members most often named, under their short names.
CERTAIN, POSSIBLE = Certainty.CERTAIN, Certainty.POSSIBLE
EVERY, SOME = Reading.EVERY, Reading.SOME
MET, POSSIBLY_MET, NOT_MET = Met.MET, Met.POSSIBLY_MET, Met.NOT_MET

#: The parts of an answer; the first six are per claim (the claim second in each key).
_PER_CLAIM = ("holdings", "rests_on", "support", "holds", "blocked", "met")
_PARTS = (*_PER_CLAIM, "conflicts", "stance", "against", "defaults", "beats")


class Answer:
    """Every claim under every view: each part read when first asked for, then kept."""

    __hash__: ClassVar[None]  # type: ignore[assignment]

    def __init__(self, read: Callable[[str], Any]) -> None:
        """An answer whose part ``name`` is ``read(name)``."""
        self._read = read
        self._parts: dict[str, Any] = {}

    def _part(self, name: str) -> Any:
        if name not in self._parts:
            self._parts[name] = self._read(name)
        return self._parts[name]

    @property
    def holdings(self) -> dict[tuple[str, ClaimKey], Holding]:
        """(view, claim) -> duty | no_duty | open."""
        return self._part("holdings")  # type: ignore[no-any-return]

    @property
    def rests_on(self) -> dict[tuple[str, ClaimKey], dict[str, Certainty]]:
        """(view, claim) -> ground -> certain | possible: the grounds a duty rests on, and how surely."""
        return self._part("rests_on")  # type: ignore[no-any-return]

    @property
    def support(self) -> dict[tuple[str, ClaimKey, str], tuple[str, ...]]:
        """(view, claim, ground) -> the rules giving the duty on it."""
        return self._part("support")  # type: ignore[no-any-return]

    @property
    def holds(self) -> dict[tuple[str, ClaimKey], frozenset[str]]:
        """(view, claim) -> the rules (of every kind) that hold in some reading."""
        return self._part("holds")  # type: ignore[no-any-return]

    @property
    def blocked(self) -> dict[tuple[str, ClaimKey], frozenset[tuple[str, str]]]:
        """(view, claim) -> (rule, defeating rule) pairs, in some reading."""
        return self._part("blocked")  # type: ignore[no-any-return]

    @property
    def met(self) -> dict[tuple[Reading, ClaimKey], frozenset[str]]:
        """(every | some, claim) -> the grounds met in every reading, or in some."""
        return self._part("met")  # type: ignore[no-any-return]

    @property
    def conflicts(self) -> tuple[tuple[str, str, str, str], ...]:
        """(view, ground, recognising rule, rejecting rule) with no priority between them."""
        return self._part("conflicts")  # type: ignore[no-any-return]

    @property
    def stance(self) -> dict[tuple[str, str], tuple[Stance, tuple[str, ...]]]:
        """(view, ground) -> (recognised | rejected, the rules that take that stance)."""
        return self._part("stance")  # type: ignore[no-any-return]

    @property
    def against(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """(view, ground) -> the view's rules rejecting it."""
        return self._part("against")  # type: ignore[no-any-return]

    @property
    def defaults(self) -> dict[str, tuple[str, ...]]:
        """View -> its public duty rule(s)."""
        return self._part("defaults")  # type: ignore[no-any-return]

    @property
    def beats(self) -> dict[str, frozenset[tuple[str, str]]]:
        """View -> (winner, loser) pairs of its priorities."""
        return self._part("beats")  # type: ignore[no-any-return]

    def holding(self, view: str, key: ClaimKey) -> Holding:
        """``view``'s holding for claim ``key``."""
        return self.holdings[(view, key)]

    def stance_of(self, view: str, ground: str) -> tuple[Stance, tuple[str, ...]]:
        """What ``view`` says of ``ground`` in general: recognised (by its rules for it), rejected, or silent."""
        return self.stance.get((view, ground), (Stance.SILENT, ()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Answer):
            return NotImplemented
        return all(self._part(name) == other._part(name) for name in _PARTS)

    def claims(self) -> frozenset[ClaimKey]:
        """The claims this answer holds (each has a holding under every view)."""
        return frozenset(key for _, key in self.holdings)

    def renamed(self, names: Mapping[ClaimKey, ClaimKey]) -> Answer:
        """The same answer, with the claims in ``names`` called by their new names."""
        def read(name: str) -> Any:
            part = self._part(name)
            if name not in _PER_CLAIM:
                return part
            return {(first, names.get(key, key), *rest): row for (first, key, *rest), row in part.items()}
        return Answer(read)

    @classmethod
    def union(cls, answers: Sequence[Answer]) -> Answer:
        """One answer for the claims of all ``answers``: answers of the same law for different claims."""
        if len(answers) == 1:
            return answers[0]

        def read(name: str) -> Any:
            if name not in _PER_CLAIM:
                return answers[0]._part(name)
            out: dict[Any, Any] = {}
            for answer in answers:
                out.update(answer._part(name))
            return out
        return cls(read)

    def overridden_by(self, other: Answer) -> Answer:
        """The answer with ``other``'s claims answered as ``other`` answers them (the law is the same)."""
        def read(name: str) -> Any:
            if name not in _PER_CLAIM:
                return self._part(name)
            theirs = other.claims()
            kept = {key: row for key, row in self._part(name).items() if key[1] not in theirs}
            return kept | other._part(name)
        return Answer(read)


def read_answer(atoms: Atoms, claims: Sequence[ClaimKey], views: Iterable[str]) -> Answer:
    """The answer the shown ``atoms`` give for ``claims`` under ``views``, each part decoded when first read.

    For claims with unknown facts the doctrine shows each holding's complement too
    (``no_duty``, ``no_duty_on``, ``unmet``): a thing holds in every reading exactly when
    its complement holds in none; a claim without unknown facts has one reading.
    """
    views = tuple(views)

    def holdings() -> dict[tuple[str, ClaimKey], Holding]:
        out = {(view, key): Holding.NO_DUTY for view in views for key in claims}
        undecided = set(atoms.rows("no_duty"))
        for view, key in atoms.rows("duty"):
            out[(view, key)] = Holding.OPEN if (view, key) in undecided else Holding.DUTY
        return out

    def rests_on() -> dict[tuple[str, ClaimKey], dict[str, Certainty]]:
        out: dict[tuple[str, ClaimKey], dict[str, Certainty]] = {}
        wanting = set(atoms.rows("no_duty_on"))
        for view, key, ground in atoms.rows("duty_on"):
            out.setdefault((view, key), {})[ground] = POSSIBLE if (view, key, ground) in wanting else CERTAIN
        return out

    def support() -> dict[tuple[str, ClaimKey, str], tuple[str, ...]]:
        out: dict[tuple[str, ClaimKey, str], list[str]] = {}
        for view, key, ground, rule in atoms.rows("rests_on"):
            out.setdefault((view, key, ground), []).append(rule)
        return {k: tuple(sorted(rules)) for k, rules in out.items()}

    def holds() -> dict[tuple[str, ClaimKey], frozenset[str]]:
        out: dict[tuple[str, ClaimKey], set[str]] = {}
        for view, rule, key in atoms.rows("holds"):
            out.setdefault((view, key), set()).add(rule)
        return {k: frozenset(v) for k, v in out.items()}

    def blocked() -> dict[tuple[str, ClaimKey], frozenset[tuple[str, str]]]:
        out: dict[tuple[str, ClaimKey], set[tuple[str, str]]] = {}
        for view, rule, key, by in atoms.rows("blocked"):
            out.setdefault((view, key), set()).add((rule, by))
        return {k: frozenset(v) for k, v in out.items()}

    def met() -> dict[tuple[Reading, ClaimKey], frozenset[str]]:
        out: dict[tuple[Reading, ClaimKey], set[str]] = {(r, key): set() for r in Reading for key in claims}
        lacking = set(atoms.rows("unmet"))
        for key, ground in atoms.rows("met"):
            out[(SOME, key)].add(ground)
            if (key, ground) not in lacking:
                out[(EVERY, key)].add(ground)
        return {k: frozenset(v) for k, v in out.items()}

    def stance() -> dict[tuple[str, str], tuple[Stance, tuple[str, ...]]]:
        # A view that recognises a ground at all recognises it (its exceptions aside).
        return {**{k: (Stance.REJECTED, rules) for k, rules in _grouped(atoms.rows("rejected")).items()},
                **{k: (Stance.RECOGNISED, rules) for k, rules in _grouped(atoms.rows("recognised")).items()}}

    def defaults() -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for view, rule in atoms.rows("default_of"):
            out.setdefault(view, []).append(rule)
        return {view: tuple(sorted(rules)) for view, rules in out.items()}

    def beats() -> dict[str, frozenset[tuple[str, str]]]:
        out: dict[str, set[tuple[str, str]]] = {}
        for view, winner, loser in atoms.rows("beats"):
            out.setdefault(view, set()).add((winner, loser))
        return {view: frozenset(pairs) for view, pairs in out.items()}

    readers: dict[str, Callable[[], Any]] = {
        "holdings": holdings, "rests_on": rests_on, "support": support, "holds": holds, "blocked": blocked,
        "met": met, "conflicts": lambda: tuple(sorted(atoms.rows("conflict"))), "stance": stance,
        "against": lambda: _grouped(atoms.rows("rejected")), "defaults": defaults, "beats": beats}
    return Answer(lambda name: readers[name]())


def _grouped(rows: list[tuple[Any, ...]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(view, ground, rule) rows as the rules of each (view, ground), sorted."""
    out: dict[tuple[str, str], list[str]] = {}
    for view, ground, rule in rows:
        out.setdefault((view, ground), []).append(rule)
    return {key: tuple(sorted(rules)) for key, rules in out.items()}


def slot_key(number: int) -> ClaimKey:
    """The live claim slot ``number`` as an answer names it until it is renamed ('' is never a case id)."""
    return ClaimKey("", f"slot {number}")


def _plain(symbol: clingo.Symbol) -> str | ClaimKey:
    """An argument as Python reads it: a claim (by its name in the program), a string, or a constant's name."""
    if symbol.type is clingo.SymbolType.String:
        return symbol.string
    if symbol.name == "slot" and len(symbol.arguments) == 1:
        return slot_key(symbol.arguments[0].number)
    return symbol.name


class Atoms:
    """Shown atoms grouped by predicate, each group's arguments read as plain values when first asked for.

    Reading a symbol through clingo's API costs a call for each part of it, and the parts
    repeat (a few views, rules, grounds and claims): ``values`` keeps each argument read
    before, so an atom costs its argument list and a lookup per argument. An engine solved
    again and again (a live one: what-ifs, batches) also keeps each whole atom read before
    in ``atoms``, so a what-if pays one lookup per atom; an engine of given claims solves
    once, where keeping every atom would only hold memory.

    A decoder of our own rather than clorm's typed predicates: importing clorm 1.6.3 took
    33 ms more than importing clingo alone (0.066 s against 0.033 s, medians of 15 paired
    runs on 2026-12-04), a fifth of ``publicduty views``' 0.16 s; the typing it would give is
    :class:`Answer`'s fields and enums.
    """

    def __init__(self, symbols: Iterable[clingo.Symbol], values: dict[clingo.Symbol, Any],
                 atoms: dict[clingo.Symbol, tuple[Any, ...]] | None) -> None:
        self._values, self._atoms = values, atoms
        self._symbols: dict[str, list[clingo.Symbol]] = {}
        for symbol in symbols:
            self._symbols.setdefault(symbol.name, []).append(symbol)
        self._rows: dict[str, list[tuple[Any, ...]]] = {}

    def rows(self, name: str) -> list[tuple[Any, ...]]:
        """The arguments of every shown ``name`` atom."""
        if name not in self._rows:
            self._rows[name] = [self._read(symbol) for symbol in self._symbols.get(name, [])]
        return self._rows[name]

    def _read(self, symbol: clingo.Symbol) -> tuple[Any, ...]:
        atoms, values = self._atoms, self._values
        row = None if atoms is None else atoms.get(symbol)
        if row is None:
            out = []
            for argument in symbol.arguments:
                value = values.get(argument)
                if value is None:
                    value = values[argument] = _plain(argument)
                out.append(value)
            row = tuple(out)
            if atoms is not None:
                atoms[symbol] = row
        return row
