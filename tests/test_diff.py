"""diff: the grounds two views' holdings turn on, the rules on each side and the facts read; or why they agree."""

from __future__ import annotations

import json

import pytest

from publicduty.analyses.difference import Difference, compare_views
from publicduty.cli.main import main
from publicduty.model.answer import MET, Answer
from publicduty.model.case import NOT_ALLEGED
from publicduty.solve.casebook import Casebook


def compared(book: Casebook, answer: Answer, case: str, claimant: str, first: str, second: str) -> Difference:
    return compare_views(book.catalogue, answer, book.case(case), claimant, (first, second))


def sides(difference: Difference) -> dict[str, dict[str, tuple[str, list[str]]]]:
    return {c.ground: {s.view: (s.stance, [r.id for r in s.rules]) for s in c.sides} for c in difference.parting}


def test_warren_majority_and_kelly_part_on_privity_assurance_reliance(book: Casebook, answer: Answer) -> None:
    d = compared(book, answer, "warren", "warren", "warren-majority", "warren-kelly")
    assert (d.agree, d.holdings, d.reading) == (False, ("no_duty", "duty"), "every")
    assert sides(d) == {"privity_assurance_reliance": {
        "warren-majority": ("rejected", ["hannon:promise-not-enough"]),
        "warren-kelly": ("recognised", ["kelly:two-factor-test"]),
    }}
    (contrast,) = d.parting
    assert contrast.met == MET
    assert {(f.name, f.value, f.source) for f in contrast.facts} == {
        ("direct_contact", "true", "444 A.2d at 2"),
        ("assurance_of_protection", "true", "444 A.2d at 2"),
        ("justifiable_reliance", "true", "444 A.2d at 2"),
    }
    assert d.wanting_view == "warren-majority"
    # Special knowledge is met (the police knew of the crime) but Hannon's exception defeats it.
    assert {g.name for g in d.wanting} == {"course_of_conduct", "use_in_investigation", "ordinary_negligence"}


def test_irwin_majority_and_nolan_part_on_the_foreseeable_class(book: Casebook, answer: Answer) -> None:
    d = compared(book, answer, "irwin", "irwin", "irwin-majority", "irwin-nolan")
    assert (d.agree, d.holdings) == (False, ("duty", "no_duty"))
    assert sides(d) == {"duty_to_foreseeable_class": {
        "irwin-majority": ("recognised", ["irwin:duty-to-travelling-public"]),
        "irwin-nolan": ("rejected", ["baseline:public-duty-rule", "nolan:no-identifiable-victim"]),
    }}
    # The ground's elements, and the statutory power the court's rule needs besides.
    assert {f.name for f in d.parting[0].facts} == {
        *book.catalogue.grounds["duty_to_foreseeable_class"].elements, "statute_protects_class"}
    assert d.wanting_view == "irwin-nolan"
    lacking = {f.name: f.value for g in d.wanting for f in g.missing}
    assert lacking["identifiable_victim"] == "false"
    assert any("identifiable_victim" in {f.name for f in g.missing} for g in d.wanting)


def test_diff_text_names_the_ground_the_rules_and_the_facts(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["diff", "irwin", "irwin", "irwin-majority", "irwin-nolan"])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert "They part on one ground the claim meets:" in out
    assert "(duty_to_foreseeable_class): met" in out
    assert "irwin-nolan rejects it:\n      baseline:public-duty-rule" in out
    assert "      nolan:no-identifiable-victim\n" in out
    assert "irwin-majority recognises it:\n      irwin:duty-to-travelling-public\n" in out
    assert "- identifiable_victim: false [392 Mass. at 776]" in out


def test_views_that_agree_for_the_same_reason(book: Casebook, answer: Answer) -> None:
    d = compared(book, answer, "warren", "warren", "warren-hannon", "warren-majority")
    assert (d.agree, d.same_reason, d.parting, d.contrasts) == (True, True, (), ())
    d = compared(book, answer, "warren", "taliaferro", "warren-kelly", "irwin-majority")
    assert (d.agree, d.same_reason) == (True, True)
    assert d.rests_on == (("privity_assurance_reliance",), ("privity_assurance_reliance",))


def test_a_duty_on_different_grounds_is_agreement_for_different_reasons(book: Casebook, answer: Answer) -> None:
    """Over every claim and pair of views finding a duty, the reason is the same exactly when the grounds are."""
    seen = set()
    views = book.view_ids()
    for case in book.cases.values():
        for claimant in case.claimants:
            for i, first in enumerate(views):
                for second in views[i + 1:]:
                    d = compared(book, answer, case.id, claimant.id, first, second)
                    if not d.agree or d.holdings[0] == "no_duty":
                        continue
                    assert d.same_reason == (d.rests_on[0] == d.rests_on[1])
                    differing = set(d.rests_on[0]) ^ set(d.rests_on[1])
                    assert {c.ground for c in d.contrasts} >= differing
                    seen.add(d.same_reason)
    assert seen == {True, False}


def test_views_that_agree_for_different_reasons(book: Casebook, answer: Answer,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    d = compared(book, answer, "warren", "douglas", "warren-hannon", "warren-kelly")
    assert (d.agree, d.same_reason, d.holdings) == (True, False, ("no_duty", "no_duty"))
    contrasts = {c.ground: [(s.view, s.stance) for s in c.sides] for c in d.contrasts}
    assert contrasts["request_for_aid"] == [("warren-hannon", "rejected"), ("warren-kelly", "silent")]
    assert main(["diff", "warren", "douglas", "warren-hannon", "warren-kelly"]) == 0
    out = capsys.readouterr().out
    assert "They agree, for different reasons: neither accepts a ground the claim meets" in out
    assert "warren-kelly is silent on it (not in the sources)" in out


def test_an_open_holding_against_no_duty_is_read_with_the_unknowns_true(book: Casebook, answer: Answer) -> None:
    d = compared(book, answer, "warren", "nichol", "warren-majority", "warren-kelly")
    assert (d.holdings, d.reading) == (("no_duty", "open"), "some")
    assert list(sides(d)) == ["privity_assurance_reliance"]
    unknown = {f.name for f in d.parting[0].facts if f.value == "unknown"}
    assert unknown == {"assurance_of_protection", "justifiable_reliance"}
    assert NOT_ALLEGED not in {f.value for f in d.parting[0].facts}


def test_diff_json_is_the_same_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "warren", "warren", "warren-majority", "warren-kelly", "--json"]) == 0
    first = capsys.readouterr().out
    assert main(["diff", "warren", "warren", "warren-majority", "warren-kelly", "--json"]) == 0
    assert capsys.readouterr().out == first
    data = json.loads(first)
    assert data["agree"] is False and data["views"] == ["warren-majority", "warren-kelly"]
    assert [c["ground"] for c in data["parting"]] == ["privity_assurance_reliance"]
    assert data["parting"][0]["sides"][1]["rules"][0]["cites"] == ["444 A.2d at 10, as quoted in 392 Mass. at 775"]


def test_diff_bad_view_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "warren", "warren", "warren-majority", "warren-kely"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "did you mean 'warren-kelly'?" in err
