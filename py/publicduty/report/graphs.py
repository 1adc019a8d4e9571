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
    drawn: list[str | None] = []
    with tempfile.TemporaryFile("w+", encoding="utf-8") as batch:
        batch.write("".join(sources))
        batch.seek(0)
        with subprocess.Popen(["dot", "-Tsvg"], stdin=batch, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, encoding="utf-8") as dot:
            assert dot.stdout is not None
            lines: list[str] = []
            for line in dot.stdout:  # one SVG document after another, each ending in </svg>
                lines.append(line)
                if line.rstrip().endswith("</svg>"):
                    drawn.append(_element("".join(lines)))
                    lines = []
                    progress.step()
        progress.close()
    if dot.returncode != 0 or len(drawn) != len(sources):
        return [None for _ in sources]  # a graph dot could not draw: show every outline, not a shifted graph
    return drawn


def _element(document: str) -> str:
    """The <svg> element of one SVG document: the XML prolog and DOCTYPE do not belong inside HTML."""
    element = document[document.index("<svg"):document.rindex("</svg>") + len("</svg>")]
    return _PAGE.sub('id="graph', element, count=1)
