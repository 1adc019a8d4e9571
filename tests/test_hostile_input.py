"""Inputs a hostile or unlucky user gives: files that are not files, views that rewrite the law, Ctrl-C.

Each is answered by one line naming the file (and the line where one is known), exit
status 2, nothing on standard output and no traceback; a FIFO never hangs, ``/dev/zero``
never fills memory, a user's view that defines the engine's own predicates is refused by
every command as ``check`` refuses it, and Ctrl-C ends a grounding at once with status 130.
"""

from __future__ import annotations

import errno
import os
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from commandline import BUILTIN_IDS, TESTS, argv, big_case_base, run
from publicduty.cli.registry import COMMANDS
from publicduty.load import safefile
from publicduty.solve.engine import Engine

EXAMPLE_VIEW = (TESTS.parent / "examples" / "views" / "request-for-aid.lp").read_text()
OWN_CASE = (TESTS / "own" / "own-case.yaml").read_text()
ERROR = "publicduty: error: "


def refused(*args: str) -> list[str]:
    """Run the command line in-process; insist it refused, and return its lines."""
    result = run(*args)
    assert (result.status, result.out) == (2, ""), result.err
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert lines and all(line.startswith(ERROR) for line in lines), lines
    return lines


def cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``publicduty ARGS`` in a process of its own (what may hang must not hang the tests)."""
    return subprocess.run([sys.executable, "-m", "publicduty", *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def folder_with(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    return folder / name


# --- files that are not files -------------------------------------------------------------------


@pytest.mark.parametrize(("option", "name"), [("--cases", "case.yaml"), ("--logic", "view.lp")])
def test_a_fifo_is_refused_without_hanging(tmp_path: Path, option: str, name: str) -> None:
    fifo = folder_with(tmp_path, name)
    os.mkfifo(fifo)
    result = cli("--no-builtin-cases", option, str(fifo.parent), "cases")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"{ERROR}{fifo}: not a regular file (a device, a pipe or a socket), so not "
        f"{'a case file' if option == '--cases' else 'a logic file'}; give an ordinary file, or remove this entry"]


@pytest.mark.parametrize(("option", "name", "what"), [("--cases", "zero.yaml", "a case file"),
                                                      ("--logic", "zero.lp", "a logic file")])
def test_a_symlink_to_dev_zero_is_refused_within_a_memory_limit(tmp_path: Path, option: str, name: str,
                                                                what: str) -> None:
    link = folder_with(tmp_path, name)
    link.symlink_to("/dev/zero")

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    process = subprocess.run([sys.executable, "-m", "publicduty", option, str(link.parent), "cases"],
                             capture_output=True, text=True, timeout=60, preexec_fn=limited, check=False)
    assert (process.returncode, process.stdout) == (2, "")
    assert process.stderr.splitlines() == [
        f"{ERROR}{link}: not a regular file (a device, a pipe or a socket), so not {what}; "
        "give an ordinary file, or remove this entry"]


def test_the_engine_loads_only_text_it_read_and_checked(tmp_path: Path) -> None:
    """The engine never hands clingo a path: a FIFO or a byte-order mark is refused, never loaded."""
    fifo = tmp_path / "fifo.lp"
    os.mkfifo(fifo)
    bom = tmp_path / "bom.lp"
    bom.write_text("\ufeffa.")
    for path, what in ((fifo, "not a regular file (a device, a pipe or a socket), so not a logic file"),
                       (bom, "character U+FEFF (zero width no-break space) is not allowed in a logic file")):
        with pytest.raises(safefile.InputError) as error:
            Engine([path])
        assert str(error.value).startswith(f"{path}{':1' if path == bom else ''}: {what}; ")


def test_the_size_limit_holds_while_reading_a_file_that_grows(tmp_path: Path) -> None:
    """A regular file whose stat says small but which yields more: at most limit + 1 bytes are read."""
    path = tmp_path / "small.yaml"
    path.write_bytes(b"x" * 100)
    with pytest.raises(safefile.InputError) as error:
        safefile.read_bytes(path, "a case file", "split it", limit=10)
    assert str(error.value) == f"{path}: the file is 0.0 MiB; split it"
    assert safefile.read_bytes(path, "a case file", "split it", limit=100) == b"x" * 100


@pytest.mark.parametrize(("option", "name", "what"), [("--cases", "x.yaml", "a case file"),
                                                      ("--cases", "x.yml", "a case file"),
                                                      ("--logic", "x.lp", "a logic file")])
def test_a_folder_with_a_files_name_is_refused(tmp_path: Path, option: str, name: str, what: str) -> None:
    folder = folder_with(tmp_path, name)
    folder.mkdir()
    expected = [f"{ERROR}{folder}: a folder, not {what}; give a file, or rename the folder"]
    assert refused("--no-builtin-cases", option, str(folder.parent), "cases") == expected
    assert refused("check", str(folder.parent)) == expected


def test_a_folder_named_like_an_opinion_text_is_refused_by_check_sources(tmp_path: Path) -> None:
    (tmp_path / "x.txt").mkdir()
    assert refused("check-sources", str(tmp_path)) == [
        f"{ERROR}{tmp_path / 'x.txt'}: a folder, not an opinion text; give a file, or rename the folder"]


def test_a_symlink_loop_is_refused_by_every_reader(tmp_path: Path) -> None:
    loop = folder_with(tmp_path, "loop.yaml")
    loop.symlink_to(loop)
    expected = [f"{ERROR}{loop}: cannot read the file (Too many levels of symbolic links); "
                "check the path and the file's permissions"]
    assert refused("--cases", str(loop.parent), "cases") == expected
    assert refused("check", str(loop.parent)) == expected
    assert refused("check", str(loop)) == expected


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = folder_with(tmp_path, "case.yaml")
    path.write_text(OWN_CASE)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads a file of mode 000: refuse it the way the kernel refuses others
        real_open = os.open

        def no_access(name: object, *args: int, **kwargs: int) -> int:
            if Path(str(name)) == path:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(name))
            return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(safefile.os, "open", no_access)
    expected = [f"{ERROR}{path}: cannot read the file (Permission denied); check the path and the file's permissions"]
    assert refused("--no-builtin-cases", "--cases", str(path.parent), "cases") == expected
    assert refused("check", str(path)) == expected


def test_a_yml_case_file_is_read_not_skipped(tmp_path: Path) -> None:
    path = folder_with(tmp_path, "own.yml")
    path.write_text(OWN_CASE)
    result = run("--cases", str(path.parent), "--logic", str(TESTS.parent / "examples" / "views"), "cases")
    assert (result.status, result.err) == (0, "")
    assert "own-case" in result.out
    check = run("--cases", str(path.parent), "check")
    assert check.status == 2 and "opinion 'example' names undeclared view 'example-request'" in check.err


# --- what clingo must never see ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "line", "shown"), [
    ("\ufeffview(\"v\").\n", 1, "U+FEFF (zero width no-break space)"),
    ("view(\"v\").\nsays(\"r\", \"a\u2028b\").\n", 2, "U+2028 (line separator)"),
    ("view(\"v\").\n\nsays(\"r\", \"a\u202eb\").\n", 3, "U+202E (right-to-left override)"),
    ("view(\"v\").\nsays(\"r\", \"a\x00b\").\n", 2, "U+0000 (a control character)"),
])
def test_a_view_file_with_characters_that_make_clingo_panic_is_refused(tmp_path: Path, text: str, line: int,
                                                                        shown: str) -> None:
    path = folder_with(tmp_path, "view.lp")
    path.write_text(text, encoding="utf-8")
    expected = [f"{ERROR}{path}:{line}: character {shown} is not allowed in a logic file; "
                "remove it; save the file as UTF-8 without a byte-order mark"]
    assert refused("--logic", str(path.parent), "views") == expected
    assert refused("check", str(path)) == expected


def test_a_view_file_that_is_not_utf8_is_refused_at_its_line(tmp_path: Path) -> None:
    path = folder_with(tmp_path, "view.lp")
    path.write_bytes(b'view("v").\nsays("r", "caf\xe9").\n')
    expected = [f"{ERROR}{path}:2: byte 0xe9 is not UTF-8; save the file as UTF-8"]
    assert refused("--logic", str(path.parent), "views") == expected
    assert refused("check", str(path)) == expected


# --- the sealed law ------------------------------------------------------------------------------

ENGINE_OWN = "is the engine's own; write a rule(...) fact instead"
NOT_ONE = ("is not one; state only annotation/2, cite/2, element/2, ground/2, input/2, prevails/2, quote/3, "
           "reconstructed/2, reporter_text/2, rule/3, says/2, tension/4, unless/2, view/1, view_author/2, "
           "view_case/2, view_citation/2, view_court/2, view_joined/2, view_kind/2, view_label/2, view_year/2, when/2")
FACTS_ONLY = "a view states facts only: rule(Id, View, Effect) with when/2 and unless/2 for its conditions"

#: A line added to a sound view, and the problem every command must report at it.
FORBIDDEN = {
    "accepts": ('holds("warren-majority", R, K) :- rule(R, _, recognises(_)), claim(K).',
                f"a view may state only view facts; `holds/3` {ENGINE_OWN}"),
    "duty": ('duty("example-request", ("own-case", "bystander")).',
             f"a view may state only view facts; `duty/2` {ENGINE_OWN}"),
    "holds": ("holds(X) :- ground(X, _).", f"a view may state only view facts; `holds/1` {NOT_ONE}"),
    "holding": ('defeated("warren-majority", "hannon:known-threat-not-enough", K) :- claim(K).',
                f"a view may state only view facts; `defeated/3` {ENGINE_OWN}"),
    "alleged": ("alleged(K, F) :- claim(K), input(F, _).",
                f"a view may state only view facts; `alleged/2` {ENGINE_OWN}"),
    "body": ('rule("example:more", "example-request", recognises(G)) :- ground(G, _).',
             f"a rule with a body in a view file: `rule/3` would be derived, not stated; {FACTS_ONLY}"),
    "show": ("#show.", f"#show in a view file: a view may not direct the solver; {FACTS_ONLY}"),
    "external": ("#external e.", f"#external in a view file: a view may not direct the solver; {FACTS_ONLY}"),
    "const": ("#const n = 1.", f"#const in a view file: a view may not direct the solver; {FACTS_ONLY}"),
    "program": ("#program more.", f"#program more in a view file: a view is one program; {FACTS_ONLY}"),
    "constraint": (':- view("warren-kelly").', "an integrity constraint in a view file: a view's holdings must not "
                   f"depend on which answer the solver finds; {FACTS_ONLY}"),
    "choice": ('{ view("x") }.', "a choice rule in a view file: a view's holdings must not depend on which answer "
               f"the solver finds; {FACTS_ONLY}"),
    "interval": ('view_year("example-request", 1..3).', "`view_year/2` holds an interval; a view fact may hold only "
                 "names, strings, numbers and pools; write the value out"),
    "script": ("#script (python)\nimport os\n#end.",
               f"#script in a view file: a view may not direct the solver; {FACTS_ONLY}"),
    "minimize": ('#minimize { 1: view("x") }.',
                 f"#minimize in a view file: a view may not direct the solver; {FACTS_ONLY}"),
    "reused-id": ('rule("kelly:two-factor-test", "example-request", default).',
                  "rule id 'kelly:two-factor-test' is declared twice (first at {kelly}:{kelly_line}); "
                  "give each rule its own id"),
    "line-break": ('says("example:request-for-aid", "Two\\nlines").',
                   "`says/2` holds a string with a line break or another control character; "
                   "write the text on one line"),
    "include": ('#include "/dev/zero".', "#include in a logic file: it would load another file unchecked; "
                "load each file with --logic"),
    "foreign-says": ('says("kelly:two-factor-test", "Rewritten.").',
                     "says/2 speaks of rule 'kelly:two-factor-test' of {kelly}: a view may state facts only of its "
                     "own rules; declare a rule of your own in this file"),
    "foreign-view": ('view_label("warren-majority", "Rewritten").',
                     "view_label/2 speaks of view 'warren-majority' of {majority}: a view may state facts only of its "
                     "own views; declare a view of your own in this file"),
    "foreign-rule-set": ('rule("example:into-kelly", "warren-kelly", recognises(request_for_aid)).',
                         "rule 'example:into-kelly' is put in rule set 'warren-kelly', which this file does not "
                         "declare; declare view(\"warren-kelly\") in this file, or name one of its views"),
    "foreign-prevails": ('prevails("kelly:two-factor-test", "example:request-for-aid").',
                         "prevails/2 speaks of rule 'kelly:two-factor-test' of {kelly}: a view may state facts only "
                         "of its own rules; declare a rule of your own in this file"),
}

VIEWS_DIR = TESTS.parent / "logic" / "law" / "views"


def bad_view(tmp_path: Path, name: str) -> tuple[Path, str]:
    """The example view with one forbidden line added at its end; the file and the line every command prints."""
    line, message = FORBIDDEN[name]
    folder = tmp_path / f"view-{name}"
    folder.mkdir()
    path = folder / "view.lp"
    path.write_text(EXAMPLE_VIEW + line + "\n")
    number = len(EXAMPLE_VIEW.splitlines()) + 1
    kelly = VIEWS_DIR / "warren-kelly.lp"
    kelly_line = next(i for i, text in enumerate(kelly.read_text().splitlines(), 1)
                      if text.startswith('rule("kelly:two-factor-test"'))
    text = message.format(kelly=kelly, kelly_line=kelly_line, majority=VIEWS_DIR / "warren-majority.lp")
    return path, f"{ERROR}{path}:{number}: {text}"


@pytest.mark.parametrize("name", sorted(FORBIDDEN))
def test_check_refuses_each_thing_a_view_may_not_say(tmp_path: Path, name: str) -> None:
    path, expected = bad_view(tmp_path, name)
    assert refused("check", str(path)) == [expected]
    assert refused("--logic", str(path.parent), "solve", "warren") == [expected]


@pytest.mark.parametrize("name", ["accepts", "holding", "body", "foreign-rule-set"])
@pytest.mark.parametrize("command", COMMANDS, ids=[c.NAME for c in COMMANDS])
def test_every_command_refuses_a_view_that_rewrites_the_law_as_check_does(tmp_path: Path, name: str,
                                                                          command: ModuleType) -> None:
    path, expected = bad_view(tmp_path, name)
    out = tmp_path / "out"
    assert refused("--logic", str(path.parent), *argv(command, BUILTIN_IDS, out)) == [expected]
    assert not out.exists()


def test_view_facts_with_pools_are_facts(tmp_path: Path) -> None:
    path = folder_with(tmp_path, "view.lp")
    path.write_text(EXAMPLE_VIEW + 'view_joined("example-request", ("A"; "B")).\n'
                    'view_joined("example-request", "C"; "example-request", "D").\n'
                    'ground(example_pair, "a pair").\nelement(example_pair, (requested_help; direct_contact)).\n')
    result = run("check", str(path))
    assert (result.status, result.err) == (0, "")


def test_a_sound_view_leaves_the_built_in_views_holdings_as_they_were(tmp_path: Path) -> None:
    alone = run("compare", "--all", "--json")
    beside = run("--logic", str(TESTS.parent / "examples" / "views"), "compare", "--all", "--json",
                 "--views", "warren-hannon,warren-majority,warren-kelly,irwin-majority,irwin-nolan")
    assert (alone.status, beside.status) == (0, 0)
    assert alone.out == beside.out


# --- one line, always ----------------------------------------------------------------------------


@pytest.mark.parametrize("words", [
    [], ["nonsense"], ["solve"], ["flip", "warren", "warren", "--view", "warren-kelly", "--max", "many"],
    ["explain", "warren", "warren", "--view", "warren-kelly", "--format", "pdf"], ["--timeout", "soon", "views"],
    ["views", "--json", "extra"], ["--cases"],
])
def test_usage_errors_are_one_line_in_the_form_of_every_error(words: list[str]) -> None:
    result = cli(*words)
    assert (result.returncode, result.stdout) == (2, "")
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{ERROR}<command line>: ") and lines[0].endswith(" --help'")
    assert "_positive" not in lines[0] and "usage:" not in lines[0]


def test_a_case_file_with_line_breaks_and_escapes_in_its_id_gets_one_safe_line(tmp_path: Path) -> None:
    path = folder_with(tmp_path, "case.yaml")
    path.write_text(OWN_CASE.replace("id: own-case", 'id: "own\\ncase\\u2028\\e[31m\\u202e"'))
    lines = refused("--no-builtin-cases", "--cases", str(path.parent), "cases")
    assert lines == [f"{ERROR}{path}:3: case id 'own\\ncase\\u2028\\x1b[31m\\u202e' is not a valid id; "
                     "use lower-case letters, digits, '-' and '_', starting with a letter"]


def test_check_reports_every_problem_of_a_case_file(tmp_path: Path) -> None:
    path = folder_with(tmp_path, "case.yaml")
    path.write_text(OWN_CASE.replace("requested_help:", "requested_hlep:").replace("name: A bystander who did not",
                                                                                   "nam: A bystander who did not"))
    assert refused("--no-builtin-cases", "check", str(path)) == [
        f"{ERROR}{path}:13: unknown fact 'requested_hlep'; did you mean 'requested_help'?",
        f"{ERROR}{path}:17: unknown key 'nam' in a claimant; did you mean 'name'?",
    ]  # and not again where the holdings name the claimant


def test_running_out_of_memory_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from publicduty.cli import views

    def exhausted(_args: object) -> int:
        raise MemoryError

    monkeypatch.setattr(views, "run", exhausted)
    result = run("views")
    assert (result.status, result.out) == (1, "")
    assert result.err.splitlines() == [f"{ERROR}publicduty: out of memory while starting 'publicduty views'; "
                                       "load fewer cases or views, or give the process more memory"]


# --- Ctrl-C --------------------------------------------------------------------------------------

_WATCH_GROUNDING = """
import sys
from publicduty.solve import watchdog
from publicduty.cli.main import main

