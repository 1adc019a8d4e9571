"""Figures (b) and (d): the searches, ``disagree`` against two brute forces and ``flip`` warm."""

from __future__ import annotations

import random
import statistics
from functools import partial
from itertools import combinations

from publicduty.analyses.disagree import disagreements
from publicduty.analyses.flip import minimal_flips
from publicduty.bench.patterns import LeanSolve, Minimal, VectorRule, numpy_or_none, vectorised
from publicduty.bench.timing import ms, paired, timed, verdict
from publicduty.solve.casebook import Casebook

TARGET_DISAGREE = 10.0
TARGET_FLIP_MEDIAN = 0.010


def _searched(book: Casebook) -> Minimal:
    found: Minimal = set()
    for first, second in combinations(book.view_ids(), 2):
        pair = disagreements(book, first, second)
        found |= {(*sorted(pair.views), p.facts) for p in pair.patterns}  # type: ignore[misc]
    return found


def figure_disagree(book: Casebook, repeat: int, sample: int, seed: int) -> tuple[str, bool]:
    """(b): every pair of views by the search, against a lean solve per pattern and NumPy over all."""
    inputs = sorted(book.catalogue.inputs)
    patterns = 2 ** len(inputs)
    pairs = len(book.views) * (len(book.views) - 1) // 2
    cold = timed(partial(_searched, book))  # the first call of the process grounds the search
    lean = LeanSolve(inputs)
    rng = random.Random(seed)
    sampled = [{name for name in inputs if rng.random() < 0.5} for _ in range(sample)]
    per_pattern = timed(lambda: [lean.holdings(p) for p in sampled]) / sample
    lines = [f"(b) disagree, all {pairs} pairs of views over {len(inputs)} facts ({patterns:,} patterns), "
             f"medians of {repeat}:",
             f"    lean solve per pattern (one grounded claim, externals flipped, duty/2 read): "
             f"{per_pattern * 1e6:,.0f} us, the mean of {sample:,}, times {patterns:,} = "
             f"{per_pattern * patterns:,.1f} s (minimality not counted)"]
    np = numpy_or_none()
    if np is None:
        warm = statistics.median(timed(partial(_searched, book)) for _ in range(repeat))
        lines.append(f"    disagree: {ms(warm)} warm, {ms(cold)} cold; the NumPy brute force is skipped: "
                     "NumPy is not installed (pip install numpy) - TARGET NOT MEASURED")
        return "\n".join(lines), False
    brute = partial(vectorised, np, inputs, vector_rules(book))
    if brute() != _searched(book):
        raise AssertionError("disagree and the NumPy brute force find different minimal patterns")
    warm, numpy_time = paired(partial(_searched, book), brute, repeat)
    ratio = numpy_time / warm
    lines += [f"    NumPy over all patterns, ten pairs, with subset-minimality: {ms(numpy_time)} "
              f"(the same minimal patterns as disagree)",
              f"    disagree: {ms(warm)} warm, {ms(cold)} cold (grounding included)",
              f"    NumPy / disagree = {ratio:,.1f} warm, {numpy_time / cold:,.1f} cold "
              f"(target: at least {TARGET_DISAGREE:.0f} warm) - {verdict(ratio >= TARGET_DISAGREE)}"]
    return "\n".join(lines), ratio >= TARGET_DISAGREE


def vector_rules(book: Casebook) -> dict[str, dict[str, VectorRule]]:
    """Each view's deciding rules, read from the catalogue and the solver's priorities, for the brute force."""
    answer = book.answer()
    catalogue = book.catalogue
    out: dict[str, dict[str, VectorRule]] = {}
    for view in book.views:
        applied = {r for (v, _), (_, rules) in answer.stance.items() if v == view for r in rules}
        applied |= {r for (v, _), rules in answer.against.items() if v == view for r in rules}
        applied |= set(answer.defaults.get(view, ()))
        beats = answer.beats.get(view, frozenset())
        out[view] = {}
        for rule_id in sorted(applied):
            rule = catalogue.rules[rule_id]
            elements = catalogue.grounds[rule.target].elements if rule.target in catalogue.grounds else ()
            out[view][rule_id] = VectorRule(rule.effect == "recognises", (*elements, *rule.when), rule.unless,
                                            tuple(sorted(w for w, loser in beats if loser == rule_id)))
    return out


def figure_flip(book: Casebook) -> tuple[str, bool]:
    """(d): one flip query per claimant and view, after the first query has grounded the search."""
    queries = [(case.id, claimant.id, view) for case in book.cases.values()
               for claimant in case.claimants for view in book.view_ids()]
    first = timed(lambda: minimal_flips(book, *queries[0]))
    times = [timed(partial(minimal_flips, book, *query)) for query in queries]
    median, worst = statistics.median(times), max(times)
    met = median < TARGET_FLIP_MEDIAN
    return (f"(d) flip, every claimant and view of the case base ({len(times)} queries), warm: median {ms(median)}, "
            f"worst {ms(worst)}; the first query of the process {ms(first)} (it grounds the search)\n"
            f"    target: median under {ms(TARGET_FLIP_MEDIAN)} - {verdict(met)}", met)
