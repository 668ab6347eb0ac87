"""The MkDocs plugin: hooks only, each handing over to the build pipeline (`committee_papers.pipeline`).

Generated pages carry only their title as Markdown; their HTML, rendered once by
the core, replaces MkDocs' (empty) Markdown output in `on_page_content`.
"""

from __future__ import annotations

import json
import logging
from contextlib import ExitStack
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from committee_papers.adapter import material_search
from committee_papers.adapter.config import PapersConfig, root_of, settings_of
from committee_papers.adapter.shown import theme_settings
from committee_papers.adapter.theme import add_overrides, fill_page, lay_out_all, prepare_theme, table_of_contents
from committee_papers.check import CheckResult, check
from committee_papers.frame import frame_front_matter, frame_text, framed
from committee_papers.packs.progress import rich_progress
from committee_papers.pipeline import finish as steps
from committee_papers.pipeline.lock import build_lock
from committee_papers.pipeline.options import BuildOptions, resolve_options
from committee_papers.pipeline.plan import (
    Plan,
    exempt_text,
    menu,
    page_content,
    plan_build,
    record_search_entries,
    search_entries_in_order,
    site_of,
)
from committee_papers.problems import BuildRefused
from committee_papers.publication import build_date
from committee_papers.timing import phase

log = logging.getLogger("mkdocs.plugins.committee_papers")
DEFAULT_SITE_NAME = "Committee papers"


class CommitteePapersPlugin(BasePlugin[PapersConfig]):
    def __init__(self):
        super().__init__()
        self.command, self.dirty = "build", False
        self.options: BuildOptions | None = None  # given by `papers build`; else settled from mkdocs.yml
        self.preloaded: CheckResult | None = None  # given by `papers build`, which checks first
        self.plan: Plan | None = None
        self.target: Path | None = None
        self.files: Files | None = None
        self.nav = None
        self.env, self.contents = None, None
        self.entries = material_search.EntryTaker()
        self.held = ExitStack()

    def on_startup(self, *, command, dirty) -> None:
        self.command, self.dirty = command, dirty

    def on_config(self, config):
        options = self.options or self._own_options(config)
        result = self.preloaded or check(options.root, prepare=True)
        self.preloaded = None
        if result.problems.errors:
            lines = [p.to_text() for p in result.problems.sorted()]
            raise PluginError("the papers have errors; fix them and build again:\n" + "\n".join(lines))
        for problem in result.problems.warnings:
            log.warning(problem.to_text())
        with _told(), steps.council_templates(result.archive):
            exempt = exempt_text(result)  # before the site is made
            site = site_of(options, result)
            _configure(config, Plan(options=options, site=site))  # the menu and the rest, before their digest
            self.plan = plan_build(options, result, theme_settings(config), site=site, exempt=exempt)
        self.target = steps.build_folder(self.plan)
        config.site_dir = str(self.target)
        return config

    def _own_options(self, config) -> BuildOptions:
        """`mkdocs build` or `mkdocs serve` with the plugin listed: the options from mkdocs.yml alone."""
        root = root_of(config, self.config)
        with _told():
            options = resolve_options(root, settings_of(config, self.config), today=build_date(), incremental=self.dirty, serving=self.command == "serve")
        if not options.serving:
            self.held.enter_context(build_lock(root, log.warning))
        return options

    def on_files(self, files: Files, config) -> Files:
        self.files = files
        plan = self.plan
        listed = set(_nav_sources(config.nav))
        for src_uri in plan.order:
            if files.get_file_from_path(src_uri) is not None:
                log.warning(f"the council's own page {src_uri} replaces the generated one")
                continue
            front = frame_front_matter(*plan.title_of(src_uri))
            tags = plan.search_tags_of(src_uri)  # Material's search shows them with the page's results, as text
            if tags:
                front = front[: -len("---\n")] + f"tags: {json.dumps(tags)}\n---\n"
            file = PageFile.generated(config, src_uri, content=front)
            file.kept = src_uri in plan.kept  # its output is linked from the previous build
            file.unlisted = src_uri not in listed  # not in the menu: nothing for MkDocs to read, `on_env` fills it in
            files.append(file)
        for path, content in steps.site_files(plan).items():
            files.append(File.generated(config, path, content=content))
        for asset in plan.assets:
            if files.get_file_from_path(asset.url) is None:
                files.append(File.generated(config, asset.url, abs_src_path=asset.source))
        return files

    def on_nav(self, nav, *, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, *, config, files):
        """In a `papers build`, lay our pages into the theme in parallel; MkDocs' own loop then skips them."""
        contents = prepare_theme(env, self.nav)
        self.env, self.contents = env, contents  # for `papers serve`, which lays out edited pages again
        if not self.dirty:
            return env  # MkDocs reads and lays out every page itself
        plan = self.plan
        ours = [f.page for f in files.documentation_pages() if isinstance(f, PageFile) and f.src_uri in plan.pages and not f.kept]
        for page in ours:
            if page.file.unlisted:
                fill_page(page, plan.pages[page.file.src_uri], plan)
        parallel = self.options is not None and self.options.parallel and self.command == "build"
        with phase("lay out pages"):
            found = lay_out_all(ours, config, files, self.nav, env, contents, self._entries_of, workers=None if parallel else 1)
        for page in ours:
            record_search_entries(plan, page.file.src_uri, found[page.file.src_uri])
            page.file.laid_out = True
            page.content = None  # written; free the memory
            plan.pages[page.file.src_uri].html = ""
        return env

    def _entries_of(self, src_uri: str) -> list:
        return self.plan.search_entries.get(src_uri, [])

    def on_page_markdown(self, markdown, *, page, config, files):
        if isinstance(page.file, PageFile):  # a generated page: its escaped title, not the council's own markup
            page.meta = framed(page.meta)
        return "" if page.file.src_uri in self.plan.pages else markdown

    def on_page_content(self, html, *, page, config, files):
        ours = self.plan.pages.get(page.file.src_uri)
        if ours is not None:
            page.toc = table_of_contents(ours.toc)
            html = ours.html
        return page_content(self.plan, html)

    @event_priority(-100)  # after Material's search plugin has indexed the page
    def on_page_context(self, context, *, page, config, nav):
        entries = self.entries.take(config)
        if entries is not None:
            record_search_entries(self.plan, page.file.src_uri, entries)
        return context

    @event_priority(100)  # before Material's search plugin writes its index
    def on_post_build(self, *, config) -> None:
        plan = self.plan
        if plan.kept or (self.options is not None and self.options.parallel):
            order = [f.src_uri for f in self.files.documentation_pages()]
            material_search.replace_entries(config, search_entries_in_order(plan, order))
        page_files = [f.dest_uri for f in self.files.documentation_pages()]
        with _told():
            steps.finish(plan, self.target, page_files, say=log.warning, progress=rich_progress())
        config.site_dir = str(plan.options.site_dir)
        self.held.close()

    def on_build_error(self, *, error) -> None:
        if self.plan is not None and self.target is not None:
            steps.abandon(self.plan, self.target)
        self.held.close()

    def on_shutdown(self) -> None:
        self.held.close()


