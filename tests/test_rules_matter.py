"""Every rule of the built-in views can change an answer, or says why it cannot.

Each rule is set aside in turn (the engine's ``suspended`` external: nothing is
grounded again) and the holdings of every claim of the case base and of the test
hypotheticals are compared with the holdings under all the rules. A rule that is not
an annotation must move at least one holding; an annotation must move none.
"""

from __future__ import annotations

import pytest

from publicduty.model.answer import Answer
from publicduty.solve.casebook import Casebook

#: For the rules the issue singles out, the holding each must move when set aside.
MOVES = {
    # Knowing of a threat is not enough (Riss, Warren): without the exception, a duty.
    "hannon:known-threat-not-enough": [("warren-majority", "riss", "riss", "no_duty", "duty"),
                                       ("warren-majority", "warren", "warren", "no_duty", "duty")],
    # The public duty rule defeats the general duty to the foreseeable for public defendants.
    "baseline:public-duty-rule": [("irwin-majority", "hypo-exceptions", "foreseeable-without-power", "no_duty",
                                   "duty")],
    # No identifiable victim, no duty: the Irwin plaintiffs under the dissent.
    "nolan:no-identifiable-victim": [("irwin-nolan", "irwin", "irwin", "no_duty", "duty")],
    # The government's own hazard: Lorshbough and Pridgen under the dissent.
    "nolan:own-hazard": [("irwin-nolan", "pridgen", "pridgen", "duty", "no_duty")],
    # The private sector: the liquor sellers owe the motoring public a duty.
    "irwin:duty-to-general-public": [("irwin-majority", "liquor-sellers", "motorist", "duty", "no_duty")],
}


def moved(book: Casebook, before: Answer, rule: str) -> set[tuple[str, str, str, str, str]]:
    """The holdings that change when ``rule`` is set aside: (view, case, claimant, before, after)."""
    after = book.answer_without([rule]).holdings
    return {(v, k.case, k.claimant, before.holdings[(v, k)], h) for (v, k), h in after.items()
            if h != before.holdings[(v, k)]}


def test_each_rule_changes_an_answer_unless_it_is_an_annotation(book: Casebook, answer: Answer) -> None:
    for rule in book.catalogue.rules.values():
        changes = moved(book, answer, rule.id)
        if rule.annotation:
            assert not changes, f"{rule.id} is an annotation, yet setting it aside changes {sorted(changes)[:3]}"
        else:
            assert changes, f"setting {rule.id} aside changes no holding: make it an annotation, saying why"
    assert book.answer_without([]).holdings == answer.holdings, "setting rules aside left them aside"


@pytest.mark.parametrize("rule", sorted(MOVES))
def test_the_opinions_exceptions_move_the_holdings_they_should(book: Casebook, answer: Answer, rule: str) -> None:
    assert set(MOVES[rule]) <= moved(book, answer, rule)


def test_every_rejection_is_real_or_an_annotation(book: Casebook) -> None:
    """The issue's count: rejections that defeat nothing are declared as annotations."""
    rejections = [r for r in book.catalogue.rules.values() if r.effect == "rejects"]
    real = [r.id for r in rejections if not r.annotation]
    assert real == ["hannon:known-threat-not-enough", "nolan:no-identifiable-victim"]
    assert all(r.annotation for r in rejections if r.id not in real)
