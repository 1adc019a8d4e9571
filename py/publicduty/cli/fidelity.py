"""``publicduty fidelity``: how often each view reproduces the holdings its opinion stands on."""

from __future__ import annotations

import argparse

from publicduty.analyses.fidelity import fidelity
from publicduty.cli.common import add_json, casebook, show, views_option
from publicduty.render import json as as_json
from publicduty.render.text import court as as_text

NAME = "fidelity"
HELP = ("each view's derived holdings against its own case's documented holdings and the precedents "
        "its opinion relies on; every mismatch with the tension that explains it")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    views_option(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Score every view; exit 1 when a mismatch is not a declared tension."""
    book = casebook(args)
    answer = book.answer()
    results = [fidelity(book, answer, view) for view in book.view_ids(args.views)]
    show(args, lambda: as_json.fidelity(results), lambda: as_text.fidelity(results))
    return 1 if any(r.unexplained for r in results) else 0
