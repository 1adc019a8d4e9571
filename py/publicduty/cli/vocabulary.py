"""``publicduty vocabulary``: the facts a case may state and the grounds of duty, in the logic's own words."""

from __future__ import annotations

import argparse

from publicduty.analyses.partings import ground_stances
from publicduty.cli.common import add_json, casebook, show
from publicduty.render import json as as_json
from publicduty.render.text import listings as as_text

NAME = "vocabulary"
HELP = ("list the facts a case file may state and the grounds of duty, with their meanings, "
        "and which views recognise or reject each ground")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the vocabulary as the logic declares it."""
    book = casebook(args)
    views = book.view_ids()
    stances = ground_stances(book.answer(), list(book.catalogue.grounds), views)
    show(args, lambda: as_json.vocabulary(book.catalogue, stances),
         lambda: as_text.vocabulary(book.catalogue, stances, views))
    return 0
