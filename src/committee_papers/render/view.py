"""A parsed report as its template sees it: each block's HTML, the people, the grids, the appendices."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from markupsafe import Markup

from committee_papers.model.archive import Archive, ReportFile
from committee_papers.model.prepared import PartsHtml, PreparedReport
from committee_papers.model.report import ContactEntry
from committee_papers.publication import public_report_id
from committee_papers.render.layout import header_rows
from committee_papers.render.people import PersonView, person
from committee_papers.render.prepared import prepared as prepared_report
from committee_papers.render.prepared import resolve_files
from committee_papers.render.report import comment_title, house_style, ordered_comments, public_title

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


def render_report(
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
