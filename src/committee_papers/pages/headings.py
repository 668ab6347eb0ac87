"""Headings of a page: unique ids on every one, and the page's table of contents."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"<h([1-6])([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class TocEntry:
    level: int
    id: str
    name: str
    children: list[TocEntry] = field(default_factory=list)

    def as_token(self) -> dict:
        return {"level": self.level, "id": self.id, "name": self.name, "children": [c.as_token() for c in self.children]}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def add_heading_ids(page_html: str, deepest: int = 3) -> tuple[str, list[TocEntry]]:
    """Give every heading an id (unique in the page) and return the contents down to `deepest`."""
    used = set(_ID.findall(page_html))
    flat: list[TocEntry] = []

    def replace(match: re.Match) -> str:
        level, attributes, inner = int(match.group(1)), match.group(2), match.group(3)
        name = html.unescape(" ".join(_TAGS.sub("", inner).split()))
        existing = _ID.search(attributes)
        if existing:
            anchor = existing.group(1)
        else:
            base = slug(name)
            anchor, number = base, 2
            while anchor in used:
                anchor, number = f"{base}-{number}", number + 1
            used.add(anchor)
            attributes = f' id="{anchor}"' + attributes
        if level <= deepest and "visually-hidden" not in attributes:
            flat.append(TocEntry(level, anchor, name))
        return f"<h{level}{attributes}>{inner}</h{level}>"

    result = _HEADING.sub(replace, page_html)
    return result, _nest(flat)


def _nest(flat: list[TocEntry]) -> list[TocEntry]:
    roots: list[TocEntry] = []
    stack: list[TocEntry] = []
    for entry in flat:
        while stack and stack[-1].level >= entry.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(entry)
        stack.append(entry)
    return roots
