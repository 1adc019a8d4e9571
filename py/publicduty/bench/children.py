"""Measurements taken in a child process, so that its peak memory is its own and nothing else's.

``python -m publicduty.bench --child KIND ARG ...`` runs one of these and prints one JSON
object: wall seconds, peak resident memory (``getrusage``, the interpreter included) and a
digest of the holdings, so the parent can check two children reached the same answers.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from publicduty.bench.floor import case_files, floor
from publicduty.solve.casebook import Casebook


def digest(holdings: Mapping[tuple[str, str, str], str]) -> str:
    """A short fingerprint of (view, case, claimant) -> holding."""
    text = json.dumps(sorted(("/".join(k), v) for k, v in holdings.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _engine(folders: Sequence[str]) -> dict[str, Any]:
    answer = Casebook(case_dirs=[Path(f) for f in folders], builtin_cases=False).answer()
    holdings = {(v, k.case, k.claimant): h for (v, k), h in answer.holdings.items()}
    return {"holdings": len(holdings), "digest": digest(holdings)}


def _floor(folders: Sequence[str]) -> dict[str, Any]:
    holdings = floor(case_files(Path(f) for f in folders))
    return {"holdings": len(holdings), "digest": digest(holdings)}


def _cli(argv: Sequence[str]) -> dict[str, Any]:
    from publicduty.cli.main import main

    with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        status = main(list(argv))
    return {"status": status}


KINDS: dict[str, Callable[[Sequence[str]], dict[str, Any]]] = {"engine": _engine, "floor": _floor, "cli": _cli}


def run_child(kind: str, arguments: Sequence[str]) -> int:
    """In the child: measure ``kind`` on ``arguments`` and print the JSON result."""
    start = time.perf_counter()
    result = KINDS[kind](arguments)
    result["seconds"] = time.perf_counter() - start
    result["peak_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps(result))
    return 0


def in_child(kind: str, *arguments: str) -> dict[str, Any]:
    """In the parent: run ``kind`` in a fresh interpreter and return what it measured."""
    done = subprocess.run([sys.executable, "-m", "publicduty.bench", "--child", kind, *arguments],
                          check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result
