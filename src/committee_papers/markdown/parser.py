"""The markdown-it-py parser shared by checking and rendering."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from committee_papers.markdown import comments, containers, exempt, html, lettered_lists, rules


@cache
def parser(allow_html: bool = False) -> MarkdownIt:
    """CommonMark with tables, footnotes, definition lists, `::: resolved` and `::: exempt` blocks and paragraph labels.

    Authors' comments are comments, and never shown, whether or not raw HTML is allowed.
    """
    md = MarkdownIt("commonmark", {"html": allow_html, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(deflist_plugin)
    md.use(comments.install)
    md.use(containers.install, "resolved")
    md.use(exempt.install)
    md.core.ruler.before("block", "blank_directives", rules.blank_directives)
    md.core.ruler.after("inline", "lettered_lists", lettered_lists.lettered_lists)
    md.core.ruler.push("para_labels", rules.para_labels)
    md.core.ruler.push("para_refs", rules.para_refs)
    md.core.ruler.push("table_headers", rules.table_headers)
    md.validateLink = rules.validate_link
    return html.install(md)
