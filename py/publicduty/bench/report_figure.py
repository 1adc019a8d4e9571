"""Figure (f): ``publicduty report`` on the case base against ``compare --all``, and at scale."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

from publicduty.bench.children import in_child
from publicduty.bench.engine_figures import TARGET_BYTES, TARGET_SCALE_SECONDS
from publicduty.bench.replicate import replicate
from publicduty.bench.timing import ms, paired, verdict

TARGET_REPORT_RATIO = 3.0


def _cli(*argv: str) -> float:
    return float(in_child("cli", *argv)["seconds"])


def figure_report(repeat: int, copies: int) -> tuple[str, bool]:
    """(f): both commands in child processes (imports not counted), then the report at ``copies`` times."""
    with tempfile.TemporaryDirectory(prefix="publicduty-report-") as folder:
        out = str(Path(folder) / "report")
        report, compare = paired(partial(_cli, "report", "--out", out), partial(_cli, "compare", "--all", "--json"),
                                 repeat)
        cases = Path(folder) / "cases"
        claims = replicate(cases, copies)
        big = in_child("cli", "--no-builtin-cases", "--cases", str(cases), "report", "--out", out)
        size = sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
    ratio = report / compare
    met = ratio <= TARGET_REPORT_RATIO and big["seconds"] < TARGET_SCALE_SECONDS and big["peak_bytes"] < TARGET_BYTES
    return (f"(f) report, medians of {repeat} (in a child process, imports not counted): {ms(report)}; "
            f"compare --all --json {ms(compare)}; ratio {ratio:.2f} (target: at most {TARGET_REPORT_RATIO:.0f})\n"
            f"    at {copies} times the case base ({claims:,} claims): {big['seconds']:.1f} s, peak RSS "
            f"{big['peak_bytes'] / (1 << 20):,.0f} MiB, {size / (1 << 20):,.1f} MiB written "
            f"(targets: under {TARGET_SCALE_SECONDS:.0f} s and 1 GiB) - {verdict(met)}", met)


