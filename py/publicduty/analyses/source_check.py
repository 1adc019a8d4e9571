"""Every quoted phrase of every rule, checked against the opinion's text on the cited page.

A rule's ``quote(R, Cite, Text)`` promises that the page ``Cite`` names contains
``Text``. The project does not ship the opinions, so the check reads a folder of texts
the user has: each text is recognised as a reporter's by the phrase
``logic/law/sources.lp`` declares for it, paginated by its star markers
(:mod:`publicduty.analyses.star_pages`), and searched. A phrase passes when it occurs on a page
within the cite's page or range ("444 A.2d at 5-6"); for a footnote ("444 A.2d at 3
n.2") its presence anywhere in the text is enough, because footnotes are printed
apart from the page they belong to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from publicduty.analyses.star_pages import PagedText, paginate
from publicduty.errors import InputError, Problem
from publicduty.load import lptext, safefile
from publicduty.model.catalogue import Catalogue

#: A quote's cite: a reporter, a page or range of pages, and perhaps a footnote.
CITE = re.compile(r"(?P<reporter>.+?) at (?P<first>\d+)(?:-(?P<last>\d+))?(?P<note> n\.\s*\d+)?")

#: Opinion texts are a few hundred kilobytes at most; a larger file is not one.
MAX_BYTES = 16_777_216


@dataclass(frozen=True)
class Cite:
    """Where a quote says it stands."""

    reporter: str
    first: int
    last: int
    footnote: bool

    @classmethod
    def parse(cls, cite: str) -> Cite | None:
        """Read ``444 A.2d at 5-6`` or ``444 A.2d at 3 n.2``; None when the cite is not of that form."""
        match = CITE.fullmatch(cite.strip())
        if match is None:
            return None
        first = match.group("first")
        last = match.group("last") or first
        if len(last) < len(first):  # "775-76" means 775 to 776
            last = first[: len(first) - len(last)] + last
        if int(last) < int(first):
            return None
        return cls(match.group("reporter"), int(first), int(last), match.group("note") is not None)


@dataclass(frozen=True)
class Source:
    """One reporter's text, read from a file."""

    reporter: str
    path: Path
    text: PagedText


@dataclass(frozen=True)
class QuoteCheck:
    """The result for one quote: found where cited, or what is wrong."""

    rule: str
    cite: str
    phrase: str
    found_on: tuple[str, ...]  # the pages (or page ranges) of each occurrence
    problem: str  # '' when the quote is where its cite says

    @property
    def ok(self) -> bool:
        """The phrase stands where the cite says."""
        return not self.problem


def read_sources(folder: Path, catalogue: Catalogue) -> dict[str, Source]:
    """Recognise each ``*.txt`` in ``folder`` as a declared reporter's text, by its phrase."""
    if not folder.is_dir():
        raise InputError.at(folder, None, "not a folder", "give the folder that holds the opinion texts (*.txt)")
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise InputError.at(folder, None, "holds no *.txt files", "give the folder that holds the opinion texts")
    sources: dict[str, Source] = {}
    for path in files:
        paged = paginate(_read(path))
        for reporter, fingerprint in sorted(catalogue.reporters.items()):
            if not paged.find(fingerprint):
                continue
            if reporter in sources:
                raise InputError.at(path, None, f"a second text of {reporter} (the first is {sources[reporter].path})",
                                    "keep one text of each reporter in the folder")
            sources[reporter] = Source(reporter, path, paged)
    return sources


def _read(path: Path) -> str:
    return safefile.read_text(path, "an opinion text", "remove it from the folder", MAX_BYTES)


def check(catalogue: Catalogue, sources: dict[str, Source]) -> list[QuoteCheck]:
    """Check every quote of every rule, in rule id order."""
    out = []
    for rule in sorted(catalogue.rules.values(), key=lambda r: r.id):
        for quote in rule.quotes:
            out.append(_check_quote(rule.id, quote.cite, quote.text, catalogue, sources))
    return out


def _check_quote(rule: str, cite_text: str, phrase: str, catalogue: Catalogue,
                 sources: dict[str, Source]) -> QuoteCheck:
    cite = Cite.parse(cite_text)
    if cite is None:
        return QuoteCheck(rule, cite_text, phrase, (), "the cite is not of the form '<reporter> at <page>[-<page>]"
                          "[ n.<note>]'")
    source = sources.get(cite.reporter)
    if source is None:
        if cite.reporter not in catalogue.reporters:
            return QuoteCheck(rule, cite_text, phrase, (), f"no reporter_text/2 declares how to recognise "
                              f"{cite.reporter}")
        return QuoteCheck(rule, cite_text, phrase, (), f"no text of {cite.reporter} in the folder (none contains "
                          f"\"{catalogue.reporters[cite.reporter]}\")")
    spans = source.text.find(phrase)
    found_on = tuple(_pages(first, last) for first, last in spans)
    if not spans:
        return QuoteCheck(rule, cite_text, phrase, (), f"not found in {source.path.name}")
    if cite.footnote or any(_overlaps(cite, first, last) for first, last in spans):
        return QuoteCheck(rule, cite_text, phrase, found_on, "")
    return QuoteCheck(rule, cite_text, phrase, found_on,
                      f"found in {source.path.name} on page {', '.join(found_on)}, not at {cite.first}"
                      + (f"-{cite.last}" if cite.last != cite.first else ""))


def _pages(first: int | None, last: int | None) -> str:
    if first is None or last is None:
        return "?"  # the text has no page markers
    return str(first) if first == last else f"{first}-{last}"


def _overlaps(cite: Cite, first: int | None, last: int | None) -> bool:
    return first is not None and last is not None and first <= cite.last and last >= cite.first


def problems(checks: Iterable[QuoteCheck], logic_files: Iterable[Path]) -> list[Problem]:
    """One problem per failed quote, at the line of the logic file that states it."""
    texts = [(path, lptext.read(path)) for path in logic_files]
    out = []
    for failed in (c for c in checks if not c.ok):
        path, line = _locate(failed, texts)
        out.append(Problem(path, line, f"{failed.rule}: \"{failed.phrase}\" ({failed.cite}): {failed.problem}",
                           "correct the phrase or its cite"))
    return out


def _locate(failed: QuoteCheck, texts: list[tuple[Path, str]]) -> tuple[str, int | None]:
    """The file and line of the ``quote/3`` fact behind a check."""
    pattern = re.compile(r"quote\(\s*" + r"\s*,\s*".join(re.escape('"' + _escaped(s) + '"')
                                                            for s in (failed.rule, failed.cite, failed.phrase)))
    for path, text in texts:
        match = pattern.search(text)
        if match:
            return str(path), text.count("\n", 0, match.start()) + 1
    return "<logic>", None


def _escaped(text: str) -> str:
    """A string as clingo source writes it."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
