"""A case base many times the size of the real one, for measuring scale: the same files, renamed.

Each copy of a case file differs from the original only in its id (``warren`` becomes
``warren-r7``), so the copies have exactly the original claims, facts, opinions and
benches, and every holding of a copy is the holding of its original. That makes a large
run checkable, not just timeable.
"""

from __future__ import annotations

import re
from pathlib import Path

from publicduty.load.inputs import builtin_cases_dir

_ID = re.compile(r"^id: *(\S+) *$", re.MULTILINE)


def replicate(out_dir: Path, copies: int, source: Path | None = None) -> int:
    """Write ``copies`` renamed copies of every case file of ``source`` into ``out_dir``; return the claims."""
    out_dir.mkdir(parents=True, exist_ok=True)
    claims = 0
    for path in sorted((source or builtin_cases_dir()).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        per_copy = len(re.findall(r"^  - id: ", text.split("\nclaimants:", 1)[1].split("\nopinions:", 1)[0],
                                  re.MULTILINE))
        (case_id,) = _ID.findall(text)
        for copy in range(copies):
            renamed = _ID.sub(f"id: {case_id}-r{copy}", text)
            (out_dir / f"{path.stem}-r{copy}.yaml").write_text(renamed, encoding="utf-8")
        claims += per_copy * copies
    return claims
