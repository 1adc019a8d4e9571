"""What several subcommands share: opening the casebook from the global options, printing."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from publicduty.solve.casebook import Casebook


def casebook(args: argparse.Namespace) -> Casebook:
    """Load the casebook the global options describe."""
    return Casebook(args.logic, args.cases, builtin_cases=not args.no_builtin_cases,
                    builtin_views=not args.no_builtin_views)


def add_json(parser: argparse.ArgumentParser) -> None:
    """Offer ``--json`` for machine-readable output."""
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")


def print_json(payload: dict[str, Any]) -> None:
    """Print ``payload`` as stable, human-diffable JSON."""
    print(json.dumps(payload, indent=2, ensure_ascii=False))


def show(args: argparse.Namespace, as_json: Callable[[], dict[str, Any]], as_text: Callable[[], str]) -> None:
    """Print what the renderer ``--json`` chooses makes of a command's answer: only that renderer runs."""
    if args.json:
        print_json(as_json())
    else:
        print(as_text(), end="")


def comma_list(text: str) -> list[str]:
    """An option value such as ``a, b,c`` as a list, blanks stripped and empty items dropped."""
    return [item.strip() for item in text.split(",") if item.strip()]


def claim_arguments(parser: argparse.ArgumentParser) -> None:
    """The two positional arguments that name one claim: CASE and CLAIMANT."""
    parser.add_argument("case", metavar="CASE", help="case id (see 'publicduty cases')")
    parser.add_argument("claimant", metavar="CLAIMANT", help="claimant id (see 'publicduty cases')")


def views_option(parser: argparse.ArgumentParser) -> None:
    """Offer ``--views A,B`` to restrict a command to some views."""
    parser.add_argument("--views", metavar="A,B,...", type=comma_list,
                        help="only these views (default: all), comma-separated")
