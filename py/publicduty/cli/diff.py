"""``publicduty diff CASE CLAIMANT VIEW_A VIEW_B``: the rule differences two views' holdings turn on."""

from __future__ import annotations

import argparse

from publicduty.analyses.difference import compare_views
from publicduty.cli.common import add_json, casebook, claim_arguments, show
from publicduty.render import json as as_json
from publicduty.render.text import difference as as_text

NAME = "diff"
HELP = ("where two views part on one claimant: the grounds one accepts and the other rejects or passes over, "
        "with the rules on each side and the facts those grounds read; or why they agree")


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
    show(args, lambda: as_json.difference(difference), lambda: as_text.difference(difference))
    return 0
