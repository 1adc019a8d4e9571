"""``publicduty flip CASE CLAIMANT --view ID``: the smallest fact changes that turn a holding around."""

from __future__ import annotations

import argparse

from publicduty.analyses.flip import Flip, Flips, minimal_flips
from publicduty.cli.common import add_json, casebook, claim_arguments, print_json
from publicduty.cli.whatif import change_json, change_text
from publicduty.render.table import holding_word, table

NAME = "flip"
HELP = "the minimal sets of fact changes that turn a view's holding on a claim around, smallest first"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    claim_arguments(parser)
    parser.add_argument("--view", required=True, metavar="ID", help="the view whose holding to turn (required)")
    parser.add_argument("--max", dest="most", metavar="N", type=_positive,
                        help="list at most N flips, smallest first (default: all)")
    add_json(parser)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError("give a whole number of at least 1")
    return value


def run(args: argparse.Namespace) -> int:
    """Search the flips and print them."""
    book = casebook(args)
    found = minimal_flips(book, args.case, args.claimant, args.view, args.most)
    if args.json:
        print_json({
            "case": found.case, "claimant": found.claimant, "view": found.view, "holding": found.holding,
            "flips": [[change_json(c) for c in f.changes] for f in found.flips],
            "becomes": [f.becomes for f in found.flips],
            "total": found.total,
        })
        return 0
    print(_text(found, book.case(found.case).title))
    return 0


def _text(found: Flips, title: str) -> str:
    head = (f"{title}: claimant {found.claimant}, view {found.view}: {holding_word(found.holding)}"
            f"{' (it turns on facts the sources leave unknown)' if found.holding == 'open' else ''}")
    if not found.flips:
        return f"{head}\n\nno set of fact changes turns this holding around"
    rows = [(str(i), holding_word(f.becomes), ", ".join(change_text(c) for c in f.changes))
            for i, f in enumerate(found.flips, 1)]
    shown = f"{len(found.flips)} of {found.total}" if len(found.flips) < found.total else str(found.total)
    return "\n".join([head, "", table(("#", "becomes", "changes, all together"), rows),
                      f"\n{shown} minimal flips: each turns the holding, and no smaller part of it does",
                      f"check one: {_whatif_command(found, found.flips[0])}"])


def _whatif_command(found: Flips, flip: Flip) -> str:
    flags = " ".join(f"--{'set' if c.to.value == 'true' else 'unset'} {c.fact}" for c in flip.changes)
    return f"publicduty whatif {found.case} {found.claimant} --view {found.view} {flags}"
