"""Why a view holds as it does for one claim: the derivation as a tree of plain data.

The tree is read, never reasoned: the holding, the grounds a duty rests on, the grounds
each view recognises or rejects and the grounds a claim meets all come from the solver
(:class:`publicduty.model.answer.Answer`); the words (a fact's meaning, a ground's label, a
rule's plain-English statement, cite, quotes and reconstruction note) from the logic
(:class:`publicduty.model.catalogue.Catalogue`); each fact's value, source and note from the
case file. The tree is built once and rendered as an outline, as JSON and as a
Graphviz graph by :mod:`publicduty.render.text`, :mod:`publicduty.render.json` and
:mod:`publicduty.render.dot`.
"""

from __future__ import annotations

from dataclasses import dataclass

from publicduty.analyses.partings import decision
from publicduty.model.answer import (
    EVERY,
    MET,
    NOT_MET,
    POSSIBLE,
    POSSIBLY_MET,
    SOME,
    Answer,
    ClaimKey,
    Holding,
    Met,
    Stance,
)
from publicduty.model.case import NOT_ALLEGED, Basis, Case, Claimant, Truth
from publicduty.model.catalogue import Catalogue, Quote


@dataclass(frozen=True)
class FactNode:
    """One element of a ground, as the case file states it for the claimant."""

    name: str
    meaning: str
    value: str  # true | false | unknown | not_alleged
    source: str  # '' when not alleged
    note: str

    @property
    def holds(self) -> bool:
        """The fact is true for the claimant."""
        return self.value == Truth.TRUE.value

    @property
    def left_open(self) -> bool:
        """The sources leave the fact unknown for the claimant."""
        return self.value == Truth.UNKNOWN.value


@dataclass(frozen=True)
class RuleNode:
    """A rule of a view, with its authority and its words."""

    id: str
    stated_in: str  # the rule set that states it: the view itself, or one the view adopts
    says: str
    cites: tuple[str, ...]
    quotes: tuple[Quote, ...]
    reconstructed: str  # '' when the sources state the rule
    conditions: str  # its own conditions ('when a; unless b'), '' when its ground's elements are all it needs
    prevails: tuple[str, ...]  # the rules it defeats where both hold
    annotation: str  # why the rule can change no answer; '' when it can


@dataclass(frozen=True)
class GroundNode:
    """A ground, what the view makes of it, whether the claim meets it, and the facts it reads."""

    name: str
    label: str
    stance: Stance  # recognised, rejected or silent, for this claim
    met: Met
    rules: tuple[RuleNode, ...]  # the rules deciding it for this claim (see Nodes.ground); none when silent
    facts: tuple[FactNode, ...]  # its elements, then the facts its rules need besides (their 'when')

    @property
    def missing(self) -> tuple[FactNode, ...]:
        """The elements the claimant has not got: false, not alleged or unknown."""
        return tuple(f for f in self.facts if not f.holds)


@dataclass(frozen=True)
class DocumentedNode:
    """What the opinion the view models actually held for the claimant, with its source."""

    holding: Holding
    source: str
    reconstructed: bool
    note: str


@dataclass(frozen=True)
class Explanation:
    """One view's holding for one claim and the whole of why."""

    case: str
    title: str
    citation: str
    claimant: str
    claimant_name: str
    view: str
    view_label: str
    view_citation: str
    holding: Holding
    documented: DocumentedNode | None
    rests_on: tuple[GroundNode, ...]  # duty and open: the grounds a duty rests on, in every or some reading
    turns_on: tuple[FactNode, ...]  # open: the unknown facts of those grounds
    default: tuple[RuleNode, ...]  # no duty and open: the default rule, where it holds for the claim
    unmet: tuple[GroundNode, ...]  # no duty: the grounds the view recognises whose rules the claim does not meet
    rejected: tuple[GroundNode, ...]  # grounds the claim meets (in some reading) on which the view's rules deny a duty
    silent: tuple[GroundNode, ...]  # grounds the claim meets on which the view says nothing


