"""The width text is laid out in, carried from the command line to the text renderers, and prose wrapped to it.

``cli.main`` sets the width once, around the command's run: the terminal's columns when
standard output is a terminal, or ``--width N``. None (``--wide``, or output piped or
redirected) means no limit, and then every renderer writes what it always has, byte for
byte: the README's examples and the golden files are that output. A context variable
carries the width, so no renderer takes a width argument or imports the command line.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from publicduty.render.wrapping import wrap

#: The narrowest width the layouts are made for: narrower, a table's columns hold hardly a word each.
NARROWEST = 40

#: The width an outline or a listing's prose wraps to when none is set (a terminal of 100 columns
#: shows it whole); tables and other prose are then left on long lines.
PROSE = 100

_WIDTH: ContextVar[int | None] = ContextVar("publicduty_width", default=None)


def width() -> int | None:
    """The columns the output should fit in, or None for no limit."""
    return _WIDTH.get()


@contextlib.contextmanager
def laid_out(columns: int | None) -> Iterator[None]:
    """Render at ``columns`` (None: no limit) inside the block."""
    token = _WIDTH.set(columns)
    try:
        yield
    finally:
        _WIDTH.reset(token)


def wrapped(text: str, first: str = "", rest: str = "", default: int | None = None) -> tuple[str, ...]:
    """``text`` after ``first``, wrapped at spaces to the width (else to ``default``; if None, not at all).

    Continuation lines start with ``rest``. Words are never cut, not even at a hyphen (an
    id such as ``warren-kelly`` stays whole): a word longer than the line stands alone on it.
    """
    limit = _WIDTH.get() or default
    if limit is None:
        return (first + text,)
    return wrap(text, limit, first, rest, break_hyphens=False) or (first.rstrip(),)


def fill(text: str, indent: int = 0, hang: int = 2) -> str:
    """A line of prose ``indent`` spaces in; at a set width, wrapped with continuation lines ``hang`` further in."""
    return "\n".join(wrapped(text, " " * indent, " " * (indent + hang)))
