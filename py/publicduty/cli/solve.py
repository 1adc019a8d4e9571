"""``publicduty solve CASE``: each claimant's holding under each view, with its grounds."""

from __future__ import annotations

import argparse

from publicduty.cli.common import add_json, casebook, show
from publicduty.render import json as as_json
from publicduty.render.text import holdings as as_text

NAME = "solve"
HELP = "solve a case: for each claimant and view, the holding, its grounds and the documented holding"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("case", help="case id (see 'publicduty cases')")
    parser.add_argument("--view", dest="views", metavar="ID", action="append",
                        help="only this view; repeatable (default: all views)")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Solve the case and print the findings."""
    book = casebook(args)
    case = book.case(args.case)
    found = book.solve(case.id, args.views)
    show(args, lambda: as_json.findings(book.catalogue, case, found),
         lambda: as_text.findings(book.catalogue, case, found))
    return 0
