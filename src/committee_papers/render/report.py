"""One report through the rendering core: Markdown parts, the house style's layout and numbering, then the template."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from committee_papers.house_style import TEXT_SOURCES, HouseStyle, chosen_style, section_name
from committee_papers.markdown import rules
from committee_papers.markdown.exempt import OPEN, withhold
from committee_papers.markdown.parser import parser
from committee_papers.model.archive import Archive, ReportFile
from committee_papers.model.house_style import Section
from committee_papers.model.report import Comment
from committee_papers.render.layout import Block, Chunk, Part, place
from committee_papers.render.numbering import ReportNumbering, number_part, resolve_references

COMMENT_TITLES = {"constitutional": "Constitutional Comments", "financial": "Financial Comments", "hr": "HR Comments"}
COMMENT_ORDER = ("constitutional", "financial", "hr")
EXEMPT_PASSAGE = "A passage of this report contains exempt information and is not published."

__all__ = ["AppendixView", "Part", "ParsedReport", "parse_report", "house_style", "comment_title", "EXEMPT_PASSAGE"]


@dataclass
class ParsedReport:
    report_file: ReportFile
    style: HouseStyle
    body: Part  # the whole body, as the checks read it
    blocks: list[Block]
    found: dict[int, tuple[int, str]]  # style section index → (body section index, how its heading was recognised)
    chunks: list[Chunk]
    purpose: Part | None
    comments: list[tuple[str, Comment, Part]]
    extras: dict[str, Part]
    numbering: ReportNumbering
    fixed: list[Part] = field(default_factory=list)

    def parts(self) -> list[Part]:
        """Every part of Markdown as printed, each once: the body's sections and their headings, the front matter's text, the comments.

        (`body` holds the same tokens as the body's sections, for the checks to read in one piece.)
        """
        seen: dict[int, Part] = {}
        headings = [Part("body", chunk.heading, self.body.env) for chunk in self.chunks]
        for part in [*headings, *(p for b in self.blocks for p in b.parts), *self.extras.values(), *(c for _, _, c in self.comments)]:
            seen.setdefault(id(part), part)
        return list(seen.values())


def comment_title(key: str) -> str:
    """`constitutional` is "Constitutional Comments"; an unknown key is its own title: `ICT` "ICT Comments"."""
    if key in COMMENT_TITLES:
        return COMMENT_TITLES[key]
    words = key.replace("_", " ").replace("-", " ")
    return words[:1].upper() + words[1:] + " Comments"


def ordered_comments(comments: dict[str, Comment]) -> list[tuple[str, Comment]]:
    known = [(k, comments[k]) for k in COMMENT_ORDER if k in comments]
    return known + [(k, c) for k, c in comments.items() if k not in COMMENT_ORDER]


def house_style(archive: Archive) -> HouseStyle:
    return chosen_style(archive.council, archive.templates)


def _parse(text: str, allow_html: bool, name: str) -> Part:
    env: dict = {}
    return Part(name=name, tokens=parser(allow_html).parse(text or "", env), env=env, text=text or "")


def _parse_inline(text: str, allow_html: bool, name: str) -> Part:
    env: dict = {}
    inline = parser(allow_html).parseInline(text or "", env)
    rules.para_refs(_State(inline))
    return Part(name=name, tokens=inline, env=env)


class _State:
    """Just enough of markdown-it's core state for a rule to walk inline tokens."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens


def _generated(part: Part, counted: bool = True) -> Part:
    for token in part.tokens:
        token.meta["generated"] = True
    part.counted = counted
    return part


def parse_report(
    archive: Archive, report_file: ReportFile, style: HouseStyle | None = None, public: bool = True, allow_html: bool | None = None
) -> ParsedReport:
    """Parse every Markdown part of a report, lay it out in its house style and number it in printed order.

    For the public (`public=True`) every `::: exempt` passage is withheld after numbering
    (see markdown.exempt), so exempt passages never reach a public renderer and the
    numbers agree with members'.
    """
    report = report_file.report
    assert report is not None
    style = style or house_style(archive)
    if allow_html is None:
        allow_html = archive.allow_html
    body = _parse(report_file.body, allow_html, "body")
    extras = {name: _parse(getattr(report, name), allow_html, name) for name in TEXT_SOURCES if getattr(report, name)}
    comments = [(key, c, _parse(c.text, allow_html, f"comments.{key}")) for key, c in ordered_comments(report.comments)]
    for index, text in enumerate(report.recommendations):
        extras[f"recommendations.{index}"] = _parse_inline(text, allow_html, f"recommendations.{index}")
    for key, implication in report.implications.items():
        if implication.text:
            extras[f"implications.{key}"] = _parse(implication.text, allow_html, f"implications.{key}")
    boilerplate = archive.council.boilerplate.statutory_implications if archive.council else None
    fixed: list[Part] = []

    def field_part(section: Section) -> list[Part]:
        parts = []
        if section.from_ == "body" and section.boilerplate == "statutory_implications" and boilerplate:
            parts.append(_generated(_parse(boilerplate, False, "boilerplate")))
        if section.text:
            fixed.append(_generated(_parse(section.text, False, "style"), counted=False))
            parts.append(fixed[-1])
        if section.from_ in extras:
            parts.append(extras[section.from_])
        if section.from_ == "comments":
            parts += [part for _, _, part in comments]
        return parts

    blocks, found, chunks = place(style, report, body.tokens, lambda tokens: Part("body", tokens, body.env), field_part)
    numbering = number_blocks(blocks, style)
    parsed = ParsedReport(report_file, style, body, blocks, found, chunks, extras.get("purpose"), comments, extras, numbering, fixed)
    for part in parsed.parts():
        resolve_references(part.tokens, numbering, public=public)
    if public:  # after numbering, so the public and members' versions number paragraphs alike
        _withhold(parsed)
    return parsed


def withhold_parsed(parsed: ParsedReport) -> None:
    """Turn a members' parse into the public's: references to withheld paragraphs, then the passages withheld."""
    for part in parsed.parts():
        resolve_references(part.tokens, parsed.numbering, public=True)
    _withhold(parsed)


def _withhold(parsed: ParsedReport) -> None:
    """The public version of every part; the body is withheld as a whole (its footnotes are numbered across it)."""
    public = withhold(parsed.body.tokens, EXEMPT_PASSAGE)
    originals = {id(token) for token in parsed.body.tokens}
    standing: dict[int, list[Token]] = {}  # each token of the body: what stands for it in the public version
    index = 0
    for token in parsed.body.tokens:
        if index < len(public) and public[index] is token:
            standing[id(token)] = [token]
            index += 1
        elif token.type == OPEN and index < len(public) and id(public[index]) not in originals:
            standing[id(token)] = public[index : index + 3]  # the notice that replaces the passage
            index += 3
        else:
            standing[id(token)] = []
    for part in parsed.parts():
        if part.name == "body":
            part.tokens = [kept for token in part.tokens for kept in standing.get(id(token), [token])]
        else:
            part.tokens = withhold(part.tokens, EXEMPT_PASSAGE)
    parsed.body.tokens = public


def number_blocks(blocks: list[Block], style: HouseStyle) -> ReportNumbering:
    """Number the blocks in printed order from the section the style names (or from the start).

    Numbering starts at that section, or, if a report lacks it, at whatever comes where it would be.
    """
    numbering = ReportNumbering(scheme=style.numbering.scheme)
    places = {id(section): index for index, section in enumerate(style.sections)}
    names = [section_name(s) for s in style.sections]
    start = names.index(style.numbering.starts_at) if style.numbering.starts_at in names else -1
    place = -1  # where the printed blocks have got to in the style's order; an author's own section stays where it is
    for block in blocks:
        if block.kind != "section":
            continue
        place = places.get(id(block.section), place)
        block.counted = place >= start and (block.section is None or block.section.numbered)
        titled = block.heading is not None or block.chunk is not None
        if numbering.scheme == "sections" and block.counted and titled:
            block.number = numbering.next_section() if block.level == 2 else numbering.next_sub_section()
        if block.chunk is not None:
            if block.number:
                block.chunk.heading[0].meta["section_number"] = block.number
            number_part(block.chunk.heading, numbering, block.counted)
        for part in block.parts:
            number_part(part.tokens, numbering, block.counted and part.counted, style.numbering.sub_sections)
    return numbering


@dataclass(frozen=True)
class AppendixView:
    letter: str  # the appendix's mark: A, B or 1, 2, as the house style numbers them
    title: str
    href: str | None
    exempt_label: str | None
    label: str = ""  # "Appendix A", "Annex A", "Appendix 1"


def appendix_views(style: HouseStyle, report) -> list[AppendixView]:
    """The report's appendices as its house style names them, for a list without links (a printed report)."""
    from committee_papers.exemption import paragraphs_label

    return [
        AppendixView(style.appendix_mark(i), public_title(a.title, a.exempt), None, paragraphs_label(a.exempt) if a.exempt else None, style.appendix_label(i))
        for i, a in enumerate(report.appendices)
    ]


def public_title(title: str, exempt) -> str:
    """A title may be published unless the council marked the title itself as exempt."""
    return "Exempt item" if exempt is not None and exempt.title_exempt else title


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//|^#")


def rewrite_local_links(tokens: list[Token], resolve) -> None:
    """Images and links to files in the meeting folder get the address `resolve(path)` gives (None: no link)."""
    for token in tokens:
        for child in token.children or []:
            attribute = "src" if child.type == "image" else "href" if child.type == "link_open" else None
            if attribute is None:
                continue
            target = child.attrGet(attribute)
            if not isinstance(target, str) or not target or _SCHEME.match(target):
                continue
            path, _, fragment = target.partition("#")
            url = resolve(path)
            if url is None:
                child.attrs.pop(attribute, None)
            else:
                child.attrSet(attribute, url + (f"#{fragment}" if fragment else ""))
