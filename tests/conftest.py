"""Shared fixtures: the built-in casebook plus the test hypotheticals, solved once; Hypothesis's profiles.

Property tests run derandomized by default (profile ``ci``): the same examples every run,
so a landing never depends on luck. ``HYPOTHESIS_PROFILE=long`` runs ten times as many
random examples, to look for what the fixed ones miss (see the README's "Testing").
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from publicduty.model.answer import Answer
from publicduty.solve.casebook import Casebook

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=500, print_blob=True)
settings.register_profile("long", derandomize=False, deadline=None, max_examples=5000, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TESTS = Path(__file__).parent
HYPOTHETICALS = TESTS / "hypotheticals"


@pytest.fixture(scope="session")
def book() -> Casebook:
    return Casebook(case_dirs=[HYPOTHETICALS])


@pytest.fixture(scope="session")
def answer(book: Casebook) -> Answer:
    return book.answer()
