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

from publicduty.errors import InputError
from publicduty.load import caseset, lint
from publicduty.load.derive import with_derived_facts
from publicduty.load.schema import did_you_mean
from publicduty.model.answer import Answer, ClaimKey
from publicduty.model.case import Case, Documented, Truth
from publicduty.model.catalogue import Catalogue, View
from publicduty.solve import watchdog
from publicduty.solve.engine import Engine

#: The names of logic files and of case files (``.yml`` is read as ``.yaml`` is, never skipped).
LOGIC = (".lp",)
CASES = (".yaml", ".yml")

#: The most claims grounded together for the claims as stated (see Casebook._stated_engines).
#: A part of this size grounds in a quarter of a second; smaller parts cost a grounding of the
#: views each, larger ones more memory, since clingo keeps every atom a part names (measured at
#: 35,000 claims: 39 s and 0.87 GiB in parts of 500, 47 s and 1.0 GiB in parts of 2,000).
GROUNDED_AT_ONCE = 500

#: Within a year, views list the way a reader meets the opinions: trial, court, separate.
_KIND_ORDER = {"trial": 0, "majority": 1, "concurrence": 2, "partial_dissent": 3, "dissent": 4}


def _shipped(name: str) -> Path:
    """A top-level data folder: inside an installed wheel, or beside ``py/`` in a checkout."""
    package = Path(__file__).resolve().parents[1]  # publicduty/, above solve/
    for folder in (package / name, package.parents[1] / name):
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"publicduty is installed without its {name}/ folder")


def builtin_logic_dir() -> Path:
    """The ``logic/`` folder shipped with the package."""
    return _shipped("logic")


def builtin_cases_dir() -> Path:
    """The ``cases/`` folder shipped with the package."""
    return _shipped("cases")


def doctrine_files() -> list[Path]:
    """The logic every casebook loads: the law's vocabulary, baseline and sources, and the engine.

    In the order of their names, whichever folder each is in (``logic/law/``, ``logic/engine/``).
    """
    logic = builtin_logic_dir()
    return sorted([*(logic / "law").glob("*.lp"), *(logic / "engine").glob("*.lp")], key=lambda p: p.name)


def builtin_view_files() -> list[Path]:
    """The built-in views, one file per opinion."""
    return sorted((builtin_logic_dir() / "law" / "views").glob("*.lp"))


@dataclass(frozen=True)
class GroundFinding:
    """A ground a duty rests on, how surely, and the view's rules that accept it."""

    ground: str
    certainty: str  # "certain": in every reading of unknown facts; "possible": in some
    rules: tuple[str, ...]  # the rules giving the duty on it that hold (in some reading), undefeated


@dataclass(frozen=True)
class Finding:
    """A view's derived holding for one claim, beside the documented one."""

    case: str
    claimant: str
    view: str
    holding: str  # duty | no_duty | open
    grounds: tuple[GroundFinding, ...]
    documented: Documented | None


class Casebook:
    """Logic files and case files, loaded and checked, with one engine over all claims."""

    def __init__(self, logic_dirs: Sequence[Path] = (), case_dirs: Sequence[Path] = (),
                 builtin_cases: bool = True, builtin_views: bool = True) -> None:
        """Load the built-in doctrine, views and cases, and the given folders.

        The doctrine (vocabulary, engine, baseline) is always loaded; the built-in views
        and cases can be left out, so that a user's own views or cases stand alone. The
        user's own view files get every check ``publicduty check`` makes, the sealed view
        language included (:mod:`publicduty.load.viewlang`): every command refuses what it refuses.
        """
        views = builtin_view_files() if builtin_views else []
        own = files_in(logic_dirs, LOGIC, "logic")
        self.logic_files = tuple(doctrine_files() + views + own)
        if own:  # the user's views: the same checks as 'publicduty check', so that every command refuses what it does
            watchdog.doing("checking the view files")
            problems = lint.check(doctrine_files(), [*views, *own], sealed=set(own))[1]
            if problems:
                raise InputError.sorted(problems)
        watchdog.doing("loading the logic")
        #: The views, grounded before any claim: the declarations are read from them, and the
        #: claims as stated are grounded into the same program (see _stated_engines).
        self._views = Engine(self.logic_files)
        self.catalogue: Catalogue = self._views.catalogue
        #: The engines over a case base small enough to keep grounded (see _stated_engines), by suspendability.
        self._kept: dict[bool, Engine] = {}
        conflicts = self._views.solve().conflicts  # a view that contradicts itself answers nothing
        if conflicts:
            raise InputError(lint.conflicts(self.logic_files, conflicts))
        cases = ([builtin_cases_dir()] if builtin_cases else []) + list(case_dirs)
        watchdog.doing("reading the case files")
        loaded, problems = caseset.load(files_in(cases, CASES, "case"), self.catalogue.stated_inputs)
        problems += caseset.references(loaded.values(), self.catalogue.views)
        if problems:
            raise InputError(problems)
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


def files_in(folders: Iterable[Path], suffixes: Collection[str], kind: str) -> list[Path]:
    """The entries under each folder whose names end in one of ``suffixes``, in order; a missing folder is an error.

    Every entry so named is listed, file or not: reading it refuses a folder, a FIFO or a
    device with one line, where skipping it would hide the user's file without a word.
    """
    out: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            raise InputError.at(folder, None, f"not a folder of {kind} files", "give an existing folder")
        out.extend(sorted(p for p in folder.rglob("*") if p.suffix in suffixes))
    return out
