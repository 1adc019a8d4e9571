"""The report: a self-contained page that renders in a real browser, and a Markdown twin."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from publicduty.cli.main import main
from publicduty.render import svg as graphs
from publicduty.solve.casebook import Casebook

BUILD = Path(__file__).parents[1] / "build"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    assert main(["report", "--out", str(out)]) == 0
    return out


def test_page_is_self_contained_with_matrix_votes_and_maps(report: Path) -> None:
    page = (report / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org", "")
    matrix = page.split("<table class='matrix'>")[1].split("</table>")[0]
    book = Casebook()
    claims = sum(len(c.claimants) for c in book.cases.values())
    assert matrix.count("<tr>") == claims + 1
    for view in book.views:
        assert f">{view}</th>" in matrix
    assert "<td class='duty' title='privity_assurance_reliance (certain)'>duty</td>" in matrix
    # as in the terminal's compare: the views' derived holdings, the bar, then the court's documented holding
    header = matrix.split("</tr>")[0]
    assert header.startswith("<tr><th>case</th><th>claimant</th>") and header.endswith("<th>|</th><th>court</th>")
    assert all(header.index(">claimant</th>") < header.index(f">{view}</th>") < header.index("<th>|</th>")
               for view in book.views)
    warren = next(r for r in matrix.split("</tr>") if "#case-warren'" in r and "<td>taliaferro</td>" in r)
    assert warren.endswith("<td class='duty' title='privity_assurance_reliance (certain)'>duty</td>"
                           "<td></td><td class='no_duty'>no duty</td>")
    assert "Votes on the claim of <b>irwin</b>" in page
    assert "<h3>warren-majority and warren-kelly</h3>" in page
    assert "<td>assurance_of_protection, direct_contact, justifiable_reliance</td><td>warren-kelly</td>" in page


def test_graphs_are_drawn_or_degrade_to_outlines(report: Path) -> None:
    page = (report / "index.html").read_text(encoding="utf-8")
    if graphs.available():
        assert page.count("<svg") >= 100
        assert any((report / "graphs").glob("warren--warren--warren-kelly.svg"))
    else:
        assert graphs.INSTALL_HINT in page
    assert "privity plus specific assurances of protection" in page  # the outline is always there


def test_markdown_twin_has_no_raw_html(report: Path) -> None:
    text = (report / "report.md").read_text(encoding="utf-8")
    outside_code = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    assert not re.search(r"<[a-zA-Z/][^>]*>", outside_code)
    assert "| warren | taliaferro | no duty | no duty | duty | duty | duty |  | no duty |" in text
    for image in re.findall(r"\]\((graphs/[^)]+)\)", text):
        assert (report / image).is_file()


def test_page_renders_in_a_browser(report: Path) -> None:
    browser = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        pytest.skip("no Chromium installed (.ci/run installs Debian's chromium)")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={report / 'profile'}"]
    url = (report / "index.html").as_uri()
    dom = subprocess.run([browser, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120,
                         check=True).stdout
    assert "<table class=\"matrix\">" in dom
    assert "<svg" in dom or not graphs.available()
    BUILD.mkdir(exist_ok=True)
    shot = BUILD / "report-screenshot.png"
    subprocess.run([browser, *flags, "--window-size=1400,1000", f"--screenshot={shot}", url],
                   capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
