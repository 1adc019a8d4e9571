"""What the logic declares: the input vocabulary, the grounds, the views and their rules.

Everything here is read back from the grounded program's facts, so the words a user
sees (a fact's meaning, a rule's source and plain-English statement) are exactly the
ones written beside the rules in ``logic/``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

import clingo


@dataclass(frozen=True)
class Input:
    """A fact a case may state about a claim."""

    name: str
    meaning: str
    derived: str = ""  # where the engine reads it from, for a fact no case file states; '' if stated


@dataclass(frozen=True)
class Ground:
    """A route to a duty: met when all of its elements are true."""

    name: str
    label: str
    elements: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """A phrase the cited page contains (checked by ``publicduty check-sources``)."""

    cite: str
    text: str


@dataclass(frozen=True)
class Rule:
    """One statement of a rule set, with its authority and its words."""

    id: str
    rule_set: str
    effect: str  # default | recognises | rejects | adopts | drops
    target: str  # the ground, the adopted rule set or the dropped rule; '' for default
    cites: tuple[str, ...]
    quotes: tuple[Quote, ...]
    says: str
    reconstructed: str
    when: tuple[str, ...] = ()  # facts the rule needs besides its ground's elements
    unless: tuple[str, ...] = ()  # facts that keep the rule from applying
    prevails: tuple[str, ...] = ()  # the rules it defeats where both hold
    annotation: str = ""  # why the rule can change no answer; '' if it can

    @property
    def conditions(self) -> str:
        """The rule's own conditions in one line: 'when a, b; unless c', or ''."""
        parts = []
        if self.when:
            parts.append("when " + ", ".join(self.when))
        if self.unless:
            parts.append("unless " + ", ".join(self.unless))
        return "; ".join(parts)

    @property
    def source(self) -> str:
        """The rule's authority in one line."""
        return "; ".join(self.cites) if self.cites else "no source given"


@dataclass(frozen=True)
class View:
    """An opinion modelled as a rule set."""

    id: str
    label: str
    kind: str
    case: str
    citation: str
    court: str
    year: int
    author: str
    joined: tuple[str, ...]


@dataclass(frozen=True)
class Tension:
    """A precedent whose documented holding a view's rules contradict, and why, with a source."""

    view: str
    case: str
    cite: str
    why: str


class Catalogue:
    """All declarations of a loaded logic base, each kind read from the grounded program when first used.

    Solving a case base needs the vocabulary and the views; the rules' words (sources,
    quotes, plain English) only the commands that print them. Reading is from facts of the
    views' grounding, which later groundings of claims into the same program leave alone.
    """

    def __init__(self, control: clingo.Control) -> None:
        """The declarations of the grounded ``control``, read as asked for."""
        self._index = _Index(control)

    @classmethod
    def read(cls, control: clingo.Control) -> Catalogue:
        """The declarations of a grounded ``control``."""
        return cls(control)

    def complete(self) -> Catalogue:
        """Read every kind now: then reading the catalogue never touches the program (safe from any thread)."""
        _ = (self.inputs, self.grounds, self.views, self.rules, self.tensions, self.reporters)
        return self

    @cached_property
    def inputs(self) -> dict[str, Input]:
        """The facts a case may state (or the engine derives), by name."""
        index = self._index
        return {_text(name): Input(_text(name), _text(meaning), index.first("derived", _text(name)))
                for name, meaning in index.rows("input", 2)}

    @cached_property
    def grounds(self) -> dict[str, Ground]:
        """The routes to a duty, by name."""
        elements = self._index.grouped("element", 2)
        return {_text(name): Ground(_text(name), _text(label), tuple(sorted(elements.get(_text(name), ()))))
                for name, label in self._index.rows("ground", 2)}

    @cached_property
    def views(self) -> dict[str, View]:
        """The modelled opinions, by id."""
        return {_text(view): _view(_text(view), self._index) for (view,) in self._index.rows("view", 1)}

    @cached_property
    def rules(self) -> dict[str, Rule]:
        """Every rule of every rule set, by id."""
        return {_text(rule_id): _rule(_text(rule_id), _text(rule_set), effect, self._index)
                for rule_id, rule_set, effect in self._index.rows("rule", 3)}

    @cached_property
    def tensions(self) -> dict[tuple[str, str], Tension]:
        """(view, case) -> where the view's rules and that case's documented holding diverge, declared."""
        return {(_text(view), _text(case)): Tension(_text(view), _text(case), _text(cite), _text(why))
                for view, case, cite, why in self._index.rows("tension", 4)}

    @cached_property
    def reporters(self) -> dict[str, str]:
        """Each reporter ("444 A.2d") -> a phrase that identifies its text (logic/law/sources.lp)."""
        return {_text(reporter): _text(fingerprint) for reporter, fingerprint in self._index.rows("reporter_text", 2)}

    @property
    def stated_inputs(self) -> set[str]:
        """The facts a case file may state for a claimant (the derived ones it may not)."""
        return {name for name, fact in self.inputs.items() if not fact.derived}

    def rules_of(self, rule_set: str) -> Iterator[Rule]:
        """The rules stated in ``rule_set`` itself, in id order."""
        return (r for r in self.rules.values() if r.rule_set == rule_set)

    def lineage(self, view: str) -> list[str]:
        """The view and every rule set it adopts, directly or through another."""
        out = [view]
        for rule_set in out:
            out.extend(r.target for r in self.rules_of(rule_set) if r.effect == "adopts" and r.target not in out)
        return out


