"""`papers check` (and optionally the packs) on hostile inputs that once ran for minutes or crashed.

    python benchmarks/pathological.py [--packs] [--only NAME ...]

Each case is the test council (tests/fixtures/minimal) with one report replaced or
one file added; the script prints how long `papers check` took, its exit code and
the codes it reported, so the figures in docs/safety.md can be measured again.
With --packs it also times `papers build` (site and packs) on the cases the check
accepts, the ones just under a limit.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from generated import boxed_pdf, pdf_file, png_file  # noqa: E402

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
FOLDER = "papers/meetings/2026-04-14-audit"
REPORT = f"{FOLDER}/04-internal-audit-plan.md"
FRONT = (
    "---\ntitle: Internal Audit Plan 2026/27\nreport_of: Head of Audit\npurpose: To approve the plan.\n"
    "recommendations: [Approve the plan.]\nsigned_by: ada-finch\ncontact: ada-finch\n{extra}---\n\n"
)
TAIL = "\n\n## Other Options Considered\n\nNone.\n\n## Reason/s for Recommendation/s\n\nNone.\n\n## Statutory and Policy Implications\n\nNone.\n"
COMMENTS = "comments:\n  constitutional: {by: JP, date: 2026-03-27, text: Fine.}\n  financial: {by: LW, date: 2026-03-27, text: Fine.}\n"


def report(body: str, extra: str = "") -> dict[str, bytes]:
    return {REPORT: (FRONT.format(extra=COMMENTS + extra) + "## Information\n\n" + body + TAIL).encode("utf-8")}


def table(columns: int, rows: int = 3) -> str:
    head = "| " + " | ".join(f"C{i}" for i in range(columns)) + " |\n"
    rule = "|" + "---|" * columns + "\n"
    return head + rule + ("| " + " | ".join("1" for _ in range(columns)) + " |\n") * rows


def appendix(name: str, data: bytes) -> dict[str, bytes]:
    extra = f"appendices:\n  - {{title: Supplied document, file: 04-internal-audit-plan/{name}}}\n"
    files = report("See the appendix.", extra)
    files[f"{FOLDER}/04-internal-audit-plan/{name}"] = data
    return files


def image(width: int, height: int) -> dict[str, bytes]:
    files = report("![A chart of the audit days](04-internal-audit-plan/chart.png)")
    files[f"{FOLDER}/04-internal-audit-plan/chart.png"] = png_file(width, height)
    return files


CASES = {
    "line of 5,000 spaces": lambda: report("Text.\n" + " " * 5000 + "\nMore text."),
    "2 MB of spaces, one line": lambda: report(" " * 2_000_000),
    "2 MB of spaces, lines of 100": lambda: report((" " * 99 + "\n") * 20_000),
    "label after 1 MB of spaces": lambda: report("a" + " " * 1_000_000 + "b {#para:x}"),
    "170,000 short paragraphs": lambda: report("".join(f"P{i}.\n\n" for i in range(170_000))),
    "10,000 paragraphs (the limit)": lambda: report("".join(f"Paragraph {i}.\n\n" for i in range(10_000 - 12))),
    "table of 3,000 columns": lambda: report(table(3000)),
    "table of 10,000 columns": lambda: report(table(10_000)),
    "table of 3,000 narrow columns": lambda: report("|" + "x|" * 3000 + "\n|" + "-|" * 3000 + "\n|" + "1|" * 3000 + "\n"),
    "table of 64 columns (the limit)": lambda: report(table(64, 20)),
    "nesting 1,000 deep": lambda: report("".join("> " * 1000 + "- x\n")),
    "PDF of 20,000 pages": lambda: appendix("big.pdf", pdf_file(20_000)),
    "PDF of 1,000 pages (the limit)": lambda: appendix("long.pdf", pdf_file(1000)),
    "PDF inflating to 100 MB": lambda: appendix("bomb.pdf", pdf_file(2, 100 * 1024 * 1024)),
    "PDF page of no size": lambda: appendix("zero.pdf", boxed_pdf("/MediaBox [0 0 0 0]")),
    "PDF page size inherited, turned (passes)": lambda: appendix("turned.pdf", boxed_pdf("", "/MediaBox [0 0 842 595] /Rotate 90")),
    "number of 5,000 digits in front matter": lambda: report("Text.", f"reference: {'9' * 5000}\n"),
    "image of 50,000 x 50,000 pixels": lambda: image(50_000, 50_000),
    "image of 10,000 x 5,000 pixels (the limit)": lambda: image(10_000, 5_000),
}


def run(args: list[str], cwd: Path, limit: float) -> tuple[float, subprocess.CompletedProcess]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SOURCE_DATE_EPOCH": "1775779200"}  # 2026-04-10: the agenda of 14 April is published
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "committee_papers", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=limit)
    except subprocess.TimeoutExpired:
        done = subprocess.CompletedProcess(args, returncode="timed out", stdout="", stderr="")
    return time.perf_counter() - start, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--packs", action="store_true", help="also build the site and packs where the check passes")
    parser.add_argument("--only", nargs="*", help="run only the cases whose names contain these words")
    parser.add_argument("--give-up", type=float, default=900, help="seconds after which a run is stopped and reported as timed out")
    options = parser.parse_args()
    for name, make in CASES.items():
        if options.only and not any(word in name for word in options.only):
            continue
        with tempfile.TemporaryDirectory() as temporary:
            council = Path(temporary) / "council"
            shutil.copytree(MINIMAL, council)
            for relative, data in make().items():
                (council / relative).parent.mkdir(parents=True, exist_ok=True)
                (council / relative).write_bytes(data)
            seconds, done = run(["check", str(council), "--format", "json"], council, options.give_up)
            codes = sorted({line.split('"')[3] for line in done.stdout.splitlines() if '"code"' in line})
            line = f"{name:45} check {seconds:7.1f} s  exit {done.returncode}  {' '.join(codes) or '-'}"
            if options.packs and done.returncode == 0:
                seconds, built = run(["build", str(council)], council, options.give_up)
                line += f"  | build with packs {seconds:7.1f} s  exit {built.returncode}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
