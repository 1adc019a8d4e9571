"""The case files load, and their content is what the sources say."""

from __future__ import annotations

from pathlib import Path

import pytest

from publicduty.errors import InputError
from publicduty.load.inputs import builtin_cases_dir
from publicduty.model.case import Basis, Truth
from publicduty.solve.casebook import Casebook


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


def test_who_is_sued_is_read_from_the_defendants(book: Casebook) -> None:
    """public_defendant is derived from `defendants:`, with its origin as its source; no case file states it."""
    for case_id, public in (("warren", Truth.TRUE), ("liquor-sellers", Truth.FALSE), ("moch", Truth.FALSE)):
        for claimant in book.case(case_id).claimants:
            fact = claimant.facts["public_defendant"]
            assert fact.value is public and fact.source.startswith("defendants (")
    assert "Rensselaer Water Co." in book.case("moch").claimants[0].facts["public_defendant"].source


def test_a_case_file_stating_a_derived_fact_is_told_where_it_goes(tmp_path: Path) -> None:
    text = (builtin_cases_dir() / "riss.yaml").read_text().replace("id: riss\n", "id: riss-two\n", 1)
    text = text.replace("      requested_help:", '      public_defendant: {value: true, source: "x"}\n'
                                              "      requested_help:", 1)
    (tmp_path / "riss-two.yaml").write_text(text)
    with pytest.raises(InputError) as refused:
        Casebook(case_dirs=[tmp_path])
    (problem,) = refused.value.problems
    assert str(problem).endswith("fact 'public_defendant' is not stated per claimant; state it once, under "
                                 "'defendants:', as 'public: true' or 'public: false' for each")


#: The project's private names for its working papers: a reader of a source or a note cannot look them up.
_SHORTHAND = ("research brief", "the brief", "the seed", "[m]", "table a", "table b")


@pytest.mark.parametrize("path", sorted(builtin_cases_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_sources_and_notes_say_what_a_source_is(path: Path, book: Casebook) -> None:
    """Every fact's and holding's source and note names a reporter, an opinion or what the account is."""
    case = next(c for c in book.cases.values() if c.path == path)
    texts = [t for c in case.claimants for f in c.facts.values() for t in (f.source, f.note)]
    texts += [t for o in case.opinions for h in o.holdings.values() for t in (h.source, h.note)]
    texts += [t for c in case.cited_by for t in (c.source, c.note)]
    assert texts
    assert [t for t in texts if any(word in t.lower() for word in _SHORTHAND)] == []
