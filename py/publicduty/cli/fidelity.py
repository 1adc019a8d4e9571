"""``publicduty fidelity``: how often each view reproduces the holdings its opinion stands on."""

from __future__ import annotations

import argparse
from typing import Any

from publicduty.analyses.fidelity import CROSS_CHECK, Check, ViewFidelity, fidelity
from publicduty.cli.common import add_json, casebook, print_json, views_option
from publicduty.render.table import holding_word

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
    if args.json:
        print_json({"views": [_view_json(r) for r in results]})
    else:
        print("\n".join(_view_text(r) for r in results))
    return 1 if any(r.unexplained for r in results) else 0


def _check_json(check: Check) -> dict[str, Any]:
    return {
        "case": check.case, "claimant": check.claimant, "scope": check.scope,
        "derived": check.derived, "documented": check.documented, "source": check.source, "basis": check.basis,
        "tension": None if check.tension is None else {"cite": check.tension.cite, "why": check.tension.why},
        "reason": check.reason or None,
    }


def _view_json(result: ViewFidelity) -> dict[str, Any]:
    scored = result.scored()
    return {
        "view": result.view,
        "agree": result.agree,
        "total": len(scored),
        "mismatches": [_check_json(c) for c in scored if not c.agrees],
        "unexplained": len(result.unexplained),
        "cross_checks": [_check_json(c) for c in result.checks if c.scope == CROSS_CHECK],
    }


def _view_text(result: ViewFidelity) -> str:
    scored = result.scored()
    lines = [f"{result.view}: agrees with {result.agree} of {len(scored)} documented holdings"
             f" ({len(result.unexplained)} unexplained)"]
    for check in scored:
        if not check.agrees:
            lines.append(_mismatch(check))
    crosses = [c for c in result.checks if c.scope == CROSS_CHECK]
    if crosses:
        agree = sum(c.agrees for c in crosses)
        lines.append(f"  cross-check, precedents the other opinions of its case rely on: {agree} of {len(crosses)}")
        lines.extend(_mismatch(c) for c in crosses if not c.agrees)
    return "\n".join(lines) + "\n"


def _mismatch(check: Check) -> str:
    head = (f"  {check.case}/{check.claimant} ({check.scope}): derived {holding_word(check.derived)}, "
            f"documented {holding_word(check.documented)} ({check.source}"
            f"{', reconstructed' if check.basis == 'reconstructed' else ''})")
    lines = [head]
    if check.tension is not None:
        lines.append(f"      tension ({check.tension.cite}): {check.tension.why}")
    if check.reason:
        lines.append(f"      {check.reason}")
    if check.tension is None and not check.reason:
        lines.append("      no declared tension")
    return "\n".join(lines)
