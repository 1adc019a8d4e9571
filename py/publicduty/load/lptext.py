"""Read a logic file (``.lp``) as checked text, before clingo sees a byte of it.

clingo aborts the whole process (``PANIC``, no exception) on some inputs: a byte-order
mark, a line or paragraph separator, bytes that are not UTF-8. And a logic file, like
any file a user names, may be a FIFO or ``/dev/zero``. So every logic file is read by
:mod:`publicduty.load.safefile` under the size limit, decoded as UTF-8, and refused with
the line of the first character a logic file has no use for: control characters
other than tab and newline, separators, the byte-order mark and the bidirectional
controls that make text read otherwise than it parses. ``#include`` is refused too:
clingo's parser would open the named file itself, past every check.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from publicduty.errors import InputError
from publicduty.load import safefile

_INCLUDE = re.compile(r"#\s*include\b")

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def read(path: Path) -> str:
    """The text of the logic file ``path``, or an :class:`InputError` naming the file and line."""
    text = safefile.read_text(path, "a logic file", f"logic files are limited to {safefile.MAX_BYTES // 1_048_576} "
                              "MiB; split the view into several files")
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        char = bad.group()
        name = unicodedata.name(char, "a control character").lower()
        raise InputError.at(path, text.count("\n", 0, bad.start()) + 1,
                            f"character U+{ord(char):04X} ({name}) is not allowed in a logic file",
                            "remove it; save the file as UTF-8 without a byte-order mark")
    include = _INCLUDE.search(text)
    if include is not None:  # clingo's parser would read the named file itself, unchecked (a FIFO, /dev/zero)
        raise InputError.at(path, text.count("\n", 0, include.start()) + 1,
                            "#include in a logic file: it would load another file unchecked",
                            "load each file with --logic")
    return text
