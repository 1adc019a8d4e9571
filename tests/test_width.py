"""Output fitted to a width: --width and --wide, a terminal's own width, and tables that wrap without losing a word."""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
import string
import sys
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commandline import run
from publicduty.cli.main import main
from publicduty.render import terminal
from publicduty.render.table import table

#: The commands whose text is measured, and whether it holds no table too wide for 80 columns (then the
#: words keep their order; a wrapped table interleaves its cells' words, so only their count is kept).
MEASURED = [
    (("compare", "warren"), False),
    (("compare", "--all"), False),
    (("votes", "irwin"), True),
    (("cases",), False),
    (("fidelity",), True),
    (("vocabulary",), False),
    (("solve", "warren"), True),
    (("explain", "warren", "taliaferro", "--view", "warren-kelly"), True),
]
OTHERS = [
    ("whatif", "warren", "nichol", "--view", "warren-kelly", "--set", "assurance_of_protection"),
    ("flip", "warren", "nichol", "--view", "warren-kelly"),
    ("disagree", "warren-majority", "warren-kelly"),
    ("diff", "warren", "warren", "warren-majority", "warren-kelly"),
    ("views",),
]

#: A table's rule: runs of dashes under the columns.
RULE = re.compile(r"^ *-+( +-+)*$")


def words(text: str) -> list[str]:
    return [w for line in text.splitlines() if not RULE.match(line) for w in line.split()]


def row_labels(text: str) -> list[tuple[str, ...]]:
    """Per table (or panel of one): the first cell of each row, up to the blank line that ends it.

    A row's continuation lines leave the first column blank, so each label is a logical row.
    """
    lines = text.splitlines()
    return [tuple(row.split()[0] for row in itertools.takewhile(bool, lines[i + 1:]) if not row.startswith(" "))
            for i, line in enumerate(lines) if RULE.match(line)]


def first_cells(text: str) -> set[str]:
    """The words of every table's first column, headers included: what a panel repeats."""
    lines = text.splitlines()
    headers = {lines[i - 1].split()[0] for i, line in enumerate(lines) if RULE.match(line)}
    return headers | {label for labels in row_labels(text) for label in labels}


@pytest.mark.parametrize(("command", "in_order"), MEASURED, ids=[" ".join(c) for c, _ in MEASURED])
def test_at_80_columns_every_line_fits_and_no_word_is_lost(command: tuple[str, ...], in_order: bool) -> None:
    narrow, wide = run("--width", "80", *command), run("--wide", *command)
    assert (narrow.status, narrow.err, wide.status) == (0, "", 0)
    assert max(len(line) for line in wide.out.splitlines()) > 80  # there was something to fit
    over = [line for line in narrow.out.splitlines() if len(line) > 80]
    # the one excuse for a long line: a single word longer than the line, which is never cut
    assert all(len(line.split()) == 1 for line in over), over
    if in_order:
        assert words(narrow.out) == words(wide.out)
    else:
        assert set(words(narrow.out)) == set(words(wide.out))
        kept, shown = Counter(words(wide.out)), Counter(words(narrow.out))
        assert not kept - shown, "a word is lost"
        assert set(shown - kept) <= first_cells(wide.out), "only a panel's leading column is repeated"
        assert set(row_labels(narrow.out)) == set(row_labels(wide.out)), "each table keeps its rows"
        assert len(row_labels(narrow.out)) >= len(row_labels(wide.out))


def test_the_four_widest_outputs_fit_100_columns_too() -> None:
    for command in (("compare", "warren"), ("votes", "irwin"), ("cases",), ("fidelity",)):
        out = run("--width", "100", *command).out
        assert max(len(line) for line in out.splitlines()) <= 100, command


def test_compare_deals_a_wide_matrix_into_panels_that_each_name_every_claimant() -> None:
    out = run("compare", "warren", "--width", "80").out
    claimants = ("warren", "taliaferro", "douglas", "nichol")
    assert row_labels(out) == [claimants] * 3
    assert out.count("claimant  ") == 3 and "|  [hannon]" in out


@pytest.mark.parametrize("command", [c for c, _ in MEASURED] + OTHERS, ids=" ".join)
def test_wide_is_the_piped_output(command: tuple[str, ...]) -> None:
    piped = run(*command)
    assert piped.status == 0
    assert run("--wide", *command).out == piped.out
    assert run(*command[:1], "--wide", *command[1:]).out == piped.out


@pytest.mark.parametrize("argv", [["--width", "30", "cases"], ["cases", "--width", "39"], ["--width", "x", "cases"],
                                    ["--width", "80", "--wide", "cases"], ["--wide", "cases", "--width", "80"]])
