"""A parsed report as its template sees it: each block's HTML, the people, the grids, the appendices."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass

from markdown_it.token import Token
from markupsafe import Markup, escape

from committee_papers.markdown.html import render_tokens
from committee_papers.markdown.parser import parser
from committee_papers.model.archive import Archive, ReportFile
from committee_papers.model.house_style import Section
from committee_papers.model.report import ContactEntry
from committee_papers.publication import public_report_id
from committee_papers.render.layout import Block, Part, header_rows
from committee_papers.render.people import PersonView, person
from committee_papers.render.prepared import PartsHtml, PreparedReport, resolve_files
from committee_papers.render.prepared import prepared as prepared_report
from committee_papers.render.report import ParsedReport, comment_title, house_style, ordered_comments, public_title

DEFAULT_TEMPLATE = "report/house-style.html"
# How a list is marked: the element, its class (a CSS counter style, for the brackets) and its `type`.
MARKERS = {
    "1.": {"tag": "ol", "cls": "decimal-dot", "type": "1"},
    "1)": {"tag": "ol", "cls": "decimal-close", "type": "1"},
    "(1)": {"tag": "ol", "cls": "decimal-paren", "type": "1"},
    "a.": {"tag": "ol", "cls": "lower-alpha-dot", "type": "a"},
    "a)": {"tag": "ol", "cls": "lower-alpha-close", "type": "a"},
    "(a)": {"tag": "ol", "cls": "lower-alpha-paren", "type": "a"},
    "A.": {"tag": "ol", "cls": "upper-alpha-dot", "type": "A"},
    "i.": {"tag": "ol", "cls": "lower-roman-dot", "type": "i"},
    "i)": {"tag": "ol", "cls": "lower-roman-close", "type": "i"},
    "(i)": {"tag": "ol", "cls": "lower-roman-paren", "type": "i"},
    "I.": {"tag": "ol", "cls": "upper-roman-dot", "type": "I"},
    "bullets": {"tag": "ul", "cls": "bullets", "type": None},
    "none": {"tag": "ul", "cls": "unmarked", "type": None},
}


@dataclass(frozen=True)
class ContactView:
    name: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None


def html_of(part: Part | None, allow_html: bool) -> Markup:
    if part is None:
        return Markup("")
    return Markup(render_tokens(parser(allow_html), _with_section_numbers(part.tokens), part.env))


def _with_section_numbers(tokens: list[Token]) -> list[Token]:
    """Sub-section headings with their generated number in front (on copies: the checks read the originals)."""
    if not any(t.meta.get("section_number") for t in tokens if t.type == "heading_open"):
        return tokens
    result = list(tokens)
    for index, token in enumerate(tokens[:-1]):
        number = token.meta.get("section_number") if token.type == "heading_open" else None
        if number and tokens[index + 1].type == "inline":
            inline = copy.copy(tokens[index + 1])
            span = Token("html_inline", "", 0)
            span.content = f'<span class="section-number">{escape(number)}</span> '
            inline.children = [span, *(inline.children or [])]
            result[index + 1] = inline
    return result


def _heading_html(block: Block, allow_html: bool) -> Markup | None:
    if block.chunk is not None:
        inline = block.chunk.heading[1]
        return Markup(render_tokens(parser(allow_html), [inline], {}).strip())
    return Markup(escape(block.heading)) if block.heading else None


def contacts_of(archive: Archive, report) -> list[ContactView]:
    """`contact` and then each of `contacts`, with people.yml's details unless the report gives its own."""
    views = []
    for ref in ([report.contact] if report.contact is not None else []) + list(report.contacts):
        if not isinstance(ref, ContactEntry):
            found = person(archive, ref)
            views.append(ContactView(found.name, found.role, found.phone, found.email))
            continue
        base = person(archive, ref.person) if ref.person else PersonView(id=None, name=ref.name or "")
        views.append(ContactView(ref.name or base.name, ref.role or base.role, ref.phone or base.phone, ref.email or base.email))
    return views


def _empty(section: Section | None, report) -> bool:
    """A section with nothing to show; it is left out unless the style gives words for nothing (`none:`).

    Whether a report has appendices to list is known only where it is rendered (render, below).
    """
    if section is None or section.none is not None or not section.from_ or section.from_ in ("body", "appendices"):
        return False
    source = section.from_
    if source in ("divisions_affected", "forward_plan", "meeting_date", "agenda_item", "committee", "title", "exempt"):
        return False
    if source == "contacts":
        return report.contact is None and not report.contacts
    value = getattr(report, source, None)
    return value in (None, "", [], {})


def _grid_view(grid, report, parsed: ParsedReport, allow_html: bool) -> dict:
    given = {name.casefold(): (name, row) for name, row in report.implications.items()}
    boxes = []
    for box in grid.boxes:
        name, row = given.get(box.casefold(), (box, None))
        boxes.append(
            {
                "box": box,
                "mark": "" if row is None else grid.mark_yes if row.applies else grid.mark_no,
                "words": "" if row is None else "yes" if row.applies else "no",
                "html": html_of(parsed.extras.get(f"implications.{name}"), allow_html),
            }
        )
    rows = [boxes[i : i + grid.columns] for i in range(0, len(boxes), grid.columns)]
    return {"name": grid.name, "columns": grid.columns, "rows": rows, "details": [b for b in boxes if b["html"]], "at": grid.at}


