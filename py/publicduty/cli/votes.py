"""``publicduty votes CASE``: each judge's holding from the view they joined, tallied per claim."""

from __future__ import annotations

import argparse

from publicduty.analyses.votes import tally
from publicduty.cli.common import add_json, casebook, show
from publicduty.errors import InputError
from publicduty.render import json as as_json
from publicduty.render.text import court as as_text

NAME = "votes"
HELP = "how the bench divided: each judge's holding from the view they joined, the tally, and the outcome"

def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("case", help="case id (see 'publicduty cases')")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Tally the bench of the case on every claim."""
    book = casebook(args)
    case = book.case(args.case)
    if not case.bench:
        raise InputError.at(case.path, None, f"case '{case.id}' records no bench",
                            "add a 'bench:' list naming each judge and the opinion they joined")
    claims = tally(case, book.answer())
    show(args, lambda: as_json.votes(case, claims), lambda: as_text.votes(case, claims))
    return 0
