"""The benchmark's baselines give the engine's answers, so its ratios compare like with like."""

from __future__ import annotations

import inspect
from itertools import combinations
from pathlib import Path

import pytest

from publicduty.analyses.disagree import disagreements
from publicduty.bench.floor import case_files, floor
from publicduty.bench.patterns import LeanSolve, numpy_or_none, vectorised
from publicduty.bench.per_case import per_case
from publicduty.bench.replicate import replicate
from publicduty.bench.search_figures import vector_rules
from publicduty.load.inputs import builtin_cases_dir
from publicduty.solve.casebook import Casebook


@pytest.fixture(scope="module")
def book() -> Casebook:
    return Casebook()


def holdings(book: Casebook) -> dict[tuple[str, str, str], str]:
    return {(v, k.case, k.claimant): h for (v, k), h in book.answer().holdings.items()}


def test_floor_and_per_case_scripts_reach_the_engines_holdings(book: Casebook) -> None:
    files = case_files([builtin_cases_dir()])
    assert floor(files) == per_case(files) == holdings(book)
    assert floor(files)[("warren-kelly", "warren", "warren")] == "duty"


def test_replicated_copies_hold_as_their_originals(book: Casebook, tmp_path: Path) -> None:
    claims = replicate(tmp_path, 2)
    assert claims == 2 * len(holdings(book)) // len(book.views)
    copies = floor(case_files([tmp_path]))
    assert len(copies) == 2 * len(holdings(book))
    for (view, case, claimant), holding in holdings(book).items():
        assert copies[(view, f"{case}-r1", claimant)] == holding


def test_lean_solve_reads_each_views_holding(book: Casebook) -> None:
    lean = LeanSolve(sorted(book.catalogue.inputs))
    kelly = {"direct_contact", "assurance_of_protection", "justifiable_reliance"}
    assert lean.holdings(kelly)["warren-kelly"] == "duty"
    assert lean.holdings(kelly)["warren-majority"] == "no_duty"
    assert set(lean.holdings(set()).values()) == {"no_duty"}


def test_numpy_brute_force_finds_the_searchs_minimal_patterns(book: Casebook) -> None:
    """An evaluator of the rules of its own (bit masks, priorities) against the search, over 2^20 patterns."""
    np = numpy_or_none()
    assert np is not None, "the test extra installs NumPy"
    found = vectorised(np, sorted(book.catalogue.inputs), vector_rules(book))
    searched = set()
    for a, b in combinations(book.view_ids(), 2):
        pair = disagreements(book, a, b)
        searched |= {(*sorted(pair.views), p.facts) for p in pair.patterns}
    assert found == searched and found


def test_the_readme_shows_each_baselines_code_as_it_is() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for baseline in (floor, per_case, LeanSolve, vectorised, vector_rules):
        assert inspect.getsource(baseline) in readme, f"README's copy of {baseline.__name__} is stale"
