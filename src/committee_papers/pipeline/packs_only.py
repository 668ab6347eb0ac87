"""`papers build --packs-only`: the PDFs into the existing site folder, with the same options as a full build.

Each PDF is checked by the output guard before it is made, and replaced
atomically; the members' folder is replaced as a whole. A
public PDF this build no longer publishes (a report made exempt, or withdrawn)
is removed from the site, so no old version stays public.
"""

from __future__ import annotations

from pathlib import Path

from committee_papers.check import CheckResult
from committee_papers.pages import urls
from committee_papers.pages.site import MeetingView
from committee_papers.pipeline.finish import Say, council_templates, warn_engine
from committee_papers.pipeline.options import BuildOptions
from committee_papers.pipeline.plan import Plan, exempt_text, site_of
from committee_papers.timing import phase


def build_packs_only(options: BuildOptions, result: CheckResult, say: Say, progress=None) -> int:
    from committee_papers.packs.build import build_all_packs  # WeasyPrint is loaded only when packs are made

    exempt = exempt_text(result)  # each public PDF is checked by the output guard before it is made
    plan = Plan(options=options, site=site_of(options, result), exempt=exempt)
    warn_engine(options.pdf_engine, say)
    with council_templates(plan.archive), phase("packs"):
        done = build_all_packs(plan.site, options.site_dir, options.confidential_dir, engine=options.pdf_engine, progress=progress, guard=exempt)
    written = {path for meeting in done for path in meeting.site}
    for view in plan.site.meetings:
        for stale in set(_our_pdfs(view, options.site_dir)) - written:
            (options.site_dir / stale).unlink()
    return len(done)


def _our_pdfs(view: MeetingView, site_dir: Path) -> list[str]:
    """The PDFs this tool may have written for a meeting: its packs, supplements and report PDFs."""
    folder = site_dir / urls.meeting(view.id)
    if not folder.is_dir():
        return []
    names = {Path(urls.pack(view.id)).name}
    names |= {Path(urls.report_pdf(view.id, rid)).name for rid in view.folder.reports}
    names |= {Path(urls.report_pdf(view.id, f"exempt-item-{item.number}")).name for item in view.items}
    found = [p.name for p in folder.glob("*.pdf") if p.is_file() and (p.name in names or _supplement(p.name))]
    return [f"{urls.meeting(view.id)}{name}" for name in sorted(found)]


def _supplement(name: str) -> bool:
    return name.startswith("supplement-") and name[len("supplement-") : -len(".pdf")].isdigit()
