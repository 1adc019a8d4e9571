"""The floor: what a user would write with the clingo API to get every holding, cases as plain facts.

It loads the same logic files the casebook loads, adds each claim and each of its true or
unknown facts as plain facts of ``given``, ``alleged`` and ``unknown`` through clingo's
backend before grounding (ids travel as symbols, case text never becomes program text),
with ``public_defendant`` where a defendant is public, grounds once, solves once, and reads
``duty/2`` (a duty in some reading) and ``no_duty/2`` (no duty in some reading, for claims
with unknown facts) from the brave consequences. No explanations, no checks, no externals:
the least work that gives the same holdings, which is why the engine is measured against it.

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
from publicduty.load.inputs import builtin_view_files, doctrine_files

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def floor(case_files: Iterable[Path]) -> dict[tuple[str, str, str], str]:
    """Every (view, case, claimant) -> holding, by one grounding of plain facts."""
    control = clingo.Control(["--enum-mode=brave", "--models=0"], logger=quiet)
    for path in [*doctrine_files(), *builtin_view_files()]:
        control.load(str(path))
    claims = []
    with control.backend() as backend:
        def fact(name: str, *arguments: clingo.Symbol) -> None:
            backend.add_rule([backend.add_atom(clingo.Function(name, list(arguments)))])
        for path in case_files:
            case = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
            public = any(d.get("public") for d in case.get("defendants") or [])
            for claimant in case["claimants"]:
                key = clingo.Tuple_([clingo.String(case["id"]), clingo.String(claimant["id"])])
                claims.append((case["id"], claimant["id"]))
                fact("given", key)
                facts = {name: f["value"] for name, f in (claimant.get("facts") or {}).items()}
                facts["public_defendant"] = public
                for name, value in facts.items():
                    if value is True or value == "unknown":
                        fact("alleged" if value is True else "unknown", key, clingo.Function(name))
    control.ground([("base", []), ("claims", [])])  # the views, then the claims
    shown: list[clingo.Symbol] = []
    with control.solve(yield_=True) as handle:
        for model in handle:
            shown = model.symbols(shown=True)
    views = [atom.symbol.arguments[0].string for atom in control.symbolic_atoms.by_signature("view", 1)]
    some: set[tuple[str, ...]] = set()
    wanting: set[tuple[str, ...]] = set()
    for atom in shown:
        if atom.name in ("duty", "no_duty"):
            view, claim = atom.arguments
            (some if atom.name == "duty" else wanting).add((view.string, *(c.string for c in claim.arguments)))
    open_ = some & wanting
    return {(view, *claim): "open" if (view, *claim) in open_ else "duty" if (view, *claim) in some
            else "no_duty" for view in views for claim in claims}


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
