"""A decided case as the project models it: its claims, facts with sources, and holdings.

A case records what a court or judge actually held (documented holdings) beside the
facts the views reason from. The two are never mixed: the engine derives holdings
from facts only, and reports the documented ones next to them. Reading and checking
a case file is :mod:`publicduty.load.casefile`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum
from pathlib import Path

from publicduty.errors import InputError, did_you_mean
from publicduty.model.answer import Holding


class Truth(Enum):
    """What a case file says of one fact."""

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"


#: How an explanation reads a fact the case file does not list for a claimant: it is taken as false.
NOT_ALLEGED = "not_alleged"


class Basis(StrEnum):
    """How a documented holding is known (string-valued, so JSON writes it as the case file does)."""

    STATED = "stated"  # the opinion says it
    RECONSTRUCTED = "reconstructed"  # inferred from the opinion's test; not read


HOLDINGS: tuple[str, ...] = (Holding.DUTY.value, Holding.NO_DUTY.value)

#: A judge's or an opinion's answer to a question the court decided.
SIDES = ("claimant", "defendant")

#: How a modelled opinion treats a precedent it discusses.
TREATMENTS = ("relied_on", "distinguished", "criticised", "cited")


@dataclass(frozen=True)
class Fact:
    """One fact of one claim, with where it comes from."""

    name: str
    value: Truth
    source: str
    note: str
    line: int


@dataclass(frozen=True)
class Claimant:
    """A party whose claim the views decide."""

    id: str
    name: str
    facts: dict[str, Fact]
    line: int

    def value(self, fact: str) -> Truth:
        """The stated value of ``fact``; facts not listed are not alleged."""
        stated = self.facts.get(fact)
        return stated.value if stated else Truth.FALSE


@dataclass(frozen=True)
class Documented:
    """What an opinion actually held (or, if reconstructed, would hold) for a claimant."""

    opinion: str
    claimant: str
    holding: Holding  # duty or no_duty: a court's holding is never open
    source: str
    basis: Basis
    note: str


@dataclass(frozen=True)
class Opinion:
    """An opinion in the case: modelled by a view, or recorded by its outcomes only."""

    id: str
    label: str
    view: str | None
    reasoning: str
    holdings: dict[str, Documented]
    answers: dict[str, str]  # question id -> the side the opinion decides it for (non-duty questions)
    line: int


@dataclass(frozen=True)
class Question:
    """A question the court decided separately (a part of the opinion).

    The duty question is answered by the views; the others are recorded from the opinions.
    A question that decides liability must go the claimant's way for the claimant to win.
    """

    id: str
    label: str
    source: str
    duty: bool
    decides_liability: bool


#: Without a ``questions`` list, a case decides one question: the duty.
DUTY_ONLY = (Question("duty", "Did the defendants owe the claimant a duty?", "", True, True),)


@dataclass(frozen=True)
class Citation:
    """How one opinion treats this case: relied on for its holding, distinguished, criticised, or cited."""

    view: str
    treatment: str
    source: str
    note: str
    line: int


@dataclass(frozen=True)
class Seat:
    """One judge on the bench and the opinion they joined, per question where the court split by part."""

    judge: str
    joined: dict[str, str]  # question id -> opinion id; the question "duty" is decided by the views
    line: int


@dataclass(frozen=True)
class Defendant:
    """A defendant; the public duty rule concerns public ones."""

    id: str
    name: str
    public: bool


@dataclass(frozen=True)
class Case:
    """A decided case as the project models it."""

    id: str
    title: str
    citation: str
    court: str
    decided: str
    posture: str
    defendants: tuple[Defendant, ...]
    claimants: tuple[Claimant, ...]
    opinions: tuple[Opinion, ...]
    cited_by: tuple[Citation, ...]
    questions: tuple[Question, ...]
    bench: tuple[Seat, ...]
    path: Path

    def claimant(self, claimant_id: str) -> Claimant:
        """Return the claimant with ``claimant_id`` or raise a helpful error."""
        for claimant in self.claimants:
            if claimant.id == claimant_id:
                return claimant
        raise InputError.at(
            self.path, None, f"case '{self.id}' has no claimant '{claimant_id}'",
            did_you_mean(claimant_id, [c.id for c in self.claimants]),
        )

    def documented(self, view: str, claimant: str) -> Documented | None:
        """The documented holding of the opinion modelled by ``view`` for ``claimant``."""
        for opinion in self.opinions:
            if opinion.view == view and claimant in opinion.holdings:
                return opinion.holdings[claimant]
        return None
