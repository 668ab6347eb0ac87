"""The core never imports MkDocs or Material, and uses no dependency's private names: the adapter and the shims hold them."""

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
