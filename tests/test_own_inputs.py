"""A user's own cases and views: the global options, the example view, and `publicduty check`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from commandline import BUILTIN_IDS, TESTS, argv, run
from publicduty.cli.main import main
from publicduty.cli.registry import COMMANDS, Command

ROOT = TESTS.parent
EXAMPLES = ROOT / "examples" / "views"
OWN_CASES = TESTS / "own"


def request_view(folder: Path) -> Path:
    """The example view that stands alone (it adopts the baseline), in a folder of its own."""
    folder.mkdir()
    (folder / "request-for-aid.lp").write_text((EXAMPLES / "request-for-aid.lp").read_text())
    return folder


def second_view(folder: Path) -> Path:
    """A second user view (diff and disagree compare two): the example, renamed, recognising alarms."""
    text = (EXAMPLES / "request-for-aid.lp").read_text()
    text = text.replace("example-request", "example-second").replace('"example:', '"second:')
    folder.mkdir()
    (folder / "second.lp").write_text(text.replace("recognises(request_for_aid)", "recognises(alarm_hookup)"))
    return folder


def test_help_documents_the_global_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    for option in ("--cases DIR", "--logic DIR", "--no-builtin-cases", "--no-builtin-views", "--timeout SECONDS"):
        assert option in out
    assert "your own cases and views:" in out and "examples/views/" in out
    assert re.search(r"^\s+check\s", out, re.MULTILINE)


def test_the_readme_shows_the_example_view_whole() -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Your own views", 1)[1].split("```prolog\n", 1)[1].split("```", 1)[0]
    example = [line for line in (EXAMPLES / "request-for-aid.lp").read_text().splitlines()
               if line.strip() and not line.startswith("%")]
    assert [line for line in block.splitlines() if line.strip()] == example


def test_the_example_view_is_sound_and_decides_warren() -> None:
    checked = run("--logic", str(EXAMPLES), "check", "--json")
    assert (checked.status, checked.err) == (0, "")
    assert str(EXAMPLES / "request-for-aid.lp") in json.loads(checked.out)["checked"]["logic"]
    compared = run("--logic", str(EXAMPLES), "compare", "warren", "--views", "warren-majority,example-request",
                   "--json")
    assert compared.status == 0
    claimants = {c["claimant"]: c for c in json.loads(compared.out)["cases"][0]["claimants"]}
    for claimant in ("warren", "taliaferro", "douglas"):  # each asked for help (444 A.2d at 2)
        assert claimants[claimant]["derived"] == {"warren-majority": "no_duty", "example-request": "duty"}
    assert claimants["nichol"]["derived"]["example-request"] == "open"  # who summoned the officer is unknown
    (parting,) = claimants["warren"]["partings"]
    assert (parting["ground"], parting["finding_duty"]) == ("request_for_aid", ["example-request"])
    assert [r["rule"] for r in parting["rejecting"]["warren-majority"]] == ["hannon:request-not-enough"]


def test_the_exception_example_passes_check_and_turns_warren_around() -> None:
    """examples/views/assurance-relied-on.lp: an exception with `unless`, prevailing over Hannon's rule."""
    checked = run("--logic", str(EXAMPLES), "check")
    assert (checked.status, checked.err) == (0, "")
    compared = run("--logic", str(EXAMPLES), "compare", "warren", "--views", "warren-majority,example-assurance",
                   "--json")
    assert compared.status == 0
    claimants = {c["claimant"]: c["derived"] for c in json.loads(compared.out)["cases"][0]["claimants"]}
    # Warren and Taliaferro were assured help was coming and relied on it (444 A.2d at 2).
    for claimant in ("warren", "taliaferro"):
        assert claimants[claimant] == {"warren-majority": "no_duty", "example-assurance": "duty"}
    assert claimants["douglas"] == {"warren-majority": "no_duty", "example-assurance": "no_duty"}
    # Whether the officer's words to Nichol were an assurance, or only a promise to investigate, is open.
    assert claimants["nichol"] == {"warren-majority": "no_duty", "example-assurance": "open"}
    explained = run("--logic", str(EXAMPLES), "explain", "warren", "warren", "--view", "example-assurance")
    assert "recognised by assurance:relied-on" in explained.out
    assert "Applies only unless promise_to_investigate" in explained.out
    assert "Prevails over: hannon:promise-not-enough" in explained.out


@pytest.mark.parametrize("where", ["before", "split"])
@pytest.mark.parametrize("command", COMMANDS, ids=[c.NAME for c in COMMANDS])
def test_every_command_honours_the_global_options(command: Command, where: str, tmp_path: Path) -> None:
    """Only the user's case and views are loaded: the built-in ones never show, the user's do.

    The global options are given before the command word, or split: some before it and the
    rest after it, where the folders of both places add up.
    """
    ids = {**BUILTIN_IDS, "case": "own-case", "claimant": "caller", "view": "example-request",
           "view_a": "example-request", "view_b": "example-second",
           "first": "example-request", "second": "example-second"}
    out = tmp_path / "out"
    options = ["--no-builtin-cases", "--no-builtin-views", "--cases", str(OWN_CASES),
               "--logic", str(request_view(tmp_path / "request")), "--logic", str(second_view(tmp_path / "second"))]
    before, after = (options, []) if where == "before" else (options[1:6], [options[0], *options[6:]])
    result = run(*before, *argv(command, ids, out, json=True), *after)
    written = "".join(p.read_text() for p in sorted(out.rglob("*")) if p.is_file()) if out.exists() else ""
    everything = result.out + result.err + written
    assert "Traceback" not in result.err
    assert "warren-hannon" not in everything and "Warren v. District" not in everything
    if result.status == 0:
        assert "own-case" in everything or "example-request" in everything


