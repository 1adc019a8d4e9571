"""The per-case script: what a user writes who solves one case at a time, every view at once.

One Control per case file, loading the same logic and reading every view's holdings; the
facts are the same plain facts as the floor's. It is the fair stand-in for "call the
solver per case", and shows what grounding the logic once per case costs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from publicduty.bench.floor import floor


def per_case(case_files: Iterable[Path]) -> dict[tuple[str, str, str], str]:
    """Every (view, case, claimant) -> holding, one Control (one grounding) per case file."""
    holdings: dict[tuple[str, str, str], str] = {}
    for path in case_files:
        holdings.update(floor([path]))
    return holdings
