"""Many claims solved in one batch: a few grounded claim slots, filled with the claims in turn.

Grounding a claim instantiates every view's rules for it (about two hundred atoms, half a
millisecond), so one grounding of ten thousand claims takes tens of seconds and more than
a gigabyte. The batch grounds ``slots`` claims once instead and passes the claims through
them: each round assigns a slot's externals the next claim's facts and solves all slots
together. The answers are the same (each claim is solved on its own facts); the grounding
stays the size of ``slots`` claims however many claims there are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice

from publicduty.model.answer import ClaimKey
from publicduty.model.case import Truth
from publicduty.solve.casebook import Casebook
from publicduty.solve.engine import Engine

#: Enough claims per solve to spread its fixed cost; few enough to ground in a blink.
SLOTS = 32


def solve_many(book: Casebook, claims: Iterable[Mapping[str, Truth]], slots: int = SLOTS) -> Iterator[dict[str, str]]:
    """Each claim's holding under every view of ``book``, in the order the claims come."""
    engine = Engine(book.logic_files, catalogue=book.catalogue).ground_claims(slots=slots)
    pending = iter(claims)
    while chunk := list(islice(pending, slots)):
        keys = [ClaimKey("batch", str(number)) for number in range(len(chunk))]
        holdings = engine.solve(dict(zip(keys, chunk, strict=True))).holdings
        for key in keys:
            yield {view: holdings[(view, key)] for view in book.views}
