"""``publicduty compare CASE``: the claimants-by-views matrix, documented outcomes, and what parts the views."""

from __future__ import annotations

import argparse

from publicduty.analyses.partings import compare
from publicduty.cli.common import add_json, casebook, show, views_option
from publicduty.errors import InputError
from publicduty.render import json as as_json
from publicduty.render.text import holdings as as_text

NAME = "compare"
HELP = "compare views on a case (or --all cases): the holdings matrix beside the documented outcomes"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("case", nargs="?", help="case id (see 'publicduty cases')")
    parser.add_argument("--all", action="store_true", help="compare every case in the case base")
    views_option(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Solve once, then print one matrix per case."""
    book = casebook(args)
    if args.all == bool(args.case):
        parser_error = "give a case id or --all, not both" if args.all else "give a case id, or --all"
        raise InputError.at("<command line>", None, parser_error, "see 'publicduty compare --help'")
    cases = [book.cases[c] for c in sorted(book.cases)] if args.all else [book.case(args.case)]
    compared = compare(book.answer(), cases, book.view_ids(args.views), list(book.catalogue.grounds))
    show(args, lambda: as_json.comparison(book.catalogue, compared),
         lambda: as_text.comparison(book.catalogue, compared))
    return 0
