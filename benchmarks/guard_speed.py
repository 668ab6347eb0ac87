"""The output guard's cost: a build of a generated archive with exempt passages, the guard's steps timed.

    python benchmarks/guard_speed.py [--reports 2000] [--packs]

Every tenth report gets a `::: exempt` passage, so the guard has exempt text to
look for and reads every public file. Prints the full build's time, the guard's
two steps (gathering the exempt text; reading back the site), and the same for a
rebuild after one report is edited. PAPERS_TIMINGS=1 gives the step timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import OUT, archive  # noqa: E402

EPOCH = str(int(dt.datetime(2026, 11, 26, tzinfo=dt.UTC).timestamp()))
PASSAGE = "\n::: exempt\nThe sealed offer {n} from bidder {n} values the site at {n} thousand pounds subject to contract.\n:::\n"


def with_exempt_passages(source: Path, target: Path) -> int:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    reports = sorted(p for p in (target / "papers/meetings").rglob("*.md") if p.name != "minutes.md" and p.parent.parent.name == "meetings")
    for n, report in enumerate(reports[::10]):
        report.write_text(report.read_text("utf-8") + PASSAGE.format(n=n), "utf-8")
    return len(reports[::10])


def build(root: Path, *options: str) -> tuple[float, dict[str, float]]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PAPERS_TIMINGS": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "committee_papers", "build", str(root), *options], capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    print(result.stderr.strip(), file=sys.stderr)
    steps: dict[str, float] = {}
    for name, value in re.findall(r"\[timing\] ([^:\n]+(?:: [^:\n]+)?): ([\d.]+) s", result.stderr):
        steps[name] = steps.get(name, 0.0) + float(value)
    return seconds, steps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--packs", action="store_true")
    args = parser.parse_args()
    root = OUT / f"guard-{args.reports}"
    passages = with_exempt_passages(archive(args.reports), root)
    packs = [] if args.packs else ["--no-packs"]
    print(f"{args.reports} reports, {passages} with an exempt passage")
    for label, options in (("full build", ["--full", *packs]), ("rebuild after one edit", packs)):
        if label.startswith("rebuild"):
            report = next((root / "papers/meetings").rglob("*.md"))
            report.write_text(report.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
        seconds, steps = build(root, *options)
        gather, scan = steps.get("output guard: gather exempt text", 0.0), steps.get("output guard", 0.0)
        print(f"{label}: {seconds:.1f} s; the guard {gather + scan:.1f} s ({gather:.1f} s gathering exempt text, {scan:.1f} s reading back the site)")


if __name__ == "__main__":
    main()
