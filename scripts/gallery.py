"""Pictures of the built-in house styles for docs/house-styles.md: the first page of each style's report PDF.

    python scripts/gallery.py             # writes docs/images/house-styles/<style>.png
    python scripts/gallery.py --check     # says which pictures are out of date, writes nothing

Each picture is of a real build: the example report of the style (the test fixture
tests/render/fixtures/<style>.case, laid over the small council in tests/fixtures/minimal)
built by `papers build`, then the report PDF's first page drawn by pdftoppm (poppler-utils).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STYLES = ("numbered-paragraphs", "cover-sheet", "numbered-sections")
OUT = ROOT / "docs" / "images" / "house-styles"
REPORT_PDF = "site/meetings/2026-04-14-audit/04-internal-audit-plan.pdf"
RESOLUTION = 70  # dots per inch: an A4 page about 580 pixels wide


def build_council(style: str, folder: Path) -> Path:
    """The small test council with the style's example report, built; returns the report's PDF."""
    sys.path.insert(0, str(ROOT / "tests"))
    from casefile import apply_case, parse_case

    council = folder / style
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", council)
    apply_case(parse_case(ROOT / "tests" / "render" / "fixtures" / f"{style}.case"), council)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795651200", "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "committee_papers", "build", str(council)], check=True, env=env, capture_output=True)
    return council / REPORT_PDF


def first_page(pdf: Path, target: Path) -> None:
    """The PDF's first page as a PNG (pdftoppm adds the extension itself)."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target.with_suffix(""))],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report pictures that differ from a fresh build; write nothing")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is needed (poppler-utils): bash scripts/install.sh installs it", file=sys.stderr)
        return 2
    stale = []
    with tempfile.TemporaryDirectory() as work:
        for style in STYLES:
            picture = Path(work) / f"{style}.png"
            first_page(build_council(style, Path(work)), picture)
            target = OUT / f"{style}.png"
            if args.check:
                if not target.exists() or _digest(target) != _digest(picture):
                    stale.append(target.relative_to(ROOT).as_posix())
                continue
            OUT.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(picture, target)
            print(f"wrote {target.relative_to(ROOT)}")
    for name in stale:
        print(f"out of date: {name} (run python scripts/gallery.py)")
    return 1 if stale else 0


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
