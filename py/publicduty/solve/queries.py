"""Search programs: the casebook's logic plus one file of ``logic/queries/``, grounded once.

``flip`` and ``disagree`` ask the solver for subset-minimal models rather than
enumerating fact combinations in Python. Each search is a program of its own (the
main engine never loads ``logic/queries/``): it is grounded once per process and
logic base, and every query only assigns its externals, so asking it for every
claim of a case base costs one grounding. The minimal models come from clingo's
domain heuristic (the file's ``#heuristic ... [1, false]``) with solution
recording (``--enum-mode=domRec``): each model found is subset-minimal on the
heuristic's atoms, and no later model's atoms contain an earlier one's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import clingo

from publicduty.load.inputs import builtin_logic_dir
from publicduty.model.catalogue import Catalogue
from publicduty.solve.engine import Engine

#: Enumerate every subset-minimal model with respect to the atoms the domain heuristic names.
MINIMAL_MODELS = ("--heuristic=Domain", "--enum-mode=domRec", "--models=0")


def search_file(name: str) -> Path:
    """The search program ``logic/queries/<name>.lp`` shipped with the package."""
    return builtin_logic_dir() / "queries" / f"{name}.lp"


class Search:
    """One search program, grounded over a logic base, queried by assigning externals."""

    def __init__(self, logic_files: Iterable[Path], name: str,
                 parts: Sequence[tuple[str, Sequence[clingo.Symbol]]] = ()) -> None:
        """Ground ``logic_files`` together with the search program ``name`` (and its ``parts``)."""
        self._engine = Engine([*logic_files, search_file(name)], options=MINIMAL_MODELS,
                              parts=[*parts, ("claims", [])])  # the doctrine's rules for the search's claims

    @property
    def catalogue(self) -> Catalogue:
        """The declarations of the logic base searched."""
        return self._engine.catalogue

    def assign(self, name: str, arguments: Sequence[clingo.Symbol], value: bool) -> None:
        """Set the external ``name(arguments)`` true or false."""
        self._engine.control.assign_external(clingo.Function(name, list(arguments)), value)

    def minimal_models(self) -> list[dict[str, list[clingo.Symbol]]]:
        """Every subset-minimal model as currently assigned: its shown atoms by predicate name."""
        models = []
        with self._engine.control.solve(yield_=True) as handle:
            for model in handle:
                atoms: dict[str, list[clingo.Symbol]] = {}
                for symbol in model.symbols(shown=True):
                    atoms.setdefault(symbol.name, []).append(symbol)
                models.append(atoms)
        return models


@cache
def search(logic_files: tuple[Path, ...], name: str, *part: tuple[str, tuple[clingo.Symbol, ...]]) -> Search:
    """The search ``name`` over ``logic_files`` (with its program ``part``), grounded on first use and kept."""
    return Search(logic_files, name, part)
