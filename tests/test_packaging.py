"""The wheel a council installs holds every file the package reads at run time, and a site built from it has its footer.

CI installs the package editable, which reads the source tree: only a built wheel shows what a release leaves out.
scripts/wheel-check.sh (run by CI) goes further: the wheel with its dependencies in a fresh virtual environment.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, build_epoch

PACKAGE = ROOT / "src" / "committee_papers"
NAME = "committee_papers"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """`pip wheel` of a clean copy of the source: an earlier build's build/ folder or egg-info could add files the project does not name."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q", "-w", str(out), str(source)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("*.whl")
    return built


def _source_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def _in_wheel(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def test_wheel_holds_every_file_of_the_package(wheel):
    """Code, templates, theme overrides, assets, house styles and the YAML beside them: the code digests them all."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        missing = [_in_wheel(p) for p in _source_files() if _in_wheel(p) not in names]
        assert not missing, f"{wheel.name} lacks {len(missing)} file(s) of the package (package data in pyproject.toml): {missing}"
        changed = [_in_wheel(p) for p in _source_files() if archive.read(_in_wheel(p)) != p.read_bytes()]
    assert not changed, f"{wheel.name} holds other contents for {changed}"


def _strings(node: ast.AST, constants: dict[str, list[str]]) -> list[str] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _module_constants(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level NAME = "text" and NAME = ("text", ...)."""
    constants: dict[str, list[str]] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            values = statement.value.elts if isinstance(statement.value, ast.Tuple) else [statement.value]
            texts = [v.value for v in values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            for target in targets:
                if isinstance(target, ast.Name) and texts:
                    constants[target.id] = texts
    return constants


def _paths(node: ast.AST, module: Path, constants: dict[str, list[str]], unnamed: list[str]) -> list[Path] | None:
    """The paths a path expression of the package's own files can stand for; None when it is no such expression.

    Path(__file__)[.resolve()].parent[...] / "name", resources.files("committee_papers").joinpath(NAME) or / NAME,
    PackageLoader("committee_papers", "folder"). A name the test cannot resolve (a loop variable) is listed in `unnamed`.
    """
    if isinstance(node, ast.Call):
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if called == "Path" and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and node.args[0].id == "__file__":
            return [module]
        if called == "files" and [_strings(a, {}) for a in node.args] == [[NAME]]:
            return [PACKAGE]
        if called == "PackageLoader" and len(node.args) == 2 and _strings(node.args[0], {}) == [NAME]:
            return [PACKAGE / name for name in _strings(node.args[1], constants) or []]
        if called in ("resolve", "absolute") and isinstance(func, ast.Attribute):
            return _paths(func.value, module, constants, unnamed)
        if called == "joinpath" and isinstance(func, ast.Attribute):
            return _joined(_paths(func.value, module, constants, unnamed), node.args, node, module, constants, unnamed)
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        base = _paths(node.value, module, constants, unnamed)
        return None if base is None else [p.parent for p in base]
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "parents" and isinstance(node.slice, ast.Constant):
        base = _paths(node.value.value, module, constants, unnamed)
        return None if base is None else [p.parents[node.slice.value] for p in base]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return _joined(_paths(node.left, module, constants, unnamed), [node.right], node, module, constants, unnamed)
    return None


def _joined(base, parts, node, module, constants, unnamed) -> list[Path] | None:
    if base is None:
        return None
    names = [_strings(part, constants) for part in parts]
    if any(n is None for n in names):
        unnamed.append(f"{module.relative_to(ROOT)}:{node.lineno}")
        return None
    paths = base
    for options in names:
        paths = [p / name for p in paths for name in options]
    return paths


def files_read_by_name() -> tuple[dict[Path, str], list[str]]:
    """Each file or folder of its own that the code opens by name, with where; and the reads whose name the test cannot tell."""
    read: dict[Path, str] = {}
    unnamed: list[str] = []
    for module in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(module.read_text("utf-8"))
        constants = _module_constants(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp | ast.Call) and not (isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("resolve", "absolute")):
                for path in _paths(node, module, constants, unnamed) or []:
                    if path != module and path != PACKAGE and path not in PACKAGE.parents:
                        read.setdefault(path, f"{module.relative_to(ROOT)}:{node.lineno}")
    return read, unnamed


def test_the_scan_finds_the_package_s_readers():
    """The scan sees the ways the code reads its files today; a scan that found nothing would pass anything."""
    read, _ = files_read_by_name()
    found = {p.relative_to(PACKAGE).as_posix() for p in read if p.is_relative_to(PACKAGE)}
    assert {"theme_overrides", "templates", "codes.yml", "exempt_paragraphs.yml", "house_styles"} <= found, sorted(found)


def test_wheel_holds_every_file_the_code_reads_by_name(wheel):
    read, unnamed = files_read_by_name()
    outside = {str(p): where for p, where in read.items() if not p.is_relative_to(PACKAGE)}
    assert not outside, f"the code reads files outside the package, which no wheel holds: {outside}"
    # a read whose name is a variable: the module's path constants are what it can name
    for where in unnamed:
        module = ROOT / where.split(":")[0]
        for names in _module_constants(ast.parse(module.read_text("utf-8"))).values():
            for name in names:
                if "/" in name and (PACKAGE / name).exists():
                    read.setdefault(PACKAGE / name, where)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = {}
    for path, where in sorted(read.items()):
        wanted = [path] if not path.is_dir() else [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        if not path.exists():
            missing[path.relative_to(PACKAGE).as_posix()] = f"{where} (not in the source tree either)"
        elif not wanted or any(_in_wheel(p) not in names for p in wanted):
            missing[path.relative_to(PACKAGE).as_posix()] = where
    assert not missing, f"{wheel.name} lacks files the code reads: {missing}"


def test_a_site_built_from_the_installed_wheel_has_the_footer(wheel, minimal, tmp_path):
    """The package installed from the wheel (not the source tree) builds a council's site with its footer and statement link."""
    target = tmp_path / "installed"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--disable-pip-version-check", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    env = {**os.environ, "PYTHONPATH": str(target), "SOURCE_DATE_EPOCH": build_epoch()}
    where = subprocess.run(
        [sys.executable, "-c", "import committee_papers; print(committee_papers.__file__)"], capture_output=True, text=True, env=env, cwd=minimal
    )
    assert Path(where.stdout.strip()).is_relative_to(target), where.stdout + where.stderr
    built = subprocess.run([sys.executable, "-m", "committee_papers", "build", "--no-packs"], capture_output=True, text=True, env=env, cwd=minimal)
    assert built.returncode == 0, built.stdout + built.stderr
    home = (minimal / "site" / "index.html").read_text("utf-8")
    assert '<p class="papers-footer__name">Fenbridge Borough Council</p>' in home
    assert '<a href="accessibility/">Accessibility statement</a>' in home
