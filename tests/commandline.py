"""The command line in-process, and sensible arguments for every registered command.

Tests that must cover every command read the registry (``publicduty.cli.registry.COMMANDS``)
and build each command's arguments from its own parser: a positional or option whose
name is in the sample ids gets that id. A command added later is covered without editing
the tests, unless it requires an argument of a new kind: then :func:`argv` says which.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from publicduty.cli.main import main, parser
from publicduty.cli.registry import COMMANDS, Command

TESTS = Path(__file__).parent

#: Ids of the built-in case base, by the argument names commands give them.
BUILTIN_IDS = {
    "case": "warren", "claimant": "warren", "view": "warren-kelly",
    "view_a": "warren-majority", "view_b": "warren-kelly", "first": "warren-majority", "second": "warren-kelly",
    "set": "requested_help", "folder": str(TESTS / "sources" / "texts"),
}


@dataclass(frozen=True)
class Run:
    """What one run of the command line did."""

    status: int
    out: str
    err: str


def run(*args: str) -> Run:
    """Run ``publicduty ARGS`` in-process and capture everything it prints."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return Run(status, out.getvalue(), err.getvalue())


@functools.cache
def _subparsers() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def json_flag(command: Command) -> list[str] | None:
    """The options that make ``command`` print JSON, or None if it has no JSON output."""
    for action in _subparsers()[command.NAME]._actions:
        if action.dest == "json":
            return [action.option_strings[0]]
        if action.dest == "format" and action.choices is not None and "json" in action.choices:
            return [action.option_strings[0], "json"]
    return None


def argv(command: Command, ids: dict[str, str], out: Path, json: bool = False) -> list[str]:
    """Sensible arguments for ``command``: the ids it takes, ``out`` for anything it writes."""
    words = [command.NAME]
    for action in _subparsers()[command.NAME]._actions:
        value = str(out) if action.dest == "out" else ids.get(action.dest)
        if value is None:
            if action.required and action.nargs not in ("?", "*"):
                raise LookupError(f"no sample for argument '{action.dest}' of 'publicduty {command.NAME}': "
                                  "add one to tests/commandline.py")
            continue
        words += [*action.option_strings[:1], value]
    flag = json_flag(command) if json else []
    return words + (flag or [])


def json_commands() -> list[Command]:
    """The registered commands that can print JSON."""
    return [c for c in COMMANDS if json_flag(c) is not None]


FACTS = ("requested_help", "direct_contact", "assurance_of_protection", "knew_of_danger", "identifiable_victim",
         "justifiable_reliance")


def big_case_base(folder: Path, cases: int, claimants: int) -> Path:
    """A folder of generated case files, ``claimants`` claims each, whose facts vary: slow to ground on purpose."""
    folder.mkdir(parents=True)
    for case in range(cases):
        lines = [f"id: big-{case}", "title: A big generated case", "citation: hypothetical",
                 "court: An imagined court", 'decided: "2026"', "posture: Generated facts.", "claimants:"]
        for claimant in range(claimants):
            lines += [f"  - id: c{claimant}", f"    name: Claimant {claimant}", "    facts:"]
            lines += [f"      {fact}: {{value: {('true', 'unknown', 'false')[(claimant + i) % 3]}, source: s}}"
                      for i, fact in enumerate(FACTS)]
        (folder / f"big-{case}.yaml").write_text("\n".join(lines) + "\n")
    return folder
