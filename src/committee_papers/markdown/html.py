"""From tokens to HTML: numbered paragraphs carry their number; raw HTML is sanitised."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

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


# Elements whose content the HTML parser reads as text up to their own end tag: left open, they take in
# everything after them, and the sanitiser then drops it (script, style, template) or shows it as markup.
RAW_TEXT = ("script", "style", "template", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext")
_RAW_OPEN = re.compile(r"<(" + "|".join(RAW_TEXT) + r")(?=[\s/>])[^>]*>", re.IGNORECASE)


@dataclass
class OpenRawText:
    """An opening tag of a raw-text element that its own piece of HTML never closes."""

    token: Token  # the html_block, or the html_inline child
    inline: Token | None  # the inline token holding it, for html_inline
    start: int  # where the tag starts in `token.content`
    name: str


def unclosed_raw_text(tokens: list[Token]) -> Iterator[OpenRawText]:
    """Raw-text elements (`<script>`, `<style>`, `<textarea>`…) not closed in the HTML block or paragraph that opens them.

    Past its block or paragraph, what would close it is another piece of Markdown:
    the element would swallow the rest of the page in every version, members' included.
    """
    for token in tokens:
        if token.type == "html_block":
            pieces = [(token, None)]
        elif token.type == "inline" and token.children:
            pieces = [(child, token) for child in token.children if child.type == "html_inline"]
        else:
            continue
        text, starts = "", []
        for piece, _ in pieces:
            starts.append(len(text))
            text += piece.content
        position = 0
        while (found := _RAW_OPEN.search(text, position)) is not None:
            name = found.group(1).lower()
            close = re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE).search(text, found.end()) if name != "plaintext" else None
            if close is not None:
                position = close.end()
                continue
            index = max(i for i, start in enumerate(starts) if start <= found.start())
            piece, inline = pieces[index]
            yield OpenRawText(piece, inline, found.start() - starts[index], name)
            position = found.end()


def _neutralised(tokens: list[Token]) -> list[Token]:
    """The tokens with each unclosed raw-text tag written as text, so nothing after it is lost (`papers check` reports it, PAP226).

    Tokens are copied, never changed: the same parse is rendered for members and the public, and checked.
    """
    tags: dict[int, list[OpenRawText]] = {}
    for tag in unclosed_raw_text(tokens):
        tags.setdefault(id(tag.token), []).append(tag)
    if not tags:
        return tokens

    def fixed(piece: Token) -> Token:
        if id(piece) not in tags:
            return piece
        content = piece.content
        for tag in sorted(tags[id(piece)], key=lambda found: -found.start):
            content = content[: tag.start] + "&lt;" + content[tag.start + 1 :]
        return piece.copy(content=content)

    return [token.copy(children=[fixed(child) for child in token.children]) if token.type == "inline" and token.children else fixed(token) for token in tokens]


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
    if md.options.get("html"):
        tokens = _neutralised(tokens)
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
