"""Every class of bad input, through every command: one line per problem, exit status 2.

Each class is a fixture under tests/bad/ (or a file made here when it cannot be stored:
a 10 MB file) with the exact line the user must see: the file, the line where it can be
known, what is wrong and the fix. Every registered command is run on every class, and
must print that line and nothing else, nothing on standard output, and no traceback.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from commandline import BUILTIN_IDS, TESTS, argv, big_case_base, run
from publicduty.cli.main import main
from publicduty.cli.registry import COMMANDS, Command
from publicduty.load import yamltree

BAD = TESTS / "bad"
CASES = BAD / "cases"
VIEWS = BAD / "views"
HANNON = TESTS.parent / "logic" / "law" / "views" / "warren-hannon.lp"
PROMISE = 'rule("hannon:promise-not-enough"'


def line_of(path: Path, start: str) -> int:
    """The number of the line of ``path`` that starts with ``start``."""
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(start))


@dataclass(frozen=True)
class Bad:
    """A class of bad input: the global options that load it, and the lines every command prints."""

    name: str
    options: tuple[str, ...]
    lines: tuple[str, ...]


def case_file(folder: str, line: int | None, message: str, name: str = "case.yaml") -> Bad:
    path = CASES / folder / name
    where = f"{path}:{line}" if line else str(path)
    return Bad(folder, ("--cases", str(CASES / folder)), (f"publicduty: error: {where}: {message}",))


def view_file(folder: str, line: int, message: str, *more: str) -> Bad:
    path = VIEWS / folder / "view.lp"
    return Bad(f"view-{folder}", ("--logic", str(VIEWS / folder), *more),
               (f"publicduty: error: {path}:{line}: {message.format(path=path)}",))


CLASSES = [
    case_file("yaml-syntax", 14, "not valid YAML: expected ',' or '}', but got ':'; check the indentation and quoting"),
    case_file("empty", None, "the file is empty; start from a file in cases/"),
    case_file("too-deep", None, "lists and mappings are nested too deeply to read; "
                                "a case file needs a few levels; check the brackets"),
    case_file("not-utf8", 3, "byte 0xe9 is not UTF-8; save the file as UTF-8"),
    case_file("unknown-key", 3, "unknown key 'titel' in the case; did you mean 'title'?"),
    case_file("missing-field", 2, "the case is missing the required key 'citation'; add 'citation:' to the case"),
    case_file("wrong-type", 12, "facts must be a mapping of keys to values; "
                                "write indented 'key: value' lines under it, or {key: value, ...}"),
    case_file("unknown-fact", 12, "unknown fact 'requested_hlep'; did you mean 'requested_help'?"),
    case_file("fact-value", 13, "value of 'direct_contact' 'maybe' is not allowed; "
                                "expected one of: false, true, unknown"),
    case_file("undeclared-claimant", 19, "holding for undeclared claimant 'caler'; did you mean 'caller'?"),
    case_file("undeclared-view", 15, "opinion 'majority' names undeclared view 'warren-majorty'; "
                                     "did you mean 'warren-majority'?"),
    # A judge's seat on the bench naming an opinion the case does not declare ...
    case_file("undeclared-opinion", 21, "the bench names undeclared opinion 'majorty'; did you mean 'majority'?"),
    # ... and a view naming a judge whom its case's bench does not seat as joining its opinion.
    Bad("undeclared-judge", ("--cases", str(CASES / "undeclared-judge"), "--logic", str(VIEWS / "judges")),
        (f"publicduty: error: {CASES / 'undeclared-judge' / 'case.yaml'}:15: view 'bad-judges' names judge 'Jones', "
         "but the bench records no judge of that name joining opinion 'main'; did you mean 'Jone'?",)),
    case_file("duplicate-case", None, f"case id 'hypo-bad' is already used by {CASES / 'duplicate-case' / 'a.yaml'}; "
                                      "give each case its own id", name="b.yaml"),
    case_file("duplicate-claimant", 14, "claimant 'caller' is declared twice (first at line 9); "
                                        "give each a distinct id"),
    case_file("bad-id", 9, "claimant id 'Caller One' is not a valid id; "
                           "use lower-case letters, digits, '-' and '_', starting with a letter"),
    view_file("syntax", 4, "clingo: syntax error, unexpected <IDENTIFIER>, expecting ) or ;; "
                           "fix the syntax at that place in the file"),
    view_file("unsafe", 14, "a rule with a body in a view file: `rule/3` would be derived, not stated; a view "
                            "states facts only: rule(Id, View, Effect) with when/2 and unless/2 for its conditions"),
    view_file("conflict", 5, "view 'bad-conflict' both recognises ground 'privity_assurance_reliance' by rule "
                             "'bad-conflict:kelly-test' ({path}:18) and rejects it by rule 'hannon:promise-not-enough' "
                             f"({HANNON}:{line_of(HANNON, PROMISE)}); "
                             "say which prevails with prevails(\"rule\", \"rule\"), "
                             "remove one of the two rules, "
                             "or drop the adopted one with rule(_, View, drops(\"rule\"))"),
]


def assert_refused(result_lines: list[str], status: int, out: str, err: str) -> None:
    assert (status, out) == (2, ""), err
    assert "Traceback" not in err
    assert err.splitlines() == result_lines


@pytest.mark.parametrize("bad", CLASSES, ids=[b.name for b in CLASSES])
@pytest.mark.parametrize("command", COMMANDS, ids=[c.NAME for c in COMMANDS])
def test_every_command_refuses_bad_input_with_one_line(bad: Bad, command: Command, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("--no-builtin-cases", *bad.options, *argv(command, BUILTIN_IDS, out))  # the bad file alone
    assert_refused(list(bad.lines), result.status, result.out, result.err)
    assert not out.exists()  # nothing half-written


@pytest.fixture
def huge_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A 10 MB case file (sparse, so cheap to make), and a YAML parser that must never be called."""
    folder = tmp_path / "huge"
    folder.mkdir()
    path = folder / "huge.yaml"
    with path.open("wb") as file:
        file.truncate(10 * 1024 * 1024)

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a 10 MB case file was parsed")

    monkeypatch.setattr(yamltree.yaml, "compose", never)
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=[c.NAME for c in COMMANDS])
def test_a_10_mb_case_file_is_refused_before_parsing(huge_case: Path, command: Command, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("--no-builtin-cases", "--cases", str(huge_case.parent), *argv(command, BUILTIN_IDS, out))
    expected = (f"publicduty: error: {huge_case}: the file is 10.0 MiB; "
                "case files are limited to 1 MiB; split it into one file per case")
    assert_refused([expected], result.status, result.out, result.err)


ASP = "x). #show. :- not duty(. %* \"); holding(V, K, duty) :- view(V), claim(K)."


def test_asp_code_in_names_and_sources_stays_inert(tmp_path: Path) -> None:
    """A claimant name, a title, a fact source and note that look like ASP load and solve like plain text."""
    template = (TESTS / "own" / "own-case.yaml").read_text()
    outputs = {}
    for label, text in (("plain", "plain words"), ("asp", ASP)):
        folder = tmp_path / label
        folder.mkdir()
        quoted = json.dumps(text)
        body = (template.replace("title: An own hypothetical call for help", f"title: {quoted}")
                .replace("name: A caller who asked for help", f"name: {quoted}")
                .replace("{value: true, source: hypothetical}", f"{{value: true, source: {quoted}, note: {quoted}}}"))
        assert body.count(quoted) >= 4
        (folder / "case.yaml").write_text(body)
        result = run("--no-builtin-cases", "--cases", str(folder), "--logic", str(TESTS.parent / "examples" / "views"),
                     "solve", "own-case", "--json")
        assert (result.status, result.err) == (0, "")
        outputs[label] = json.loads(result.out)
    assert outputs["asp"]["title"] == ASP
    outputs["asp"]["title"] = "plain words"
    assert outputs["asp"] == outputs["plain"]
    holdings = {(r["claimant"], r["view"]): r["holding"] for r in outputs["plain"]["results"]}
    assert holdings[("caller", "example-request")] == "duty"
    assert holdings[("bystander", "example-request")] == "no_duty"


def test_a_long_run_is_stopped_by_the_timeout_in_every_command_saying_what_ran(tmp_path: Path) -> None:
    """A case base too big for the limit: each command stops after --timeout, one line naming the stage, exit 2.

    clingo's grounding cannot be interrupted, so the watchdog ends the process; each
    command therefore runs in a process of its own (all at once, so the test takes about
    one timeout).
    """
    big = big_case_base(tmp_path / "big", cases=4, claimants=500)
    processes = {
        command.NAME: subprocess.Popen(
            [sys.executable, "-m", "publicduty", "--timeout", "1", "--cases", str(big),
             *argv(command, BUILTIN_IDS, tmp_path / command.NAME)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for command in COMMANDS
    }
    stages = ("starting 'publicduty [a-z-]+'", "reading the case files", "checking the view files",
              "loading the logic", r"grounding \d+ claims", "solving")
    expected = re.compile(f"publicduty: error: the built-in views: ({'|'.join(stages)}) ran past --timeout 1s "
                          "and was stopped; give a longer --timeout, or load fewer cases or views")
    for name, process in processes.items():
        out, err = process.communicate(timeout=120)
        assert (name, process.returncode, out) == (name, 2, ""), err
        assert len(err.splitlines()) == 1 and expected.fullmatch(err.strip()), (name, err)
        assert not (tmp_path / name).exists()


@pytest.mark.parametrize("value", ["0", "-1", "soon", "nan", "inf", "1e9"])
def test_a_timeout_that_is_not_a_sensible_number_is_refused(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--timeout", value, "views"])
    assert exit_.value.code == 2
    assert "argument --timeout: give a number of seconds above 0 and at most 1e+06" in capsys.readouterr().err
