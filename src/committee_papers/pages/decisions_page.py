"""The decisions register: an index of municipal years, and one page of resolutions per year."""

from __future__ import annotations

from collections import defaultdict

from committee_papers.pages import urls
from committee_papers.pages.site import DecisionView
from committee_papers.publication import public_report_id, year_label, year_slug
from committee_papers.render.report import public_title

FILTER_SCRIPT = "register-filter.js"


def decisions_by_year(site) -> dict[int, list[DecisionView]]:
    """Resolutions grouped by the municipal year of their meeting, newest year first."""
    grouped: dict[int, list[DecisionView]] = defaultdict(list)
    for decision in site.decisions:
        grouped[decision.meeting.year].append(decision)
    return dict(sorted(grouped.items(), reverse=True))


def register_row(renderer, decision: DecisionView) -> dict:
    """One resolution as the register shows it, linked to its minutes and, when published, its report."""
    site = renderer.site
    view = decision.meeting
    item = next((i for i in view.items if i.number == decision.minute.number), None)
    report = None
    if item is not None and item.report is not None and site.publication.report_visible(view.folder, item.report):
        report = urls.report(view.id, public_report_id(item))
    return {
        "decision": decision,
        "title": public_title(decision.minute.title, decision.exempt),
        "items": [renderer.inline(text) for text in decision.public_items],
        "notice": decision.withheld_label,
        "report": report,
        "minutes": f"{urls.minutes(view.id)}",
        "anchor": f"minute-{decision.minute.number}",
        "committee": view.committee.name if view.committee else view.committee_id,
    }


def decisions_index(renderer):
    years = decisions_by_year(renderer.site)
    return renderer.page(
        urls.decisions(),
        "pages/decisions.html",
        "Decisions",
        [("Home", urls.home())],
        description="Every resolution of the council's committees, by municipal year.",
        years=[(year_label(y), urls.decisions_year(year_slug(y)), len(found)) for y, found in years.items()],
        script=urls.script(FILTER_SCRIPT),
    )


def decisions_year(renderer, year: int, decisions: list[DecisionView], years: list[int]):
    committees = sorted(((cid, c.name) for cid, c in renderer.archive.committees.items()), key=lambda c: c[1])
    return renderer.page(
        urls.decisions_year(year_slug(year)),
        "pages/decisions-year.html",
        f"Decisions {year_label(year)}",
        [("Home", urls.home()), ("Decisions", urls.decisions())],
        description=f"Resolutions of the council's committees in the municipal year {year_label(year)}, newest first.",
        year=year,
        rows=[register_row(renderer, d) for d in decisions],
        committees=committees,
        years=[(year_label(y), urls.decisions_year(year_slug(y)), y == year) for y in years],
        script=urls.script(FILTER_SCRIPT),
    )


def decisions_pages(renderer) -> list:
    years = decisions_by_year(renderer.site)
    return [decisions_index(renderer)] + [decisions_year(renderer, y, found, list(years)) for y, found in years.items()]
