from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import sys
import threading
from collections.abc import Iterator
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
    for name in ("papers", "templates", "pages", "mkdocs.yml"):
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


BUILD_DAY = "2026-11-26"  # the example council's papers are written as of this day


def build_epoch() -> str:
    import datetime as dt

    return str(int(dt.datetime.fromisoformat(BUILD_DAY).replace(tzinfo=dt.UTC).timestamp()))


def run_papers(*args: str, cwd: Path | None = None, env_extra: dict | None = None, give_up: float | None = None):
    """`papers ARGS` in a subprocess; with `give_up`, a run still going after that many seconds fails the test (a hang)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "SOURCE_DATE_EPOCH": build_epoch(), **(env_extra or {})}
    try:
        return subprocess.run([sys.executable, "-m", "committee_papers", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=give_up)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`papers {' '.join(args)}` was still running after {give_up:.0f} s: it hangs")


@pytest.fixture(scope="session")
def built_example(tmp_path_factory):
    """The example council built once (site and packs) with the real MkDocs, shared by all workers."""
    import fcntl
    import os

    # under xdist each worker's temporary folder sits inside the run's; without it, the run's is the folder itself
    shared = tmp_path_factory.getbasetemp().parent if os.environ.get("PYTEST_XDIST_WORKER") else tmp_path_factory.getbasetemp()
    lock = shared / "built-example.lock"
    council = shared / "built-example"
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        if not (council / ".complete").exists():
            if council.exists():
                shutil.rmtree(council)
            copy_council(EXAMPLE, council)
            result = run_papers("build", str(council))
            assert result.returncode == 0, result.stdout + result.stderr
            (council / ".complete").write_text("ok")
    return council


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # Chromium cancels downloads it does not need
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_folder(site: Path) -> Iterator[str]:
    """A built site over HTTP on the loopback address (a page read from a file may not read its own stylesheets)."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served(built_example):
    """The built example site over HTTP on the loopback address."""
    with serve_folder(built_example / "site") as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright; nothing downloads a browser."""
    from playwright.sync_api import sync_playwright

    sys_path = str(Path(__file__).parent / "accessibility")
    import sys

    if sys_path not in sys.path:
        sys.path.insert(0, sys_path)
    from browser import ARGS, AXE, CHROMIUM

    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: bash scripts/install.sh installs it"
    assert AXE.exists(), "axe-core is needed: bash scripts/install.sh installs it with npm"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser):
    """A desktop-width page with transitions and animations off, so that a style read is never caught half way."""
    from browser import still_tab

    page = still_tab(browser, viewport={"width": 1280, "height": 900})
    yield page
    page.context.close()


@pytest.fixture(scope="session")
def pagefind_site(tmp_path_factory):
    """The example council built with Pagefind search, served over HTTP."""
    council = copy_council(EXAMPLE, tmp_path_factory.mktemp("pagefind") / "council")
    config = (council / "mkdocs.yml").read_text("utf-8")
    (council / "mkdocs.yml").write_text(config.replace("  - search\n  - committee-papers\n", "  - committee-papers:\n      search: pagefind\n"), "utf-8")
    result = run_papers("build", str(council), "--no-packs")
    assert result.returncode == 0, result.stderr
    with serve_folder(council / "site") as address:
        yield address
