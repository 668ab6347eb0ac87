"""From tokens to HTML: numbered paragraphs carry their number; raw HTML is sanitised."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token
import nh3

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt", "em", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "section", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "lang", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "type"},
}
# A table cell's alignment is the only style kept, written exactly as Markdown writes it: any other CSS
# could fetch from the network (`url(...)`) when the page or a pack is drawn.
_ALIGNED = {f"text-align:{side}" for side in ("left", "right", "center")}
_ALLOWED_VALUES = {"th": {"style": _ALIGNED}, "td": {"style": _ALIGNED}}


def _paragraph_open(self, tokens: list[Token], idx: int, options, env) -> str:
    html = self.renderToken(tokens, idx, options, env)
    number = tokens[idx].meta.get("number")
    if number is not None:
        html += f'<span class="para-number">{number}.</span> '
    return html


def install(md: MarkdownIt) -> MarkdownIt:
    md.add_render_rule("paragraph_open", _paragraph_open)
    return md


def render_tokens(md: MarkdownIt, tokens: list[Token], env: dict) -> str:
    html = md.renderer.render(tokens, md.options, env)
    if md.options.get("html"):
        html = nh3.clean(
            html,
            tags=_ALLOWED_TAGS,
            attributes=_ALLOWED_ATTRIBUTES,
            tag_attribute_values=_ALLOWED_VALUES,
            url_schemes={"http", "https", "mailto", "tel"},
            link_rel=None,
            strip_comments=True,
        )
    return html
