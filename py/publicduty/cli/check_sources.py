"""``publicduty check-sources DIR``: every quoted phrase of every rule, on its cited page of the opinion."""

from __future__ import annotations

import argparse
from pathlib import Path

from publicduty.analyses.source_check import check, problems, read_sources
from publicduty.cli.common import add_json, casebook, show
from publicduty.errors import InputError
from publicduty.render import json as as_json
from publicduty.render.text import checks as as_text

NAME = "check-sources"
HELP = ("check that every phrase a rule quotes occurs in the opinion's text on the page it cites; "
        "DIR holds the texts (*.txt), recognised by the phrases in logic/law/sources.lp")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("folder", metavar="DIR", type=Path, help="folder of opinion texts (*.txt) with star pages")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Check every quote; exit 2 with one line per quote that is missing or misplaced."""
    book = casebook(args)
    sources = read_sources(args.folder, book.catalogue)
    checks = check(book.catalogue, sources)
    failed = problems(checks, book.logic_files)
    if failed:
        raise InputError(failed)
    show(args, lambda: as_json.quote_checks(sources, checks), lambda: as_text.quote_checks(sources, checks))
    return 0
