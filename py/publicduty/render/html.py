"""The report as one self-contained HTML page: inline style, inline SVG, no scripts, no network."""

from __future__ import annotations

from html import escape

from publicduty.analyses.fidelity import CROSS_CHECK, Check
from publicduty.analyses.report import Cell, ReportContent, Row, by_case, ground_words
from publicduty.analyses.votes import ClaimVotes
from publicduty.model.answer import ClaimKey
from publicduty.model.case import Case
from publicduty.render.table import holding_word

_STYLE = """
body{font:15px/1.45 Georgia,serif;margin:2rem auto;max-width:78rem;padding:0 1rem;color:#222}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif;line-height:1.2}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3;font-family:Helvetica,Arial,sans-serif;font-size:13px}
td.duty{background:#cdebd3}td.no_duty{background:#f6f6f6;color:#555}td.open{background:#fbe3b0}
td.case{font-weight:bold}.flag{color:#b00020;font-weight:bold}.tension{color:#7a4b00}.quiet{color:#667}
.legend span{display:inline-block;padding:0 .5rem;margin-right:.5rem;border:1px solid #ccc}
details{margin:.3rem 0 .6rem}summary{cursor:pointer}pre{background:#fafafa;border:1px solid #eee;
padding:.5rem;overflow-x:auto;font-size:12.5px}.graph svg{max-width:100%;height:auto}
small{color:#666}
"""


def render(content: ReportContent) -> str:
    """The whole page: matrix, fidelity, disagreement maps, then each case in full."""
    body = [
        "<h1>publicduty: the public duty doctrine, opinion by opinion</h1>",
        "<p>Each view is one opinion's doctrine as clingo rules. Left of the bar, the court's documented "
        "holding; then each view's derived holding. Beside a holding that differs from one the opinion "
        "stands on: <span class='tension'>&#9670;</span> a tension the view declares, with its source; "
        "<span class='quiet'>&#8709;</span> the view is silent on the ground the court used (not in the "
        "sources); <span class='quiet'>?</span> it turns on facts the sources leave unknown; "
        "<span class='flag'>!</span> unexplained. Hover a cell for its grounds, a mark for its reason.</p>",
        "<p class='legend'><span class='duty' style='background:#cdebd3'>duty</span>"
        "<span style='background:#f6f6f6'>no duty</span><span style='background:#fbe3b0'>open</span></p>",
        _matrix(content),
        _fidelity(content),
        _disagreements(content),
        "<h2 id='cases'>The cases</h2>",
        *(_case(content, rows) for rows in by_case(content.rows)),
    ]
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            "<title>publicduty report</title><style>" + _STYLE + "</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _matrix(content: ReportContent) -> str:
    head = "".join(f"<th title='{escape(v.label)}, {escape(v.citation)}'>{escape(v.id)}</th>" for v in content.views)
    rows = "\n".join(_row(content, row) for row in content.rows)
    return (f"<h2 id='matrix'>Every claim under every view</h2>\n<table class='matrix'>"
            f"<tr><th>case</th><th>claimant</th><th>court</th><th>|</th>{head}</tr>\n{rows}</table>")


def _row(content: ReportContent, row: Row) -> str:
    court = holding_word(row.court.holding) if row.court else "-"
    cells = "".join(_cell(content, view.id, row, row.cells[view.id]) for view in content.views)
    return (f"<tr><td class='case'><a href='#case-{escape(row.case.id)}'>{escape(row.case.id)}</a></td>"
            f"<td>{escape(row.claimant.id)}</td><td class='{row.court.holding if row.court else ''}'>{court}</td>"
            f"<td></td>{cells}</tr>")


def _cell(content: ReportContent, view: str, row: Row, cell: Cell) -> str:
    grounds = content.answer.rests_on.get((view, ClaimKey(row.case.id, row.claimant.id)), {})
    tip = "; ".join(f"{g} ({c})" for g, c in sorted(grounds.items())) or "no ground accepted"
    return f"<td class='{cell.holding}' title='{escape(tip)}'>{holding_word(cell.holding)}{_flag(cell.check)}</td>"


_MARKS = {"tension": ("tension", "&#9670;"), "silent": ("quiet", "&#8709;"), "unknown": ("quiet", "?"),
          "unexplained": ("flag", "!")}


def _flag(check: Check | None) -> str:
    if check is None or check.kind == "agrees":
        return ""
    css, mark = _MARKS[check.kind]
    why = check.tension.why if check.tension else check.reason or f"documented {holding_word(check.documented)}"
    return f" <span class='{css}' title='{escape(why)}'>{mark}</span>"


