"""No import cycles inside desk_app.core, hidden ones included.

The graph is built from the source with `ast`: every import, at module level and inside
functions (an import deferred for start-up speed still couples the two modules), except those
under `if TYPE_CHECKING:` (annotations only, never run). A cycle fails the test and is printed
as a path of modules, so the layer that imports upward can be found (docs/architecture.md,
“Layers of the core”: a lower layer returns what changed and its caller acts on it).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "desk_app" / "core"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in CORE.rglob("*.py")}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, module: str, is_package: bool) -> list[tuple[str, int]]:
    """(imported name, line) of every import that runs, wherever it is in the module."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:  # `else:` of an `if TYPE_CHECKING:` does run
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package of this module
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[:len(package) - (node.level - 1)]
                base = ".".join(package + ([base] if base else []))
            found.append((base, node.lineno))
            found.extend((f"{base}.{alias.name}", node.lineno) for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph() -> dict[str, dict[str, int]]:
    """module → {core module it imports: line of the first such import}."""
    modules = _modules()
    graph: dict[str, dict[str, int]] = {}
    for name, path in modules.items():
        edges: dict[str, int] = {}
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for target, line in _imports(tree, name, path.name == "__init__.py"):
            # `from pkg import mod` names a module; `from mod import func` names the module.
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name and target != "desk_app.core":
                edges.setdefault(target, line)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One cycle (a path back to its start) through each strongly connected group of modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            connect(v)

    out = []
    for group in groups:
        members = set(group)
        start = group[0]
        # Shortest path from start back to itself inside the group (breadth first).
        previous: dict[str, str] = {}
        frontier = [start]
        while frontier and start not in previous:
            following = []
            for v in frontier:
                for w in sorted(graph[v]):
                    if w in members and w not in previous:
                        previous[w] = v
                        following.append(w)
            frontier = following
        path = [start]
        v = previous[start]
        while v != start:
            path.append(v)
            v = previous[v]
        path.append(start)
        out.append(list(reversed(path)))
    return out


def describe(graph: dict[str, dict[str, int]], cycle: list[str]) -> str:
    """The cycle as a path, then every import between the modules it passes through (one
    group of modules that reach each other may hold several cycles)."""
    members = set(_group(graph, cycle[0]))
    path = " → ".join(cycle)
    edges = [f"{a} (line {line}) imports {b}" for a in sorted(members)
             for b, line in sorted(graph[a].items()) if b in members]
    return path + "\n      " + "\n      ".join(edges)


def _group(graph: dict[str, dict[str, int]], start: str) -> list[str]:
    """Every module on some cycle through `start`, start first."""
    def reach(v: str, edges) -> set[str]:
        seen, todo = {v}, [v]
        while todo:
            for w in edges(todo.pop()):
                if w not in seen:
                    seen.add(w)
                    todo.append(w)
        return seen

    forward = reach(start, lambda v: graph.get(v, {}))
    backward = reach(start, lambda v: [u for u in graph if v in graph[u]])
    return [start] + sorted((forward & backward) - {start})


def test_the_core_has_no_import_cycle():
    graph = import_graph()
    assert "desk_app.core.cases.tracking" in graph  # the graph was read
    found = cycles(graph)
    assert not found, "import cycles in desk_app.core:\n  " + "\n  ".join(
        describe(graph, c) for c in found)


def test_the_cycle_finder_finds_a_cycle_hidden_in_a_function():
    source = {"a": "import b\n", "b": "def f():\n    import c\n",
              "c": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import b\n"
                   "def g():\n    from a import x\n"}
    graph = {}
    for name, text in source.items():
        graph[name] = {t: line for t, line in _imports(ast.parse(text), name, False)
                       if t in source}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    del source
    graph["c"].pop("a")
    assert cycles(graph) == []


# docs/architecture.md, “Layers of the core”: each layer imports only the ones below it. The
# shared modules (errors, model, text, catalog, limits, json_input) import no layer.
# security (accounts, roles, the audit trail, keys, backups: docs/security.md) sits on storage
# and under every domain that records who did what; access (signing in, setting up) above
# opening.
LAYERS = {"storage": 0, "security": 1, "cases": 2, "reception": 3, "documents": 4, "schedule": 5,
          "bundle": 5, "reports": 6, "opening": 7, "reprints": 7, "access": 8, "demo": 8}


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS.get(parts[2], -1) if len(parts) > 2 else -1


def test_a_lower_layer_never_imports_a_higher_one():
    graph = import_graph()
    upward = [f"{a} (line {line}) imports {b}" for a, edges in sorted(graph.items())
              for b, line in sorted(edges.items())
              if _layer(b) > _layer(a)
              or (_layer(a) == _layer(b) >= 0 and a.split(".")[2] != b.split(".")[2])]
    assert not upward, "imports from a higher layer:\n  " + "\n  ".join(upward)
