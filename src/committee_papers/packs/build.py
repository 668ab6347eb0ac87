"""Building every meeting's packs and report PDFs, in parallel processes."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from committee_papers import publish
from committee_papers.packs.document import PackComposer
from committee_papers.packs.meeting_pdfs import MeetingPdfs
from committee_papers.packs.members import needs_members_version
from committee_papers.packs.progress import rich_progress
from committee_papers.pages import urls
from committee_papers.pages.site import MeetingView, Site
from committee_papers.publish import published_name
from committee_papers.supplements import original_items, supplements

_SITE: Site | None = None
_GUARD = None  # the output guard's exempt text (guard.corpus), in a worker process


def meetings_with_packs(site: Site) -> list[MeetingView]:
    return [v for v in site.meetings if v.agenda_published and v.meeting.status != "cancelled"]


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def build_meeting(
    site: Site, view: MeetingView, site_dir: Path, confidential_dir: Path | None, engine: str = "weasyprint", reports: bool = True, guard=None
) -> MeetingPdfs:
    """The public pack, the members' confidential pack (if anything is exempt) and each report's PDF.

    With `guard` (the output guard's exempt text), each public PDF is checked before it is made."""
    start = time.perf_counter()
    render = _engine(engine)
    composer = PackComposer(site)
    papers = site.archive.papers
    public: list[str] = []
    members: list[str] = []

    def publish(relative: str, document) -> None:
        if guard is not None:
            from committee_papers.guard.scan import check_document

            check_document(guard, relative, document, published_name(site_dir))
        _write(site_dir / relative, render(document, papers))
        public.append(relative)

    def confidential(relative: str, document) -> None:
        _write(confidential_dir / relative, render(document, papers))
        members.append(relative)

    publish(urls.pack(view.id), composer.pack(view))
    if confidential_dir is not None and needs_members_version(site, view, original_items(view.items, view.meeting.published)):
        confidential(f"{view.id}/agenda-pack.pdf", composer.pack(view, confidential=True))
    for supplement in supplements(view.items, view.meeting.published):
        if not site.publication.date_reached(supplement.date):
            continue
        publish(urls.supplement(view.id, supplement.number), composer.pack(view, supplement=supplement))
        if confidential_dir is not None and needs_members_version(site, view, supplement.items):
            confidential(f"{view.id}/supplement-{supplement.number}.pdf", composer.pack(view, confidential=True, supplement=supplement))
    for item in view.items if reports else []:
        if item.report is None or item.report.report is None or item.report.report.exempt is not None:
            continue
        if not site.publication.report_visible(view.folder, item.report):
            continue
        publish(urls.report_pdf(view.id, item.report.id), composer.report(view, item))
    return MeetingPdfs(meeting=view.id, site=public, confidential=members, seconds=time.perf_counter() - start)


def _engine(name: str) -> Callable:
    if name == "wkhtmltopdf":
        from committee_papers.packs.wkhtml import render_pdf
    else:
        from committee_papers.packs.weasy import render_pdf
    return render_pdf


def _init(site: Site, guard=None) -> None:
    global _SITE, _GUARD
    _SITE, _GUARD = site, guard


def _job(meeting_id: str, site_dir: str, confidential_dir: str | None, engine: str, reports: bool) -> MeetingPdfs:
    site = _SITE
    return build_meeting(site, site.by_id[meeting_id], Path(site_dir), Path(confidential_dir) if confidential_dir else None, engine, reports, _GUARD)


def build_all_packs(
    site: Site,
    site_dir: Path,
    confidential_dir: Path | None,
    engine: str = "weasyprint",
    workers: int | None = None,
    progress: Callable[[MeetingPdfs, int, int], None] | None = None,
    reports: bool = True,
    keep: dict[str, list[str]] | None = None,
    guard=None,
) -> list[MeetingPdfs]:
    """Every meeting's PDFs. The confidential folder is replaced as a whole once all are written.

    `keep` names meetings whose PDFs are unchanged since the last build: nothing is laid
    out for them, and their confidential packs (listed) are carried over. `progress` may
    stop the work by raising: no further meeting is started.
    """
    keep = keep or {}
    views = [view for view in meetings_with_packs(site) if view.id not in keep]
    workers = workers or min(os.cpu_count() or 1, len(views) or 1)
    staging = publish.staging_dir(confidential_dir) if confidential_dir is not None else None
    results: list[MeetingPdfs] = []
    try:
        if staging is not None:
            from committee_papers.incremental import link_or_copy

            for kept in keep.values():
                for relative in kept:
                    link_or_copy(confidential_dir / relative, staging / relative)
        if workers <= 1 or len(views) <= 1:
            for view in views:
                results.append(build_meeting(site, view, site_dir, staging, engine, reports, guard))
                if progress:
                    progress(results[-1], len(results), len(views))
        else:
            with ProcessPoolExecutor(workers, initializer=_init, initargs=(site, guard)) as pool:
                futures = [pool.submit(_job, v.id, str(site_dir), str(staging) if staging else None, engine, reports) for v in views]
                try:
                    for future in as_completed(futures):
                        results.append(future.result())
                        if progress:
                            progress(results[-1], len(results), len(views))
                except BaseException:
                    for future in futures:  # stopped (or failed): start no more
                        future.cancel()
                    raise
    except BaseException:
        if staging is not None:
            publish.discard(staging)
        raise
    if staging is not None:
        publish.swap_into_place(staging, confidential_dir)
    return results


def build_packs_only(result, root: Path, site_dir: Path | None = None, engine: str = "weasyprint", today=None) -> int:
    """`papers build --packs-only`: the PDFs into the existing site folder, each file replaced atomically."""
    from committee_papers.pages.site import build_site
    from committee_papers.publication import Publication, build_date

    site = build_site(result.archive, Publication(today=today or build_date()))
    if engine == "wkhtmltopdf":
        from rich.console import Console

        from committee_papers.packs.wkhtml import limitations

        for missing in limitations():
            Console(stderr=True).print(f"WARNING: packs made with wkhtmltopdf: {missing}.", highlight=False)
    target = (site_dir or root / "site").resolve()
    done = build_all_packs(site, target, root.resolve() / "confidential", engine=engine, progress=rich_progress())
    return len(done)
