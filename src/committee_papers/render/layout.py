"""A report laid out as its house style says: the blocks it is printed in, in order.

The body's `##` sections keep the author's order; the style places everything
else (the header, the cover table, sections from the front matter, grids,
closing blocks) around them, and recognises the body sections it names by
their heading, in the style's wording or another it accepts.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable

from markdown_it.token import Token

from committee_papers.house_style import TEXT_SOURCES, HouseStyle, section_name
from committee_papers.model.house_style import Grid, Row, Section

CLOSE_WORDING = 0.8  # how alike a heading must be to a section's to be taken for it (and warned about)
_NUMBER = re.compile(r"^\d+(\.\d+)*\.?\s+")


@dataclass
class Part:
    """A piece of Markdown in a report: where it came from and its tokens."""

    name: str  # "purpose", "body", "boilerplate", "comments.financial", ...
    tokens: list[Token]
    env: dict = field(default_factory=dict)
    text: str | None = None  # the Markdown it was parsed from (None for a one-line part, parsed inline)
    counted: bool = True  # fixed text from the style is never numbered


@dataclass
class Chunk:
    """A `##` section of the body: its heading's tokens and what follows, up to the next one."""

    heading: list[Token]
    tokens: list[Token]

    @property
    def words(self) -> str:
        return self.heading[1].content.strip()

    @property
    def line(self) -> int:
        return self.heading[0].map[0] if self.heading[0].map else 0


@dataclass
class Block:
    kind: str  # header, cover, facts, section, footnotes
    section: Section | None = None
    level: int = 2
    heading: str | None = None  # a heading in the style's words
    chunk: Chunk | None = None  # or the author's own section, heading and all
    parts: list[Part] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    rows: list[Row | Section] = field(default_factory=list)
    matched: str | None = None  # how the author's heading was recognised: label, also, close
    number: str | None = None
    counted: bool = False

    @property
    def source(self) -> str | None:
        if self.section is None:
            return "body" if self.chunk or self.parts else None
        return self.section.from_


def normal(words: str) -> str:
    """Headings compared as a reader would: capitals, spacing, a closing colon and typed numbers aside."""
    return " ".join(_NUMBER.sub("", words.strip()).rstrip(":").split()).casefold()


def split_body(tokens: list[Token]) -> tuple[list[Token], list[Chunk], list[Token]]:
    """The text before the first `##` heading, each `##` section, and the footnotes gathered at the end."""
    footnotes: list[Token] = []
    start = next((i for i, t in enumerate(tokens) if t.type == "footnote_block_open" and t.level == 0), None)
    if start is not None:
        tokens, footnotes = tokens[:start], tokens[start:]
    preamble: list[Token] = []
    chunks: list[Chunk] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.tag == "h2" and token.level == 0:
            chunks.append(Chunk(heading=tokens[index : index + 3], tokens=[]))
            index += 3
            continue
        (chunks[-1].tokens if chunks else preamble).append(token)
        index += 1
    return preamble, chunks, footnotes


def _wordings(section: Section) -> list[str]:
    return [normal(w) for w in [section.label or "", *section.also] if w]


def is_body_slot(section: Section, report) -> bool:
    """A section the body can hold: `from: body`, or Markdown from the front matter that the author put in the body instead."""
    return section.from_ == "body" or (section.from_ in TEXT_SOURCES and not getattr(report, section.from_, None))


def match_chunks(style: HouseStyle, report, chunks: list[Chunk]) -> dict[int, tuple[int, str]]:
    """Which body section each of the style's sections is: section index → (chunk index, how it was recognised)."""
    slots = [i for i, s in enumerate(style.sections) if is_body_slot(s, report) and s.label]
    found: dict[int, tuple[int, str]] = {}
    taken: set[int] = set()
    for i in slots:
        section = style.sections[i]
        wordings = _wordings(section)
        for c, chunk in enumerate(chunks):
            words = normal(chunk.words)
            if c not in taken and words in wordings:
                found[i] = (c, "label" if words == wordings[0] else "also")
                taken.add(c)
                break
    for i in (i for i in slots if i not in found):
        for c, chunk in enumerate(chunks):
            if c in taken:
                continue
            words = normal(chunk.words)
            if any(difflib.SequenceMatcher(None, words, w).ratio() >= CLOSE_WORDING for w in _wordings(style.sections[i])):
                found[i] = (c, "close")
                taken.add(c)
                break
    return found


