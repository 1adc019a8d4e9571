"""An opinion's text as its reporter paginates it, ready for exact phrase matching.

Opinion texts mark the reporter's page breaks inline with a star and the new page's
number, often in the middle of a word: "urgen*3cy" is "urgency", with "cy" on page 3.
The text before the first marker is on the page before it. Markers come in sequence,
so "*523" after page 4 is page 5 followed by the text "23", and a star number that
does not continue the sequence (such as "*4 of" among the footnotes) is text, not a
page break.

Matching is exact but for what typesetting varies: curly quotes and apostrophes read
as straight ones, any run of white space as one space, and a hyphen between two
letters ("Taliaf-erro", a word broken across a line) is dropped on both sides of the
match, so a quoted phrase is found however the text happened to be set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A star page marker: a star and the digits after it.
MARKER = re.compile(r"\*(\d+)")

#: Typographic variants read as their plain forms.
_FOLD = {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
         "\u201c": '"', "\u201d": '"', "\u201f": '"', "\u2033": '"'}

#: Characters that typesetting inserts and a quotation never means: the soft hyphen.
_DROPPED = {"\u00ad"}


def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` in the form phrases are matched in, and for each of its characters the index it came from."""
    out: list[str] = []
    origin: list[int] = []
    for index, raw in enumerate(text):
        char = _FOLD.get(raw, raw)
        if char in _DROPPED or (char == "-" and _between_letters(text, index)):
            continue
        if char.isspace():
            if not out or out[-1] == " ":
                continue
            char = " "
        out.append(char)
        origin.append(index)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


def _between_letters(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()


@dataclass(frozen=True)
class PagedText:
    """A normalised text without its markers, and the page each of its characters is on."""

    text: str
    pages: tuple[int | None, ...]  # None throughout when the text has no page markers

    def find(self, phrase: str) -> list[tuple[int | None, int | None]]:
        """The first and last page of every occurrence of ``phrase``, in text order."""
        wanted, _ = normalise(phrase)
        if not wanted:
            return []
        found = []
        start = self.text.find(wanted)
        while start >= 0:
            found.append((self.pages[start], self.pages[start + len(wanted) - 1]))
            start = self.text.find(wanted, start + 1)
        return found


def paginate(raw: str) -> PagedText:
    """Strip the star page markers from ``raw``, remembering the page of every character."""
    stripped: list[str] = []
    pages: list[int | None] = []
    page: int | None = None
    cursor = 0
    for marker in MARKER.finditer(raw):
        digits = marker.group(1)
        expected = str(page + 1) if page is not None else digits
        if not digits.startswith(expected):
            continue  # not the next page: the star and number are text
        _extend(stripped, pages, raw[cursor:marker.start()], page)
        if page is None:
            pages = [int(expected) - 1] * len(pages)
        page = int(expected)
        cursor = marker.start() + 1 + len(expected)  # the rest of the digits are text
    _extend(stripped, pages, raw[cursor:], page)
    text, origin = normalise("".join(stripped))
    return PagedText(text, tuple(pages[i] for i in origin))


def _extend(stripped: list[str], pages: list[int | None], chunk: str, page: int | None) -> None:
    stripped.append(chunk)
    pages.extend([page] * len(chunk))
