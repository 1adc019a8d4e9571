"""``publicduty disagree VIEW_A VIEW_B``: the minimal fact patterns on which two views part."""

from __future__ import annotations

import argparse
from typing import Any

from publicduty.analyses.disagree import Disagreement, Disagreements, disagreements
from publicduty.cli.common import add_json, casebook, comma_list, print_json
from publicduty.solve.casebook import Casebook

NAME = "disagree"
HELP = ("over every combination of facts, the minimal fact patterns on which two views reach different "
        "holdings, and the grounds that part them")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("first", metavar="VIEW_A", help="a view id (see 'publicduty views')")
    parser.add_argument("second", metavar="VIEW_B", help="another view id")
    parser.add_argument("--facts", metavar="F,G,...", type=comma_list,
                        help="search only patterns over these facts; the others stay false (default: all facts)")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Search the patterns and print them."""
    book = casebook(args)
    found = disagreements(book, args.first, args.second, args.facts)
    if args.json:
        print_json({"views": list(found.views), "facts": list(found.facts),
                    "patterns": [_pattern_json(book, p) for p in found.patterns]})
        return 0
    print(_text(book, found))
    return 0


def _rules_json(book: Casebook, rules: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"rule": r, "source": book.catalogue.rules[r].source} for r in rules]


def _pattern_json(book: Casebook, pattern: Disagreement) -> dict[str, Any]:
    return {
        "facts": list(pattern.facts),
        "duty": pattern.duty_view,
        "no_duty": pattern.no_duty_view,
        "grounds": [{
            "ground": p.ground,
            "label": book.catalogue.grounds[p.ground].label,
            "accepted_by": _rules_json(book, p.accepting),
            "other": p.other_stance,
            "rejected_by": _rules_json(book, p.rejecting),
            "recognised_by": _rules_json(book, p.recognising),
        } for p in pattern.grounds],
    }


def _text(book: Casebook, found: Disagreements) -> str:
    first, second = found.views
    count = len(found.patterns)
    head = (f"{first} and {second} part on {count} minimal fact pattern{'s' if count != 1 else ''}, "
            f"searched over {len(found.facts)} facts ({2 ** len(found.facts):,} patterns)")
    if not found.patterns:
        return head
    lines = [head, "each pattern: those facts true, every other fact false; no smaller pattern parts the views", ""]
    for i, pattern in enumerate(found.patterns, 1):
        lines.append(f"{i}. {' + '.join(pattern.facts) or '(no fact true)'}")
        for p in pattern.grounds:
            lines.append(f"   duty for {pattern.duty_view}, on {book.catalogue.grounds[p.ground].label} ({p.ground})")
            lines.extend(_cites(book, p.accepting))
            if p.rejecting:
                lines.append(f"   no duty for {pattern.no_duty_view}, which rejects the ground")
                lines.extend(_cites(book, p.rejecting))
            elif p.recognising:
                lines.append(f"   no duty for {pattern.no_duty_view}, whose rules for the ground need more")
                lines.extend(_cites(book, p.recognising))
            else:
                lines.append(f"   no duty for {pattern.no_duty_view}, silent on the ground (not in the sources)")
    return "\n".join(lines)


def _cites(book: Casebook, rules: tuple[str, ...]) -> list[str]:
    return [f"     [{r}: {book.catalogue.rules[r].source}]" for r in rules]
