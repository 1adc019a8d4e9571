"""The report's output folder: refuse what cannot be written, then replace it all at once.

A report is written into a fresh temporary folder beside the target (same file system, so
the final move is a rename) and moved into place only when every file is written. A run
that fails leaves the old report as it was and no temporary folder behind; a new report
never mixes with stale files of an old one. The folder given is replaced only if it is
empty or holds nothing but what a report writes, so a mistyped ``--out`` cannot delete a
user's files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from publicduty.errors import InputError

#: What a report folder holds: its pages (regular files) and the graphs folder.
PAGES = ("index.html", "report.md")
GRAPHS = "graphs"


def _refuse(path: Path, what: str, fix: str) -> InputError:
    return InputError.at(path, None, what, fix)


def check(out_dir: Path) -> None:
    """Raise a one-line InputError if a report cannot be written to ``out_dir``; write nothing."""
    if out_dir.is_symlink() or (out_dir.exists() and not out_dir.is_dir()):
        raise _refuse(out_dir, "exists and is not a folder", "give --out a new or a report folder")
    if out_dir.is_dir():
        for entry in out_dir.iterdir():
            _check_entry(out_dir, entry)
    parent = _parent(out_dir)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise _refuse(parent, "cannot write into this folder (read-only)", "give --out a folder you can write")


def _check_entry(out_dir: Path, entry: Path) -> None:
    if entry.name in PAGES and (entry.is_symlink() or not entry.is_file()):
        raise _refuse(entry, "exists and is not a regular file", "remove it or give --out another folder")
    if entry.name == GRAPHS and (entry.is_symlink() or not entry.is_dir()):
        raise _refuse(entry, "exists and is not a folder", "remove it or give --out another folder")
    if entry.name == GRAPHS:
        stray = next((f for f in entry.iterdir() if f.suffix != ".svg" or f.is_symlink() or not f.is_file()), None)
        if stray is not None:
            raise _refuse(stray, "is not a graph the report wrote", "remove it or give --out another folder")
    elif entry.name not in PAGES:
        raise _refuse(out_dir, f"holds '{entry.name}', which no report writes",
                      "give --out a new or an empty folder, or a folder a report made")


def _parent(out_dir: Path) -> Path:
    """The nearest existing folder above ``out_dir``: the one that must be writable."""
    parent = out_dir.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise _refuse(parent, "exists and is not a folder", "give --out a path under a folder")
    return parent


@contextmanager
def staged(out_dir: Path) -> Iterator[Path]:
    """A fresh folder to write the report into, moved to ``out_dir`` when the block ends without error."""
    check(out_dir)
    parent = out_dir.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=parent))
        stage.chmod(0o777 & ~_umask())  # mkdtemp's folder is private; a report folder is not
    except OSError as err:
        raise _refuse(parent, f"cannot write into this folder ({err.strerror or err})",
                      "give --out a folder you can write") from err
    try:
        yield stage
        _move_into_place(stage, out_dir.absolute())
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _move_into_place(stage: Path, out_dir: Path) -> None:
    """Rename ``stage`` to ``out_dir``; an old report there is set aside first and removed after."""
    if not out_dir.exists():
        os.replace(stage, out_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old.", dir=out_dir.parent))
    os.replace(out_dir, old / "report")
    try:
        os.replace(stage, out_dir)
    except BaseException:
        os.replace(old / "report", out_dir)  # put the old report back
        old.rmdir()
        raise
    shutil.rmtree(old, ignore_errors=True)
