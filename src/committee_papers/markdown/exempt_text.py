"""The text of a parsed piece of Markdown block by block, exempt or public: what the output guard compares.

Gathered from the tokens the exempt rule has marked, where the check already
parses each report, so the guard never parses it again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_TAG = re.compile(r"<[^>]*>")
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
_MARKER = re.compile(r"[ \t>]*:{3,}[ \t]*exempt\b")


def _plain(text: str) -> str:
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def disguised_line(text: str | None) -> int | None:
    """The first line (0-based) that reads as `::: exempt` once made plain (NFKC, invisible characters gone) but is
    not written as one: the check refuses it (PAP222); the guard counts all that follows it in the text as exempt."""
    if not text or "exempt" not in _plain(text):
        return None
    for number, line in enumerate(text.splitlines()):
        seen = _plain(line)
        if seen != line.casefold() and _MARKER.match(seen):
            return number
    return None


def chunks(tokens, exempt: bool, everything: bool = False, after: int | None = None) -> Iterator[tuple[str, int]]:
    """The text of each block (paragraph, heading, list item, code, HTML), with its line in the text.

    `exempt`: the blocks the exempt rule marks (all of them if `everything`), and every block from line `after`
    on (a disguised marker's: `disguised_line`); else the others.
    """
    for token in tokens:
        start = token.map[0] if token.map else 0
        marked = bool(token.meta.get("exempt")) or (after is not None and start >= after)
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


def exempt_blocks(parts, everything: bool, body: str | None = None) -> list[list]:
    """A parsed report's exempt blocks (every block of the author's, if `everything`), as [part, text, line in the
    part]: gathered where the check parses the report, so the guard never parses it again."""
    found = []
    for part in parts:
        tokens = [token for token in part.tokens if not token.meta.get("generated")]  # the house style's own wording
        after = disguised_line(body if part.name == "body" else part.text)  # the body's sections are parsed as one
        found += [[part.name, text, offset] for text, offset in chunks(tokens, exempt=True, everything=everything, after=after)]
    return found


def _inline(child) -> str:
    if child.type in ("text", "code_inline", "image"):
        return child.content
    return " " if child.type in ("softbreak", "hardbreak", "html_inline", "footnote_ref") else ""
