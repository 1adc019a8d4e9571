"""Views with negation, exceptions and priorities: the engine, flip and disagree against brute force.

Hypothesis writes two views over ten facts (rules for and against grounds, with `when`
and `unless` conditions and priorities between them). The brute force is a table: one
engine over the same logic with a claim for each of the 2^10 ways of setting the ten
facts, every fact known (so each has one reading and one answer). A claim's holding in
one reading is the table's holding for that reading's facts.

- Unknown facts: a claim is a duty when the table says duty in every completion of its
  unknown facts, open in some, no duty in none (item 3 of the issue on defeasible rules).
- Flips: every set of changes, each fact kept or set to another value, is judged by the
  table in every completion; the subset-minimal ones are exactly what ``flip`` finds.
- Disagreements: the subset-minimal fact patterns on which the table's two views part are
  exactly what ``disagree`` finds over the ten facts.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import clingo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publicduty.analyses.disagree import disagreements
from publicduty.analyses.flip import minimal_flips
from publicduty.model.answer import ClaimKey
from publicduty.model.case import Truth
from publicduty.solve.casebook import Casebook
from publicduty.solve.engine import Engine

#: The facts the generated views read (public_defendant: the baseline's public duty rule;
#: affirmative_negligence: its ordinary negligence).
FACTS = ("affirmative_negligence", "control_of_danger", "custody_of_claimant", "government_hazard",
         "identifiable_victim", "in_foreseeable_class", "knew_of_danger", "public_defendant",
         "requested_help", "statute_protects_class")
#: The facts a case file states for a claimant; public_defendant comes from its defendants.
STATED = tuple(f for f in FACTS if f != "public_defendant")
#: Grounds whose elements are all among FACTS.
GROUNDS = ("custodial_care", "duty_to_foreseeable_class", "known_risk_to_identifiable_victim", "request_for_aid",
           "special_knowledge")
VIEWS = ("gen-a", "gen-b")
TRUTHS = (Truth.TRUE, Truth.FALSE, Truth.UNKNOWN)


@dataclass(frozen=True)
class Rule:
    """A generated rule: for or against a ground, with conditions, and the earlier rules it prevails over."""

    id: str
    view: str
    against: bool
    ground: str
    when: tuple[str, ...]
    unless: tuple[str, ...]
    prevails: tuple[str, ...]


def _text(value: str) -> str:
    return str(clingo.String(value))


def view_file(rules: Sequence[Rule]) -> str:
    """The two generated views, as a view file (written with clingo's own quoting)."""
    lines = []
    for view in VIEWS:
        lines += [f"view({_text(view)}).", f"view_label({_text(view)}, \"generated\").",
                  f"view_kind({_text(view)}, dissent).", f"view_case({_text(view)}, \"table\").",
                  f"view_citation({_text(view)}, \"hypothetical\").", f"view_court({_text(view)}, \"none\").",
                  f"view_year({_text(view)}, 2026).", f"view_author({_text(view)}, \"Nobody\").",
                  f"rule({_text(view + ':adopts')}, {_text(view)}, adopts(\"baseline\")).",
                  f"cite({_text(view + ':adopts')}, \"hypothetical\"). says({_text(view + ':adopts')}, \"x\")."]
    for rule in rules:
        effect = f"rejects({rule.ground})" if rule.against else f"recognises({rule.ground})"
        lines += [f"rule({_text(rule.id)}, {_text(rule.view)}, {effect}).",
                  f"cite({_text(rule.id)}, \"hypothetical\"). says({_text(rule.id)}, \"x\")."]
        lines += [f"when({_text(rule.id)}, {f})." for f in rule.when]
        lines += [f"unless({_text(rule.id)}, {f})." for f in rule.unless]
        lines += [f"prevails({_text(rule.id)}, {_text(loser)})." for loser in rule.prevails]
    return "\n".join(lines) + "\n"


@st.composite
def generated_rules(draw: st.DrawFn) -> list[Rule]:
    """Up to five rules a view; a later rule may prevail over an earlier one of the other side (so
    priorities never form a cycle), and must where the two are for and against the same ground."""
    rules: list[Rule] = []
    for view in VIEWS:
        mine: list[Rule] = []
        for i in range(draw(st.integers(1, 5))):
            against = draw(st.booleans())
            ground = draw(st.sampled_from(GROUNDS))
            conditions = draw(st.lists(st.sampled_from(FACTS), max_size=2, unique=True))
            split = draw(st.integers(0, len(conditions)))
            opposite = [r for r in mine if r.against != against]
            must = [r.id for r in opposite if r.ground == ground]
            may = draw(st.lists(st.sampled_from([r.id for r in opposite]), unique=True)) if opposite else []
            mine.append(Rule(f"{view}:r{i}", view, against, ground, tuple(conditions[:split]),
                             tuple(conditions[split:]), tuple(sorted({*must, *may}))))
        rules += mine
    return rules


def assignments() -> Iterator[dict[str, bool]]:
    """Every way of setting the ten facts."""
    for values in itertools.product((False, True), repeat=len(FACTS)):
        yield dict(zip(FACTS, values, strict=True))


def _claimant(claimant_id: str, facts: dict[str, Truth]) -> str:
    listed = ", ".join(f"{name}: {{value: {value.value}, source: hypothetical}}" for name, value in facts.items())
    return f"  - {{id: {claimant_id}, name: generated, facts: {{{listed}}}}}\n"


def case_file(case_id: str, public: bool, claimants: str) -> str:
    return (f"id: {case_id}\ntitle: generated\ncitation: hypothetical\ncourt: none\ndecided: \"2026\"\n"
            f"posture: generated\ndefendants:\n  - {{id: d, name: a defendant, public: {str(public).lower()}}}\n"
            f"claimants:\n{claimants}")


def build(folder: Path, rules: Sequence[Rule], claims: Sequence[dict[str, Truth]]) -> Casebook:
    """A casebook of the two views and ``claims`` (against a public defendant)."""
    (folder / "logic").mkdir()
    (folder / "logic" / "views.lp").write_text(view_file(rules))
    (folder / "cases").mkdir()
    asked = "".join(_claimant(f"c{i}", facts) for i, facts in enumerate(claims))
    (folder / "cases" / "asked.yaml").write_text(case_file("asked", True, asked))
    return Casebook(logic_dirs=[folder / "logic"], case_dirs=[folder / "cases"], builtin_cases=False,
                    builtin_views=False)


class Table:
    """Each view's holding for every setting of the ten facts: an engine of its own, one claim a setting."""

    def __init__(self, book: Casebook) -> None:
        settings = [tuple(a[f] for f in FACTS) for a in assignments()]
        keys = {values: ClaimKey("table", "".join("1" if v else "0" for v in values)) for values in settings}
        given = {key: {f: Truth.TRUE if v else Truth.FALSE for f, v in zip(FACTS, values, strict=True)}
                 for values, key in keys.items()}
        answer = Engine(book.logic_files, catalogue=book.catalogue).ground_claims(given).solve()
        self.holding = {(view, values): answer.holdings[(view, key)] for values, key in keys.items()
                        for view in VIEWS}

    def readings(self, view: str, facts: dict[str, Truth]) -> set[str]:
        """The holdings of ``view`` over every completion of the unknown facts in ``facts``."""
        unknown = [f for f in FACTS if facts[f] is Truth.UNKNOWN]
        out = set()
        for values in itertools.product((False, True), repeat=len(unknown)):
            settled = dict(zip(unknown, values, strict=True))
            out.add(self.holding[(view, tuple(settled.get(f, facts[f] is Truth.TRUE) for f in FACTS))])
        return out

    def holds(self, view: str, facts: dict[str, Truth]) -> str:
        found = self.readings(view, facts)
        return found.pop() if len(found) == 1 else "open"


claims_strategy = st.lists(st.fixed_dictionaries({f: st.sampled_from(TRUTHS) for f in STATED}),
                           min_size=1, max_size=3).filter(
    lambda claims: all(sum(v is Truth.UNKNOWN for v in c.values()) <= 7 for c in claims))

#: Each example grounds a table of 1,024 claims (a few tenths of a second): a few in CI, more in the long run.
EXAMPLES = 60 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 6
SLOW = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


def _asked(claim: dict[str, Truth]) -> dict[str, Truth]:
    return {**claim, "public_defendant": Truth.TRUE}


@SLOW
@given(rules=generated_rules(), claims=claims_strategy)
def test_holdings_over_unknown_facts_match_every_completion(tmp_path_factory: object, rules: list[Rule],
                                                            claims: list[dict[str, Truth]]) -> None:
    folder = tmp_path_factory.mktemp("negation")  # type: ignore[attr-defined]
    book = build(folder, rules, claims)
    table = Table(book)
    answer = book.answer()
    for i, claim in enumerate(claims):
        key = ClaimKey("asked", f"c{i}")
        live = book.answer_with(key, book.facts(key))  # the same facts in the live slot: the solver's choice
        for view in VIEWS:
            assert answer.holdings[(view, key)] == live.holdings[(view, key)] == table.holds(view, _asked(claim)), view


def _changes(facts: dict[str, Truth]) -> Iterator[dict[str, Truth]]:
    """Every set of changes: each fact kept, or given another known value."""
    options = [[None, *(t for t in (Truth.TRUE, Truth.FALSE) if t is not facts[f])] for f in FACTS]
    for choice in itertools.product(*options):
        yield {f: t for f, t in zip(FACTS, choice, strict=True) if t is not None}


@SLOW
@given(rules=generated_rules(), claims=claims_strategy)
def test_flips_are_the_minimal_change_sets_of_the_brute_force(tmp_path_factory: object, rules: list[Rule],
                                                              claims: list[dict[str, Truth]]) -> None:
    folder = tmp_path_factory.mktemp("negation")  # type: ignore[attr-defined]
    book = build(folder, rules, claims[:1])
    table = Table(book)
    facts = _asked(claims[0])
    for view in VIEWS:
        holding = table.holds(view, facts)
        targets = {"duty": {"no_duty"}, "no_duty": {"duty"}, "open": {"duty", "no_duty"}}[holding]
        reaching = {}
        for change in _changes(facts):
            result = table.readings(view, {**facts, **change})
            if len(result) == 1 and (reached := next(iter(result))) in targets:
                reaching[frozenset(change.items())] = reached
        minimal = {c: h for c, h in reaching.items() if not any(o < c and reaching[o] == h for o in reaching)}
        found = minimal_flips(book, "asked", "c0", view)
        assert found.holding == holding
        assert {frozenset((c.fact, c.to) for c in f.changes): f.becomes for f in found.flips} == minimal, view


@SLOW
@given(rules=generated_rules())
def test_disagreements_are_the_minimal_parting_patterns_of_the_brute_force(tmp_path_factory: object,
                                                                          rules: list[Rule]) -> None:
    folder = tmp_path_factory.mktemp("negation")  # type: ignore[attr-defined]
    book = build(folder, rules, [dict.fromkeys(STATED, Truth.FALSE)])
    table = Table(book)
    parting = {}
    for a in assignments():
        values = tuple(a[f] for f in FACTS)
        first, second = (table.holding[(v, values)] for v in VIEWS)
        if first != second:
            parting[frozenset(f for f in FACTS if a[f])] = VIEWS[0] if first == "duty" else VIEWS[1]
    minimal = {p: v for p, v in parting.items() if not any(q < p for q in parting)}
    found = disagreements(book, *VIEWS, facts=FACTS)
    assert {frozenset(d.facts): d.duty_view for d in found.patterns} == minimal


def test_every_claim_of_the_case_base_holds_as_its_completions_do(book: Casebook) -> None:
    """Item 3 on the real claims: each holding against a solve of every completion of its unknown facts."""
    answer = book.answer()
    for case in book.cases.values():
        for claimant in case.claimants:
            key = ClaimKey(case.id, claimant.id)
            stated = book.facts(key)
            unknown = sorted(f for f, v in stated.items() if v is Truth.UNKNOWN)
            seen: dict[str, set[str]] = {view: set() for view in book.views}
            for values in itertools.product((Truth.FALSE, Truth.TRUE), repeat=len(unknown)):
                completed = book.answer_with(key, {**stated, **dict(zip(unknown, values, strict=True))})
                for view in book.views:
                    seen[view].add(completed.holdings[(view, key)])
            for view, holdings in seen.items():
                assert holdings <= {"duty", "no_duty"}, "a completion has no unknown facts left"
                expected = holdings.pop() if len(holdings) == 1 else "open"
                assert answer.holdings[(view, key)] == expected, (key, view)
