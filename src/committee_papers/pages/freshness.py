"""The digests that decide which meetings' pages and packs a build can keep."""

from __future__ import annotations

from pathlib import Path

from committee_papers import __version__
from committee_papers.incremental import digest, tree_digest
from committee_papers.pages.site import MeetingView, Site
from committee_papers.supplements import supplements


def _file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def global_digest(site: Site, settings: str) -> str:
    """What every page shows: the council, people, committees, templates, site settings and menu."""
    papers = site.archive.papers
    return digest(
        __version__,
        _file(papers / "council.yml"),
        _file(papers / "people.yml"),
        tree_digest(papers / "committees"),
        tree_digest(site.archive.templates) if site.archive.templates else "",
        [(page.url, page.title) for page in site.own_pages],
        settings,
    )


def meeting_digests(site: Site, global_: str) -> dict[str, str]:
    known = site.archive.folder_digests
    folders = {view.id: known.get(view.id) or tree_digest(view.folder.path) for view in site.meetings}
    return {view.id: _meeting(site, view, global_, folders) for view in site.meetings}


def _meeting(site: Site, view: MeetingView, global_: str, folders: dict[str, str]) -> str:
    publication = site.publication
    linked = sorted({item.minutes_of for item in view.items if item.kind == "minutes" and item.minutes_of in site.by_id})
    status, approving = site.approval(view)
    visible = (
        view.agenda_published,
        view.draft,
        tuple(sorted(r.id for r in view.folder.reports.values() if publication.report_visible(view.folder, r))),
        tuple(s.number for s in supplements(view.items, view.meeting.published) if publication.date_reached(s.date)),
        publication.minutes_visible(view.folder),
        tuple((mid, publication.minutes_visible(site.by_id[mid].folder)) for mid in linked),
    )
    return digest(
        global_,
        folders[view.id],
        *(_minutes_digest(site.by_id[mid]) for mid in linked),
        status,
        approving.id if approving else "",
        visible,
    )


def _minutes_digest(view: MeetingView) -> str:
    """What another meeting's pack takes from this one: its minutes, and which of its items are exempt."""
    folder = view.folder
    items = [(item.number, item.title, item.exempt.model_dump_json() if item.exempt else "") for item in view.items]
    return digest(_file(folder.path / "minutes.md"), _file(folder.path / "meeting.yml"), items)
