"""``publicduty report``: one self-contained HTML page and its Markdown twin.

The page shows the whole split at a glance (every claim under every view, coloured by
holding, documented holdings beside derived ones), the fidelity table, the disagreement
map of each pair of views, and each case with its bench, its votes and, per claimant and
view, the explanation drawn as a graph and written as an outline.
"""

from __future__ import annotations

from pathlib import Path

from publicduty.analyses.report import gather
from publicduty.render import folder, html, markdown
from publicduty.solve.casebook import Casebook


def write_report(book: Casebook, out_dir: Path) -> list[Path]:
    """Write ``index.html``, ``report.md`` and the SVG graphs into ``out_dir``; return the files.

    Nothing is written if ``out_dir`` cannot take a report (see :mod:`publicduty.render.folder`),
    and nothing is left half-written if a step fails: the files go into a fresh folder that
    replaces ``out_dir`` only once all are written.
    """
    folder.check(out_dir)  # refuse before the minutes of gathering, not after
    content = gather(book)
    names = []
    with folder.staged(out_dir) as stage:
        graphs_dir = stage / folder.GRAPHS
        graphs_dir.mkdir()
        for (case, claimant, view), drawn in sorted(content.explanations.items()):
            if drawn.svg:
                name = markdown.graph_name(case, claimant, view)
                (graphs_dir / name).write_text(drawn.svg, encoding="utf-8")
                names.append(Path(folder.GRAPHS) / name)
        for name, text in (("index.html", html.render(content)), ("report.md", markdown.render(content))):
            (stage / name).write_text(text, encoding="utf-8")
            names.append(Path(name))
    return [out_dir / name for name in names]
