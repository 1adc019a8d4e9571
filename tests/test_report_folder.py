"""``report --out``: what cannot be written is refused in one line, and a report appears all at once."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from commandline import run
from publicduty.load.inputs import builtin_cases_dir
from publicduty.render import folder, markdown


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    """A small case base (one precedent), so that each report takes a fraction of a second."""
    small = tmp_path / "cases"
    small.mkdir()
    shutil.copy(builtin_cases_dir() / "florence.yaml", small)
    return small


def report(cases: Path, out: Path) -> tuple[int, str, str]:
    done = run("--no-builtin-cases", "--cases", str(cases), "report", "--out", str(out))
    return done.status, done.out, done.err


def listing(root: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


def refused(cases: Path, out: Path, root: Path, reason: str) -> None:
    before = listing(root)
    status, stdout, err = report(cases, out)
    assert (status, stdout) == (2, "")
    assert len(err.splitlines()) == 1 and reason in err, err
    assert listing(root) == before  # nothing written, nothing left behind


def test_an_existing_file_as_the_folder_is_refused(cases: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("my notes\n")
    refused(cases, target, tmp_path, "exists and is not a folder")


def holding(tmp_path: Path, name: str, text: str) -> Path:
    """A folder ``out`` that holds a file ``name``."""
    target = tmp_path / "out"
    target.mkdir()
    (target / name).write_text(text)
    return target


def test_graphs_or_a_page_existing_as_something_else_is_refused(cases: Path, tmp_path: Path) -> None:
    target = holding(tmp_path, "graphs", "not a folder\n")
    refused(cases, target, tmp_path, "graphs: exists and is not a folder")
    (target / "graphs").unlink()
    (target / "index.html").mkdir()
    refused(cases, target, tmp_path, "index.html: exists and is not a regular file")


def test_a_folder_holding_other_files_is_not_replaced(cases: Path, tmp_path: Path) -> None:
    refused(cases, holding(tmp_path, "thesis.docx", "a year of work\n"), tmp_path,
            "holds 'thesis.docx', which no report writes")


def test_a_read_only_parent_is_refused(cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: answer as the kernel answers anyone else
        access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: access(p, mode) and Path(p) != parent)
    try:
        refused(cases, parent / "out", tmp_path, "locked: cannot write into this folder (read-only)")
    finally:
        parent.chmod(0o755)


def test_a_folder_that_cannot_be_created_is_refused(cases: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(**_: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    refused(cases, tmp_path / "out", tmp_path, "cannot write into this folder (Permission denied)")


def test_a_new_report_replaces_an_old_one_whole(cases: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    assert report(cases, target)[0] == 0
    (target / "graphs" / "stale--claim--view.svg").write_text("<svg></svg>")
    assert report(cases, target)[0] == 0
    assert not (target / "graphs" / "stale--claim--view.svg").exists()
    assert (target / "index.html").is_file() and (target / "report.md").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases", "out"]  # no temporary folder left
    assert (target.stat().st_mode & 0o777) == 0o777 & ~_umask()


def test_a_failure_mid_write_leaves_the_old_report_intact(cases: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out"
    assert report(cases, target)[0] == 0
    before = listing(target)

    def broken(_: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(markdown, "render", broken)  # index.html and the graphs are written, then this fails
    with pytest.raises(OSError, match="No space left"):
        report(cases, target)
    assert listing(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases", "out"]


def test_a_failure_of_the_final_move_puts_the_old_report_back(cases: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out"
    assert report(cases, target)[0] == 0
    before = listing(target)
    replace = os.replace

    def failing(source: Path, destination: Path) -> None:
        if Path(source).name.startswith(".out.") and Path(destination) == target.absolute():
            raise OSError(5, "Input/output error")
        replace(source, destination)

    monkeypatch.setattr(folder.os, "replace", failing)
    with pytest.raises(OSError, match="Input/output"):
        report(cases, target)
    assert listing(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases", "out"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
