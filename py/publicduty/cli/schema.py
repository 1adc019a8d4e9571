"""``publicduty schema``: the case-file format as a JSON Schema, for an editor beside one's own case files."""

from __future__ import annotations

import argparse

from publicduty.cli.common import casebook, print_json
from publicduty.load.caseschema import FILE_NAME, MODELINE, case_schema

NAME = "schema"
HELP = (f"print the case-file format as a JSON Schema (save it as {FILE_NAME} beside your case files "
        f"and start each with '{MODELINE}': an editor then completes fact names and flags misspellings)")


def configure(parser: argparse.ArgumentParser) -> None:
    """No options of its own: the global ones say which vocabulary (``--logic``)."""


def run(args: argparse.Namespace) -> int:
    """Print the schema for the vocabulary the global options load."""
    print_json(case_schema(casebook(args).catalogue))
    return 0
