"""The report's Markdown twin: plain tables, SVG files as images, outlines in code blocks, no raw HTML.

Case files are user input, so every text taken from one is escaped (:func:`text`): line
breaks become spaces (a newline in a title must not start a heading of its own), and the
characters that make emphasis, links, HTML or table cells are backslash-escaped, so that
``<script>`` or ``[x](javascript:...)`` in a case file shows as text and never as markup.
Outlines go in code fences longer than any run of backticks inside them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from publicduty.analyses.fidelity import Check
from publicduty.analyses.report import ReportContent, Row, by_case, ground_words
from publicduty.render.words import holding_word


def graph_name(case: str, claimant: str, view: str) -> str:
    """The file, under ``graphs/``, that holds one explanation's SVG."""
    return f"{case}--{claimant}--{view}.svg"


def render(content: ReportContent) -> str:
    """The whole report as Markdown."""
    out = ["# publicduty: the public duty doctrine, opinion by opinion", "",
           "Each view is one opinion's doctrine as clingo rules. Left of the bar, each view's derived holding; "
           "right of it, `court`, the court's documented holding. Beside a holding that differs from one the opinion "
           "stands on: (tension) a tension the view declares; (silent) the view is silent on the court's ground; "
           "(unknown facts) it turns on facts the sources leave open; (!) unexplained.", ""]
    out += ["## Every claim under every view", ""]
    out += _table(("case", "claimant", *(v.id for v in content.views), "|", "court"), [
        (r.case.id, r.claimant.id,
         *(holding_word(r.cells[v.id].holding) + _flag(r.cells[v.id].check) for v in content.views),
         "", holding_word(r.court.holding) if r.court else "-")
        for r in content.rows])
    out += ["## Fidelity", ""]
    out += _table(("view", "agrees", "unexplained", "mismatches"), [
        (s.view, f"{s.agree} of {len(s.scored())}", str(len(s.unexplained)),
         "; ".join(f"{c.case}/{c.claimant}: derived {holding_word(c.derived)}, documented "
                   f"{holding_word(c.documented)}" for c in s.checks if not c.agrees) or "-")
        for s in content.fidelity])
    out += ["## Where two views disagree", ""]
    for pair in content.disagreements:
        out += [f"### {text(pair.views[0])} and {text(pair.views[1])}", ""]
        out += _table(("facts", "finds a duty", "on the ground"), [
            (", ".join(p.facts), p.duty_view, ground_words(p))
            for p in pair.patterns]) if pair.patterns else ["They agree on every pattern.", ""]
    out += ["## The cases", ""]
    for rows in by_case(content.rows):
        out += _case(content, rows)
    return "\n".join(out) + "\n"


def _case(content: ReportContent, rows: list[Row]) -> list[str]:
    case = rows[0].case
    out = [f"### {text(case.title)}, {text(case.citation)}", "",
           f"{text(case.court, line_start=True)}; {text(case.posture)}", ""]
    for claim in content.votes.get(case.id, []):
        out += [f"Votes on the claim of {claim.claimant}: question by question {claim.by_question}; "
                f"by the judges' outcomes {claim.by_outcome}" + ("; doctrinal paradox" if claim.paradox else ""), ""]
        out += _table(("judge", *(t.question.id for t in claim.questions), "outcome"), [
            (seat.judge, *(next((f"{v.position} ({v.opinion})" for v in t.votes if v.judge == seat.judge), "-")
                           for t in claim.questions), claim.outcomes[seat.judge])
            for seat in case.bench])
    for row in content.in_full(rows):
        out += [f"#### {text(row.claimant.name)} ({row.claimant.id})", ""]
        out += _table(("fact", "value", "source", "note"), [
            (f.name, f.value.value, f.source, f.note) for f in row.claimant.facts.values()])
        for view in content.views:
            drawn = content.explanations[(case.id, row.claimant.id, view.id)]
            out += [f"##### {text(view.id)}: {holding_word(row.cells[view.id].holding)}", ""]
            if drawn.svg:
                image = f"graphs/{graph_name(case.id, row.claimant.id, view.id)}"
                out += [f"![{text(view.id)} on {row.claimant.id}]({image})", ""]
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", drawn.text)), default=0))
            out += [fence + "text", drawn.text.rstrip(), fence, ""]
    if content.summary(case.id):
        out += [text(content.summary(case.id)), ""]
    return out


_MARKS = {"agrees": "", "tension": " (tension)", "silent": " (silent)", "unknown": " (unknown facts)",
          "unexplained": " (!)"}


def _flag(check: Check | None) -> str:
    return "" if check is None else _MARKS[check.kind]


#: Characters that start emphasis, code, links, images, headings or table cells, and the escape itself.
_SPECIAL = re.compile(r"([\\`*\[\]|~#]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
#: HTML's own characters, written as entities: Markdown shows them as text, and no tag survives.
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
#: Line breaks of every kind, and other control characters: each becomes one space.
_BREAKS = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
#: What would start a list or a heading underline, or a numbered list, at the start of a line.
_BLOCK_START = re.compile(r"^(?=[-+=])|^(\d+)(?=[.)])")


def text(value: str, line_start: bool = False) -> str:
    """User text as Markdown that shows exactly that text on one line: no markup, no new block.

    ``line_start``: the text begins a paragraph, where ``-`` or ``1.`` would start a list.
    (An underscore inside a word, as in ``course_of_conduct``, is no emphasis and stays bare.)
    """
    escaped = _SPECIAL.sub(r"\\\1", _BREAKS.sub(" ", value).strip()).translate(_ENTITIES)
    return _BLOCK_START.sub(lambda m: (m.group(1) or "") + "\\", escaped) if line_start else escaped


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(text(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(text(c) for c in row) + " |" for row in rows]
    return [*lines, ""]
