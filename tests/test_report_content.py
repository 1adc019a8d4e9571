"""The report's pages: user text escaped, graphs drawn by one Graphviz process per CPU, size bounded."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from publicduty.analyses import report as content
from publicduty.load.inputs import builtin_cases_dir
from publicduty.render import html, markdown, progress
from publicduty.render import svg as graphs
from publicduty.render.report import write_report
from publicduty.solve.casebook import Casebook

HOSTILE_TITLE = "Evil v. City\n# Injected heading\n```\n<script>alert(1)</script>"
HOSTILE_NAME = "[click me](javascript:alert(1)) <img src=x onerror=alert(1)>\u2028- a list"


@pytest.fixture(scope="module")
def hostile() -> Casebook:
    book = Casebook()
    case = book.cases["florence"]
    claimants = tuple(dataclasses.replace(c, name=HOSTILE_NAME) for c in case.claimants)
    book.cases["florence"] = dataclasses.replace(case, title=HOSTILE_TITLE, court="1. <b>court</b>",
                                                 claimants=claimants)
    return book


def outside_code(text: str) -> list[str]:
    """The lines of a Markdown text outside fenced code blocks (fences of three or more backticks)."""
    lines, fence = [], ""
    for line in text.splitlines():
        opener = re.match(r"(`{3,})", line)
        if fence:
            if line.strip() == fence:
                fence = ""
        elif opener:
            fence = opener.group(1)
        else:
            lines.append(line)
    return lines


def test_markdown_escapes_titles_names_and_links(hostile: Casebook) -> None:
    text = markdown.render(content.gather(hostile))
    prose = outside_code(text)
    assert not any(line.startswith("# Injected") for line in prose)
    assert not any(re.search(r"<[a-zA-Z/!]", line) for line in prose)
    assert not any(re.search(r"(?<!\\)\]\(javascript:", line) or "<javascript:" in line for line in prose)
    assert "### Evil v. City \\# Injected heading \\`\\`\\` &lt;script&gt;alert(1)&lt;/script&gt;, " in text
    assert "#### \\[click me\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; - a list (florence)" in text
    assert "1\\. &lt;b&gt;court&lt;/b&gt;; " in text
    assert len(prose) < len(text.splitlines())  # the outlines are still there, in code blocks


def test_html_escapes_the_same_text(hostile: Casebook) -> None:
    page = html.render(content.gather(hostile))
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>court" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.skipif(not graphs.available(), reason="Graphviz is not installed")
def test_the_graphs_are_drawn_by_one_graphviz_process_per_cpu(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never a process per graph: as many as there are CPUs to share the drawing, each drawing a batch."""
    started: list[list[str]] = []
    popen, run = subprocess.Popen, subprocess.run

    def counting_popen(args: list[str], *rest: object, **options: object) -> object:
        started.append(list(args))
        return popen(args, *rest, **options)  # type: ignore[call-overload]

    def counting_run(args: list[str], *rest: object, **options: object) -> object:
        started.append(list(args))
        return run(args, *rest, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "Popen", counting_popen)
    monkeypatch.setattr(subprocess, "run", counting_run)
    book = Casebook()
    files = write_report(book, tmp_path / "out")
    claims = sum(len(c.claimants) for c in book.cases.values())
    assert [args[0] for args in started] == ["dot"] * min(os.cpu_count() or 1, claims * len(book.views))
    svgs = sorted((tmp_path / "out" / "graphs").glob("*.svg"))
    assert len(svgs) == claims * len(book.views) == len([f for f in files if f.suffix == ".svg"])
    first = svgs[0].read_text(encoding="utf-8")
    assert first.startswith("<svg") and first.endswith("</svg>") and 'id="graph0"' in first


def test_graphs_are_split_in_order_and_a_failure_shows_outlines() -> None:
    if not graphs.available():
        assert graphs.to_svg(["digraph a { x }"]) == [None]
        return
    drawn = graphs.to_svg(["digraph a { first }\n", "digraph b { second -> third }\n"])
    assert drawn[0] is not None and ">first<" in drawn[0] and "third" not in drawn[0]
    assert drawn[1] is not None and ">third<" in drawn[1]
    assert graphs.to_svg(["digraph a { first }\n", "digraph b { -> }\n"]) == [None, None]


def test_a_case_of_3000_claimants_makes_a_bounded_report(tmp_path: Path) -> None:
    record = yaml.safe_load((builtin_cases_dir() / "florence.yaml").read_text(encoding="utf-8"))
    (claimant,) = record["claimants"]
    facts = {name: {"value": fact["value"], "source": fact["source"]} for name, fact in claimant["facts"].items()}
    record["claimants"] = [{"id": f"c{i}", "name": f"Claimant {i}", "facts": facts} for i in range(3000)]
    record["opinions"][0]["holdings"] = {"c0": record["opinions"][0]["holdings"]["florence"]}
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "florence.yaml").write_text(yaml.safe_dump(json.loads(json.dumps(record))), encoding="utf-8")
    book = Casebook(case_dirs=[cases], builtin_cases=False)
    out = tmp_path / "out"
    write_report(book, out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert size < 20 << 20, size
    page = (out / "index.html").read_text(encoding="utf-8")
    matrix = page.split("<table class='matrix'>")[1].split("</table>")[0]
    assert matrix.count("<tr>") == 3001  # every claim in the matrix ...
    assert page.count("<h4>") == content.FULL_PER_CASE  # ... the first ones explained in full
    summary = "2,980 more claimants of this case are summarised"
    assert summary in page and summary in (out / "report.md").read_text(encoding="utf-8")


def test_graphs_past_the_limit_say_why_they_are_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(content, "GRAPHS_IN_ALL", 3)
    if not graphs.available():
        pytest.skip("Graphviz is not installed")
    drawn = content.gather(Casebook()).explanations
    assert sum(1 for d in drawn.values() if d.svg) == 3
    assert {d.missing for d in drawn.values() if not d.svg} == {"the report draws at most 3 graphs"}


def test_no_graphviz_degrades_to_outlines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _: None)
    drawn = content.gather(Casebook()).explanations
    assert all(d.svg is None and d.missing == graphs.INSTALL_HINT and d.text for d in drawn.values())


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_is_one_line_on_a_terminal_and_nothing_on_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "QUIET_SECONDS", 0.0)
    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = progress.Progress("drawing graphs", 4, stream)
        for _ in range(4):
            bar._last = 0.0  # as if a tenth of a second had passed since the last redraw
            bar.step()
        bar.close()
    assert pipe.getvalue() == ""
    shown = terminal.getvalue()
    assert "\n" not in shown and shown.startswith("\rdrawing graphs [")
    assert "] 4/4" in shown and shown.endswith("\r\x1b[K")
