"""The indented outline a law student can follow, wrapped for a terminal: grounds, rules, facts.

Every step names its rule with the rule's cite, plain-English statement, quoted phrases
and any reconstruction note, and every fact its value and the case file's source. The
words are the logic's and the case file's; this module only arranges them. An explanation
(:mod:`.explanation`) and a comparison of two views (:mod:`.difference`) are written in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from publicduty.render.terminal import PROSE, wrapped
from publicduty.render.words import MET_WORDS, STANCE_VERBS, VALUE_WORDS

if TYPE_CHECKING:
    from publicduty.analyses.explanation import FactNode, GroundNode, RuleNode

_STEP = "  "


class Outline:
    """Lines at depths, each wrapped with its continuation indented under it."""

    def __init__(self) -> None:
        """Start empty."""
        self.lines: list[str] = []

    def add(self, depth: int, text: str, hang: int = 0) -> None:
        """Add ``text`` at ``depth``; its wrapped continuation lines hang ``hang`` further in."""
        indent = _STEP * depth
        self.lines.extend(wrapped(text, indent, indent + " " * hang, default=PROSE))

    def blank(self) -> None:
        """Separate two parts."""
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def text(self) -> str:
        """The outline as text ending in one newline."""
        return "\n".join(self.lines).rstrip("\n") + "\n"


def write_ground(out: Outline, depth: int, ground: GroundNode, view: str) -> None:
    """A ground, whether it is met, the view's rules on it, and the facts it reads, had and lacking."""
    out.add(depth, f"- {ground.label} ({ground.name}): {MET_WORDS[ground.met]}", hang=2)
    verb = STANCE_VERBS[ground.stance] + " " if ground.stance in STANCE_VERBS else ""
    for rule in ground.rules:
        write_rule(out, depth + 1, verb, rule, view)
    write_elements(out, depth + 1, ground.facts)


def write_elements(out: Outline, depth: int, facts: tuple[FactNode, ...], held: bool = True) -> None:
    """A ground's facts under three headings: those the claimant has (unless not ``held``), lacks, and unknown."""
    has = [f for f in facts if f.holds]
    parts = (("its elements, all true:" if len(has) == len(facts) else "has:", has),
             ("lacks:", [f for f in facts if not f.holds and not f.left_open]),
             ("left open by the sources:", [f for f in facts if f.left_open]))
    for heading, shown in parts[0 if held else 1:]:
        if shown:
            out.add(depth, heading)
        for fact in shown:
            write_fact(out, depth + 1, fact)


def rule_name(rule: RuleNode, view: str) -> str:
    """A rule's id, and the rule set it comes from when the view adopts it."""
    return rule.id + (f" (adopted from {rule.stated_in})" if rule.stated_in != view else "")


def write_rule(out: Outline, depth: int, verb: str, rule: RuleNode, view: str) -> None:
    """A rule: its id, source, plain-English statement, quoted phrases and any reconstruction note."""
    out.add(depth, verb + rule_name(rule, view), hang=4)
    out.add(depth + 2, f"Source: {'; '.join(rule.cites) or 'no source given'}", hang=2)
    out.add(depth + 2, rule.says)
    for quote in rule.quotes:
        out.add(depth + 2, f"\"{quote.text}\" ({quote.cite})", hang=1)
    if rule.conditions:
        out.add(depth + 2, f"Applies only {rule.conditions}", hang=2)
    if rule.prevails:
        out.add(depth + 2, f"Prevails over: {', '.join(rule.prevails)}", hang=2)
    if rule.reconstructed:
        out.add(depth + 2, f"Our reading, not the opinion's words: {rule.reconstructed}", hang=2)
    if rule.annotation:
        out.add(depth + 2, f"Changes no answer: {rule.annotation}", hang=2)


def fact_line(fact: FactNode) -> str:
    """A fact's name, value and the case file's source for it."""
    return f"{fact.name}: {VALUE_WORDS.get(fact.value, fact.value)}" + (f" [{fact.source}]" if fact.source else "")


def write_fact(out: Outline, depth: int, fact: FactNode) -> None:
    """A fact, its source, what it means when the claimant lacks it, and the case file's note."""
    out.add(depth, f"- {fact_line(fact)}", hang=2)
    if not fact.holds:
        out.add(depth + 1, fact.meaning)
    if fact.note:
        out.add(depth + 1, f"Case file: {fact.note}", hang=2)