def place(
    style: HouseStyle,
    report,
    body_tokens: list[Token],
    body_part: Callable[[list[Token]], Part],
    field_part: Callable[[Section], list[Part]],
) -> tuple[list[Block], dict[int, tuple[int, str]], list[Chunk]]:
    """The report's blocks in printed order; also which body section each style section matched."""
    preamble, chunks, footnotes = split_body(body_tokens)
    found = match_chunks(style, report, chunks)  # chunk -1: the text before the first heading
    owner = {c: i for i, (c, _) in found.items()}
    sections = style.sections
    slots = [i for i, s in enumerate(sections) if is_body_slot(s, report)]
    last_slot = slots[-1] if slots else None
    first_body = next((i for i, s in enumerate(sections) if s.from_ == "body"), None)
    grids = {g.inside: [x for x in style.grids if x.inside == g.inside] for g in style.grids}
    blocks: list[Block] = []
    _header(style, blocks)
    emitted = 0

    def emit_chunk(c: int) -> None:
        i = owner.get(c)
        section = sections[i] if i is not None else None
        block = Block("section", section=section, level=section.level if section else 2, chunk=chunks[c])
        block.matched = found[i][1] if i is not None else None
        block.parts = _with_boilerplate(section, field_part) + [body_part(chunks[c].tokens)]
        block.grids = grids.get(section_name(section), []) if section else []
        blocks.append(block)

    if not slots and preamble:
        blocks.append(Block("section", parts=[body_part(preamble)]))
    for i, section in enumerate(sections):
        if i in slots:
            claimed = i == first_body and preamble and i not in found
            if i == first_body and preamble and not claimed:
                blocks.append(Block("section", parts=[body_part(preamble)]))
            elif i == slots[0] and preamble and first_body is None:
                blocks.append(Block("section", parts=[body_part(preamble)]))
            if i in found and found[i][0] >= emitted:
                for c in range(emitted, found[i][0] + 1):
                    emit_chunk(c)
                emitted = found[i][0] + 1
            elif i not in found and (claimed or section.boilerplate or section_name(section) in grids):
                if claimed:
                    found[i] = (-1, "preamble")  # the text before the first heading is this section
                block = Block("section", section=section, level=section.level, heading=section.label)
                block.parts = _with_boilerplate(section, field_part) + ([body_part(preamble)] if claimed else [])
                block.grids = grids.get(section_name(section), [])
                blocks.append(block)
            if i == last_slot:
                for c in range(emitted, len(chunks)):
                    emit_chunk(c)
                emitted = len(chunks)
            continue
        if section.inline:
            if blocks and blocks[-1].kind == "facts":
                blocks[-1].rows.append(section)
            else:
                blocks.append(Block("facts", rows=[section]))
            continue
        block = Block("section", section=section, level=section.level, heading=section.label, parts=field_part(section))
        block.grids = grids.get(section_name(section), [])
        blocks.append(block)
    for c in range(emitted, len(chunks)):
        emit_chunk(c)
    if footnotes:
        blocks.append(Block("footnotes", parts=[body_part(footnotes)]))
    return blocks, found, chunks


def _with_boilerplate(section: Section | None, field_part) -> list[Part]:
    if section is None or not section.boilerplate or section.from_ != "body":
        return []
    return field_part(section)


def header_rows(style: HouseStyle) -> list[Row]:
    """The header block's lines: the title is a row of the header or the cover table, or closes the header."""
    header = list(style.header)
    if not any(r.from_ == "title" for r in (*style.header, *style.cover)):
        header.append(Row(**{"from": "title"}))
    return header


def _header(style: HouseStyle, blocks: list[Block]) -> None:
    header = header_rows(style)
    if header:
        blocks.append(Block("header", rows=header))
    if style.cover:
        blocks.append(Block("cover", rows=list(style.cover)))
