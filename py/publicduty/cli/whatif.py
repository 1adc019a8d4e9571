"""``publicduty whatif CASE CLAIMANT``: a claim's holdings with some facts changed, beside the stated ones."""

from __future__ import annotations

import argparse
from typing import Any

from publicduty.analyses.whatif import FactChange, WhatIf, requested_changes, what_if
from publicduty.cli.common import add_json, casebook, claim_arguments, comma_list, print_json
from publicduty.cli.solve import finding_json
from publicduty.errors import InputError
from publicduty.model.case import Truth
from publicduty.render.table import holding_word, table

NAME = "whatif"
HELP = "change some facts of a claim and see each view's holding beside the holding on the stated facts"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    claim_arguments(parser)
    parser.add_argument("--view", dest="views", metavar="ID", action="append",
                        help="only this view; repeatable (default: all views)")
    for flag, what in (("--set", "true"), ("--unset", "false"), ("--unknown", "unknown")):
        parser.add_argument(flag, metavar="FACT", action="append", default=[], type=comma_list,
                            help=f"make FACT {what}; repeatable, or several comma-separated")
    add_json(parser)


def _flat(groups: list[list[str]]) -> list[str]:
    return [name for group in groups for name in group]


def truth_json(truth: Truth) -> bool | str:
    """A fact's value as JSON: true, false, or the string "unknown" (as a case file writes it)."""
    return {Truth.TRUE: True, Truth.FALSE: False}.get(truth, truth.value)


def change_json(change: FactChange) -> dict[str, Any]:
    """A fact change as JSON: the fact, its new value and its stated one."""
    return {"fact": change.fact, "to": truth_json(change.to), "was": truth_json(change.was)}


def change_text(change: FactChange) -> str:
    """A fact change as one reads it: ``fact: was -> to``."""
    return f"{change.fact}: {change.was.value} -> {change.to.value}"


def run(args: argparse.Namespace) -> int:
    """Solve the claim as stated and as changed, on one grounding, and print both."""
    book = casebook(args)
    changes = requested_changes(book.catalogue.inputs, _flat(args.set), _flat(args.unset), _flat(args.unknown))
    if not changes:
        raise InputError.at("<command line>", None, "nothing to change",
                            "give at least one --set, --unset or --unknown FACT")
    result = what_if(book, args.case, args.claimant, changes, args.views)
    if args.json:
        print_json({
            "case": result.case, "claimant": result.claimant,
            "changes": [change_json(c) for c in result.changes],
            "results": [{"view": before.view, "before": finding_json(book, before),
                         "after": finding_json(book, after)}
                        for before, after in zip(result.before, result.after, strict=True)],
        })
        return 0
    print(_text(result, book.case(result.case).title))
    return 0


def _text(result: WhatIf, title: str) -> str:
    rows = []
    for before, after in zip(result.before, result.after, strict=True):
        grounds = ", ".join(g.ground + ("" if g.certainty == "certain" else " (possible)") for g in after.grounds)
        moved = "" if before.holding == after.holding else "  <-"
        rows.append((before.view, holding_word(before.holding), holding_word(after.holding) + moved,
                     grounds or "-"))
    changed = sum(1 for b, a in zip(result.before, result.after, strict=True) if b.holding != a.holding)
    lines = [f"{title}: claimant {result.claimant}, what if", *(f"  {change_text(c)}" for c in result.changes),
             "", table(("view", "as stated", "what if", "grounds, what if"), rows),
             f"\nthe changes move {changed} of {len(rows)} holdings (marked <-); the case file is unchanged"]
    return "\n".join(lines)
