"""Draw explanation graphs with Graphviz where it is installed; degrade to text where it is not.

All graphs of a report are drawn by one ``dot`` process: the DOT sources go in one file,
one after another, and ``dot -Tsvg`` writes one SVG document per graph, in order. Starting
a process per graph cost half the report's time.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence

from publicduty.progress import Progress

#: Where no ``dot`` binary is on the PATH, the report shows text outlines instead of graphs.
INSTALL_HINT = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"

_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
#: dot names the group of the k-th graph of a multi-graph input ``page0,k_graph0``; alone, ``graph0``.
_PAGE = re.compile(r'id="page\d+,\d+_graph')


def available() -> bool:
    """Whether Graphviz's ``dot`` can be run."""
    return shutil.which("dot") is not None


def to_svg(sources: Sequence[str]) -> list[str | None]:
    """Each DOT source as an inline-ready SVG element, or None where Graphviz is missing or fails."""
    if not sources or not available():
        return [None for _ in sources]
    progress = Progress("drawing graphs", len(sources))
    with tempfile.TemporaryFile("w+", encoding="utf-8") as batch:
        batch.write("".join(sources))
        batch.seek(0)
        with subprocess.Popen(["dot", "-Tsvg"], stdin=batch, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, encoding="utf-8") as dot:
            assert dot.stdout is not None
            chunks: list[str] = []
            for line in dot.stdout:
                chunks.append(line)
                if "</svg>" in line:
                    progress.step()
        progress.close()
    # Keep only the <svg> elements: the XML prologs and DOCTYPEs do not belong inside HTML.
    drawn: list[str | None] = [_PAGE.sub('id="graph', svg) for svg in _SVG.findall("".join(chunks))]
    if dot.returncode != 0 or len(drawn) != len(sources):
        return [None for _ in sources]  # a graph dot could not draw: show every outline, not a shifted graph
    return drawn
