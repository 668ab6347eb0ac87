"""Every page of the website, as a Page: its URL, title and HTML content."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from markupsafe import Markup

from committee_papers.addresses import inert_links
from committee_papers.agenda import AgendaItem
from committee_papers.exempt_titles import exempt_name_in, title_exempt_ids
from committee_papers.exemption import exemption_notice, paragraphs_label
from committee_papers.markdown.html import render_tokens
from committee_papers.markdown.parser import parser
from committee_papers.model.archive import ReportFile
from committee_papers.pages import urls
from committee_papers.pages.asset import Asset
from committee_papers.pages.headings import TocEntry, add_heading_ids
from committee_papers.pages.site import MeetingView, Site
from committee_papers.pages.tables import wrap_tables
from committee_papers.publication import PUBLISHABLE, public_report_id, year_label, year_slug
from committee_papers.render.environment import template_environment
from committee_papers.render.people import person
from committee_papers.render.report import EXEMPT_PASSAGE, AppendixView, house_style, public_title
from committee_papers.render.text import EXEMPT_MINUTE, render_markdown
from committee_papers.render.view import render_report


@dataclass
class Page:
    url: str
    title: str
    html: str
    description: str = ""
    crumbs: list[tuple[str, str]] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    context: list[tuple[str, str]] = field(default_factory=list)  # (kind, committee, date) for search results

    @property
    def src_uri(self) -> str:
        return urls.source_of(self.url)


class PageRenderer:
    def __init__(self, site: Site):
        self.site = site
        self.archive = site.archive
        self.env = template_environment(self.archive.templates)
        self.allow_html = site.archive.allow_html
        self.jurisdiction = site.council.jurisdiction if site.council else "england"
        self.assets: list[Asset] = []

    # -- helpers ---------------------------------------------------------
    def page(
        self, url: str, template: str, title: str, crumbs: list[tuple[str, str]], description: str = "", search_context: list | None = None, **context
    ) -> Page:
        def link(target: str) -> str:
            return urls.relative(url, target)

        html = self.env.get_template(template).render(
            site=self.site,
            council=self.site.council,
            url=link,
            urls=urls,
            title=title,
            crumbs=crumbs,
            search_context=search_context or [],
            year_label=year_label,
            year_slug=year_slug,
            person=lambda ref: person(self.archive, ref),
            **context,
        )
        html, toc = add_heading_ids(wrap_tables(inert_links(html)))
        return Page(url=url, title=title, html=html, description=description, crumbs=crumbs, toc=toc, context=search_context or [])

    def markdown(self, text: str, shift: int = 0, public: bool = True, top: int | None = None, resolve=None, notice: str = EXEMPT_MINUTE) -> Markup:
        """Markdown outside a report (see render.text.render_markdown)."""
        return render_markdown(text, self.allow_html, shift=shift, public=public, top=top, resolve=resolve, notice=notice)

    def inline(self, text: str) -> Markup:
        md = parser(self.allow_html)
        return Markup(render_tokens(md, md.parseInline(text, {}), {}))

    def committee_name(self, cid: str) -> str:
        committee = self.archive.committees.get(cid)
        return committee.name if committee else cid

    def search_context(self, view: MeetingView, kind: str) -> list[tuple[str, str]]:
        """What a search result says of a meeting's page: the kind of document, the committee and the date."""
        return [("kind", kind), ("committee", self.committee_name(view.committee_id)), ("date", f"{view.date.day} {view.date:%B %Y}")]

    def meeting_crumbs(self, view: MeetingView) -> list[tuple[str, str]]:
        return [
            ("Home", urls.home()),
            ("Committees", urls.committees()),
            (self.committee_name(view.committee_id), urls.committee(view.committee_id)),
            (f"{view.date.day} {view.date:%B %Y}", urls.meeting(view.id)),
        ]

    def item_title(self, item: AgendaItem) -> str:
        return public_title(item.title, item.exempt)

    def item_notice(self, item: AgendaItem) -> str | None:
        return exemption_notice(item.exempt, self.jurisdiction) if item.exempt else None

    # -- pages -------------------------------------------------------------
    def all_pages(self) -> list[Page]:
        pages = self.global_pages()
        for view in self.site.meetings:
            pages += self.meeting_pages(view)[0]
        return pages

    def global_pages(self) -> list[Page]:
        """The pages that show the whole archive: rendered on every build."""
        site = self.site
        from committee_papers.pages.calendar_page import month_pages
        from committee_papers.pages.decisions_page import decisions_pages
        from committee_papers.pages.forward_plan import forward_plan_page
        from committee_papers.pages.people_page import divisions_page

        pages = [self.home(), self.committees(), self.meetings_index(), self.people(), self.subscribe(), self.accessibility()]
        pages += decisions_pages(self)
        pages += month_pages(self)
        pages.append(forward_plan_page(self))
        pages += [self.committee(cid) for cid in self.archive.committees]
        pages += [self.year(year, meetings) for year, meetings in site.years_of().items()]
        pages += [self.councillor(pid) for pid in self.archive.people.councillors]
        pages.append(divisions_page(self))
        return pages

    def meeting_pages(self, view: MeetingView) -> tuple[list[Page], list[Asset]]:
        """A meeting's own pages (agenda, reports, minutes) and the files they publish."""
        site = self.site
        first_asset = len(self.assets)
        pages = [self.meeting(view)]
        if view.agenda_published:
            for item in view.items:
                if item.report is not None and site.publication.report_visible(view.folder, item.report):
                    pages.append(self.report(view, item))
        if site.publication.minutes_visible(view.folder):
            pages.append(self.minutes(view))
        return pages, self.assets[first_asset:]

    def home(self) -> Page:
        from committee_papers.pages.decisions_page import register_row

        site = self.site
        name = site.council.name if site.council else "Committee papers"
        return self.page(
            urls.home(),
            "pages/home.html",
            name,
            [],
            description=f"Agendas, reports, minutes and decisions of {name}'s committees.",
            upcoming=site.upcoming()[:12],
            decisions=[register_row(self, d) for d in [d for d in site.decisions if not d.procedural][:8]],
            committees=sorted(self.archive.committees.items(), key=lambda c: c[1].name),
        )

    def committees(self) -> Page:
        return self.page(
            urls.committees(),
            "pages/committees.html",
            "Committees",
            [("Home", urls.home())],
            committees=sorted(self.archive.committees.items(), key=lambda c: c[1].name),
        )

    def committee(self, cid: str) -> Page:
        committee = self.archive.committees[cid]
        site = self.site
        future = [m for m in site.by_committee.get(cid, []) if m.date >= site.today and m.meeting.status != "cancelled"]
        work_programme = [(m, item, self.item_title(item)) for m in future for item in m.items if item.kind == "planned"]
        children = sorted((c, other) for c, other in self.archive.committees.items() if other.parent == cid)
        return self.page(
            urls.committee(cid),
            "pages/committee.html",
            committee.name,
            [("Home", urls.home()), ("Committees", urls.committees())],
            description=f"Membership, terms of reference and meetings of the {committee.name}.",
            cid=cid,
            committee=committee,
            terms=self.markdown(committee.terms_of_reference, shift=1),
            years=site.years_of(cid),
            work_programme=work_programme,
            parent=(committee.parent, self.committee_name(committee.parent)) if committee.parent else None,
            children=children,
        )

    def meetings_index(self) -> Page:
        from committee_papers.pages.calendar_page import current_month, month_label

        month = current_month(self.site)
        return self.page(
            urls.meetings(),
            "pages/meetings.html",
            "Meetings",
            [("Home", urls.home())],
            years=self.site.years_of(),
            calendar=(month_label(*month), urls.calendar_month(*month)) if month else None,
        )

    def year(self, year: int, meetings: list[MeetingView]) -> Page:
        return self.page(
            urls.year(year_slug(year)),
            "pages/year.html",
            f"Meetings in {year_label(year)}",
            [("Home", urls.home()), ("Meetings", urls.meetings())],
            year=year,
            meetings=meetings,
        )

    def meeting(self, view: MeetingView) -> Page:
        from committee_papers.pages.meeting_page import agenda_entries, attendance_summary, meeting_files

        return self.page(
            urls.meeting(view.id),
            "pages/meeting.html",
            view.title,
            self.meeting_crumbs(view)[:-1],
            search_context=self.search_context(view, "Agenda"),
            description=f"Agenda of the {view.title}.",
            view=view,
            meeting=view.meeting,
            clerk=person(self.archive, view.committee.clerk) if view.committee else None,
            items=agenda_entries(self, view),
            files=meeting_files(self, view),
            attendance=attendance_summary(self, view),
            has_minutes=self.site.publication.minutes_visible(view.folder),
        )

    def appendices(self, view: MeetingView, report: ReportFile) -> tuple[list[AppendixView], list[dict]]:
        listed, bodies = [], []
        style = house_style(self.archive)
        for index, appendix in enumerate(report.report.appendices):
            letter, label = style.appendix_mark(index), style.appendix_label(index)
            exempt = appendix.exempt
            title = public_title(appendix.title, exempt)
            href = None
            if exempt is None:
                path = PurePosixPath(appendix.file)
                if path.suffix.lower() == ".pdf":
                    url = urls.appendix_file(view.id, report.id, f"appendix-{letter.lower()}.pdf")
                    self.assets.append(Asset(url=url, source=str(view.folder.path / appendix.file)))
                    href = urls.relative(urls.report(view.id, report.id), url)
                else:
                    href = f"#appendix-{letter.lower()}"
                    text = (view.folder.path / appendix.file).read_text("utf-8")
                    resolve = self.local_file_resolver(view, urls.report(view.id, report.id))
                    html = self.markdown(text, top=3, resolve=resolve, notice=EXEMPT_PASSAGE)
                    bodies.append({"letter": letter, "label": label, "title": title, "html": html})
            listed.append(AppendixView(letter, title, href, paragraphs_label(exempt) if exempt else None, label))
        return listed, bodies

    def local_file_resolver(self, view: MeetingView, page_url: str, appendix_links: dict | None = None):
        """Where a file the report links to is published: copied beside the meeting's pages.

        Only images, PDFs and CSV files are published, and never a file that is an
        exempt appendix of any report in the meeting, nor one whose path names a
        report whose title is exempt (exempt_titles).
        """
        hidden = title_exempt_ids(view.folder)
        exempt_files = {
            (view.folder.path / a.file).resolve()
            for r in view.folder.reports.values()
            if r.report
            for a in r.report.appendices
            if a.exempt is not None or r.report.exempt is not None
        }

        def resolve(path: str) -> str | None:
            from committee_papers.loading.paths import resolve_inside

            source = resolve_inside(view.folder.path, path)
            if source is None or not os.path.isfile(source) or source.resolve() in exempt_files:
                return None
            if appendix_links and source.resolve() in appendix_links:
                return appendix_links[source.resolve()]
            relative = source.relative_to(view.folder.path).as_posix()
            if source.suffix.lower() not in PUBLISHABLE or exempt_name_in(relative, hidden):
                return None
            url = f"meetings/{view.id}/{relative}"
            self.assets.append(Asset(url=url, source=str(source)))
            return urls.relative(page_url, url)

        return resolve

    def report(self, view: MeetingView, item: AgendaItem) -> Page:
        report = item.report
        exempt = report.report.exempt is not None
        appendices, bodies = ([], []) if exempt else self.appendices(view, report)
        page_url = urls.report(view.id, public_report_id(item))
        links = {(view.folder.path / a.file).resolve(): shown.href for a, shown in zip(report.report.appendices, appendices) if shown.href is not None}
        fragment = render_report(self.archive, view.folder, item, report, appendices=appendices, resolve=self.local_file_resolver(view, page_url, links))
        title = public_title(report.report.title, report.report.exempt)
        return self.page(
            page_url,
            "pages/report.html",
            title,
            self.meeting_crumbs(view),
            search_context=self.search_context(view, "Report"),
            description=f"Agenda item {item.number} of the {view.title}.",
            view=view,
            item=item,
            exempt=exempt,
            fragment=fragment,
            appendix_bodies=bodies,
            pdf=urls.report_pdf(view.id, report.id),
        )

    def minutes_context(self, view: MeetingView, public: bool = True) -> dict:
        """Attendance and minutes of a held meeting; `public` leaves out every exempt part."""
        from committee_papers.pages.minutes_page import minutes_context

        return minutes_context(self.site, view, public)

    def minutes(self, view: MeetingView) -> Page:
        return self.page(
            urls.minutes(view.id),
            "pages/minutes.html",
            f"Minutes: {view.title}",
            self.meeting_crumbs(view),
            search_context=self.search_context(view, "Minutes"),
            description=f"Minutes of the {view.title}.",
            **self.minutes_context(view, public=True),
        )

    def people(self) -> Page:
        from committee_papers.pages.people_page import people_page

        return people_page(self)

    def councillor(self, pid: str) -> Page:
        from committee_papers.pages.people_page import councillor_page

        return councillor_page(self, pid)

    def search_page(self, years: list[str]) -> Page:
        return self.page(
            urls.search(),
            "pages/search.html",
            "Search the papers",
            [("Home", urls.home())],
            description="Search every agenda, report, minutes and decision.",
            shards=[f"pagefind-shards/{year}/" for year in years],
        )

    def accessibility(self) -> Page:
        return self.page(
            urls.accessibility(),
            "pages/accessibility.html",
            "Accessibility statement",
            [("Home", urls.home())],
            description="How accessible this website and its documents are, and how to get them in another format.",
        )

    def subscribe(self) -> Page:
        return self.page(
            urls.subscribe(),
            "pages/subscribe.html",
            "Calendars, feeds and open data",
            [("Home", urls.home())],
            committees=sorted(self.archive.committees.items(), key=lambda c: c[1].name),
            datasets=["meetings", "items", "reports", "decisions", "people", "forward-plan"],
        )


def today_label(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
