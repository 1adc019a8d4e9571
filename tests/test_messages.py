"""Every message is one line, and safe to print: no control, separator or bidirectional character raw.

A case file's ids, keys and values reach error messages; so do file names. Whatever
they hold, each problem is one line on the terminal, with newlines, ESC, NUL, line
separators and bidirectional overrides shown as escapes.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from commandline import TESTS, run
from publicduty.errors import Problem, one_line

#: What a terminal must never receive raw from a message.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")

#: Text that tends to break lines or terminals, mixed with any text at all.
HOSTILE = st.sampled_from(["\n", "\r", "\r\n", "\u2028", "\u2029", "\x1b[31m", "\x00", "\u202e", "\u2066", "\x85",
                           "\t", "\ufeff", "\\n"])
TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=8)), max_size=6).map("".join)

OWN_CASE = (TESTS / "own" / "own-case.yaml").read_text()


@given(path=TEXT, line=st.none() | st.integers(1, 10_000), what=TEXT, fix=TEXT)
def test_a_problem_is_always_one_safe_line(path: str, line: int | None, what: str, fix: str) -> None:
    shown = str(Problem(path, line, what, fix))
    assert len(shown.splitlines()) <= 1 and not UNSAFE.search(shown)
    assert one_line(shown) == shown  # escaping twice changes nothing more


def test_escapes_are_the_ones_a_reader_knows() -> None:
    assert one_line("a\nb\rc\td\x1b[0m\x00\u2028\u202e") == "a\\nb\\rc\\td\\x1b[0m\\x00\\u2028\\u202e"


@settings(max_examples=100)  # each example runs 'check': a hundred keep the file under half a minute
@given(value=TEXT, where=st.sampled_from(["id", "title", "key", "claimant"]))
def test_every_message_about_a_case_file_is_one_safe_line_each(value: str, where: str) -> None:
    quoted = json.dumps(value)  # YAML reads JSON strings, escapes included
    body = {
        "id": OWN_CASE.replace("id: own-case", f"id: {quoted}"),
        "title": OWN_CASE.replace("title: An own hypothetical call for help", f"title: {quoted}\ntitel: x"),
        "key": OWN_CASE.replace("posture:", f"{quoted}: 1\nposture:"),
        "claimant": OWN_CASE.replace("- id: caller", f"- id: {quoted}"),
    }[where]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "case.yaml").write_text(body, encoding="utf-8")
        result = run("--no-builtin-cases", "--cases", folder, "check")
    assert result.status in (0, 2)
    for shown in result.err.splitlines():
        assert shown.startswith("publicduty: error: ") and not UNSAFE.search(shown), shown
    assert "Traceback" not in result.err
