"""Figures (a), (c) and (e): the engine and the command line against the floor script.

Every figure checks first that the two sides reach the same holdings, then times them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

from publicduty.bench.children import in_child
from publicduty.bench.floor import case_files, floor
from publicduty.bench.per_case import per_case
from publicduty.bench.replicate import replicate
from publicduty.bench.timing import ms, paired, verdict
from publicduty.load.inputs import builtin_cases_dir
from publicduty.solve.casebook import Casebook

TARGET_FLOOR_RATIO = 1.5
TARGET_SCALE_SECONDS = 60.0
TARGET_BYTES = 1 << 30


def _engine() -> dict[tuple[str, str, str], str]:
    """The engine through its public door: load and check the case base, ground, solve."""
    return {(v, k.case, k.claimant): h for (v, k), h in Casebook().answer().holdings.items()}


def figure_engine(repeat: int) -> tuple[str, bool]:
    """(a): Casebook().answer() against the floor script and the per-case script, in process."""
    files = case_files([builtin_cases_dir()])
    engine = _engine()
    if not engine == floor(files) == per_case(files):
        raise AssertionError("the engine and the scripts disagree on some holding")
    ours, low = paired(_engine, partial(floor, files), repeat)
    _, each = paired(_engine, partial(per_case, files), repeat)
    met = ours / low <= TARGET_FLOOR_RATIO
    return (f"(a) engine, every claim under every view ({len(files)} case files, {len(engine)} holdings), "
            f"from files to holdings, medians of {repeat}:\n"
            f"    Casebook().answer(): {ms(ours)}; floor script (one Control, plain facts): {ms(low)}; "
            f"per-case script ({len(files)} Controls): {ms(each)}\n"
            f"    engine / floor = {ours / low:.2f} (target: at most {TARGET_FLOOR_RATIO}); "
            f"per-case / engine = {each / ours:.2f} - {verdict(met)}", met)


def _run(command: list[str]) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def figure_command_line(repeat: int) -> tuple[str, bool]:
    """(c): ``publicduty compare --all --json`` as a process against the floor script as a process."""
    ours_cmd = [sys.executable, "-m", "publicduty", "compare", "--all", "--json"]
    floor_cmd = [sys.executable, "-m", "publicduty.bench.floor", str(builtin_cases_dir())]
    derived = {f"{v}/{case['case']}/{c['claimant']}": h for case in json.loads(_run(ours_cmd))["cases"]
               for c in case["claimants"] for v, h in c["derived"].items()}
    if derived != json.loads(_run(floor_cmd)):
        raise AssertionError("compare --all --json and the floor script disagree on some holding")
    ours, low = paired(partial(_run, ours_cmd), partial(_run, floor_cmd), repeat)
    met = ours / low <= TARGET_FLOOR_RATIO
    return (f"(c) end to end, a fresh process each, medians of {repeat}: compare --all --json {ms(ours)}; "
            f"the floor script {ms(low)} (same {len(derived)} holdings)\n"
            f"    ratio {ours / low:.2f} (target: at most {TARGET_FLOOR_RATIO}) - {verdict(met)}", met)


def figure_scale(copies: int) -> tuple[str, bool]:
    """(e): the case base replicated ``copies`` times, engine and floor each in a child process."""
    with tempfile.TemporaryDirectory(prefix="publicduty-scale-") as folder:
        claims = replicate(Path(folder), copies)
        ours, low = in_child("engine", folder), in_child("floor", folder)
    if ours["digest"] != low["digest"]:
        raise AssertionError("at scale, the engine and the floor script disagree on some holding")
    ratio = ours["seconds"] / low["seconds"]
    met = (ours["seconds"] < TARGET_SCALE_SECONDS and ours["peak_bytes"] < TARGET_BYTES
           and ratio <= TARGET_FLOOR_RATIO)
    return (f"(e) {claims:,} claims ({copies:,} renamed copies of the case base), {ours['holdings']:,} holdings, "
            f"one child process each:\n"
            f"    engine {ours['seconds']:.1f} s, peak RSS {ours['peak_bytes'] / (1 << 20):,.0f} MiB; "
            f"floor script {low['seconds']:.1f} s, {low['peak_bytes'] / (1 << 20):,.0f} MiB; ratio {ratio:.2f}\n"
            f"    targets: under {TARGET_SCALE_SECONDS:.0f} s, under 1 GiB, at most {TARGET_FLOOR_RATIO} times "
            f"the floor - {verdict(met)}", met)
