"""clingo's own error messages, as one-line problems naming the file, the line and the fix.

clingo reports an error as ``file:line:col-col: error: text``, sometimes over several
lines (an unsafe rule is printed, then one ``note:`` per unsafe variable). A user who
wrote a view file should see clingo's words, on one line, with where and what to do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from publicduty.errors import Problem

#: ``file:line:col[-col]: error|note: text``; the file name may itself hold colons.
_HEAD = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+)(?:-\d+(?::\d+)?)?: (?P<kind>\w+): (?P<text>.*)$")

#: clingo prints a rule as it rewrote it; undo what a user never wrote: the guard atom of the
#: program part, and the projection of anonymous variables (``#p_q(#b(X),#p)`` for ``q(X,_)``).
_REWRITES = ((re.compile(r"\[#inc_\w+\];?"), ""), (re.compile(r"#p_(\w+)\("), r"\1("),
             (re.compile(r"#b\((\w+)\)"), r"\1"), (re.compile(r"#p\b"), "_"))

_FIXES = {
    "syntax error": "fix the syntax at that place in the file",
    "unsafe variables": "make every variable of the rule occur in a positive body literal",
}


def problems(messages: Iterable[str]) -> list[Problem]:
    """The errors among clingo's ``messages``, one problem each; notes join their error."""
    out: list[Problem] = []
    for message in messages:
        problem = _error(message)
        if problem is not None:
            out.append(problem)
    return out


def _error(message: str) -> Problem | None:
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    if not lines:
        return None
    head = _HEAD.match(lines[0])
    if head is None:
        return Problem("<logic>", None, "clingo: " + " ".join(lines)) if "error" in lines[0] else None
    if head["kind"] != "error":
        return None
    details, notes = [], []
    for line in lines[1:]:
        note = _HEAD.match(line)
        if note is None:
            details.append(_written(line))
        else:
            notes.append(note["text"])
    text = " ".join([head["text"], *details]) + (f" ({'; '.join(notes)})" if notes else "")
    fix = next((f for key, f in _FIXES.items() if head["text"].startswith(key)), "fix the logic file at that line")
    return Problem(head["path"], int(head["line"]), f"clingo: {text}", fix)


def _written(rule: str) -> str:
    """A rule as clingo prints it, back in the words the user wrote."""
    for pattern, replacement in _REWRITES:
        rule = pattern.sub(replacement, rule)
    return rule
