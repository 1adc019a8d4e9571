"""The batch solver gives the casebook's own answers."""

from __future__ import annotations

import random

from publicduty.model.answer import Answer, ClaimKey
from publicduty.model.case import Truth
from publicduty.solve.batch import solve_many
from publicduty.solve.casebook import Casebook


def test_a_batch_in_few_slots_matches_one_grounding_of_every_claim(book: Casebook, answer: Answer) -> None:
    keys = [ClaimKey(c.id, k.id) for c in book.cases.values() for k in c.claimants]
    slots = next(s for s in range(3, 10) if len(keys) % s)  # the last round fills only some slots
    batched = list(solve_many(book, (book.facts(k) for k in keys), slots=slots))
    assert len(batched) == len(keys)
    for key, holdings in zip(keys, batched, strict=True):
        assert holdings == {view: answer.holdings[(view, key)] for view in book.views}, key


def test_a_batch_of_random_claims_matches_whatif(book: Casebook) -> None:
    rng = random.Random(7)
    inputs = sorted(book.catalogue.inputs)
    claims = [{name: rng.choice(list(Truth)) for name in inputs} for _ in range(40)]
    probe = ClaimKey("warren", "warren")
    for facts, holdings in zip(claims, solve_many(book, claims, slots=8), strict=True):
        answer = book.answer_with(probe, facts)
        assert holdings == {view: answer.holdings[(view, probe)] for view in book.views}
    assert {h for claim in solve_many(book, claims) for h in claim.values()} == {"duty", "open", "no_duty"}

