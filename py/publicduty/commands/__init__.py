"""The subcommands of ``publicduty``, one module each, in the order ``--help`` lists them.

They are registered by name and imported only when used: ``compare`` never pays for the
report's modules, nor ``views`` for the search programs. ``COMMANDS`` (every module of a
command that ends, imported) and ``SERVICES`` (those that keep running) are there for the tests.
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: Each command's name and module, in the order ``--help`` lists them.
_MODULES = {
    "views": "views", "cases": "cases", "vocabulary": "vocabulary", "solve": "solve", "compare": "compare",
    "explain": "explain", "diff": "diff", "votes": "votes", "fidelity": "fidelity", "whatif": "whatif",
    "flip": "flip", "disagree": "disagree", "report": "report", "check-sources": "check_sources", "check": "check",
    "serve": "serve",
}

NAMES: tuple[str, ...] = tuple(_MODULES)

#: Commands that keep running once loaded: ``run`` checks and loads (under --timeout, its
#: output held back like any command's) and returns the service, which runs after, until stopped.
SERVICE_NAMES: tuple[str, ...] = ("serve",)


def load(name: str) -> ModuleType:
    """The module of the command ``name``."""
    return importlib.import_module(f"publicduty.commands.{_MODULES[name]}")


def __getattr__(attribute: str) -> tuple[ModuleType, ...]:
    """``COMMANDS`` (every command that ends) and ``SERVICES``: their modules, imported on first use."""
    if attribute == "COMMANDS":
        return tuple(load(name) for name in NAMES if name not in SERVICE_NAMES)
    if attribute == "SERVICES":
        return tuple(load(name) for name in SERVICE_NAMES)
    raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")
