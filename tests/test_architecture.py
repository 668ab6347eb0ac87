"""The core never imports MkDocs or Material, and uses no dependency's private names: the adapter and the shims hold them.

The package's modules import in one direction, down the layers below, and never in a cycle (docs/architecture.md, "Layers").
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "committee_papers"
OUTSIDE_CORE = {"adapter", "plugin.py", "cli.py", "__main__.py"}  # the adapter, the entry point MkDocs loads, the command line
THEME = ("mkdocs", "material")


def core_modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if p.relative_to(PACKAGE).parts[0] not in OUTSIDE_CORE]


def imported(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_no_core_module_imports_mkdocs_or_material():
    found = []
    for path in core_modules():
        for name in imported(ast.parse(path.read_text("utf-8"))):
            if name.split(".")[0] in THEME or name == "committee_papers.adapter" or name.startswith("committee_papers.adapter."):
                found.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not found, "\n".join(found)


def test_importing_the_whole_core_loads_neither_mkdocs_nor_material():
    modules = [".".join(("committee_papers", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__") for p in core_modules()]
    script = "import importlib, sys\nfor m in sys.argv[1:]: importlib.import_module(m)\nprint(sorted({n.split('.')[0] for n in sys.modules} & {'mkdocs', 'material'}))"
    result = subprocess.run([sys.executable, "-c", script, *modules], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"the core loads {result.stdout.strip()} (through some import chain)"


def test_no_core_module_uses_a_private_name_of_another_object():
    found = []
    for path in core_modules():
        if path.relative_to(PACKAGE).parts[0] == "shims":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: .{node.attr}")
    assert not found, "private names belong in committee_papers/shims (or the adapter, for MkDocs and Material):\n" + "\n".join(found)


def test_the_adapter_and_the_shims_list_every_private_name_they_use():
    from committee_papers.shims.internals import INTERNALS

    used = set()
    for path in [*(PACKAGE / "adapter").rglob("*.py"), *(PACKAGE / "shims").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                    used.add(node.attr)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "getattr" and len(node.args) > 1:
                name = getattr(node.args[1], "value", "")
                if isinstance(name, str) and name.startswith("_") and not name.startswith("__"):
                    used.add(name)
    listed = " ".join(INTERNALS)
    assert used and all(name in listed for name in used), f"unlisted private names: {sorted(n for n in used if n not in listed)}"


# -- Layers and cycles ----------------------------------------------------------------------------------------------
# Every import counts: at the top of a module, inside a function, and under `if TYPE_CHECKING:`.

LAYERS = [  # bottom to top; each entry is a top-level module or package of committee_papers
    (
        "base",
        [
            "__init__",
            "problems",
            "limits",
            "yamlsource",
            "timing",
            "addresses",
            "placeholders",
            "working_days",
            "pdf_pages",
            "broken_rule",
            "signing",
            "codes_doc",
            "publish",
            "incremental",
            "shims",
        ],
    ),
    ("model", ["model"]),
    ("markdown", ["markdown"]),
    ("loading", ["loading", "house_style"]),
    ("rules", ["agenda", "publication", "exemption", "supplements", "minute_ties", "exempt_titles"]),
    ("render", ["render"]),
    ("checks", ["checks", "check"]),
    ("guard", ["guard"]),
    ("pages", ["pages", "frame"]),
    ("outputs", ["outputs"]),
    ("packs", ["packs"]),
    ("pipeline", ["pipeline"]),
    ("authoring", ["authoring", "scaffold", "word_import", "schema_export"]),
    ("adapter", ["adapter", "serving"]),
    ("entry points", ["cli", "cli_authoring", "cli_council", "plugin", "__main__"]),
]

EXCEPTIONS: dict[tuple[str, str], str] = {}  # upward imports not yet removed: (importer, imported) -> why; anything new fails


def module_name(path: Path) -> str:
    return ".".join(("committee_papers", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def import_graph() -> dict[str, dict[str, int]]:
    """For each module of the package, the modules of the package it imports, with the line of the first such import."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, dict[str, int]] = {}
    for name, path in modules.items():
        found: dict[str, int] = {}
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], *([node.module] if node.module else [])])
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
            for target in targets:
                if target in modules and target != name:
                    found.setdefault(target, node.lineno)
        graph[name] = found
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def short(module: str) -> str:
    return module.removeprefix("committee_papers").removeprefix(".") or "__init__"


def where(module: str, line: int) -> str:
    path = PACKAGE.joinpath(*short(module).split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    return f"{path.relative_to(PACKAGE.parent.parent)}:{line}"


def test_no_import_cycles_between_modules():
    graph = import_graph()
    found = []
    for component in cycles(graph):
        members = set(component)
        edges = [f"  {where(a, graph[a][b])}: {short(a)} imports {short(b)}" for a in component for b in sorted(graph[a]) if b in members]
        found.append("a cycle of " + ", ".join(short(m) for m in component) + ":\n" + "\n".join(edges))
    assert not found, "\n".join(found)


def layer_of(module: str) -> int:
    unit = short(module).split(".")[0]
    for number, (_, units) in enumerate(LAYERS):
        if unit in units:
            return number
    raise AssertionError(f"{short(module)} is in no layer: add it to LAYERS in tests/test_architecture.py and to docs/architecture.md")


def upward_imports() -> dict[tuple[str, str], str]:
    graph = import_graph()
    return {
        (short(a), short(b)): f"{where(a, line)}: {short(a)} ({LAYERS[layer_of(a)][0]}) imports {short(b)} ({LAYERS[layer_of(b)][0]})"
        for a in sorted(graph)
        for b, line in sorted(graph[a].items())
        if layer_of(b) > layer_of(a)
    }


def test_every_module_is_in_one_layer():
    units = [unit for _, listed in LAYERS for unit in listed]
    assert len(units) == len(set(units)), "a module is listed in two layers"
    for path in PACKAGE.rglob("*.py"):
        layer_of(module_name(path))
    assert all((PACKAGE / unit).is_dir() or (PACKAGE / f"{unit}.py").is_file() for unit in units), "LAYERS lists a module that is gone"


def test_no_module_imports_a_higher_layer():
    upward = upward_imports()
    new = [line for pair, line in upward.items() if pair not in EXCEPTIONS]
    assert not new, "imports from a lower layer to a higher one (move the imported code down, or the importer up):\n" + "\n".join(new)


def test_every_listed_exception_is_still_needed():
    gone = [f"{a} -> {b}" for a, b in EXCEPTIONS if (a, b) not in upward_imports()]
    assert not gone, "no longer imported upward; remove from EXCEPTIONS: " + ", ".join(gone)


def test_docs_architecture_lists_the_same_layers_and_exceptions():
    import re

    text = (PACKAGE.parent.parent / "docs" / "architecture.md").read_text("utf-8")
    section = text.split("## Layers", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1:3] for line in section.splitlines() if line.startswith("| ") and not line.startswith("| layer") and "---" not in line]
    documented = [(name.strip(), [m.rstrip("/") for m in re.findall(r"`([^`]+)`", modules)]) for name, modules in rows]
    assert documented == LAYERS
    for importer, imported in EXCEPTIONS:
        path = lambda module: "/".join(module.split(".")) + ".py"  # noqa: E731
        assert f"`{path(importer)}` → `{path(imported)}`" in section, f"docs/architecture.md does not list the exception {importer} -> {imported}"
