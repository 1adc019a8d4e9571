"""The bench: judges' positions come from the views they joined; tallies and the doctrinal paradox."""

from __future__ import annotations

import json

import pytest

from publicduty.analyses.votes import joins, tally
from publicduty.cli.main import main
from publicduty.model.answer import Answer
from publicduty.solve.casebook import Casebook


def test_warren_is_four_to_three_with_newman_not_modelled(book: Casebook, answer: Answer) -> None:
    warren = book.case("warren")
    (question,) = warren.questions
    assert joins(warren, question) == {"warren-majority": 4, "warren-kelly": 2, "warren-newman": 1}
    claims = {c.claimant: c for c in tally(warren, answer)}
    votes = {v.judge: v.position for v in claims["warren"].questions[0].votes}
    assert votes == {"Nebeker": "defendant", "Kern": "defendant", "Harris": "defendant", "Ferren": "defendant",
                     "Kelly": "claimant", "Mack": "claimant", "Newman": "not modelled"}
    for claim in claims.values():
        assert claim.by_question == claim.by_outcome == "defendant"
        assert not claim.paradox
    assert {v.position for v in claims["nichol"].questions[0].votes if v.judge == "Kelly"} == {"open"}


def test_paradox_is_detected(book: Casebook, answer: Answer) -> None:
    (claim,) = tally(book.case("hypo-paradox"), answer)
    duty, causation = claim.questions
    assert [v.position for v in duty.votes] == ["claimant", "defendant", "claimant"]
    assert duty.result == causation.result == "claimant"
    assert claim.outcomes == {"A": "defendant", "B": "defendant", "C": "claimant"}
    assert claim.by_question == "claimant" and claim.by_outcome == "defendant"
    assert claim.paradox


def test_votes_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["votes", "warren"]) == 0
    out = capsys.readouterr().out
    assert "joined 4 to 3" in out and "not modelled (warren-newman)" in out
    assert main(["votes", "warren", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["questions"][0]["joins"] == {"warren-majority": 4, "warren-kelly": 2, "warren-newman": 1}
    warren = next(c for c in data["claims"] if c["claimant"] == "warren")
    assert warren["questions"][0]["tally"] == {"claimant": 2, "defendant": 4, "not modelled": 1}
