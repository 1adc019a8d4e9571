"""The ``publicduty`` command: global options, one subcommand per module, clean errors.

Every subcommand lives in :mod:`publicduty.cli.registry` as a module with ``NAME``,
``HELP``, ``configure(parser)`` and ``run(args) -> int``; only the module of the
command that runs is imported (start-up is most of a short command's time). Bad
input of any kind, usage errors included, ends here as one line per problem on
standard error and exit status 2; nothing is written to standard output first, so a
failed command never leaves half a result. Ctrl-C ends the process at once with one
line and status 130, even while clingo grounds or solves (see :mod:`publicduty.solve.background`).
A command that loads the user's own views runs under a time and a memory limit. Text is
fitted to the terminal's width, or ``--width``, through :mod:`publicduty.render.terminal`;
piped output is never wrapped.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import math
import os
import resource
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from publicduty.cli import registry as commands
from publicduty.errors import InputError, Problem
from publicduty.render import terminal
from publicduty.solve import watchdog
from publicduty.solve.watchdog import Watchdog

EXIT_INPUT = 2
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130

#: The longest --timeout: a timer cannot wait much longer, and no solve needs to.
MAX_TIMEOUT = 1_000_000.0

#: The limit on a command that loads the user's own views, when no --timeout is given.
OWN_VIEWS_TIMEOUT = 600.0

#: The memory (address space, in bytes) a command that loads the user's own views may take.
OWN_VIEWS_MEMORY = 4 * 2**30

_EPILOG = """\
your own cases and views:
  publicduty --cases my-cases --logic my-views compare --all
  publicduty --no-builtin-cases --no-builtin-views --cases my-cases --logic my-views solve my-case
  publicduty --logic my-views check      (every problem of every file, one line each)
A view file adopts a rule set (such as "baseline") and recognises or rejects grounds;
see "Your own views" in the README and examples/views/.
"""


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors as one line in the form of every other error."""

    def error(self, message: str) -> NoReturn:
        """Print ``publicduty: error: <command line>: MESSAGE; see '... --help'`` and exit with status 2."""
        print(_line(Problem("<command line>", None, message, f"see '{self.prog} --help'")), file=sys.stderr)
        sys.exit(EXIT_INPUT)


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser: every subcommand, or only the options of the one named ``only``."""
    top = _globals(argparse.RawDescriptionHelpFormatter)
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)
    for name in commands.NAMES:
        if only is None or name == only:
            command = commands.load(name)
            options = sub.add_parser(name, help=command.HELP, description=command.HELP)
            command.configure(options)
            _global_options(options.add_argument_group("options of every command (also accepted before it)"),
                            late=True)
        else:
            sub.add_parser(name)
    return top


def _globals(formatter: type[argparse.HelpFormatter], add_help: bool = True) -> argparse.ArgumentParser:
    """The top-level parser with the global options."""
    top = _Parser(
        prog="publicduty",
        description="Which duty did the police owe, according to whom? Solve decided cases under\n"
                    "each opinion's view of the public duty doctrine and compare them.",
        epilog=_EPILOG, formatter_class=formatter, add_help=add_help,
    )
    top.add_argument("--version", action=_Version)
    _global_options(top)
    return top


#: The global options given after the command word are kept under these names until merged.
_LATE = "late_"


def _global_options(parser: argparse.ArgumentParser | argparse._ArgumentGroup, late: bool = False) -> None:
    """Add the options every command takes: before the command word, or (``late``) after it."""
    dest = _LATE if late else ""
    # After the command word, an option not given must leave the one given before it alone.
    folders: object = argparse.SUPPRESS if late else []
    flag: object = argparse.SUPPRESS if late else False
    unset: object = argparse.SUPPRESS if late else None
    parser.add_argument("--cases", dest=f"{dest}cases", metavar="DIR", action="append", type=Path, default=folders,
                        help="also load the case files (*.yaml, *.yml) in DIR; repeatable")
    parser.add_argument("--logic", dest=f"{dest}logic", metavar="DIR", action="append", type=Path, default=folders,
                        help="also load the logic files (*.lp) in DIR, such as your own views; repeatable")
    parser.add_argument("--no-builtin-cases", dest=f"{dest}no_builtin_cases", action="store_true", default=flag,
                        help="leave out the built-in case base (use only --cases folders)")
    parser.add_argument("--no-builtin-views", dest=f"{dest}no_builtin_views", action="store_true", default=flag,
                        help="leave out the built-in views (use only --logic folders); the doctrine stays")
    parser.add_argument("--timeout", dest=f"{dest}timeout", metavar="SECONDS", type=_seconds, default=unset,
                        help="stop with an error if loading, grounding and solving take longer (default: no limit; "
                             f"{OWN_VIEWS_TIMEOUT:g} seconds with --logic)")
    parser.add_argument("--width", dest=f"{dest}width", metavar="N", type=_columns, default=unset,
                        help=f"fit tables and prose in N columns (at least {terminal.NARROWEST}; default: the "
                             "terminal's width, and no limit when the output is not a terminal)")
    parser.add_argument("--wide", dest=f"{dest}wide", action="store_true", default=flag,
                        help="no width limit, as when the output is piped: each table row on one line")


def _merged(args: argparse.Namespace) -> argparse.Namespace:
    """The global options as one set, wherever they were given: folders add up, a later --timeout or --width wins."""
    given = vars(args)
    for name in ("cases", "logic"):
        given[name] = [*given[name], *given.pop(_LATE + name, [])]
    for name in ("no_builtin_cases", "no_builtin_views", "wide"):
        given[name] = given[name] or given.pop(_LATE + name, False)
    for name in ("timeout", "width"):
        if _LATE + name in given:
            given[name] = given.pop(_LATE + name)
    return args


class _Version(argparse.Action):
    """``--version``: the installed distribution's version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0,
                         help="print publicduty's version and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from importlib.metadata import version

        print(f"publicduty {version('publicduty')}")
        parser.exit()


