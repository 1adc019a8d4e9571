"""Listings for a terminal: the views, the cases, and the vocabulary with each view's stance on each ground."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from publicduty.analyses.partings import GroundStance
from publicduty.model.case import Case
from publicduty.model.catalogue import Catalogue, View
from publicduty.render.table import table
from publicduty.render.terminal import PROSE, fill, wrapped
from publicduty.render.text.holdings import stance_table
from publicduty.render.words import SILENT


def views(shown: Sequence[View]) -> str:
    """The views, oldest first: opinion, court, year, author and the judges who joined it."""
    return table(("view", "opinion", "court", "year", "author", "joined by"),
                 [(v.id, v.label, v.court, str(v.year), v.author, ", ".join(v.joined) or "-") for v in shown]) + "\n"


def cases(shown: Sequence[Case]) -> str:
    """The cases: title, citation and claimants of each, and how many."""
    return (table(("case", "title", "citation", "claimants"),
                  [(c.id, c.title, c.citation, ", ".join(k.id for k in c.claimants)) for c in shown])
            + f"\n\n{len(shown)} cases\n")


def vocabulary(catalogue: Catalogue, stances: Mapping[str, Mapping[str, GroundStance]], views: Sequence[str]) -> str:
    """The facts a case file may state, the grounds they make up, and what each view makes of each ground."""
    lines = [fill("Facts a case file may state of a claim (true, false or unknown; not listed is not alleged):"), ""]
    width = max(len(name) for name in catalogue.inputs) + 2
    for item in catalogue.inputs.values():
        lines.extend(wrapped(item.meaning, item.name.ljust(width), " " * width, default=PROSE))
    lines += ["", fill("Grounds: routes to a duty, each met when all of its facts are true:"), ""]
    for ground in catalogue.grounds.values():
        lines.extend(wrapped(f"{ground.name}: {ground.label}", "", "    ", default=PROSE))
        lines.extend(wrapped(f"needs: {', '.join(ground.elements)}", "    ", "           ", default=PROSE))
    lines += ["", fill(f"What each view makes of each ground ('-': silent, {SILENT}; "
                       "qualified: recognises it, with exceptions):"), "", stance_table(stances, views)]
    return "\n".join(lines) + "\n"
