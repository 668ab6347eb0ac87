"""Regenerate the gallery's pictures of the public site: the example council built, then photographed
in headless Chromium on a desktop screen and a phone screen.

    python scripts/screenshots.py [--out docs/gallery]

The example council is copied to a temporary folder and built as of the day its
papers are written (SOURCE_DATE_EPOCH), so the pictures are the same each time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_DAY = dt.datetime(2026, 11, 26, tzinfo=dt.UTC)  # the day the example council's papers are written for
PAGES = {
    "meeting": "meetings/2026-09-22-resources/#agenda",
    "calendar": "meetings/calendar/2026-11/",
    "forward-plan": "forward-plan/",
    "register": "decisions/2026-27/",
}
SCREENS = {"desktop": (1280, 900), "phone": (375, 812)}
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(target: Path) -> Path:
    for name in ("papers", "templates", "pages", "mkdocs.yml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(BUILD_DAY.timestamp()))}
    result = subprocess.run([sys.executable, "-m", "committee_papers", "build", str(target)], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"the example council did not build:\n{result.stdout}{result.stderr}")
    return target / "site"


def photograph(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for screen, (width, height) in SCREENS.items():
                context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
                page = context.new_page()
                for name, url in PAGES.items():
                    page.goto(base + url)
                    page.wait_for_load_state("networkidle")
                    path = out / f"site-{name}-{screen}.png"
                    page.screenshot(path=str(path), full_page=False)
                    written.append(path)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "gallery", help="where the pictures go (default docs/gallery)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="papers-screenshots-") as work:
        site = build(Path(work) / "council")
        for path in photograph(site, args.out):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
