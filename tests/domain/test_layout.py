"""The layout is the pipeline: no module imports a stage above its own, and no import hides in a function.

An import inside a function is allowed only when marked lazy: `# lazy: why` on one of its lines. That is
how a command line imports only what the command it runs uses (`treaties --version` loads no pandas,
duckdb or report code); a marked import is still an import, so the rank rule below checks it too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pipeline

ROOT = Path(pipeline.__file__).parent

# Lower number = lower in the layout. A module may import its own package and anything of a lower rank.
RANKS = {
    "mtdsg": 0, "errors": 0, "frame_values": 0, "spreadsheet": 0, "text": 0, "vocab": 1, "config": 2, "catalog": 2, "sources": 3,
    "parse": 2, "fetch": 3, "normalise": 3, "store": 4, "report": 5, "claims": 5,
    "runs": 6, "cli": 8, "entry": 9,
}  # fmt: skip


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _modules() -> list[tuple[Path, str]]:
    out = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        out.append((path, ".".join(rel.parts)))
    return out


def _imports(tree: ast.AST, lines: list[str] | None = None) -> list[tuple[str, int, bool]]:
    """(module imported, line, inside a function and not marked `# lazy:`?)"""
    found: list[tuple[str, int, bool]] = []

    def hidden(node: ast.stmt, in_function: bool) -> bool:
        if not in_function:
            return False
        span = (lines or [])[node.lineno - 1 : (node.end_lineno or node.lineno)]
        return not any("# lazy:" in line for line in span)

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                names = [child.module] + [f"{child.module}.{a.name}" for a in child.names]
                for n in names if child.module == "pipeline" else [child.module]:
                    found.append((n, child.lineno, hidden(child, in_function)))
            elif isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, hidden(child, in_function)) for a in child.names)
            visit(child, nested)

    visit(tree, False)
    return found


def test_every_package_has_a_rank() -> None:
    units = {_unit(m) for _p, m in _modules()} - {"__init__", ""}
    assert units <= set(RANKS), units - set(RANKS)


def test_no_import_runs_up_the_layout() -> None:
    wrong = []
    for path, module in _modules():
        mine = _unit(module)
        if mine not in RANKS:
            continue
        for imported, line, _fn in _imports(ast.parse(path.read_text())):
            if not imported.startswith("pipeline.") or imported == "pipeline":
                continue
            theirs = _unit(imported)
            if theirs in RANKS and theirs != mine and RANKS[theirs] >= RANKS[mine]:
                wrong.append(f"{path.relative_to(ROOT.parent)}:{line} imports {imported}")
    assert wrong == []


def test_an_import_in_a_function_is_marked_lazy() -> None:
    hidden = []
    for path, _module in _modules():
        text = path.read_text()
        for imported, line, unmarked in _imports(ast.parse(text), text.splitlines()):
            if unmarked:
                hidden.append(f"{path.relative_to(ROOT.parent)}:{line} imports {imported} without `# lazy:`")
    assert hidden == []


def test_the_check_sees_an_unmarked_import_in_a_function() -> None:
    text = "def f():\n    import json\n\ndef g():\n    import csv  # lazy: why\n"
    found = _imports(ast.parse(text), text.splitlines())
    assert found == [("json", 2, True), ("csv", 5, False)]
