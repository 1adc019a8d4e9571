"""``publicduty explain CASE CLAIMANT --view ID``: why the view holds as it does, rule by rule, fact by fact."""

from __future__ import annotations

import argparse

from publicduty.analyses.explanation import explain
from publicduty.cli.common import casebook, claim_arguments, print_json
from publicduty.render import dot as as_dot
from publicduty.render import json as as_json
from publicduty.render.text import explanation as as_text

NAME = "explain"
HELP = ("explain one view's holding for one claimant: the grounds a duty rests on or the ones that fail, "
        "each rule with its source and each fact with the case file's")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    claim_arguments(parser)
    parser.add_argument("--view", required=True, metavar="ID", help="the view whose holding to explain "
                        "(see 'publicduty views')")
    parser.add_argument("--format", choices=("text", "json", "dot"), default="text",
                        help="an indented outline (default), the same tree as JSON, or a Graphviz graph "
                             "(render it with 'dot -Tsvg')")


def run(args: argparse.Namespace) -> int:
    """Solve once and print the explanation in the chosen format."""
    book = casebook(args)
    case = book.case(args.case)
    claimant = case.claimant(args.claimant)
    (view,) = book.view_ids([args.view])
    explanation = explain(book.catalogue, book.answer(), case, claimant.id, view)
    if args.format == "json":
        print_json(as_json.explanation(explanation))
    elif args.format == "dot":
        print(as_dot.explanation(explanation), end="")
    else:
        print(as_text.explanation(explanation), end="")
    return 0
