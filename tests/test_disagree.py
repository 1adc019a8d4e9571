"""Disagreements: the solver's minimal patterns match a brute force over a narrowed vocabulary, and each
pattern really parts the views, for the reason given."""

from __future__ import annotations

import itertools
import json
import shutil

import pytest

from publicduty.analyses.disagree import disagreements
from publicduty.cli.main import main
from publicduty.errors import InputError
from publicduty.load.inputs import builtin_cases_dir
from publicduty.model.answer import ClaimKey
from publicduty.model.case import Truth
from publicduty.solve.casebook import Casebook

#: Ten facts that between them make up six grounds, on which every pair of views parts somewhere.
NARROWED = ("assurance_of_protection", "control_of_danger", "course_of_conduct", "custody_of_claimant",
            "direct_contact", "identifiable_victim", "in_foreseeable_class", "justifiable_reliance",
            "knew_of_danger", "statute_protects_class")

#: A claim whose facts the brute force overwrites pattern by pattern (and then restores).
PROBE = ClaimKey("warren", "douglas")


@pytest.fixture(scope="module")
def warren_only(tmp_path_factory: pytest.TempPathFactory) -> Casebook:
    """A casebook of the Warren case alone, so that each brute-force solve is of four claims."""
    folder = tmp_path_factory.mktemp("warren-only")
    shutil.copy(builtin_cases_dir() / "warren.yaml", folder)
    return Casebook(case_dirs=[folder], builtin_cases=False)


def holdings(book: Casebook, pattern: tuple[str, ...]) -> dict[str, str]:
    """Every view's holding on a claim with exactly ``pattern`` true, solved whatif-style."""
    answer = book.answer_with(PROBE, dict.fromkeys(pattern, Truth.TRUE))
    return {view: answer.holdings[(view, PROBE)] for view in book.views}


def test_minimal_patterns_match_brute_force(warren_only: Casebook) -> None:
    book = warren_only
    patterns = [p for size in range(len(NARROWED) + 1) for p in itertools.combinations(NARROWED, size)]
    solved = {frozenset(p): holdings(book, p) for p in patterns}
    for first, second in itertools.combinations(book.view_ids(), 2):
        parting = {p: h[first] == "duty" for p, h in solved.items() if h[first] != h[second]}
        minimal = {p: d for p, d in parting.items() if not any(q < p for q in parting)}
        found = disagreements(book, first, second, NARROWED)
        assert found.facts == NARROWED
        got = {frozenset(d.facts): d.duty_view == first for d in found.patterns}
        assert minimal, f"{first} and {second} should part somewhere on these facts"
        assert got == minimal, f"{first} against {second}"
        assert len(got) == len(found.patterns), "a pattern was reported twice"


def test_warren_majority_against_kelly(book: Casebook) -> None:
    found = disagreements(book, "warren-majority", "warren-kelly")
    assert len(found.facts) == len(book.catalogue.inputs)
    by_facts = {d.facts: d for d in found.patterns}
    kelly = by_facts[("assurance_of_protection", "direct_contact", "justifiable_reliance")]
    assert (kelly.duty_view, kelly.no_duty_view) == ("warren-kelly", "warren-majority")
    (ground,) = kelly.grounds
    assert ground.ground == "privity_assurance_reliance"
    assert ground.accepting == ("kelly:two-factor-test",)
    assert ground.rejecting == ("hannon:promise-not-enough",) and ground.other_stance == "rejects"
    course = by_facts[("course_of_conduct", "justifiable_reliance")]
    assert course.duty_view == "warren-majority" and course.grounds[0].other_stance == "silent"
    for pattern in found.patterns:
        solved = holdings(book, pattern.facts)
        assert solved[pattern.duty_view] == "duty" and solved[pattern.no_duty_view] == "no_duty"
        for size in range(len(pattern.facts)):
            for part in itertools.combinations(pattern.facts, size):
                smaller = holdings(book, part)
                assert smaller["warren-majority"] == smaller["warren-kelly"], f"{part} already parts them"


def test_irwin_majority_against_nolan(book: Casebook) -> None:
    found = disagreements(book, "irwin-majority", "irwin-nolan")
    by_facts = {d.facts: d for d in found.patterns}
    foreseeable = by_facts[("in_foreseeable_class", "knew_of_danger", "public_defendant", "statute_protects_class")]
    assert foreseeable.duty_view == "irwin-majority"
    assert foreseeable.grounds[0].rejecting == ("baseline:public-duty-rule", "nolan:no-identifiable-victim")
    nolan = [d for d in found.patterns if d.duty_view == "irwin-nolan"]
    assert nolan and all("identifiable_victim" in d.facts or "custody_of_claimant" in d.facts for d in nolan)
    assert all("public_defendant" in d.facts for d in found.patterns if d.duty_view == "irwin-majority")


def test_cli_json_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["disagree", "warren-majority", "warren-kelly", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["views"] == ["warren-majority", "warren-kelly"]
    kelly = next(p for p in data["patterns"]
                 if p["facts"] == ["assurance_of_protection", "direct_contact", "justifiable_reliance"])
    assert kelly["duty"] == "warren-kelly" and kelly["no_duty"] == "warren-majority"
    assert kelly["grounds"][0]["other"] == "rejects"
    assert kelly["grounds"][0]["rejected_by"][0]["rule"] == "hannon:promise-not-enough"
    assert main(["disagree", "warren-majority", "warren-kelly", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == data, "the same output twice"
    assert main(["disagree", "warren-kelly", "warren-kelly"]) == 2
    assert "name two different views" in capsys.readouterr().err
    assert main(["disagree", "warren-kelly", "irwin-nolan", "--facts", "direct_contact,knew_of_dangr"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "did you mean 'knew_of_danger'?" in err


def test_narrowing_to_a_missing_fact_is_an_input_error(book: Casebook) -> None:
    with pytest.raises(InputError, match="did you mean 'direct_contact'"):
        disagreements(book, "warren-kelly", "irwin-nolan", ["direct_contat"])
