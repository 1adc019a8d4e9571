"""publicduty: the public duty doctrine as answer-set programs, one view per opinion.

Load the built-in logic and case base, solve a case under every view, and read typed
findings::

    import publicduty
    book = publicduty.open_casebook()
    for finding in book.solve("warren"):
        print(finding.claimant, finding.view, finding.holding)

The names below are imported on first use, so that the command line starts without
clingo and PyYAML and a Ctrl-C at start-up is answered like any other.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from publicduty.errors import InputError
    from publicduty.model.case import Case, Truth
    from publicduty.solve.casebook import Casebook, Finding, GroundFinding

__all__ = ["Case", "Casebook", "Finding", "GroundFinding", "InputError", "Truth", "open_casebook"]

_HOMES = {"Case": "publicduty.model.case", "Truth": "publicduty.model.case",
          "Casebook": "publicduty.solve.casebook", "Finding": "publicduty.solve.casebook",
          "GroundFinding": "publicduty.solve.casebook", "InputError": "publicduty.errors"}


def __getattr__(name: str) -> Any:
    """The public names, each from its module, imported when first asked for."""
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_casebook(logic_dirs: tuple[str, ...] = (), case_dirs: tuple[str, ...] = (),
                  builtin_cases: bool = True, builtin_views: bool = True) -> Casebook:
    """Load the built-in logic and cases, plus any extra folders given."""
    from pathlib import Path

    from publicduty.solve.casebook import Casebook

    return Casebook([Path(d) for d in logic_dirs], [Path(d) for d in case_dirs],
                    builtin_cases, builtin_views)
