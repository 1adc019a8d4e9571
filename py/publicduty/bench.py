"""The benchmark: ``python -m publicduty.bench`` prints four figures, measured in one run.

Each figure is a ratio against a naive way of getting the same answer, or comes with the
machine it was measured on, since seconds mean nothing without it:

(a) ``compare --all``: one grounding of every view and claim (as the casebook does)
    against a fresh clingo Control per case and view;
(b) ``disagree`` for every pair of views against brute force, one solve per fact
    pattern (timed on a random sample and extrapolated to all patterns);
(c) a batch of generated claims solved in one grounding: wall time and peak memory,
    measured in a child process so that nothing else counts towards it;
(d) ``flip`` for every claimant and view of the case base: median and worst latency.

Targets (on a 2-core machine) are printed beside the figures. They are benchmark
targets, checked by reading this output, never by a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial

import clingo

from publicduty.batch import SLOTS, solve_many
from publicduty.case import Truth
from publicduty.casebook import Casebook
from publicduty.disagree import disagreements
from publicduty.engine import ClaimKey, Engine
from publicduty.flip import minimal_flips
from publicduty.search import search

#: Targets on the 2-core machine the project is developed on.
TARGET_COMPARE = 10.0
TARGET_DISAGREE = 1000.0
TARGET_BATCH_SECONDS = 10.0
TARGET_BATCH_BYTES = 1 << 30
TARGET_FLIP_MEDIAN = 0.100


def _timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def _paired_medians(first: Callable[[], object], second: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Time two steps in turn, ``repeat`` times each, so that a busy machine slows both alike."""
    times = [(_timed(first), _timed(second)) for _ in range(repeat)]
    return statistics.median(t for t, _ in times), statistics.median(t for _, t in times)


def _verdict(met: bool) -> str:
    return "target met" if met else "TARGET MISSED"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def machine() -> str:
    """The context every absolute figure needs."""
    return (f"{os.cpu_count()} CPUs, {platform.machine()} {platform.system()}, "
            f"Python {platform.python_version()}, clingo {clingo.__version__}")


# --- (a) compare --all -------------------------------------------------------------

def _claims(book: Casebook) -> list[ClaimKey]:
    return [ClaimKey(case.id, claimant.id) for case in book.cases.values() for claimant in case.claimants]


def compare_one_grounding(book: Casebook) -> dict[tuple[str, ClaimKey], str]:
    """Every claim under every view, the casebook's way: one Control, one grounding, one solve."""
    keys = _claims(book)
    engine = Engine(book.logic_files, keys)
    for key in keys:
        engine.assign(key, book.facts(key))
    return engine.solve().holdings


def compare_naive(book: Casebook) -> dict[tuple[str, ClaimKey], str]:
    """The same holdings the naive way: per case and view, a fresh engine loads, grounds and solves."""
    holdings = {}
    for case in book.cases.values():
        keys = [ClaimKey(case.id, claimant.id) for claimant in case.claimants]
        for view in book.view_ids():
            engine = Engine(book.logic_files, keys)
            for key in keys:
                engine.assign(key, book.facts(key))
            answer = engine.solve()
            holdings.update({(view, key): answer.holdings[(view, key)] for key in keys})
    return holdings


def figure_compare(book: Casebook, repeat: int) -> tuple[str, bool]:
    """(a): the ratio of the naive way's time to one grounding's, after checking they agree."""
    if compare_naive(book) != compare_one_grounding(book):
        raise AssertionError("the naive wrapper and the casebook disagree")
    one, naive = _paired_medians(partial(compare_one_grounding, book), partial(compare_naive, book), repeat)
    controls = len(book.cases) * len(book.views)
    ratio = naive / one
    return (f"(a) compare --all: {len(book.cases)} cases, {len(_claims(book))} claims, {len(book.views)} views.\n"
            f"    one grounding of every view and claim: {_ms(one)}; a fresh Control per case and view "
            f"({controls} Controls): {_ms(naive)} (medians of {repeat} runs, taken in turn)\n"
            f"    {ratio:,.1f} times faster (target: {TARGET_COMPARE:,.0f} times) - "
            f"{_verdict(ratio >= TARGET_COMPARE)}",
            ratio >= TARGET_COMPARE)


# --- (b) disagree ------------------------------------------------------------------

