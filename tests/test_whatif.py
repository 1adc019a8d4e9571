"""What-if: changed facts are solved on the one grounded engine, beside the stated ones, and put back."""

from __future__ import annotations

import json

import clingo
import pytest

from publicduty.analyses.whatif import requested_changes, what_if
from publicduty.cli.main import main
from publicduty.errors import InputError
from publicduty.model.case import Truth
from publicduty.solve.casebook import Casebook


def test_taking_away_the_assurance_ends_kellys_duty(book: Casebook) -> None:
    result = what_if(book, "warren", "warren", {"assurance_of_protection": Truth.FALSE},
                     ["warren-majority", "warren-kelly"])
    (change,) = result.changes
    assert (change.fact, change.was, change.to) == ("assurance_of_protection", Truth.TRUE, Truth.FALSE)
    before = {f.view: f for f in result.before}
    after = {f.view: f for f in result.after}
    assert before["warren-kelly"].holding == "duty"
    assert [g.ground for g in before["warren-kelly"].grounds] == ["privity_assurance_reliance"]
    assert after["warren-kelly"].holding == "no_duty" and after["warren-kelly"].grounds == ()
    assert before["warren-majority"].holding == after["warren-majority"].holding == "no_duty"


def test_unknown_makes_a_holding_open_and_set_settles_it(book: Casebook) -> None:
    (open_,) = what_if(book, "warren", "warren", {"justifiable_reliance": Truth.UNKNOWN}, ["warren-kelly"]).after
    assert open_.holding == "open"
    assert [(g.ground, g.certainty) for g in open_.grounds] == [("privity_assurance_reliance", "possible")]
    settled = {"assurance_of_protection": Truth.TRUE, "justifiable_reliance": Truth.TRUE}
    (duty,) = what_if(book, "warren", "nichol", settled, ["warren-kelly"]).after
    assert duty.holding == "duty"


def test_the_stated_facts_are_restored(book: Casebook) -> None:
    stated = book.answer()
    what_if(book, "warren", "douglas", dict.fromkeys(book.catalogue.inputs, Truth.TRUE))
    assert book.answer() == stated


def test_no_grounding_happens(book: Casebook, monkeypatch: pytest.MonkeyPatch) -> None:
    book.ready()

    def no_grounding(*_: object, **__: object) -> None:
        raise AssertionError("grounded again")

    monkeypatch.setattr(clingo.Control, "ground", no_grounding)
    (after,) = what_if(book, "warren", "douglas", {"direct_contact": Truth.TRUE,
                                                   "assurance_of_protection": Truth.TRUE,
                                                   "justifiable_reliance": Truth.TRUE}, ["warren-kelly"]).after
    assert after.holding == "duty"


def test_bad_fact_names_suggest_the_closest() -> None:
    with pytest.raises(InputError) as err:
        requested_changes(["direct_contact", "knew_of_danger"], set_=["direct_contat"], unset=["knew_of_dangr"])
    assert [str(p) for p in err.value.problems] == [
        "<command line>: unknown fact 'direct_contat'; did you mean 'direct_contact'?",
        "<command line>: unknown fact 'knew_of_dangr'; did you mean 'knew_of_danger'?",
    ]
    with pytest.raises(InputError, match="made both true and unknown"):
        requested_changes(["direct_contact"], set_=["direct_contact"], unknown=["direct_contact"])


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["whatif", "warren", "nichol", "--view", "warren-kelly",
                   "--set", "assurance_of_protection,justifiable_reliance", "--unset", "requested_help"])
    assert status == 0
    text = capsys.readouterr().out
    assert "assurance_of_protection: unknown -> true" in text and "requested_help: unknown -> false" in text
    assert main(["whatif", "warren", "nichol", "--view", "warren-kelly", "--set", "assurance_of_protection",
                 "--set", "justifiable_reliance", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["changes"] == [{"fact": "assurance_of_protection", "to": True, "was": "unknown"},
                               {"fact": "justifiable_reliance", "to": True, "was": "unknown"}]
    (result,) = data["results"]
    assert result["view"] == "warren-kelly"
    assert result["before"]["holding"] == "open" and result["after"]["holding"] == "duty"
    assert result["after"]["grounds"][0]["certainty"] == "certain"


def test_cli_errors_exit_2_with_nothing_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["whatif", "warren", "warren", "--set", "asurance_of_protection"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("publicduty: error: <command line>: unknown fact 'asurance_of_protection'; "
                   "did you mean 'assurance_of_protection'?\n")
    assert main(["whatif", "warren", "warren"]) == 2
    assert "nothing to change" in capsys.readouterr().err
    assert main(["whatif", "warren", "waren", "--set", "direct_contact"]) == 2
    assert "no claimant 'waren'; did you mean 'warren'?" in capsys.readouterr().err
