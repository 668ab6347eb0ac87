"""`papers check` on 5,000 reports beside a bare YAML + Markdown parse of the same files.

    python benchmarks/check_speed.py [--reports 5000] [--runs 3]

The bare parse reads every file, loads its YAML with PyYAML's C loader and
parses its Markdown with markdown-it-py, in one process. Goal: check / bare <= 1.5.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).parent))
from common import archive, best_of  # noqa: E402

from committee_papers.check import check  # noqa: E402


def bare_parse(root: Path) -> int:
    md = MarkdownIt("commonmark").enable("table")
    count = 0
    for path in sorted((root / "papers").rglob("*")):
        if path.suffix in (".yml", ".yaml"):
            yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
            count += 1
        elif path.suffix == ".md":
            text = path.read_text("utf-8")
            if text.startswith("---\n"):
                front, body = text[4:].split("\n---\n", 1)
                yaml.load(front, Loader=yaml.CSafeLoader)
            else:
                body = text
            md.parse(body)
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = archive(args.reports)
    files = bare_parse(root)
    bare = best_of(args.runs, lambda: bare_parse(root))
    result = {}

    def run_check():
        result["check"] = check(root)

    checked = best_of(args.runs, run_check)
    problems = result["check"].problems
    print(f"archive: {args.reports} reports, {files} files ({root})")
    print(f"bare YAML + Markdown parse: {bare:7.2f} s")
    print(f"papers check:               {checked:7.2f} s  ({len(problems.errors)} errors, {len(problems.warnings)} warnings)")
    print(f"ratio check / bare:         {checked / bare:7.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    main()
