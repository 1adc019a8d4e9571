"""The ``publicduty`` command: global options, one subcommand per module, clean errors.

Every subcommand lives in :mod:`publicduty.commands` as a module with ``NAME``,
``HELP``, ``configure(parser)`` and ``run(args) -> int``. Bad input of any kind
ends here as one line per problem on standard error and exit status 2; nothing is
written to standard output first, so a failed command never leaves half a result.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from publicduty.commands import COMMANDS, SERVICES
from publicduty.errors import InputError, Problem
from publicduty.watchdog import Watchdog

EXIT_INPUT = 2

#: The longest --timeout: a timer cannot wait much longer, and no solve needs to.
MAX_TIMEOUT = 1_000_000.0

_EPILOG = """\
your own cases and views:
  publicduty --cases my-cases --logic my-views compare --all
  publicduty --no-builtin-cases --no-builtin-views --cases my-cases --logic my-views solve my-case
  publicduty --logic my-views check      (every problem of every file, one line each)
A view file adopts a rule set (such as "baseline") and recognises or rejects grounds;
see "Your own views" in the README and examples/views/.
"""


def parser() -> argparse.ArgumentParser:
    """Build the argument parser with every registered subcommand."""
    top = argparse.ArgumentParser(
        prog="publicduty",
        description="Which duty did the police owe, according to whom? Solve decided cases under\n"
                    "each opinion's view of the public duty doctrine and compare them.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--cases", metavar="DIR", action="append", type=Path, default=[],
                     help="also load the case files (*.yaml) in DIR; repeatable")
    top.add_argument("--logic", metavar="DIR", action="append", type=Path, default=[],
                     help="also load the logic files (*.lp) in DIR, such as your own views; repeatable")
    top.add_argument("--no-builtin-cases", action="store_true",
                     help="leave out the built-in case base (use only --cases folders)")
    top.add_argument("--no-builtin-views", action="store_true",
                     help="leave out the built-in views (use only --logic folders); the doctrine stays")
    top.add_argument("--timeout", metavar="SECONDS", type=_seconds,
                     help="stop with an error if loading, grounding and solving take longer (default: no limit)")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in (*COMMANDS, *SERVICES):
        command.configure(sub.add_parser(command.NAME, help=command.HELP, description=command.HELP))
    return top


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """The parser, built once a process (argparse looks up its translations for every word)."""
    return parser()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    command = next(c for c in (*COMMANDS, *SERVICES) if args.command == c.NAME)
    held = io.StringIO()  # nothing reaches standard output until the command has succeeded
    try:
        with Watchdog(args.timeout, lambda: _line(_timed_out(args)), EXIT_INPUT), contextlib.redirect_stdout(held):
            outcome: int | Callable[[], int] = command.run(args)
        sys.stdout.write(held.getvalue())
        status = outcome() if callable(outcome) else outcome
    except InputError as err:
        for problem in err.problems:
            print(_line(problem), file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return 0
    return status


def _line(problem: Problem) -> str:
    return f"publicduty: error: {problem}"


def _seconds(text: str) -> float:
    """A --timeout: a number of seconds a timer can wait."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value <= MAX_TIMEOUT:
        raise argparse.ArgumentTypeError(f"give a number of seconds above 0 and at most {MAX_TIMEOUT:g}")
    return value


def _timed_out(args: argparse.Namespace) -> Problem:
    """The error --timeout reports: the user's view files (check's too), or the built-in views."""
    folders = [*args.logic, *(p for p in getattr(args, "paths", []) if p.suffix != ".yaml")]
    files = sorted({str(f) for d in folders for f in ([d] if d.suffix == ".lp" else d.rglob("*.lp"))})
    return Problem(", ".join(files) or "the built-in views", None,
                   f"grounding and solving ran past --timeout {args.timeout:g}s and was stopped",
                   "look for a rule whose head grows without end, such as p(X+1) :- p(X); "
                   "or give a longer --timeout")


if __name__ == "__main__":
    sys.exit(main())
