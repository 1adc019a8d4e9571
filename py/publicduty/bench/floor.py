"""The floor: what a user would write with the clingo API to get every holding, cases as plain facts.

It loads the same logic files the casebook loads, grounds the program's own ``claim`` part
for each claimant, adds each true or unknown fact as a plain fact of ``alleged``/``unknown``
through clingo's backend (ids travel as symbols, case text never becomes program text; this
was faster than a parameterised ``#program`` part per fact), grounds once, solves once and
reads ``holding/3``. No
explanations, no checks, no externals to reassign: the least work that gives the same
holdings, which is why the engine is measured against it.

``python -m publicduty.bench.floor DIR ...`` prints the holdings of every case file in the
folders as JSON, so that the command line can be timed against it as a process.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import clingo
import yaml

from publicduty.casebook import builtin_view_files, doctrine_files

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def floor(case_files: Iterable[Path]) -> dict[tuple[str, str, str], str]:
    """Every (view, case, claimant) -> holding, by one grounding of plain facts."""
    control = clingo.Control(["--warn=none"])
    for path in [*doctrine_files(), *builtin_view_files()]:
        control.load(str(path))
    parts: list[tuple[str, list[clingo.Symbol]]] = [("base", [])]
    with control.backend() as backend:
        for path in case_files:
            case = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
            for claimant in case["claimants"]:
                ids = [clingo.String(case["id"]), clingo.String(claimant["id"])]
                parts.append(("claim", ids))  # the program's own part for a claim
                for name, fact in (claimant.get("facts") or {}).items():
                    if fact["value"] is True or fact["value"] == "unknown":
                        kind = "alleged" if fact["value"] is True else "unknown"
                        atom = clingo.Function(kind, [clingo.Tuple_(ids), clingo.Function(name)])
                        backend.add_rule([backend.add_atom(atom)])  # a plain fact
    control.ground(parts)
    holdings = {}
    with control.solve(yield_=True) as handle:
        for atom in next(iter(handle)).symbols(shown=True):
            if atom.name == "holding":
                view, claim, holding = atom.arguments
                case_id, claimant_id = claim.arguments
                holdings[(view.string, case_id.string, claimant_id.string)] = holding.name
    return holdings


def case_files(folders: Iterable[Path]) -> list[Path]:
    """The case files of these folders, in name order."""
    return sorted(path for folder in folders for path in folder.glob("*.yaml"))


def main(argv: list[str]) -> int:
    """Print the holdings of the case files in the folders ``argv`` as one JSON object."""
    holdings = floor(case_files(Path(arg) for arg in argv))
    print(json.dumps({"/".join(key): value for key, value in sorted(holdings.items())}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
