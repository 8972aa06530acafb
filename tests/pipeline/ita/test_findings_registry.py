"""The registry of finding codes: what the code emits, what README.md lists, what is refused."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.ita.findings import CODES, ERROR, INFO, WARNING, Finding
from tests.support.paths import ROOT

SEVERITY_NAMES = {"ERROR": ERROR, "WARNING": WARNING, "INFO": INFO}
README_ITEM = "Contradictions become `findings` with stable codes"
README_CODE = re.compile(r"`([A-Z][A-Z_]*[A-Z])`")


@dataclass(frozen=True)
class Emitted:
    """A code given to `Finding(...)` in the source, where, and the severities it may have."""

    where: str
    code: str
    severities: frozenset[str]


def _argument(call: ast.Call, index: int, name: str) -> ast.expr | None:
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _called(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _severities(node: ast.expr | None, where: str) -> frozenset[str]:
    """`WARNING`, `"warning"`, `ERROR if every else WARNING`: the severities an argument gives."""
    if isinstance(node, ast.Name) and node.id in SEVERITY_NAMES:
        return frozenset({SEVERITY_NAMES[node.id]})
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return frozenset({node.value})
    if isinstance(node, ast.IfExp):
        return _severities(node.body, where) | _severities(node.orelse, where)
    raise AssertionError(f"{where}: a Finding's severity this scan cannot read")


def _codes(node: ast.expr | None, call: ast.Call, tree: ast.Module,
           parents: dict[ast.AST, ast.AST], where: str) -> list[str]:
    """A code given as a literal, or as a parameter of the enclosing function: the literals
    that function's callers in the module give it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    function = parents.get(call)
    while function is not None and not isinstance(function, ast.FunctionDef):
        function = parents.get(function)
    assert isinstance(node, ast.Name) and function is not None, \
        f"{where}: a Finding's code this scan cannot read"
    params = [a.arg for a in function.args.args]
    assert node.id in params, f"{where}: the code {node.id} is not a parameter of its function"
    index = params.index(node.id)
    callers = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and _called(c) == function.name]
    assert callers, f"{where}: {function.name} is not called in its module"
    codes = []
    for caller in callers:
        literal = _argument(caller, index, node.id)
        assert isinstance(literal, ast.Constant) and isinstance(literal.value, str), \
            f"{where}: {function.name} is called with a code that is not a literal"
        codes.append(literal.value)
    return codes


def _scan(path: Path) -> list[Emitted]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    found = []
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and _called(call) == "Finding":
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            severities = _severities(_argument(call, 0, "severity"), where)
            found += [Emitted(where, code, severities)
                      for code in _codes(_argument(call, 1, "code"), call, tree, parents, where)]
    return found


@pytest.fixture(scope="module")
def emitted() -> list[Emitted]:
    return [e for path in sorted((ROOT / "pipeline").rglob("*.py")) for e in _scan(path)]


def _readme_item() -> str:
    """The README's list item that names the finding codes, up to the next item."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if README_ITEM in line)
    end = next(i for i in range(start + 1, len(lines))
               if not lines[i].strip() or lines[i].lstrip().startswith("- "))
    return "\n".join(lines[start:end])


def test_every_code_emitted_is_registered(emitted: list[Emitted]) -> None:
    assert {e.code for e in emitted} >= {"NO_TEXT_LAYER", "UNREADABLE_TEXT", "DAMAGED_PAGES"}
    assert [e for e in emitted if e.code not in CODES] == []


def test_every_emitter_uses_a_severity_its_code_allows(emitted: list[Emitted]) -> None:
    assert [e for e in emitted
            if e.code in CODES and not e.severities <= CODES[e.code].severities] == []


def test_every_registered_code_is_emitted(emitted: list[Emitted]) -> None:
    assert set(CODES) - {e.code for e in emitted} == set()


def test_the_registry_is_well_formed() -> None:
    for code, kind in CODES.items():
        assert kind.code == code and re.fullmatch(r"[A-Z][A-Z_]*[A-Z]", code)
        assert kind.severities and kind.severities <= {ERROR, WARNING, INFO}
        assert kind.meaning.strip() and "\n" not in kind.meaning


def test_readme_lists_exactly_the_registered_codes() -> None:
    listed = README_CODE.findall(_readme_item())
    assert sorted(listed) == sorted(set(listed)), "a code is listed twice"
    assert set(listed) == set(CODES)


def test_readme_lists_information_codes_as_information() -> None:
    graver, _, information = _readme_item().partition("as information")
    assert set(README_CODE.findall(information)) == {c for c, k in CODES.items()
                                                     if k.severities == {INFO}}
    assert INFO not in set().union(*(CODES[c].severities for c in README_CODE.findall(graver)))


@pytest.mark.parametrize(("severity", "code"), [
    (WARNING, "NO_SUCH_CODE"),
    (WARNING, "no_text_layer"),
    (INFO, "UNREADABLE"),
    ("fatal", "UNREADABLE"),
    (ERROR, "DUPLICATE_FILE"),
])
def test_finding_refuses_an_unknown_code_or_severity(severity: str, code: str) -> None:
    with pytest.raises(ValueError, match=code):
        Finding(severity, code, "a message")


@pytest.mark.parametrize("severity", [ERROR, WARNING])
def test_lost_pages_are_errors_or_warnings(severity: str) -> None:
    finding = Finding(severity, "NO_TEXT_LAYER", "Page 1 of 1 has no text layer.", 1)
    assert finding.row("doc")["severity"] == severity
