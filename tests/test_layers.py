"""The floors of the code: ``ingest`` <- ``service`` <- ``ui``, ``eval`` <- ``app``.

Every import in a product file (at module level or inside a function) is read from its syntax tree. A module
may import its own floor and the floors below; ``ui`` and ``eval`` stand side by side and do not import each
other. No group of modules may import one another in a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {"ingest": 0, "service": 1, "ui": 2, "eval": 2, "app": 3}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def product_modules() -> dict[str, Path]:
    return {module_name(p): p for top in FLOORS for p in (ROOT / top).rglob("*.py")}


def imported(path: Path, name: str) -> set[str]:
    """Product modules a file imports (``from a.b import c`` names ``a.b.c`` when that is a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {m for m in found if m.split(".")[0] in FLOORS}


def graph() -> dict[str, set[str]]:
    modules = product_modules()
    return {name: {m for m in imported(path, name) if m in modules and m != name} for name, path in modules.items()}


def floor_breaks(edges: dict[str, set[str]]) -> list[str]:
    breaks = []
    for source, targets in edges.items():
        top = source.split(".")[0]
        for target in targets:
            other = target.split(".")[0]
            upward = FLOORS[other] > FLOORS[top]
            sideways = FLOORS[other] == FLOORS[top] and other != top
            if upward or sideways:
                breaks.append(f"{source} imports {target}")
    return sorted(breaks)


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_a_floor_above_its_own() -> None:
    assert floor_breaks(graph()) == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    assert circles(graph()) == []


@pytest.mark.parametrize(("edges", "expected"), [
    ({"service.a": {"ui.b"}, "ui.b": set()}, ["service.a imports ui.b"]),
    ({"ui.a": {"eval.b"}, "eval.b": set()}, ["ui.a imports eval.b"]),
    ({"app.a": {"ingest.b"}, "ingest.b": set()}, []),
])
def test_the_floor_check_catches_an_upward_or_sideways_import(edges: dict[str, set[str]], expected: list[str]) -> None:
    assert floor_breaks(edges) == expected


def test_the_circle_check_catches_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_relative_and_nested_imports_are_read(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text("def late():\n    from .candidates import units\n    import service.models\n", encoding="utf-8")
    found = imported(module, "service.answering.probe")
    assert {"service.answering.candidates", "service.models"} <= found
