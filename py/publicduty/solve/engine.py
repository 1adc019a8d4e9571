"""One clingo program holding every view and every claim: ground once, solve many.

The engine loads the logic files and grounds, beside them, the claims a command reads as
stated (``given``: plain facts passed through the grounding context, so the grounding
settles their holdings) and as many live slots as it needs (``live``: externals, so a
what-if or a batch reassigns a slot's facts and solves again without grounding). Case
text never becomes program text: a claim is named by a term of the engine's own
(``given_claim(N)``, ``slot(N)``), fact names travel as constants.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import clingo

from publicduty.errors import InputError, Problem
from publicduty.load import clingolog, lptext
from publicduty.model.answer import Answer, Atoms, ClaimKey, read_answer, slot_key
from publicduty.model.case import Truth
from publicduty.model.catalogue import Catalogue
from publicduty.solve import background, watchdog

#: How many states' answers an engine keeps (the claims as given, and a few what-ifs).
_KEPT_ANSWERS = 4

#: The facts of a claim, by name: true, false or unknown.
Facts = Mapping[str, Truth]


def _slot(number: int) -> clingo.Symbol:
    """The live claim slot ``number``, as the solver names it."""
    return clingo.Function("slot", [clingo.Number(number)])


class _Given:
    """The grounding context of the ``given`` part: the given claims' facts, as symbols.

    A given claim is named by its place, ``given_claim(N)``, not by its case and claimant:
    clingo keeps every symbol it makes until the process ends, so the parts of a large case
    base, named alike, ground the same atoms over again instead of piling up new ones.
    """

    def __init__(self, claims: Sequence[Facts]) -> None:
        self._claims = claims

    def given(self) -> list[clingo.Symbol]:
        return [_given(number) for number in range(len(self._claims))]

    def alleged(self) -> list[clingo.Symbol]:
        return self._pairs(Truth.TRUE)

    def unknown(self) -> list[clingo.Symbol]:
        return self._pairs(Truth.UNKNOWN)

    def _pairs(self, truth: Truth) -> list[clingo.Symbol]:
        return [clingo.Tuple_([_given(number), clingo.Function(name)])
                for number, facts in enumerate(self._claims) for name, value in facts.items() if value is truth]


def _given(number: int) -> clingo.Symbol:
    """The given claim at place ``number``, as the solver names it."""
    return clingo.Function("given_claim", [clingo.Number(number)])


class Engine:
    """A grounded program over fixed logic files: the views first, then claims given once and slots for live ones.

    Grounding is in two steps, so that the declarations (the vocabulary a case file is checked
    against) can be read before any claim is known: the views, then (``ground_claims``) the
    claims. Given claims are grounded as plain facts, so grounding settles their holdings and
    a solve only reads them; live claims are slots whose facts are externals, so that a
    what-if or a batch reassigns them and solves again without grounding anything.
    """

    def __init__(self, files: Iterable[Path], options: Iterable[str] = (), catalogue: Catalogue | None = None,
                 parts: Sequence[tuple[str, Sequence[clingo.Symbol]]] = (), suspendable: bool = False) -> None:
        """Load ``files``, ground the views (with any other ``parts``), and read the catalogue (unless given).

        ``suspendable``: ground the rules so that they can be set aside (see suspend).
        """
        self._messages: list[str] = []
        self.control = clingo.Control(list(options), logger=self._log)
        self.suspendable = suspendable
        self._guard(lambda: self._load(files))
        grounded = [("base", []), *parts, *([("suspendable", [])] if suspendable else [])]
        self._guard(lambda: self.control.ground(grounded))
        self.catalogue = catalogue or Catalogue.read(self.control)
        self.claims: tuple[ClaimKey, ...] = ()
        self.slots = 0
        self._claims_grounded = False
        #: Every argument of a shown atom read so far and, for a live engine, every shown atom (see Atoms).
        #: A given claim's name in the program (see _Given) is entered when it is grounded, as its claim.
        self._values: dict[clingo.Symbol, Any] = {}
        self._atoms: dict[clingo.Symbol, tuple[Any, ...]] | None = {}
        #: The answers of the last few states solved (see solve), and the rules now set aside.
        self._answers: OrderedDict[Hashable, Answer] = OrderedDict()
        self._suspended: frozenset[str] = frozenset()
        #: The externals now true in each slot, as (alleged | unknown, fact); clingo starts all false.
        self._true: list[frozenset[tuple[str, str]]] = []

    def ground_claims(self, given: Mapping[ClaimKey, Facts] | None = None, slots: int = 0) -> Engine:
        """Ground the claims, once: the ``given`` claims with their facts, and ``slots`` live slots."""
        if self._claims_grounded:
            raise ValueError("an engine grounds its claims once")
        given = dict(sorted((given or {}).items()))
        grounded = [("claims", []), *([("given", [])] if given else []),
                    *(("live", [clingo.Number(n)]) for n in range(slots))]
        watchdog.doing(f"grounding {len(given)} claims")
        self._guard(lambda: self.control.ground(grounded, context=_Given(list(given.values()))))
        self._claims_grounded = True
        self.claims, self.slots = tuple(given), slots
        self._values.update((_given(number), key) for number, key in enumerate(self.claims))
        self._true = [frozenset()] * slots
        self._atoms = None if given else {}  # an engine of given claims is solved once (see Atoms)
        self._answers.clear()  # the program has grown
        return self

    def _load(self, files: Iterable[Path]) -> None:
        for path in files:
            self.control.add("base", [], lptext.read(path))  # the text read and checked, not the path again

    def _log(self, _code: clingo.MessageCode, message: str) -> None:
        self._messages.append(message.strip())

    def _guard(self, step: Callable[[], object]) -> None:
        """Run a loading or grounding step, turning clingo's errors into an InputError."""
        try:
            background.call(step)  # in a worker thread, so that Ctrl-C is heard
        except RuntimeError as err:
            raise InputError(clingolog.problems(self._messages)
                             or [Problem("<logic>", None, f"clingo: {err}")]) from err

    def _fill(self, number: int, facts: Facts) -> None:
        """Give live slot ``number`` these facts; facts not mentioned are not alleged.

        Only the externals whose truth changes are reassigned: a what-if that moves one fact
        costs one or two assignments, and a slot's first filling one per stated fact.
        """
        wanted = frozenset(("alleged" if value is Truth.TRUE else "unknown", name) for name, value in facts.items()
                           if value is not Truth.FALSE and name in self.catalogue.inputs)
        slot = _slot(number)
        for kind, name in self._true[number] ^ wanted:
            self.control.assign_external(clingo.Function(kind, [slot, clingo.Function(name)]), (kind, name) in wanted)
        self._true[number] = wanted

    def suspend(self, rules: Iterable[str]) -> None:
        """Set these rules aside, and restore every other: to ask what the views would hold without them."""
        if not self.suspendable:
            raise ValueError("this engine was grounded without the part that sets rules aside")
        self._suspended = frozenset(rules)
        for rule in self.catalogue.rules:
            self.control.assign_external(clingo.Function("suspended", [clingo.String(rule)]), rule in self._suspended)

    def consequences(self, mode: str) -> list[clingo.Symbol]:
        """The shown atoms true in every answer set (``cautious``) or in some (``brave``)."""
        settings = self.control.configuration.solve
        settings.enum_mode, settings.models = mode, "0"  # type: ignore[union-attr]
        watchdog.doing("solving")
        try:
            shown = background.call(self._last_model)
        finally:
            settings.enum_mode, settings.models = "auto", "1"  # type: ignore[union-attr]
        if shown is None:
            raise InputError.at("<logic>", None, "the logic files have no answer: an integrity constraint "
                                "in a view rules out every one", "run 'publicduty check' on your view files")
        return shown

    def solve(self, live: Mapping[ClaimKey, Facts] | None = None) -> Answer:
        """The answer for the given claims and, each in a slot of its own, the ``live`` claims with these facts.

        A state is solved once: the last few states' answers are kept, keyed by what is live
        and what is set aside, so going back to a state (the claims as given, after a what-if)
        costs a lookup, not a solve.
        """
        live = dict(live or {})
        if len(live) > self.slots:
            raise ValueError(f"{len(live)} live claims, but the engine has {self.slots} slots")
        state = (frozenset((key, frozenset(facts.items())) for key, facts in live.items()), self._suspended)
        if state in self._answers:
            self._answers.move_to_end(state)
            return self._answers[state]
        for number in range(self.slots):
            self._fill(number, list(live.values())[number] if number < len(live) else {})
        names = {slot_key(number): key for number, key in enumerate(live)}  # a slot holds another claim each time
        answer = self._solve([*self.claims, *names]).renamed(names)
        self._answers[state] = answer
        if len(self._answers) > _KEPT_ANSWERS:
            self._answers.popitem(last=False)
        return answer

    def _last_model(self) -> list[clingo.Symbol] | None:
        """The shown atoms of the last model the solve enumerates (in brave mode: the consequences)."""
        shown = None
        with self.control.solve(yield_=True) as handle:
            for model in handle:
                shown = model.symbols(shown=True)
        return shown

    def _solve(self, claims: Sequence[ClaimKey]) -> Answer:
        """Solve the program as currently assigned (one brave solve): its answer, decoded as it is read."""
        return read_answer(Atoms(self.consequences("brave"), self._values, self._atoms), claims,
                           self.catalogue.views)
