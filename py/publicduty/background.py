"""Run a long clingo call where Ctrl-C can still be heard.

clingo's grounding and solving are C calls: while the main thread is inside one, Python
never runs its signal handlers, so Ctrl-C (and the ``--timeout`` message) would wait
until the call returns, which for a large grounding is minutes. Such a call runs here in
a daemon thread (the C call releases the interpreter lock) while the main thread waits in
short, interruptible steps; a signal handler that ends the process then runs at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: How often the waiting main thread wakes, so a signal is handled within this many seconds.
_STEP = 0.05


def call(step: Callable[[], T]) -> T:
    """``step()``, run in a worker thread; its result, or its exception raised here."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            outcome.append(step())
        except BaseException as err:  # handed to the waiting thread as it was
            failure.append(err)

    worker = threading.Thread(target=work, name="publicduty-clingo", daemon=True)
    try:
        worker.start()
    except RuntimeError:  # no room for a thread's stack (a memory limit): run it here, uninterruptibly
        return step()
    while worker.is_alive():
        worker.join(_STEP)
    if failure:
        raise failure[0]
    return outcome[0]
