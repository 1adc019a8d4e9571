"""``publicduty flip CASE CLAIMANT --view ID``: the smallest fact changes that turn a holding around."""

from __future__ import annotations

import argparse

from publicduty.analyses.flip import minimal_flips
from publicduty.cli.common import add_json, casebook, claim_arguments, show
from publicduty.render import json as as_json
from publicduty.render.text import holdings as as_text

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
    show(args, lambda: as_json.flips(found), lambda: as_text.flips(found, book.case(found.case).title))
    return 0
