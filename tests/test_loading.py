"""One loading path: every command and ``publicduty check`` read the same files the same way, grounding the views once.

``solve.casebook.load`` is that path; these tests hold the commands to it by what they
do: which files they read, how often clingo grounds, and that ``check`` refuses exactly what
a command refuses.
"""

from __future__ import annotations

import json
from pathlib import Path

import clingo
import pytest

from commandline import run
from publicduty.load.inputs import Inputs, builtin_logic_dir, checks_file
from publicduty.solve.casebook import Casebook

EXAMPLES = Path(__file__).parents[1] / "examples" / "views"


@pytest.fixture
def groundings(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The parts of every call of ``clingo.Control.ground`` from here on."""
    calls: list[list[str]] = []
    ground = clingo.Control.ground

    def counted(self: clingo.Control, parts: list[tuple[str, list[clingo.Symbol]]], *args: object,
                **kwargs: object) -> None:
        calls.append([name for name, _ in parts])
        ground(self, parts, *args, **kwargs)

    monkeypatch.setattr(clingo.Control, "ground", counted)
    return calls


def test_a_command_with_ones_own_views_grounds_the_views_once(groundings: list[list[str]]) -> None:
    """The views are checked on the grounding that solves them: one for the views, one for the claims."""
    assert run("--logic", str(EXAMPLES), "compare", "warren").status == 0
    assert groundings == [["base", "checks"], ["claims", "given"]]


def test_the_builtin_views_are_grounded_without_the_checks(groundings: list[list[str]]) -> None:
    assert run("compare", "warren").status == 0
    assert groundings == [["base"], ["claims", "given"]]
    assert checks_file() not in Casebook().logic_files  # nor is the file read


def test_check_grounds_the_views_once_and_reads_what_a_command_reads(groundings: list[list[str]]) -> None:
    checked = run("--logic", str(EXAMPLES), "check", "--json")
    assert checked.status == 0
    assert groundings == [["base", "checks"]]
    book = Casebook([EXAMPLES])
    files = json.loads(checked.out)["checked"]
    assert files["logic"] == [*(str(p) for p in book.logic_files[:4]), str(checks_file()),
                              *(str(p) for p in book.logic_files[4:])]
    assert [Path(p).name for p in files["logic"][:5]] == [
        "baseline.lp", "doctrine.lp", "sources.lp", "vocabulary.lp", "checks.lp"]
    assert files["cases"] == [str(c.path) for c in book.cases.values()]


def test_a_program_of_the_shipped_logic_is_checked_on_top_never_loaded_as_a_view() -> None:
    """``--logic logic/`` names the doctrine again (loaded once), the built-in views, and the search programs."""
    inputs = Inputs.chosen([builtin_logic_dir()])
    plain = Inputs.chosen()
    assert (inputs.doctrine, inputs.views, inputs.own) == (plain.doctrine, plain.views, frozenset())
    assert sorted(p.name for p in inputs.programs) == ["disagree.lp", "flip.lp"]


def test_check_refuses_what_a_command_refuses_and_more_in_one_run(tmp_path: Path) -> None:
    """A broken view and a broken case file: a command stops at the view; check reports both."""
    views, cases = tmp_path / "views", tmp_path / "cases"
    views.mkdir()
    cases.mkdir()
    (views / "broken.lp").write_text('view("broken", "Broken", "x", 2000, "x", "majority").\nrule("a" "b").\n')
    (cases / "case.yaml").write_text("id: c\ntitel: T\n")
    command = run("--no-builtin-cases", "--logic", str(views), "--cases", str(cases), "solve", "c")
    checked = run("--no-builtin-cases", "--logic", str(views), "--cases", str(cases), "check")
    assert (command.status, checked.status) == (2, 2)
    (view_problem,) = command.err.splitlines()
    assert str(views / "broken.lp") in view_problem
    case_problem = (f"publicduty: error: {cases / 'case.yaml'}:2: unknown key 'titel' in the case; "
                    "did you mean 'title'?")
    assert checked.err.splitlines() == [case_problem, view_problem]  # by file and line
