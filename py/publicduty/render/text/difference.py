"""Two views on one claim as an outline: the grounds they part on, with the rules on each side, or why they agree."""

from __future__ import annotations

from publicduty.analyses.difference import Contrast, Difference
from publicduty.analyses.explanation import GroundNode
from publicduty.render.text.outline import Outline, rule_name, write_elements, write_rule
from publicduty.render.words import MET_WORDS, READINGS, STANCE_CLAUSES, holding_word


def difference(d: Difference) -> str:
    """The comparison as an outline."""
    out = Outline()
    out.add(0, f"{d.title}, {d.citation}")
    out.add(0, f"Claimant: {d.claimant_name} ({d.claimant})", hang=2)
    out.blank()
    width = max(len(v) for v in d.views) + 1
    for view, holding in zip(d.views, d.holdings, strict=True):
        out.add(0, f"{(view + ':').ljust(width)} {holding_word(holding)}")
    out.blank()
    reading = f" ({READINGS[d.reading]})" if d.unknown_facts else ""
    if not d.agree:
        count = "one ground" if len(d.parting) == 1 else f"{len(d.parting)} grounds"
        out.add(0, f"They part on {count} the claim meets{reading}:", hang=2)
        for contrast in d.parting:
            _contrast(out, contrast)
        out.blank()
        if d.wanting:
            out.add(0, f"{d.wanting_view} recognises these grounds, which the claim does not meet{reading}:", hang=2)
            for ground in d.wanting:
                _wanting(out, ground, d.wanting_view)
        return out.text()
    out.add(0, _agreement(d) + reading + ".", hang=2)
    if d.contrasts:
        out.blank()
        out.add(0, "They take different stances on these grounds the claim meets, without effect on the holding:",
                hang=2)
        for contrast in d.contrasts:
            _contrast(out, contrast)
    return out.text()


def _agreement(d: Difference) -> str:
    how = "for the same reason" if d.same_reason else "for different reasons"
    if d.holdings[0] == "no_duty":
        return f"They agree, {how}: neither accepts a ground the claim meets"
    on = ["; ".join(f"{d.labels[g]} ({g})" for g in grounds) for grounds in d.rests_on]
    if d.same_reason:
        return f"They agree, {how}: both rest the duty on {on[0]}"
    return f"They agree, {how}: {d.views[0]} rests the duty on {on[0]}; {d.views[1]} on {on[1]}"


def _contrast(out: Outline, contrast: Contrast) -> None:
    out.add(1, f"- {contrast.label} ({contrast.ground}): {MET_WORDS[contrast.met]}", hang=2)
    for side in contrast.sides:
        out.add(2, f"{side.view} {STANCE_CLAUSES[side.stance]}" + (":" if side.rules else ""))
        for rule in side.rules:
            write_rule(out, 3, "", rule, side.view)
    write_elements(out, 2, contrast.facts)


def _wanting(out: Outline, ground: GroundNode, view: str) -> None:
    out.add(1, f"- {ground.label} ({ground.name}): {MET_WORDS[ground.met]}", hang=2)
    for rule in ground.rules:
        out.add(2, f"recognised by {rule_name(rule, view)} [{'; '.join(rule.cites)}]", hang=4)
    write_elements(out, 2, ground.facts, held=False)
