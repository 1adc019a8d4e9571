"""An explanation as JSON: the same tree as the outline, as nested objects for machines.

Every node keeps its field names (:mod:`publicduty.analyses.explanation`); tuples become lists
and absent values ``null`` or empty, so the output is the tree, whole and deterministic.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from publicduty.analyses.explanation import Explanation


def render(explanation: Explanation) -> dict[str, Any]:
    """The explanation as one JSON object."""
    return asdict(explanation)
