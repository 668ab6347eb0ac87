"""Numbering a report as its house style says: continuous paragraphs, numbered sections, or none.

Paragraphs are numbered as `markdown.paragraphs` numbers them (an exempt passage
takes one number). Sections and their sub-sections are numbered here. Whatever
the scheme, a labelled paragraph `{#para:NAME}` can be referred to: a link to
`#para:NAME` is given the words and the address of what it points at,
"paragraph 14" (#p14), "section 3.1" (#s3.1), or the paragraph's own anchor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token

from committee_papers.markdown import paragraphs


@dataclass(frozen=True)
class Target:
    anchor: str
    noun: str | None = None
    number: str | None = None


@dataclass
class ReportNumbering:
    scheme: str = "paragraphs"
    paragraphs: paragraphs.Numbering = field(default_factory=paragraphs.Numbering)
    targets: dict[str, Target] = field(default_factory=dict)  # labels outside the paragraph scheme
    own_duplicates: list[tuple[str, int]] = field(default_factory=list)
    unresolved_targets: list[tuple[str, int]] = field(default_factory=list)
    section: int = 0
    sub_section: int = 0

    @property
    def labels(self) -> dict:
        return {**self.paragraphs.labels, **self.targets}

    @property
    def duplicate_labels(self) -> list[tuple[str, int]]:
        return self.paragraphs.duplicate_labels + self.own_duplicates

    @property
    def misplaced_labels(self) -> list[tuple[str, int]]:
        return self.paragraphs.misplaced_labels

    @property
    def unresolved(self) -> list[tuple[str, int]]:
        return self.paragraphs.unresolved + self.unresolved_targets

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
    """Number one part's paragraphs (or its sub-section headings) and record where its labels point.

    `counted` says whether the part is inside the numbered run of the report.
    """
    if numbering.scheme == "paragraphs":
        paragraphs.number_paragraphs(tokens, numbering.paragraphs, enabled=counted)
        return
    for token in tokens:
        top = token.level == 0 and not token.meta.get("exempt")  # a withheld heading would leave a gap in the numbers
        if token.type == "heading_open" and top and counted and numbering.scheme == "sections" and sub_sections and token.tag == "h3":
            number = numbering.next_sub_section()
            if number is not None:
                token.meta["section_number"] = number
                token.attrSet("id", f"s{number}")
        if token.type in ("paragraph_open", "heading_open") and token.meta.get("label"):
            _record(token, numbering, counted)


def _record(token: Token, numbering: ReportNumbering, counted: bool) -> None:
    label, line = token.meta["label"], token.meta.get("label_line", 0)
    if label in numbering.targets:
        numbering.own_duplicates.append((label, line))
        return
    number = token.meta.get("section_number") or (numbering.current_section() if counted and numbering.scheme == "sections" else None)
    if number is not None:
        numbering.targets[label] = Target(f"s{number}", "section", number)
        return
    anchor = f"para-{label}"
    token.attrSet("id", anchor)
    numbering.targets[label] = Target(anchor)


def resolve_references(tokens: list[Token], numbering: ReportNumbering, public: bool = False) -> None:
    """Each `#para:NAME` link: "paragraph 14" (#p14), "section 3.1" (#s3.1), or the anchor with the author's words."""
    if numbering.scheme == "paragraphs":
        paragraphs.resolve_references(tokens, numbering.paragraphs, public=public)
        return
    for token in tokens:
        children = token.children or []
        for index, child in enumerate(children):
            name = child.meta.get("para_ref")
            if name is None:
                continue
            target = numbering.targets.get(name)
            if target is None:
                numbering.unresolved_targets.append((name, child.meta.get("line", 0)))
                continue
            child.attrSet("href", f"#{target.anchor}")
            if target.number is None:
                continue
            text = children[index + 1] if index + 1 < len(children) else None
            if text is not None and text.type == "link_close":
                text = Token("text", "", 0)
                children.insert(index + 1, text)
            if text is not None and text.type == "text":
                words = text.meta.setdefault("reference_words", text.content)  # as written, so resolving again gives one number
                text.content = f"{words.rstrip()} {target.number}" if words.strip() else f"{target.noun} {target.number}"
