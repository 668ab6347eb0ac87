"""`::: NAME` blocks (`::: exempt`, `::: resolved N`): one block rule per name, recording where each block closes.

The rule follows mdit-py-plugins' container plugin (0.4-0.7) line for line in
what it accepts. It is written out here because the exempt rule and `papers
check` need one fact that plugin does not keep: whether a block was closed by a
`:::` line of its own (`meta["closed"]`, and the close token's `map`), or was
cut short by the end of the text, of the quote or list item it is in, or by a
lazy line. A block that is cut short is what publishes text its author meant to
be inside it.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

MARKER = ":"
MIN_MARKERS = 3


def _colons(state: StateBlock, line: int) -> tuple[int, int]:
    """The number of `:` at the start of `line`'s content, and where they end."""
    start = state.bMarks[line] + state.tShift[line]
    end = start
    maximum = state.eMarks[line]
    while end < maximum and state.src[end] == MARKER:
        end += 1
    return end - start, end


def _closing_line(state: StateBlock, start_line: int, end_line: int, count: int) -> int | None:
    """The line of the `:::` (at least `count` colons, nothing after) that closes the block, if it has one."""
    line = start_line
    while True:
        line += 1
        if line >= end_line:
            return None  # the end of the text, or of the quote or list item the block is in
        start = state.bMarks[line] + state.tShift[line]
        if start < state.eMarks[line] and state.sCount[line] < state.blkIndent:
            return None  # a less indented (or lazy) line ends the list item or quote, and the block with it
        if state.is_code_block(line):
            continue
        colons, end = _colons(state, line)
        if colons >= count and colons >= MIN_MARKERS and state.skipSpaces(end) >= state.eMarks[line]:
            return line


def container_rule(name: str):
    def container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if state.is_code_block(start_line):
            return False
        count, end = _colons(state, start_line)
        if count < MIN_MARKERS:
            return False
        params = state.src[end : state.eMarks[start_line]]
        if params.split()[:1] != [name]:
            return False
        if silent:
            return True
        close = _closing_line(state, start_line, end_line, count)
        last = close if close is not None else end_line
        old_parent, old_line_max = state.parentType, state.lineMax
        state.parentType = "container"
        state.lineMax = last  # no lazy continuation past the closing line

        token = state.push(f"container_{name}_open", "div", 1)
        token.markup = MARKER * count
        token.block = True
        token.info = params
        token.map = [start_line, last]
        token.meta["closed"] = close is not None
        state.md.block.tokenize(state, start_line + 1, last)
        token = state.push(f"container_{name}_close", "div", -1)
        token.markup = MARKER * count
        token.block = True
        if close is not None:
            token.map = [close, close + 1]

        state.parentType, state.lineMax = old_parent, old_line_max
        state.line = last + (1 if close is not None else 0)
        return True

    return container


def _render(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    if token.nesting == 1:
        token.attrJoin("class", token.type[len("container_") : -len("_open")])
    return self.renderToken(tokens, idx, options, env)


def install(md: MarkdownIt, name: str) -> None:
    md.block.ruler.before("fence", f"container_{name}", container_rule(name), {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.add_render_rule(f"container_{name}_open", _render)
    md.add_render_rule(f"container_{name}_close", _render)
