"""``publicduty views``: the modelled opinions, their courts, authors and joining judges."""

from __future__ import annotations

import argparse

from publicduty.cli.common import add_json, casebook, show
from publicduty.render import json as as_json
from publicduty.render.text import listings as as_text

NAME = "views"
HELP = "list the views: each modelled opinion with its court, year, author and joining judges"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the views, oldest first."""
    book = casebook(args)
    views = [book.views[v] for v in book.view_ids()]
    show(args, lambda: as_json.views(views), lambda: as_text.views(views))
    return 0
