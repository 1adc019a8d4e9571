"""The case-file format, declared once: every record, its keys, and what each key holds.

The reader (:mod:`publicduty.load.casefile`) takes each record's required and optional
keys from here, and :mod:`publicduty.load.caseschema` turns the same declarations into the
JSON Schema an editor uses to complete key and fact names and to flag a misspelling as it
is typed; so the two cannot disagree on which keys a case file may have, on the words a
choice allows, or on the views a case may name. What no schema can say (that a holding
names a declared claimant, that exactly one question is the duty question) only the
reader checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from publicduty.model.case import HOLDINGS, SIDES, TREATMENTS, Basis, Truth


@dataclass(frozen=True)
class Text:
    """Non-empty text (a scalar: YAML's numbers and booleans are read as their text)."""

    doc: str


@dataclass(frozen=True)
class Ident:
    """An id: lower-case letters, digits, '-' and '_', starting with a letter."""

    doc: str


@dataclass(frozen=True)
class ViewId:
    """The id of a view the logic declares (the loaded views: the built-in ones and one's own)."""

    doc: str


@dataclass(frozen=True)
class Flag:
    """``true`` or ``false``, quoted or not."""

    doc: str
    default: bool


@dataclass(frozen=True)
class Choice:
    """One of a few words, quoted or not."""

    doc: str
    options: tuple[str, ...]


class Keys(Enum):
    """What the keys of a keyed mapping are."""

    FACT = "a fact name of the vocabulary"
    ID = "an id declared elsewhere in the file"


@dataclass(frozen=True)
class Items:
    """A list of records, with the fewest it may have."""

    doc: str
    record: Record
    at_least: int = 0


@dataclass(frozen=True)
class Keyed:
    """A mapping from names (facts, claimant or question ids) to values of one kind."""

    doc: str
    keys: Keys
    value: Record | Choice | Ident


@dataclass(frozen=True)
class Either:
    """A value of one of several kinds (a seat on the bench joins one opinion, or one per question)."""

    doc: str
    kinds: tuple[Ident | Keyed, ...]


Field = Text | Ident | ViewId | Flag | Choice | Items | Keyed | Either


@dataclass(frozen=True)
class Record:
    """A mapping with fixed keys: those it must have and those it may have."""

    name: str  # its name in the JSON Schema's definitions
    where: str  # how an error names it: "a claimant"
    doc: str
    required: dict[str, Field]
    optional: dict[str, Field] = field(default_factory=dict)

    @property
    def fields(self) -> dict[str, Field]:
        """Every key it may have, the required first."""
        return {**self.required, **self.optional}


def _note(what: str) -> Text:
    return Text(f"A remark on the {what}, for a reader: where the sources are thin, say what they are.")


def _source(what: str) -> Text:
    return Text(f"Where the {what} is found: a reporter page ('444 A.2d at 4') or what the source is.")


FACT = Record("fact", "a fact", "One fact of a claim, as the sources state it.", {
    "value": Choice("true or false as the sources state it; unknown where they leave it open",
                    tuple(t.value for t in Truth)),
    "source": _source("fact"),
}, {"note": _note("fact")})

CLAIMANT = Record("claimant", "a claimant", "A person whose claim the court decided.", {
    "id": Ident("The claimant's id, as the command line names the claim."),
    "name": Text("The claimant's name, as the opinion gives it."),
    "facts": Keyed("The facts of the claim by name; a fact not listed is not alleged.", Keys.FACT, FACT),
}, {"note": _note("claimant")})

DEFENDANT = Record("defendant", "a defendant", "A defendant; the public duty rule concerns public ones.", {
    "id": Ident("The defendant's id."),
    "name": Text("The defendant's name."),
}, {"public": Flag("Whether the defendant is a public body or officer (the public duty rule applies).", True)})

HOLDING = Record("holding", "a holding", "What an opinion held on one claimant's claim.", {
    "holding": Choice("The documented holding on the duty question.", HOLDINGS),
    "source": _source("holding"),
}, {
    "basis": Choice("stated: the opinion says it; reconstructed: read from its reasoning, not its words.",
                    tuple(b.value for b in Basis)),
    "note": _note("holding"),
})

OPINION = Record("opinion", "an opinion", "One opinion in the case: the court's, a concurrence or a dissent.", {
    "id": Ident("The opinion's id, as the bench names it."),
    "label": Text("How a reader names the opinion ('Kelly, J., concurring in part and dissenting in part')."),
}, {
    "view": ViewId("The view (in logic/law/views/, or one's own) that models this opinion's doctrine."),
    "reasoning": Text("The opinion's reasoning, in a sentence or two."),
    "holdings": Keyed("The opinion's holdings, by claimant id.", Keys.ID, HOLDING),
    "answers": Keyed("The opinion's answer to each question other than the duty question, by question id.",
                     Keys.ID, Choice("The side the opinion answers for.", SIDES)),
})

CITATION = Record("citation", "a citation", "A view's opinion citing this case, and how.", {
    "view": ViewId("The view whose opinion cites the case."),
    "treatment": Choice("How the opinion treats the case.", TREATMENTS),
    "source": _source("citation"),
}, {"note": _note("citation")})

QUESTION = Record("question", "a question", "A question the court decided; exactly one is the duty question.", {
    "id": Ident("The question's id."),
    "label": Text("The question, as a reader would put it."),
    "source": _source("question"),
}, {
    "duty": Flag("Whether this is the duty question, the one the views decide.", False),
    "decides_liability": Flag("Whether the claimant must win this question to win the case.", True),
})

SEAT = Record("seat", "a seat on the bench", "One judge and the opinion they joined.", {
    "judge": Text("The judge's name."),
    "joined": Either("The opinion joined: one opinion id, or one per question id.", (
        Ident("The opinion the judge joined on every question."),
        Keyed("The opinion the judge joined, by question id.", Keys.ID, Ident("An opinion id.")),
    )),
})

CASE = Record("case", "the case", "One decided case: parties, facts with sources, and documented holdings.", {
    "id": Ident("The case's id, as the command line names it."),
    "title": Text("The case's title."),
    "citation": Text("The reporter citation."),
    "court": Text("The deciding court."),
    "decided": Text("The date of the decision (YYYY-MM-DD, in quotes)."),
    "posture": Text("The procedural posture: what the court was asked and on what record."),
    "claimants": Items("The claimants; at least one.", CLAIMANT, at_least=1),
}, {
    "defendants": Items("The defendants.", DEFENDANT),
    "opinions": Items("The opinions of the case.", OPINION),
    "cited_by": Items("The modelled opinions that cite this case.", CITATION),
    "questions": Items("The questions decided (default: the duty question alone).", QUESTION),
    "bench": Items("The judges and the opinions they joined.", SEAT),
})

#: Every record, the case first.
RECORDS = (CASE, CLAIMANT, FACT, DEFENDANT, OPINION, HOLDING, CITATION, QUESTION, SEAT)
