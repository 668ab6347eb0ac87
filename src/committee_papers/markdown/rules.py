"""Small markdown-it core rules, one feature each."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore

DIRECTIVE_LINES = re.compile(r"^[ \t]*<!--[ \t]*papers:[ \t]*ignore\b[^\n]*-->[ \t]*$", re.M)
LABEL = re.compile(r"\{#para:([A-Za-z0-9_-]+)\}\s*$")
REF_PREFIX = "#para:"
_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def para_labels(state: StateCore) -> None:
    """`text {#para:NAME}` at the end of a paragraph: remove it, keep NAME on the paragraph."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        last = token.children[-1]
        if last.type != "text":
            continue
        label = _label(last.content)
        if label is None:
            continue
        last.content, name = label
        opener = tokens[index - 1]
        opener.meta["label"] = name
        opener.meta["label_line"] = token.map[0] if token.map else 0


def _label(text: str) -> tuple[str, str] | None:
    """The text without its closing `{#para:NAME}`, and NAME; found from the end, so long lines cost one pass."""
    at = text.rfind("{#para:")
    match = LABEL.match(text, at) if at >= 0 else None
    return (text[:at].rstrip(), match.group(1)) if match else None


def para_refs(state: StateCore) -> None:
    """Mark links to `#para:NAME` so the renderer can give them the paragraph's number."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type == "link_open" and str(child.attrGet("href") or "").startswith(REF_PREFIX):
                child.meta["para_ref"] = str(child.attrGet("href"))[len(REF_PREFIX) :]
                child.meta["line"] = token.map[0] if token.map else 0


def table_headers(state: StateCore) -> None:
    """Header cells get `scope="col"`, so screen readers and tagged PDFs announce them."""
    for token in state.tokens:
        if token.type == "th_open":
            token.attrSet("scope", "col")


def validate_link(url: str) -> bool:
    """Only web, mail and phone links and links within the papers: never script or data."""
    lowered = re.sub(r"[\x00-\x20]", "", url).lower()
    if ":" not in lowered.split("/", 1)[0].split("#", 1)[0].split("?", 1)[0]:
        return True  # relative links and anchors
    return lowered.startswith(_SAFE_SCHEMES)


def blank_directives(state: StateCore) -> None:
    """`<!-- papers: ignore PAPnnn -->` lines speak to the checker: blanked before parsing, never shown.

    Blanking keeps every other line where it was, so positions still match the file.
    """
    if "papers:" in state.src:
        state.src = DIRECTIVE_LINES.sub("", state.src)
