"""Numbering a report as its house style says: continuous paragraphs, numbered sections, or none.

Whatever the scheme, a paragraph labelled `{#para:NAME}` gets an anchor, and a
link to `#para:NAME` is given the words and the address of what it points at:
"paragraph 14" (#p14), "section 3.1" (#s3.1), or the anchor alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token


@dataclass(frozen=True)
class Target:
    anchor: str
    noun: str | None = None
    number: str | None = None


@dataclass
class ReportNumbering:
    scheme: str = "paragraphs"
    next: int = 1
    labels: dict[str, Target] = field(default_factory=dict)
    duplicate_labels: list[tuple[str, int]] = field(default_factory=list)  # (name, line in its part)
    misplaced_labels: list[tuple[str, int]] = field(default_factory=list)
    unresolved: list[tuple[str, int]] = field(default_factory=list)
    section: int = 0
    sub_section: int = 0

    def next_section(self) -> str:
        self.section += 1
        self.sub_section = 0
        return str(self.section)

    def next_sub_section(self) -> str | None:
        if not self.section:
            return None
        self.sub_section += 1
        return f"{self.section}.{self.sub_section}"

    def current_section(self) -> str | None:
        if not self.section:
            return None
        return f"{self.section}.{self.sub_section}" if self.sub_section else str(self.section)


def number_part(tokens: list[Token], numbering: ReportNumbering, counted: bool, sub_sections: bool = True) -> None:
    """Number one part's paragraphs (or sub-section headings) and record where its labels point.

    `counted` says whether the part is inside the numbered run of the report. Only
    top-level paragraphs and headings count: not those in lists, tables or quotes.
    Paragraphs of an exempt passage count too, so members' and the public's numbers agree.
    """
    exempt = 0
    scheme = numbering.scheme
    for token in tokens:
        if token.type == "container_exempt_open":
            exempt += 1
        elif token.type == "container_exempt_close":
            exempt -= 1
        top = token.level == exempt
        if token.type == "paragraph_open" and top and counted and scheme == "paragraphs":
            number = numbering.next
            numbering.next += 1
            token.meta["number"] = number
            token.attrSet("id", f"p{number}")
            token.attrSet("class", "numbered")
        elif token.type == "heading_open" and top and counted and scheme == "sections" and sub_sections and token.tag == "h3":
            number = numbering.next_sub_section()
            if number is not None:
                token.meta["section_number"] = number
                token.attrSet("id", f"s{number}")
        if token.type in ("paragraph_open", "heading_open") and token.meta.get("label"):
            _record(token, numbering, counted and top)


def _record(token: Token, numbering: ReportNumbering, placed: bool) -> None:
    label, line = token.meta["label"], token.meta.get("label_line", 0)
    if label in numbering.labels:
        numbering.duplicate_labels.append((label, line))
        return
    if numbering.scheme == "paragraphs":
        if token.type != "paragraph_open" or "number" not in token.meta:
            numbering.misplaced_labels.append((label, line))
            return
        number = str(token.meta["number"])
        numbering.labels[label] = Target(f"p{number}", "paragraph", number)
        return
    number = token.meta.get("section_number") or (numbering.current_section() if placed and numbering.scheme == "sections" else None)
    if number is not None:
        numbering.labels[label] = Target(f"s{number}", "section", number)
        return
    anchor = f"para-{label}"
    token.attrSet("id", anchor)
    numbering.labels[label] = Target(anchor)


def resolve_references(tokens: list[Token], numbering: ReportNumbering) -> None:
    """`[paragraph](#para:NAME)` becomes "paragraph 14" linking to #p14; `[](#para:NAME)` says the noun itself."""
    for token in tokens:
        children = token.children or []
        for index, child in enumerate(children):
            name = child.meta.get("para_ref")
            if name is None:
                continue
            target = numbering.labels.get(name)
            if target is None:
                numbering.unresolved.append((name, child.meta.get("line", 0)))
                continue
            child.attrSet("href", f"#{target.anchor}")
            if target.number is None:
                continue
            text = children[index + 1] if index + 1 < len(children) else None
            if text is not None and text.type == "link_close":
                text = Token("text", "", 0)
                children.insert(index + 1, text)
            if text is not None and text.type == "text":
                words = text.content.strip()
                text.content = f"{text.content.rstrip()} {target.number}" if words else f"{target.noun} {target.number}"
