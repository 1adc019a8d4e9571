"""Everything the report shows, gathered once from one solve of the whole case base.

The HTML page and its Markdown twin render the same content; neither computes anything
of its own. Holdings come from the solver, documented holdings from the case files,
fidelity and votes from their modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from publicduty import explain_dot, explain_text
from publicduty.case import Case, Claimant, Documented, Opinion
from publicduty.casebook import Casebook
from publicduty.catalogue import View
from publicduty.disagree import Disagreement, Disagreements, disagreements
from publicduty.engine import Answer, ClaimKey
from publicduty.explanation import explain
from publicduty.fidelity import Check, ViewFidelity, fidelity
from publicduty.report import graphs
from publicduty.votes import ClaimVotes, tally


@dataclass(frozen=True)
class Cell:
    """One view's holding for one claim, with what the fidelity check says of it."""

    holding: str
    check: Check | None  # the documented holding this cell is measured against, if any


@dataclass(frozen=True)
class Row:
    """One claim across all views, beside the court's documented holding."""

    case: Case
    claimant: Claimant
    cells: dict[str, Cell]
    court: Documented | None


@dataclass(frozen=True)
class Drawn:
    """One explanation as an outline and, where Graphviz is installed, as an SVG graph."""

    text: str
    svg: str | None


@dataclass(frozen=True)
class ReportContent:
    """The whole report's data."""

    views: tuple[View, ...]
    rows: tuple[Row, ...]
    fidelity: tuple[ViewFidelity, ...]
    votes: dict[str, list[ClaimVotes]]
    explanations: dict[tuple[str, str, str], Drawn]  # (case, claimant, view)
    disagreements: tuple[Disagreements, ...]
    answer: Answer


def gather(book: Casebook) -> ReportContent:
    """Solve once and collect the matrix, fidelity, votes, explanations and disagreement maps."""
    answer = book.answer()
    views = book.view_ids()
    scores = tuple(fidelity(book, answer, v) for v in views)
    checks = {(s.view, c.case, c.claimant): c for s in scores for c in s.checks}
    rows = []
    for case in sorted(book.cases.values(), key=_case_order):
        court = _court_opinion(book, case)
        for claimant in case.claimants:
            key = ClaimKey(case.id, claimant.id)
            cells = {v: Cell(answer.holdings[(v, key)], checks.get((v, case.id, claimant.id))) for v in views}
            rows.append(Row(case, claimant, cells, court.holdings.get(claimant.id) if court else None))
    votes = {c.id: tally(c, answer) for c in book.cases.values() if c.bench}
    trees = {(r.case.id, r.claimant.id, v): explain(book.catalogue, answer, r.case, r.claimant.id, v)
             for r in rows for v in views}
    svgs = graphs.to_svg([explain_dot.render(t) for t in trees.values()])
    drawn = {key: Drawn(explain_text.render(tree), svg) for (key, tree), svg in zip(trees.items(), svgs, strict=True)}
    maps = tuple(disagreements(book, a, b) for a, b in combinations(views, 2))
    return ReportContent(tuple(book.views[v] for v in views), tuple(rows), scores, votes, drawn, maps, answer)


def _case_order(case: Case) -> tuple[int, str]:
    """The two opinions' own cases first, then the precedents alphabetically."""
    return (0 if case.bench else 1, case.id)


def _court_opinion(book: Casebook, case: Case) -> Opinion | None:
    """The opinion that speaks for the court: the modelled majority, else the recorded court."""
    for opinion in case.opinions:
        if opinion.view and book.views[opinion.view].kind == "majority":
            return opinion
    return next((o for o in case.opinions if o.view is None and o.id == "court"), None)


def by_case(rows: tuple[Row, ...]) -> list[list[Row]]:
    """The rows grouped by case, in report order."""
    groups: list[list[Row]] = []
    for row in rows:
        if groups and groups[-1][0].case.id == row.case.id:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def ground_words(pattern: Disagreement) -> str:
    """The grounds a disagreement turns on, and what the other view makes of each."""
    return "; ".join(f"{g.ground} ({g.other_stance} in {pattern.no_duty_view})" for g in pattern.grounds)
