"""The report's Markdown twin: plain tables, SVG files as images, outlines in code blocks, no raw HTML."""

from __future__ import annotations

from collections.abc import Sequence

from publicduty.fidelity import Check
from publicduty.report.content import ReportContent, Row, by_case, ground_words
from publicduty.table import holding_word


def graph_name(case: str, claimant: str, view: str) -> str:
    """The file, under ``graphs/``, that holds one explanation's SVG."""
    return f"{case}--{claimant}--{view}.svg"


def render(content: ReportContent) -> str:
    """The whole report as Markdown."""
    out = ["# publicduty: the public duty doctrine, opinion by opinion", "",
           "Each view is one opinion's doctrine as clingo rules. `court` is the court's documented holding; "
           "the other columns are the views' derived holdings. Beside a holding that differs from one the opinion "
           "stands on: (tension) a tension the view declares; (silent) the view is silent on the court's ground; "
           "(unknown facts) it turns on facts the sources leave open; (!) unexplained.", ""]
    out += ["## Every claim under every view", ""]
    out += _table(("case", "claimant", "court", *(v.id for v in content.views)), [
        (r.case.id, r.claimant.id, holding_word(r.court.holding) if r.court else "-",
         *(holding_word(r.cells[v.id].holding) + _flag(r.cells[v.id].check) for v in content.views))
        for r in content.rows])
    out += ["## Fidelity", ""]
    out += _table(("view", "agrees", "unexplained", "mismatches"), [
        (s.view, f"{s.agree} of {len(s.scored())}", str(len(s.unexplained)),
         "; ".join(f"{c.case}/{c.claimant}: derived {holding_word(c.derived)}, documented "
                   f"{holding_word(c.documented)}" for c in s.checks if not c.agrees) or "-")
        for s in content.fidelity])
    out += ["## Where two views disagree", ""]
    for pair in content.disagreements:
        out += [f"### {pair.views[0]} and {pair.views[1]}", ""]
        out += _table(("facts", "finds a duty", "on the ground"), [
            (", ".join(p.facts), p.duty_view, ground_words(p))
            for p in pair.patterns]) if pair.patterns else ["They agree on every pattern.", ""]
    out += ["## The cases", ""]
    for rows in by_case(content.rows):
        out += _case(content, rows)
    return "\n".join(out) + "\n"


def _case(content: ReportContent, rows: list[Row]) -> list[str]:
    case = rows[0].case
    out = [f"### {case.title}, {case.citation}", "", f"{case.court}; {case.posture}", ""]
    for claim in content.votes.get(case.id, []):
        out += [f"Votes on the claim of {claim.claimant}: question by question {claim.by_question}; "
                f"by the judges' outcomes {claim.by_outcome}" + ("; doctrinal paradox" if claim.paradox else ""), ""]
        out += _table(("judge", *(t.question.id for t in claim.questions), "outcome"), [
            (seat.judge, *(next((f"{v.position} ({v.opinion})" for v in t.votes if v.judge == seat.judge), "-")
                           for t in claim.questions), claim.outcomes[seat.judge])
            for seat in case.bench])
    for row in rows:
        out += [f"#### {row.claimant.name} ({row.claimant.id})", ""]
        out += _table(("fact", "value", "source", "note"), [
            (f.name, f.value.value, f.source, f.note) for f in row.claimant.facts.values()])
        for view in content.views:
            drawn = content.explanations[(case.id, row.claimant.id, view.id)]
            out += [f"##### {view.id}: {holding_word(row.cells[view.id].holding)}", ""]
            if drawn.svg:
                out += [f"![{view.id} on {row.claimant.id}](graphs/{graph_name(case.id, row.claimant.id, view.id)})",
                        ""]
            out += ["```text", drawn.text.rstrip(), "```", ""]
    return out


_MARKS = {"agrees": "", "tension": " (tension)", "silent": " (silent)", "unknown": " (unknown facts)",
          "unexplained": " (!)"}


def _flag(check: Check | None) -> str:
    return "" if check is None else _MARKS[check.kind]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]