def _fidelity(content: ReportContent) -> str:
    rows = []
    for score in content.fidelity:
        scored = score.scored()
        mismatches = "<br>".join(_mismatch(c) for c in score.checks if not c.agrees) or "-"
        rows.append(f"<tr><td>{escape(score.view)}</td><td>{score.agree} of {len(scored)}</td>"
                    f"<td>{len(score.unexplained)}</td><td>{mismatches}</td></tr>")
    return ("<h2 id='fidelity'>Fidelity: each view against the holdings its opinion stands on</h2>\n"
            "<table><tr><th>view</th><th>agrees</th><th>unexplained</th><th>mismatches and tensions</th></tr>\n"
            + "\n".join(rows) + "</table>")


def _mismatch(check: Check) -> str:
    scope = " (cross-check)" if check.scope == CROSS_CHECK else ""
    why = f" &#9670; {escape(check.tension.why)}" if check.tension else " <span class='flag'>no declared tension</span>"
    return (f"{escape(check.case)}/{escape(check.claimant)}{scope}: derived {holding_word(check.derived)}, "
            f"documented {holding_word(check.documented)}.{why}")


def _disagreements(content: ReportContent) -> str:
    parts = ["<h2 id='disagree'>Where two views disagree: the minimal fact patterns</h2>",
             "<p>Over every combination of facts a claim may have, the smallest sets of true facts on which "
             "the two views reach different holdings (every fact not listed is false).</p>"]
    for pair in content.disagreements:
        a, b = pair.views
        rows = "".join(
            f"<tr><td>{escape(', '.join(p.facts))}</td><td>{escape(p.duty_view)}</td>"
            f"<td>{escape(ground_words(p))}</td></tr>"
            for p in pair.patterns)
        parts.append(f"<h3>{escape(a)} and {escape(b)}</h3>" + (
            f"<table><tr><th>facts</th><th>finds a duty</th><th>on the ground</th></tr>{rows}</table>"
            if pair.patterns else "<p>They agree on every pattern.</p>"))
    return "\n".join(parts)


def _case(content: ReportContent, rows: list[Row]) -> str:
    case = rows[0].case
    parts = [f"<h3 id='case-{escape(case.id)}'>{escape(case.title)}, {escape(case.citation)}</h3>",
             f"<p><small>{escape(case.court)}; {escape(case.posture)}</small></p>"]
    for claim in content.votes.get(case.id, []):
        parts.append(_votes(case, claim))
    for row in content.in_full(rows):
        parts.append(f"<h4>{escape(row.claimant.name)} ({escape(row.claimant.id)})</h4>")
        parts.append(_facts(row))
        for view in content.views:
            drawn = content.explanations[(case.id, row.claimant.id, view.id)]
            figure = (f"<div class='graph'>{drawn.svg}</div>" if drawn.svg else
                      f"<p><small>Graph not drawn: {escape(drawn.missing)}.</small></p>")
            parts.append(f"<details><summary>{escape(view.id)}: {holding_word(row.cells[view.id].holding)}</summary>"
                         f"{figure}<pre>{escape(drawn.text)}</pre></details>")
    if content.summary(case.id):
        parts.append(f"<p class='quiet'>{escape(content.summary(case.id))}</p>")
    return "\n".join(parts)


def _facts(row: Row) -> str:
    facts = "".join(f"<tr><td>{escape(f.name)}</td><td>{f.value.value}</td><td>{escape(f.source)}</td>"
                    f"<td>{escape(f.note)}</td></tr>" for f in row.claimant.facts.values())
    return f"<table><tr><th>fact</th><th>value</th><th>source</th><th>note</th></tr>{facts}</table>"


def _votes(case: Case, claim: ClaimVotes) -> str:
    head = "".join(f"<th>{escape(t.question.id)}</th>" for t in claim.questions)
    rows = []
    for seat in case.bench:
        cells = "".join(
            f"<td>{escape(next((f'{v.position} ({v.opinion})' for v in t.votes if v.judge == seat.judge), '-'))}</td>"
            for t in claim.questions)
        rows.append(f"<tr><td>{escape(seat.judge)}</td>{cells}<td>{escape(claim.outcomes[seat.judge])}</td></tr>")
    verdict = (f"question by question: {claim.by_question}; by the judges' outcomes: {claim.by_outcome}"
               + ("; <b>doctrinal paradox</b>" if claim.paradox else ""))
    return (f"<p>Votes on the claim of <b>{escape(claim.claimant)}</b>: {verdict}</p>"
            f"<table><tr><th>judge</th>{head}<th>outcome</th></tr>{''.join(rows)}</table>")
