"""An explanation as an outline: the holding, why, and the grounds the view rejects or is silent on."""

from __future__ import annotations

from publicduty.analyses.explanation import Explanation, GroundNode
from publicduty.render.text.outline import Outline, write_fact, write_ground, write_rule
from publicduty.render.words import RECONSTRUCTED, holding_word


def explanation(e: Explanation) -> str:
    """The explanation as an outline."""
    out = Outline()
    out.add(0, f"{e.title}, {e.citation}")
    out.add(0, f"Claimant: {e.claimant_name} ({e.claimant})", hang=2)
    out.add(0, f"View: {e.view}, {e.view_label}, {e.view_citation}", hang=2)
    out.blank()
    out.add(0, f"Holding: {holding_word(e.holding)}")
    if e.documented is not None:
        d = e.documented
        basis = f", {RECONSTRUCTED}" if d.reconstructed else ""
        out.add(0, f"Documented: {holding_word(d.holding)} ({d.source}{basis})" + (f". {d.note}" if d.note else ""),
                hang=2)
    out.blank()
    if e.holding == "duty":
        _section(out, "Why a duty: it rests on", e.rests_on, e.view)
    elif e.holding == "open":
        out.add(0, "Why open: a duty if the unknown facts go the claimant's way, none if they do not. "
                   "It turns on:", hang=2)
        for fact in e.turns_on:
            write_fact(out, 1, fact)
        out.blank()
        _section(out, "In some readings of them, a duty rests on", e.rests_on, e.view)
        _defaults(out, "In the others", ", the default applies", e)
    else:
        _defaults(out, "Why no duty", ": the default applies", e)
        _section(out, f"The claim meets none of the grounds {e.view} recognises", e.unmet, e.view)
    _section(out, f"Grounds the claim meets that {e.view} rejects", e.rejected, e.view)
    _section(out, f"Grounds the claim meets on which {e.view} is silent (not in the sources)", e.silent, e.view)
    return out.text()


def _defaults(out: Outline, lead: str, default: str, e: Explanation) -> None:
    if not e.default:  # the default does not hold for this claim (it is for public defendants)
        out.add(0, f"{lead}: no rule of {e.view} gives a duty, and its default does not apply.", hang=2)
        out.blank()
        return
    out.add(0, f"{lead}{default}:")
    for rule in e.default:
        write_rule(out, 1, "", rule, e.view)
    out.blank()


def _section(out: Outline, heading: str, grounds: tuple[GroundNode, ...], view: str) -> None:
    if not grounds:
        return
    out.add(0, f"{heading}:")
    for ground in grounds:
        write_ground(out, 1, ground, view)
    out.blank()
