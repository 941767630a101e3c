"""The house: the catalogue and the readers share leaf modules and do not import each other in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import finrecon

ROOT = Path(finrecon.__file__).parent


def _imports(path: Path) -> set[str]:
    """The finrecon modules ``path`` imports, anywhere in it (a function's late import included)."""
    package = ".".join(("finrecon", *path.relative_to(ROOT).with_suffix("").parts))
    if path.name == "__init__.py":
        package = package.rpartition(".")[0] + "._"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found |= {module, *(f"{module}.{alias.name}" for alias in node.names)}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name.startswith("finrecon")}


def test_the_leaves_import_no_reader_and_no_catalogue():
    for leaf in ("inputs.py", "yamltree.py"):
        imported = _imports(ROOT / leaf)
        assert not {name for name in imported if name.startswith(("finrecon.readers", "finrecon.catalog", "finrecon.model"))}, leaf


def test_the_catalogue_imports_no_reader():
    """catalog → readers → pdf → catalog was a circle of seven files; the catalogue now builds on the leaves."""
    assert not {name for name in _imports(ROOT / "catalog.py") if name.startswith("finrecon.readers")}
