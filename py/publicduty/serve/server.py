"""The explorer's server: bind the address (refusing with a one-line error), then serve until Ctrl-C.

Binding comes first and on its own, so ``publicduty serve`` can refuse a taken port under
``--timeout`` with the command line's errors; the tests' server binds the same way.
uvicorn is imported only once serving starts.
"""

from __future__ import annotations

import socket
import sys
import threading
import webbrowser
from collections.abc import Callable
from typing import Any

from publicduty.errors import InputError


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
