"""Plain-text tables that read well in a terminal and paste cleanly into notes.

A table wider than the terminal (:func:`publicduty.render.terminal.width`) is narrowed
rather than left to the terminal to fold: the widest columns but the first are wrapped at
spaces, a row taking as many lines as its tallest cell, and no column is made narrower than
its longest word. If even that is too wide, the columns are dealt into panels, one under
another, each led by the first column, so every row can still be read across. No word is
cut or dropped. A table that fits, or one laid out with no width set, is as it always was.
"""

from __future__ import annotations

from collections.abc import Sequence

from publicduty.render import terminal
from publicduty.render.wrapping import wrap

#: A table's cells, each as the lines it is written on.
_Grid = list[list[tuple[str, ...]]]


def table(header: Sequence[str], rows: Sequence[Sequence[str]], gap: str = "  ", indent: str = "") -> str:
    """Align ``rows`` under ``header`` in columns, each line after ``indent``; the last column is not padded."""
    grid = [[str(c) for c in row] for row in (header, *rows)]
    room = terminal.width()
    if room is None:
        return _laid([[(c,) for c in row] for row in grid], gap, indent)
    room -= len(indent)
    return "\n\n".join(_laid(_narrowed(panel, gap, room), gap, indent) for panel in _panels(grid, gap, room))


def _span(widths: Sequence[int], gap: str) -> int:
    return sum(widths) + len(gap) * (len(widths) - 1)


def _least(grid: list[list[str]]) -> list[int]:
    """Each column's narrowest width: the first column's whole cells, every other column's longest word."""
    return [max(len(row[0]) for row in grid),
            *(max((len(word) for row in grid for word in row[i].split()), default=0) for i in range(1, len(grid[0])))]


def _panels(grid: list[list[str]], gap: str, room: int) -> list[list[list[str]]]:
    """The columns after the first dealt, in order, into as few panels as fit ``room`` at their narrowest."""
    least = _least(grid)
    groups: list[list[int]] = [[]]
    for i in range(1, len(least)):
        if groups[-1] and _span([least[0], *(least[j] for j in groups[-1]), least[i]], gap) > room:
            groups.append([])
        groups[-1].append(i)
    return [[[row[0], *(row[i] for i in group)] for row in grid] for group in groups]


def _narrowed(grid: list[list[str]], gap: str, room: int) -> _Grid:
    """The cells wrapped to fit ``room``: the widest wrappable column narrowed first, a character at a time."""
    widths = [max(len(row[i]) for row in grid) for i in range(len(grid[0]))]
    least = _least(grid)
    while _span(widths, gap) > room:
        narrowable = [i for i in range(1, len(widths)) if widths[i] > least[i]]
        if not narrowable:
            break
        widths[max(narrowable, key=lambda i: widths[i])] -= 1
    return [[(c,) if len(c) <= w else wrap(c, w, break_hyphens=False) or ("",)
             for c, w in zip(row, widths, strict=True)] for row in grid]


def _laid(grid: _Grid, gap: str, indent: str) -> str:
    """The rows line by line, each cell's lines under one another, the rule under the header."""
    widths = [max(len(line) for row in grid for line in row[i]) for i in range(len(grid[0]))]

    def lines(row: list[tuple[str, ...]]) -> list[str]:
        return [indent + gap.join((cell[k] if k < len(cell) else "").ljust(w)
                                  for cell, w in zip(row, widths, strict=True)).rstrip()
                for k in range(max(len(cell) for cell in row))]

    header, *rows = grid
    return "\n".join([*lines(header), indent + gap.join("-" * w for w in widths),
                      *(line for row in rows for line in lines(row))])
