"""Data-driven checks: each expected holding, its grounds, the rules behind them, and the facts.

tests/expected/*.yaml states, per claim and view, the holding and why: the grounds a
duty rests on (with the rules giving it), the grounds the claim meets (in some reading)
on which the view's rules deny a duty (with those rules: rules against the ground that
hold, and rules that defeat the view's own rules for it), and those it is silent on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from publicduty.analyses.explanation import explain
from publicduty.model.answer import CERTAIN, POSSIBLE, SOME, Answer, ClaimKey
from publicduty.solve.casebook import Casebook

EXPECTED = Path(__file__).parent / "expected"


def expectations() -> list[tuple[str, str, str, dict[str, Any]]]:
    out = []
    for path in sorted(EXPECTED.glob("*.yaml")):
        for data in yaml.safe_load_all(path.read_text()):
            for claimant, views in data["claims"].items():
                for view, expected in views.items():
                    out.append((data["case"], claimant, view, expected))
    return out


EXPECTATIONS = expectations()


@pytest.mark.parametrize(("case", "claimant", "view", "expected"), EXPECTATIONS,
                         ids=[f"{c}/{k}/{v}" for c, k, v, _ in EXPECTATIONS])
def test_expected_holding_and_reasons(book: Casebook, answer: Answer, case: str, claimant: str,
                                      view: str, expected: dict[str, Any]) -> None:
    key = ClaimKey(case, claimant)
    why = explain(book.catalogue, answer, book.case(case), claimant, view)
    assert why.holding == answer.holdings[(view, key)] == expected["holding"]

    grounds = expected.get("grounds", {})
    assert {g.name: [r.id for r in g.rules] for g in why.rests_on} == grounds
    rests = answer.rests_on.get((view, key), {})
    for ground in grounds:
        wanted = POSSIBLE if ground in expected.get("possible", []) else CERTAIN
        assert rests[ground] == wanted
        assert set(answer.support[(view, key, ground)]) == set(grounds[ground])
        assert all(r in answer.holds[(view, key)] for r in grounds[ground]), "a rule a duty rests on holds"

    met = answer.met.get((SOME, key), frozenset())
    assert {g.name: [r.id for r in g.rules] for g in why.rejected} == expected.get("rejected", {})
    assert [g.name for g in why.silent] == expected.get("silent", [])
    for ground in [*expected.get("rejected", {}), *expected.get("silent", [])]:
        assert ground in met, f"{ground} should be met on these facts, in some reading"
    for ground in expected.get("silent", []):
        assert (view, ground) not in answer.stance


def test_met_grounds_read_the_facts(book: Casebook, answer: Answer) -> None:
    """A ground is met exactly when every one of its elements is alleged."""
    for case in book.cases.values():
        for claimant in case.claimants:
            key = ClaimKey(case.id, claimant.id)
            for ground in book.catalogue.grounds.values():
                alleged = all(claimant.value(e).value == "true" for e in ground.elements)
                assert (ground.name in answer.met.get(("every", key), frozenset())) == alleged


def test_every_rule_is_exercised_by_an_expectation(book: Casebook) -> None:
    """Each rule that decides (for, against, the default) is asserted somewhere above."""
    used: set[str] = set()
    for _, _, _, expected in EXPECTATIONS:
        for rules in [*expected.get("grounds", {}).values(), *expected.get("rejected", {}).values()]:
            used.update(rules)
    for rule in book.catalogue.rules.values():
        if rule.effect in ("recognises", "rejects", "default"):
            assert rule.id in used, f"rule {rule.id} is not exercised by tests/expected"
