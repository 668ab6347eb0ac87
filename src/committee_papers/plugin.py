"""The MkDocs plugin: a thin adapter that hands the core's pages and files to MkDocs.

Generated pages carry only their title as Markdown; their HTML, rendered once by
the core, replaces MkDocs' (empty) Markdown output in `on_page_content`.

In a dirty build (`papers build` uses one when it has a previous build to start
from), a meeting whose digest is unchanged is not rendered again: its files are
linked from the previous site, and its search entries come from the cache.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from committee_papers import publish
from committee_papers.check import CheckResult, check
from committee_papers.incremental import BuildCache, MeetingRecord, PageRecord, link_or_copy
from committee_papers.outputs.calendars import all_calendars, forward_plan_calendar
from committee_papers.outputs.feed import atom_feed, forward_plan_feed
from committee_papers.outputs.opendata import open_data
from committee_papers.pages import urls
from committee_papers.pages.documents import fill_sizes
from committee_papers.pages.freshness import global_digest, meeting_digests
from committee_papers.pages.parallel import render_meetings
from committee_papers.pages.render import Asset, Page, PageRenderer
from committee_papers.pages.site import Site, build_site
from committee_papers.publication import Publication, build_date, year_label, year_slug
from committee_papers.render.environment import template_problem
from committee_papers.timing import phase

log = logging.getLogger("mkdocs.plugins.committee_papers")
CSS = "assets/committee-papers.css"
SCRIPTS = ("assets/register-filter.js",)  # loaded only by the pages that use them
DRAFT_BANNER = '<p class="draft-banner" role="note">DRAFT: this site includes papers that are not yet published.</p>'


class PapersConfig(Config):
    root = c.Optional(c.Type(str))
    drafts = c.Type(bool, default=False)
    packs = c.Type(bool, default=True)
    pdf_engine = c.Choice(["weasyprint", "wkhtmltopdf"], default="weasyprint")
    confidential_dir = c.Optional(c.Type(str))
    atomic = c.Type(bool, default=True)
    search = c.Choice(["material", "pagefind"], default="material")


class CommitteePapersPlugin(BasePlugin[PapersConfig]):
    def __init__(self):
        super().__init__()
        self.command = "build"
        self.dirty = False
        self.preloaded: CheckResult | None = None  # set by `papers build`, which checks first
        self.site: Site | None = None
        self.pages: dict[str, Page] = {}
        self.kept: dict[str, PageRecord] = {}  # pages of unchanged meetings, by source path
        self.assets: list[Asset] = []
        self.records: dict[str, MeetingRecord] = {}
        self.fresh: set[str] = set()
        self.global_digest = ""
        self.page_meeting: dict[str, str] = {}
        self.final_site_dir: Path | None = None
        self.staging: Path | None = None
        self.search_seen = 0
        self.parallel_pages = False  # set by `papers build`
        self.incremental = True  # `papers build --full` turns it off
        self.nav = None
        self.order: list[str] = []  # every generated page, in the same order whatever was kept
        self.entries: dict[str, list] = {}  # search entries made in this build, by page

    def on_startup(self, *, command, dirty) -> None:
        self.command = command
        self.dirty = dirty

    def root(self, config) -> Path:
        if self.config.root:
            return Path(self.config.root).resolve()
        if os.environ.get("PAPERS_ROOT"):
            return Path(os.environ["PAPERS_ROOT"])
        return Path(config.config_file_path).resolve().parent

    # -- configuration ------------------------------------------------------------
    def on_config(self, config):
        if os.environ.get("PAPERS_DRAFTS") == "1":
            self.config.drafts = True
        root = self.root(config)
        with phase("check"):
            result = self.preloaded or check(root)
        self.preloaded = None
        if result.problems.errors:
            lines = [p.to_text() for p in result.problems.sorted()]
            raise PluginError("the papers have errors; fix them and build again:\n" + "\n".join(lines))
        for problem in result.problems.warnings:
            log.warning(problem.to_text())
        archive = result.archive
        self.site = build_site(archive, Publication(today=build_date(), drafts=self.config.drafts))

        council = archive.council
        if council and (not config.site_name or config.site_name == "My Docs"):
            config.site_name = council.name
        if council and council.website and not config.site_url:
            config.site_url = council.website.rstrip("/") + "/"
        if not config.nav:
            config.nav = self.navigation()
        config.validation.nav.omitted_files = logging.DEBUG
        config.validation.nav.not_found = logging.WARNING
        config.validation.links.anchors = logging.DEBUG
        config.validation.links.unrecognized_links = logging.DEBUG
        if CSS not in config.extra_css:
            config.extra_css.append(CSS)
        from committee_papers.pages.theme import add_overrides

        add_overrides(config, council)
        if self.command == "serve":
            for folder in (archive.papers, root / "templates"):
                if folder.is_dir() and str(folder) not in config.watch:
                    config.watch.append(str(folder))
        self._guard_site_dir(config, archive)
        self.final_site_dir = Path(config.site_dir).resolve()
        with phase("render pages (core)"), self._council_templates():
            self._render(config, root)
        if self.config.atomic and self.command != "serve":
            self.staging = publish.staging_dir(self.final_site_dir)
            config.site_dir = str(self.staging)
        return config

    @contextmanager
    def _council_templates(self):
        """A council template that fails while rendering is the council's problem, told as one (PAP306), not our bug."""
        try:
            yield
        except PluginError:
            raise
        except Exception as error:  # a filter given the wrong kind of value raises plain Python errors too
            archive = self.site.archive
            problem = template_problem(error, archive.root, archive.templates)
            if problem is None:
                raise
            raise PluginError(problem.to_text()) from None

    def _settings(self, config) -> str:
        """The site settings every page depends on, for the global digest."""
        theme = {k: v for k, v in dict(config.theme).items() if isinstance(v, (str, int, float, bool, list, dict, type(None)))}
        import material

        return json.dumps(
            [config.site_name, config.site_url, theme, list(config.extra_css), list(config.extra_javascript),
             config.nav, self.config.search, self.config.drafts, self.config.pdf_engine, getattr(material, "__version__", "")],
            sort_keys=True, default=str,
        )

    def _render(self, config, root: Path) -> None:
        """Render the pages that changed since the last build (all of them without a cache)."""
        site = self.site
        renderer = PageRenderer(site)
        self.global_digest = global_digest(site, self._settings(config))
        digests = meeting_digests(site, self.global_digest)
        cache = BuildCache(root, self.final_site_dir)
        previous = cache.load(self.global_digest) if self.incremental and self.dirty and self.final_site_dir.is_dir() else {}
        members = self.confidential_dir(config)
        self.fresh = {
            mid for mid, record in previous.items()
            if digests.get(mid) == record.digest
            and all((self.final_site_dir / out).exists() for out in record.outputs)
            and all((members / out).exists() for out in record.confidential)
        }
        if self.config.packs:  # a meeting kept from a build without packs still needs its packs
            self.fresh = {mid for mid in self.fresh if previous[mid].packs}
        self.pages = {page.src_uri: page for page in renderer.global_pages()}
        if self.config.search == "pagefind":
            search = renderer.search_page(list(self.search_shards()))
            self.pages[search.src_uri] = search
        changed = [view for view in site.meetings if view.id not in self.fresh]
        rendered = render_meetings(renderer, changed, allow_fork=self.command != "serve")
        self.assets = list(renderer.assets)
        self.records = {}
        self.order = list(self.pages)
        for view in site.meetings:
            if view.id in self.fresh:
                self.records[view.id] = previous[view.id]
                for uri, record in previous[view.id].pages.items():
                    self.kept[uri] = record
                    self.page_meeting[uri] = view.id
                    self.order.append(uri)
                continue
            pages, assets = rendered[view.id]
            self.assets += assets
            record = MeetingRecord(digest=digests[view.id])
            for page in pages:
                self.pages[page.src_uri] = page
                self.page_meeting[page.src_uri] = view.id
                self.order.append(page.src_uri)
                record.pages[page.src_uri] = PageRecord(page.title, page.description, [e.as_token() for e in page.toc])
                record.outputs.append(_output(page.url))
            record.outputs += [asset.url for asset in assets]
            self.records[view.id] = record

    def _guard_site_dir(self, config, archive) -> None:
        site_dir = Path(config.site_dir).resolve()
        for protected in (archive.papers.resolve(), (archive.root / "templates").resolve()):
            if site_dir == protected or protected in site_dir.parents or site_dir in protected.parents:
                raise PluginError(f"the site folder {site_dir} would overwrite the council's own files in {protected}")

    def navigation(self) -> list:
        site = self.site
        committees = sorted(site.archive.committees.items(), key=lambda item: item[1].name)
        years = site.years_of()
        nav = [
            {"Home": "index.md"},
            {"Committees": ["committees/index.md"] + [{committee.name: urls.source_of(urls.committee(cid))} for cid, committee in committees]},
            {"Meetings": ["meetings/index.md"] + [{year_label(year): urls.source_of(urls.year(year_slug(year)))} for year in years]},
            {"Decisions": "decisions/index.md"},
            {"Forward plan": urls.source_of(urls.forward_plan())},
            {"Councillors": "people/index.md"},
            {"Calendars and data": "subscribe/index.md"},
            {"Accessibility": "accessibility/index.md"},
        ]
        if self.config.search == "pagefind":
            nav.insert(1, {"Search": urls.source_of(urls.search())})
        return nav

    # -- files and pages ----------------------------------------------------------
    def on_files(self, files: Files, config) -> Files:
        self.files = files
        for src_uri in self.order:
            known = self.pages.get(src_uri) or self.kept[src_uri]
            title, description = known.title, known.description
            if files.get_file_from_path(src_uri) is not None:
                log.warning(f"the council's own page {src_uri} replaces the generated one")
                continue
            front = f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n---\n"
            file = File.generated(config, src_uri, content=front)
            if src_uri in self.kept:
                file.is_modified = lambda: False  # its output is linked from the previous build
            files.append(file)
        with phase("calendars, feed, open data"):
            known = {mid: self.records[mid].event.encode("utf-8") for mid in self.fresh if self.records[mid].event}
            calendars, events = all_calendars(self.site, known)
            for mid, text in events.items():
                self.records[mid].event = text.decode("utf-8")
            outputs = {
                **calendars, urls.feed(): atom_feed(self.site), **open_data(self.site),
                urls.forward_plan_feed(): forward_plan_feed(self.site), urls.forward_plan_calendar(): forward_plan_calendar(self.site),
            }
        for path, content in outputs.items():
            files.append(File.generated(config, path, content=content))
        for asset in self.assets:
            if files.get_file_from_path(asset.url) is None:
                files.append(File.generated(config, asset.url, abs_src_path=asset.source))
        for asset in (CSS, *SCRIPTS):
            files.append(File.generated(config, asset, content=resources.files("committee_papers").joinpath(asset).read_bytes()))
        return files

    def on_nav(self, nav, *, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, *, config, files):
        """In a `papers build`, lay our pages into the theme in parallel worker processes.

        MkDocs renders pages one at a time; here forked workers run MkDocs' own page
        build for our pages, and MkDocs' loop then skips them (a dirty build skips
        unmodified files).
        """
        self._pages_started = __import__("time").perf_counter()
        from committee_papers.pages.theme import share_navigation

        share_navigation(env, self.nav)
        if self.parallel_pages and self.dirty and self.command == "build":
            from committee_papers.pages.theme import build_in_parallel

            ours = [f.page for f in files.documentation_pages() if f.page is not None and f.src_uri in self.pages and f.is_modified()]
            self.entries.update(build_in_parallel(ours, config, files, self.nav, env))
            for page in ours:
                page.file.is_modified = lambda: False
                page.content = None  # written; free the memory
                self.pages[page.file.src_uri].html = ""
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        return "" if page.file.src_uri in self.pages else markdown

    def on_page_content(self, html, *, page, config, files):
        ours = self.pages.get(page.file.src_uri)
        content = ours.html if ours is not None else html
        if ours is not None:
            page.toc = get_toc([entry.as_token() for entry in ours.toc])
        if self.config.drafts:
            content = DRAFT_BANNER + content
        if self.config.search == "pagefind":
            content = f"<div data-pagefind-body>{content}</div>"
        return content

    @event_priority(-100)  # after Material's search plugin has indexed the page
    def on_page_context(self, context, *, page, config, nav):
        """Keep the search entries Material's search made of this page, for builds that keep the page."""
        index = _search_index(config)
        if index is not None:
            entries = index.entries[self.search_seen :]
            self.search_seen = len(index.entries)
            self.entries[page.file.src_uri] = entries
            meeting = self.page_meeting.get(page.file.src_uri)
            if meeting is not None and page.file.src_uri in self.records[meeting].pages:
                self.records[meeting].pages[page.file.src_uri].search = entries
        return context

    # -- after the pages ----------------------------------------------------------
    @event_priority(100)  # before Material's search plugin writes its index
    def on_post_build(self, *, config) -> None:
        if os.environ.get("PAPERS_TIMINGS") and hasattr(self, "_pages_started"):
            print(f"[timing] mkdocs pages: {__import__('time').perf_counter() - self._pages_started:.2f} s", file=sys.stderr)
        staging = Path(config.site_dir)
        with phase("link kept files"):
            if staging != self.final_site_dir:  # (when serving, kept files are already in place)
                for mid in self.fresh:
                    for output in self.records[mid].outputs:
                        link_or_copy(self.final_site_dir / output, staging / output)
        index = _search_index(config)
        if index is not None and (self.kept or self.parallel_pages):
            # the same entries in the same order as a full build would make
            order = [f.src_uri for f in self.files.documentation_pages()]
            index.entries[:] = [
                entry for uri in order for entry in (self.kept[uri].search if uri in self.kept else self.entries.get(uri, []))
            ]
        if self.config.packs:
            with phase("packs"), self._council_templates():
                self._packs(config, staging)
        with phase("file sizes"):
            fill_sizes(staging, [out for mid, record in self.records.items() if mid not in self.fresh for out in record.outputs if out.endswith(".html")])
        if self.config.search == "pagefind":
            with phase("pagefind"):
                self._search(staging)
        with phase("publish"):
            if self.staging is not None:
                publish.swap_into_place(self.staging, self.final_site_dir)
                config.site_dir = str(self.final_site_dir)
                self.staging = None
        with phase("save the cache"):
            BuildCache(self.root(config), self.final_site_dir).save(self.global_digest, self.records)

    def _packs(self, config, staging: Path) -> None:
        from committee_papers.packs.build import build_all_packs, rich_progress

        if self.config.pdf_engine == "wkhtmltopdf":
            from committee_papers.packs.wkhtml import limitations

            for missing in limitations():
                log.warning(f"packs made with wkhtmltopdf: {missing}. Use the default engine, WeasyPrint, for packs that have them.")
        keep = {mid: record.confidential for mid, record in self.records.items() if mid in self.fresh and record.packs}
        results = build_all_packs(
            self.site,
            staging,
            self.confidential_dir(config),
            engine=self.config.pdf_engine,
            progress=rich_progress(),
            keep=keep,
        )
        for done in results:
            record = self.records[done.meeting]
            record.outputs += [f for f in done.site if f not in record.outputs]
            record.confidential = done.confidential
        for mid, record in self.records.items():
            record.packs = True

    def _search(self, staging: Path) -> None:
        from committee_papers.outputs.search import SearchIndexError, build_search, year_of

        groups = self.search_shards()
        years = {year for group in groups.values() for year in group}
        changed_years = {year_of(view.id) for view in self.site.meetings if view.id not in self.fresh}
        keep = {name for name, group in groups.items() if not changed_years & set(group)}
        general = [
            f.dest_uri for f in self.files.documentation_pages()
            if not (f.dest_uri.startswith("meetings/") and f.dest_uri[9:13] in years and f.dest_uri[13:14] == "-")
        ]
        try:
            build_search(staging, general, groups, keep, self.final_site_dir if self.fresh else None)
        except SearchIndexError as exc:
            raise PluginError(f"Pagefind could not index the site: {exc}") from None

    def search_shards(self) -> dict[str, list[str]]:
        from collections import Counter

        from committee_papers.outputs.search import shards, year_of

        pages = Counter()
        for view in self.site.meetings:
            pages[year_of(view.id)] += 2 + len(view.folder.reports)
        return shards(dict(pages))

    def confidential_dir(self, config) -> Path:
        """Where the members' packs go; a --drafts build never replaces the real ones."""
        if self.config.confidential_dir:
            return Path(self.config.confidential_dir).resolve()
        return self.root(config) / ("confidential-drafts" if self.config.drafts else "confidential")

    def on_build_error(self, *, error) -> None:
        if self.staging is not None:
            publish.discard(self.staging)
            self.staging = None


def _output(url: str) -> str:
    return url + "index.html" if url.endswith("/") or not url else url


def _search_index(config):
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and hasattr(index, "entries"):
            return index
    return None
