"""The engine's ways of holding a claim's facts give one answer, and so does a case base grounded in parts.

A given claim with few unknown facts has its readings spelled out as plain facts; one with
more (and every live claim) leaves them to the solver's choice. Each is checked here against
its completions (every way of settling the unknown facts, each solved as a claim without
unknowns): the holding, the grounds and how surely, the grounds met, the rules that hold
and the rules defeated.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import clingo
import pytest

from publicduty.model.answer import CERTAIN, EVERY, POSSIBLE, SOME, Answer, ClaimKey
from publicduty.model.case import Truth
from publicduty.solve import casebook
from publicduty.solve.casebook import Casebook

#: The facts left unknown: five (spelled out, under the doctrine's bound of six) or seven (chosen).
UNKNOWN = ("assurance_of_protection", "direct_contact", "justifiable_reliance", "knew_of_danger",
           "requested_help", "statute_protects_class", "control_of_danger")
TRUE = ("identifiable_victim", "responded_to_call")


def _case_base(folder: Path, unknowns: int) -> Casebook:
    facts = [f"{name}: {{value: unknown, source: s}}" for name in UNKNOWN[:unknowns]]
    facts += [f"{name}: {{value: true, source: s}}" for name in TRUE]
    folder.mkdir()
    (folder / "open.yaml").write_text(
        "id: open\ntitle: generated\ncitation: hypothetical\ncourt: none\ndecided: \"2026\"\nposture: generated\n"
        "defendants:\n  - {id: d, name: the police, public: true}\n"
        f"claimants:\n  - {{id: c, name: a claimant, facts: {{{', '.join(facts)}}}}}\n")
    return Casebook(case_dirs=[folder], builtin_cases=False)


def _completions(book: Casebook, key: ClaimKey) -> list[Answer]:
    stated = book.facts(key)
    unknown = sorted(name for name, value in stated.items() if value is Truth.UNKNOWN)
    return [book.answer_with(key, {**stated, **dict(zip(unknown, values, strict=True))})
            for values in itertools.product((Truth.FALSE, Truth.TRUE), repeat=len(unknown))]


@pytest.mark.parametrize("unknowns", [5, 7], ids=["spelled-out", "chosen"])
def test_a_claim_with_unknown_facts_answers_as_its_completions_do(tmp_path: Path, unknowns: int) -> None:
    book = _case_base(tmp_path / "cases", unknowns)
    key = ClaimKey("open", "c")
    answer, completions = book.answer(), _completions(book, key)
    assert len(completions) == 2 ** unknowns
    assert answer.met[(SOME, key)] == frozenset().union(*(c.met[(SOME, key)] for c in completions))
    assert answer.met[(EVERY, key)] == frozenset.intersection(*(c.met[(EVERY, key)] for c in completions))
    holdings = set()
    for view in book.views:
        found = {c.holdings[(view, key)] for c in completions}
        holdings |= found
        assert answer.holdings[(view, key)] == (found.pop() if len(found) == 1 else "open"), view
        grounds = [set(c.rests_on.get((view, key), {})) for c in completions]
        every, some = set.intersection(*grounds), set.union(*grounds)
        assert answer.rests_on.get((view, key), {}) == {g: CERTAIN if g in every else POSSIBLE for g in some}, view
        assert answer.holds[(view, key)] == frozenset().union(*(c.holds[(view, key)] for c in completions))
        assert answer.blocked.get((view, key), frozenset()) == frozenset().union(
            *(c.blocked.get((view, key), frozenset()) for c in completions))
    assert holdings == {"duty", "no_duty"}, "the unknown facts decide some view's holding"


def test_a_case_base_grounded_in_parts_answers_as_it_does_grounded_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = Casebook().answer()
    monkeypatch.setattr(casebook, "GROUNDED_AT_ONCE", 4)
    in_parts = Casebook()
    assert len(in_parts.claim_keys) > 4 * 8
    assert in_parts.answer() == whole
    rule = "nolan:no-identifiable-victim"
    assert in_parts.answer_without([rule]) == Casebook().answer_without([rule]) != whole


def test_a_ready_casebook_reads_its_catalogue_without_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server's requests read the catalogue without the engine's lock: after ready(), it is plain data."""
    book = Casebook()
    book.ready()

    def no_reading(*_: object, **__: object) -> None:
        raise AssertionError("the catalogue read the program again")

    monkeypatch.setattr(clingo.SymbolicAtoms, "by_signature", no_reading)
    assert book.catalogue.rules["nolan:no-identifiable-victim"].rule_set == "irwin-nolan"
    assert book.catalogue.tensions and book.catalogue.reporters and book.catalogue.grounds
