"""Everything the report shows, gathered once from one solve of the whole case base.

The HTML page and its Markdown twin render the same content; neither computes anything
of its own. Holdings come from the solver, documented holdings from the case files,
fidelity and votes from their modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from publicduty.analyses.disagree import Disagreement, Disagreements, disagreements
from publicduty.analyses.explanation import Explanation, explain
from publicduty.analyses.fidelity import Check, ViewFidelity, fidelity
from publicduty.analyses.votes import ClaimVotes, tally
from publicduty.model.answer import Answer, ClaimKey, Holding
from publicduty.model.case import Case, Claimant, Documented, Opinion
from publicduty.model.catalogue import View
from publicduty.render import dot as as_dot
from publicduty.render import svg as graphs
from publicduty.render.progress import Progress
from publicduty.render.text import explanation as as_text
from publicduty.solve.casebook import Casebook

#: Past these limits a claim is summarised (its row in the matrix, a count in its case), so
#: that a case file of thousands of claimants cannot make a report of hundreds of megabytes.
FULL_PER_CASE = 20
FULL_IN_ALL = 500
#: At most this many explanations are drawn as graphs (about 25 KB each, twice: inline and as a file).
GRAPHS_IN_ALL = 500


@dataclass(frozen=True)
class Cell:
    """One view's holding for one claim, with what the fidelity check says of it."""

    holding: Holding
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
    missing: str = ""  # why there is no graph, where there is none


@dataclass(frozen=True)
class ReportContent:
    """The whole report's data."""

    views: tuple[View, ...]
    rows: tuple[Row, ...]
    fidelity: tuple[ViewFidelity, ...]
    votes: dict[str, list[ClaimVotes]]
    explanations: dict[tuple[str, str, str], Drawn]  # (case, claimant, view), for the claims explained in full
    summarised: dict[str, int]  # case -> claimants past the limits, shown only in the matrix
    disagreements: tuple[Disagreements, ...]
    answer: Answer

    def in_full(self, rows: list[Row]) -> list[Row]:
        """The rows of one case that are explained in full (the first ones, within the limits)."""
        return rows[:len(rows) - self.summarised.get(rows[0].case.id, 0)]

    def summary(self, case_id: str) -> str:
        """The sentence that stands for the claimants of a case past the limits ('' if none)."""
        count = self.summarised.get(case_id, 0)
        if not count:
            return ""
        return (f"{count:,} more claimant{'s' if count > 1 else ''} of this case {'are' if count > 1 else 'is'} "
                f"summarised: their holdings are in the matrix above (the report explains at most "
                f"{FULL_PER_CASE} claimants a case and {FULL_IN_ALL:,} claims in all).")


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
            cells = {v: Cell(answer.holding(v, key), checks.get((v, case.id, claimant.id))) for v in views}
            rows.append(Row(case, claimant, cells, court.holdings.get(claimant.id) if court else None))
    votes = {c.id: tally(c, answer) for c in book.cases.values() if c.bench}
    full, summarised = _in_full(rows)
    trees = _explanations(book, answer, full, views)
    drawing = graphs.Drawing([as_dot.explanation(tree) for tree in list(trees.values())[:GRAPHS_IN_ALL]])
    texts = {key: as_text.explanation(tree) for key, tree in trees.items()}  # while the graphs are drawn
    maps = tuple(disagreements(book, a, b) for a, b in combinations(views, 2))
    svgs = drawing.svgs()
    drawn = {key: Drawn(text, svgs[i] if i < len(svgs) else None, _missing(i))
             for i, (key, text) in enumerate(texts.items())}
    return ReportContent(tuple(book.views[v] for v in views), tuple(rows), scores, votes, drawn, summarised,
                         maps, answer)


def _in_full(rows: list[Row]) -> tuple[list[Row], dict[str, int]]:
    """The rows explained in full, within the limits, and per case the count of the others."""
    full: list[Row] = []
    summarised: dict[str, int] = {}
    for group in by_case(tuple(rows)):
        room = max(0, min(FULL_PER_CASE, FULL_IN_ALL - len(full)))
        full += group[:room]
        if len(group) > room:
            summarised[group[0].case.id] = len(group) - room
    return full, summarised


def _explanations(book: Casebook, answer: Answer, rows: list[Row],
                  views: list[str]) -> dict[tuple[str, str, str], Explanation]:
    """Each row's explanation under each view, in report order."""
    progress = Progress("explaining", len(rows))
    trees = {}
    for row in rows:
        for view in views:
            trees[(row.case.id, row.claimant.id, view)] = explain(book.catalogue, answer, row.case, row.claimant.id,
                                                                  view)
        progress.step()
    progress.close()
    return trees


def _missing(index: int) -> str:
    """Why the explanation at ``index`` (in report order) may have no graph."""
    if not graphs.available():
        return graphs.INSTALL_HINT
    if index >= GRAPHS_IN_ALL:
        return f"the report draws at most {GRAPHS_IN_ALL:,} graphs"
    return "Graphviz could not draw it"


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
