"""The floor: what a user would write with the clingo API to get every holding, cases as plain facts.

It loads the same logic files the casebook loads, grounds the program's own ``claim`` part
for each claimant, adds each true or unknown fact as a plain fact of ``alleged``/``unknown``
through clingo's backend (ids travel as symbols, case text never becomes program text; this
was faster than a parameterised ``#program`` part per fact), with ``public_defendant`` where
a defendant is public, grounds once, and reads ``duty/2`` from the cautious consequences
(every reading of the unknown facts) and the brave ones (some reading). No explanations, no
checks, no externals to reassign: the least work that gives the same holdings, which is why
the engine is measured against it.

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

from publicduty.bench.patterns import quiet
from publicduty.casebook import builtin_view_files, doctrine_files

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def floor(case_files: Iterable[Path]) -> dict[tuple[str, str, str], str]:
    """Every (view, case, claimant) -> holding, by one grounding of plain facts."""
    control = clingo.Control(["--models=0"], logger=quiet)
    for path in [*doctrine_files(), *builtin_view_files()]:
        control.load(str(path))
    parts: list[tuple[str, list[clingo.Symbol]]] = [("base", [])]
    claims = []
    with control.backend() as backend:
        for path in case_files:
            case = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
            public = any(d.get("public") for d in case.get("defendants") or [])
            for claimant in case["claimants"]:
                ids = [clingo.String(case["id"]), clingo.String(claimant["id"])]
                parts.append(("claim", ids))  # the program's own part for a claim
                claims.append((case["id"], claimant["id"]))
                facts = {name: fact["value"] for name, fact in (claimant.get("facts") or {}).items()}
                facts["public_defendant"] = public
                for name, value in facts.items():
                    if value is True or value == "unknown":
                        kind = "alleged" if value is True else "unknown"
                        atom = clingo.Function(kind, [clingo.Tuple_(ids), clingo.Function(name)])
                        backend.add_rule([backend.add_atom(atom)])  # a plain fact
    control.ground(parts)
    views = [atom.symbol.arguments[0].string for atom in control.symbolic_atoms.by_signature("view", 1)]
    every, some = (_duties(control, mode) for mode in ("cautious", "brave"))
    return {(view, *claim): "duty" if (view, *claim) in every else "open" if (view, *claim) in some else "no_duty"
            for view in views for claim in claims}


def _duties(control: clingo.Control, mode: str) -> set[tuple[str, str, str]]:
    """The (view, case, claimant) of every duty/2 atom true in every answer (cautious) or some (brave)."""
    control.configuration.solve.enum_mode = mode  # type: ignore[union-attr]
    shown: list[clingo.Symbol] = []
    with control.solve(yield_=True) as handle:
        for model in handle:
            shown = model.symbols(shown=True)
    out = set()
    for atom in shown:
        if atom.name == "duty":
            view, claim = atom.arguments
            out.add((view.string, claim.arguments[0].string, claim.arguments[1].string))
    return out


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
