"""Flips: every set the search returns really turns the holding (checked through what-if), none is larger
than it needs to be, and, up to two changes, none is missing (checked against brute force)."""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import clingo
import pytest

from publicduty.analyses.flip import TARGETS, minimal_flips
from publicduty.analyses.whatif import what_if
from publicduty.cli.main import main
from publicduty.load.inputs import builtin_cases_dir
from publicduty.model.answer import ClaimKey
from publicduty.model.case import Truth
from publicduty.solve.casebook import Casebook

HYPOTHETICALS = Path(__file__).parent / "hypotheticals"
CASE_FILES = sorted([*builtin_cases_dir().glob("*.yaml"), *HYPOTHETICALS.glob("*.yaml")])


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Casebook]:
    """One casebook per case file, so that each check solves only that case's claims."""
    out = {}
    for path in CASE_FILES:
        folder = tmp_path_factory.mktemp(path.stem)
        shutil.copy(path, folder)
        out[path] = Casebook(case_dirs=[folder], builtin_cases=False)
    return out


def claims(book: Casebook) -> Iterator[tuple[ClaimKey, str]]:
    for case in book.cases.values():
        for claimant in case.claimants:
            for view in book.view_ids():
                yield ClaimKey(case.id, claimant.id), view


def holding_with(book: Casebook, key: ClaimKey, view: str, changes: dict[str, Truth]) -> str:
    return book.answer_with(key, {**book.facts(key), **changes}).holdings[(view, key)]


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_every_flip_flips_and_is_minimal(books: dict[Path, Casebook], path: Path) -> None:
    book = books[path]
    checked = 0
    for key, view in claims(book):
        found = minimal_flips(book, key.case, key.claimant, view)
        original = book.answer().holdings[(view, key)]
        assert found.holding == original
        assert found.total == len(found.flips) > 0, f"{key} {view}: nothing turns {original}"
        sizes = [len(f.changes) for f in found.flips]
        assert sizes == sorted(sizes), "smallest first"
        for flip in found.flips:
            assert flip.becomes in TARGETS[original]
            changes = {c.fact: c.to for c in flip.changes}
            assert all(c.was is not c.to and c.to is not Truth.UNKNOWN for c in flip.changes)
            (result,) = what_if(book, key.case, key.claimant, changes, [view]).after
            assert result.holding == flip.becomes, f"{key} {view}: {changes} does not flip"
            for size in range(len(changes)):
                for part in itertools.combinations(sorted(changes), size):
                    smaller = {name: changes[name] for name in part}
                    assert holding_with(book, key, view, smaller) != flip.becomes, (
                        f"{key} {view}: {smaller} already flips, so {changes} is not minimal")
            checked += 1
        assert book.answer().holdings[(view, key)] == original, "a what-if left its changes behind"
    assert checked > 0


def test_no_flip_of_up_to_two_changes_is_missed(books: dict[Path, Casebook]) -> None:
    """Brute force over every change of one or two facts, to any other known value, on Warren's claims."""
    book = books[builtin_cases_dir() / "warren.yaml"]
    inputs = sorted(book.catalogue.inputs)
    views = book.view_ids()
    for case in book.cases.values():
        for claimant in case.claimants:
            key = ClaimKey(case.id, claimant.id)
            stated = book.facts(key)
            moves = [(name, to) for name in inputs for to in (Truth.TRUE, Truth.FALSE)
                     if stated.get(name, Truth.FALSE) is not to]
            combos = [c for size in (1, 2) for c in itertools.combinations(moves, size)
                      if len({name for name, _ in c}) == size]
            reached = {}
            for combo in combos:
                answer = book.answer_with(key, {**stated, **dict(combo)})
                reached[combo] = {view: answer.holdings[(view, key)] for view in views}
            original = book.answer().holdings
            for view in views:
                flipping = {frozenset(c): reached[c][view] for c in combos
                            if reached[c][view] in TARGETS[original[(view, key)]]}
                minimal = {c: h for c, h in flipping.items()
                           if not any(other < c and flipping[other] == h for other in flipping)}
                found = {frozenset((c.fact, c.to) for c in f.changes): f.becomes
                         for f in minimal_flips(book, key.case, key.claimant, view).flips if len(f.changes) <= 2}
                assert found == minimal, f"{key} {view}"


def test_nichol_under_kelly_is_settled_both_ways(book: Casebook) -> None:
    found = minimal_flips(book, "warren", "nichol", "warren-kelly")
    assert found.holding == "open"
    flips = {(f.becomes, tuple((c.fact, c.to.value) for c in f.changes)) for f in found.flips}
    assert ("duty", (("assurance_of_protection", "true"), ("justifiable_reliance", "true"))) in flips
    assert ("no_duty", (("direct_contact", "false"),)) in flips
    assert ("no_duty", (("justifiable_reliance", "false"),)) in flips


def test_the_search_is_grounded_once(books: dict[Path, Casebook], monkeypatch: pytest.MonkeyPatch) -> None:
    book = books[builtin_cases_dir() / "warren.yaml"]
    minimal_flips(book, "warren", "warren", "warren-kelly")

    def no_grounding(*_: object, **__: object) -> None:
        raise AssertionError("grounded again")

    monkeypatch.setattr(clingo.Control, "ground", no_grounding)
    for key, view in claims(book):
        assert minimal_flips(book, key.case, key.claimant, view).flips


def test_flip_json_and_max(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flip", "warren", "nichol", "--view", "warren-kelly", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["holding"] == "open"
    assert data["flips"][0] == [{"fact": "affirmative_negligence", "to": True, "was": False}]
    assert [{"fact": "direct_contact", "to": False, "was": True}] in data["flips"]
    assert len(data["becomes"]) == len(data["flips"]) == data["total"]
    assert main(["flip", "warren", "nichol", "--view", "warren-kelly", "--max", "2", "--json"]) == 0
    limited = json.loads(capsys.readouterr().out)
    assert limited["flips"] == data["flips"][:2] and limited["total"] == data["total"]


def test_flip_text_offers_the_whatif_that_checks_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flip", "warren", "warren", "--view", "warren-kelly"]) == 0
    out = capsys.readouterr().out
    assert "warren, view warren-kelly: duty" in out
    assert "direct_contact: true -> false" in out
    assert "publicduty whatif warren warren --view warren-kelly --unset" in out


def test_flip_bad_view_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flip", "warren", "warren", "--view", "warren-kely"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "did you mean 'warren-kelly'?" in err
