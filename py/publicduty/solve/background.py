"""Run a long clingo call where Ctrl-C can still be heard.

clingo's grounding and solving are C calls: while the main thread is inside one, Python
never runs its signal handlers, so Ctrl-C (and the ``--timeout`` message) would wait
until the call returns, which for a large grounding is minutes. Such a call runs here in
a daemon thread (the C call releases the interpreter lock) while the main thread waits in
short, interruptible steps; a signal handler that ends the process then runs at once.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from typing import TypeVar, cast

T = TypeVar("T")

#: How often the waiting main thread wakes, so a signal is handled within this many seconds.
_STEP = 0.05


#: The one worker thread, started on first use (a thread started later, when a memory limit is
#: nearly reached, can abort the process in the C library), and the calls handed to it.
_worker: threading.Thread | None = None
_jobs: queue.SimpleQueue[tuple[Callable[[], object], threading.Event, list[tuple[bool, object]]]] = \
    queue.SimpleQueue()


def _work() -> None:
    _ready_for_errors()
    while True:
        step, done, box = _jobs.get()
        try:
            box.append((True, step()))
        except BaseException as err:  # handed to the waiting thread as it was
            box.append((False, err))
        done.set()


def _ready_for_errors() -> None:
    """Have clingo raise and catch one error in this thread, while memory is still free.

    The C++ runtime sets up a thread's exception state on the thread's first exception; if
    that first one is clingo running out of memory under a limit, there is no room to set it
    up and the C library ends the process on the spot, with no message of ours. One harmless
    error first (a term that does not parse) sets it up in time.
    """
    import clingo

    with contextlib.suppress(RuntimeError):
        clingo.parse_term("(", logger=lambda _code, _message: None)


def call(step: Callable[[], T]) -> T:
    """``step()``, run in the worker thread; its result, or its exception raised here.

    Only the main thread hears signals, so a call from any other thread (a server's request
    handler) runs in that thread, as it is.
    """
    global _worker
    if threading.current_thread() is not threading.main_thread():
        return step()
    if _worker is None:
        worker = threading.Thread(target=_work, name="publicduty-clingo", daemon=True)
        try:
            worker.start()
        except RuntimeError:  # no room for a thread's stack: run it here, uninterruptibly
            return step()
        _worker = worker
    done = threading.Event()
    box: list[tuple[bool, object]] = []
    _jobs.put((step, done, box))
    while not done.wait(_STEP):
        pass
    ok, value = box[0]
    if not ok:
        raise cast(BaseException, value)
    return cast(T, value)
