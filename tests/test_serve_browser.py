"""The explorer in a real browser: Debian's Chromium driven by Playwright, clicking facts and reading holdings.

Like the report's browser test, it is skipped where no Chromium is installed
(``.ci/run`` installs Debian's); Playwright never downloads a browser of its own.
It leaves a screenshot of the page in ``docs/serve.png``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from commandline import run
from publicduty.render.words import holding_word
from publicduty.serve.testserver import running
from publicduty.solve.casebook import Casebook

DOCS = Path(__file__).parents[1] / "docs"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if executable is None:
        pytest.skip("no Chromium installed (.ci/run installs Debian's chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running(Casebook()) as url:
        yield url


@pytest.fixture
def page(browser: Browser, base: str) -> Iterator[Page]:
    opened = browser.new_page(viewport={"width": 1400, "height": 1000})
    opened.set_default_timeout(20_000)
    opened.goto(f"{base}/?case=warren&claimant=warren")
    yield opened
    opened.close()


def test_clicking_a_fact_moves_the_holdings_as_whatif_does(page: Page) -> None:
    kelly = page.locator('#views article[data-view="warren-kelly"]')
    expect(kelly.locator(".holding")).to_have_text("duty")
    page.locator('tr[data-fact="direct_contact"] input[value="false"]').click()
    expect(kelly.locator(".holding")).to_have_text("no duty")
    expect(kelly).to_have_class("view moved")
    expect(page.locator('tr[data-fact="direct_contact"]')).to_have_class("changed")
    cli = json.loads(run("whatif", "warren", "warren", "--unset", "direct_contact", "--json").out)
    for result in cli["results"]:  # the page shows what the command line gives, view by view
        expect(page.locator(f'#views article[data-view="{result["view"]}"] .holding')).to_have_text(
            holding_word(result["after"]["holding"]))
    page.locator("#reset").click()
    expect(kelly.locator(".holding")).to_have_text("duty")


def test_the_switches_work_from_the_keyboard(page: Page) -> None:
    nolan = page.locator('#views article[data-view="irwin-nolan"] .holding')
    expect(nolan).to_have_text("duty")
    page.locator('tr[data-fact="justifiable_reliance"] input[value="true"]').focus()
    page.keyboard.press("ArrowRight")  # true -> false, as a radio group moves
    expect(page.locator('tr[data-fact="justifiable_reliance"] input[value="false"]')).to_be_checked()
    expect(page.locator('#views article[data-view="warren-kelly"] .holding')).to_have_text("no duty")


def test_a_flip_applies_in_one_click_and_the_graph_explains(page: Page) -> None:
    kelly = page.locator('#views article[data-view="warren-kelly"]')
    kelly.get_by_role("button", name="What would flip this?").click()
    first = kelly.locator(".flips li").first
    expect(first).to_contain_text("becomes no duty: assurance_of_protection: true → false")
    first.get_by_role("button", name="Apply").click()
    expect(page.locator('tr[data-fact="assurance_of_protection"] input[value="false"]')).to_be_checked()
    expect(kelly.locator(".holding")).to_have_text("no duty")
    kelly.get_by_role("button", name="Explain").click()
    expect(page.locator("#explanation pre.outline")).to_contain_text("Holding: no duty")
    if shutil.which("dot"):
        expect(page.locator("#explanation .graph svg")).to_have_count(1)
    page.get_by_role("button", name="Find the minimal fact patterns").click()
    expect(page.locator("#patterns li").first).to_contain_text("duty for")
    page.locator('tr[data-fact="assurance_of_protection"]').scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, 0)")
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "serve.png"))
    assert (DOCS / "serve.png").stat().st_size > 50_000


def test_the_page_fits_a_phone(browser: Browser, base: str) -> None:
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(f"{base}/?case=irwin&claimant=irwin")
    expect(phone.locator('#views article[data-view="irwin-nolan"] .holding')).to_have_text("no duty")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    phone.close()
