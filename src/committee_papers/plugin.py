"""The MkDocs plugin: a thin adapter that hands the core's pages and files to MkDocs.

Generated pages carry only their title as Markdown; their HTML, rendered once by
the core, replaces MkDocs' (empty) Markdown output in `on_page_content`.
"""

from __future__ import annotations

import json
import logging
import os
from importlib import resources
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from committee_papers.check import CheckResult, check
from committee_papers.outputs.calendars import all_calendars
from committee_papers.outputs.feed import atom_feed
from committee_papers.outputs.opendata import open_data
from committee_papers.pages import urls
from committee_papers.pages.render import Page, PageRenderer
from committee_papers.pages.site import Site, build_site
from committee_papers.publication import Publication, build_date, year_label, year_slug
from committee_papers import publish

log = logging.getLogger("mkdocs.plugins.committee_papers")
CSS = "assets/committee-papers.css"
DRAFT_BANNER = '<p class="draft-banner" role="note">DRAFT: this site includes papers that are not yet published.</p>'


class PapersConfig(Config):
    root = c.Optional(c.Type(str))
    drafts = c.Type(bool, default=False)
    packs = c.Type(bool, default=True)
    pdf_engine = c.Choice(["weasyprint", "wkhtmltopdf"], default="weasyprint")
    confidential_dir = c.Optional(c.Type(str))
    atomic = c.Type(bool, default=True)


class CommitteePapersPlugin(BasePlugin[PapersConfig]):
    def __init__(self):
        super().__init__()
        self.command = "build"
        self.preloaded: CheckResult | None = None  # set by `papers build`, which checks first
        self.site: Site | None = None
        self.pages: dict[str, Page] = {}
        self.final_site_dir: Path | None = None
        self.staging: Path | None = None

    def on_startup(self, *, command, dirty) -> None:
        self.command = command

    def root(self, config) -> Path:
        if self.config.root:
            return Path(self.config.root).resolve()
        if os.environ.get("PAPERS_ROOT"):
            return Path(os.environ["PAPERS_ROOT"])
        return Path(config.config_file_path).resolve().parent

    def on_config(self, config):
        if os.environ.get("PAPERS_DRAFTS") == "1":
            self.config.drafts = True
        root = self.root(config)
        result = self.preloaded or check(root)
        self.preloaded = None
        if result.problems.errors:
            lines = [p.to_text() for p in result.problems.sorted()]
            raise PluginError("the papers have errors; fix them and build again:\n" + "\n".join(lines))
        for problem in result.problems.warnings:
            log.warning(problem.to_text())
        archive = result.archive
        self.site = build_site(archive, Publication(today=build_date(), drafts=self.config.drafts))
        renderer = PageRenderer(self.site)
        self.pages = {page.src_uri: page for page in renderer.all_pages()}
        self.assets = renderer.assets

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
        if self.command == "serve":
            for folder in (archive.papers, root / "templates"):
                if folder.is_dir() and str(folder) not in config.watch:
                    config.watch.append(str(folder))
        self._guard_site_dir(config, archive)
        if self.config.atomic and self.command != "serve":
            self.final_site_dir = Path(config.site_dir).resolve()
            self.staging = publish.staging_dir(self.final_site_dir)
            config.site_dir = str(self.staging)
        return config

    def _guard_site_dir(self, config, archive) -> None:
        site_dir = Path(config.site_dir).resolve()
        for protected in (archive.papers.resolve(), (archive.root / "templates").resolve()):
            if site_dir == protected or protected in site_dir.parents or site_dir in protected.parents:
                raise PluginError(f"the site folder {site_dir} would overwrite the council's own files in {protected}")

    def navigation(self) -> list:
        site = self.site
        committees = sorted(site.archive.committees.items(), key=lambda item: item[1].name)
        years = site.years_of()
        return [
            {"Home": "index.md"},
            {"Committees": ["committees/index.md"] + [{committee.name: urls.source_of(urls.committee(cid))} for cid, committee in committees]},
            {"Meetings": ["meetings/index.md"] + [{year_label(year): urls.source_of(urls.year(year_slug(year)))} for year in years]},
            {"Decisions": "decisions/index.md"},
            {"Councillors": "people/index.md"},
            {"Calendars and data": "subscribe/index.md"},
            {"Accessibility": "accessibility/index.md"},
        ]

    def on_files(self, files: Files, config) -> Files:
        for src_uri, page in self.pages.items():
            if files.get_file_from_path(src_uri) is not None:
                log.warning(f"the council's own page {src_uri} replaces the generated one")
                continue
            front = f"---\ntitle: {json.dumps(page.title)}\ndescription: {json.dumps(page.description)}\n---\n"
            files.append(File.generated(config, src_uri, content=front))
        outputs = {**all_calendars(self.site), urls.feed(): atom_feed(self.site), **open_data(self.site)}
        for path, content in outputs.items():
            files.append(File.generated(config, path, content=content))
        for asset in self.assets:
            files.append(File.generated(config, asset.url, abs_src_path=asset.source))
        css = resources.files("committee_papers").joinpath(CSS).read_bytes()
        files.append(File.generated(config, CSS, content=css))
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        return "" if page.file.src_uri in self.pages else markdown

    def on_page_content(self, html, *, page, config, files):
        ours = self.pages.get(page.file.src_uri)
        content = ours.html if ours is not None else html
        if ours is not None:
            page.toc = get_toc([entry.as_token() for entry in ours.toc])
        if self.config.drafts:
            content = DRAFT_BANNER + content
        return content

    def on_post_build(self, *, config) -> None:
        if self.config.packs:
            from committee_papers.packs.build import build_all_packs, rich_progress

            if self.config.pdf_engine == "wkhtmltopdf":
                from committee_papers.packs.wkhtml import limitations

                for missing in limitations():
                    log.warning(f"packs made with wkhtmltopdf: {missing}. Use the default engine, WeasyPrint, for packs that have them.")

            build_all_packs(
                self.site,
                Path(config.site_dir),
                self.confidential_dir(config),
                engine=self.config.pdf_engine,
                progress=rich_progress(),
            )
        if self.staging is not None:
            publish.swap_into_place(self.staging, self.final_site_dir)
            config.site_dir = str(self.final_site_dir)
            self.staging = None

    def confidential_dir(self, config) -> Path:
        if self.config.confidential_dir:
            return Path(self.config.confidential_dir).resolve()
        return self.root(config) / "confidential"

    def on_build_error(self, *, error) -> None:
        if self.staging is not None:
            publish.discard(self.staging)
            self.staging = None
