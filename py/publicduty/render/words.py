"""The words every renderer uses for the engine's values: holdings, stances, readings, whether a ground is met.

One place for them, so that the terminal, the graph, the report and the explorer say a
holding, a stance or a reading the same way; a renderer arranges these words, it does not
coin its own.
"""

from __future__ import annotations

from publicduty.model.answer import Certainty, Holding, Met, Reading, Stance
from publicduty.model.case import NOT_ALLEGED, Basis

#: A holding as a table cell or a heading says it. (Each table is keyed by the engine's values; an
#: enum member is its string, so a typed value and a decoded one find the same word.)
_HOLDINGS: dict[str, str] = {Holding.DUTY: "duty", Holding.NO_DUTY: "no duty", Holding.OPEN: "open"}

#: The note on a view that neither recognises nor rejects a ground.
SILENT = "not in the sources"

#: A view's stance on a ground, as a cell of the grounds-by-views table ('-': silent).
STANCE_CELLS: dict[str, str] = {Stance.RECOGNISED: "recognises", Stance.QUALIFIED: "qualified",
                                Stance.REJECTED: "rejects", Stance.SILENT: "-"}

#: A view's stance on a ground, as the predicate of a sentence whose subject is the view.
STANCE_CLAUSES: dict[str, str] = {Stance.RECOGNISED: "recognises it", Stance.REJECTED: "rejects it",
                                  Stance.SILENT: f"is silent on it ({SILENT})"}

#: A ground's stance as the verb that leads to the rules deciding it ("recognised by <rule>").
STANCE_VERBS: dict[str, str] = {Stance.RECOGNISED: "recognised by", Stance.REJECTED: "rejected by"}

#: The readings of the unknown facts a statement holds in.
READINGS: dict[str, str] = {Reading.EVERY: "in every reading of the unknown facts",
                            Reading.SOME: "in some reading of the unknown facts"}

#: Whether a ground is met, and a fact's value where it is not simply true, false or unknown.
MET_WORDS: dict[str, str] = {Met.MET: "met", Met.POSSIBLY_MET: "met in some readings of the unknown facts",
                             Met.NOT_MET: "not met"}
VALUE_WORDS: dict[str, str] = {NOT_ALLEGED: "not alleged"}

#: What a merely possible ground adds after its name: in a sentence, and in a list of grounds.
POSSIBLE_GROUND = " (if the unknown facts go the claimant's way)"
POSSIBLE_MARK = " (possible)"

#: The note on a documented holding (or a rule's reading) that is inferred, not read in the opinion.
RECONSTRUCTED = "reconstructed, not read"


def holding_word(holding: str | None) -> str:
    """How a holding reads in a table: 'duty', 'no duty', 'open' or '-' when none."""
    return _HOLDINGS.get(holding or "", "-")


def possible(certainty: str, mark: str = POSSIBLE_MARK) -> str:
    """What a ground of this certainty adds after its name: nothing when it is certain."""
    return "" if certainty == Certainty.CERTAIN else mark


def reconstructed(basis: Basis | None) -> bool:
    """Whether a documented holding of this basis is inferred from the opinion's test, not read."""
    return basis is Basis.RECONSTRUCTED
