"""Every answer as JSON for machines: one function per kind of answer, the command line's and the explorer's.

The objects carry ids and the engine's own values (``"no_duty"``, ``"possible"``), with
labels and sources beside them, so a script needs no second lookup. A command prints what
these return (``--json``) and the explorer serves the same objects, so the two never drift.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from publicduty.model.case import Truth

if TYPE_CHECKING:  # the analyses' types only: a command imports no analysis it does not run
    from publicduty.analyses.difference import Difference
    from publicduty.analyses.disagree import Disagreement, Disagreements
    from publicduty.analyses.explanation import Explanation
    from publicduty.analyses.fidelity import Check, ViewFidelity
    from publicduty.analyses.flip import Flips
    from publicduty.analyses.partings import Comparison, GroundStance, Parting
    from publicduty.analyses.source_check import QuoteCheck, Source
    from publicduty.analyses.votes import ClaimVotes
    from publicduty.analyses.whatif import FactChange, WhatIf
    from publicduty.load.inputs import Inputs
    from publicduty.model.case import Case, Question
    from publicduty.model.catalogue import Catalogue, View
    from publicduty.solve.casebook import Finding


def rules(catalogue: Catalogue, ids: Iterable[str]) -> list[dict[str, str]]:
    """Rules by id, each with its source."""
    return [{"rule": r, "source": catalogue.rules[r].source} for r in ids]


def views(shown: Sequence[View]) -> dict[str, Any]:
    """The views, as ``publicduty views --json``."""
    return {"views": [{
        "view": v.id, "opinion": v.label, "kind": v.kind, "case": v.case, "citation": v.citation,
        "court": v.court, "year": v.year, "author": v.author, "joined": list(v.joined),
    } for v in shown]}


def cases(shown: Sequence[Case]) -> dict[str, Any]:
    """The cases, as ``publicduty cases --json``."""
    return {"cases": [{
        "case": c.id, "title": c.title, "citation": c.citation, "court": c.court,
        "claimants": [{"id": k.id, "name": k.name} for k in c.claimants],
    } for c in shown]}


def vocabulary(catalogue: Catalogue, stances: Mapping[str, Mapping[str, GroundStance]]) -> dict[str, Any]:
    """The facts and grounds with each view's stance, rules and exceptions per ground."""
    return {
        "inputs": [{"input": i.name, "meaning": i.meaning} for i in catalogue.inputs.values()],
        "grounds": [{
            "ground": g.name,
            "label": g.label,
            "elements": list(g.elements),
            "views": {v: {"stance": s.stance, "rules": list(s.rules), "exceptions": list(s.exceptions)}
                      for v, s in stances[g.name].items()},
        } for g in catalogue.grounds.values()],
    }


def finding(catalogue: Catalogue, found: Finding) -> dict[str, Any]:
    """A finding (one view's holding for one claimant, with its grounds and the documented holding)."""
    documented = found.documented
    return {
        "claimant": found.claimant,
        "view": found.view,
        "holding": found.holding,
        "grounds": [{
            "ground": g.ground,
            "label": catalogue.grounds[g.ground].label,
            "certainty": g.certainty,
            "rules": rules(catalogue, g.rules),
        } for g in found.grounds],
        "documented": documented.holding if documented else None,
        "documented_source": documented.source if documented else None,
        "documented_basis": documented.basis.value if documented else None,
    }


def findings(catalogue: Catalogue, case: Case, found: Sequence[Finding]) -> dict[str, Any]:
    """A case's findings, as ``publicduty solve --json``."""
    return {"case": case.id, "title": case.title, "citation": case.citation,
            "results": [finding(catalogue, f) for f in found]}


def comparison(catalogue: Catalogue, compared: Comparison) -> dict[str, Any]:
    """Holdings by claimant and view, the documented ones, and the partings, as ``publicduty compare --json``."""
    return {"views": list(compared.views), "cases": [{
        "case": case.id, "title": case.title, "citation": case.citation,
        "claimants": [{
            "claimant": row.claimant,
            "derived": dict(row.derived),
            "documented": {o.id: o.holdings[row.claimant].holding
                           for o in case.opinions if row.claimant in o.holdings},
            "partings": [parting(catalogue, p) for p in row.partings],
        } for row in rows],
    } for case, rows in compared.cases], "stances": {g: dict(row) for g, row in compared.stances.items()}}


def parting(catalogue: Catalogue, found: Parting) -> dict[str, Any]:
    """A ground that divides the views on a claim: who finds a duty on it, who rejects it, who is silent."""
    return {
        "ground": found.ground,
        "label": catalogue.grounds[found.ground].label,
        "finding_duty": list(found.finding),
        "rejecting": {v: rules(catalogue, ids) for v, ids in found.rejecting.items()},
        "silent": list(found.silent),
    }


def difference(found: Difference) -> dict[str, Any]:
    """Two views on one claim, as ``publicduty diff --json``: the whole comparison, field by field."""
    return {"agree": found.agree, **asdict(found)}


def explanation(found: Explanation) -> dict[str, Any]:
    """The explanation tree, as ``publicduty explain --format json``: every node with its field names."""
    return asdict(found)


