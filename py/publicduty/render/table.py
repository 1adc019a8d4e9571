"""Plain-text tables that read well in a terminal and paste cleanly into notes."""

from __future__ import annotations

from collections.abc import Sequence


def table(header: Sequence[str], rows: Sequence[Sequence[str]], gap: str = "  ") -> str:
    """Align ``rows`` under ``header`` in columns; the last column is not padded."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [str(c).ljust(w) for c, w in zip(row, widths, strict=True)]
        lines.append(gap.join(cells).rstrip())
    lines.insert(1, gap.join("-" * w for w in widths))
    return "\n".join(lines)
