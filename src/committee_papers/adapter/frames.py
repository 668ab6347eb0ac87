"""The theme's page frame rendered once for each kind of page, and each page's own parts put into it.

Laying a page into Material's frame renders the whole of `main.html` (header,
menu, sidebars, footer, scripts) for every page, though thousands of pages
outside the menu differ only by their title, description, content, contents
("On this page") and address. Pages are grouped by what else could differ
(template, depth, the relative links to the menu's pages, whether they have
contents): for each group the frame is rendered once with markers in place of
the page's parts, and each page fills it in.

It checks itself: the first two pages of each group are also laid out in full,
as MkDocs would, and the group is used only if filling the frame gives the
same bytes for both; if a marker reaches the output changed (a template that
escapes, strips or cuts the title, say), or a council's templates show
something else of the page, that group is laid out in full, page by page. So a
change in Material or a council's override can make a build slower, never wrong.
"""

from __future__ import annotations

import secrets

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url, write_file

TOC = "partials/toc.html"  # Material 9.5-9.8: the page's contents ("On this page"), in the secondary sidebar
CHECKED = 2  # pages of each group laid out in full and compared
PADDING = "." * 240  # longer than a template would cut a title to, so a cut shows


def _render(page, config, pages, nav, env, **extra) -> str:
    """One page in full, as MkDocs 1.6 would (`commands.build._build_page`), from its public pieces."""
    page.active = True
    try:
        context = get_context(nav, pages, config, page)
        context.update(extra)
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        template = env.get_template(page.meta.get("template", "main.html"))
        return config.plugins.on_post_page(template.render(context), page=page, config=config)
    finally:
        page.active = False


def _write(page, output: str) -> None:
    write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)


class Frames:
    def __init__(self, config, pages: list, nav, env: jinja2.Environment, original_toc: str | None):
        self.config, self.pages, self.nav, self.env = config, pages, nav, env
        self.original_toc = original_toc  # the theme's contents template, when `theme.prepare_theme` put a marker in its place
        self.in_menu = {id(page) for page in nav.pages}
        self.menu_urls = [page.url for page in nav.pages]
        self.groups: dict[tuple, _Group] = {}
        self.token = secrets.token_hex(4)
        self.lang = None  # the theme's translations, as its page template imports them: made once

    def contents(self, context) -> str:
        """The page's contents as the theme draws them, given what the theme's page template gives them (`lang`)."""
        if self.lang is None:
            self.lang = self.env.get_template("partials/language.html").make_module({"config": self.config})
        context["lang"] = self.lang
        return self.env.get_template(self.original_toc).render(context)

    def lay_out(self, page) -> None:
        if self.original_toc is None or id(page) in self.in_menu or page.parent is not None:
            _write(page, _render(page, self.config, self.pages, self.nav, self.env))
            return
        key = (
            page.meta.get("template", "main.html"),
            bool(page.toc),
            _has_heading(page),
            *(get_relative_url(url, page.url) for url in ["", *self.menu_urls]),
        )
        group = self.groups.setdefault(key, _Group())
        if group.usable is False or group.seen < CHECKED:
            output = _render(page, self.config, self.pages, self.nav, self.env)
            if group.usable is not False:
                group.check(self, page, output)
            _write(page, output)
            return
        _write(page, self.fill(group, page))

    # -- the frame and its markers ------------------------------------------------
    def marker(self, name: str, page=None) -> str:
        """A marker no page could contain; markup in it shows whether a template changed it on the way.

        The content's marker holds a heading if the page's content does: the theme adds
        its own heading only to content without one.
        """
        heading = "<h1></h1>" if name == "content" and page is not None and _has_heading(page) else ""
        return f"\x02{self.core(name)}<i>&amp;</i>{PADDING}{heading}\x03"

    def core(self, name: str) -> str:
        return f"papers-{self.token}-{name}-"

    def frame(self, page) -> str | None:
        """The page's frame with markers for its own parts; None if a template changed a marker."""
        saved = page.title, page.meta, page.content, page.toc
        names = ("title", "meta-title", "description", "content", "contents")
        markers = {name: self.marker(name, page) for name in names}
        page.title = _like(saved[0], markers["title"])
        meta = page.meta
        page.meta = {**meta, "title": _like(meta.get("title"), markers["meta-title"]), "description": _like(meta.get("description"), markers["description"])}
        page.content = markers["content"]
        page.toc = TableOfContents([AnchorLink("", f"papers{self.token}skip", 1)] if saved[3] else [])
        try:
            frame = _render(page, self.config, self.pages, self.nav, self.env, papers_frame_contents=markers["contents"])
        finally:
            page.title, page.meta, page.content, page.toc = saved
        for name, marker in markers.items():
            if frame.count(self.core(name)) != frame.count(marker):
                return None
        return frame

    def fill(self, group: _Group, page) -> str:
        context = get_context(self.nav, self.pages, self.config, page)
        context = self.config.plugins.on_page_context(context, page=page, config=self.config, nav=self.nav)
        first = next(iter(page.toc), None)
        values = {
            "title": page.title or "",
            "meta-title": str(page.meta.get("title", "")),
            "description": str(page.meta.get("description", "")),
            "content": page.content or "",
            "contents": self.contents(context),
        }
        text = group.frame
        for name, value in values.items():
            text = text.replace(self.marker(name, page), value)
        text = text.replace(f"papers{self.token}skip", first.id if first is not None else "")
        text = text.replace(group.url, page.url)
        return self.config.plugins.on_post_page(text, page=page, config=self.config)


def _like(value, marker: str) -> str:
    """The marker as the same kind of string as the value it stands for (escaped `Markup` stays `Markup`)."""
    return type(value)(marker) if isinstance(value, str) else marker


def _has_heading(page) -> bool:
    return "<h1" in (page.content or "")  # Material 9.5-9.8's content.html adds a heading to content without one


class _Group:
    def __init__(self):
        self.frame = ""
        self.url = ""
        self.seen = 0
        self.usable: bool | None = None  # None until checked

    def check(self, frames: Frames, page, output: str) -> None:
        self.seen += 1
        if self.seen == 1:
            frame = frames.frame(page)
            if frame is None:
                self.usable = False
                return
            self.frame, self.url = frame, page.url
        if frames.fill(self, page) != output:
            self.usable = False
        elif self.seen == CHECKED:
            self.usable = True