def truth(value: Truth) -> bool | str:
    """A fact's value: true, false, or the string "unknown" (as a case file writes it)."""
    return {Truth.TRUE: True, Truth.FALSE: False}.get(value, value.value)


def change(found: FactChange) -> dict[str, Any]:
    """A fact change: the fact, its new value and its stated one."""
    return {"fact": found.fact, "to": truth(found.to), "was": truth(found.was)}


def what_if(catalogue: Catalogue, found: WhatIf) -> dict[str, Any]:
    """A claim's holdings as stated and with the changes, as ``publicduty whatif --json``."""
    return {
        "case": found.case, "claimant": found.claimant,
        "changes": [change(c) for c in found.changes],
        "results": [{"view": before.view, "before": finding(catalogue, before), "after": finding(catalogue, after)}
                    for before, after in zip(found.before, found.after, strict=True)],
    }


def flips(found: Flips) -> dict[str, Any]:
    """The minimal flips of a holding, as ``publicduty flip --json``."""
    return {
        "case": found.case, "claimant": found.claimant, "view": found.view, "holding": found.holding,
        "flips": [[change(c) for c in f.changes] for f in found.flips],
        "becomes": [f.becomes for f in found.flips],
        "total": found.total,
    }


def pattern(catalogue: Catalogue, found: Disagreement) -> dict[str, Any]:
    """One minimal fact pattern on which two views part, with the grounds that part them."""
    return {
        "facts": list(found.facts),
        "duty": found.duty_view,
        "no_duty": found.no_duty_view,
        "grounds": [{
            "ground": g.ground,
            "label": catalogue.grounds[g.ground].label,
            "accepted_by": rules(catalogue, g.accepting),
            "other": g.other_stance,
            "rejected_by": rules(catalogue, g.rejecting),
            "recognised_by": rules(catalogue, g.recognising),
        } for g in found.grounds],
    }


def disagreements(catalogue: Catalogue, found: Disagreements) -> dict[str, Any]:
    """The minimal patterns on which two views part, as ``publicduty disagree --json``."""
    return {"views": list(found.views), "facts": list(found.facts),
            "patterns": [pattern(catalogue, p) for p in found.patterns]}


def votes(case: Case, claims: Sequence[ClaimVotes]) -> dict[str, Any]:
    """How the bench divided, question by question and claim by claim, as ``publicduty votes --json``."""
    return {"case": case.id, "questions": [_question(case, q) for q in case.questions],
            "claims": [_claim_votes(c) for c in claims]}


def _question(case: Case, question: Question) -> dict[str, Any]:
    from publicduty.analyses.votes import joins  # here: only ``votes`` and the report pay for the analysis

    return {"question": question.id, "label": question.label, "duty": question.duty,
            "decides_liability": question.decides_liability, "joins": dict(joins(case, question).most_common())}


def _claim_votes(claim: ClaimVotes) -> dict[str, Any]:
    return {
        "claimant": claim.claimant,
        "questions": [{
            "question": t.question.id,
            "votes": [{"judge": v.judge, "opinion": v.opinion, "position": v.position} for v in t.votes],
            "tally": dict(sorted(t.count().items())),
            "result": t.result,
        } for t in claim.questions],
        "outcomes": claim.outcomes,
        "by_question": claim.by_question,
        "by_outcome": claim.by_outcome,
        "paradox": claim.paradox,
    }


def fidelity(results: Sequence[ViewFidelity]) -> dict[str, Any]:
    """Each view's checks against the documented holdings, as ``publicduty fidelity --json``."""
    return {"views": [_view_fidelity(r) for r in results]}


def _view_fidelity(result: ViewFidelity) -> dict[str, Any]:
    from publicduty.analyses.fidelity import CROSS_CHECK  # here: only ``fidelity`` pays for the analysis

    scored = result.scored()
    return {
        "view": result.view,
        "agree": result.agree,
        "total": len(scored),
        "mismatches": [_check(c) for c in scored if not c.agrees],
        "unexplained": len(result.unexplained),
        "cross_checks": [_check(c) for c in result.checks if c.scope == CROSS_CHECK],
    }


def _check(check: Check) -> dict[str, Any]:
    return {
        "case": check.case, "claimant": check.claimant, "scope": check.scope,
        "derived": check.derived, "documented": check.documented, "source": check.source,
        "basis": check.basis.value,
        "tension": None if check.tension is None else {"cite": check.tension.cite, "why": check.tension.why},
        "reason": None if check.reason is None else str(check.reason),
    }


def checked(inputs: Inputs) -> dict[str, Any]:
    """The files ``publicduty check`` read and found sound, as its ``--json``."""
    return {"checked": {"logic": [str(p) for p in inputs.checked],
                        "cases": [str(p) for p in inputs.cases]}}


def quote_checks(sources: Mapping[str, Source], checks: Sequence[QuoteCheck]) -> dict[str, Any]:
    """The opinion texts read and every quoted phrase found on its page, as ``publicduty check-sources --json``."""
    return {
        "texts": {s.reporter: s.path.name for s in sorted(sources.values(), key=lambda s: s.reporter)},
        "quotes": [{"rule": c.rule, "cite": c.cite, "phrase": c.phrase, "found_on": list(c.found_on)}
                   for c in checks],
    }
