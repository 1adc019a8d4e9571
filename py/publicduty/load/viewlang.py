"""The view language, sealed: what a user's view file may say, checked with clingo's own parser.

A view states facts: its identity (``view/1``, ``view_*/2``), its rules (``rule/3``
with their ``cite``, ``quote``, ``says``, conditions and priorities) and perhaps
grounds of its own. It never defines the engine's predicates: one line such as
``holds("warren-majority", R, K) :- rule(R, _, _), claim(K).`` would otherwise make a built-in
view hold what its opinion never held, and ``check`` would see nothing wrong. So a
user file (one loaded with ``--logic``; the shipped ``logic/`` is trusted) may hold
only facts of the predicates below, with names, strings, numbers and pools as
arguments, and only about its own views and rules. Every command runs this check
through :func:`publicduty.load.lint.check`, as ``check`` does, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import clingo
from clingo import ast

from publicduty.errors import UNSAFE, Problem

#: The facts a view may state, by name and arity.
VIEW_FACTS = frozenset({
    ("view", 1), ("view_label", 2), ("view_kind", 2), ("view_case", 2), ("view_citation", 2), ("view_court", 2),
    ("view_year", 2), ("view_author", 2), ("view_joined", 2), ("rule", 3), ("cite", 2), ("quote", 3), ("says", 2),
    ("reconstructed", 2), ("tension", 4), ("when", 2), ("unless", 2), ("prevails", 2), ("annotation", 2),
    ("ground", 2), ("element", 2), ("input", 2), ("reporter_text", 2),
})

#: Facts about a view, by the view they name first.
_OF_VIEW = frozenset({"view_label", "view_kind", "view_case", "view_citation", "view_court", "view_year",
                      "view_author", "view_joined", "tension"})

#: Facts about a rule, by the rule they name first.
_OF_RULE = frozenset({"cite", "quote", "says", "reconstructed", "when", "unless", "annotation", "prevails"})

#: One statement may stand for at most this many facts (pools multiply).
MAX_FACTS = 10_000

_LISTED = ", ".join(f"{name}/{arity}" for name, arity in sorted(VIEW_FACTS))

_SHAPES = {
    ast.ASTType.Aggregate: "a choice rule",
    ast.ASTType.Disjunction: "a disjunction",
}

_DIRECTIVES = {
    ast.ASTType.ShowSignature: "#show", ast.ASTType.ShowTerm: "#show", ast.ASTType.Defined: "#defined",
    ast.ASTType.Definition: "#const", ast.ASTType.External: "#external", ast.ASTType.Heuristic: "#heuristic",
    ast.ASTType.Minimize: "#minimize", ast.ASTType.Edge: "#edge", ast.ASTType.ProjectAtom: "#project",
    ast.ASTType.ProjectSignature: "#project", ast.ASTType.Script: "#script", ast.ASTType.TheoryDefinition: "#theory",
}

_FACTS_ONLY = "a view states facts only: rule(Id, View, Effect) with when/2 and unless/2 for its conditions"


@dataclass(frozen=True)
class Fact:
    """One fact a file states, after pools are expanded, and its line."""

    symbol: clingo.Symbol
    line: int


@dataclass
class Declarations:
    """What each loaded file declares: views, rules and grounds, by the file that declares them."""

    views: dict[clingo.Symbol, str] = field(default_factory=dict)
    rules: dict[clingo.Symbol, str] = field(default_factory=dict)
    grounds: dict[clingo.Symbol, str] = field(default_factory=dict)

    def add(self, path: str, facts: Iterable[Fact]) -> None:
        """Record what the facts of ``path`` declare (the first file to declare a name keeps it)."""
        for fact in facts:
            kind = {"view": self.views, "rule": self.rules, "ground": self.grounds}.get(fact.symbol.name)
            if kind is not None:
                kind.setdefault(fact.symbol.arguments[0], path)


def facts(text: str) -> list[Fact]:
    """The ground facts of a logic text (rules with bodies and non-ground heads are skipped)."""
    out: list[Fact] = []

    def statement(stm: ast.AST) -> None:
        if stm.ast_type == ast.ASTType.Rule and not stm.body and stm.head.ast_type == ast.ASTType.Literal:
            out.extend(_ground(stm))

    _parse(text, statement)
    return out


def heads(text: str) -> set[tuple[str, int]]:
    """The predicates the rules and externals of a logic text define: the engine's own, for a builtin file."""
    out: set[tuple[str, int]] = set()

    def statement(stm: ast.AST) -> None:
        atom = None
        if stm.ast_type == ast.ASTType.Rule and stm.head.ast_type == ast.ASTType.Literal:
            atom = stm.head.atom
        elif stm.ast_type == ast.ASTType.External:
            atom = stm.atom
        if atom is not None and atom.ast_type == ast.ASTType.SymbolicAtom \
                and atom.symbol.ast_type == ast.ASTType.Function:
            out.add((atom.symbol.name, len(atom.symbol.arguments)))

    _parse(text, statement)
    return out


