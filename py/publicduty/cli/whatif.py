"""``publicduty whatif CASE CLAIMANT``: a claim's holdings with some facts changed, beside the stated ones."""

from __future__ import annotations

import argparse

from publicduty.analyses.whatif import requested_changes, what_if
from publicduty.cli.common import add_json, casebook, claim_arguments, comma_list, show
from publicduty.errors import InputError
from publicduty.render import json as as_json
from publicduty.render.text import holdings as as_text

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


def run(args: argparse.Namespace) -> int:
    """Solve the claim as stated and as changed, on one grounding, and print both."""
    book = casebook(args)
    changes = requested_changes(book.catalogue.inputs, _flat(args.set), _flat(args.unset), _flat(args.unknown))
    if not changes:
        raise InputError.at("<command line>", None, "nothing to change",
                            "give at least one --set, --unset or --unknown FACT")
    result = what_if(book, args.case, args.claimant, changes, args.views)
    show(args, lambda: as_json.what_if(book.catalogue, result),
         lambda: as_text.what_if(result, book.case(result.case).title))
    return 0
