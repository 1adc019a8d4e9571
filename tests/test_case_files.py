"""The case files load, and their content is what the sources say."""

from __future__ import annotations

from publicduty.case import Basis, Truth
from publicduty.casebook import Casebook


def test_warren_claimants_and_documented_holdings(book: Casebook) -> None:
    warren = book.case("warren")
    assert [c.id for c in warren.claimants] == ["warren", "taliaferro", "douglas", "nichol"]
    assert {c.id: warren.documented("warren-majority", c.id).holding for c in warren.claimants} == {
        "warren": "no_duty", "taliaferro": "no_duty", "douglas": "no_duty", "nichol": "no_duty"}
    assert warren.documented("warren-hannon", "nichol").opinion == "pryor"
    panel = next(o for o in warren.opinions if o.id == "panel")
    assert panel.view is None and panel.reasoning == "not in the sources"
    assert {k: h.holding for k, h in panel.holdings.items()} == {
        "warren": "duty", "taliaferro": "duty", "nichol": "duty", "douglas": "no_duty"}
    kelly = warren.documented("warren-kelly", "warren")
    assert kelly is not None and kelly.basis is Basis.RECONSTRUCTED
    assert warren.documented("warren-kelly", "nichol") is None


def test_unknown_is_not_false(book: Casebook) -> None:
    nichol = book.case("warren").claimant("nichol")
    assert nichol.value("assurance_of_protection") is Truth.UNKNOWN
    assert nichol.value("justifiable_reliance") is Truth.UNKNOWN
    assert nichol.value("used_in_investigation") is Truth.FALSE  # not alleged


def test_every_fact_has_a_source(book: Casebook) -> None:
    for case in book.cases.values():
        for claimant in case.claimants:
            for fact in claimant.facts.values():
                assert fact.source.strip(), f"{case.id}/{claimant.id}/{fact.name}"
