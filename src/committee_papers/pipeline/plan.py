"""A build's plan: the public site, what changed since the last build, and the pages rendered for it.

`plan_build` decides which meetings a build can keep from the previous one
(their digests are unchanged and their files are still there) and renders the
pages of the others. Everything after that (laying the pages into a theme,
the packs, the search index, publishing) works from the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from committee_papers import broken_rule
from committee_papers.check import CheckResult
from committee_papers.guard.corpus import Corpus, exempt_corpus
from committee_papers.incremental import BuildCache, MeetingRecord, PageRecord, code_digest, stamps_of
from committee_papers.pages.freshness import global_digest, meeting_digests
from committee_papers.pages.parallel import render_meetings
from committee_papers.pages.render import Asset, Page, PageRenderer
from committee_papers.pages.site import Site, build_site
from committee_papers.pipeline.options import BuildOptions
from committee_papers.publication import Publication
from committee_papers.timing import phase


@dataclass
class Plan:
    options: BuildOptions
    site: Site
    global_digest: str = ""
    pages: dict[str, Page] = field(default_factory=dict)  # rendered in this build, by source path
    kept: dict[str, PageRecord] = field(default_factory=dict)  # pages of unchanged meetings, by source path
    order: list[str] = field(default_factory=list)  # every generated page, in the same order whatever was kept
    assets: list[Asset] = field(default_factory=list)
    records: dict[str, MeetingRecord] = field(default_factory=dict)
    fresh: set[str] = field(default_factory=set)  # meetings kept from the previous build
    gone: set[str] = field(default_factory=set)  # meetings the previous build published that this one does not
    page_meeting: dict[str, str] = field(default_factory=dict)
    search_entries: dict[str, list] = field(default_factory=dict)  # the theme's search entries made in this build, by page
    digests: dict[str, str] = field(default_factory=dict)  # each meeting's digest (pages.freshness)
    theme_settings: str = ""  # what the theme shows on every page, as the plan was made for it
    general: list[str] = field(default_factory=list)  # the pages that show the whole archive, by source path
    meeting_assets: list[Asset] = field(default_factory=list)
    exempt: Corpus | None = None  # everything exempt in the papers, for the output guard (guard.corpus)
    checked_pdfs: set[str] = field(default_factory=set)  # the PDFs the guard checked before they were made

    @property
    def archive(self):
        return self.site.archive

    def title_of(self, src_uri: str) -> tuple[str, str]:
        known = self.pages.get(src_uri) or self.kept[src_uri]
        return known.title, known.description

    def search_tags_of(self, src_uri: str) -> list[str]:
        """What a search result shows with the page: the kind of document, the committee and the date.

        Material's search writes them into the result as HTML, so they are escaped here, as the frame's text is."""
        from committee_papers.frame import frame_text

        return [str(frame_text(value)) for _, value in getattr(self.pages.get(src_uri), "context", [])]


def site_of(options: BuildOptions, result: CheckResult) -> Site:
    if broken_rule.broken():
        broken_rule.forget_exemptions(result.archive)
    return build_site(result.archive, Publication(today=options.today, drafts=options.drafts))


def exempt_text(result: CheckResult) -> Corpus:
    """Everything exempt in the papers, read before any public output is made (the output guard's corpus)."""
    with phase("output guard: gather exempt text"):
        return exempt_corpus(result.archive)


def plan_build(
    options: BuildOptions,
    result: CheckResult,
    theme_settings: str = "",
    previous: Plan | None = None,
    general: bool = True,
    site: Site | None = None,
    exempt: Corpus | None = None,
) -> Plan:
    """The site, and the pages of every meeting that changed since the last build into the same folder.

    `theme_settings` is what the theme makes every page show (every setting of
    mkdocs.yml, the menu among them: `adapter/shown.py`): when it changes, every
    page is laid out again. `site` is the site already made from `result`. `previous` is
    a plan still in memory (`papers serve`), used instead of the build's cache.
    With `general=False` the pages that show the whole archive are left for
    `render_general_pages` (`papers serve` shows the edited meeting first). `exempt` is the output guard's corpus,
    when gathered before `site` was made (the test switch forgets every exemption as it makes the site).
    """
    exempt = exempt or exempt_text(result)
    plan = Plan(options=options, site=site or site_of(options, result), theme_settings=theme_settings, exempt=exempt)
    with phase("render pages (core)"):
        renderer = PageRenderer(plan.site)
        keep_unchanged(plan, theme_settings, previous)
        render_meeting_pages(plan, renderer)
        if general:
            render_general_pages(plan, renderer)
    return plan


def _settings(options: BuildOptions, theme_settings: str) -> str:
    # the test switch changes every page an exemption touches: a build with it never keeps a page built without it
    return "\0".join([theme_settings, options.search, str(options.drafts), options.pdf_engine, code_digest(), str(broken_rule.broken())])


def previous_records(options: BuildOptions, digest: str) -> dict[str, MeetingRecord]:
    site_dir = options.site_dir
    if not options.incremental or not site_dir.is_dir():
        return {}
    return BuildCache(options.root, site_dir).load(digest)


def _still_there(options: BuildOptions, record: MeetingRecord) -> bool:
    """Whether the meeting's files are still the very files its record was saved with."""
    found = stamps_of(record, options.site_dir, options.confidential_dir)
    return None not in found and found == record.stamps


def keep_unchanged(plan: Plan, theme_settings: str, previous: Plan | None = None) -> None:
    """Decide which meetings keep their pages and PDFs: those whose digest is what their last build recorded."""
    options = plan.options
    plan.global_digest = global_digest(plan.site, _settings(options, theme_settings))
    plan.digests = meeting_digests(plan.site, plan.global_digest)
    if previous is not None:
        records = previous.records if previous.global_digest == plan.global_digest else {}
    else:
        records = previous_records(options, plan.global_digest)
    plan.gone = set(records) - {view.id for view in plan.site.meetings}
    for view in plan.site.meetings:
        record = records.get(view.id)
        if record is not None and previous is None and not _still_there(options, record):
            record = None
        # a meeting built with its PDFs is built again for a site without them (its pages give their sizes), and the other way
        packs_done = record is not None and (record.packs == options.packs or options.deferred)
        if record is not None and plan.digests[view.id] == record.digest and packs_done:
            plan.fresh.add(view.id)
            plan.records[view.id] = record
            for uri, page in record.pages.items():
                plan.kept[uri] = page
                plan.page_meeting[uri] = view.id


def render_meeting_pages(plan: Plan, renderer: PageRenderer) -> list[str]:
    """The pages of every meeting not kept; returns their source paths."""
    changed = [view for view in plan.site.meetings if view.id not in plan.fresh]
    options = plan.options
    rendered = render_meetings(renderer, changed, allow_fork=options.parallel and not options.serving)
    uris = []
    for view in changed:
        pages, assets = rendered[view.id]
        plan.meeting_assets += assets
        plan.records[view.id] = _record(plan, view.id, plan.digests[view.id], pages, assets)
        uris += [page.src_uri for page in pages]
    return uris


def render_general_pages(plan: Plan, renderer: PageRenderer) -> list[str]:
    """The pages that show the whole archive (home, committees, years, decisions...): rendered on every build."""
    start = len(renderer.assets)
    general = renderer.global_pages()
    if plan.options.search == "pagefind":
        general.append(renderer.search_page(list(search_shards(plan.site))))
    plan.general = [page.src_uri for page in general]
    plan.pages.update({page.src_uri: page for page in general})
    plan.assets = renderer.assets[start:] + plan.meeting_assets
    plan.order = plan.general + [uri for view in plan.site.meetings for uri in plan.records[view.id].pages]
    return plan.general


def _record(plan: Plan, mid: str, digest: str, pages: list[Page], assets: list[Asset]) -> MeetingRecord:
    record = MeetingRecord(digest=digest)
    for page in pages:
        plan.pages[page.src_uri] = page
        plan.page_meeting[page.src_uri] = mid
        record.pages[page.src_uri] = PageRecord(page.title, page.description, [e.as_token() for e in page.toc])
        record.outputs.append(output_path(page.url))
    record.outputs += [url for url in dict.fromkeys(asset.url for asset in assets) if url not in record.outputs]
    return record


def output_path(url: str) -> str:
    """The file a page's URL is served from."""
    return url + "index.html" if url.endswith("/") or not url else url


def search_shards(site: Site) -> dict[str, list[str]]:
    from collections import Counter

    from committee_papers.outputs.search import shards, year_of

    pages: Counter = Counter()
    for view in site.meetings:
        pages[year_of(view.id)] += 2 + len(view.folder.reports)
    return shards(dict(pages))


def record_search_entries(plan: Plan, src_uri: str, entries: list) -> None:
    """Keep a page's search entries (made by the theme's search) for builds that keep the page."""
    plan.search_entries[src_uri] = entries
    meeting = plan.page_meeting.get(src_uri)
    if meeting is not None and src_uri in plan.records[meeting].pages:
        plan.records[meeting].pages[src_uri].search = entries


def search_entries_in_order(plan: Plan, order: list[str]) -> list:
    """Every page's search entries, kept or new, in the same order as a full build would make them."""
    return [entry for uri in order for entry in (plan.kept[uri].search if uri in plan.kept else plan.search_entries.get(uri, []))]


DRAFT_BANNER = '<p class="draft-banner" role="note">DRAFT: this site includes papers that are not yet published.</p>'


def page_content(plan: Plan, html: str) -> str:
    """A page's content as it goes into the theme's frame: marked as a draft, and as what Pagefind indexes."""
    if plan.options.drafts:
        html = DRAFT_BANNER + html
    if plan.options.search == "pagefind":
        html = f"<div data-pagefind-body>{html}</div>"
    return html


def menu(plan: Plan) -> list[tuple[str, object]]:
    """The site's menu: (title, source path) or (title, [section index, (title, source path)...])."""
    from committee_papers.pages import urls
    from committee_papers.publication import year_label, year_slug

    site = plan.site
    committees = sorted(site.archive.committees.items(), key=lambda item: item[1].name)
    entries: list[tuple[str, object]] = [
        ("Home", "index.md"),
        ("Committees", ["committees/index.md", *((c.name, urls.source_of(urls.committee(cid))) for cid, c in committees)]),
        ("Meetings", ["meetings/index.md", *((year_label(y), urls.source_of(urls.year(year_slug(y)))) for y in site.years_of())]),
        ("Decisions", "decisions/index.md"),
        ("Forward plan", urls.source_of(urls.forward_plan())),
        ("Councillors", "people/index.md"),
        ("Calendars and data", "subscribe/index.md"),
        ("Accessibility", "accessibility/index.md"),
    ]
    if plan.options.search == "pagefind":
        entries.insert(1, ("Search", urls.source_of(urls.search())))
    return entries
