"""The subcommands of ``publicduty``, one module each, in the order ``--help`` lists them.

They are registered by name and imported only when used: ``compare`` never pays for the
report's modules, nor ``views`` for the search programs. ``COMMANDS`` (every module,
imported) is there for the tests and for ``--help``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: Each command's name and module, in the order ``--help`` lists them.
_MODULES = {
    "views": "views", "cases": "cases", "vocabulary": "vocabulary", "solve": "solve", "compare": "compare",
    "explain": "explain", "diff": "diff", "votes": "votes", "fidelity": "fidelity", "whatif": "whatif",
    "flip": "flip", "disagree": "disagree", "report": "report", "check-sources": "check_sources", "check": "check",
}

NAMES: tuple[str, ...] = tuple(_MODULES)


def load(name: str) -> ModuleType:
    """The module of the command ``name``."""
    return importlib.import_module(f"publicduty.commands.{_MODULES[name]}")


def __getattr__(attribute: str) -> tuple[ModuleType, ...]:
    """``COMMANDS``: every command's module, imported on first use."""
    if attribute == "COMMANDS":
        return tuple(load(name) for name in NAMES)
    raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")
