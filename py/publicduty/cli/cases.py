"""``publicduty cases``: the case base, with citations and claimants."""

from __future__ import annotations

import argparse

from publicduty.cli.common import add_json, casebook, show
from publicduty.render import json as as_json
from publicduty.render.text import listings as as_text

NAME = "cases"
HELP = "list the cases: title, citation and claimants of each"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the cases in id order."""
    book = casebook(args)
    cases = [book.cases[c] for c in sorted(book.cases)]
    show(args, lambda: as_json.cases(cases), lambda: as_text.cases(cases))
    return 0
