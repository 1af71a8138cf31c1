"""The layout of src/govopen_cli: small modules, imports that point one way.

See docs/architecture.md. Imports are read with ``ast``, counting those made inside
functions, so a lazy import cannot hide a cycle.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "govopen_cli"
MAX_LINES = 400

#: package -> packages it may never import (the arrows point the other way)
FORBIDDEN = {
    "codes": {
        "catalog",
        "checks",
        "diff",
        "requests",
        "calendar",
        "inspection",
        "excel",
        "reporters",
        "cli",
    },
    "catalog": {
        "checks",
        "diff",
        "requests",
        "inspection",
        "excel",
        "reporters",
        "cli",
        "guide",
        "summary",
        "publish",
    },
    # The national guide sits on catalog/: checks/ (GO7xx) and summary/ use it.
    "guide": {
        "checks",
        "diff",
        "requests",
        "inspection",
        "excel",
        "reporters",
        "cli",
        "summary",
        "publish",
    },
    "summary": {"excel", "reporters", "cli", "publish"},
    "publish": {"excel", "reporters", "cli"},
    "checks": {"diff", "requests", "inspection", "excel", "reporters", "cli"},
    "calendar": {
        "catalog",
        "checks",
        "diff",
        "requests",
        "inspection",
        "excel",
        "reporters",
        "cli",
    },
    "diff": {"requests", "inspection", "excel", "reporters", "cli"},
    "requests": {"diff", "inspection", "excel", "reporters", "cli"},
    "inspection": {"excel", "reporters", "cli"},
    "excel": {"reporters", "cli"},
    "reporters": {"cli"},
}
#: A diagnostic code, such as GO201.
CODE_LITERAL = re.compile(r"^G[ODRXI][0-9]{3}$")
#: third-party library -> the only packages that may import it
CONFINED = {"openpyxl": {"excel"}, "rich": {"cli", "reporters"}, "typer": {"cli"}}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Modules of govopen_cli and third-party top-level names imported anywhere in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            out.add(module)
            for alias in node.names:  # ``from pkg import module``
                if f"{module}.{alias.name}" in MODULES:
                    out.add(f"{module}.{alias.name}")
    return out


GRAPH = {name: {m for m in _imports(name, path)} for name, path in MODULES.items()}


def _domain(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_is_small(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines (at most {MAX_LINES}): split it"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_one_way(module: str) -> None:
    forbidden = FORBIDDEN.get(_domain(module), set())
    wrong = sorted(
        m for m in GRAPH[module] if m.startswith("govopen_cli.") and _domain(m) in forbidden
    )
    assert not wrong, f"{module} imports {wrong}: see docs/architecture.md for the arrows"


@pytest.mark.parametrize("library", sorted(CONFINED))
def test_libraries_stay_in_their_packages(library: str) -> None:
    wrong = sorted(
        module
        for module, imported in GRAPH.items()
        if any(m == library or m.startswith(library + ".") for m in imported)
        and _domain(module) not in CONFINED[library]
    )
    assert not wrong, f"{library} imported outside {sorted(CONFINED[library])}: {wrong}"


def test_no_import_cycle() -> None:
    internal = {
        name: {m for m in imported if m in MODULES and m != name}
        for name, imported in GRAPH.items()
    }
    # A package's __init__ is imported with its modules; only real module edges count.
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(internal[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(internal):
        if node not in state:
            visit(node)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles[:10])


def _is_code(node: ast.expr | None) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CODE_LITERAL.match(node.value) is not None
    )


def _code_definitions(path: Path) -> list[str]:
    """Where a module defines a code itself: define(), a name bound to a code, a code table."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        f"line {node.lineno}: {ast.unparse(node)}"
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and _is_code(node.value)
    ]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if name == "define":
                found.append(f"line {node.lineno}: define(...)")
        elif isinstance(node, ast.Dict) and any(_is_code(key) for key in node.keys):
            found.append(f"line {node.lineno}: a dict keyed by codes")
    return found


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _domain(m) != "codes"))
def test_codes_are_defined_only_in_codes(module: str) -> None:
    found = _code_definitions(MODULES[module])
    assert not found, f"{module} defines codes ({found}): define them in govopen_cli/codes/"
