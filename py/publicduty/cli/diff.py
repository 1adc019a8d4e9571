"""``publicduty diff CASE CLAIMANT VIEW_A VIEW_B``: the rule differences two views' holdings turn on."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from publicduty.analyses.difference import Contrast, Difference, compare_views
from publicduty.analyses.explanation import GroundNode
from publicduty.cli.common import add_json, casebook, claim_arguments, print_json
from publicduty.render.table import holding_word
from publicduty.render.text import MET_WORDS, Outline, rule_name, write_elements, write_rule

NAME = "diff"
HELP = ("where two views part on one claimant: the grounds one accepts and the other rejects or passes over, "
        "with the rules on each side and the facts those grounds read; or why they agree")

#: Which readings of the unknown facts (logic/engine/doctrine.lp) the comparison is made in, as the output says it.
_READINGS = {"every": "in every reading of the unknown facts", "some": "in some reading of the unknown facts"}
_STANCES = {"recognised": "recognises it", "rejected": "rejects it", "silent": "is silent on it (not in the sources)"}


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    claim_arguments(parser)
    parser.add_argument("view_a", metavar="VIEW_A", help="a view id (see 'publicduty views')")
    parser.add_argument("view_b", metavar="VIEW_B", help="the view to compare it with")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Solve once and compare the two views on the claimant."""
    book = casebook(args)
    case = book.case(args.case)
    claimant = case.claimant(args.claimant)
    first, second = book.view_ids([args.view_a, args.view_b])
    difference = compare_views(book.catalogue, book.answer(), case, claimant.id, (first, second))
    if args.json:
        print_json(_json(difference))
    else:
        print(render(difference), end="")
    return 0


def _json(difference: Difference) -> dict[str, Any]:
    return {"agree": difference.agree, **asdict(difference)}


def render(d: Difference) -> str:
    """The comparison as an outline."""
    out = Outline()
    out.add(0, f"{d.title}, {d.citation}")
    out.add(0, f"Claimant: {d.claimant_name} ({d.claimant})", hang=2)
    out.blank()
    width = max(len(v) for v in d.views) + 1
    for view, holding in zip(d.views, d.holdings, strict=True):
        out.add(0, f"{(view + ':').ljust(width)} {holding_word(holding)}")
    out.blank()
    reading = f" ({_READINGS[d.reading]})" if d.unknown_facts else ""
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
        out.add(2, f"{side.view} {_STANCES[side.stance]}" + (":" if side.rules else ""))
        for rule in side.rules:
            write_rule(out, 3, "", rule, side.view)
    write_elements(out, 2, contrast.facts)


def _wanting(out: Outline, ground: GroundNode, view: str) -> None:
    out.add(1, f"- {ground.label} ({ground.name}): {MET_WORDS[ground.met]}", hang=2)
    for rule in ground.rules:
        out.add(2, f"recognised by {rule_name(rule, view)} [{'; '.join(rule.cites)}]", hang=4)
    write_elements(out, 2, ground.facts, held=False)
