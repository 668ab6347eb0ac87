"""Continuous paragraph numbering across the parts of a report, and cross-references."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token


@dataclass
class Numbering:
    """Shared by every part of one report: the purpose, the body, the boilerplate, the comments."""

    next: int = 1
    labels: dict[str, int] = field(default_factory=dict)
    duplicate_labels: list[tuple[str, int]] = field(default_factory=list)  # (name, line)
    misplaced_labels: list[tuple[str, int]] = field(default_factory=list)
    unresolved: list[tuple[str, int]] = field(default_factory=list)


def number_paragraphs(tokens: list[Token], numbering: Numbering, enabled: bool = True) -> None:
    """Number each top-level paragraph; lists, tables, quotes and headings keep none.

    Paragraphs of an exempt passage count as top-level: members read them in sequence.
    """
    exempt = 0
    for token in tokens:
        if token.type == "container_exempt_open":
            exempt += 1
        elif token.type == "container_exempt_close":
            exempt -= 1
        if token.type != "paragraph_open":
            continue
        label = token.meta.get("label")
        top_level = token.level == exempt
        if enabled and top_level:
            number = numbering.next
            numbering.next += 1
            token.meta["number"] = number
            token.attrSet("id", f"p{number}")
            token.attrSet("class", "numbered")
        if label:
            line = token.meta.get("label_line", 0)
            if not (enabled and top_level):
                numbering.misplaced_labels.append((label, line))
            elif label in numbering.labels:
                numbering.duplicate_labels.append((label, line))
            else:
                numbering.labels[label] = token.meta["number"]


def resolve_references(tokens: list[Token], numbering: Numbering) -> None:
    """`[paragraph](#para:NAME)` becomes "paragraph 14", linking to #p14."""
    for token in tokens:
        for index, child in enumerate(token.children or []):
            name = child.meta.get("para_ref")
            if name is None:
                continue
            number = numbering.labels.get(name)
            if number is None:
                numbering.unresolved.append((name, child.meta.get("line", 0)))
                continue
            child.attrSet("href", f"#p{number}")
            text = token.children[index + 1] if index + 1 < len(token.children) else None
            if text is not None and text.type == "text":
                text.content = f"{text.content.rstrip()} {number}" if text.content.strip() else f"paragraph {number}"
