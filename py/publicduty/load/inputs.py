"""Which files a run reads: the doctrine, the views, any other programs, the case files.

Every command and ``publicduty check`` choose their files here, from the same global
options, so that ``check`` reads exactly what the other commands would (and the paths it is
given besides). A file of the shipped ``logic/`` folder keeps its role however it is named:
the doctrine is always loaded, a built-in view is a view, and any other file there (a search
program) is a program loaded on top of the logic, as the search loads it.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from publicduty.errors import InputError, Problem

#: The names of logic files and of case files (``.yml`` is read as ``.yaml`` is, never skipped).
LOGIC = (".lp",)
CASES = (".yaml", ".yml")


def _shipped(name: str) -> Path:
    """A top-level data folder: inside an installed wheel, or beside ``py/`` in a checkout."""
    package = Path(__file__).resolve().parents[1]  # publicduty/, above load/
    for folder in (package / name, package.parents[1] / name):
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"publicduty is installed without its {name}/ folder")


def builtin_logic_dir() -> Path:
    """The ``logic/`` folder shipped with the package."""
    return _shipped("logic")


def builtin_cases_dir() -> Path:
    """The ``cases/`` folder shipped with the package."""
    return _shipped("cases")


def doctrine_files() -> list[Path]:
    """The logic every run loads: the law's vocabulary, baseline and sources, and the engine's doctrine.

    In the order of their names, whichever folder each is in (``logic/law/``, ``logic/engine/``).
    """
    logic = builtin_logic_dir()
    return sorted([*(logic / "law").glob("*.lp"), logic / "engine" / "doctrine.lp"], key=lambda p: p.name)


def checks_file() -> Path:
    """The structural checks of the law, in clingo: loaded only where views are checked (its part ``checks``)."""
    return builtin_logic_dir() / "engine" / "checks.lp"


def builtin_view_files() -> list[Path]:
    """The built-in views, one file per opinion."""
    return sorted((builtin_logic_dir() / "law" / "views").glob("*.lp"))


def files_in(folders: Iterable[Path], suffixes: Collection[str], kind: str) -> list[Path]:
    """The entries under each folder whose names end in one of ``suffixes``, in order; a missing folder is an error.

    Every entry so named is listed, file or not: reading it refuses a folder, a FIFO or a
    device with one line, where skipping it would hide the user's file without a word.
    """
    out: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            raise InputError.at(folder, None, f"not a folder of {kind} files", "give an existing folder")
        out.extend(sorted(p for p in folder.rglob("*") if p.suffix in suffixes))
    return out


@dataclass(frozen=True)
class Inputs:
    """The files of one run, each in its role."""

    doctrine: tuple[Path, ...]
    views: tuple[Path, ...]  # the built-in views kept, then the user's own
    own: frozenset[Path]  # the user's views: held to the view language (see publicduty.load.viewlang)
    programs: tuple[Path, ...]  # other programs of the shipped logic, checked on top of it (only by check)
    cases: tuple[Path, ...]

    @classmethod
    def chosen(cls, logic_dirs: Sequence[Path] = (), case_dirs: Sequence[Path] = (),
               builtin_cases: bool = True, builtin_views: bool = True) -> Inputs:
        """The files the global options name: the built-in ones (unless left out) and the given folders."""
        own = files_in(logic_dirs, LOGIC, "logic")
        cases = files_in([*([builtin_cases_dir()] if builtin_cases else []), *case_dirs], CASES, "case")
        return cls._sorted(doctrine_files(), [*(builtin_view_files() if builtin_views else []), *own], cases)

    @property
    def logic(self) -> tuple[Path, ...]:
        """The logic files a casebook grounds: the doctrine, then the views."""
        return (*self.doctrine, *self.views)

    @property
    def beneath_checks(self) -> tuple[Path, ...]:
        """What the view checks read beneath the views: the doctrine and the law's checks."""
        return (*self.doctrine, checks_file())

    @property
    def checked(self) -> tuple[Path, ...]:
        """The logic files the view checks read: the doctrine and the checks, the views, then the other programs."""
        return (*self.beneath_checks, *self.views, *self.programs)

    def with_paths(self, paths: Iterable[Path]) -> tuple[Inputs, list[Problem]]:
        """These inputs and the case and view files at ``paths`` (files or folders); a path naming none is a problem."""
        logic, cases, problems = [*self.views, *self.programs], list(self.cases), []
        for path in paths:
            found = _expand(path)
            if not found:
                problems.append(Problem(str(path), None, "no case file (.yaml, .yml) or view file (.lp) here"
                                        if os.path.lexists(path) else "no such file or folder",
                                        "give a .yaml or .lp file, or a folder holding some"))
            logic += [p for p in found if p.suffix in LOGIC]
            cases += [p for p in found if p.suffix in CASES]
        return self._sorted(list(self.doctrine), logic, cases), problems

    @classmethod
    def _sorted(cls, doctrine: list[Path], logic: list[Path], cases: list[Path]) -> Inputs:
        """Each logic file in its role (a doctrine file named again is not loaded twice), repeats dropped."""
        shipped = _real(builtin_logic_dir())
        builtin = {_real(p) for p in builtin_view_files()}
        always = {_real(p) for p in [*doctrine, checks_file()]}
        views, programs = [], []
        for path in _unique(logic):
            resolved = _real(path)
            if resolved in always:
                continue
            if resolved.is_relative_to(shipped) and resolved not in builtin:
                programs.append(path)
            else:
                views.append(path)
        own = frozenset(p for p in views if _real(p) not in builtin)
        return cls(tuple(doctrine), tuple(views), own, tuple(programs), tuple(_unique(cases)))


def _expand(path: Path) -> list[Path]:
    """The case and view files at ``path``: itself, or those in the folder and below, in order."""
    if path.is_dir() and path.suffix not in (*LOGIC, *CASES):
        return files_in([path], (*LOGIC, *CASES), "case or view")
    return [path] if path.suffix in (*LOGIC, *CASES) else []  # reading it says if it is no file


def _unique(paths: list[Path]) -> list[Path]:
    """``paths`` without repeats, however each was named, in first-seen order."""
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(_real(path), path)
    return list(seen.values())


def _real(path: Path) -> Path:
    """The file ``path`` names, symlinks followed; a loop of symlinks is left as it is, for reading to refuse."""
    return Path(os.path.realpath(path))
