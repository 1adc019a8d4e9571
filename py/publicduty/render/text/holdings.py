"""Holdings for a terminal: a case's findings, the views compared, what-ifs, flips and disagreements.

Each function takes what an analysis returns and gives the text a command prints; labels
and sources come from the catalogue, the words from :mod:`publicduty.render.words`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from publicduty.analyses.partings import GroundStance
from publicduty.model.answer import Holding
from publicduty.render.table import table
from publicduty.render.terminal import fill, width
from publicduty.render.words import (
    POSSIBLE_GROUND,
    RECONSTRUCTED,
    SILENT,
    STANCE_CELLS,
    holding_word,
    possible,
    reconstructed,
)
from publicduty.render.wrapping import wrap

if TYPE_CHECKING:  # the analyses' types only: a command imports no analysis it does not run
    from publicduty.analyses.disagree import Disagreements
    from publicduty.analyses.flip import Flip, Flips
    from publicduty.analyses.partings import ClaimRow, Comparison, Parting
    from publicduty.analyses.whatif import FactChange, WhatIf
    from publicduty.model.case import Case
    from publicduty.model.catalogue import Catalogue
    from publicduty.solve.casebook import Finding


def findings(catalogue: Catalogue, case: Case, found: Sequence[Finding]) -> str:
    """Each claimant's holding under each view, the grounds with their rules, and the documented holding."""
    lines = [fill(f"{case.title}, {case.citation}"), ""]
    longest = max(len(f.view) for f in found)
    pad = longest + 4
    for claimant in case.claimants:
        lines.append(fill(f"{claimant.name} ({claimant.id})"))
        for f in (f for f in found if f.claimant == claimant.id):
            lines.append(f"  {f.view.ljust(longest)}  {holding_word(f.holding)}")
            for g in f.grounds:
                lines.append(fill(f"on {catalogue.grounds[g.ground].label}{possible(g.certainty, POSSIBLE_GROUND)}",
                                  pad, hang=3))
                lines.extend(fill(f"[{rule}: {catalogue.rules[rule].source}]", pad + 2, hang=1) for rule in g.rules)
            if f.documented:
                basis = " (reconstructed)" if reconstructed(f.documented.basis) else ""
                lines.append(fill(f"documented: {holding_word(f.documented.holding)}{basis}, {f.documented.source}",
                                  pad))
        lines.append("")
    return "\n".join(lines) + "\n"


def comparison(catalogue: Catalogue, compared: Comparison) -> str:
    """One holdings matrix per case beside the documented holdings; with several cases, the stances too."""
    out = [_case(catalogue, case, rows, compared.views) for case, rows in compared.cases]
    if len(compared.cases) > 1:
        out.append(fill(f"What each view makes of each ground it speaks to ('-': silent, {SILENT}):") + "\n"
                   + stance_table(compared.stances, compared.views) + "\n")
    return "\n".join(out) + "\n"


def stance_table(stances: Mapping[str, Mapping[str, str | GroundStance]], views: Sequence[str]) -> str:
    """The grounds-by-views matrix of stances ('-': silent)."""
    def cell(stance: str | GroundStance) -> str:
        return STANCE_CELLS[stance.stance if isinstance(stance, GroundStance) else stance]
    return table(("ground", *views), [(g, *(cell(row[v]) for v in views)) for g, row in stances.items()])


def _case(catalogue: Catalogue, case: Case, claims: Sequence[ClaimRow], views: Sequence[str]) -> str:
    documented = [o.id for o in case.opinions if o.holdings]
    divider = ("|",) if documented else ()
    header = ("claimant", *views, *divider, *(f"[{o}]" for o in documented))
    rows = []
    for claim in claims:
        recorded = []
        for opinion in (o for o in case.opinions if o.id in documented):
            held = opinion.holdings.get(claim.claimant)
            mark = "*" if held and reconstructed(held.basis) else ""
            recorded.append(holding_word(held.holding if held else None) + mark)
        rows.append((claim.claimant, *(holding_word(claim.derived[v]) for v in views), *divider, *recorded))
    out = [fill(f"{case.title}, {case.citation}"), "", table(header, rows)]
    out.append("\n" + fill("derived holdings left of '|'; documented holdings of the case's opinions in [brackets]"
                           + (f"; * {RECONSTRUCTED}" if any("*" in c for r in rows for c in r) else "")))
    notes = [_parting(catalogue, claim.claimant, p) for claim in claims for p in claim.partings]
    if notes:
        out.append("\nWhere the views part:")
        out.extend(notes)
    return "\n".join(out) + "\n"


