"""A set of case files, loaded together: every problem of every file, not just the first.

One case file is checked by :mod:`publicduty.model.case`. What only the set can tell, this
module tells: the same case id in two files, an opinion or a citation naming a view the
loaded logic does not declare, and a view naming a judge its case's bench does not seat.
Problems are collected across files, so a user fixing a folder of cases sees them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from publicduty.errors import InputError, Problem, did_you_mean
from publicduty.load import casefile
from publicduty.model.case import Case, Opinion
from publicduty.model.catalogue import View


def load(paths: Iterable[Path], facts: set[str]) -> tuple[dict[str, Case], list[Problem]]:
    """Load every case file in ``paths``: the sound cases by id, and the problems of the others."""
    cases: dict[str, Case] = {}
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded = casefile.load(path, facts)
        except InputError as err:
            problems.extend(err.problems)
            continue
        if loaded.id in cases:
            problems.append(Problem(str(path), None, f"case id '{loaded.id}' is already used by "
                                    f"{cases[loaded.id].path}", "give each case its own id"))
            continue
        cases[loaded.id] = loaded
    return cases, problems


def references(cases: Iterable[Case], views: Mapping[str, View]) -> list[Problem]:
    """The views and judges that ``cases`` and ``views`` name but nothing declares.

    An opinion or a citation must name a declared view; and a view of this case names as
    its author and joining judges only judges the bench records as joining its opinion.
    """
    problems = []
    for case in cases:
        for opinion in case.opinions:
            if opinion.view is not None and opinion.view not in views:
                problems.append(Problem(str(case.path), opinion.line, f"opinion '{opinion.id}' names "
                                        f"undeclared view '{opinion.view}'", did_you_mean(opinion.view, views)))
            elif opinion.view is not None:
                problems += _judges(case, opinion, views[opinion.view])
        for citation in case.cited_by:
            if citation.view not in views:
                problems.append(Problem(str(case.path), citation.line, f"cited_by names undeclared view "
                                        f"'{citation.view}'", did_you_mean(citation.view, views)))
    return problems


def _judges(case: Case, opinion: Opinion, view: View) -> list[Problem]:
    """The judges ``view`` names whom the bench of its own case does not record as joining ``opinion``."""
    joined = {seat.judge for seat in case.bench if opinion.id in seat.joined.values()}
    if view.case != case.id or not joined:
        return []  # a view applied to another case, or an opinion no judge of the bench joined
    return [Problem(str(case.path), opinion.line, f"view '{view.id}' names judge '{judge}', but the bench records "
                    f"no judge of that name joining opinion '{opinion.id}'", did_you_mean(judge, joined))
            for judge in sorted({view.author, *view.joined} - joined)]
