"""The text of a parsed piece of Markdown block by block, exempt or public: what the output guard compares.

Gathered from the tokens the exempt rule has marked, where the check already
parses each report, so the guard never parses it again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TAG = re.compile(r"<[^>]*>")


def chunks(tokens, exempt: bool, everything: bool = False) -> Iterator[tuple[str, int]]:
    """The text of each block (paragraph, heading, list item, code, HTML), with its line in the text.

    `exempt`: the blocks the exempt rule marks (all of them if `everything`); else the others.
    """
    for token in tokens:
        marked = bool(token.meta.get("exempt"))
        if not everything and marked != exempt:
            continue
        offset = token.map[0] if token.map else 0
        if token.type == "inline":
            children = token.children or []
            if not everything and not exempt:
                children = [child for child in children if not child.meta.get("exempt")]
            yield "".join(_inline(child) for child in children), offset
        elif token.type in ("fence", "code_block"):
            yield token.content, offset
        elif token.type == "html_block":
            yield _TAG.sub(" ", token.content), offset


def exempt_blocks(parts, everything: bool) -> list[list]:
    """A parsed report's exempt blocks (every block of the author's, if `everything`), as [part, text, line in the
    part]: gathered where the check parses the report, so the guard never parses it again."""
    found = []
    for part in parts:
        tokens = [token for token in part.tokens if not token.meta.get("generated")]  # the house style's own wording
        found += [[part.name, text, offset] for text, offset in chunks(tokens, exempt=True, everything=everything)]
    return found


def _inline(child) -> str:
    if child.type in ("text", "code_inline", "image"):
        return child.content
    return " " if child.type in ("softbreak", "hardbreak", "html_inline", "footnote_ref") else ""
