"""``publicduty check [PATH ...]``: validate case files and view files, reporting every problem.

What is checked is what the other commands would load (the global options) plus the
files and folders given. A file of the shipped ``logic/`` folder keeps its role however
it is named: the doctrine is always loaded, a built-in view is a view, and any other
file there (a search program) is checked on top of the logic, as the search loads it.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from publicduty.cli.common import add_json, print_json
from publicduty.errors import InputError, Problem
from publicduty.load import caseset, lint
from publicduty.solve import watchdog
from publicduty.solve.casebook import (
    CASES,
    LOGIC,
    builtin_cases_dir,
    builtin_logic_dir,
    builtin_view_files,
    doctrine_files,
    files_in,
)

NAME = "check"
HELP = ("check case files and view files (default: everything the global options load); "
        "one line per problem, exit status 2 if there is any")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                        help="a case file (.yaml), a view file (.lp) or a folder of them; repeatable")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Check everything, print what was checked, or raise every problem found."""
    logic, cases, problems = _files(args)
    doctrine = doctrine_files()
    views, auxiliaries = _roles(logic, doctrine)
    builtin = {_real(p) for p in builtin_view_files()}
    watchdog.doing("checking the view files")
    catalogue, logic_problems = lint.check(doctrine, views, auxiliaries,
                                           sealed={p for p in views if _real(p) not in builtin})
    problems += logic_problems
    if catalogue is not None:  # else the doctrine itself is broken: no vocabulary to check the cases by
        watchdog.doing("reading the case files")
        loaded, case_problems = caseset.load(cases, set(catalogue.inputs))
        problems += case_problems + caseset.references(loaded.values(), catalogue.views)
    if problems:
        raise InputError.sorted(problems)
    checked = {"logic": [str(p) for p in [*doctrine, *views, *auxiliaries]], "cases": [str(p) for p in cases]}
    if args.json:
        print_json({"checked": checked})
    else:
        print(f"checked {len(checked['logic'])} logic files and {len(checked['cases'])} case files: no problems")
    return 0


def _files(args: argparse.Namespace) -> tuple[list[Path], list[Path], list[Problem]]:
    """The logic and case files the global options load and the paths name; a path naming none is a problem."""
    logic = [*(builtin_view_files() if not args.no_builtin_views else []), *files_in(args.logic, LOGIC, "logic")]
    cases = files_in([builtin_cases_dir()] if not args.no_builtin_cases else [], CASES, "case")
    cases += files_in(args.cases, CASES, "case")
    problems = []
    for path in args.paths:
        found = _expand(path)
        if not found:
            problems.append(Problem(str(path), None, "no case file (.yaml, .yml) or view file (.lp) here"
                                    if os.path.lexists(path) else "no such file or folder",
                                    "give a .yaml or .lp file, or a folder holding some"))
        logic += [p for p in found if p.suffix in LOGIC]
        cases += [p for p in found if p.suffix in CASES]
    return logic, _unique(cases), problems


def _expand(path: Path) -> list[Path]:
    """The case and view files at ``path``: itself, or those in the folder and below, in order."""
    if path.is_dir() and path.suffix not in (*LOGIC, *CASES):
        return files_in([path], (*LOGIC, *CASES), "case or view")
    return [path] if path.suffix in (*LOGIC, *CASES) else []  # reading it says if it is no file


def _unique(paths: list[Path]) -> list[Path]:
    """``paths`` without repeats, however each was named, in first-seen order."""
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(_real(path), path)
    return list(seen.values())


def _roles(logic: list[Path], doctrine: list[Path]) -> tuple[list[Path], list[Path]]:
    """Split logic files into views and auxiliary programs, leaving out the doctrine itself."""
    shipped = _real(builtin_logic_dir())
    builtin_views = {_real(p) for p in builtin_view_files()}
    always = {_real(p) for p in doctrine}
    views, auxiliaries = [], []
    for path in _unique(logic):
        resolved = _real(path)
        if resolved in always:
            continue
        if resolved.is_relative_to(shipped) and resolved not in builtin_views:
            auxiliaries.append(path)
        else:
            views.append(path)
    return views, auxiliaries


def _real(path: Path) -> Path:
    """The file ``path`` names, symlinks followed; a loop of symlinks is left as it is, for reading to refuse."""
    return Path(os.path.realpath(path))
