"""Continuous paragraph numbering across the parts of a report, and cross-references.

An exempt passage at the top level takes one number, N, whatever it holds: in the
public version the notice that replaces it carries N, and in the members' version
its own paragraphs are N.1, N.2... So the public and members' versions give every
public paragraph the same number, and the public numbering does not reveal how
many paragraphs were withheld.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token


@dataclass
class Numbering:
    """Shared by every part of one report: the purpose, the body, the boilerplate, the comments."""

    next: int = 1
    labels: dict[str, str] = field(default_factory=dict)  # name: the number members see, "7" or "4.2"
    withheld: dict[str, str] = field(default_factory=dict)  # name, in an exempt passage: the passage's number
    duplicate_labels: list[tuple[str, int]] = field(default_factory=list)  # (name, line)
    misplaced_labels: list[tuple[str, int]] = field(default_factory=list)
    unresolved: list[tuple[str, int]] = field(default_factory=list)


def anchor(number: str) -> str:
    return "p" + number.replace(".", "-")


def number_paragraphs(tokens: list[Token], numbering: Numbering, enabled: bool = True) -> None:
    """Number each top-level paragraph; lists, tables, quotes and headings keep none.

    A paragraph of an exempt passage counts as top-level when only exempt blocks enclose it.
    """
    passage: list[int] = []  # [its number, paragraphs numbered in it] while inside a numbered passage
    for token in tokens:
        if token.type == "container_exempt_open" and token.meta.get("passage"):
            passage = []
            if enabled and token.level == 0:
                passage = [numbering.next, 0]
                numbering.next += 1
                token.meta["number"] = str(passage[0])
                token.attrSet("id", anchor(str(passage[0])))
        if token.type != "paragraph_open":
            continue
        label = token.meta.get("label")
        exempt = token.meta.get("exempt", 0)
        top_level = enabled and token.level == exempt and (not exempt or bool(passage))
        if top_level:
            if exempt:
                passage[1] += 1
                number = f"{passage[0]}.{passage[1]}"
            else:
                number = str(numbering.next)
                numbering.next += 1
            token.meta["number"] = number
            token.attrSet("id", anchor(number))
            token.attrSet("class", "numbered")
        if label:
            line = token.meta.get("label_line", 0)
            if not top_level:
                numbering.misplaced_labels.append((label, line))
            elif label in numbering.labels:
                numbering.duplicate_labels.append((label, line))
            else:
                numbering.labels[label] = token.meta["number"]
                if exempt:
                    numbering.withheld[label] = str(passage[0])


def resolve_references(tokens: list[Token], numbering: Numbering, public: bool = False) -> None:
    """`[paragraph](#para:NAME)` becomes "paragraph 14", linking to #p14.

    In the public version a reference to a paragraph of an exempt passage gives the passage's number.
    """
    for token in tokens:
        for index, child in enumerate(token.children or []):
            name = child.meta.get("para_ref")
            if name is None:
                continue
            number = (numbering.withheld.get(name) if public else None) or numbering.labels.get(name)
            if number is None:
                numbering.unresolved.append((name, child.meta.get("line", 0)))
                continue
            child.attrSet("href", "#" + anchor(number))
            text = token.children[index + 1] if index + 1 < len(token.children) else None
            if text is not None and text.type == "text":
                words = text.meta.setdefault("reference_words", text.content)  # as written, so resolving again (public) gives one number
                text.content = f"{words.rstrip()} {number}" if words.strip() else f"paragraph {number}"
