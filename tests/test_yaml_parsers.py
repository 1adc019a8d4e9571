"""libyaml and PyYAML's own parser read every case file the same: the same values, lines and errors.

Case files parse with libyaml where PyYAML has it (many times faster), and with the
pure-Python parser where libyaml refuses a text, so that every message is the one the
pure-Python parser gives. These tests read every shipped and every bad case file both ways.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from commandline import TESTS
from publicduty.errors import InputError
from publicduty.load import yamltree

FILES = sorted((TESTS.parent / "cases").glob("*.yaml")) + sorted((TESTS / "bad" / "cases").rglob("*.yaml"))


def outcome(path: Path) -> object:
    try:
        return yamltree.read(path)
    except InputError as err:
        return [str(p) for p in err.problems]


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_both_parsers_read_a_case_file_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert yamltree._FAST is not None  # PyYAML was built with libyaml here: the fast path is the one tested
    fast = outcome(path)
    monkeypatch.setattr(yamltree, "_FAST", None)
    assert outcome(path) == fast


@pytest.mark.parametrize("text", ["a: [\n", "a: 1\na: 2\n", "a: &x 1\nb: *x\n", "a: !custom 1\n",
                                  "a: \x07\n", "a: " + "[" * 2000 + "]" * 2000 + "\n", "- 1\n"])
def test_both_parsers_refuse_alike(text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(text)
    fast = outcome(path)
    assert isinstance(fast, list) and len(fast) == 1
    monkeypatch.setattr(yamltree, "_FAST", None)
    assert outcome(path) == fast
