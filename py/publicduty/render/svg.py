"""Draw explanation graphs with Graphviz where it is installed; degrade to text where it is not.

A report's graphs are drawn in batches, one ``dot`` process per CPU at the most, each
given a consecutive share of the graphs: the DOT sources go in one file per batch, one
after another, and ``dot -Tsvg`` writes one SVG document per graph, in order, into a file
of its own (so that no process waits on a pipe). Starting a process per graph cost half
the report's time; drawing is all of what remains, and the processes share it out.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from typing import IO

from publicduty.render.progress import Progress

#: Where no ``dot`` binary is on the PATH, the report shows text outlines instead of graphs.
INSTALL_HINT = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"

#: dot names the group of the k-th graph of a multi-graph input ``page0,k_graph0``; alone, ``graph0``.
_PAGE = re.compile(r'id="page\d+,\d+_graph')


def available() -> bool:
    """Whether Graphviz's ``dot`` can be run."""
    return shutil.which("dot") is not None


def to_svg(sources: Sequence[str]) -> list[str | None]:
    """Each DOT source as an inline-ready SVG element, or None where Graphviz is missing or fails."""
    return Drawing(sources).svgs()


class Drawing:
    """Graphs being drawn: the ``dot`` processes start at once, so the caller can work while they draw."""

    def __init__(self, sources: Sequence[str]) -> None:
        """Start drawing ``sources``, a consecutive batch for each ``dot`` process (at most one per CPU)."""
        self._count = len(sources)
        self._files = contextlib.ExitStack()
        self._drawing: list[tuple[subprocess.Popen[bytes], IO[str], int]] = []
        if not sources or not available():
            return
        share = -(-len(sources) // min(os.cpu_count() or 1, len(sources)))
        for start in range(0, len(sources), share):
            batch = sources[start:start + share]
            # Both files stay open while dot draws; svgs() closes them (the ExitStack).
            given = self._files.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))  # noqa: SIM115
            given.write("".join(batch))
            given.seek(0)
            written = self._files.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))  # noqa: SIM115
            self._drawing.append((subprocess.Popen(["dot", "-Tsvg"], stdin=given, stdout=written,
                                                   stderr=subprocess.DEVNULL), written, len(batch)))

    def svgs(self) -> list[str | None]:
        """Each graph's SVG element, in order, once drawn; every one None if Graphviz is missing or any fails."""
        progress = Progress("drawing graphs", self._count)
        drawn: list[str | None] = []
        with self._files:
            for dot, written, count in self._drawing:
                failed = dot.wait() != 0
                written.seek(0)
                documents = written.read().split("</svg>")[:-1]  # one SVG document after another
                if failed or len(documents) != count:
                    break  # a graph dot could not draw: show every outline, not a shifted graph
                drawn.extend(_element(document + "</svg>") for document in documents)
                progress.step(count)
            for dot, _, _ in self._drawing:
                dot.wait()
        progress.close()
        return drawn if len(drawn) == self._count else [None] * self._count


def _element(document: str) -> str:
    """The <svg> element of one SVG document: the XML prolog and DOCTYPE do not belong inside HTML."""
    element = document[document.index("<svg"):document.rindex("</svg>") + len("</svg>")]
    return _PAGE.sub('id="graph', element, count=1)
