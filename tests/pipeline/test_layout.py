"""The house: data flows one way, and each package imports only from those below it.

parsers/ (bytes into the document model) and normalise/ (pure functions) know nothing of
the pipeline. Inside pipeline/, the sub-packages stand in layers: a module may import from
its own package and from the layers below, never from a layer above, from `pipeline.cli`
or from what `pipeline/__init__.py` offers its users.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.support.paths import ROOT

LAYERS = ("errors", "output", "ita", "extract", "database", "run", "audit")
"""pipeline's sub-packages (and `errors`), lowest first."""
TOP_LEVEL_MODULES = 6


def _imports(path: Path) -> Iterator[str]:
    """Every module a file imports, as a dotted name (`from a import b` gives `a.b` too)."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _layer(module: str) -> str | None:
    """The layer of a `pipeline.<layer>...` module name."""
    parts = module.split(".")
    return parts[1] if parts[0] == "pipeline" and len(parts) > 1 and parts[1] in LAYERS else None


def test_parsers_and_normalise_know_nothing_of_the_pipeline() -> None:
    for folder in ("parsers", "normalise"):
        for path in (ROOT / folder).rglob("*.py"):
            assert not [m for m in _imports(path) if m.split(".")[0] == "pipeline"], path


def test_no_module_imports_from_a_layer_above_it() -> None:
    for path in (ROOT / "pipeline").rglob("*.py"):
        rel = path.relative_to(ROOT / "pipeline")
        own = rel.parts[0].removesuffix(".py")
        if own not in LAYERS:
            continue  # pipeline/__init__.py and cli.py stand on top
        for module in _imports(path):
            layer = _layer(module)
            if layer is not None:
                assert LAYERS.index(layer) <= LAYERS.index(own), (str(rel), module)
            elif module.startswith("pipeline"):
                assert module == "pipeline", (str(rel), module)  # `from pipeline import x`
                # is caught by its dotted form above; pipeline.cli and the API are not layers
            assert not module.startswith("pipeline.cli"), (str(rel), module)


def test_pipeline_keeps_few_modules_at_its_top() -> None:
    modules = sorted(p.name for p in (ROOT / "pipeline").glob("*.py"))
    assert len(modules) <= TOP_LEVEL_MODULES, modules
    packages = {p.name for p in (ROOT / "pipeline").iterdir() if (p / "__init__.py").exists()}
    assert packages == set(LAYERS) - {"errors"}
    for package in packages:
        assert ast.get_docstring(ast.parse((ROOT / "pipeline" / package / "__init__.py")
                                           .read_text("utf-8"))), package
