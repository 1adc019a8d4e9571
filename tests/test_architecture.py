"""docs/architecture.md names every module and logic file, so the newcomer's map matches the tree."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "py" / "publicduty"


def _named(path: Path) -> str:
    """How the page names a module: a subpackage by its folder, any other module by its stem."""
    if path.name == "__init__.py" and path.parent != PACKAGE:
        return f"`{path.parent.name}/`"
    return f"`{path.stem}`"


def test_the_architecture_page_names_every_module_and_logic_file() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    commands = PACKAGE / "commands"
    modules = [p for p in PACKAGE.rglob("*.py")
               if p.parent != commands or p.name in ("__init__.py", "common.py")]  # one per subcommand, as a set
    missing = sorted(str(p.relative_to(PACKAGE)) for p in modules if _named(p) not in page)
    assert not missing, f"docs/architecture.md does not name {missing}"
    logic = [p.name for p in (ROOT / "logic").glob("*.lp")] + ["views/*.lp", "search/*.lp"]
    assert not [name for name in logic if name not in page]