def test_check_passes_the_project_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("check", "cases/", "logic/")
    assert (result.status, result.err) == (0, "")
    assert re.fullmatch(r"checked \d+ logic files and \d+ case files: no problems\n", result.out)


def test_check_reports_every_problem_of_every_file(tmp_path: Path) -> None:
    bad = TESTS / "bad"
    result = run("check", str(bad / "cases" / "unknown-fact"), str(bad / "cases" / "empty"),
                 str(bad / "views" / "syntax"), str(bad / "views" / "structure"))
    assert (result.status, result.out) == (2, "")
    lines = result.err.splitlines()
    assert all(line.startswith("publicduty: error: ") for line in lines)
    for folder in ("cases/unknown-fact", "cases/empty", "views/syntax"):
        assert sum(f"{bad / folder}" in line for line in lines) == 1
    assert sum(str(bad / "views" / "structure") in line for line in lines) == len(STRUCTURE)


#: Every structural problem of tests/bad/views/structure/view.lp: line, then message and fix.
STRUCTURE = [
    (3, "view 'bad-structure' has no view_year (a year, as a number); add view_year(\"bad-structure\", ...)"),
    (11, "rule 'bad-structure:adopts' adopts undeclared rule set 'baselin'; did you mean 'baseline'?"),
    (15, "rule 'bad-structure:request' has no cite; add cite(\"bad-structure:request\", \"the page it rests on\")"),
    (15, "rule 'bad-structure:request' names undeclared ground 'request_for_ayd'; did you mean 'request_for_aid'?"),
    (18, "rule 'bad-structure:drop' has no says; add says(\"bad-structure:drop\", \"the rule in plain English\")"),
    (18, "rule 'bad-structure:drop' drops undeclared rule 'hannon:promise-not-enogh'; "
         "did you mean 'hannon:promise-not-enough'?"),
    (21, "rule 'bad-structure:elsewhere' is put in rule set 'bad-structur', which this file does not declare; "
         "declare view(\"bad-structur\") in this file, or name one of its views"),
    (25, "ground 'empty_ground' has no elements; add element(empty_ground, Fact) for each fact the ground requires"),
    (27, "element(misspelt_ground,requested_hepl) requires undeclared fact 'requested_hepl'; "
         "did you mean 'requested_help'?"),
    (29, "rule id 'bad-structure:drop' is declared twice (first at {path}:18); give each rule its own id"),
    (29, "rule 'bad-structure:drop' has no says; add says(\"bad-structure:drop\", \"the rule in plain English\")"),
    (30, "an integrity constraint in a view file: a view's holdings must not depend on which answer the solver "
         "finds; a view states facts only: rule(Id, View, Effect) with when/2 and unless/2 for its conditions"),
    (32, "rule 'bad-structure:odd' has effect 'creates(request_for_aid)'; use default, recognises(Ground), "
         "rejects(Ground), adopts(\"rule set\") or drops(\"rule\")"),
    (36, "rule 'bad-structure:drop-kelly' drops rule 'kelly:two-factor-test', which its rule set does not adopt; "
         "drop a rule of a rule set this one adopts, or remove the drops rule"),
    (40, "element(request_for_aide,requested_help) names undeclared ground 'request_for_aide'; "
         "did you mean 'request_for_aid'?"),
    (43, "view 'bad-bare' applies no public duty rule; "
         "adopt the baseline: rule(\"bad-bare:adopts-baseline\", \"bad-bare\", adopts(\"baseline\"))"),
]


def test_check_words_each_structural_problem_of_a_view() -> None:
    path = TESTS / "bad" / "views" / "structure" / "view.lp"
    result = run("check", str(path))
    assert (result.status, result.out) == (2, "")
    expected = [f"publicduty: error: {path}:{line}: {text.format(path=path)}" for line, text in STRUCTURE]
    assert result.err.splitlines() == expected


def test_check_names_a_path_that_holds_nothing_to_check(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a case")
    result = run("check", str(tmp_path / "absent"), str(tmp_path / "notes.txt"))
    assert (result.status, result.out) == (2, "")
    assert result.err.splitlines() == [
        f"publicduty: error: {tmp_path / 'absent'}: no such file or folder; "
        "give a .yaml or .lp file, or a folder holding some",
        f"publicduty: error: {tmp_path / 'notes.txt'}: no case file (.yaml, .yml) or view file (.lp) here; "
        "give a .yaml or .lp file, or a folder holding some",
    ]
