"""``python -m publicduty.bench``: run the figures of :mod:`publicduty.bench` and print them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from functools import partial

from publicduty.bench import engine_figures, report_figure, search_figures
from publicduty.bench.children import KINDS, run_child
from publicduty.bench.timing import machine
from publicduty.solve.casebook import Casebook

FIGURES = "abcdef"


def main(argv: Sequence[str] | None = None) -> int:
    """Print every figure asked for; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m publicduty.bench",
                                     description="every figure paired in one run with what a user would write instead")
    parser.add_argument("--repeat", type=int, default=5, help="runs to take each median of (default: 5)")
    parser.add_argument("--sample", type=int, default=2000, help="patterns the lean solve times, (b) (default: 2000)")
    parser.add_argument("--scale", type=int, default=1000, help="copies of the case base for (e) (default: 1000)")
    parser.add_argument("--report-scale", type=int, default=100, help="copies for the report, (f) (default: 100)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the sampled patterns (default: 1)")
    parser.add_argument("--only", default=FIGURES, help=f"the figures to run, e.g. 'ab' (default: {FIGURES})")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, *arguments = args.child
        if kind not in KINDS:
            parser.error(f"unknown child kind {kind!r}")
        return run_child(kind, arguments)
    if not args.only or set(args.only) - set(FIGURES):
        parser.error(f"--only takes letters of {FIGURES!r}, not {args.only!r}")
    book = Casebook()
    figures: dict[str, Callable[[], tuple[str, bool]]] = {
        "a": partial(engine_figures.figure_engine, args.repeat),
        "b": partial(search_figures.figure_disagree, book, args.repeat, args.sample, args.seed),
        "c": partial(engine_figures.figure_command_line, args.repeat),
        "d": partial(search_figures.figure_flip, book),
        "e": partial(engine_figures.figure_scale, args.scale),
        "f": partial(report_figure.figure_report, args.repeat, args.report_scale),
    }
    print(f"publicduty benchmark, one run: {machine()}\n", flush=True)
    met = True
    for letter in args.only:
        text, ok = figures[letter]()
        print(text, flush=True)
        met = met and ok
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