def explain(catalogue: Catalogue, answer: Answer, case: Case, claimant_id: str, view: str) -> Explanation:
    """The explanation of ``view``'s holding for ``claimant_id`` in ``case``, read from ``answer``."""
    claimant = case.claimant(claimant_id)
    key = ClaimKey(case.id, claimant.id)
    reader = Nodes(catalogue, answer, claimant, key)
    holding = answer.holding(view, key)
    met = sorted(answer.met.get((SOME, key), frozenset()))
    rests_on = tuple(reader.ground(view, g) for g in sorted(answer.rests_on.get((view, key), {})))
    stance = {g: decision(answer, view, key, g)[0] for g in catalogue.grounds}  # a node only for those shown
    held = answer.holds.get((view, key), frozenset())
    view_info = catalogue.views[view]
    return Explanation(
        case=case.id,
        title=case.title,
        citation=case.citation,
        claimant=claimant.id,
        claimant_name=claimant.name,
        view=view,
        view_label=view_info.label,
        view_citation=view_info.citation,
        holding=holding,
        documented=_documented(case, view, claimant.id),
        rests_on=rests_on,
        turns_on=tuple(reader.fact(f) for f in turning_facts(catalogue, answer, view, key, reader.unknown))
        if holding == "open" else (),
        default=tuple(reader.rule(r) for r in answer.defaults.get(view, ()) if r in held) if holding != "duty" else (),
        unmet=tuple(reader.ground(view, g) for g in sorted(stance) if stance[g] == "recognised")
        if holding == "no_duty" else (),
        rejected=tuple(reader.ground(view, g) for g in met if stance[g] == "rejected"),
        silent=tuple(reader.ground(view, g) for g in met if stance[g] == "silent"),
    )


def turning_facts(catalogue: Catalogue, answer: Answer, view: str, key: ClaimKey,
                  unknown: set[str]) -> list[str]:
    """The unknown facts an open holding turns on, by name.

    They are the unknown facts read by the rules that decide the claim in some reading but
    not in all: the rules that may give the duty, and the rules that may defeat them.
    """
    blocked = answer.blocked.get((view, key), frozenset())
    possible = [g for g, how in answer.rests_on.get((view, key), {}).items() if how == POSSIBLE]
    rules = {r for g in possible for r in answer.support[(view, key, g)]}
    rules |= {by for (_, by) in blocked} | {r for (r, _) in blocked}
    read: set[str] = set()
    for rule_id in rules:
        rule = catalogue.rules[rule_id]
        read |= set(catalogue.grounds[rule.target].elements) if rule.target in catalogue.grounds else set()
        read |= set(rule.when) | set(rule.unless)
    return sorted(read & unknown)


class Nodes:
    """Builds the nodes of one claim's tree from the answer, the catalogue and the case file."""

    def __init__(self, catalogue: Catalogue, answer: Answer, claimant: Claimant, key: ClaimKey) -> None:
        """Read from these."""
        self.catalogue = catalogue
        self.answer = answer
        self.claimant = claimant
        self.key = key

    def fact(self, name: str) -> FactNode:
        """The fact ``name`` as the case file states it for the claimant."""
        stated = self.claimant.facts.get(name)
        meaning = self.catalogue.inputs[name].meaning
        if stated is None:
            return FactNode(name, meaning, NOT_ALLEGED, "", "")
        return FactNode(name, meaning, stated.value.value, stated.source, stated.note)

    def rule(self, rule_id: str) -> RuleNode:
        """The rule ``rule_id`` with its words and authority."""
        rule = self.catalogue.rules[rule_id]
        return RuleNode(rule.id, rule.rule_set, rule.says, rule.cites, rule.quotes, rule.reconstructed,
                        rule.conditions, rule.prevails, rule.annotation)

    @property
    def unknown(self) -> set[str]:
        """The claim's facts the sources leave open."""
        return {name for name, fact in self.claimant.facts.items() if fact.value is Truth.UNKNOWN}

    def ground(self, view: str, name: str) -> GroundNode:
        """Ground ``name`` as ``view`` decides it for this claim, and as the claim meets it.

        See :func:`publicduty.analyses.partings.decision`.
        """
        ground = self.catalogue.grounds[name]
        kind, rules = decision(self.answer, view, self.key, name)
        needs = [f for r in rules for f in self.catalogue.rules[r].when if f not in ground.elements]
        return GroundNode(name, ground.label, kind, self.met(name), tuple(self.rule(r) for r in rules),
                          tuple(self.fact(f) for f in (*ground.elements, *dict.fromkeys(needs))))

    def met(self, ground: str) -> Met:
        """Whether the claim meets ``ground`` in every reading of the unknown facts, in some, or in none."""
        for reading, word in ((EVERY, MET), (SOME, POSSIBLY_MET)):
            if ground in self.answer.met.get((reading, self.key), frozenset()):
                return word
        return NOT_MET


def _documented(case: Case, view: str, claimant: str) -> DocumentedNode | None:
    documented = case.documented(view, claimant)
    if documented is None:
        return None
    return DocumentedNode(documented.holding, documented.source, documented.basis is Basis.RECONSTRUCTED,
                          documented.note)
