"""``publicduty serve``: the explorer, a local web page and JSON API, until stopped with Ctrl-C.

Everything that can go wrong is checked before the server starts, under ``--timeout``
and with the command line's one-line errors: the ``serve`` extra is installed, the
case files and views load, the casebook grounds, and the address can be bound. Only
then does :func:`serving` run, outside the timeout: a server is meant to keep running.
The web libraries are imported here, lazily, so no other command pays for them.
"""

from __future__ import annotations

import argparse
import importlib
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable
from typing import Any

from publicduty.cli.common import casebook
from publicduty.errors import InputError

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


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or the one-line reason there cannot be one.

    It is made with ``IPPROTO_TCP`` spelt out: asyncio turns Nagle's algorithm off only
    on such sockets, and with it on every answer after a connection's first waits some
    40 ms for a delayed acknowledgement.
    """
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
    except OSError as err:
        raise InputError.at("<command line>", None, f"cannot listen on {host}:{port} ({err.strerror or err})",
                            "give another --port, or --port 0 for any free one") from None
    return listener


def serving(app: Callable[..., Any], listener: socket.socket, browse: bool = False) -> int:
    """Serve ``app`` on ``listener`` until interrupted; the address goes to standard error, as the log does."""
    import uvicorn

    host, port = listener.getsockname()[:2]
    url = f"http://{host}:{port}/"
    print(f"publicduty explorer on {url} (Ctrl-C stops it)", file=sys.stderr, flush=True)
    if browse:
        threading.Timer(0.5, webbrowser.open, [url]).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[listener])
    return 0
