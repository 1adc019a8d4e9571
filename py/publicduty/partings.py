"""Where views part: for a claim on which views disagree, the ground that divides them.

The solver says which grounds each view recognises, rejects or is silent on, and
which grounds a claim meets. A disagreement is then explained ground by ground: the
views that find a duty on it, the views that reject it (with the rule and page), and
the views that say nothing of it ("not in the sources").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from publicduty.engine import Answer, ClaimKey


@dataclass(frozen=True)
class Parting:
    """One ground on which views holding differently part company for one claim."""

    ground: str
    finding: tuple[str, ...]  # views whose duty (certain or possible) rests on the ground
    rejecting: dict[str, tuple[str, ...]]  # view -> the rules rejecting the ground
    silent: tuple[str, ...]  # views that neither recognise nor reject it


def partings(answer: Answer, key: ClaimKey, views: Sequence[str]) -> list[Parting]:
    """The grounds that divide ``views`` on claim ``key``; empty when they agree."""
    if len({answer.holdings[(v, key)] for v in views}) < 2:
        return []
    grounds = sorted({g for v in views for g in answer.rests_on.get((v, key), {})})
    out = []
    for ground in grounds:
        finding = tuple(v for v in views if ground in answer.rests_on.get((v, key), {}))
        rejecting = {
            v: answer.stance[(v, ground)][1] for v in views
            if answer.stance.get((v, ground), ("", ()))[0] == "rejected"
        }
        silent = tuple(v for v in views if (v, ground) not in answer.stance)
        out.append(Parting(ground, finding, rejecting, silent))
    return out
