"""What a build is asked to do: one options object, settled once from mkdocs.yml and the command line.

The settings come from two places only: the plugin's options in the council's
mkdocs.yml (or none, when there is no mkdocs.yml) and the command line, which
wins where it says something. Folders are resolved here, once: a relative
`confidential_dir` is inside the council folder, whichever folder the command
runs from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from committee_papers.loading.folders import folder_conflicts
from committee_papers.problems import refuse

ENGINES = ("weasyprint", "wkhtmltopdf")
SEARCHES = ("pagefind", "material")
DEFAULT_MEMBERS = "the default members' folder"


@dataclass(frozen=True)
class Settings:
    """The plugin's options as a council wrote them in mkdocs.yml (None: not written)."""

    drafts: bool | None = None
    packs: bool | None = None
    pdf_engine: str | None = None
    confidential_dir: str | None = None
    atomic: bool | None = None
    search: str | None = None
    site_dir: str | None = None  # already absolute: MkDocs resolves it against mkdocs.yml's folder
    config_file: Path | None = None  # the mkdocs.yml they came from, to point at in an error
    docs_dir: str | None = None  # absolute, as MkDocs resolves it: the council's own pages, copied to the site as they are
    custom_dir: str | None = None  # absolute: the theme's own folder, whose files MkDocs copies to the site too
    material_search: bool = False  # Material's own search plugin is listed in mkdocs.yml


@dataclass(frozen=True)
class BuildOptions:
    root: Path  # the council folder (papers/ and templates/ inside it)
    site_dir: Path
    confidential_dir: Path
    today: dt.date
    drafts: bool = False
    packs: bool = True
    pages: bool = True  # False for `--packs-only`
    pdf_engine: str = "weasyprint"
    atomic: bool = True
    search: str = "pagefind"
    incremental: bool = True
    parallel: bool = True
    serving: bool = False
    deferred: bool = False  # the PDFs and search index are made after the pages, in the background (`papers serve`)
    config_file: Path | None = None
    sources: dict[str, str] = field(default_factory=dict, compare=False)  # where each folder setting came from

    def with_(self, **changes: Any) -> BuildOptions:
        return replace(self, **changes)


def resolve_options(
    root: Path,
    settings: Settings,
    *,
    today: dt.date,
    site_dir: Path | None = None,
    drafts: bool | None = None,
    packs: bool | None = None,
    pages: bool = True,
    pdf_engine: str | None = None,
    incremental: bool = True,
    serving: bool = False,
) -> BuildOptions:
    """The build's options: the command line's where given, else mkdocs.yml's, else the defaults."""
    root = root.resolve()
    drafts = _first(drafts, settings.drafts, False)
    config = str(settings.config_file.name) if settings.config_file else "mkdocs.yml"
    sources = {"site_dir": "--site-dir" if site_dir else config, "confidential_dir": config}
    if site_dir is not None:
        site = site_dir.resolve()
    elif settings.site_dir:
        site = Path(settings.site_dir).resolve()
    else:
        site = root / "site"
    if settings.confidential_dir:
        given = Path(settings.confidential_dir).expanduser()
        confidential = (given if given.is_absolute() else root / given).resolve()
    else:
        confidential = root / ("confidential-drafts" if drafts else "confidential")
        sources["confidential_dir"] = DEFAULT_MEMBERS
    search = settings.search or ("material" if settings.material_search else "pagefind")
    options = BuildOptions(
        root=root,
        site_dir=site,
        confidential_dir=confidential,
        today=today,
        drafts=drafts,
        packs=_first(packs, settings.packs, True),
        pages=pages,
        pdf_engine=_first(pdf_engine, settings.pdf_engine, "weasyprint"),
        atomic=_first(None, settings.atomic, True),
        search=search,
        incremental=incremental,
        serving=serving,
        config_file=settings.config_file,
        sources=sources,
    )
    published = tuple((name, Path(folder).resolve()) for name, folder in (("docs_dir", settings.docs_dir), ("custom_dir", settings.custom_dir)) if folder)
    check_folders(options, published)
    return options


def _first(*values):
    return next(v for v in values if v is not None)


def _where(options: BuildOptions, setting: str) -> tuple[str, int, int]:
    """The file, line and column a folder setting was written at (the command line: line 1)."""
    source = options.sources.get(setting, "mkdocs.yml")
    if options.config_file is not None and source == options.config_file.name:
        try:
            lines = options.config_file.read_text("utf-8").splitlines()
        except OSError:
            lines = []
        for number, text in enumerate(lines, start=1):
            if text.lstrip().startswith(f"{setting}:"):
                return source, number, len(text) - len(text.lstrip()) + 1
    return source, 1, 1


def check_folders(options: BuildOptions, published: tuple[tuple[str, Path], ...] = ()) -> None:
    """Refuse folders that would publish the papers or the members' packs, or overwrite the council's own files."""
    written = options.sources.get("confidential_dir") != DEFAULT_MEMBERS
    for code, setting, message in folder_conflicts(options.root, options.site_dir, options.confidential_dir, published, members_written=written):
        if setting.startswith("link:"):
            raise refuse(code, setting[len("link:") :], message=message)
        raise refuse(code, *_where(options, setting), message=message)
