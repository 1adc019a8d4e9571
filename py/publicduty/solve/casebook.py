"""The Python API: the logic and the cases loaded together, solved in one grounding.

    >>> import publicduty
    >>> book = publicduty.open_casebook()
    >>> for f in book.solve("warren", views=["warren-kelly"]):
    ...     print(f.claimant, f.holding, [g.ground for g in f.grounds])

The command line is a thin layer over this module.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from publicduty.errors import InputError, Problem, did_you_mean
from publicduty.load import caseset
from publicduty.load.derive import with_derived_facts
from publicduty.load.inputs import Inputs
from publicduty.model.answer import Answer, Certainty, ClaimKey, Holding
from publicduty.model.case import Case, Documented, Truth
from publicduty.model.catalogue import Catalogue, View
from publicduty.solve import watchdog
from publicduty.solve.engine import Engine

#: The most claims grounded together for the claims as stated (see Casebook._stated_engines).
#: A part of this size grounds in a quarter of a second; smaller parts cost a grounding of the
#: views each, larger ones more memory, since clingo keeps every atom a part names (measured at
#: 35,000 claims: 39 s and 0.87 GiB in parts of 500, 47 s and 1.0 GiB in parts of 2,000).
GROUNDED_AT_ONCE = 500

#: Within a year, views list the way a reader meets the opinions: trial, court, separate.
_KIND_ORDER = {"trial": 0, "majority": 1, "concurrence": 2, "partial_dissent": 3, "dissent": 4}


def load(inputs: Inputs, every_check: bool = False) -> tuple[Engine, dict[str, Case]]:
    """The one loading path, of every command and of ``publicduty check``: the logic checked, grounded once; the cases.

    The user's own views (and with ``every_check``, as ``publicduty check`` asks, every view
    and program) pass the text layers of :class:`publicduty.load.lint.Linted` before anything
    is grounded; the views are then grounded once, with the ``checks`` part when they are
    checked, and the structural checks read from that grounding. A view that contradicts
    itself is a problem too. A command stops at the logic's problems; ``every_check`` reads
    the case files against whatever catalogue could be grounded, so that one run reports
    every problem of every file. Raises :class:`InputError` with them all.
    """
    linted = None
    if every_check or inputs.own:
        from publicduty.load.lint import Linted  # here: the built-in views alone need none of its parsing

        watchdog.doing("checking the view files")
        linted = Linted(inputs.beneath_checks, inputs.views, inputs.programs, sealed=inputs.own)
    views = None
    if linted is None or linted.clean:
        watchdog.doing("loading the logic")
        try:
            if linted:  # the checks' part grounded with the views, to be read by linted.check below
                views = Engine([*inputs.beneath_checks, *inputs.views], parts=[("checks", [])])
            else:
                views = Engine(inputs.logic)
        except InputError:
            if linted is None:
                raise  # the built-in logic alone: its error is all there is to say
    problems: list[Problem] = []
    catalogue = views.catalogue if views else None
    if linted is not None:  # grounded or not, the checks name every file at fault
        watchdog.doing("checking the view files")
        catalogue, problems = linted.check((views.control, views.catalogue) if views else None)
    if views is not None and not problems:
        conflicts = views.solve().conflicts  # a view that contradicts itself answers nothing
        if conflicts:
            from publicduty.load.lint import conflicts as conflicting

            problems = conflicting(inputs.logic, conflicts)
    if catalogue is None or (problems and not every_check):
        raise InputError.sorted(problems)
    watchdog.doing("reading the case files")
    cases, case_problems = caseset.load(inputs.cases, catalogue.stated_inputs)
    case_problems += caseset.references(cases.values(), catalogue.views)
    if problems or case_problems:
        raise InputError.sorted(problems + case_problems) if every_check else InputError(case_problems)
    assert views is not None  # no problem at all, so the views grounded
    return views, cases


@dataclass(frozen=True)
class GroundFinding:
    """A ground a duty rests on, how surely, and the view's rules that accept it."""

    ground: str
    certainty: Certainty  # certain: in every reading of the unknown facts; possible: in some
    rules: tuple[str, ...]  # the rules giving the duty on it that hold (in some reading), undefeated


@dataclass(frozen=True)
class Finding:
    """A view's derived holding for one claim, beside the documented one."""

    case: str
    claimant: str
    view: str
    holding: Holding
    grounds: tuple[GroundFinding, ...]
    documented: Documented | None


