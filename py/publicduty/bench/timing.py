"""Timing helpers for the benchmark: paired medians, so a busy machine slows both sides alike."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable

import clingo


def timed(step: Callable[[], object]) -> float:
    """Seconds ``step`` takes."""
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def paired(first: Callable[[], object], second: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Medians of ``repeat`` runs of each step, taken in turn."""
    times = [(timed(first), timed(second)) for _ in range(repeat)]
    return statistics.median(t for t, _ in times), statistics.median(t for _, t in times)


def ms(seconds: float) -> str:
    """Seconds as milliseconds, for printing."""
    return f"{seconds * 1000:,.1f} ms"


def verdict(met: bool) -> str:
    """How a figure stands against its target."""
    return "target met" if met else "TARGET MISSED"


def machine() -> str:
    """The context every absolute figure needs."""
    return (f"{os.cpu_count()} CPUs, {platform.machine()} {platform.system()}, "
            f"Python {platform.python_version()}, clingo {clingo.__version__}")
