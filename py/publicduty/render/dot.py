"""An explanation as a Graphviz graph: the holding, the grounds, their rules and facts.

Render it with ``dot -Tsvg``. The holding points to each ground it rests on (or that
fails, or that the view rejects or passes over), each ground to the rules that decide
it and to the facts it reads; a fact two grounds read is one node. Facts the claimant
has are drawn solid, facts that are false or not alleged dashed, unknown ones dotted.
"""

from __future__ import annotations

from collections.abc import Iterable

from publicduty.analyses.explanation import Explanation, FactNode, GroundNode, RuleNode
from publicduty.render.text.outline import rule_name
from publicduty.render.words import MET_WORDS, STANCE_VERBS, VALUE_WORDS, holding_word
from publicduty.render.wrapping import wrap

#: Labels are wrapped to this many characters a line, so nodes stay narrow.
LABEL_WIDTH = 44

_SECTIONS = (("rests_on", "rests on"), ("unmet", "not met"), ("rejected", "met, rejected"),
             ("silent", "met, not in the sources"))


def quoted(text: str) -> str:
    """``text`` as a DOT double-quoted string, its lines wrapped and centred."""
    lines = [w for line in text.splitlines() for w in wrap(line, LABEL_WIDTH) or [""]]
    escaped = (line.replace("\\", "\\\\").replace('"', '\\"') for line in lines)
    return '"' + "\\n".join(escaped) + '"'


def explanation(e: Explanation) -> str:
    """The explanation as a DOT ``digraph``."""
    graph = _Graph()
    graph.node("holding", f"{e.claimant_name}\n{e.view}: {holding_word(e.holding)}", "shape=doubleoctagon")
    for fact in e.turns_on:
        graph.edge("holding", graph.fact(fact), "turns on")
    for rule in e.default:
        graph.edge("holding", graph.rule(rule, e.view), "default")
    for attribute, label in _SECTIONS:
        grounds: tuple[GroundNode, ...] = getattr(e, attribute)
        for ground in grounds:
            graph.edge("holding", graph.ground(ground, e.view), label)
    title = f"{e.title}, {e.citation}: {e.view}"
    return "\n".join([
        "digraph explanation {",
        f"  graph [rankdir=LR, fontname=Helvetica, labelloc=t, label={quoted(title)}];",
        "  node [shape=box, style=rounded, fontname=Helvetica, fontsize=10];",
        "  edge [fontname=Helvetica, fontsize=9];",
        *graph.lines,
        "}",
    ]) + "\n"


class _Graph:
    """Nodes and edges in the order first met; each node is declared once."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._declared: set[str] = set()

    def node(self, node_id: str, label: str, attributes: str = "") -> str:
        if node_id not in self._declared:
            self._declared.add(node_id)
            extra = f", {attributes}" if attributes else ""
            self.lines.append(f"  {quoted(node_id)} [label={quoted(label)}{extra}];")
        return node_id

    def edge(self, tail: str, head: str, label: str, attributes: Iterable[str] = ()) -> None:
        extra = "".join(f", {a}" for a in attributes)
        self.lines.append(f"  {quoted(tail)} -> {quoted(head)} [label={quoted(label)}{extra}];")

    def ground(self, ground: GroundNode, view: str) -> str:
        node = self.node(f"ground:{ground.name}", f"{ground.label}\n({ground.name})\n{MET_WORDS[ground.met]}",
                         "shape=ellipse")
        verb = STANCE_VERBS.get(ground.stance, "")
        for rule in ground.rules:
            self.edge(node, self.rule(rule, view), verb)
        for fact in ground.facts:
            self.edge(node, self.fact(fact), "reads", () if fact.holds else ["style=dashed"])
        return node

    def rule(self, rule: RuleNode, view: str) -> str:
        cites = "; ".join(rule.cites) or "no source given"
        note = "\nreconstructed, not read" if rule.reconstructed else ""
        return self.node(f"rule:{rule.id}", f"{rule_name(rule, view)}\n{cites}\n{rule.says}{note}", "shape=note")

    def fact(self, fact: FactNode) -> str:
        source = f"\n{fact.source}" if fact.source else ""
        style = "rounded" if fact.holds else "rounded,dotted" if fact.left_open else "rounded,dashed"
        return self.node(f"fact:{fact.name}", f"{fact.name}: {VALUE_WORDS.get(fact.value, fact.value)}{source}",
                         f"style=\"{style}\"")
