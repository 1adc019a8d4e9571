"""Check logic files: every problem of every view file, with its file, line and fix.

Four layers, each reported for every file it can reach:

* the text, read by :mod:`publicduty.load.lptext` (regular files only, under the size limit, no
  character that makes clingo panic), then clingo's parser: syntax errors, and facts whose place is needed later;
  in a view file, integrity constraints, choices and disjunctions, which would make a
  holding depend on which answer the solver happens to find (or on none);
* in a user's view file (``sealed``), the view language of :mod:`publicduty.load.viewlang`:
  facts of view predicates only, about the file's own views and rules; a file it
  refuses is set aside, so its rules never reach the grounder;
* clingo's grounder: unsafe variables and any other error it stops on; a view file it
  stops on is set aside and the rest grounded again, so one bad file hides no other;
* the structure of the law, checked by the law: the ``checks`` part of
  ``logic/engine/checks.lp`` derives ``problem(Fact, Kind, Name)``, and this module only finds
  ``Fact`` in the files and words the message and the fix.

Duplicate ids are a matter of text (two equal facts are one atom to the solver), so they
are read from the parsed files.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import clingo
from clingo import ast

from publicduty.errors import InputError, Problem, did_you_mean
from publicduty.load import clingolog, lptext, viewlang
from publicduty.model.catalogue import Catalogue
from publicduty.solve import background

#: Facts whose first argument is an id the rest of the logic refers to, and what to call it.
_IDS = {("rule", 3): "rule id", ("view", 1): "view", ("ground", 2): "ground", ("input", 2): "fact"}

_SHAPES = {
    ast.ASTType.Aggregate: "a choice rule",
    ast.ASTType.Disjunction: "a disjunction",
}


@dataclass(frozen=True)
class Place:
    """Where a fact is written."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class _Text:
    """What the parser tells about the files: facts and their places, and the problems of the text."""

    places: dict[clingo.Symbol, Place] = field(default_factory=dict)
    ids: dict[tuple[str, int, clingo.Symbol], list[Place]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken: set[Path] = field(default_factory=set)
    texts: dict[Path, str] = field(default_factory=dict)
    programs: dict[Path, str] = field(default_factory=dict)  # a refused view's facts, loaded in its place

    def read(self, path: Path, view: bool) -> None:
        """Parse ``path``; in a view file, refuse what makes the answer depend on the solver."""
        messages: list[str] = []
        part = ["base"]

        def statement(stm: ast.AST) -> None:
            if stm.ast_type == ast.ASTType.Program:
                part[0] = stm.name
            elif stm.ast_type == ast.ASTType.Rule and part[0] == "base":
                self._rule(stm, Place(str(path), stm.location.begin.line), view)

        try:
            self.texts[path] = lptext.read(path)
            ast.parse_string(self.texts[path], statement, logger=lambda _code, text: messages.append(text))
        except InputError as err:
            self.broken.add(path)
            self.problems.extend(err.problems)
        except RuntimeError as err:
            self.broken.add(path)
            named = [m.replace("<string>:", f"{path}:") for m in messages]
            self.problems.extend(clingolog.problems(named) or [Problem(str(path), None, f"clingo: {err}")])

    def seal(self, doctrine: Sequence[Path], views: Sequence[Path], sealed: Sequence[Path]) -> None:
        """Refuse what the user's view files ``sealed`` say beyond the view language; keep only their view facts."""
        declared = viewlang.Declarations()
        for path in [*doctrine, *views]:
            if path in self.texts:
                declared.add(str(path), viewlang.facts(self.texts[path]))
        engine = set().union(*(viewlang.heads(self.texts[p]) for p in doctrine if p in self.texts))
        for path in sealed:
            if path in self.texts and path not in self.broken:
                found, accepted = viewlang.check(path, self.texts[path], declared, engine)
                self.problems += found
                if found:  # its checks run on what a view may say, and nothing else reaches the grounder
                    self.programs[path] = "".join(f"{fact.symbol}.\n" for fact in accepted)

    def _rule(self, stm: ast.AST, place: Place, view: bool) -> None:
        head = stm.head
        shape = _SHAPES.get(head.ast_type)
        if head.ast_type == ast.ASTType.Literal and head.atom.ast_type == ast.ASTType.BooleanConstant:
            shape = "an integrity constraint"
        if view and shape:
            self.problems.append(Problem(
                place.path, place.line, f"{shape} in a view file: a view's holdings must not depend on which "
                "answer the solver finds", "state rules and facts only (head :- body.)"))
        if stm.body or head.ast_type != ast.ASTType.Literal:
            return
        for fact in stm.unpool():
            try:
                symbol = clingo.parse_term(str(fact.head), logger=lambda _code, _text: None)
            except RuntimeError:
                continue  # not a ground term (an interval, an operation): nothing to place
            self.places.setdefault(symbol, place)
            key = (symbol.name, len(symbol.arguments))
            if key in _IDS:
                self.ids.setdefault((*key, symbol.arguments[0]), []).append(place)

    def duplicates(self) -> list[Problem]:
        """An id declared more than once, at each later place."""
        out = []
        for (name, arity, ident), places in self.ids.items():
            for place in places[1:]:
                out.append(Problem(place.path, place.line, f"{_IDS[(name, arity)]} {_word(ident)!r} is declared "
                                   f"twice (first at {places[0]})", f"give each {name} its own id"))
        return out

    def place(self, fact: clingo.Symbol) -> tuple[str, int | None]:
        """Where ``fact`` is written, or the logic as a whole if a rule derives it."""
        found = self.places.get(fact)
        return (found.path, found.line) if found else ("<logic>", None)


class Linted:
    """The logic files read and parsed, the user's views held to the view language: the layers before grounding.

    Nothing reaches the grounder before this: a file the text layers refuse is set aside (or,
    for a user's view, replaced by the view facts it may state). When nothing was refused
    (:attr:`clean`), the caller grounds the files as they are, once, with the ``checks`` part,
    and :meth:`check` reads the structural problems from that grounding; otherwise
    :meth:`check` grounds what it can itself, setting aside the files at fault, so that one bad
    file hides no other.
    """

    def __init__(self, doctrine: Sequence[Path], views: Sequence[Path], programs: Sequence[Path] = (),
                 sealed: Collection[Path] = ()) -> None:
        """Read every file; the views in ``sealed`` are the user's, held to the view language."""
        self.doctrine, self.views, self.programs = list(doctrine), list(views), list(programs)
        self.text = text = _Text()
        for path in self.doctrine:
            text.read(path, view=False)
        for path in self.views:
            text.read(path, view=path not in sealed)  # a sealed view's shapes are the view language's to refuse
        for path in self.programs:
            text.read(path, view=False)
        text.seal(self.doctrine, self.views, [p for p in self.views if p in sealed])
        self.problems = [*text.problems, *text.duplicates()]

    @property
    def clean(self) -> bool:
        """Nothing refused or set aside: the files may be grounded as they are."""
        return not self.problems and not self.text.broken and not self.text.programs

    def check(self, grounded: tuple[clingo.Control, Catalogue] | None = None) -> tuple[Catalogue | None, list[Problem]]:
        """The catalogue of what could be grounded (``None`` if not even that) and every problem, layer by layer.

        ``grounded``: the doctrine and views of a :attr:`clean` reading, grounded with the
        ``checks`` part, and their catalogue; without it, this grounds them itself.
        """
        text, problems = self.text, list(self.problems)
        sound = [p for p in self.views if p not in text.broken]
        grounding: list[Problem] = []
        if grounded is not None and self.clean:
            control, catalogue = grounded
        else:
            found, grounding = _ground([*self.doctrine, *sound], sound, [("base", []), ("checks", [])], text.programs)
            problems += grounding
            if found is None:
                return None, problems
            control, catalogue = found, Catalogue.read(found)
        problems += _structure(control, catalogue, text)
        base = [*self.doctrine, *(p for p in sound if str(p) not in {q.path for q in grounding})]
        for path in self.programs:
            if path not in text.broken:
                problems += _ground([*base, path], [path], [("base", [])], text.programs)[1]
        return catalogue, problems


def _ground(files: Sequence[Path], removable: Sequence[Path], parts: Sequence[tuple[str, Sequence[clingo.Symbol]]],
            programs: Mapping[Path, str]) -> tuple[clingo.Control | None, list[Problem]]:
    """Ground ``files``; on errors, report them and try again without the removable files at fault."""
    problems: list[Problem] = []
    remaining = list(files)
    while True:
        control, found = _ground_once(remaining, parts, programs)
        problems += found
        at_fault = {p.path for p in found}
        kept = [p for p in remaining if not (p in removable and str(p) in at_fault)]
        if control is not None or len(kept) == len(remaining):
            return control, problems
        remaining = kept


def _ground_once(files: Sequence[Path], parts: Sequence[tuple[str, Sequence[clingo.Symbol]]],
                 programs: Mapping[Path, str]) -> tuple[clingo.Control | None, list[Problem]]:
    messages: list[str] = []
    control = clingo.Control([], logger=lambda _code, text: messages.append(text))
    try:
        for path in files:
            if path in programs:
                control.add("base", [], programs[path])
            else:
                control.load(str(path))  # read and checked by lptext first
        background.call(lambda: control.ground(parts))
    except RuntimeError as err:
        return None, clingolog.problems(messages) or [Problem("<logic>", None, f"clingo: {err}")]
    return control, []


def _problems(control: clingo.Control) -> list[clingo.Symbol]:
    """The ``problem/3`` atoms of the checks' one answer (without claims, the program has exactly one)."""
    found: list[clingo.Symbol] = []
    with control.solve(yield_=True) as handle:
        for model in handle:
            found = [s for s in model.symbols(atoms=True) if s.match("problem", 3)]
            break
    return sorted(found)


def _word(symbol: clingo.Symbol) -> str:
    """A symbol as the user wrote it, without the quotes of a string."""
    return symbol.string if symbol.type == clingo.SymbolType.String else str(symbol)


def _structure(control: clingo.Control, catalogue: Catalogue, text: _Text) -> list[Problem]:
    """Word each ``problem/3`` the checks part derived, at the place of its fact."""
    rule_sets = {r.rule_set for r in catalogue.rules.values()} | set(catalogue.views)
    names = _Names(catalogue, rule_sets, text)
    out = []
    for symbol in _problems(control):
        fact, kind, name = symbol.arguments
        what, fix = _MESSAGES[kind.name](fact, name, names)
        out.append(Problem(*text.place(fact), what, fix))
    return out


@dataclass(frozen=True)
class _Names:
    """The declared names a fix can suggest, and the places of rules for a conflict."""

    catalogue: Catalogue
    rule_sets: set[str]
    text: _Text


def _subject(fact: clingo.Symbol) -> str:
    """The fact's subject as a message opens: ``rule 'x'``, ``view 'v'``, ``ground 'g'``, or an element as written."""
    return str(fact) if fact.name in _WHOLE else f"{fact.name} {_word(fact.arguments[0])!r}"


#: Facts a message names as written, since their first argument alone does not say which is meant.
_WHOLE = frozenset({"element", "when", "unless", "prevails"})


_Message = Callable[[clingo.Symbol, clingo.Symbol, _Names], tuple[str, str]]


def _undeclared(verb: str, what: str, known: Callable[[_Names], Iterable[str]]) -> _Message:
    """A fact naming something nothing declares; the fix is the closest declared name."""
    return lambda f, n, names: (f"{_subject(f)} {verb} undeclared {what} '{_word(n)}'",
                                did_you_mean(_word(n), known(names)))


def _unstated(predicate: str, placeholder: str) -> _Message:
    """A rule without its ``cite`` or ``says``."""
    return lambda f, n, _: (f"{_subject(f)} has no {predicate}",
                            f"add {predicate}({clingo.String(_word(n))}, \"{placeholder}\")")


_MESSAGES: dict[str, _Message] = {
    "unknown_effect": lambda f, n, _: (
        f"{_subject(f)} has effect '{n}'",
        "use default, recognises(Ground), rejects(Ground), adopts(\"rule set\") or drops(\"rule\")"),
    "undeclared_ground": _undeclared("names", "ground", lambda names: names.catalogue.grounds),
    "undeclared_rule_set": _undeclared("adopts", "rule set", lambda names: names.rule_sets),
    "undeclared_rule": _undeclared("drops", "rule", lambda names: names.catalogue.rules),
    "names_undeclared_rule": _undeclared("names", "rule", lambda names: names.catalogue.rules),
    "unconditional": lambda f, n, _: (
        f"{_subject(f)} puts a condition on rule '{_word(n)}', which only adopts or drops rules",
        "put when/unless on a rule that recognises, rejects or is the default"),
    "same_side": lambda f, n, _: (
        f"{_subject(f)} orders two rules that decide the same way, so it changes nothing",
        "a priority is between a rule for a duty and a rule against one"),
    "priority_cycle": lambda f, n, _: (
        f"{_subject(f)} is part of a priority cycle through rule '{_word(n)}': a claim would have no answer or "
        "several", "remove one of the prevails facts of the cycle"),
    "undeclared_input": _undeclared("requires", "fact", lambda names: names.catalogue.inputs),
    "no_cite": _unstated("cite", "the page it rests on"),
    "no_says": _unstated("says", "the rule in plain English"),
    "unused_rule_set": lambda f, n, names: (
        f"{_subject(f)} is stated in rule set '{_word(n)}', which is no view and which no view adopts",
        did_you_mean(_word(n), names.catalogue.views)),
    "drops_unadopted": lambda f, n, _: (
        f"{_subject(f)} drops rule '{_word(n)}', which its rule set does not adopt",
        "drop a rule of a rule set this one adopts, or remove the drops rule"),
    "no_elements": lambda f, n, _: (
        f"{_subject(f)} has no elements", f"add element({n}, Fact) for each fact the ground requires"),
    "missing_metadata": lambda f, n, _: (
        f"{_subject(f)} has no {n}" + (" (a year, as a number)" if n.name == "view_year" else ""),
        f"add {n}({f.arguments[0]}, ...)"),
    "no_default": lambda f, n, _: (
        f"{_subject(f)} applies no public duty rule",
        f"adopt the baseline: rule(\"{_word(n)}:adopts-baseline\", {n}, adopts(\"baseline\"))"),
    "conflict": lambda f, n, names: _conflict(
        _word(f.arguments[0]), str(n.arguments[0]), _word(n.arguments[1]), _word(n.arguments[2]), names.text),
}


def _conflict(view: str, ground: str, recognising: str, rejecting: str, text: _Text) -> tuple[str, str]:
    def rule(rule_id: str) -> str:
        places = text.ids.get(("rule", 3, clingo.String(rule_id)))
        return f"rule '{rule_id}' ({places[0]})" if places else f"rule '{rule_id}'"

    return (f"view '{view}' both recognises ground '{ground}' by {rule(recognising)} "
            f"and rejects it by {rule(rejecting)}",
            "say which prevails with prevails(\"rule\", \"rule\"), remove one of the two rules, "
            "or drop the adopted one with rule(_, View, drops(\"rule\"))")


def conflicts(files: Sequence[Path], found: Sequence[tuple[str, str, str, str]]) -> list[Problem]:
    """The engine's conflicts (view, ground, recognising rule, rejecting rule), each at its view's place."""
    text = _Text()
    for path in files:
        text.read(path, view=False)
    return [Problem(*text.place(clingo.Function("view", [clingo.String(view)])),
                    *_conflict(view, ground, recognising, rejecting, text))
            for view, ground, recognising, rejecting in found]
