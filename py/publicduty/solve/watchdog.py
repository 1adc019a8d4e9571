"""``--timeout``: stop a command whose grounding or solving runs too long, with one line.

A large case base can make clingo ground for minutes, and clingo's grounding cannot be
interrupted through its API. So a timer thread, when the time is up, prints the error,
naming what was running (:func:`doing` records it), and ends the process with
``os._exit``. That is only safe because the command line holds back everything a command
prints until it has finished (see :func:`publicduty.cli.main.main`): when the watchdog fires,
nothing has reached standard output.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from types import TracebackType

#: What the command is doing now, for the message of a watchdog that fires.
_doing = ["starting"]


def doing(what: str) -> None:
    """Record that the command is now ``what`` (such as "grounding 35 claims")."""
    _doing[0] = what


def now_doing() -> str:
    """What the command was last recorded doing."""
    return _doing[0]


class Watchdog:
    """Ends the process with the ``report`` line on standard error unless disarmed within ``seconds``."""

    def __init__(self, seconds: float | None, report: Callable[[], str], status: int) -> None:
        """Arm the watchdog; ``None`` seconds means no limit."""
        self._report = report
        self._status = status
        self._lock = threading.Lock()
        self._armed = seconds is not None
        self._timer = threading.Timer(seconds or 0, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> Watchdog:
        if self._armed:
            self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.disarm()

    def disarm(self) -> None:
        """Let the command finish; after this returns the watchdog never fires."""
        with self._lock:
            self._armed = False
            self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            if not self._armed:
                return
            sys.stderr.write(self._report() + "\n")
            sys.stderr.flush()
            os._exit(self._status)