def block_views(parsed: ParsedReport, allow_html: bool) -> list[dict]:
    """The report's blocks as the templates take them: the style's entries, and HTML (strings, no tokens)."""
    report = parsed.report_file.report
    index = {id(section): number for number, section in enumerate(parsed.style.sections)}  # kept as numbers: the views are cached as JSON
    views = []
    for block in parsed.blocks:
        if block.kind != "section":
            rows = [index[id(row)] for row in block.rows] if block.kind == "facts" else []
            views.append({"kind": block.kind, "rows": rows, "html": [html_of(p, allow_html) for p in block.parts]})
            continue
        if block.chunk is None and not block.parts and not block.grids and _empty(block.section, report):
            continue
        views.append(
            {
                "kind": "section",
                "section": index[id(block.section)] if block.section is not None else None,
                "source": block.source,
                "level": block.level,
                "heading": _heading_html(block, allow_html),
                "number": block.number,
                "id": f"s{block.number}" if block.number else None,
                "html": [html_of(p, allow_html) for p in block.parts] if block.source != "comments" else [],
                "grids": [_grid_view(g, report, parsed, allow_html) for g in block.grids],
            }
        )
    return views


def parts_html(parsed: ParsedReport, allow_html: bool) -> PartsHtml:
    """One audience's parse rendered: the blocks, and each part by name (for council templates and other pages)."""
    blocks = block_views(parsed, allow_html)
    return PartsHtml(
        blocks=blocks,
        purpose=html_of(parsed.extras.get("purpose"), allow_html),
        comments={key: html_of(part, allow_html) for key, _, part in parsed.comments},
        extras={name: html_of(part, allow_html) for name, part in parsed.extras.items()},
    )


def legacy_body(views: list[dict]) -> Markup:
    """The body's sections as one piece, for council templates written before the layout was data."""
    html = ""
    for view in views:
        if view["kind"] == "section" and view["source"] == "body":
            if view["heading"]:
                html += f"<h2>{view['heading']}</h2>\n"
            html += "".join(view["html"])
    return Markup(html)


def _filled(view: dict, fill, style) -> dict:
    """A block with the style's entries it names, and its HTML's links to local files given this output's addresses."""
    view = dict(view)
    view["html"] = [fill(text) for text in view["html"]]
    if view["kind"] == "section":
        view["section"] = style.sections[view["section"]] if view["section"] is not None else None
    else:
        rows = {"header": header_rows(style), "cover": list(style.cover), "facts": [style.sections[i] for i in view["rows"]]}
        view["rows"] = rows.get(view["kind"], [])
    if view.get("heading"):
        view["heading"] = fill(view["heading"])
    if view.get("grids"):
        view["grids"] = [{**grid, "details": [{**box, "html": fill(box["html"])} for box in grid["details"]]} for grid in view["grids"]]
    return view


def _shown(view: dict, appendices) -> bool:
    section = view.get("section")
    return not (section is not None and section.from_ == "appendices" and not appendices and section.none is None)


def _views(html: PartsHtml, style, appendices, fill) -> list[dict]:
    return [view for view in (_filled(v, fill, style) for v in html.blocks) if _shown(view, appendices)]


def _committee_name(archive: Archive, meeting) -> str:
    committee = archive.committees.get(meeting.committee) if meeting else None
    return committee.name if committee else (meeting.committee if meeting else "")


def render(
    archive: Archive,
    folder,
    item,
    report_file: ReportFile,
    *,
    appendices=(),
    confidential: bool = False,
    show_appendix_list: bool = True,
    prepared: PreparedReport | None = None,
    resolve=None,
) -> Markup:
    """A report as an HTML fragment in the council's house style, from its prepared HTML (render.prepared).

    An exempt report is rendered in full only when `confidential` is set; the
    public version gets nothing but its item number, title and exemption.
    """
    from committee_papers.exemption import exemption_notice
    from committee_papers.render.environment import template_environment

    report = report_file.report
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
    if resolve is not None:
        resolve = functools.cache(resolve)  # a file is published once, however many pieces show it

    def fill(text: str | None) -> Markup:
        return resolve_files(text or "", prepared.marker, resolve)

    comments = [
        {"key": key, "title": comment_title(key), "by": c.by, "date": c.date, "html": fill(html.comments.get(key))}
        for key, c in ordered_comments(report.comments)
    ]
    extras = {name: fill(text) for name, text in html.extras.items()}
    notice = exemption_notice(report.exempt, jurisdiction) if report.exempt else None
    style = house_style(archive)
    contacts = contacts_of(archive, report)
    return Markup(
        env.get_template(style.template or DEFAULT_TEMPLATE).render(
            rid=report_file.id,
            style=style,
            council=council,
            meeting=meeting,
            item=item,
            report=report,
            blocks=_views(html, style, appendices, fill),
            parts={"purpose": fill(html.purpose), "body": fill(html.body), "extras": extras},
            recommendations=[extras.get(f"recommendations.{i}", Markup("")) for i in range(len(report.recommendations))],
            comments=comments,
            implications=[
                (name, {"applies": row.applies, "html": extras.get(f"implications.{name}", Markup(""))}) for name, row in report.implications.items()
            ],
            signed_by=person(archive, report.signed_by),
            contact=contacts[0] if contacts else None,
            contacts=contacts,
            appendices=list(appendices),
            background_papers=[
                {"title": p, "paragraphs": []} if isinstance(p, str) else {"title": p.title, "paragraphs": [str(n) for n in p.exempt_paragraphs]}
                for p in report.background_papers
            ],
            committee_name=_committee_name(archive, meeting),
            markers=MARKERS,
            show_appendix_list=show_appendix_list and "appendices" not in style.sources(),
            exempt_notice=notice,
            confidential_notice=notice if notice and confidential else None,
        )
    )