def test_a_bad_width_is_a_one_line_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    out, err = capsys.readouterr()
    assert (exit_.value.code, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith("publicduty: error: <command line>: argument --wid")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("columns", "fitted"), [(72, 72), (20, terminal.NARROWEST)])
def test_a_terminal_gets_its_own_width(monkeypatch: pytest.MonkeyPatch, columns: int, fitted: int) -> None:
    screen = _Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *_: os.terminal_size((columns, 24)))
    assert main(["cases"]) == 0
    lines = screen.getvalue().splitlines()
    assert max(len(line) for line in lines) <= fitted
    assert words(screen.getvalue()) != words(run("cases").out)  # the table was wrapped
    assert set(words(screen.getvalue())) == set(words(run("cases").out))


# table() itself: any table, any width.

_ALNUM = string.ascii_letters + string.digits
_word = st.builds(str.__add__, st.sampled_from(_ALNUM), st.text(_ALNUM + "-'.,()*|[]:", max_size=14))
_cell = st.lists(_word, max_size=6).map(" ".join)
_filled = st.lists(_word, min_size=1, max_size=4).map(" ".join)


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    columns = draw(st.integers(1, 6))
    header = draw(st.lists(_filled, min_size=columns, max_size=columns))
    rows = draw(st.lists(st.tuples(_filled, st.lists(_cell, min_size=columns - 1, max_size=columns - 1)),
                         max_size=6))
    return header, [[first, *rest] for first, rest in rows]


def _former_table(header: Sequence[str], rows: Sequence[Sequence[str]], gap: str = "  ") -> str:
    """table() as it was before it knew of widths: what it must still print with none set."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [str(c).ljust(w) for c, w in zip(row, widths, strict=True)]
        lines.append(gap.join(cells).rstrip())
    lines.insert(1, gap.join("-" * w for w in widths))
    return "\n".join(lines)


def _read_back(text: str, indent: str) -> list[list[str]]:
    """The cells table() laid out, read from its lines: panels side by side, continuation lines joined."""
    grid: list[list[str]] = []
    for panel in text.split("\n\n"):
        lines = panel.split("\n")
        rule = next(i for i, line in enumerate(lines) if RULE.match(line))
        assert all(line.startswith(indent) for line in lines)
        starts = [m.start() for m in re.finditer(r"-+", lines[rule])]
        ends = [*starts[1:], None]

        def cut(line: str, starts: list[int] = starts, ends: list[int | None] = ends) -> list[str]:
            return [line[s:e].strip() for s, e in zip(starts, ends, strict=True)]

        rows = [[cut(line) for line in lines[:rule]]]
        for line in lines[rule + 1:]:
            if cut(line)[0]:
                rows.append([])
            rows[-1].append(cut(line))
        cells = [[" ".join(filter(None, column)) for column in zip(*row, strict=True)] for row in rows]
        if not grid:
            grid = cells
            continue
        assert [row[0] for row in cells] == [row[0] for row in grid], "every panel is led by the first column"
        grid = [[*kept, *more[1:]] for kept, more in zip(grid, cells, strict=True)]
    return grid


@given(_tables(), st.integers(10, 120), st.sampled_from(["", "  "]))
def test_a_table_fits_when_its_words_do_and_keeps_every_cell(
        drawn: tuple[list[str], list[list[str]]], width: int, indent: str) -> None:
    header, rows = drawn
    with terminal.laid_out(width):
        text = table(header, rows, indent=indent)
    assert _read_back(text, indent) == [header, *rows]
    first = max(len(row[0]) for row in [header, *rows])
    longest = [max((len(w) for row in [header, *rows] for w in row[i].split()), default=0)
               for i in range(1, len(header))]
    if len(indent) + first <= width and all(len(indent) + first + 2 + n <= width for n in longest):
        assert max(len(line) for line in text.splitlines()) <= width
    if len(indent) + first + sum(n + 2 for n in longest) <= width:
        assert "\n\n" not in text, "one panel when every column fits at its longest word"
    flat = "\n".join(indent + line for line in _former_table(header, rows).splitlines())
    if max(len(line) for line in flat.splitlines()) <= width:
        assert text == flat, "a table that fits is as it was"


@given(_tables(), st.sampled_from(["", "  "]))
def test_with_no_width_a_table_is_as_it_always_was(drawn: tuple[list[str], list[list[str]]], indent: str) -> None:
    header, rows = drawn
    assert table(header, rows, indent=indent) == "\n".join(indent + line
                                                           for line in _former_table(header, rows).splitlines())
