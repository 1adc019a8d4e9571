"""The subcommands of ``publicduty``, one module each, in the order ``--help`` lists them."""

from __future__ import annotations

from types import ModuleType

from publicduty.commands import cases, compare, fidelity, solve, views, votes

COMMANDS: tuple[ModuleType, ...] = (views, cases, solve, compare, votes, fidelity)
