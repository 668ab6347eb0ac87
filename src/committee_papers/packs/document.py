"""A pack's HTML: the front sheet, the draft minutes, then each report with its appendices."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from markupsafe import Markup
from pypdf import PdfReader

from committee_papers.agenda import AgendaItem
from committee_papers.exemption import exemption_notice, header_label
from committee_papers.packs.fetcher import papers_url
from committee_papers.pages import urls as site_urls
from committee_papers.pages.minutes_page import minutes_context
from committee_papers.pages.site import MeetingView, Site
from committee_papers.render.environment import template_environment
from committee_papers.render.people import person
from committee_papers.render.report import EXEMPT_PASSAGE, appendix_views, house_style, public_title
from committee_papers.render.text import render_markdown
from committee_papers.render.view import render_report
from committee_papers.supplements import Supplement, followed_late, original_items

IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}  # files a pack shows; other linked files are not in it


@dataclass
class PdfPlaceholder:
    """A page of the pack that a page of a PDF appendix will be laid onto."""

    id: str
    source: Path
    page: int
    label: str = ""  # "Appendix A", as the house style names it


@dataclass
class PackDocument:
    html: str
    placeholders: list[PdfPlaceholder] = field(default_factory=list)
    title: str = ""
    item_numbers: list[int] = field(default_factory=list)  # the items that have pages
    exempt_items: list[int] = field(default_factory=list)  # items left out of a public pack


class PackComposer:
    def __init__(self, site: Site):
        site = getattr(site, "site", site)  # a page renderer, as older callers pass, is not needed: its site is
        self.site = site
        self.archive = site.archive
        self.env = template_environment(self.archive.templates)
        self.jurisdiction = site.council.jurisdiction if site.council else "england"
        self.allow_html = bool(site.council and site.council.allow_raw_html)

    def file_resolver(self, view: MeetingView):
        """Images a report shows, as the PDF engine reads them: from inside the meeting folder only."""

        def resolve(path: str) -> str | None:
            from committee_papers.loading.paths import resolve_inside

            source = resolve_inside(view.folder.path, path)
            if source is None or not os.path.isfile(source) or source.suffix.lower() not in IMAGES:
                return None  # a link to a file has no place in a printed pack (and would name the file); its words stay
            return papers_url(self.archive.papers, source)

        return resolve

    def absolute(self, target: str) -> str:
        """Links in a PDF point at the published website."""
        website = (self.site.council.website or "").rstrip("/") if self.site.council else ""
        return f"{website}/{target}" if website else f"/{target}"

    def css(self) -> Markup:
        return Markup(self.env.get_template("pack/pack.css").render())

    def _appendices(self, view: MeetingView, item: AgendaItem, confidential: bool, placeholders: list[PdfPlaceholder]) -> list[dict]:
        result = []
        style = house_style(self.archive)
        for index, appendix in enumerate(item.report.report.appendices):
            exempt = appendix.exempt
            if exempt is not None and not confidential:
                continue
            mark = style.appendix_mark(index)
            entry = {
                "letter": mark,
                "label": style.appendix_label(index),
                "title": appendix.title,
                "confidential": header_label(exempt, self.jurisdiction) if exempt else None,
                "notice": exemption_notice(exempt, self.jurisdiction) if exempt else None,
                "pdf_pages": None,
                "html": None,
            }
            source = view.folder.path / appendix.file
            if PurePosixPath(appendix.file).suffix.lower() == ".pdf":
                count = len(PdfReader(source).pages)
                pages = []
                for page in range(count):
                    holder = PdfPlaceholder(id=f"pdf-{item.number}-{mark.lower()}-{page + 1}", source=source, page=page, label=entry["label"])
                    placeholders.append(holder)
                    pages.append({"id": holder.id})
                entry["pdf_pages"] = pages
            else:
                entry["html"] = render_markdown(
                    source.read_text("utf-8"), self.allow_html, top=3, public=not confidential, resolve=self.file_resolver(view), notice=EXEMPT_PASSAGE
                )
            result.append(entry)
        return result

    def _to_follow(self, view: MeetingView, item: AgendaItem, supplement: Supplement | None) -> bool:
        """A report not in this pack because it was still a draft, or went out later in a supplement."""
        if supplement is not None:
            return False
        return self.site.publication.report_to_follow(view.folder, item.report) or followed_late(item, view.meeting.published)

    def _section(self, view: MeetingView, item: AgendaItem, confidential: bool, placeholders: list[PdfPlaceholder]) -> dict | None:
        if item.kind == "minutes":
            other = self.site.by_id.get(item.minutes_of or "")
            if other is None or other.folder.minutes is None:
                return None
            context = minutes_context(self.site, other, public=not confidential)
            html = self.env.get_template("pack/minutes-section.html").render(number=item.number, url=self.absolute, urls=site_urls, **context)
            return {"number": item.number, "title": item.title, "html": Markup(html), "appendices": [], "confidential": None}
        if item.report is None or not self.site.publication.report_visible(view.folder, item.report):
            return None
        exempt = item.report.report.exempt
        if exempt is not None and not confidential:
            return None
        html = render_report(
            self.archive,
            view.folder,
            item,
            item.report,
            confidential=confidential,
            show_appendix_list=False,
            resolve=self.file_resolver(view),
            appendices=appendix_views(house_style(self.archive), item.report.report),
        )
        return {
            "number": item.number,
            "title": item.title,
            "html": html,
            "appendices": self._appendices(view, item, confidential, placeholders),
            "confidential": header_label(exempt, self.jurisdiction) if exempt else None,
        }

    def _front_rows(
        self, view: MeetingView, items: list[AgendaItem], sections: dict[int, dict], confidential: bool, supplement: Supplement | None
    ) -> list[dict]:
        rows = []
        for item in items:
            title = item.title if confidential else public_title(item.title, item.exempt)
            rows.append(
                {
                    "number": item.number,
                    "title": title,
                    "notice": exemption_notice(item.exempt, self.jurisdiction) if item.exempt else None,
                    "reason": self._reason(item, supplement, confidential),
                    "text": self._text(item, confidential),
                    "has_pages": item.number in sections,
                    "to_follow": self._to_follow(view, item, supplement),
                    "appendices": [a["label"] + ": " + a["title"] for a in sections[item.number]["appendices"]] if item.number in sections else [],
                }
            )
        return rows

    def _text(self, item: AgendaItem, confidential: bool) -> Markup | None:
        """An item's own text, as on the agenda page; members see its exempt passages, and the text of an exempt item."""
        text = getattr(item.entry, "text", None) if item.kind in ("item", "planned") else None
        if not text or (item.exempt is not None and not confidential):
            return None
        return render_markdown(text, self.allow_html, shift=2, public=not confidential)

    @staticmethod
    def _reason(item: AgendaItem, supplement: Supplement | None, confidential: bool) -> str | None:
        """The chair's reason for a late or revised item; for an exempt item it may hold exempt detail, so members only."""
        reason = supplement.reason(item) if supplement else None
        if reason and item.exempt is not None and not confidential:
            return "given in the members' confidential pack"
        return reason

    def pack(self, view: MeetingView, confidential: bool = False, supplement: Supplement | None = None) -> PackDocument:
        """The agenda pack as first published, or one supplementary agenda's pack."""
        placeholders: list[PdfPlaceholder] = []
        sections = {}
        exempt_items = []
        items = supplement.items if supplement else original_items(view.items, view.meeting.published)
        for item in items:
            section = None if self._to_follow(view, item, supplement) else self._section(view, item, confidential, placeholders)
            if section is not None:
                sections[item.number] = section
            elif item.exempt is not None:
                exempt_items.append(item.number)
        committee = view.committee.name if view.committee else view.committee_id
        kind = "Members' confidential agenda pack" if confidential else "Agenda pack"
        if supplement:
            kind = f"{supplement.title}{' (members confidential)' if confidential else ''}"
        title = f"{kind}: {committee}, {view.date.day} {view.date:%B %Y}"
        html = self.env.get_template("pack/pack.html").render(
            council=self.site.council,
            title=title,
            description=f"{kind} for the meeting of the {committee} on {view.date.day} {view.date:%B %Y}.",
            css=self.css(),
            front_sheet=True,
            view=view,
            rows=self._front_rows(view, items, sections, confidential, supplement),
            published=supplement.date if supplement else view.meeting.published,
            clerk=person(self.archive, view.committee.clerk) if view.committee else None,
            confidential_pack=confidential,
            draft=self.site.publication.drafts,
            supplement=supplement.title if supplement else None,
            sections=list(sections.values()),
        )
        return PackDocument(html=html, placeholders=placeholders, title=title, item_numbers=list(sections), exempt_items=exempt_items)

    def report(self, view: MeetingView, item: AgendaItem) -> PackDocument:
        """One report with its public appendices, as its own PDF."""
        placeholders: list[PdfPlaceholder] = []
        section = self._section(view, item, False, placeholders)
        title = f"{item.report.report.title}: {view.title}"
        html = self.env.get_template("pack/pack.html").render(
            council=self.site.council,
            title=title,
            description=f"Agenda item {item.number} of the {view.title}.",
            css=self.css(),
            draft=self.site.publication.drafts,
            front_sheet=False,
            sections=[section] if section else [],
        )
        return PackDocument(html=html, placeholders=placeholders, title=title, item_numbers=[item.number] if section else [])
