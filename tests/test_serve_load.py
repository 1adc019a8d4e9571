"""The explorer under load: several clients at once on loopback, every answer checked, none timed."""

from __future__ import annotations

from publicduty.serve.bench import load, questions
from publicduty.serve.testserver import running
from publicduty.solve.casebook import Casebook


def test_concurrent_whatifs_each_get_their_own_answer() -> None:
    book = Casebook()
    asked = questions(book, 120, seed=7)
    assert len({(q.case, q.claimant) for q in asked}) > 20  # many claims, so mixed-up answers would show
    with running(Casebook()) as base:
        seen = load(base, asked, clients=6)
    assert seen.wrong == []
    assert len(seen.seconds) == len(asked)