class _Index:
    """Facts of the program grouped by predicate, keyed by their first argument.

    Each predicate is read from the grounded program when first asked for, and only
    the ones asked for: a program grounded with many claims holds far more atoms about
    the claims than declarations, and scanning them all costs more than grounding them.
    """

    def __init__(self, control: clingo.Control) -> None:
        self._control = control
        self._facts: dict[tuple[str, int], list[tuple[clingo.Symbol, ...]]] = {}
        self._keyed: dict[tuple[str, int], dict[str, list[tuple[clingo.Symbol, ...]]]] = {}
        self._grouped: dict[tuple[str, int], dict[str, list[str]]] = {}

    def rows(self, name: str, arity: int) -> list[tuple[clingo.Symbol, ...]]:
        if (name, arity) not in self._facts:
            self._facts[(name, arity)] = sorted(
                tuple(atom.symbol.arguments)
                for atom in self._control.symbolic_atoms.by_signature(name, arity) if atom.is_fact)
        return self._facts[(name, arity)]

    def keyed(self, name: str, arity: int) -> dict[str, list[tuple[clingo.Symbol, ...]]]:
        """The rows by their first argument's text, indexed once (rules and views look theirs up)."""
        if (name, arity) not in self._keyed:
            out: dict[str, list[tuple[clingo.Symbol, ...]]] = defaultdict(list)
            for row in self.rows(name, arity):
                out[_text(row[0])].append(row)
            self._keyed[(name, arity)] = dict(out)
        return self._keyed[(name, arity)]

    def grouped(self, name: str, arity: int) -> dict[str, list[str]]:
        """The second arguments' texts by the first's, indexed once."""
        if (name, arity) not in self._grouped:
            self._grouped[(name, arity)] = {key: [_text(row[1]) for row in rows]
                                            for key, rows in self.keyed(name, arity).items()}
        return self._grouped[(name, arity)]

    def first(self, name: str, key: str, default: str = "") -> str:
        rows = self.keyed(name, 2).get(key)
        return _text(rows[0][1]) if rows else default


@lru_cache(maxsize=1 << 16)
def _text(symbol: clingo.Symbol) -> str:
    """A symbol as the text a user wrote: strings unquoted, numbers and constants as is.

    Kept per symbol: a rule's id is read once for each of its facts, and each reading is
    two calls into clingo.
    """
    if symbol.type == clingo.SymbolType.String:
        return symbol.string
    return str(symbol)


def _view(view: str, index: _Index) -> View:
    year = index.first("view_year", view, "0")
    return View(
        id=view,
        label=index.first("view_label", view),
        kind=index.first("view_kind", view),
        case=index.first("view_case", view),
        citation=index.first("view_citation", view),
        court=index.first("view_court", view),
        year=int(year) if year.isdigit() else 0,
        author=index.first("view_author", view),
        joined=tuple(sorted(index.grouped("view_joined", 2).get(view, []))),
    )


def _rule(rule_id: str, rule_set: str, effect: clingo.Symbol, index: _Index) -> Rule:
    quotes = tuple(
        Quote(_text(cite), _text(text))
        for _, cite, text in index.keyed("quote", 3).get(rule_id, [])
    )
    return Rule(
        id=rule_id,
        rule_set=rule_set,
        effect=effect.name,
        target=_text(effect.arguments[0]) if effect.arguments else "",
        cites=tuple(_text(row[1]) for row in index.keyed("cite", 2).get(rule_id, [])),
        quotes=quotes,
        says=index.first("says", rule_id),
        reconstructed=index.first("reconstructed", rule_id),
        when=tuple(sorted(index.grouped("when", 2).get(rule_id, []))),
        unless=tuple(sorted(index.grouped("unless", 2).get(rule_id, []))),
        prevails=tuple(sorted(index.grouped("prevails", 2).get(rule_id, []))),
        annotation=index.first("annotation", rule_id),
    )
