"""A real explorer on a free loopback port, in a thread of this process: for load, benchmark and browser tests.

uvicorn serves a socket bound here, so the port is known before the first request and
nothing else can take it; the server stops when the ``with`` block ends.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from publicduty.serve.app import create_app
from publicduty.serve.server import listen
from publicduty.serve.state import Explorer
from publicduty.solve.casebook import Casebook


@contextmanager
def running(book: Casebook) -> Iterator[str]:
    """Serve ``book`` on 127.0.0.1 at a free port; yield the base URL."""
    listener = listen("127.0.0.1", 0)
    config = uvicorn.Config(create_app(Explorer(book)), log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the explorer did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
