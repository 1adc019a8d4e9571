"""Golden explanations: the text of every claimant's explanation under every view, kept and compared.

tests/golden/explain/<case>/<claimant>--<view>.txt holds the outline ``publicduty explain``
prints. A change to the logic, a case file or the renderer that alters any of them fails
here with the difference. After a deliberate change, regenerate them and read the diff:

    PUBLICDUTY_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from publicduty.analyses.explanation import explain
from publicduty.model.answer import Answer
from publicduty.render.text.explanation import explanation as render
from publicduty.solve.casebook import Casebook

GOLDEN = Path(__file__).parent / "golden" / "explain"
UPDATE = os.environ.get("PUBLICDUTY_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("case", ["warren", "irwin"])
def test_explanations_match_their_golden_files(book: Casebook, answer: Answer, case: str) -> None:
    folder = GOLDEN / case
    wanted = {}
    for claimant in book.case(case).claimants:
        for view in book.view_ids():
            text = render(explain(book.catalogue, answer, book.case(case), claimant.id, view))
            wanted[folder / f"{claimant.id}--{view}.txt"] = text
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in set(folder.glob("*.txt")) - set(wanted):
            stale.unlink()
        for path, text in wanted.items():
            path.write_text(text, encoding="utf-8")
    stale = sorted(p.name for p in set(folder.glob("*.txt")) - set(wanted))
    assert not stale, f"golden files for no claimant and view: {stale}; regenerate (see this module's docstring)"
    problems = []
    for path, text in sorted(wanted.items()):
        if not path.exists():
            problems.append(f"{path.name}: missing")
            continue
        kept = path.read_text(encoding="utf-8")
        if kept != text:
            diff = difflib.unified_diff(kept.splitlines(), text.splitlines(), f"{path.name} (golden)",
                                        f"{path.name} (now)", lineterm="", n=1)
            problems.append("\n".join(diff))
    assert not problems, ("explanations differ from tests/golden/explain; if the change is deliberate, "
                          "run PUBLICDUTY_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py\n\n"
                          + "\n\n".join(problems))
