"""Agenda pack speed: our whole pack path beside WeasyPrint alone on the same final HTML,
and 8 packs on 2 processes against 1.

    python benchmarks/pack_speed.py [--reports-per-meeting 20] [--runs 2]

Goals: pack / raw WeasyPrint <= 1.15; 2 processes >= 1.7x one.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import weasyprint
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent))
import datetime as dt  # noqa: E402

from common import OUT, best_of  # noqa: E402
from generate import generate  # noqa: E402

from committee_papers.check import check  # noqa: E402
from committee_papers.packs.build import build_all_packs  # noqa: E402
from committee_papers.packs.document import PackComposer  # noqa: E402
from committee_papers.packs.weasy import render_pdf  # noqa: E402
from committee_papers.pages.render import PageRenderer  # noqa: E402
from committee_papers.pages.site import build_site  # noqa: E402
from committee_papers.publication import Publication  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports-per-meeting", type=int, default=20)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    root = OUT / f"packs-{args.reports_per_meeting}"
    if not (root / ".complete").exists():
        generate(root, reports=8 * args.reports_per_meeting, committees=1, years=1, seed=3, per_meeting=args.reports_per_meeting, pages=(3, 6))
        (root / ".complete").write_text("ok")
    result = check(root)
    assert not result.problems.errors, result.problems.errors[:3]
    site = build_site(result.archive, Publication(today=dt.date(2030, 1, 1)))
    views = [v for v in site.meetings if v.agenda_published][:8]
    view = views[0]
    composer = PackComposer(PageRenderer(site))
    document = composer.pack(view)
    pages = len(PdfReader(__import__("io").BytesIO(render_pdf(document, result.archive.papers))).pages)

    ours = best_of(args.runs, lambda: render_pdf(composer.pack(view), result.archive.papers))
    raw = best_of(
        args.runs,
        lambda: weasyprint.HTML(string=document.html, base_url=str(result.archive.papers) + "/").write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True),
    )
    print(f"one pack: {pages} pages")
    print(f"  committee-papers (compose + lay out + write): {ours:6.2f} s")
    print(f"  WeasyPrint alone on the same final HTML:      {raw:6.2f} s")
    print(f"  ratio: {ours / raw:.3f}  (goal <= 1.15)")

    timings = {}
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            build_all_packs(site, Path(out), None, workers=workers, reports=False)
            timings[workers] = time.perf_counter() - start
    print(f"{len(views)} packs, 1 process:  {timings[1]:6.2f} s")
    print(f"{len(views)} packs, 2 processes: {timings[2]:6.2f} s")
    print(f"  speed-up: {timings[1] / timings[2]:.2f}x  (goal >= 1.7)")


if __name__ == "__main__":
    main()
