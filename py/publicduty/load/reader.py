"""Typed access to a :mod:`publicduty.load.yamltree` document, with precise errors.

The case-file reader states what it expects field by field; this module turns each
expectation into a check that, when it fails, names the file, the line, the problem
and the fix (for a misspelt key, the closest valid one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from publicduty.errors import InputError, Problem, did_you_mean
from publicduty.load.caseformat import Flag, Record
from publicduty.load.yamltree import Mapping, Scalar, Sequence, Value

#: Ids name cases, claimants, opinions and views on the command line and in the solver:
#: lower-case letters, digits, '-' and '_', starting with a letter.
ID_PATTERN = re.compile(r"[a-z][a-z0-9_-]{0,63}")

#: How YAML writes "no value", unquoted; a JSON Schema reads these as null, and so does the reader.
_NULLS = frozenset({"null", "Null", "NULL", "~"})

T = TypeVar("T")
V = TypeVar("V")


class Reader:
    """Checks the values of one file; each check raises :class:`InputError`, and :meth:`each` collects them.

    A check that fails raises, so that a value is never used unchecked; but a list of
    entries (claimants, facts, opinions) is read with :meth:`each`, which sets a bad
    entry aside and goes on, so that one run reports every problem of the file.
    """

    def __init__(self, path: Path) -> None:
        """Remember the file the values come from."""
        self.path = path
        self.problems: list[Problem] = []

    def each(self, items: Iterable[V], read: Callable[[V], T]) -> list[T]:
        """``read(item)`` for every item that reads; the problems of the others are kept for :meth:`done`."""
        out = []
        for item in items:
            try:
                out.append(read(item))
            except InputError as err:
                self.problems.extend(err.problems)
        return out

    def done(self) -> None:
        """Raise every problem :meth:`each` set aside, if any."""
        if self.problems:
            raise InputError(self.problems)

    def fail(self, line: int | None, what: str, fix: str = "") -> InputError:
        """Build the error for a problem at ``line``."""
        return InputError.at(self.path, line, what, fix)

    def keys(self, mapping: Mapping, where: str, required: set[str], optional: set[str]) -> None:
        """Insist that ``mapping`` has every required key and no unknown one."""
        allowed = required | optional
        problems = [Problem(str(self.path), line, f"unknown key '{key}' in {where}", did_you_mean(key, allowed))
                    for key, line in mapping.key_lines.items() if key not in allowed]
        if not problems:  # else the missing key is most likely the misspelt one
            problems = [Problem(str(self.path), mapping.line, f"{where} is missing the required key '{key}'",
                                f"add '{key}:' to {where}") for key in sorted(required - set(mapping.entries))]
        if problems:
            raise InputError(problems)

    def record(self, value: Value, record: Record, where: str = "") -> Mapping:
        """Insist that ``value`` is a mapping with the keys the case-file format declares for ``record``."""
        entry = self.mapping(value, where or record.where)
        self.keys(entry, where or record.where, set(record.required), set(record.optional))
        return entry

    def records(self, value: Value | None, record: Record, key: str) -> list[Mapping]:
        """The entries of the list under ``key`` (none when it is absent), each a ``record``."""
        return [] if value is None else [self.record(item, record) for item in self.sequence(value, key)]

    def mapping(self, value: Value, where: str) -> Mapping:
        """Insist that ``value`` is a mapping."""
        if not isinstance(value, Mapping):
            raise self.fail(value.line, f"{where} must be a mapping of keys to values",
                            "write indented 'key: value' lines under it, or {key: value, ...}")
        return value

    def sequence(self, value: Value, where: str) -> list[Value]:
        """Insist that ``value`` is a list."""
        if not isinstance(value, Sequence):
            raise self.fail(value.line, f"{where} must be a list", "write one '- item' line per entry under it")
        return value.items

    def text(self, value: Value, where: str) -> str:
        """Insist that ``value`` is non-empty text (YAML's unquoted ``null`` and ``~`` are no text: they mean none)."""
        if not isinstance(value, Scalar) or not value.text.strip() or (not value.quoted and value.text in _NULLS):
            raise self.fail(value.line, f"{where} must be non-empty text",
                            "write the text after the colon, in quotes if it holds ': ' or ' #'")
        return value.text.strip()

    def optional_text(self, mapping: Mapping, key: str, where: str) -> str:
        """Return the text under ``key``, or '' when the key is absent."""
        value = mapping.entries.get(key)
        return "" if value is None else self.text(value, f"{where} '{key}'")

    def ident(self, value: Value, where: str) -> str:
        """Insist that ``value`` is a well-formed id."""
        if not isinstance(value, Scalar) or not ID_PATTERN.fullmatch(value.text):
            shown = value.text if isinstance(value, Scalar) else "a list or mapping"
            raise self.fail(
                value.line, f"{where} '{shown}' is not a valid id",
                "use lower-case letters, digits, '-' and '_', starting with a letter",
            )
        return value.text

    def choice(self, value: Value, where: str, choices: Iterable[str]) -> str:
        """Insist that ``value`` is one of ``choices``, written unquoted or quoted."""
        options = list(choices)
        if not isinstance(value, Scalar) or value.text not in options:
            shown = value.text if isinstance(value, Scalar) else "a list or mapping"
            raise self.fail(value.line, f"{where} '{shown}' is not allowed", did_you_mean(shown, options))
        return value.text

    def flag(self, mapping: Mapping, record: Record, key: str) -> bool:
        """The literal true or false under ``key``, or, when it is absent, the default the case-file format declares."""
        declared = record.fields[key]
        assert isinstance(declared, Flag), f"{record.name}.{key} is not declared a flag"
        value = mapping.entries.get(key)
        return declared.default if value is None else self.choice(value, key, ("true", "false")) == "true"
