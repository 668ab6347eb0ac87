"""One report through the rendering core: Markdown parts, shared numbering, then the house style's template."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markdown_it.token import Token
from markupsafe import Markup

from committee_papers.house_style import HouseStyle, available_styles
from committee_papers.markdown import rules
from committee_papers.markdown.html import render_tokens
from committee_papers.markdown.paragraphs import Numbering, number_paragraphs, resolve_references
from committee_papers.markdown.exempt import withhold
from committee_papers.markdown.parser import parser
from committee_papers.model.archive import Archive, ReportFile
from committee_papers.model.report import Comment
from committee_papers.publication import public_report_id

if TYPE_CHECKING:
    from committee_papers.render.prepared import PreparedReport

IMPLICATIONS_HEADING = "statutory and policy implications"
COMMENT_TITLES = {"constitutional": "Constitutional Comments", "financial": "Financial Comments", "hr": "HR Comments"}
COMMENT_ORDER = ("constitutional", "financial", "hr")


@dataclass
class Part:
    """A piece of Markdown in a report: where it came from and its tokens."""

    name: str  # "purpose", "body", "boilerplate", "comments.financial", ...
    tokens: list[Token]
    env: dict = field(default_factory=dict)
    text: str | None = None  # the Markdown it was parsed from (None for a one-line part, parsed inline)


@dataclass
class ParsedReport:
    report_file: ReportFile
    style: HouseStyle
    purpose: Part | None
    body: Part
    comments: list[tuple[str, Comment, Part]]
    extras: dict[str, Part]
    numbering: Numbering
    boilerplate_placed: bool = True


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
    name = archive.council.house_style if archive.council else "numbered"
    styles = available_styles(archive.templates)
    return styles.get(name) or styles["numbered"]


def _parse(text: str, allow_html: bool, name: str) -> Part:
    env: dict = {}
    return Part(name=name, tokens=parser(allow_html).parse(text or "", env), env=env, text=text or "")


def _parse_inline(text: str, allow_html: bool, name: str) -> Part:
    env: dict = {}
    md = parser(allow_html)
    inline = md.parseInline(text or "", env)
    for rule in (rules.para_refs,):
        rule(_State(inline))
    return Part(name=name, tokens=inline, env=env)


class _State:
    """Just enough of markdown-it's core state for a rule to walk inline tokens."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens


def _splice_after_heading(tokens: list[Token], heading: str, extra: list[Token]) -> bool:
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and tokens[index + 1].content.strip().casefold() == heading:
            tokens[index + 3 : index + 3] = extra
            return True
    return False


EXEMPT_PASSAGE = "A passage of this report contains exempt information and is not published."


def parse_report(
    archive: Archive, report_file: ReportFile, style: HouseStyle | None = None, public: bool = True, allow_html: bool | None = None
) -> ParsedReport:
    """Parse every Markdown part of a report and number its paragraphs in reading order.

    For the public (`public=True`) every `::: exempt` passage is withheld after numbering
    (see markdown.exempt), so exempt passages never reach a public renderer.
    """
    report = report_file.report
    assert report is not None
    style = style or house_style(archive)
    if allow_html is None:
        allow_html = archive.allow_html
    numbered = style.number_paragraphs
    numbering = Numbering()

    purpose = _parse(report.purpose, allow_html, "purpose") if report.purpose else None
    body = _parse(report_file.body, allow_html, "body")
    placed = True
    boilerplate = archive.council.boilerplate.statutory_implications if archive.council else None
    if numbered and boilerplate:
        extra = _parse(boilerplate, False, "boilerplate").tokens
        for token in extra:
            token.meta["generated"] = True
        placed = _splice_after_heading(body.tokens, IMPLICATIONS_HEADING, extra)
        if not placed:
            heading = _parse("## Statutory and Policy Implications", False, "boilerplate").tokens
            for token in heading:
                token.meta["generated"] = True
            body.tokens += heading + extra
    comments = [(key, c, _parse(c.text, allow_html, f"comments.{key}")) for key, c in ordered_comments(report.comments)]
    extras = {
        name: _parse(getattr(report, name), allow_html, name)
        for name in ("summary", "reasons", "alternative_options")
        if getattr(report, name)
    }
    for index, text in enumerate(report.recommendations):
        extras[f"recommendations.{index}"] = _parse_inline(text, allow_html, f"recommendations.{index}")
    for key, implication in report.implications.items():
        if implication.text:
            extras[f"implications.{key}"] = _parse(implication.text, allow_html, f"implications.{key}")

    parts = ([purpose] if purpose else []) + [body] + [part for _, _, part in comments]
    for part in parts:
        number_paragraphs(part.tokens, numbering, enabled=numbered)
    for part in [*parts, *extras.values()]:
        resolve_references(part.tokens, numbering, public=public)
    if public:  # after numbering, so the public and members' versions number paragraphs alike
        for part in [*parts, *extras.values()]:
            part.tokens = withhold(part.tokens, EXEMPT_PASSAGE)
    return ParsedReport(report_file, style, purpose, body, comments, extras, numbering, placed)


