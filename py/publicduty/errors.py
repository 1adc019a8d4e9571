"""One error type for every input a user can get wrong.

A trusted legal tool fails loudly and precisely: each problem names the file, the
line where it is known, what is wrong and how to fix it, on one line, so that the
command line can print it and exit with status 2 instead of a traceback.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: What must never reach a terminal raw: control characters (ESC, NUL, newline...), line and
#: paragraph separators, and the bidirectional controls that make text read otherwise than
#: it is written. Each is shown as an escape, so a message is one line, and safe.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` with every unsafe character escaped (a newline as backslash-n, ESC as backslash-x1b): one line."""
    return UNSAFE.sub(lambda m: _NAMED.get(m.group(), m.group().encode("unicode_escape").decode("ascii")), text)


def closest(word: str, choices: Iterable[str]) -> str | None:
    """Return the valid name nearest to a misspelt ``word``, if any is near."""
    matches = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Phrase the fix for an unknown name."""
    options = sorted(choices)
    match = closest(word, options)
    if match:
        return f"did you mean '{match}'?"
    return "expected one of: " + ", ".join(options)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file."""

    path: str
    line: int | None
    what: str
    fix: str = ""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return one_line(f"{where}: {self.what}" + (f"; {self.fix}" if self.fix else ""))


class InputError(Exception):
    """Raised when a case file, a view file or a command-line argument is unusable."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    @classmethod
    def sorted(cls, problems: list[Problem]) -> InputError:
        """An error with every problem, in the order of file and line."""
        return cls(sorted(problems, key=lambda p: (p.path, p.line or 0)))

    @classmethod
    def at(cls, path: str | Path, line: int | None, what: str, fix: str = "") -> InputError:
        """Build an error with a single problem."""
        return cls([Problem(str(path), line, what, fix)])
