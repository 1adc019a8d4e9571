"""The subcommands of ``publicduty``, one module each, in the order ``--help`` lists them.

They are registered by name and imported only when used: ``compare`` never pays for the
report's modules, nor ``views`` for the search programs. ``COMMANDS`` (every module of a
command that ends, imported) and ``SERVICES`` (those that keep running) are there for the tests.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast


class Command(Protocol):
    """What a command module provides: its name and help, its options, and what it does.

    ``run`` returns the exit status, or (for a command that keeps running, such as
    ``serve``) the service to run once the command line has printed what it holds back.
    """

    NAME: str
    HELP: str

    def configure(self, parser: argparse.ArgumentParser) -> None:
        """Add the command's options to ``parser``."""

    def run(self, args: argparse.Namespace) -> int | Callable[[], int]:
        """Do the command with the parsed ``args``."""


#: Each command's name and module, in the order ``--help`` lists them.
_MODULES = {
    "views": "views", "cases": "cases", "vocabulary": "vocabulary", "solve": "solve", "compare": "compare",
    "explain": "explain", "diff": "diff", "votes": "votes", "fidelity": "fidelity", "whatif": "whatif",
    "flip": "flip", "disagree": "disagree", "report": "report", "check-sources": "check_sources", "check": "check",
    "schema": "schema", "serve": "serve",
}

NAMES: tuple[str, ...] = tuple(_MODULES)

#: Commands that keep running once loaded: ``run`` checks and loads (under --timeout, its
#: output held back like any command's) and returns the service, which runs after, until stopped.
SERVICE_NAMES: tuple[str, ...] = ("serve",)


def load(name: str) -> Command:
    """The module of the command ``name`` (every module is checked against Command below)."""
    return cast(Command, importlib.import_module(f"publicduty.cli.{_MODULES[name]}"))


if TYPE_CHECKING:  # mypy holds each command module to the protocol; at run time none is imported here
    from publicduty.cli import (
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
        schema,
        serve,
        solve,
        views,
        vocabulary,
        votes,
        whatif,
    )

    _CHECKED: tuple[Command, ...] = (views, cases, vocabulary, solve, compare, explain, diff, votes, fidelity, whatif,
                                     flip, disagree, report, check_sources, check, schema, serve)


def __getattr__(attribute: str) -> tuple[Command, ...]:
    """``COMMANDS`` (every command that ends) and ``SERVICES``: their modules, imported on first use."""
    if attribute == "COMMANDS":
        return tuple(load(name) for name in NAMES if name not in SERVICE_NAMES)
    if attribute == "SERVICES":
        return tuple(load(name) for name in SERVICE_NAMES)
    raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")
