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


def strip_exempt(tokens: list[Token], notice: str) -> list[Token]:
    """Remove every `::: exempt` block, leaving a notice in its place: public output only."""
    kept: list[Token] = []
    depth = 0
    for token in tokens:
        if token.type == "container_exempt_open":
            if depth == 0:
                opener = Token("paragraph_open", "p", 1)
                opener.attrSet("class", "exempt-notice")
                text = Token("inline", "", 0)
                text.content = notice
                text.children = [Token("text", "", 0)]
                text.children[0].content = notice
                kept += [opener, text, Token("paragraph_close", "p", -1)]
            depth += 1
            continue
        if token.type == "container_exempt_close":
            depth -= 1
            continue
        if depth == 0:
            kept.append(token)
    return _without_exempt_footnotes(kept)


def _without_exempt_footnotes(tokens: list[Token]) -> list[Token]:
    """Drop the footnotes of exempt passages (the footnote plugin gathers them at the end) and references to them."""
    kept: list[Token] = []
    inside = False
    for token in tokens:
        if token.type == "footnote_open" and token.meta.get("exempt"):
            inside = True
            continue
        if inside:
            inside = token.type != "footnote_close"  # footnotes do not nest
            continue
        if token.children:
            token.children = [child for child in token.children if not child.meta.get("exempt")]
        kept.append(token)
    if kept and kept[-1].type == "footnote_block_close" and kept[-2].type == "footnote_block_open":
        kept = kept[:-2]
    return kept


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
