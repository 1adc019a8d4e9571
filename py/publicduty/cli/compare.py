"""``publicduty compare CASE``: the claimants-by-views matrix, documented outcomes, and what parts the views."""

from __future__ import annotations

import argparse
from typing import Any

from publicduty.analyses.partings import Parting, overall, partings, stance_table
from publicduty.cli.common import add_json, casebook, print_json, views_option
from publicduty.model.answer import Answer, ClaimKey
from publicduty.model.case import Case
from publicduty.render.table import holding_word, table
from publicduty.solve.casebook import Casebook

NAME = "compare"
HELP = "compare views on a case (or --all cases): the holdings matrix beside the documented outcomes"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("case", nargs="?", help="case id (see 'publicduty cases')")
    parser.add_argument("--all", action="store_true", help="compare every case in the case base")
    views_option(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Solve once, then print one matrix per case."""
    book = casebook(args)
    if args.all == bool(args.case):
        parser_error = "give a case id or --all, not both" if args.all else "give a case id, or --all"
        from publicduty.errors import InputError

        raise InputError.at("<command line>", None, parser_error, "see 'publicduty compare --help'")
    cases = [book.cases[c] for c in sorted(book.cases)] if args.all else [book.case(args.case)]
    views = book.view_ids(args.views)
    answer = book.answer()
    stances = stance_map(book, answer, views)
    if args.json:
        print_json({"views": views, "cases": [_case_json(book, answer, c, views) for c in cases],
                    "stances": stances})
        return 0
    for case in cases:
        print(_case_text(book, answer, case, views))
    if len(cases) > 1:
        print("What each view makes of each ground it speaks to ('-': silent, not in the sources):\n"
              + stance_table(answer, list(stances), views) + "\n")
    return 0


def stance_map(book: Casebook, answer: Answer, views: list[str]) -> dict[str, dict[str, str]]:
    """For each ground some view speaks to: recognised, rejected or silent, view by view."""
    out = {}
    for ground in sorted(book.catalogue.grounds):
        row = {v: overall(answer, v, ground) for v in views}
        if set(row.values()) != {"silent"}:
            out[ground] = row
    return out


def _outcome_opinions(case: Case) -> list[str]:
    return [o.id for o in case.opinions if o.holdings]


def _case_json(book: Casebook, answer: Answer, case: Case, views: list[str]) -> dict[str, Any]:
    rows = []
    for claimant in case.claimants:
        key = ClaimKey(case.id, claimant.id)
        rows.append({
            "claimant": claimant.id,
            "derived": {v: answer.holding(v, key) for v in views},
            "documented": {o.id: o.holdings[claimant.id].holding
                           for o in case.opinions if claimant.id in o.holdings},
            "partings": [_parting_json(book, p) for p in partings(answer, key, views)],
        })
    return {"case": case.id, "title": case.title, "citation": case.citation, "claimants": rows}


def _parting_json(book: Casebook, parting: Parting) -> dict[str, Any]:
    return {
        "ground": parting.ground,
        "label": book.catalogue.grounds[parting.ground].label,
        "finding_duty": list(parting.finding),
        "rejecting": {v: [{"rule": r, "source": book.catalogue.rules[r].source} for r in rules]
                      for v, rules in parting.rejecting.items()},
        "silent": list(parting.silent),
    }


def _case_text(book: Casebook, answer: Answer, case: Case, views: list[str]) -> str:
    documented = _outcome_opinions(case)
    divider = ("|",) if documented else ()
    header = ("claimant", *views, *divider, *(f"[{o}]" for o in documented))
    rows = []
    notes = []
    for claimant in case.claimants:
        key = ClaimKey(case.id, claimant.id)
        derived = [holding_word(answer.holding(v, key)) for v in views]
        recorded = []
        for opinion in case.opinions:
            if opinion.id in documented:
                held = opinion.holdings.get(claimant.id)
                mark = "*" if held and held.basis.value == "reconstructed" else ""
                recorded.append(holding_word(held.holding if held else None) + mark)
        rows.append((claimant.id, *derived, *divider, *recorded))
        for parting in partings(answer, key, views):
            notes.append(_parting_text(book, claimant.id, parting))
    out = [f"{case.title}, {case.citation}", "", table(header, rows)]
    out.append("\nderived holdings left of '|'; documented holdings of the case's opinions in [brackets]"
               + ("; * reconstructed, not read" if any("*" in c for r in rows for c in r) else ""))
    if notes:
        out.append("\nWhere the views part:")
        out.extend(notes)
    return "\n".join(out) + "\n"


def _parting_text(book: Casebook, claimant: str, parting: Parting) -> str:
    label = book.catalogue.grounds[parting.ground].label
    lines = [f"  {claimant}: {label} ({parting.ground})",
             f"      duty found on it by: {', '.join(parting.finding)}"]
    for view, rules in parting.rejecting.items():
        cites = "; ".join(f"{r}, {book.catalogue.rules[r].source}" for r in rules)
        lines.append(f"      rejected by {view}: {cites}")
    if parting.silent:
        lines.append(f"      not in the sources for: {', '.join(parting.silent)}")
    return "\n".join(lines)
