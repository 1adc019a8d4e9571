"""``publicduty check-sources DIR``: every quoted phrase of every rule, on its cited page of the opinion."""

from __future__ import annotations

import argparse
from pathlib import Path

from publicduty.analyses.source_check import check, problems, read_sources
from publicduty.cli.common import add_json, casebook, print_json
from publicduty.errors import InputError

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
    if args.json:
        print_json({
            "texts": {s.reporter: s.path.name for s in sorted(sources.values(), key=lambda s: s.reporter)},
            "quotes": [{"rule": c.rule, "cite": c.cite, "phrase": c.phrase, "found_on": list(c.found_on)}
                       for c in checks],
        })
        return 0
    texts = ", ".join(f"{s.reporter} ({s.path.name})" for s in sorted(sources.values(), key=lambda s: s.reporter))
    rules = len({c.rule for c in checks})
    print(f"{len(checks)} quoted phrases of {rules} rules, checked against {texts}: each is on its cited page.")
    return 0
