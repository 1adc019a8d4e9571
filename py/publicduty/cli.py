"""The ``publicduty`` command: global options, one subcommand per module, clean errors.

Every subcommand lives in :mod:`publicduty.commands` as a module with ``NAME``,
``HELP``, ``configure(parser)`` and ``run(args) -> int``. Bad input of any kind
ends here as one line per problem on standard error and exit status 2; nothing is
written to standard output first, so a failed command never leaves half a result.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from publicduty.commands import COMMANDS
from publicduty.errors import InputError

EXIT_INPUT = 2


def parser() -> argparse.ArgumentParser:
    """Build the argument parser with every registered subcommand."""
    top = argparse.ArgumentParser(
        prog="publicduty",
        description="Which duty did the police owe, according to whom? Solve decided cases under "
                    "each opinion's view of the public duty doctrine and compare them.",
    )
    top.add_argument("--cases", metavar="DIR", action="append", type=Path, default=[],
                     help="also load the case files (*.yaml) in DIR; repeatable")
    top.add_argument("--logic", metavar="DIR", action="append", type=Path, default=[],
                     help="also load the logic files (*.lp) in DIR, such as your own views; repeatable")
    top.add_argument("--no-builtin-cases", action="store_true",
                     help="leave out the built-in case base (use only --cases folders)")
    top.add_argument("--no-builtin-views", action="store_true",
                     help="leave out the built-in views (use only --logic folders); the doctrine stays")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.configure(sub.add_parser(command.NAME, help=command.HELP, description=command.HELP))
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    command = next(c for c in COMMANDS if args.command == c.NAME)
    try:
        status: int = command.run(args)
    except InputError as err:
        for problem in err.problems:
            print(f"publicduty: error: {problem}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
