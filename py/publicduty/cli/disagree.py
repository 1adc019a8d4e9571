"""``publicduty disagree VIEW_A VIEW_B``: the minimal fact patterns on which two views part."""

from __future__ import annotations

import argparse

from publicduty.analyses.disagree import disagreements
from publicduty.cli.common import add_json, casebook, comma_list, show
from publicduty.render import json as as_json
from publicduty.render.text import holdings as as_text

NAME = "disagree"
HELP = ("over every combination of facts, the minimal fact patterns on which two views reach different "
        "holdings, and the grounds that part them")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("first", metavar="VIEW_A", help="a view id (see 'publicduty views')")
    parser.add_argument("second", metavar="VIEW_B", help="another view id")
    parser.add_argument("--facts", metavar="F,G,...", type=comma_list,
                        help="search only patterns over these facts; the others stay false (default: all facts)")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Search the patterns and print them."""
    book = casebook(args)
    found = disagreements(book, args.first, args.second, args.facts)
    show(args, lambda: as_json.disagreements(book.catalogue, found),
         lambda: as_text.disagreements(book.catalogue, found))
    return 0
