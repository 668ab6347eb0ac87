"""The markdown-it-py parser shared by checking and rendering."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin


@cache
def parser(allow_html: bool = False) -> MarkdownIt:
    """A CommonMark parser with tables, footnotes, definition lists and `::: resolved` blocks."""
    md = MarkdownIt("commonmark", {"html": allow_html, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(deflist_plugin)
    md.use(container_plugin, name="resolved")
    md.use(container_plugin, name="exempt")
    return md
