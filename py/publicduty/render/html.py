"""The report as one self-contained HTML page (inline style, inline SVG, no scripts, no network), by Jinja2.

The page is ``templates/report.html``, with autoescaping on: every name, fact, source and
note from a case file is escaped by the template engine, and only the SVG that Graphviz
draws is let through as markup. Jinja2 is imported when a report is written, never by the
other commands.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from publicduty.analyses.fidelity import CROSS_CHECK
from publicduty.analyses.report import ReportContent, Row, by_case, ground_words
from publicduty.analyses.votes import QuestionTally
from publicduty.model.answer import ClaimKey
from publicduty.render.words import holding_word

if TYPE_CHECKING:
    import jinja2

_TEMPLATES = Path(__file__).parent / "templates"

#: The mark beside a holding that differs from a documented one, by what lies behind the difference.
_MARKS = {"tension": ("tension", "&#9670;"), "silent": ("quiet", "&#8709;"), "unknown": ("quiet", "?"),
          "unexplained": ("flag", "!")}


@cache
def _template() -> jinja2.Template:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(_TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.globals.update(holding_word=holding_word, by_case=by_case, ground_words=ground_words, marks=_MARKS,
                       cross_check=CROSS_CHECK, style=(_TEMPLATES / "report.css").read_text(encoding="utf-8"))
    return env.get_template("report.html")


def render(content: ReportContent) -> str:
    """The whole page: matrix, fidelity, disagreement maps, then each case in full."""
    return _template().render(content=content, tip=lambda view, row: _tip(content, view, row), vote=_vote)


def _tip(content: ReportContent, view: str, row: Row) -> str:
    """A matrix cell's hover text: the grounds the view's duty rests on, and how surely."""
    grounds = content.answer.rests_on.get((view, ClaimKey(row.case.id, row.claimant.id)), {})
    return "; ".join(f"{g} ({c})" for g, c in sorted(grounds.items())) or "no ground accepted"


def _vote(question: QuestionTally, judge: str) -> str:
    """A judge's vote on a question: the position and the opinion joined ('-' if the judge cast none)."""
    return next((f"{v.position} ({v.opinion})" for v in question.votes if v.judge == judge), "-")
