"""Where views part: for a claim on which views disagree, the ground that divides them.

The solver says which grounds each view recognises, rejects or is silent on, and
which grounds a claim meets. A disagreement is then explained ground by ground: the
views that find a duty on it, the views that reject it (with the rule and page), and
the views that say nothing of it ("not in the sources").

Unknown facts have two readings (logic/doctrine.lp): every unknown false (``lowest``)
and every unknown true (``highest``). Views part in the lowest reading when one of
them finds a certain duty, and only in the highest when the most any finds is an open
one; ``deciding_reading`` says which, and ``partings`` can be asked for either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from publicduty.engine import Answer, ClaimKey
from publicduty.table import table


@dataclass(frozen=True)
class Parting:
    """One ground on which views holding differently part company for one claim."""

    ground: str
    finding: tuple[str, ...]  # views whose duty (certain or possible) rests on the ground
    rejecting: dict[str, tuple[str, ...]]  # view -> the rules rejecting the ground
    silent: tuple[str, ...]  # views that neither recognise nor reject it


#: The certainties of ``rests_on`` that hold in each reading: a duty certain in every
#: reading holds in the lowest; in the highest, possible ones hold too.
_CERTAINTIES = {"lowest": ("certain",), "highest": ("certain", "possible")}


def deciding_reading(holdings: Sequence[str]) -> str:
    """The reading of the unknown facts in which these holdings differ, or would.

    A certain duty against anything else differs with every unknown fact false; an open
    holding against no duty differs only with every unknown fact true.
    """
    return "lowest" if "duty" in holdings else "highest"


def stance(answer: Answer, view: str, ground: str) -> tuple[str, tuple[str, ...]]:
    """What ``view`` makes of ``ground``: recognised, rejected or silent, and the rules saying so."""
    return answer.stance.get((view, ground), ("silent", ()))


_STANCE_CELLS = {"recognised": "recognises", "rejected": "rejects", "silent": "-"}


def stance_table(answer: Answer, grounds: Sequence[str], views: Sequence[str]) -> str:
    """The grounds-by-views matrix of stances, as a text table ('-': silent)."""
    return table(("ground", *views),
                 [(g, *(_STANCE_CELLS[stance(answer, v, g)[0]] for v in views)) for g in grounds])


def rests_on(answer: Answer, key: ClaimKey, view: str, reading: str = "highest") -> list[str]:
    """The grounds ``view``'s duty to claim ``key`` rests on in ``reading``, by name."""
    held = answer.rests_on.get((view, key), {})
    return sorted(g for g, certainty in held.items() if certainty in _CERTAINTIES[reading])


def partings(answer: Answer, key: ClaimKey, views: Sequence[str], reading: str = "highest") -> list[Parting]:
    """The grounds that divide ``views`` on claim ``key`` in ``reading``; empty when they agree.

    The default, the highest reading, takes in every ground a duty rests on, certainly
    or possibly; the lowest only those a duty rests on in every reading.
    """
    if len({answer.holdings[(v, key)] for v in views}) < 2:
        return []
    grounds = sorted({g for v in views for g in rests_on(answer, key, v, reading)})
    out = []
    for ground in grounds:
        finding = tuple(v for v in views if ground in rests_on(answer, key, v, reading))
        rejecting = {v: stance(answer, v, ground)[1] for v in views if stance(answer, v, ground)[0] == "rejected"}
        silent = tuple(v for v in views if stance(answer, v, ground)[0] == "silent")
        out.append(Parting(ground, finding, rejecting, silent))
    return out
