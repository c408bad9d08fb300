"""The package's shape: no import circles (lazy imports inside functions included)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "checker"


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.with_suffix("").relative_to(PACKAGE.parent).parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path, known: set[str]) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker"):
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("checker")}
    return found & known


def test_no_import_circles() -> None:
    modules = _modules()
    graph = {m: _imports(p, set(modules)) - {m, "checker"} for m, p in modules.items()}
    assert graph["checker.pipeline"]  # the walk sees imports at all
    circles = []

    def visit(node: str, path: list[str], done: set[str]) -> None:
        for nxt in sorted(graph[node]):
            if nxt in path:
                circles.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in done:
                done.add(nxt)
                visit(nxt, [*path, nxt], done)

    for start in sorted(graph):
        visit(start, [start], {start})
    assert circles == []


def test_modules_are_small_and_say_what_they_do() -> None:
    """No module over 450 lines; each opens with a docstring whose first line says what
    it is for (the folder list shows the stages, the first lines what each part does)."""
    long, silent = [], []
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 450:
            long.append(name)
        doc = ast.get_docstring(ast.parse(text))
        if path.name != "__main__.py" and not (doc and doc.splitlines()[0].strip()):
            silent.append(name)
    assert long == [] and silent == []
    stages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert {"sources", "pair", "judge", "checks", "store", "report", "cli"} <= stages
