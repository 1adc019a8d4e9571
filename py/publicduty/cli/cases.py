"""``publicduty cases``: the case base, with citations and claimants."""

from __future__ import annotations

import argparse

from publicduty.cli.common import add_json, casebook, print_json
from publicduty.render.table import table

NAME = "cases"
HELP = "list the cases: title, citation and claimants of each"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the cases in id order."""
    book = casebook(args)
    cases = [book.cases[c] for c in sorted(book.cases)]
    if args.json:
        print_json({"cases": [{
            "case": c.id, "title": c.title, "citation": c.citation, "court": c.court,
            "claimants": [{"id": k.id, "name": k.name} for k in c.claimants],
        } for c in cases]})
        return 0
    print(table(("case", "title", "citation", "claimants"),
                [(c.id, c.title, c.citation, ", ".join(k.id for k in c.claimants)) for c in cases]))
    print(f"\n{len(cases)} cases")
    return 0
