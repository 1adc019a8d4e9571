"""``publicduty check [PATH ...]``: validate case files and view files, reporting every problem.

What is checked is what the other commands would load (the global options, through the
same :func:`publicduty.solve.casebook.load`) plus the files and folders given; see
:mod:`publicduty.load.inputs` for the role each file takes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from publicduty.cli.common import add_json, show
from publicduty.errors import InputError
from publicduty.load.inputs import Inputs
from publicduty.render import json as as_json
from publicduty.render.text import checks as as_text
from publicduty.solve.casebook import load

NAME = "check"
HELP = ("check case files and view files (default: everything the global options load); "
        "one line per problem, exit status 2 if there is any")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                        help="a case file (.yaml), a view file (.lp) or a folder of them; repeatable")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Check everything, print what was checked, or raise every problem found."""
    chosen = Inputs.chosen(args.logic, args.cases, builtin_cases=not args.no_builtin_cases,
                           builtin_views=not args.no_builtin_views)
    inputs, missing = chosen.with_paths(args.paths)
    try:
        load(inputs, every_check=True)
    except InputError as err:
        raise InputError.sorted(missing + err.problems) from None
    if missing:
        raise InputError.sorted(missing)
    show(args, lambda: as_json.checked(inputs), lambda: as_text.checked(inputs))
    return 0
