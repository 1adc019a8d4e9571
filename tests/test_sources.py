"""Sources: star pages, quote matching, the check-sources command, and every rule's authority.

The page logic and the checker run on the small synthetic texts in tests/sources/, and
the command on texts generated from the real quotes; the real opinions (which the
project does not ship) are checked by .ci/run when ../shared/seeds is there.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from publicduty.analyses.source_check import Cite, QuoteCheck, check, problems, read_sources
from publicduty.analyses.star_pages import normalise, paginate
from publicduty.cli.main import main
from publicduty.solve.casebook import Casebook
from publicduty.solve.engine import Engine

SOURCES = Path(__file__).parent / "sources"
TEXTS = SOURCES / "texts"


def page_of(text: str, phrase: str) -> list[tuple[int | None, int | None]]:
    return paginate(text).find(phrase)


def test_text_before_the_first_marker_is_on_the_page_before() -> None:
    text = "Opening words. *3 Third page. *4 Fourth page."
    assert page_of(text, "Opening words.") == [(2, 2)]
    assert page_of(text, "Third page.") == [(3, 3)]
    assert page_of(text, "Fourth page.") == [(4, 4)]


def test_markers_inside_words_are_stripped() -> None:
    assert page_of("the dispatcher's urgen*3cy and inves*4tigation", "urgency and investigation") == [(2, 4)]
    assert page_of("urgen*3cy", "urgen") == [(2, 2)]
    assert page_of("urgen*3cy", "cy") == [(3, 3)]


def test_a_marker_runs_into_the_digits_that_follow_it() -> None:
    # After page 4, "*523" is page 5 followed by "23" (247 So.2d 523 in Warren's appendix).
    text = "a *3 b *4 Henderson, 247 So.2d *523 (Fla. 1971) *6 after"
    assert page_of(text, "247 So.2d 23 (Fla. 1971)") == [(4, 5)]
    assert page_of(text, "(Fla. 1971)") == [(5, 5)]
    assert page_of(text, "after") == [(6, 6)]


def test_markers_out_of_sequence_are_text() -> None:
    text = "a *8 body *9 last page. footnote *4 of the opinion"
    assert page_of(text, "footnote *4 of the opinion") == [(9, 9)]
    assert page_of(text, "last page.") == [(9, 9)]


def test_a_text_without_markers_has_no_pages() -> None:
    assert page_of("no markers here", "markers") == [(None, None)]


def test_normalising_folds_quotes_whitespace_and_soft_hyphens() -> None:
    assert normalise("\u201cpublic  duty\u201d\n rule")[0] == '"public duty" rule'
    assert normalise("the court\u2019s  \u2018rule\u2019")[0] == "the court's 'rule'"
    assert normalise("Taliaf-erro and Han-non")[0] == normalise("Taliaferro and Hannon")[0]
    assert normalise("soft\u00adhyphen")[0] == "softhyphen"
    assert normalise("pages 5-6")[0] == "pages 5-6"  # a hyphen between digits stays


def test_every_occurrence_is_found_with_its_pages() -> None:
    text = "rule here *6 and rule there"
    assert page_of(text, "rule") == [(5, 5), (6, 6)]
    assert page_of(text, "absent") == []


@pytest.mark.parametrize(("cite", "expected"), [
    ("444 A.2d at 6", Cite("444 A.2d", 6, 6, False)),
    ("444 A.2d at 5-6", Cite("444 A.2d", 5, 6, False)),
    ("392 Mass. at 775-76", Cite("392 Mass.", 775, 776, False)),
    ("444 A.2d at 3 n.2", Cite("444 A.2d", 3, 3, True)),
    ("444 A.2d passim", None),
    ("444 A.2d at 6-5", None),
])
def test_cites_are_read(cite: str, expected: Cite | None) -> None:
    assert Cite.parse(cite) == expected


@pytest.fixture(scope="module")
def synthetic() -> dict[str, QuoteCheck]:
    catalogue = Engine([SOURCES / "quotes.lp"]).catalogue
    sources = read_sources(TEXTS, catalogue)
    assert {r: s.path.name for r, s in sources.items()} == {"1 Synth.": "synthetic.txt"}
    return {c.rule: c for c in check(catalogue, sources)}


def test_quotes_on_their_cited_pages_pass(synthetic: dict[str, QuoteCheck]) -> None:
    passing = {r: c.found_on for r, c in synthetic.items() if c.ok}
    assert passing == {
        "synth:curly-quotes": ("10",),
        "synth:soft-hyphen": ("10",),
        "synth:across-pages": ("10-11",),
        "synth:in-range": ("13",),
        "synth:footnote": ("14",),  # a footnote's presence is enough
    }


def test_quotes_elsewhere_or_nowhere_fail_with_the_reason(synthetic: dict[str, QuoteCheck]) -> None:
    failing = {r: c.problem for r, c in synthetic.items() if not c.ok}
    assert failing == {
        "synth:misplaced": "found in synthetic.txt on page 13-14, not at 12",
        "synth:missing": "not found in synthetic.txt",
        "synth:no-text": "no text of 2 Other in the folder (none contains \"a phrase no text in texts/ contains\")",
        "synth:undeclared": "no reporter_text/2 declares how to recognise 3 Nowhere",
        "synth:bad-cite": "the cite is not of the form '<reporter> at <page>[-<page>][ n.<note>]'",
    }


def test_each_failure_is_reported_at_the_line_of_its_quote(synthetic: dict[str, QuoteCheck]) -> None:
    lines = (SOURCES / "quotes.lp").read_text().splitlines()
    found = {p.what.split(":", 2)[0] + ":" + p.what.split(":", 2)[1]: p for p in
             problems(synthetic.values(), [SOURCES / "quotes.lp"])}
    assert set(found) == {"synth:misplaced", "synth:missing", "synth:no-text", "synth:undeclared", "synth:bad-cite"}
    misplaced = found["synth:misplaced"]
    assert misplaced.path == str(SOURCES / "quotes.lp")
    assert misplaced.line is not None and lines[misplaced.line - 1].startswith('quote("synth:misplaced"')
    assert str(misplaced) == (f"{SOURCES / 'quotes.lp'}:{misplaced.line}: synth:misplaced: \"continues on page "
                              "fourteen\" (1 Synth. at 12): found in synthetic.txt on page 13-14, not at 12; "
                              "correct the phrase or its cite")


def test_every_rule_has_a_source_and_its_words(book: Casebook) -> None:
    """A rule without a source fails the tests."""
    for rule in book.catalogue.rules.values():
        assert rule.cites, f"rule {rule.id} has no cite/2"
        assert rule.says.strip(), f"rule {rule.id} has no says/2"
        if rule.effect in ("recognises", "rejects", "default"):
            assert rule.quotes, f"rule {rule.id} quotes no phrase of its source (quote/3)"


def test_every_quote_cites_a_page_of_a_declared_reporter(book: Casebook) -> None:
    for rule in book.catalogue.rules.values():
        for quote in rule.quotes:
            cite = Cite.parse(quote.cite)
            assert cite is not None, f"rule {rule.id}: quote cite '{quote.cite}' is not '<reporter> at <page>'"
            assert cite.reporter in book.catalogue.reporters, f"rule {rule.id}: no reporter_text/2 for {cite.reporter}"


def opinion_texts(book: Casebook, folder: Path, moved: tuple[str, str] | None = None) -> None:
    """Write one text per reporter holding every quoted phrase on its cited page (``moved`` one page on)."""
    phrases: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for rule in book.catalogue.rules.values():
        for quote in rule.quotes:
            cite = Cite.parse(quote.cite)
            assert cite is not None
            page = cite.last + 1 if (rule.id, quote.text) == moved else cite.first
            phrases[cite.reporter][page].append(quote.text)
    for number, (reporter, pages) in enumerate(sorted(phrases.items())):
        first = min(pages)
        body = [book.catalogue.reporters[reporter] + "."]
        for page in range(first, max(pages) + 1):
            body.append(f"*{page} " + " / ".join(pages.get(page, [])))
        (folder / f"{number}.txt").write_text("\n".join(body))


def test_check_sources_passes_when_every_phrase_is_on_its_page(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    book = Casebook()
    opinion_texts(book, tmp_path)
    status = main(["check-sources", str(tmp_path)])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    quotes = sum(len(r.quotes) for r in book.catalogue.rules.values())
    assert out.startswith(f"{quotes} quoted phrases of ")
    assert "each is on its cited page" in out
    assert main(["check-sources", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["texts"] == {"392 Mass.": "0.txt", "444 A.2d": "1.txt"}
    assert len(data["quotes"]) == quotes
    kelly = next(q for q in data["quotes"] if q["rule"] == "kelly:two-factor-test")
    assert (kelly["cite"], kelly["found_on"]) == ("392 Mass. at 775", ["775"])


def test_check_sources_names_a_misplaced_phrase_and_exits_2(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    book = Casebook()
    counts: dict[str, int] = defaultdict(int)
    for rule in book.catalogue.rules.values():
        for quote in rule.quotes:
            counts[quote.text] += 1
    rule, quote = next((r, q) for r in sorted(book.catalogue.rules.values(), key=lambda r: r.id)
                       for q in r.quotes if counts[q.text] == 1 and " n." not in q.cite)
    opinion_texts(book, tmp_path, moved=(rule.id, quote.text))
    status = main(["check-sources", str(tmp_path)])
    out, err = capsys.readouterr()
    cite = Cite.parse(quote.cite)
    assert cite is not None
    assert (status, out) == (2, "")
    (line,) = err.splitlines()
    assert f"{rule.id}: \"{quote.text}\" ({quote.cite}): found in " in line
    assert f"on page {cite.last + 1}, not at " in line
    assert line.startswith("publicduty: error: ") and ".lp:" in line


def test_check_sources_without_texts_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-sources", str(tmp_path / "absent")]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert main(["check-sources", str(tmp_path)]) == 2
    assert "holds no *.txt files" in capsys.readouterr().err