def _command_word(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names, found by the global options alone, or None (then every command is built)."""
    light = _globals(argparse.HelpFormatter, add_help=False)
    sub = light.add_subparsers(dest="command")
    for name in commands.NAMES:
        sub.add_parser(name, add_help=False)
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            found, _ = light.parse_known_args(argv)  # --version is answered by the full parser
    except SystemExit:
        return None  # the full parser will say what is wrong
    command: str | None = found.command
    return command


@functools.cache
def _parser(only: str | None) -> argparse.ArgumentParser:
    """The parser, built once a process for each command (argparse looks up its translations for every word)."""
    return parser(only)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    words = sys.argv[1:] if argv is None else list(argv)
    try:
        return _main(words)
    except KeyboardInterrupt:
        # clingo may still be grounding in a worker thread: end the process now, with one line.
        print("publicduty: interrupted", file=sys.stderr)
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)


def parse_args(words: Sequence[str]) -> argparse.Namespace:
    """The command line ``words``, parsed: the global options as one set, wherever they were given."""
    parsed = _parser(_command_word(words))
    args = _merged(parsed.parse_args(words))
    if args.width is not None and args.wide:  # given on either side of the command word
        parsed.error("argument --wide: not allowed with argument --width")
    return args


def _main(words: list[str]) -> int:
    args = parse_args(words)
    command = commands.load(args.command)
    watchdog.doing(f"starting 'publicduty {args.command}'")
    held = io.StringIO()  # nothing reaches standard output until the command has succeeded
    limit = args.timeout if args.timeout is not None or not args.logic else OWN_VIEWS_TIMEOUT
    memory: int | None = None
    try:
        with Watchdog(limit, lambda: _line(_timed_out(args, limit)), EXIT_INPUT), terminal.laid_out(_width(args)), \
                contextlib.redirect_stdout(held), _memory_limit(OWN_VIEWS_MEMORY if args.logic else None) as memory:
            outcome: int | Callable[[], int] = command.run(args)
        sys.stdout.write(held.getvalue())
        status = outcome() if callable(outcome) else outcome  # a service runs here, past the --timeout
    except InputError as err:
        for problem in err.problems:
            print(_line(problem), file=sys.stderr)
        return EXIT_INPUT
    except MemoryError:
        held.close()
        within = f" (the {_size(memory)} limit for your own views)" if memory else ""
        print(_line(Problem("publicduty", None, f"out of memory while {watchdog.now_doing()}{within}",
                            "load fewer cases or views, or give the process more memory")), file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        return 0
    return status


def _width(args: argparse.Namespace) -> int | None:
    """The columns to fit the output in: --width N, else a terminal's own; no limit with --wide or when piped."""
    if args.width is not None:
        return int(args.width)
    if args.wide or not sys.stdout.isatty():
        return None  # piped or redirected output is what scripts, the README and the golden files read
    return max(terminal.NARROWEST, shutil.get_terminal_size().columns)


def _size(size: int) -> str:
    """A memory size as a user reads it."""
    return f"{size / 2**30:g} GiB" if size >= 2**30 else f"{size / 2**20:.0f} MiB"


@contextlib.contextmanager
def _memory_limit(limit: int | None) -> Iterator[int | None]:
    """Cap the address space at ``limit`` while the command runs (never raising a lower cap); yield the cap set."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    lower = [v for v in (soft, hard) if v != resource.RLIM_INFINITY]
    if limit is None or (lower and min(lower) <= limit):
        yield None
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield limit
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


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


def _columns(text: str) -> int:
    """A --width: a whole number of columns, no fewer than the layouts are made for."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < terminal.NARROWEST:
        raise argparse.ArgumentTypeError(f"give a whole number of columns, at least {terminal.NARROWEST}")
    return value


def _timed_out(args: argparse.Namespace, limit: float) -> Problem:
    """The error a time limit reports: what was running, over which views (the user's files, or the built-in ones)."""
    folders = [*args.logic, *(p for p in getattr(args, "paths", []) if p.suffix not in (".yaml", ".yml"))]
    files = sorted({str(f) for d in folders for f in ([d] if d.suffix == ".lp" else d.rglob("*.lp"))})
    given = f"--timeout {limit:g}s" if args.timeout is not None else f"the {limit:g}s limit for your own views"
    return Problem(", ".join(files) or "the built-in views", None,
                   f"{watchdog.now_doing()} ran past {given} and was stopped",
                   "give a longer --timeout, or load fewer cases or views")


if __name__ == "__main__":
    sys.exit(main())
