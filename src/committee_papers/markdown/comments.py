"""Authors' HTML comments (`<!-- note -->`): read as comments whether or not raw HTML is allowed, and never shown.

A comment is the author's note to colleagues. Without these rules, a council that
does not allow raw HTML would publish it as text (and number it as a paragraph);
with them it is a `comment` token, in both settings alike, that renders as nothing.
A comment block follows CommonMark's HTML block of type 2: it starts with `<!--`
and runs to the line holding `-->`.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

OPEN, CLOSE = "<!--", "-->"


def comment_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A comment on lines of its own. One with words after its `-->` is left to the paragraph (and its inline comment)."""
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith(OPEN, start):
        return False
    line, found = start_line, state.src.find(CLOSE, start + 2, state.eMarks[start_line])  # `<!-->` is a comment
    while found < 0:
        line += 1
        if line >= end_line or (state.sCount[line] < state.blkIndent and not state.isEmpty(line)):
            break  # never closed: it runs to the end of its quote, list item or text
        found = state.src.find(CLOSE, state.bMarks[line] + state.tShift[line], state.eMarks[line])
    if found >= 0 and state.src[found + len(CLOSE) : state.eMarks[line]].strip():
        return False
    if silent:
        return True
    last = line + 1 if found >= 0 else line
    state.line = last
    token = state.push("comment", "", 0)
    token.map = [start_line, last]
    token.content = state.getLines(start_line, last, state.blkIndent, True)
    token.meta["closed"] = found >= 0  # not closed: it hides everything to the end of its quote, list item or text
    return True


def comment_inline(state: StateInline, silent: bool) -> bool:
    pos = state.pos
    if not state.src.startswith(OPEN, pos):
        return False
    if state.src.startswith("<!-->", pos):
        end = pos + 5
    elif state.src.startswith("<!--->", pos):
        end = pos + 6
    else:
        found = state.src.find(CLOSE, pos + len(OPEN), state.posMax)
        if found < 0:
            return False
        end = found + len(CLOSE)
    if not silent:
        state.push("comment_inline", "", 0).content = state.src[pos:end]
    state.pos = end
    return True


def without_comments(token: Token) -> str:
    """An inline token's Markdown with its comments taken out: for text used outside the page (titles, resolutions)."""
    content = token.content
    for child in token.children or []:
        if child.type == "comment_inline":
            content = content.replace(child.content, "", 1)
    return content.strip() if content != token.content else content


def _nothing(self, tokens, idx, options, env) -> str:
    return ""


def install(md: MarkdownIt) -> None:
    md.block.ruler.before("html_block", "comment", comment_block, {"alt": ["paragraph", "reference", "blockquote"]})
    md.inline.ruler.before("html_inline", "comment_inline", comment_inline)
    md.add_render_rule("comment", _nothing)
    md.add_render_rule("comment_inline", _nothing)
