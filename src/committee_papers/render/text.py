"""Markdown outside a report (minutes, Markdown appendices, agenda text, terms of reference), for the site and packs alike."""

from __future__ import annotations

from markupsafe import Markup

from committee_papers.markdown.exempt import withhold
from committee_papers.markdown.html import render_tokens
from committee_papers.markdown.parser import parser
from committee_papers.markdown.transform import resolution_blocks, shift_headings, shift_headings_to
from committee_papers.render.report import rewrite_local_links

EXEMPT_MINUTE = "This part of the minutes contains exempt information and is not published."


def render_markdown(
    text: str, allow_html: bool, shift: int = 0, public: bool = True, top: int | None = None, resolve=None, notice: str = EXEMPT_MINUTE
) -> Markup:
    """`shift` moves headings down; `top` puts the highest at that level; `public` withholds every exempt passage
    (each replaced by `notice`); `resolve` gives the address of each file it links to (render.report.rewrite_local_links)."""
    md = parser(allow_html)
    env: dict = {}
    tokens = md.parse(text or "", env)
    if top:
        shift_headings_to(tokens, top)
    elif shift:
        shift_headings(tokens, shift)
    if public:
        tokens = withhold(tokens, notice)
    if resolve is not None:
        rewrite_local_links(tokens, resolve)
    tokens = resolution_blocks(tokens)
    return Markup(render_tokens(md, tokens, env))
