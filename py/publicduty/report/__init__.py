"""``publicduty report``: one self-contained HTML page and its Markdown twin.

The page shows the whole split at a glance (every claim under every view, coloured by
holding, documented holdings beside derived ones), the fidelity table, the disagreement
map of each pair of views, and each case with its bench, its votes and, per claimant and
view, the explanation drawn as a graph and written as an outline.
"""

from __future__ import annotations

from pathlib import Path

from publicduty.casebook import Casebook
from publicduty.report import html, markdown
from publicduty.report.content import gather


def write_report(book: Casebook, out_dir: Path) -> list[Path]:
    """Write ``index.html``, ``report.md`` and the SVG graphs into ``out_dir``; return the files."""
    content = gather(book)
    graphs_dir = out_dir / "graphs"
    graphs_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for (case, claimant, view), drawn in sorted(content.explanations.items()):
        if drawn.svg:
            path = graphs_dir / markdown.graph_name(case, claimant, view)
            path.write_text(drawn.svg, encoding="utf-8")
            written.append(path)
    for name, text in (("index.html", html.render(content)), ("report.md", markdown.render(content))):
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
