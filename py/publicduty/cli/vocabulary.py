"""``publicduty vocabulary``: the facts a case may state and the grounds of duty, in the logic's own words."""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from publicduty.analyses.partings import exceptions, overall, stance_table
from publicduty.cli.common import add_json, casebook, print_json
from publicduty.model.answer import Answer
from publicduty.render.text import WIDTH
from publicduty.solve.casebook import Casebook

NAME = "vocabulary"
HELP = ("list the facts a case file may state and the grounds of duty, with their meanings, "
        "and which views recognise or reject each ground")

def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the vocabulary as the logic declares it."""
    book = casebook(args)
    answer = book.answer()
    views = book.view_ids()
    if args.json:
        print_json(_json(book, answer, views))
        return 0
    catalogue = book.catalogue
    print("Facts a case file may state of a claim (true, false or unknown; not listed is not alleged):\n")
    width = max(len(name) for name in catalogue.inputs) + 2
    for item in catalogue.inputs.values():
        print(textwrap.fill(item.meaning, WIDTH, initial_indent=item.name.ljust(width),
                            subsequent_indent=" " * width, break_on_hyphens=False))
    print("\nGrounds: routes to a duty, each met when all of its facts are true:\n")
    for ground in catalogue.grounds.values():
        print(textwrap.fill(f"{ground.name}: {ground.label}", WIDTH, subsequent_indent="    "))
        print(textwrap.fill(f"needs: {', '.join(ground.elements)}", WIDTH, initial_indent="    ",
                            subsequent_indent="           "))
    print("\nWhat each view makes of each ground ('-': silent, not in the sources; "
          "qualified: recognises it, with exceptions):\n")
    print(stance_table(answer, list(catalogue.grounds), views))
    return 0


def _json(book: Casebook, answer: Answer, views: list[str]) -> dict[str, Any]:
    catalogue = book.catalogue
    return {
        "inputs": [{"input": i.name, "meaning": i.meaning} for i in catalogue.inputs.values()],
        "grounds": [{
            "ground": g.name,
            "label": g.label,
            "elements": list(g.elements),
            "views": {v: {"stance": overall(answer, v, g.name), "rules": list(answer.stance_of(v, g.name)[1]),
                          "exceptions": list(exceptions(answer, v, g.name))}
                      for v in views},
        } for g in catalogue.grounds.values()],
    }
