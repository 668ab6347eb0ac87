"""Building pages into the MkDocs theme in forked worker processes (an adapter; imports MkDocs)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.commands.build import _build_page
from mkdocs.utils import get_relative_url

_STATE: dict = {}

NAV = "partials/nav.html"
ORIGINAL = "papers-original"


def share_navigation(env: jinja2.Environment, nav) -> None:
    """Render the theme's menu once for all pages that would render it alike.

    The theme draws the whole menu on every page. A page outside the menu shows no
    item as current, so its menu differs from another's only by the relative links
    to the menu's pages; pages with the same relative links share one rendering.
    Pages in the menu, and every page when a council overrides the theme's menu
    templates (which may show anything of the page), are rendered as the theme would.
    """
    if not all(_from_material(env, name) for name in (NAV, "partials/nav-item.html")):
        return
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

    env.loader = jinja2.ChoiceLoader(
        [jinja2.DictLoader({NAV: "{{ papers_navigation() }}"}), env.loader, jinja2.PrefixLoader({ORIGINAL: env.loader})]
    )
    env.globals["papers_navigation"] = navigation


def _from_material(env: jinja2.Environment, name: str) -> bool:
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


def _build(uris: list[str]) -> dict[str, list]:
    config, files, nav, env, plugin = (_STATE[k] for k in ("config", "files", "nav", "env", "plugin"))
    doc_files = files.documentation_pages()
    pages = {f.src_uri: f.page for f in doc_files if f.src_uri in set(uris)}
    entries = {}
    for uri in uris:
        _build_page(pages[uri], config, doc_files, nav, env)
        entries[uri] = plugin.entries.get(uri, [])
    return entries


def build_in_parallel(pages: list, config, files, nav, env, workers: int | None = None) -> dict[str, list]:
    """Run MkDocs' own `_build_page` for `pages` across processes; returns each page's search entries."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(pages) < 200 or "fork" not in multiprocessing.get_all_start_methods():
        plugin = config.plugins.get("committee-papers")
        doc_files = files.documentation_pages()
        for page in pages:
            _build_page(page, config, doc_files, nav, env)
        return {page.file.src_uri: plugin.entries.get(page.file.src_uri, []) for page in pages}
    _STATE.update(config=config, files=files, nav=nav, env=env, plugin=config.plugins.get("committee-papers"))
    uris = [page.file.src_uri for page in pages]
    size = max(1, len(uris) // (workers * 4))
    chunks = [uris[i : i + size] for i in range(0, len(uris), size)]
    entries: dict[str, list] = {}
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for result in pool.map(_build, chunks):
                entries.update(result)
    finally:
        _STATE.clear()
    return entries


OVERRIDES = Path(__file__).resolve().parent.parent / "theme_overrides"


def add_overrides(config, council) -> None:
    """Our templates over the theme's (the council's own `custom_dir` still comes first), and the council's details for them."""
    dirs = config.theme.dirs
    if str(OVERRIDES) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
    if council is not None:
        contact = council.democratic_services
        config.extra["papers_council"] = {"name": council.name, "address": council.address, "email": contact.email, "phone": contact.phone}
