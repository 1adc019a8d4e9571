"""``publicduty views``: the modelled opinions, their courts, authors and joining judges."""

from __future__ import annotations

import argparse

from publicduty.cli.common import add_json, casebook, print_json
from publicduty.render.table import table

NAME = "views"
HELP = "list the views: each modelled opinion with its court, year, author and joining judges"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the views, oldest first."""
    book = casebook(args)
    views = [book.views[v] for v in book.view_ids()]
    if args.json:
        print_json({"views": [{
            "view": v.id, "opinion": v.label, "kind": v.kind, "case": v.case, "citation": v.citation,
            "court": v.court, "year": v.year, "author": v.author, "joined": list(v.joined),
        } for v in views]})
        return 0
    print(table(
        ("view", "opinion", "court", "year", "author", "joined by"),
        [(v.id, v.label, v.court, str(v.year), v.author, ", ".join(v.joined) or "-") for v in views],
    ))
    return 0
