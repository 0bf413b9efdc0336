"""The layout is the pipeline: no module imports a stage above its own, and no import hides in a function."""

from __future__ import annotations

import ast
from pathlib import Path

import pipeline

ROOT = Path(pipeline.__file__).parent

# Lower number = lower in the layout. A module may import its own package and anything of a lower rank.
RANKS = {
    "mtdsg": 0, "errors": 0, "config": 1, "frame_values": 0, "catalog": 1, "sources": 2,
    "parse": 1, "fetch": 2, "normalise": 2, "store": 3, "report": 4, "claims": 4,
    "runs": 5, "cli": 7,
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


def _imports(tree: ast.AST) -> list[tuple[str, int, bool]]:
    """(module imported, line, inside a function?)"""
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                names = [child.module] + [f"{child.module}.{a.name}" for a in child.names]
                for n in names if child.module == "pipeline" else [child.module]:
                    found.append((n, child.lineno, in_function))
            elif isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, in_function) for a in child.names)
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
