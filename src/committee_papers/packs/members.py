"""Whether members need a confidential pack: decided by the same exempt rule that withholds from the public.

A members' pack (or members' supplement) is made when any item in it holds
something the public one leaves out: an exempt item or appendix, or an exempt
passage anywhere in its Markdown (the purpose, a comment, the body, the other
sections, a Markdown appendix, an item's text, or the minutes it approves),
however the passage's marker is spelt, as long as the parser reads it as one.
"""

from __future__ import annotations

import os

from committee_papers.agenda import AgendaItem
from committee_papers.markdown.exempt import has_exempt
from committee_papers.markdown.parser import parser
from committee_papers.pages.site import MeetingView, Site
from committee_papers.render.prepared import prepared


def needs_members_version(site: Site, view: MeetingView, items: list[AgendaItem]) -> bool:
    """Whether the members' version of a pack of these items would hold anything the public one leaves out."""
    return any(_item_has_exempt_content(site, view, item) for item in items)


def _item_has_exempt_content(site: Site, view: MeetingView, item: AgendaItem) -> bool:
    allow_html = site.archive.allow_html
    if item.exempt is not None:
        return True
    if item.kind == "minutes":
        previous = site.by_id.get(item.minutes_of or "")
        minutes = previous.folder.minutes if previous else None
        if minutes is None:
            return False
        return any(i.exempt is not None for i in previous.items) or any(_markdown_is_exempt(m.markdown, allow_html) for m in minutes.minutes)
    text = getattr(item.entry, "text", None)
    if text and _markdown_is_exempt(text, allow_html):
        return True
    if item.report is None or item.report.report is None:
        return False
    report = item.report.report
    if any(a.exempt is not None for a in report.appendices):
        return True
    if prepared(site.archive, item.report).has_exempt:
        return True
    folder = view.folder.path
    for appendix in report.appendices:
        source = folder / appendix.file
        if source.suffix.lower() == ".md" and os.path.isfile(source) and _markdown_is_exempt(source.read_text("utf-8"), allow_html):
            return True
    return False


def _markdown_is_exempt(text: str, allow_html: bool) -> bool:
    return has_exempt(parser(allow_html).parse(text))
