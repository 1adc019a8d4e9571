"""publicduty: the public duty doctrine as answer-set programs, one view per opinion.

Load the built-in logic and case base, solve a case under every view, and read typed
findings::

    import publicduty
    book = publicduty.open_casebook()
    for finding in book.solve("warren"):
        print(finding.claimant, finding.view, finding.holding)
"""

from publicduty.case import Case, Truth
from publicduty.casebook import Casebook, Finding, GroundFinding
from publicduty.errors import InputError

__all__ = ["Case", "Casebook", "Finding", "GroundFinding", "InputError", "Truth", "open_casebook"]


def open_casebook(logic_dirs: tuple[str, ...] = (), case_dirs: tuple[str, ...] = (),
                  builtin_cases: bool = True, builtin_views: bool = True) -> Casebook:
    """Load the built-in logic and cases, plus any extra folders given."""
    from pathlib import Path

    return Casebook([Path(d) for d in logic_dirs], [Path(d) for d in case_dirs],
                    builtin_cases, builtin_views)