def figure_disagree(book: Casebook, sample: int, seed: int) -> tuple[str, bool]:
    """(b): every pair of views by the search, against one solve per fact pattern, extrapolated."""
    views = book.view_ids()
    pairs = [(a, b) for i, a in enumerate(views) for b in views[i + 1:]]
    search.cache_clear()  # count the search's grounding too

    def searched() -> None:
        for first, second in pairs:
            disagreements(book, first, second)

    solver = _timed(searched)
    inputs = sorted(book.catalogue.inputs)
    key = ClaimKey("bench", "pattern")
    engine = Engine(book.logic_files, [key])
    rng = random.Random(seed)
    patterns = [{name: Truth.TRUE for name in inputs if rng.random() < 0.5} for _ in range(sample)]

    def brute() -> None:
        for pattern in patterns:
            engine.assign(key, pattern)
            engine.solve()

    per_pattern = _timed(brute) / sample
    total = per_pattern * 2 ** len(inputs)
    ratio = total / solver
    return (f"(b) disagree, all {len(pairs)} pairs of views over {len(inputs)} facts "
            f"({2 ** len(inputs):,} patterns): {_ms(solver)}, grounding included.\n"
            f"    brute force, one solve per pattern on a grounded program (every view's holding at once): "
            f"{per_pattern * 1e6:,.0f} us a pattern,\n"
            f"    the mean of {sample:,} random patterns, extrapolated to all {2 ** len(inputs):,}: "
            f"{total:,.1f} s, not counting the minimality check\n"
            f"    {ratio:,.0f} times faster (target: {TARGET_DISAGREE:,.0f} times) - "
            f"{_verdict(ratio >= TARGET_DISAGREE)}",
            ratio >= TARGET_DISAGREE)


# --- (c) a batch of generated claims ------------------------------------------------

def solve_batch(count: int, seed: int) -> dict[str, float]:
    """Generate ``count`` claims with random facts (some unknown) and solve them in one batch."""
    book = Casebook()
    inputs = sorted(book.catalogue.inputs)
    rng = random.Random(seed)
    claims = [{name: rng.choices(list(Truth), weights=(2, 7, 1))[0] for name in inputs} for _ in range(count)]
    start = time.perf_counter()
    holdings = [h for claim in solve_many(book, claims) for h in claim.values()]
    seconds = time.perf_counter() - start
    counts = {h: holdings.count(h) for h in ("duty", "open", "no_duty")}
    return {"seconds": seconds, "peak_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "holdings": len(holdings), **counts}


def figure_batch(count: int, seed: int) -> tuple[str, bool]:
    """(c): the batch solved in a child process, which reports its own peak resident memory."""
    child = subprocess.run([sys.executable, "-m", "publicduty.bench", "--batch-child", str(count),
                            "--seed", str(seed)], check=True, capture_output=True, text=True)
    result = json.loads(child.stdout)
    met = result["seconds"] < TARGET_BATCH_SECONDS and result["peak_bytes"] < TARGET_BATCH_BYTES
    return (f"(c) {count:,} generated claims (random facts: 20% true, 10% unknown), every view, in one batch "
            f"({SLOTS} grounded claim slots, filled in turn):\n"
            f"    {result['seconds']:.2f} s wall, peak RSS {result['peak_bytes'] / (1 << 20):,.0f} MiB "
            f"(a child process, interpreter included); {result['holdings']:,} holdings: "
            f"{result['duty']:,} duty, {result['open']:,} open, {result['no_duty']:,} no duty\n"
            f"    targets: under {TARGET_BATCH_SECONDS:.0f} s and 1 GiB - {_verdict(met)}", met)


# --- (d) flip latency ---------------------------------------------------------------

def figure_flip(book: Casebook) -> tuple[str, bool]:
    """(d): one flip query per claimant and view, after the one-time groundings."""
    queries = [(case.id, claimant.id, view) for case in book.cases.values()
               for claimant in case.claimants for view in book.view_ids()]
    search.cache_clear()
    first = _timed(lambda: minimal_flips(book, *queries[0]))
    times = [_timed(partial(minimal_flips, book, *query)) for query in queries]
    median, worst = statistics.median(times), max(times)
    return (f"(d) flip, every claimant and view of the case base ({len(times)} queries): median {_ms(median)}, "
            f"worst {_ms(worst)}\n"
            f"    (the first query of the process also grounds the search: {_ms(first)})\n"
            f"    target: median under {_ms(TARGET_FLIP_MEDIAN)} - {_verdict(median < TARGET_FLIP_MEDIAN)}",
            median < TARGET_FLIP_MEDIAN)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the four figures and print them; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m publicduty.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of (a) to take the median of (default: 5)")
    parser.add_argument("--sample", type=int, default=2000, help="fact patterns timed for (b) (default: 2000)")
    parser.add_argument("--batch", type=int, default=10_000, help="generated claims for (c) (default: 10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random patterns and claims (default: 1)")
    parser.add_argument("--batch-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.batch_child is not None:
        print(json.dumps(solve_batch(args.batch_child, args.seed)))
        return 0
    book = Casebook()
    book.answer()
    print(f"publicduty benchmark, one run: {machine()}\n")
    figures: list[Callable[[], tuple[str, bool]]] = [
        partial(figure_compare, book, args.repeat), partial(figure_disagree, book, args.sample, args.seed),
        partial(figure_batch, args.batch, args.seed), partial(figure_flip, book)]
    met = True
    for figure in figures:
        text, ok = figure()
        print(text, flush=True)
        met = met and ok
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
