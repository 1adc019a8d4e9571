"""The subcommands of ``publicduty``, one module each, in the order ``--help`` lists them."""

from __future__ import annotations

from types import ModuleType

from publicduty.commands import (
    cases,
    check,
    check_sources,
    compare,
    diff,
    disagree,
    explain,
    fidelity,
    flip,
    report,
    serve,
    solve,
    views,
    vocabulary,
    votes,
    whatif,
)

COMMANDS: tuple[ModuleType, ...] = (
    views, cases, vocabulary, solve, compare, explain, diff,
    votes, fidelity, whatif, flip, disagree, report, check_sources, check,
)

#: Commands that keep running once loaded: ``run`` checks and loads (under --timeout, its
#: output held back like any command's) and returns the service, which runs after, until stopped.
SERVICES: tuple[ModuleType, ...] = (serve,)
