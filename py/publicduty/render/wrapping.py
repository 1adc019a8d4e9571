"""Wrapped text, memoised: a report wraps the same rule statements and labels thousands of times.

The case base has about a thousand distinct texts, wrapped some 27,000 times for the
report's outlines and graph labels; ``textwrap`` is pure Python, so remembering each
answer saves a quarter of the report's time. The cache is bounded so a huge case base
cannot grow it without end.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache


@lru_cache(maxsize=1 << 16)
def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "",
         break_hyphens: bool = True) -> tuple[str, ...]:
    """``textwrap.wrap`` with these options (``break_hyphens`` False also keeps long words whole), as a tuple."""
    return tuple(textwrap.wrap(text, width, initial_indent=initial_indent, subsequent_indent=subsequent_indent,
                               break_on_hyphens=break_hyphens, break_long_words=break_hyphens))
