"""Shared fixtures: the built-in casebook plus the test hypotheticals, solved once."""

from __future__ import annotations

from pathlib import Path

import pytest

from publicduty.casebook import Casebook
from publicduty.engine import Answer

TESTS = Path(__file__).parent
HYPOTHETICALS = TESTS / "hypotheticals"


@pytest.fixture(scope="session")
def book() -> Casebook:
    return Casebook(case_dirs=[HYPOTHETICALS])


@pytest.fixture(scope="session")
def answer(book: Casebook) -> Answer:
    return book.answer()
