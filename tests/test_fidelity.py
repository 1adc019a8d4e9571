"""Fidelity and the whole case base: the views reproduce the holdings their opinions stand on."""

from __future__ import annotations

import json

import pytest

from publicduty.analyses.fidelity import CROSS_CHECK, OWN_CASE, PRECEDENT, Behind, Reason, fidelity
from publicduty.analyses.votes import tally
from publicduty.cli.main import main
from publicduty.model.answer import Answer
from publicduty.solve.casebook import Casebook


def test_case_base_and_views(book: Casebook) -> None:
    builtin = [c for c in book.cases if not c.startswith("hypo-")]
    assert len(builtin) >= 32
    assert set(book.views) == {"warren-hannon", "warren-majority", "warren-kelly", "irwin-majority", "irwin-nolan"}


@pytest.mark.parametrize("view", ["warren-hannon", "warren-majority", "warren-kelly", "irwin-majority",
                                  "irwin-nolan"])
def test_every_scored_holding_agrees_or_is_a_declared_tension(book: Casebook, answer: Answer, view: str) -> None:
    result = fidelity(book, answer, view)
    assert result.scored(), "each view is measured against something"
    assert result.unexplained == []
    for check in result.scored():
        assert check.agrees or check.tension is not None


def test_what_each_view_is_measured_against(book: Casebook, answer: Answer) -> None:
    majority = fidelity(book, answer, "warren-majority")
    scopes = {(c.case, c.scope) for c in majority.checks}
    # Its own case, its own precedents (Florence, Falco) and those of the memorandum it adopts (Riss).
    assert {("warren", OWN_CASE), ("florence", PRECEDENT), ("falco", PRECEDENT), ("riss", PRECEDENT)} <= scopes
    nolan = fidelity(book, answer, "irwin-nolan")
    assert {c.case for c in nolan.checks if c.scope == PRECEDENT} >= {
        "dinsky", "delong", "lorshbough", "shore", "crouch", "slaven", "taplin", "pridgen"}
    assert all(c.agrees for c in nolan.scored())


def test_kelly_on_henderson_is_a_declared_tension(book: Casebook, answer: Answer) -> None:
    kelly = fidelity(book, answer, "warren-kelly")
    henderson = next(c for c in kelly.checks if c.case == "henderson")
    assert henderson.scope == CROSS_CHECK
    assert (henderson.derived, henderson.documented) == ("duty", "no_duty")
    assert henderson.tension is not None and henderson.tension.cite == "444 A.2d at 5-6"
    schuster = next(c for c in kelly.checks if c.case == "schuster")
    assert schuster.reason == Reason(Behind.SILENT, ("known_risk_to_identifiable_victim", "special_knowledge",
                                                     "use_in_investigation"))
    assert schuster.kind == "silent"
    assert str(schuster.reason) == ("not in the sources: the view is silent on known_risk_to_identifiable_victim, "
                                    "special_knowledge, use_in_investigation")


def test_fidelity_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fidelity", "--json"]) == 0
    views = {v["view"]: v for v in json.loads(capsys.readouterr().out)["views"]}
    for view in views.values():
        assert view["agree"] == view["total"] and view["mismatches"] == []
    assert views["warren-majority"]["total"] >= 20


def test_compare_irwin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "irwin", "--json"]) == 0
    (claim,) = json.loads(capsys.readouterr().out)["cases"][0]["claimants"]
    assert claim["derived"]["irwin-majority"] == "duty"
    for view in ("irwin-nolan", "warren-majority", "warren-kelly"):
        assert claim["derived"][view] == "no_duty"
    (parting,) = claim["partings"]
    assert parting["ground"] == "duty_to_foreseeable_class"
    assert parting["silent"] == ["warren-kelly"]


def test_irwin_part_three_is_four_to_three(book: Casebook, answer: Answer) -> None:
    (claim,) = tally(book.case("irwin"), answer)
    part3 = next(t for t in claim.questions if t.question.id == "part-3")
    assert part3.question.duty
    assert part3.count() == {"claimant": 4, "defendant": 3}
    assert {v.judge for v in part3.votes if v.position == "defendant"} == {"Nolan", "Lynch", "O'Connor"}
    part5 = next(t for t in claim.questions if t.question.id == "part-5")
    assert not part5.question.decides_liability
    assert claim.by_question == claim.by_outcome == "claimant" and not claim.paradox


def test_compare_all_shows_the_tiers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--all", "--json"]) == 0
    stances = json.loads(capsys.readouterr().out)["stances"]
    # Strictest: even privity, a promise of protection and reliance are rejected.
    assert stances["privity_assurance_reliance"] == {
        "warren-hannon": "rejected", "warren-majority": "rejected", "warren-kelly": "recognised",
        "irwin-majority": "recognised", "irwin-nolan": "recognised"}
    # Broadest: a duty to the class a known danger threatens, which the Warren views reject or do not
    # reach; in Irwin the public duty rule qualifies it, and the dissent adds no identifiable victim, no duty.
    assert stances["duty_to_foreseeable_class"] == {
        "warren-hannon": "rejected", "warren-majority": "rejected", "warren-kelly": "silent",
        "irwin-majority": "qualified", "irwin-nolan": "qualified"}
