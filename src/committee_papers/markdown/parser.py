"""The markdown-it-py parser shared by checking and rendering."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from committee_papers.markdown import html, lettered_lists, rules


@cache
def parser(allow_html: bool = False) -> MarkdownIt:
    """CommonMark with tables, footnotes, definition lists, `::: resolved` blocks and paragraph labels."""
    md = MarkdownIt("commonmark", {"html": allow_html, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(deflist_plugin)
    md.use(container_plugin, name="resolved")
    md.use(container_plugin, name="exempt")
    md.core.ruler.before("block", "blank_directives", rules.blank_directives)
    md.core.ruler.before("footnote_tail", "exempt_footnotes", rules.exempt_footnotes)
    md.core.ruler.after("footnote_tail", "withhold_footnotes", rules.withhold_footnotes)
    md.core.ruler.push("drop_directives", rules.drop_directives)
    md.core.ruler.after("inline", "lettered_lists", lettered_lists.lettered_lists)
    md.core.ruler.push("para_labels", rules.para_labels)
    md.core.ruler.push("para_refs", rules.para_refs)
    md.core.ruler.push("table_headers", rules.table_headers)
    md.validateLink = rules.validate_link
    return html.install(md)