class PageFile(File):
    """A generated page. MkDocs' dirty build skips one kept from the last build, one laid out already, and one
    outside the menu (which `on_env` fills in and lays out without MkDocs reading or converting it)."""

    kept = unlisted = laid_out = False

    def is_modified(self) -> bool:
        return not (self.kept or self.unlisted or self.laid_out) and super().is_modified()


def _nav_sources(nav) -> list[str]:
    """The source paths a menu (mkdocs.yml's `nav`, or ours) lists."""
    found = []
    for entry in nav or []:
        value = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
        if isinstance(value, list):
            found += _nav_sources(value)
        elif isinstance(value, str):
            found.append(value)
    return found


class _told:
    """A refused build or a failed step is told to MkDocs as a plugin error: its message, no traceback."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        if isinstance(error, (BuildRefused, steps.SearchFailed)):
            raise PluginError(str(error)) from None
        return False


def _configure(config, plan: Plan) -> None:
    council = plan.archive.council
    if council and config.site_name in ("", "My Docs", DEFAULT_SITE_NAME):
        config.site_name = frame_text(council.name)
    if council and council.website and not config.site_url:
        config.site_url = council.website.rstrip("/") + "/"
    if not config.nav:
        config.nav = _mkdocs_nav(menu(plan))
    config.validation.nav.omitted_files = logging.DEBUG
    config.validation.nav.not_found = logging.WARNING
    config.validation.links.anchors = logging.DEBUG
    config.validation.links.unrecognized_links = logging.DEBUG
    if steps.CSS not in config.extra_css:
        config.extra_css.append(steps.CSS)
    if steps.SCROLL_CUE not in config.extra_javascript:
        config.extra_javascript.append(steps.SCROLL_CUE)
    add_overrides(config, council)
    if plan.options.serving:
        for folder in (plan.archive.papers, plan.options.root / "templates"):
            if folder.is_dir() and str(folder) not in config.watch:
                config.watch.append(str(folder))


def _mkdocs_nav(entries: list) -> list:
    def entry(title, target):
        if isinstance(target, list):
            return {frame_text(title): [item if isinstance(item, str) else entry(*item) for item in target]}
        return {frame_text(title): target}

    return [entry(title, target) for title, target in entries]
