"""docs/architecture.md names every module and logic file, so the newcomer's map matches the tree."""

from __future__ import annotations

from pathlib import Path

from publicduty.cli.registry import NAMES

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "py" / "publicduty"


def _named(path: Path) -> str:
    """How the page names a module: a subpackage by its folder, any other module by its stem."""
    if path.name == "__init__.py" and path.parent != PACKAGE:
        return f"`{path.parent.name}/`"
    return f"`{path.stem}`"


def test_the_architecture_page_names_every_module_and_logic_file() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    commands = {f"{name.replace('-', '_')}.py" for name in NAMES}  # named as a set: one per subcommand
    modules = [p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE / "cli" or p.name not in commands]
    missing = sorted(str(p.relative_to(PACKAGE)) for p in modules if _named(p) not in page)
    assert not missing, f"docs/architecture.md does not name {missing}"
    logic = [p.relative_to(ROOT / "logic") for p in (ROOT / "logic").rglob("*.lp")]
    named = {f"{folder}/" for folder in {p.parts[0] for p in logic}}  # law/, engine/, queries/
    named |= {p.name for p in logic if "views" not in p.parts} | {"views/*.lp"}
    assert not [name for name in sorted(named) if name not in page]


def test_every_module_sits_in_a_layer() -> None:
    """Only the package's entry points and its one error type sit outside a layer's folder."""
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "errors.py"]
