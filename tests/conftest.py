from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT  # the example council: papers/ and templates/ at the top of the repository
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"


def pytest_addoption(parser):
    parser.addoption("--regen", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def regen(request) -> bool:
    return request.config.getoption("--regen")


def copy_council(source: Path, target: Path) -> Path:
    for name in ("papers", "templates", "mkdocs.yml"):
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        elif (source / name).is_file():
            shutil.copy2(source / name, target / name)
    return target


@pytest.fixture
def minimal(tmp_path) -> Path:
    return copy_council(MINIMAL, tmp_path / "council")


@pytest.fixture
def example(tmp_path) -> Path:
    return copy_council(EXAMPLE, tmp_path / "council")
