"""Read one case file (YAML) into a :class:`publicduty.model.case.Case`, checking it field by field.

Every check names the file, the line, what is wrong and how to fix it; a misspelt key
or fact name gets the closest valid one. Facts are checked against the vocabulary the
logic declares, so a case file can only state facts some ground may read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from publicduty.errors import did_you_mean
from publicduty.load import caseformat, yamltree
from publicduty.load.derive import INSTEAD
from publicduty.load.reader import Reader
from publicduty.load.yamltree import Mapping
from publicduty.model.answer import Holding
from publicduty.model.case import (
    DUTY_ONLY,
    HOLDINGS,
    SIDES,
    TREATMENTS,
    Basis,
    Case,
    Citation,
    Claimant,
    Defendant,
    Documented,
    Fact,
    Opinion,
    Question,
    Seat,
    Truth,
)

T = TypeVar("T")


def load(path: Path, facts: set[str]) -> Case:
    """Read and check the case file at ``path`` against the vocabulary ``facts``."""
    reader = Reader(path)
    root = yamltree.read(path)
    reader.record(root, caseformat.CASE)
    entries = root.entries
    claimants: tuple[Claimant, ...] = _section(reader, lambda: _claimants(reader, entries["claimants"], facts), ())
    claimant_ids = {c.id for c in claimants} | _ids(entries["claimants"])
    questions: tuple[Question, ...] = _section(reader, lambda: _questions(reader, entries.get("questions")), DUTY_ONLY)
    question_ids = {q.id for q in questions} | _ids(entries.get("questions"))
    opinions: tuple[Opinion, ...] = _section(
        reader, lambda: _opinions(reader, entries.get("opinions"), claimant_ids, question_ids), ())

    opinion_ids = {o.id for o in opinions} | _ids(entries.get("opinions"))

    def text(key: str) -> str:
        return _section(reader, lambda: reader.text(entries[key], key), "")

    texts = {key: text(key) for key in ("title", "citation", "court", "decided", "posture")}
    case = Case(
        id=_section(reader, lambda: reader.ident(entries["id"], "case id"), ""),
        title=texts["title"],
        citation=texts["citation"],
        court=texts["court"],
        decided=texts["decided"],
        posture=texts["posture"],
        defendants=_section(reader, lambda: _defendants(reader, entries.get("defendants")), ()),
        claimants=claimants,
        opinions=opinions,
        cited_by=_section(reader, lambda: _cited_by(reader, entries.get("cited_by")), ()),
        questions=questions,
        bench=_section(reader, lambda: _bench(reader, entries.get("bench"), opinion_ids, question_ids), ()),
        path=path,
    )
    reader.done()  # every problem of the file, not only the first
    return case


def _ids(value: yamltree.Value | None) -> set[str]:
    """The ids a list of entries declares, read leniently.

    An entry with other problems still declares its id, so that one mistake is reported
    once, and not again wherever the id is used.
    """
    if not isinstance(value, yamltree.Sequence):
        return set()
    found = (item.entries.get("id") for item in value.items if isinstance(item, Mapping))
    return {ident.text for ident in found if isinstance(ident, yamltree.Scalar)}


def _section(reader: Reader, read: Callable[[], T], default: T) -> T:
    """One part of the case file, read; if it has problems, they are kept and ``default`` stands in."""
    found = reader.each([read], lambda part: part())
    return found[0] if found else default


def _unique(reader: Reader, ids: list[tuple[str, int]], what: str) -> None:
    seen: dict[str, int] = {}
    for ident, line in ids:
        if ident in seen:
            raise reader.fail(line, f"{what} '{ident}' is declared twice (first at line {seen[ident]})",
                              "give each a distinct id")
        seen[ident] = line


def _defendants(reader: Reader, value: yamltree.Value | None) -> tuple[Defendant, ...]:
    out = []
    for entry in reader.records(value, caseformat.DEFENDANT, "defendants"):
        out.append(Defendant(
            id=reader.ident(entry.entries["id"], "defendant id"),
            name=reader.text(entry.entries["name"], "defendant name"),
            public=reader.flag(entry, caseformat.DEFENDANT, "public"),
        ))
    _unique(reader, [(d.id, 0) for d in out], "defendant")
    return tuple(out)


def _claimants(reader: Reader, value: yamltree.Value, facts: set[str]) -> tuple[Claimant, ...]:
    items = reader.sequence(value, "claimants")
    if not items:
        raise reader.fail(value.line, "a case needs at least one claimant", "add one with its id, name and facts")

    def claimant(item: yamltree.Value) -> Claimant:
        entry = reader.record(item, caseformat.CLAIMANT)
        reader.optional_text(entry, "note", "claimant")  # for a reader of the file only: checked, not kept
        return Claimant(
            id=reader.ident(entry.entries["id"], "claimant id"),
            name=reader.text(entry.entries["name"], "claimant name"),
            facts=_facts(reader, reader.mapping(entry.entries["facts"], "facts"), facts),
            line=entry.line,
        )

    out = reader.each(items, claimant)
    _unique(reader, [(c.id, c.line) for c in out], "claimant")
    return tuple(out)


def _facts(reader: Reader, mapping: Mapping, vocabulary: set[str]) -> dict[str, Fact]:
    def fact(name: str) -> Fact:
        line = mapping.key_lines[name]
        if name in INSTEAD:
            raise reader.fail(line, f"fact '{name}' is not stated per claimant", INSTEAD[name])
        if name not in vocabulary:
            raise reader.fail(line, f"unknown fact '{name}'", did_you_mean(name, vocabulary))
        entry = reader.record(mapping.entries[name], caseformat.FACT, f"fact '{name}'")
        truth = reader.choice(entry.entries["value"], f"value of '{name}'", [t.value for t in Truth])
        return Fact(
            name=name,
            value=Truth(truth),
            source=reader.text(entry.entries["source"], f"source of '{name}'"),
            note=reader.optional_text(entry, "note", f"fact '{name}'"),
            line=line,
        )

    return {f.name: f for f in reader.each(mapping.entries, fact)}


def _opinions(reader: Reader, value: yamltree.Value | None, claimants: set[str],
              questions: set[str]) -> tuple[Opinion, ...]:
    out = []
    for entry in reader.records(value, caseformat.OPINION, "opinions"):
        opinion_id = reader.ident(entry.entries["id"], "opinion id")
        view = entry.entries.get("view")
        holdings_value = entry.entries.get("holdings")
        holdings = {} if holdings_value is None else _holdings(
            reader, reader.mapping(holdings_value, "holdings"), opinion_id, claimants)
        out.append(Opinion(
            id=opinion_id,
            label=reader.text(entry.entries["label"], "opinion label"),
            view=None if view is None else reader.ident(view, "view"),
            reasoning=reader.optional_text(entry, "reasoning", "opinion"),
            holdings=holdings,
            answers=_answers(reader, entry.entries.get("answers"), questions),
            line=entry.line,
        ))
    _unique(reader, [(o.id, o.line) for o in out], "opinion")
    return tuple(out)


def _holdings(reader: Reader, mapping: Mapping, opinion: str, claimants: set[str]) -> dict[str, Documented]:
    out = {}
    for claimant, value in mapping.entries.items():
        line = mapping.key_lines[claimant]
        if claimant not in claimants:
            raise reader.fail(line, f"holding for undeclared claimant '{claimant}'",
                              did_you_mean(claimant, claimants))
        entry = reader.record(value, caseformat.HOLDING, f"holding for '{claimant}'")
        basis = entry.entries.get("basis")
        out[claimant] = Documented(
            opinion=opinion,
            claimant=claimant,
            holding=Holding(reader.choice(entry.entries["holding"], "holding", HOLDINGS)),
            source=reader.text(entry.entries["source"], "source of the holding"),
            basis=Basis.STATED if basis is None else Basis(
                reader.choice(basis, "basis", [b.value for b in Basis])),
            note=reader.optional_text(entry, "note", "holding"),
        )
    return out


def _cited_by(reader: Reader, value: yamltree.Value | None) -> tuple[Citation, ...]:
    out = []
    for entry in reader.records(value, caseformat.CITATION, "cited_by"):
        out.append(Citation(
            view=reader.ident(entry.entries["view"], "citing view"),
            treatment=reader.choice(entry.entries["treatment"], "treatment", TREATMENTS),
            source=reader.text(entry.entries["source"], "source of the citation"),
            note=reader.optional_text(entry, "note", "citation"),
            line=entry.line,
        ))
    return tuple(out)


def _questions(reader: Reader, value: yamltree.Value | None) -> tuple[Question, ...]:
    if value is None:
        return DUTY_ONLY
    out = []
    for entry in reader.records(value, caseformat.QUESTION, "questions"):
        out.append(Question(
            id=reader.ident(entry.entries["id"], "question id"),
            label=reader.text(entry.entries["label"], "question label"),
            source=reader.text(entry.entries["source"], "source of the question"),
            duty=reader.flag(entry, caseformat.QUESTION, "duty"),
            decides_liability=reader.flag(entry, caseformat.QUESTION, "decides_liability"),
        ))
    _unique(reader, [(q.id, 0) for q in out], "question")
    if sum(q.duty for q in out) != 1:
        raise reader.fail(value.line, "exactly one question must be the duty question",
                          "mark the part the views decide with 'duty: true'")
    return tuple(out)


def _answers(reader: Reader, value: yamltree.Value | None, questions: set[str]) -> dict[str, str]:
    if value is None:
        return {}
    mapping = reader.mapping(value, "answers")
    out = {}
    for question, side in mapping.entries.items():
        if question not in questions:
            raise reader.fail(mapping.key_lines[question], f"answer to undeclared question '{question}'",
                              did_you_mean(question, questions))
        out[question] = reader.choice(side, "answer", SIDES)
    return out


def _bench(reader: Reader, value: yamltree.Value | None, opinions: set[str],
           questions: set[str]) -> tuple[Seat, ...]:
    out = []
    for entry in reader.records(value, caseformat.SEAT, "bench"):
        joined_value = entry.entries["joined"]
        if isinstance(joined_value, Mapping):
            joined = {question: reader.ident(v, "joined opinion") for question, v in joined_value.entries.items()}
        else:
            joined = {question: reader.ident(joined_value, "joined opinion") for question in sorted(questions)}
        for question in joined:
            if question not in questions:
                raise reader.fail(entry.line, f"the bench names undeclared question '{question}'",
                                  did_you_mean(question, questions))
        for opinion in joined.values():
            if opinion not in opinions:
                raise reader.fail(entry.line, f"the bench names undeclared opinion '{opinion}'",
                                  did_you_mean(opinion, opinions))
        out.append(Seat(reader.text(entry.entries["judge"], "judge"), joined, entry.line))
    _unique(reader, [(s.judge, s.line) for s in out], "judge")
    return tuple(out)