class Casebook:
    """Logic files and case files, loaded and checked, with one engine over all claims."""

    def __init__(self, logic_dirs: Sequence[Path] = (), case_dirs: Sequence[Path] = (),
                 builtin_cases: bool = True, builtin_views: bool = True) -> None:
        """Load the built-in doctrine, views and cases, and the given folders.

        The doctrine (vocabulary, engine, baseline) is always loaded; the built-in views
        and cases can be left out, so that a user's own views or cases stand alone. Loading
        is :func:`load`'s, as ``publicduty check``'s is: every command refuses what it refuses.
        """
        inputs = Inputs.chosen(logic_dirs, case_dirs, builtin_cases=builtin_cases, builtin_views=builtin_views)
        self.logic_files = inputs.logic
        #: The views, grounded before any claim: the declarations are read from them, and the
        #: claims as stated are grounded into the same program (see _stated_engines).
        self._views, loaded = load(inputs)
        self.catalogue: Catalogue = self._views.catalogue
        #: The engines over a case base small enough to keep grounded (see _stated_engines), by suspendability.
        self._kept: dict[bool, Engine] = {}
        self.cases = {key: with_derived_facts(case, self.catalogue) for key, case in loaded.items()}

    @cached_property
    def claim_keys(self) -> tuple[ClaimKey, ...]:
        """Every claim of every loaded case, in case and claimant order."""
        return tuple(ClaimKey(c.id, k.id) for c in self.cases.values() for k in c.claimants)

    def _stated_engines(self, suspendable: bool) -> Iterator[Engine]:
        """Engines over the claims as their case files state them, each claim in exactly one.

        Claims are independent (a view speaks of one claim at a time), so a case base of more
        than GROUNDED_AT_ONCE claims is grounded a part at a time, each part let go once its
        answer is read: a run holds one part's grounding, however many claims there are. A
        smaller case base is grounded once and kept, to be solved again; as stated, into the
        program the declarations were read from.
        """
        keys = self.claim_keys
        if len(keys) <= GROUNDED_AT_ONCE:
            if suspendable not in self._kept:
                engine = self._engine(suspendable) if suspendable else self._views
                self._kept[suspendable] = engine.ground_claims({key: self.facts(key) for key in keys})
            yield self._kept[suspendable]
            return
        for start in range(0, len(keys), GROUNDED_AT_ONCE):
            yield self._engine(suspendable).ground_claims(
                {key: self.facts(key) for key in keys[start:start + GROUNDED_AT_ONCE]})

    @cached_property
    def _live(self) -> Engine:
        """The views with one live slot, where a what-if is solved: grounded on the first what-if."""
        return self._engine(suspendable=False).ground_claims(slots=1)

    def _engine(self, suspendable: bool) -> Engine:
        return Engine(self.logic_files, catalogue=self.catalogue, suspendable=suspendable)  # same declarations

    @property
    def views(self) -> dict[str, View]:
        """The modelled opinions, by id."""
        return self.catalogue.views

    def case(self, case_id: str) -> Case:
        """The case with ``case_id``, or an error suggesting the nearest id."""
        if case_id not in self.cases:
            raise InputError.at("<command line>", None, f"no case '{case_id}'",
                                did_you_mean(case_id, self.cases))
        return self.cases[case_id]

    def view_ids(self, requested: Iterable[str] | None = None) -> list[str]:
        """Check requested view ids (default: all views) and return them in order."""
        known = self.views
        if requested is None:
            return sorted(known, key=lambda v: (known[v].year, _KIND_ORDER.get(known[v].kind, 9), v))
        chosen = []
        for view in requested:
            if view not in known:
                raise InputError.at("<command line>", None, f"no view '{view}'", did_you_mean(view, known))
            chosen.append(view)
        return chosen

    def facts(self, key: ClaimKey) -> dict[str, Truth]:
        """The stated facts of a claim, by name."""
        claimant = self.case(key.case).claimant(key.claimant)
        return {name: fact.value for name, fact in claimant.facts.items()}

    @cached_property
    def _stated(self) -> Answer:
        return Answer.union([engine.solve() for engine in self._stated_engines(suspendable=False)])

    def answer(self) -> Answer:
        """Solve every claim under every view at once (self-contradictory views were refused on loading)."""
        return self._stated

    def ready(self) -> None:
        """Ground and read now all that answers and what-ifs need: no later question waits for it.

        A server calls this before it takes requests: afterwards the catalogue is plain data,
        read by requests that do not hold the engine's lock.
        """
        self.catalogue.complete()
        self.answer()
        _ = self._live

    def answer_with(self, key: ClaimKey, facts: Mapping[str, Truth]) -> Answer:
        """The answer with claim ``key`` given exactly ``facts`` (others not alleged), every other claim as stated.

        Nothing is grounded: the claim's facts fill the live slot, and its answer there
        replaces its stated one.
        """
        return self.answer().overridden_by(self._live.solve({key: facts}))

    def answer_without(self, rules: Collection[str]) -> Answer:
        """The answer with these rules set aside: what the views would hold if they were not the law."""
        answers = []
        for engine in self._stated_engines(suspendable=True):
            engine.suspend(rules)
            answers.append(engine.solve())
        return Answer.union(answers)

    def findings(self, answer: Answer, case_ids: Iterable[str], views: Iterable[str]) -> list[Finding]:
        """Read the findings for these cases and views out of a solved ``answer``."""
        out = []
        view_list = list(views)
        for case_id in case_ids:
            case = self.case(case_id)
            for claimant in case.claimants:
                key = ClaimKey(case.id, claimant.id)
                for view in view_list:
                    rests = answer.rests_on.get((view, key), {})
                    grounds = tuple(
                        GroundFinding(g, rests[g], answer.support[(view, key, g)]) for g in sorted(rests))
                    out.append(Finding(case.id, claimant.id, view, answer.holding(view, key),
                                       grounds, case.documented(view, claimant.id)))
        return out

    def solve(self, case_id: str, views: Iterable[str] | None = None) -> list[Finding]:
        """Every claimant of ``case_id`` under each view (default: all views)."""
        return self.findings(self.answer(), [self.case(case_id).id], self.view_ids(views))