def check(path: Path, text: str, declared: Declarations, engine: set[tuple[str, int]]
          ) -> tuple[list[Problem], list[Fact]]:
    """Every way the user's view file ``path`` (of ``text``) says more than a view may, and the facts it may say.

    ``declared`` holds what every loaded file declares, this one included; ``engine`` the
    predicates the built-in logic defines. A file clingo cannot parse yields no problem
    here: clingo's own message says where it breaks.
    """
    where = str(path)
    problems: list[Problem] = []
    stated: list[Fact] = []

    def statement(stm: ast.AST) -> None:
        line = stm.location.begin.line
        problem = _statement(stm, engine)
        if problem is not None:
            problems.append(Problem(where, line, *problem))
        elif stm.ast_type == ast.ASTType.Rule and stm.head.ast_type == ast.ASTType.Literal:
            stated.extend(_ground(stm))

    if not _parse(text, statement):
        return [], []
    foreign = _ownership(where, stated, declared)
    problems += _unprintable(where, stated)  # such a fact is refused, but harmless to the checks of the logic
    return problems + [problem for problem, _ in foreign], [f for f in stated if f not in {f for _, f in foreign}]


def _parse(text: str, callback: object) -> bool:
    """Parse ``text`` statement by statement; False if clingo cannot parse it."""
    try:
        ast.parse_string(text, callback, logger=lambda _code, _text: None)  # type: ignore[arg-type]
    except RuntimeError:
        return False
    return True


def _statement(stm: ast.AST, engine: set[tuple[str, int]]) -> tuple[str, str] | None:
    """What is wrong with one statement of a view file, as (what, fix), or None."""
    kind = stm.ast_type
    if kind == ast.ASTType.Comment:
        return None
    if kind == ast.ASTType.Program:
        if stm.name == "base" and not stm.parameters:
            return None
        return f"#program {stm.name} in a view file: a view is one program", _FACTS_ONLY
    if kind != ast.ASTType.Rule:
        directive = _DIRECTIVES.get(kind, "a directive")
        return f"{directive} in a view file: a view may not direct the solver", _FACTS_ONLY
    head = stm.head
    shape = _SHAPES.get(head.ast_type)
    if head.ast_type == ast.ASTType.Literal and head.atom.ast_type == ast.ASTType.BooleanConstant:
        shape = "an integrity constraint"
    if shape:
        return (f"{shape} in a view file: a view's holdings must not depend on which answer the solver finds",
                _FACTS_ONLY)
    if head.ast_type != ast.ASTType.Literal or head.sign != ast.Sign.NoSign \
            or head.atom.ast_type != ast.ASTType.SymbolicAtom:
        return "a view may state only view facts; this head is not one", _FACTS_ONLY
    symbol = head.atom.symbol
    for atom in symbol.arguments if symbol.ast_type == ast.ASTType.Pool else [symbol]:  # p(a;b) is p(a), p(b)
        problem = _atom(atom, engine, bool(stm.body))
        if problem is not None:
            return problem
    if _count(symbol) > MAX_FACTS:
        return f"the pools of this fact stand for more than {MAX_FACTS} facts", "write fewer alternatives"
    return None


def _atom(atom: ast.AST, engine: set[tuple[str, int]], body: bool) -> tuple[str, str] | None:
    """What is wrong with one head atom of a view file, as (what, fix), or None."""
    if atom.ast_type != ast.ASTType.Function or atom.external:
        return "a view may state only view facts; this head is not one", _FACTS_ONLY
    name, arity = atom.name, len(atom.arguments)
    if (name, arity) not in VIEW_FACTS:
        if (name, arity) in engine:
            return (f"a view may state only view facts; `{name}/{arity}` is the engine's own",
                    "write a rule(...) fact instead")
        return f"a view may state only view facts; `{name}/{arity}` is not one", f"state only {_LISTED}"
    if body:
        return f"a rule with a body in a view file: `{name}/{arity}` would be derived, not stated", _FACTS_ONLY
    for argument in atom.arguments:
        problem = _term(argument)
        if problem:
            return f"`{name}/{arity}` holds {problem}; a view fact may hold only names, strings, numbers and pools", \
                "write the value out"
    return None


