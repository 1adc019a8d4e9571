"""``publicduty report``: write the self-contained HTML report and its Markdown twin."""

from __future__ import annotations

import argparse
from pathlib import Path

from publicduty.cli.common import casebook
from publicduty.render.report import write_report
from publicduty.render.svg import INSTALL_HINT, available

NAME = "report"
HELP = "write a self-contained HTML report (index.html) and its Markdown twin (report.md)"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("--out", metavar="DIR", type=Path, default=Path("build/report"),
                        help="the folder to write into (default: build/report)")


def run(args: argparse.Namespace) -> int:
    """Gather everything first, then write; say where the report is."""
    book = casebook(args)
    files = write_report(book, args.out)
    print(f"wrote {args.out / 'index.html'} and {args.out / 'report.md'} ({len(files)} files)")
    if not available():
        print(f"graphs are shown as text outlines: {INSTALL_HINT}")
    return 0
