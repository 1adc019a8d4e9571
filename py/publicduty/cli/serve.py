"""``publicduty serve``: the explorer, a local web page and JSON API, until stopped with Ctrl-C.

Everything that can go wrong is checked before the server starts, under ``--timeout``
and with the command line's one-line errors: the ``serve`` extra is installed, the
case files and views load, the casebook grounds, and the address can be bound. Only
then does :func:`publicduty.serve.server.serving` run, outside the timeout: a server is meant to keep running.
The web libraries are imported here, lazily, so no other command pays for them.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from publicduty.cli.common import casebook
from publicduty.errors import InputError
from publicduty.serve.server import listen, serving

NAME = "serve"
HELP = ("the explorer in the browser: change a claim's facts and watch every view's holding, grounds, "
        "flips and explanation answer (binds to 127.0.0.1; stop with Ctrl-C)")

#: The ``serve`` extra: the modules the explorer needs beyond the core.
EXTRA = ("starlette", "uvicorn", "jinja2")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=_port, default=8000,
                        help="the port to listen on (default: 8000; 0: any free one)")
    parser.add_argument("--open", action="store_true", help="open the page in the default web browser once serving")


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError("give a port number from 0 to 65535")
    return int(text)


def run(args: argparse.Namespace) -> Callable[[], int]:
    """Check and load everything, bind the address, and return the server to run until stopped."""
    for module in EXTRA:
        try:
            importlib.import_module(module)
        except ImportError:
            raise InputError.at("<command line>", None, f"publicduty serve needs {module}, which is not installed",
                                "pip install 'publicduty[serve]'") from None
    from publicduty.serve.app import create_app
    from publicduty.serve.state import Explorer

    app = create_app(Explorer(casebook(args)))
    listener = listen(args.host, args.port)
    return lambda: serving(app, listener, args.open)
