"""Token transformations applied after parsing, before rendering."""

from __future__ import annotations

from markdown_it.token import Token


def shift_headings(tokens: list[Token], by: int) -> list[Token]:
    """Move every heading down `by` levels (h1 becomes h3 for by=2), never below h6."""
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = max(1, min(int(token.tag[1]) + by, 6))
            token.tag = f"h{level}"
    return tokens


def shift_headings_to(tokens: list[Token], top: int) -> list[Token]:
    """Move headings so that the highest one is at level `top`, keeping their relative levels."""
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    return shift_headings(tokens, top - min(levels)) if levels else tokens


def resolution_blocks(tokens: list[Token]) -> list[Token]:
    """`::: resolved NUMBER` opens a resolution box headed by its number."""
    result: list[Token] = []
    for token in tokens:
        if token.type == "container_resolved_open":
            parts = token.info.strip().split()
            number = parts[1] if len(parts) > 1 else ""
            token.attrSet("class", "resolution")
            token.attrSet("id", "resolution-" + number.replace("/", "-"))
            result.append(token)
            label_open = Token("paragraph_open", "p", 1)
            label_open.attrSet("class", "resolution-number")
            label = Token("inline", "", 0)
            label.children = [Token("text", "", 0)]
            label.children[0].content = f"Resolved ({number})" if number else "Resolved"
            label.content = label.children[0].content
            result += [label_open, label, Token("paragraph_close", "p", -1)]
            continue
        result.append(token)
    return result
