"""The README shows real output: every block that starts with ``$ publicduty ...`` is that command's output.

After a deliberate change, ``PUBLICDUTY_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_readme.py``
rewrites the blocks; read the diff before committing.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from publicduty.cli.main import main

README = Path(__file__).parents[1] / "README.md"
UPDATE = os.environ.get("PUBLICDUTY_UPDATE_GOLDEN") == "1"
BLOCK = re.compile(r"```\n\$ publicduty (?P<args>[^\n]*)\n(?P<output>.*?)```\n", re.DOTALL)


def blocks() -> list[str]:
    return [m.group("args") for m in BLOCK.finditer(README.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("args", blocks())
def test_readme_block_is_the_commands_output(args: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(shlex.split(args)) == 0
    out = capsys.readouterr().out
    text = README.read_text(encoding="utf-8")
    match = next(m for m in BLOCK.finditer(text) if m.group("args") == args)
    if UPDATE:
        README.write_text(text[:match.start("output")] + out + text[match.end("output"):], encoding="utf-8")
        return
    assert match.group("output") == out, f"README block '$ publicduty {args}' is stale; see this module's docstring"


def test_the_readme_shows_the_main_outputs() -> None:
    assert {"compare warren", "votes irwin", "vocabulary"} <= set(blocks())
