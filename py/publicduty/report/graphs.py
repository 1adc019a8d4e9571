"""Draw explanation graphs with Graphviz where it is installed; degrade to text where it is not."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

#: Where no ``dot`` binary is on the PATH, the report shows text outlines instead of graphs.
INSTALL_HINT = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"


def available() -> bool:
    """Whether Graphviz's ``dot`` can be run."""
    return shutil.which("dot") is not None


def to_svg(sources: Sequence[str]) -> list[str | None]:
    """Each DOT source as an inline-ready SVG element, or None where Graphviz is missing or fails."""
    if not available():
        return [None for _ in sources]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(_one, sources))


def _one(source: str) -> str | None:
    done = subprocess.run(["dot", "-Tsvg"], input=source, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return None
    # Keep only the <svg> element: the XML prolog and DOCTYPE do not belong inside HTML.
    match = re.search(r"<svg\b.*</svg>", done.stdout, re.DOTALL)
    return match.group(0) if match else None
