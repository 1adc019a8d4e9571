"""One error type for every input a user can get wrong.

A trusted legal tool fails loudly and precisely: each problem names the file, the
line where it is known, what is wrong and how to fix it, on one line, so that the
command line can print it and exit with status 2 instead of a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file."""

    path: str
    line: int | None
    what: str
    fix: str = ""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.what}" + (f"; {self.fix}" if self.fix else "")


class InputError(Exception):
    """Raised when a case file, a view file or a command-line argument is unusable."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    @classmethod
    def at(cls, path: str | Path, line: int | None, what: str, fix: str = "") -> InputError:
        """Build an error with a single problem."""
        return cls([Problem(str(path), line, what, fix)])