def html_of(part: Part | None, allow_html: bool) -> Markup:
    if part is None:
        return Markup("")
    return Markup(render_tokens(parser(allow_html), part.tokens, part.env))


@dataclass(frozen=True)
class AppendixView:
    letter: str
    title: str
    href: str | None
    exempt_label: str | None


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


def render_report(
    archive: Archive,
    folder,
    item,
    report_file: ReportFile,
    *,
    appendices: list[AppendixView] = (),
    confidential: bool = False,
    show_appendix_list: bool = True,
    prepared: PreparedReport | None = None,
    resolve=None,
) -> Markup:
    """A report as an HTML fragment in the council's house style.

    An exempt report is rendered in full only when `confidential` is set; the
    public version gets nothing but its item number, title and exemption.
    """
    from committee_papers.exemption import exemption_notice
    from committee_papers.render.environment import template_environment
    from committee_papers.render.people import person
    from committee_papers.render.prepared import prepared as prepared_report
    from committee_papers.render.prepared import resolve_files

    report = report_file.report
    style = house_style(archive)
    council = archive.council
    jurisdiction = council.jurisdiction if council else "england"
    env = template_environment(archive.templates)
    meeting = folder.meeting
    if report.exempt is not None and not confidential:
        return Markup(
            env.get_template("report/exempt.html").render(
                rid=public_report_id(item) if item is not None else report_file.id,
                item=item,
                meeting=meeting,
                title=public_title(report.title, report.exempt),
                exempt_notice=exemption_notice(report.exempt, jurisdiction),
            )
        )
    prepared = prepared or prepared_report(archive, report_file)
    html = prepared.parts(members=confidential)

    def fill(text: str | None) -> Markup:
        return resolve_files(text or "", prepared.marker, resolve)

    comments = [
        {"key": key, "title": comment_title(key), "by": c.by, "date": c.date, "html": fill(html.comments.get(key))}
        for key, c in ordered_comments(report.comments)
    ]
    implications = [
        (name, {"applies": row.applies, "html": fill(html.extras.get(f"implications.{name}"))})
        for name, row in report.implications.items()
    ]
    parts = {
        "purpose": fill(html.purpose),
        "body": fill(html.body),
        "extras": {name: fill(text) for name, text in html.extras.items()},
    }
    notice = exemption_notice(report.exempt, jurisdiction) if report.exempt else None
    return Markup(
        env.get_template(style.template).render(
            rid=report_file.id,
            style=style,
            council=council,
            meeting=meeting,
            item=item,
            report=report,
            parts=parts,
            recommendations=[fill(html.extras.get(f"recommendations.{i}")) for i in range(len(report.recommendations))],
            comments=comments,
            implications=implications,
            signed_by=person(archive, report.signed_by),
            contact=person(archive, report.contact),
            appendices=list(appendices),
            show_appendix_list=show_appendix_list,
            exempt_notice=notice,
            confidential_notice=notice if notice and confidential else None,
        )
    )