def _parting(catalogue: Catalogue, claimant: str, parting: Parting) -> str:
    lines = [fill(f"{claimant}: {catalogue.grounds[parting.ground].label} ({parting.ground})", 2),
             fill(f"duty found on it by: {', '.join(parting.finding)}", 6)]
    for view, rules in parting.rejecting.items():
        lines.append(fill(f"rejected by {view}: {'; '.join(f'{r}, {catalogue.rules[r].source}' for r in rules)}", 6))
    if parting.silent:
        lines.append(fill(f"{SILENT} for: {', '.join(parting.silent)}", 6))
    return "\n".join(lines)


def change(found: FactChange) -> str:
    """A fact change as one reads it: ``fact: was -> to``."""
    return f"{found.fact}: {found.was.value} -> {found.to.value}"


def what_if(found: WhatIf, title: str) -> str:
    """Each view's holding as stated and with the changes, the moved ones marked."""
    rows = []
    for before, after in zip(found.before, found.after, strict=True):
        grounds = ", ".join(g.ground + possible(g.certainty) for g in after.grounds)
        moved = "" if before.holding == after.holding else "  <-"
        rows.append((before.view, holding_word(before.holding), holding_word(after.holding) + moved,
                     grounds or "-"))
    changed = sum(1 for b, a in zip(found.before, found.after, strict=True) if b.holding != a.holding)
    lines = [fill(f"{title}: claimant {found.claimant}, what if"), *(fill(change(c), 2) for c in found.changes),
             "", table(("view", "as stated", "what if", "grounds, what if"), rows),
             "\n" + fill(f"the changes move {changed} of {len(rows)} holdings (marked <-); the case file is unchanged")]
    return "\n".join(lines) + "\n"


def flips(found: Flips, title: str) -> str:
    """The minimal flips of a holding, smallest first, and the what-if command that checks the first."""
    head = fill(f"{title}: claimant {found.claimant}, view {found.view}: {holding_word(found.holding)}"
                f"{' (it turns on facts the sources leave unknown)' if found.holding == Holding.OPEN else ''}")
    if not found.flips:
        return f"{head}\n\nno set of fact changes turns this holding around\n"
    rows = [(str(i), holding_word(f.becomes), ", ".join(change(c) for c in f.changes))
            for i, f in enumerate(found.flips, 1)]
    shown = f"{len(found.flips)} of {found.total}" if len(found.flips) < found.total else str(found.total)
    return "\n".join([head, "", table(("#", "becomes", "changes, all together"), rows),
                      "\n" + fill(f"{shown} minimal flips: each turns the holding, and no smaller part of it does"),
                      _whatif_command(found, found.flips[0])]) + "\n"


def _whatif_command(found: Flips, flip: Flip) -> str:
    """The what-if command that checks ``flip``, to copy: at a set width, broken over lines the shell joins."""
    flags = " ".join(f"--{'set' if c.to.value == 'true' else 'unset'} {c.fact}" for c in flip.changes)
    line = f"check one: publicduty whatif {found.case} {found.claimant} --view {found.view} {flags}"
    limit = width()
    if limit is None or len(line) <= limit:
        return line
    return " \\\n".join(wrap(line, limit - 2, "", "    ", break_hyphens=False))


def disagreements(catalogue: Catalogue, found: Disagreements) -> str:
    """The minimal patterns on which two views part, each with the grounds and rules that part them."""
    first, second = found.views
    count = len(found.patterns)
    head = fill(f"{first} and {second} part on {count} minimal fact pattern{'s' if count != 1 else ''}, "
                f"searched over {len(found.facts)} facts ({2 ** len(found.facts):,} patterns)")
    if not found.patterns:
        return head + "\n"
    lines = [head, fill("each pattern: those facts true, every other fact false; no smaller pattern parts the views"),
             ""]
    for i, pattern in enumerate(found.patterns, 1):
        lines.append(fill(f"{i}. {' + '.join(pattern.facts) or '(no fact true)'}", hang=3))
        for p in pattern.grounds:
            lines.append(fill(f"duty for {pattern.duty_view}, on {catalogue.grounds[p.ground].label} ({p.ground})", 3))
            lines.extend(_cites(catalogue, p.accepting))
            if p.rejecting:
                lines.append(fill(f"no duty for {pattern.no_duty_view}, which rejects the ground", 3))
                lines.extend(_cites(catalogue, p.rejecting))
            elif p.recognising:
                lines.append(fill(f"no duty for {pattern.no_duty_view}, whose rules for the ground need more", 3))
                lines.extend(_cites(catalogue, p.recognising))
            else:
                lines.append(fill(f"no duty for {pattern.no_duty_view}, silent on the ground ({SILENT})", 3))
    return "\n".join(lines) + "\n"


def _cites(catalogue: Catalogue, rules: tuple[str, ...]) -> list[str]:
    return [fill(f"[{r}: {catalogue.rules[r].source}]", 5, hang=1) for r in rules]
