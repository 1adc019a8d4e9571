"""A progress bar on standard error, for work that takes over a second.

It draws one line, rewritten in place, and only when standard error is a terminal:
a pipe or a log file gets nothing, so scripts and tests see the same output as before.
It stays silent for the first second, so quick runs never flicker.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

#: Work that ends sooner than this shows no bar at all.
QUIET_SECONDS = 1.0


class Progress:
    """Counts steps of one named task and redraws the line at most ten times a second."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        """Start counting ``total`` steps of ``label`` on ``stream`` (default: standard error)."""
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        self.shown = self.stream.isatty()
        self.start = self._last = time.monotonic()
        self._drawn = False

    def step(self, count: int = 1) -> None:
        """``count`` more steps are done."""
        self.done += count
        now = time.monotonic()
        if self.shown and now - self.start >= QUIET_SECONDS and now - self._last >= 0.1:
            self._last, self._drawn = now, True
            width = 30
            filled = width * self.done // max(self.total, 1)
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        """Clear the line, if one was drawn."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
