"""The one casebook a server process answers from, and the lock that keeps its engine to one request at a time.

The casebook is grounded once when the server starts; every what-if is an assignment
of the live slot's externals and a solve on that grounding
(:meth:`publicduty.solve.casebook.Casebook.answer_with`). A clingo ``Control`` is not safe to
use from two threads, and the slot's assignment is shared by every request, so a request
holds the lock from its assignment to its last read: each tab gets its own answer, never
another request's facts.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from publicduty.solve.casebook import Casebook


class Explorer:
    """A loaded, grounded casebook and the lock every use of its engine (and its searches) takes."""

    def __init__(self, book: Casebook) -> None:
        """Ground ``book`` now, so the first request does not pay for it."""
        self._book = book
        self._lock = threading.Lock()
        book.ready()

    @contextmanager
    def using(self) -> Iterator[Casebook]:
        """The casebook, held for this request alone until the block ends."""
        with self._lock:
            yield self._book

    @property
    def unlocked(self) -> Casebook:
        """The casebook for what needs no engine: the catalogue, the case files, the view list."""
        return self._book
