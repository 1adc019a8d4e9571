"""A set of case files, loaded together: every problem of every file, not just the first.

One case file is checked by :mod:`publicduty.case`. What only the set can tell, this
module tells: the same case id in two files, and an opinion or a citation naming a
view the loaded logic does not declare. Problems are collected across files, so a
user fixing a folder of cases sees all of them at once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from publicduty import case as case_file
from publicduty.case import Case
from publicduty.errors import InputError, Problem
from publicduty.schema import did_you_mean


def load(paths: Iterable[Path], facts: set[str]) -> tuple[dict[str, Case], list[Problem]]:
    """Load every case file in ``paths``: the sound cases by id, and the problems of the others."""
    cases: dict[str, Case] = {}
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded = case_file.load(path, facts)
        except InputError as err:
            problems.extend(err.problems)
            continue
        if loaded.id in cases:
            problems.append(Problem(str(path), None, f"case id '{loaded.id}' is already used by "
                                    f"{cases[loaded.id].path}", "give each case its own id"))
            continue
        cases[loaded.id] = loaded
    return cases, problems


def references(cases: Iterable[Case], views: Collection[str]) -> list[Problem]:
    """The opinions and citations of ``cases`` that name a view not among ``views``."""
    problems = []
    for case in cases:
        for opinion in case.opinions:
            if opinion.view is not None and opinion.view not in views:
                problems.append(Problem(str(case.path), opinion.line, f"opinion '{opinion.id}' names "
                                        f"undeclared view '{opinion.view}'", did_you_mean(opinion.view, views)))
        for citation in case.cited_by:
            if citation.view not in views:
                problems.append(Problem(str(case.path), citation.line, f"cited_by names undeclared view "
                                        f"'{citation.view}'", did_you_mean(citation.view, views)))
    return problems
