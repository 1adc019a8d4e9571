"""The JSON API: each answer is the command line's ``--json`` for the same question, plus the rules' words.

Every function takes the :class:`Explorer` and a checked request (see
:mod:`publicduty.serve.payload`) and returns one JSON object. What the logic derives
comes only through the public functions (:meth:`Casebook.solve`,
:func:`publicduty.analyses.whatif.what_if`, :func:`publicduty.analyses.flip.minimal_flips`,
:func:`publicduty.analyses.disagree.disagreements`, :func:`publicduty.analyses.explanation.explain`), each
called while the request holds the engine; nothing here decides a holding.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from publicduty.analyses.disagree import disagreements
from publicduty.analyses.explanation import explain
from publicduty.analyses.flip import minimal_flips
from publicduty.analyses.whatif import check_facts, what_if
from publicduty.model.answer import ClaimKey
from publicduty.model.case import Case, Fact, Truth
from publicduty.render import dot as as_dot
from publicduty.render import json as as_json
from publicduty.render import svg
from publicduty.render.text import explanation as as_text
from publicduty.serve import payload
from publicduty.serve.state import Explorer
from publicduty.solve.casebook import Casebook


def cases(explorer: Explorer) -> dict[str, Any]:
    """The case base and the views: what a reader can pick."""
    book = explorer.unlocked
    return {
        "cases": [{"id": c.id, "title": c.title, "citation": c.citation,
                   "claimants": [{"id": k.id, "name": k.name} for k in c.claimants]}
                  for c in sorted(book.cases.values(), key=lambda c: c.id)],
        "views": [{"id": v, "label": book.views[v].label, "citation": book.views[v].citation,
                   "author": book.views[v].author, "year": book.views[v].year} for v in book.view_ids()],
        "graphs": svg.available(),
    }


def case(explorer: Explorer, case_id: str) -> dict[str, Any]:
    """One case: each claimant with every fact of the vocabulary, its stated value and the case file's source."""
    book = explorer.unlocked
    found = book.case(case_id)
    return {"id": found.id, "title": found.title, "citation": found.citation, "court": found.court,
            "decided": found.decided, "claimants": [
                {"id": k.id, "name": k.name, "facts": fact_rows(book, found, k.id)} for k in found.claimants]}


def fact_rows(book: Casebook, found: Case, claimant_id: str) -> list[dict[str, Any]]:
    """Every fact of the vocabulary for one claimant: meaning, stated value (not listed is false), source."""
    claimant = found.claimant(claimant_id)
    rows = []
    for name in sorted(book.catalogue.inputs):
        stated = claimant.facts.get(name)
        rows.append({"fact": name, "meaning": book.catalogue.inputs[name].meaning,
                     "value": as_json.truth(claimant.value(name)), "alleged": stated is not None,
                     "source": stated.source if stated else "", "note": stated.note if stated else ""})
    return rows


def whatif(explorer: Explorer, request: Mapping[str, Any]) -> dict[str, Any]:
    """``publicduty whatif --json`` for the facts sent (none sent: the holdings as stated, twice)."""
    changes = payload.facts(request)
    with explorer.using() as book:
        result = what_if(book, payload.text(request, "case"), payload.text(request, "claimant"), changes,
                         payload.names(request, "views"))
    return {**as_json.what_if(book.catalogue, result),
            "rules": rule_words(book, (r for a in result.after for g in a.grounds for r in g.rules))}


def flip(explorer: Explorer, request: Mapping[str, Any]) -> dict[str, Any]:
    """``publicduty flip --json``: the minimal fact changes that turn a view's holding on the stated facts."""
    with explorer.using() as book:
        found = minimal_flips(book, payload.text(request, "case"), payload.text(request, "claimant"),
                              payload.text(request, "view"), payload.count(request, "max"))
    return as_json.flips(found)


def disagree(explorer: Explorer, request: Mapping[str, Any]) -> dict[str, Any]:
    """``publicduty disagree --json``: the minimal fact patterns on which two views part."""
    with explorer.using() as book:
        found = disagreements(book, payload.text(request, "first"), payload.text(request, "second"),
                              payload.names(request, "facts"))
    return as_json.disagreements(book.catalogue, found)


def explanation(explorer: Explorer, request: Mapping[str, Any]) -> dict[str, Any]:
    """``publicduty explain`` for the facts sent: the tree as JSON, the outline, and the graph as SVG if drawn."""
    changes = payload.facts(request)
    with explorer.using() as book:
        found = book.case(payload.text(request, "case"))
        claimant = found.claimant(payload.text(request, "claimant"))
        (view,) = book.view_ids([payload.text(request, "view")])
        check_facts(changes, book.catalogue.inputs)
        key = ClaimKey(found.id, claimant.id)
        answer = book.answer_with(key, {**book.facts(key), **changes})
        tree = explain(book.catalogue, answer, supposed(found, claimant.id, changes), claimant.id, view)
    (drawn,) = svg.to_svg([as_dot.explanation(tree)])
    return {"explanation": as_json.explanation(tree), "text": as_text.explanation(tree), "svg": drawn,
            "hint": "" if drawn else svg.INSTALL_HINT}


def supposed(found: Case, claimant_id: str, changes: Mapping[str, Truth]) -> Case:
    """The case as the explanation should read it: the claimant's changed facts sourced to the what-if."""
    claimant = found.claimant(claimant_id)
    facts = dict(claimant.facts)
    for name, truth in changes.items():
        stated = claimant.value(name)
        if truth is not stated:
            facts[name] = Fact(name, truth, f"what if (the case file: {stated.value})", "", 0)
    changed = dataclasses.replace(claimant, facts=facts)
    return dataclasses.replace(found, claimants=tuple(changed if k.id == claimant_id else k for k in found.claimants))


def rule_words(book: Casebook, rule_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Each rule's words and authority: what it says, its cites, its quoted phrases, any reconstruction note."""
    out = {}
    for rule_id in sorted(set(rule_ids)):
        rule = book.catalogue.rules[rule_id]
        out[rule_id] = {"rule_set": rule.rule_set, "says": rule.says, "cites": list(rule.cites),
                        "quotes": [{"cite": q.cite, "text": q.text} for q in rule.quotes],
                        "reconstructed": rule.reconstructed}
    return out
