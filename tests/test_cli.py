"""The command line as a user meets it: real runs, real output, real exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from publicduty.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_solve_json_warren(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "solve", "warren", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["case"] == "warren"
    result = {(r["claimant"], r["view"]): r for r in data["results"]}
    for claimant in ("warren", "taliaferro", "douglas", "nichol"):
        for view in ("warren-hannon", "warren-majority"):
            assert result[(claimant, view)]["holding"] == "no_duty"
            assert result[(claimant, view)]["documented"] == "no_duty"
    for claimant in ("warren", "taliaferro"):
        kelly = result[(claimant, "warren-kelly")]
        assert kelly["holding"] == "duty"
        assert [g["ground"] for g in kelly["grounds"]] == ["privity_assurance_reliance"]
        assert kelly["grounds"][0]["rules"][0]["source"].startswith("444 A.2d at 10")
    assert result[("douglas", "warren-kelly")]["holding"] == "no_duty"
    assert result[("nichol", "warren-kelly")]["holding"] == "open"
    assert result[("nichol", "warren-kelly")]["grounds"][0]["certainty"] == "possible"


def test_solve_text_names_ground_rule_and_page(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "solve", "warren", "--view", "warren-kelly")
    assert status == 0
    assert "privity plus specific assurances of protection" in out
    assert "[kelly:two-factor-test: 444 A.2d at 10" in out
    assert "documented: duty (reconstructed)" in out


def test_compare_marks_the_parting_ground(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", "warren", "--views", "warren-majority,warren-kelly", "--json")
    assert status == 0
    claimants = {c["claimant"]: c for c in json.loads(out)["cases"][0]["claimants"]}
    warren = claimants["warren"]
    assert warren["derived"] == {"warren-majority": "no_duty", "warren-kelly": "duty"}
    assert warren["documented"]["panel"] == "duty"
    (parting,) = warren["partings"]
    assert parting["ground"] == "privity_assurance_reliance"
    assert parting["finding_duty"] == ["warren-kelly"]
    assert [r["rule"] for r in parting["rejecting"]["warren-majority"]] == ["hannon:promise-not-enough"]
    assert claimants["douglas"]["partings"] == []


def test_views_and_cases_listings(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "views", "--json")
    views = {v["view"]: v for v in json.loads(out)["views"]}
    assert status == 0
    assert views["warren-kelly"]["author"] == "Kelly" and views["warren-kelly"]["joined"] == ["Mack"]
    assert views["irwin-nolan"]["joined"] == ["Lynch", "O'Connor"]
    status, out, _ = run(capsys, "cases")
    assert status == 0 and "444 A.2d 1 (D.C. 1981) (en banc)" in out


def test_misspelt_fact_names_file_line_and_closest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = Path(__file__).parent / "hypotheticals" / "grounds.yaml"
    broken = tmp_path / "broken.yaml"
    broken.write_text(source.read_text().replace("used_in_investigation:", "used_in_investigaton:"))
    status, out, err = run(capsys, "--no-builtin-cases", "--cases", str(tmp_path), "cases")
    assert status == 2
    assert out == ""
    line = next(i for i, t in enumerate(broken.read_text().splitlines(), 1) if "investigaton" in t)
    assert err.strip() == (f"publicduty: error: {broken}:{line}: unknown fact 'used_in_investigaton'; "
                           "did you mean 'used_in_investigation'?")
    assert "Traceback" not in err


def test_unknown_case_and_view_suggest(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "solve", "waren")
    assert status == 2 and "no case 'waren'; did you mean 'warren'?" in err
    status, _, err = run(capsys, "solve", "warren", "--view", "warren-kely")
    assert status == 2 and "did you mean 'warren-kelly'?" in err


def test_a_command_imports_only_what_it_uses() -> None:
    """``compare`` starts without the report, the explanations, the search programs or the view checks (start-up)."""
    script = ("import contextlib, io, sys\nfrom publicduty.cli.main import main\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n    status = main(['compare', 'warren', '--json'])\n"
              "print(status, sorted(m for m in sys.modules if m.startswith('publicduty.')))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    status, modules = result.stdout.split(" ", 1)
    assert status == "0"
    assert "publicduty.cli.compare" in modules
    for heavy in ("publicduty.render.report", "publicduty.render.html", "publicduty.render.svg",
                  "publicduty.analyses.explanation", "publicduty.solve.queries", "publicduty.cli.report",
                  "publicduty.load.lint", "publicduty.load.viewlang", "publicduty.analyses.fidelity"):
        assert f"'{heavy}" not in modules


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out == f"publicduty {version('publicduty')}\n"


def test_global_options_after_the_command_word_add_up_with_those_before() -> None:
    from publicduty.cli import main as cli

    words = ["--timeout", "600", "--cases", "a", "compare", "--all", "--cases", "b", "--timeout", "5",
             "--no-builtin-views"]
    args = cli.parse_args(words)
    assert (args.cases, args.timeout, args.no_builtin_views, args.no_builtin_cases) == \
        ([Path("a"), Path("b")], 5.0, True, False)
    assert not [name for name in vars(args) if name.startswith("late_")]
