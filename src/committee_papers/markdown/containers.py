"""`::: NAME` blocks (`::: exempt`, `::: resolved N`): one block rule per name, and one rule that finds where each closes.

A block opens as in mdit-py-plugins' container plugin (0.4-0.7). It closes
where the block parser itself, tokenizing the block's inside, comes to a line
of at least as many colons and nothing else, at the block's own indent and in
the block's own context: a `:::` line inside a code fence, an HTML block, a
comment, or a quote or list item nested in the block is what those blocks
hold, and cannot end it early. A `:::` line that a paragraph in a nested list
item would take as a lazy continuation closes the block, as a reader sees it.

The exempt rule and `papers check` need one fact that the plugin does not keep:
whether a block was closed by a `:::` line of its own (`meta["closed"]`, and the
close token's `map`), or was cut short by the end of the text or of the quote
or list item it is in. A block that is cut short is what publishes text its
author meant to be inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

MARKER = ":"
MIN_MARKERS = 3
TERMINATES = ["paragraph", "reference", "blockquote", "list"]


@dataclass
class _Open:
    """A block being tokenized: its colons, indent, and the depth of the tokenize call that reads its inside."""

    count: int
    indent: int
    depth: int
    close: int | None = None


def _colons(state: StateBlock, line: int) -> tuple[int, int]:
    """The number of `:` at the start of `line`'s content, and where they end."""
    start = state.bMarks[line] + state.tShift[line]
    end = start
    maximum = state.eMarks[line]
    while end < maximum and state.src[end] == MARKER:
        end += 1
    return end - start, end


def _open_blocks(state: StateBlock) -> list[_Open]:
    if not hasattr(state, "open_containers"):
        state.open_containers = []
        state.tokenize_depth = 0
    return state.open_containers


def closing_rule(state: StateBlock, line: int, end_line: int, silent: bool) -> bool:
    """The innermost open block's closing line, as the block parser meets it.

    Called by the block's own tokenize loop (which it then stops), or by a block
    inside it asking whether `line` ends it (silent): a list, quote, table or
    paragraph directly in the block, or a paragraph in a nested list item or
    footnote for which `line` is a lazy line at the block's own indent.
    """
    opened = _open_blocks(state)
    if not opened:
        return False
    block = opened[-1]
    own = state.tokenize_depth == block.depth
    lazy = silent and state.tokenize_depth > block.depth and state.sCount[line] < state.blkIndent
    if not (own or lazy) or not 0 <= state.sCount[line] - block.indent < 4:
        return False
    colons, end = _colons(state, line)
    if colons < max(block.count, MIN_MARKERS) or state.skipSpaces(end) < state.eMarks[line]:
        return False
    if not silent:
        block.close = line
        state.line = end_line  # stops the block's tokenize loop; the block's rule goes on after this line
    return True


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
        opened = _open_blocks(state)
        block = _Open(count, state.blkIndent, state.tokenize_depth + 1)
        old_parent = state.parentType
        state.parentType = "container"

        opener = state.push(f"container_{name}_open", "div", 1)
        opener.markup = MARKER * count
        opener.block = True
        opener.info = params
        opened.append(block)
        state.line = start_line + 1  # where the block ends if nothing follows its opening line
        try:
            state.md.block.tokenize(state, start_line + 1, end_line)
        finally:
            opened.pop()
        last = block.close if block.close is not None else state.line
        opener.map = [start_line, last]
        opener.meta["closed"] = block.close is not None
        closer = state.push(f"container_{name}_close", "div", -1)
        closer.markup = MARKER * count
        closer.block = True
        if block.close is not None:
            closer.map = [block.close, block.close + 1]

        state.parentType = old_parent
        state.line = last + (1 if block.close is not None else 0)
        return True

    return container


def _counting(tokenize):
    """The block parser's tokenize, counting how deep its calls are nested (a quote or list item calls it again)."""

    def counted(state: StateBlock, start_line: int, end_line: int) -> None:
        _open_blocks(state)
        state.tokenize_depth += 1
        try:
            tokenize(state, start_line, end_line)
        finally:
            state.tokenize_depth -= 1

    counted.counting = True
    return counted


def _render(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    if token.nesting == 1:
        token.attrJoin("class", token.type[len("container_") : -len("_open")])
    return self.renderToken(tokens, idx, options, env)


def install(md: MarkdownIt, name: str) -> None:
    if not getattr(md.block.tokenize, "counting", False):
        md.block.tokenize = _counting(md.block.tokenize)
        first = md.block.ruler.get_all_rules()[0]
        md.block.ruler.before(first, "container_close", closing_rule, {"alt": TERMINATES})
    md.block.ruler.before("fence", f"container_{name}", container_rule(name), {"alt": TERMINATES})
    md.add_render_rule(f"container_{name}_open", _render)
    md.add_render_rule(f"container_{name}_close", _render)