def _term(term: ast.AST) -> str:
    """What a fact's argument holds that a fact may not ('' if nothing)."""
    kind = term.ast_type
    if kind == ast.ASTType.SymbolicTerm:
        return ""
    if kind == ast.ASTType.Function:
        return next((p for p in map(_term, term.arguments) if p), "")
    if kind == ast.ASTType.Pool:
        return next((p for p in map(_term, term.arguments) if p), "")
    return {ast.ASTType.Variable: "a variable", ast.ASTType.Interval: "an interval"}.get(kind, "an operation")


def _count(term: ast.AST) -> int:
    """How many facts a term stands for once its pools are expanded (without expanding them)."""
    if term.ast_type == ast.ASTType.Pool:
        return sum(_count(t) for t in term.arguments)
    if term.ast_type == ast.ASTType.Function:
        total = 1
        for argument in term.arguments:
            total *= _count(argument)
            if total > MAX_FACTS:
                return total
        return total
    return 1


def _ground(stm: ast.AST) -> Iterator[Fact]:
    """The facts a rule without a body states, pools expanded; none if a head is not ground."""
    head = stm.head
    if head.atom.ast_type != ast.ASTType.SymbolicAtom or _count(head.atom.symbol) > MAX_FACTS:
        return
    for fact in stm.unpool():
        try:
            symbol = clingo.parse_term(str(fact.head), logger=lambda _code, _text: None)
        except RuntimeError:
            continue  # not a ground term: an interval, a variable, an operation
        if symbol.type == clingo.SymbolType.Function and symbol.arguments:
            yield Fact(symbol, stm.location.begin.line)


def _ownership(path: str, stated: list[Fact], declared: Declarations) -> list[tuple[Problem, Fact]]:
    """The facts of ``path`` that speak of another file's views, rules or grounds."""
    own_views = {f.symbol.arguments[0] for f in stated if f.symbol.name == "view"}
    own_rules = {f.symbol.arguments[0] for f in stated if f.symbol.name == "rule"}
    out = []
    for fact in stated:
        name, arguments = fact.symbol.name, fact.symbol.arguments
        subject = arguments[0]
        problem = None
        if name == "rule" and arguments[1] not in own_views:
            problem = (f"rule {_word(subject)!r} is put in rule set {_word(arguments[1])!r}, which this file does "
                       "not declare", f"declare view({arguments[1]}) in this file, or name one of its views")
        elif name in _OF_VIEW and subject not in own_views:
            problem = _foreign(name, "view", subject, declared.views)
        elif name in _OF_RULE and subject not in own_rules:
            problem = _foreign(name, "rule", subject, declared.rules)
        elif name == "element" and subject in declared.grounds and declared.grounds[subject] != path:
            problem = (f"element/2 adds to ground {_word(subject)!r} of {declared.grounds[subject]}: "
                       "a view may not change another file's grounds", "declare a ground of your own with ground/2")
        if problem is not None:
            out.append((Problem(path, fact.line, *problem), fact))
    return out


def _unprintable(path: str, stated: list[Fact]) -> list[Problem]:
    """The facts whose strings hold a line break or another control character (an escape in the file).

    A view's words are printed in tables, outlines and reports, each on its line.
    """
    out = []
    for fact in stated:
        if any(UNSAFE.search(text) for text in _strings(fact.symbol)):
            out.append(Problem(path, fact.line, f"`{fact.symbol.name}/{len(fact.symbol.arguments)}` holds a string "
                               "with a line break or another control character", "write the text on one line"))
    return out


def _strings(symbol: clingo.Symbol) -> Iterator[str]:
    if symbol.type == clingo.SymbolType.String:
        yield symbol.string
    elif symbol.type == clingo.SymbolType.Function:
        for argument in symbol.arguments:
            yield from _strings(argument)


def _foreign(predicate: str, what: str, subject: clingo.Symbol, owners: Mapping[clingo.Symbol, str]
             ) -> tuple[str, str] | None:
    """A fact about a view or rule this file does not declare: another file's, or nobody's."""
    owner = owners.get(subject)
    if owner is None:
        if predicate == "prevails":
            return (f"prevails/2 names rule {_word(subject)!r} first, which this file does not declare",
                    "a rule of this file must come first; the second may be any rule")
        return None  # declared nowhere: the checks of the logic name it (a missing cite, an undeclared rule)
    return (f"{predicate}/{_ARITY[predicate]} speaks of {what} {_word(subject)!r} of {owner}: a view may state "
            f"facts only of its own {what}s", f"declare a {what} of your own in this file")


_ARITY = dict(VIEW_FACTS)


def _word(symbol: clingo.Symbol) -> str:
    return symbol.string if symbol.type == clingo.SymbolType.String else str(symbol)
