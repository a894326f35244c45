"""No module under core/ or gui/ imports itself round a loop, not even through an import inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE, GUI = ROOT / "core", ROOT / "gui"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """The modules of `modules` that a module names in any import statement, wherever it stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from core.store import rows` names the submodule; `from core.store import Store` the package.
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names}
    return {m for m in found if m in modules and m != name}


def import_graph(package: Path = CORE) -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in package.rglob("*.py")}
    modules = set(paths)
    return {name: _imports(path, name, modules) for name, path in paths.items()}


def loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """The modules that import each other round a loop, one sorted list per loop (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for start in sorted(graph):
        if start not in index:
            visit(start)
    return sorted(found)


def test_core_has_no_import_cycle_outside_the_parser() -> None:
    graph = import_graph()
    assert "core.store" in graph and "core.store.rows" in graph and "core.deals.merge" in graph
    outside = [loop for loop in loops(graph) if not all(m.startswith("core.extract.") for m in loop)]
    assert outside == []


def test_the_parser_has_no_import_cycle() -> None:
    assert loops(import_graph()) == []


def test_gui_has_no_import_cycle() -> None:
    graph = import_graph(GUI)
    assert "gui.main_window" in graph and "gui.context" in graph and "gui.importing.runner" in graph
    assert loops(graph) == []


def test_controllers_get_the_context_not_the_window() -> None:
    # Only start-up builds the window; a controller that imports it reaches into its attributes.
    graph = import_graph(GUI)
    assert sorted(name for name, imported in graph.items() if "gui.main_window" in imported) == [
        "gui.app", "gui.self_test"]


def test_the_checker_sees_a_loop() -> None:
    assert loops({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert loops({"a": {"b"}, "b": set()}) == []


def test_the_pure_rules_never_reach_the_store() -> None:
    graph = import_graph()
    for name, imported in graph.items():
        if name.startswith("core.deals"):
            assert not {m for m in imported if m.startswith("core.store")}, name