record = watchdog.doing

def announce(what):
    record(what)
    if what.startswith("grounding") and what != "grounding 0 claims":
        print("GROUNDING", file=sys.stderr, flush=True)

watchdog.doing = announce
sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_during_grounding_ends_the_command_at_once_with_one_line(tmp_path: Path) -> None:
    big = big_case_base(tmp_path / "big", cases=8, claimants=500)

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))

    process = subprocess.Popen([sys.executable, "-c", _WATCH_GROUNDING, "--cases", str(big), "compare", "--all"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=limited)
    assert process.stderr is not None
    assert process.stderr.readline() == "GROUNDING\n"  # the claims are being grounded now
    time.sleep(0.3)
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert time.monotonic() - sent < 2  # within a second, with room for a busy machine
    assert (process.returncode, out, err) == (130, "", "publicduty: interrupted\n")


def test_ctrl_c_while_reading_the_case_files_is_one_line_too() -> None:
    script = _WATCH_GROUNDING.replace('what.startswith("grounding")', 'what == "reading the case files"')
    script = script.replace('print("GROUNDING", file=sys.stderr, flush=True)',
                            "import os, signal, time; os.kill(os.getpid(), signal.SIGINT); time.sleep(30)")
    process = subprocess.run([sys.executable, "-c", script, "compare", "--all"], capture_output=True, text=True,
                             timeout=30, check=False)
    assert (process.returncode, process.stdout, process.stderr) == (130, "", "publicduty: interrupted\n")


def test_own_views_run_under_a_default_time_limit_that_says_what_ran(tmp_path: Path) -> None:
    big = big_case_base(tmp_path / "big", cases=4, claimants=500)
    views = TESTS.parent / "examples" / "views"
    script = ("import sys\nimport publicduty.cli.main as cli\ncli.OWN_VIEWS_TIMEOUT = 0.5\n"
              "sys.exit(cli.main(sys.argv[1:]))")
    process = subprocess.run([sys.executable, "-c", script, "--cases", str(big), "--logic", str(views),
                              "compare", "--all"], capture_output=True, text=True, timeout=60, check=False)
    assert (process.returncode, process.stdout) == (2, "")
    [line] = process.stderr.splitlines()
    stage = r"(starting 'publicduty compare'|checking the view files|loading the logic|reading the case files|" \
            r"grounding \d+ claims|solving)"
    files = ", ".join(sorted(str(p) for p in views.glob("*.lp")))
    assert re.fullmatch(f"{re.escape(ERROR + files)}: {stage} ran past the 0.5s "
                        "limit for your own views and was stopped; give a longer --timeout, or load fewer cases "
                        "or views", line), line


def test_own_views_run_under_a_default_memory_limit_that_says_what_ran(tmp_path: Path) -> None:
    """The limit is lowered to what the process holds plus a little, so grounding a big case base exceeds it."""
    big = big_case_base(tmp_path / "big", cases=8, claimants=500)
    views = TESTS.parent / "examples" / "views"
    script = ("import re, sys\nimport publicduty.cli.main as cli\n"
              "size = int(re.search(r'VmSize:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) * 1024\n"
              "cli.OWN_VIEWS_MEMORY = size + 256 * 2**20\n"
              "sys.exit(cli.main(sys.argv[1:]))")
    process = subprocess.run([sys.executable, "-c", script, "--cases", str(big), "--logic", str(views),
                              "compare", "--all"], capture_output=True, text=True, timeout=120, check=False)
    assert (process.returncode, process.stdout) == (1, ""), process.stderr
    [line] = process.stderr.splitlines()
    assert re.fullmatch(rf"{re.escape(ERROR)}publicduty: out of memory while .+ \(the [0-9.]+ (GiB|MiB) limit for your "
                        r"own views\); load fewer cases or views, or give the process more memory", line), line
