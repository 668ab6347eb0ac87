"""Laying the core's pages into Material's page frame, in forked worker processes.

The core renders each page's content once; here MkDocs' public pieces
(`get_context`, the theme's Jinja environment, the plugin events) put it in
the theme's frame, as MkDocs' own page build would, but for many pages at once
and, through `frames.py`, rendering the frame once for each kind of page.
"""

from __future__ import annotations

import html
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url

from committee_papers.adapter.frames import TOC, Frames
from committee_papers.frame import frame_text, framed
from committee_papers.pipeline.plan import page_content

_STATE: dict = {}

NAV = "partials/nav.html"  # Material 9.5-9.8: the menu, drawn whole on every page
NAV_ITEM = "partials/nav-item.html"
ORIGINAL = "papers-original"
CONTENTS = "papers-contents.html"
PARALLEL_FROM = 200  # pages; fewer are quicker in one process


OVERRIDES = Path(__file__).resolve().parent.parent / "theme_overrides"


def add_overrides(config, council) -> None:
    """Our templates over the theme's (the council's own `custom_dir` still comes first), and the council's details for them."""
    dirs = config.theme.dirs
    if str(OVERRIDES) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
    if council is not None:
        contact = council.democratic_services
        config.extra["papers_council"] = {"name": council.name, "address": council.address, "email": contact.email, "phone": contact.phone}


def table_of_contents(entries: list) -> TableOfContents:
    """The core's headings (TocEntry) as MkDocs' table of contents, for the theme's "On this page".

    MkDocs 1.6's public `AnchorLink` and `TableOfContents`, instead of Python-Markdown's toc tokens.
    """

    def link(entry) -> AnchorLink:
        anchor = AnchorLink(html.escape(entry.name, quote=False), entry.id, entry.level)  # MkDocs' title is HTML; ours is text
        anchor.children = [link(child) for child in entry.children]
        return anchor

    return TableOfContents([link(entry) for entry in entries])


def fill_page(page, ours, plan) -> None:
    """MkDocs' page object as reading and converting the generated page would leave it, without doing either."""
    page.markdown = ""
    page.meta = framed({"title": str(frame_text(ours.title)), "description": str(frame_text(ours.description))})
    tags = plan.search_tags_of(page.file.src_uri)  # as the generated front matter would give them to Material's search
    if tags:
        page.meta["tags"] = tags
    page.content = page_content(plan, ours.html)
    page.toc = table_of_contents(ours.toc)


def prepare_theme(env: jinja2.Environment, nav) -> str | None:
    """Install our two stand-ins in the theme's templates: the shared menu, and the contents the frames fill in.

    Returns the name the theme's own contents template is then found under (None: the frames are off).
    """
    overrides = {TOC: "{{ papers_contents() }}"} if _has(env, TOC) else {}
    navigation = _shared_navigation(nav) if all(from_material(env, name) for name in (NAV, NAV_ITEM)) else None
    if navigation is not None:
        overrides[NAV] = "{{ papers_navigation() }}"
        env.globals["papers_navigation"] = navigation
    env.globals["papers_contents"] = _contents
    if TOC in overrides:  # the contents alone, with what the theme's page template gives them
        overrides[CONTENTS] = '{% include "' + f"{ORIGINAL}/{TOC}" + '" %}'
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(overrides), env.loader, jinja2.PrefixLoader({ORIGINAL: env.loader})])
    return CONTENTS if TOC in overrides else None


def _has(env: jinja2.Environment, name: str) -> bool:
    try:
        env.loader.get_source(env, name)
    except jinja2.TemplateNotFound:
        return False
    return True


@jinja2.pass_context
def _contents(context) -> Markup:
    """The theme's contents of the page, or the frame's marker where they go."""
    marker = context.get("papers_frame_contents")
    if marker:
        return Markup(marker)
    return Markup(context.environment.get_template(f"{ORIGINAL}/{TOC}").render(context.get_all()))


def _shared_navigation(nav):
    """Render the theme's menu once for all pages that would render it alike.

    The theme draws the whole menu on every page. A page outside the menu shows no
    item as current, so its menu differs from another's only by the relative links
    to the menu's pages; pages with the same relative links share one rendering.
    Pages in the menu, and every page when a council overrides the theme's menu
    templates (which may show anything of the page), are rendered as the theme would.
    """
    urls = [item.url for item in _links(nav.items)]
    in_menu = {id(page) for page in nav.pages}
    rendered: dict[tuple, Markup] = {}

    @jinja2.pass_context
    def navigation(context) -> Markup:
        template = context.environment.get_template(f"{ORIGINAL}/{NAV}")
        page = context.get("page")
        if page is None or id(page) in in_menu or getattr(page, "parent", None) is not None or getattr(page, "url", None) is None:
            return Markup(template.render(context.get_all()))
        key = (page.url.split("/", 1)[0], get_relative_url(".", page.url), *(get_relative_url(url, page.url) for url in urls))
        if key not in rendered:
            rendered[key] = Markup(template.render(context.get_all()))
        return rendered[key]

    return navigation


def from_material(env: jinja2.Environment, name: str) -> bool:
    """Whether the template `name` is Material's own (not a council's override)."""
    import material

    try:
        _, filename, _ = env.loader.get_source(env, name)
    except jinja2.TemplateNotFound:
        return False
    return filename is not None and Path(filename).resolve().is_relative_to(Path(material.__file__).resolve().parent)


def _links(items) -> list:
    found = []
    for item in items:
        if getattr(item, "children", None):
            found += _links(item.children)
        if getattr(item, "url", None) is not None:
            found.append(item)
    return found


def _lay_out_chunk(uris: list[str]) -> dict[str, list]:
    frames, files, entries = (_STATE[k] for k in ("frames", "files", "entries"))
    wanted = set(uris)
    pages = {f.src_uri: f.page for f in files if f.src_uri in wanted}
    found = {}
    for uri in uris:
        frames.lay_out(pages[uri])
        found[uri] = entries(uri)
    return found


def lay_out_all(pages: list, config, files, nav, env, contents: str | None, entries, workers: int | None = None) -> dict[str, list]:
    """Lay out `pages` across forked processes; returns what `entries(uri)` gives for each, from the worker that laid it out."""
    workers = workers or os.cpu_count() or 1
    documentation = files.documentation_pages()  # made once: making it for each page costs O(pages)
    frames = Frames(config, documentation, nav, env, contents)
    if workers <= 1 or len(pages) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        found = {}
        for page in pages:
            frames.lay_out(page)
            found[page.file.src_uri] = entries(page.file.src_uri)
        return found
    _STATE.update(frames=frames, files=documentation, entries=entries)
    uris = [page.file.src_uri for page in pages]
    size = max(1, len(uris) // (workers * 4))
    chunks = [uris[i : i + size] for i in range(0, len(uris), size)]
    found: dict[str, list] = {}
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for result in pool.map(_lay_out_chunk, chunks):
                found.update(result)
    finally:
        _STATE.clear()
    return found
