"""What the checks found sound, for a terminal: ``publicduty check`` and ``publicduty check-sources``.

Their problems are errors, printed as every error is (one line each, on standard error);
this is the line each prints when there is none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from publicduty.analyses.source_check import QuoteCheck, Source
    from publicduty.load.inputs import Inputs


def checked(inputs: Inputs) -> str:
    """How many files ``check`` read, and that none has a problem."""
    return (f"checked {len(inputs.checked)} logic files and {len(inputs.cases)} case files: "
            "no problems\n")


def quote_checks(sources: Mapping[str, Source], checks: Sequence[QuoteCheck]) -> str:
    """How many phrases of how many rules were found on their pages, in which texts."""
    texts = ", ".join(f"{s.reporter} ({s.path.name})" for s in sorted(sources.values(), key=lambda s: s.reporter))
    rules = len({c.rule for c in checks})
    return f"{len(checks)} quoted phrases of {rules} rules, checked against {texts}: each is on its cited page.\n"
