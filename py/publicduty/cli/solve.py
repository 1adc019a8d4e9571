"""``publicduty solve CASE``: each claimant's holding under each view, with its grounds."""

from __future__ import annotations

import argparse
from typing import Any

from publicduty.cli.common import add_json, casebook, print_json
from publicduty.render.table import holding_word
from publicduty.solve.casebook import Casebook, Finding

NAME = "solve"
HELP = "solve a case: for each claimant and view, the holding, its grounds and the documented holding"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("case", help="case id (see 'publicduty cases')")
    parser.add_argument("--view", dest="views", metavar="ID", action="append",
                        help="only this view; repeatable (default: all views)")
    add_json(parser)


def finding_json(book: Casebook, finding: Finding) -> dict[str, Any]:
    """A finding as the JSON object ``solve`` and other commands print."""
    documented = finding.documented
    return {
        "claimant": finding.claimant,
        "view": finding.view,
        "holding": finding.holding,
        "grounds": [{
            "ground": g.ground,
            "label": book.catalogue.grounds[g.ground].label,
            "certainty": g.certainty,
            "rules": [{"rule": r, "source": book.catalogue.rules[r].source} for r in g.rules],
        } for g in finding.grounds],
        "documented": documented.holding if documented else None,
        "documented_source": documented.source if documented else None,
        "documented_basis": documented.basis.value if documented else None,
    }


def run(args: argparse.Namespace) -> int:
    """Solve the case and print the findings."""
    book = casebook(args)
    case = book.case(args.case)
    findings = book.solve(case.id, args.views)
    if args.json:
        print_json({"case": case.id, "title": case.title, "citation": case.citation,
                    "results": [finding_json(book, f) for f in findings]})
        return 0
    print(f"{case.title}, {case.citation}\n")
    width = max(len(f.view) for f in findings)
    for claimant in case.claimants:
        print(f"{claimant.name} ({claimant.id})")
        for f in (f for f in findings if f.claimant == claimant.id):
            pad = " " * (width + 4)
            print(f"  {f.view.ljust(width)}  {holding_word(f.holding)}")
            for g in f.grounds:
                how = "" if g.certainty == "certain" else " (if the unknown facts go the claimant's way)"
                print(f"{pad}on {book.catalogue.grounds[g.ground].label}{how}")
                for rule in g.rules:
                    print(f"{pad}  [{rule}: {book.catalogue.rules[rule].source}]")
            if f.documented:
                basis = " (reconstructed)" if f.documented.basis.value == "reconstructed" else ""
                print(f"{pad}documented: {holding_word(f.documented.holding)}{basis}, {f.documented.source}")
        print()
    return 0
