"""The forward plan: every key decision the council expects to take, from planned items and reports.

A planned item marked `key_decision` is on the plan as soon as it is on a meeting's
work programme; a report marked `key_decision` once the report itself is published.
Exempt entries keep their reference, decision maker and date; a title that is itself
exempt is never shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from committee_papers.agenda import AgendaItem
from committee_papers.exemption import paragraphs_label
from committee_papers.model.base import Exempt
from committee_papers.pages import urls
from committee_papers.pages.headings import slug
from committee_papers.pages.site import MeetingView, Site
from committee_papers.publication import public_report_id
from committee_papers.render.people import person
from committee_papers.render.report import public_title


@dataclass
class PlanEntry:
    reference: str | None
    title: str
    decision_maker: str
    expected: dt.date
    lead_member: object | None  # a rendered person (name, role...)
    lead_officer: object | None
    exempt: Exempt | None
    meeting: MeetingView
    item: AgendaItem
    report_url: str | None  # the published report, once there is one
    first_published: dt.date | None

    @property
    def key(self) -> str:
        """A stable id for feeds and calendars: the reference, or the meeting and item."""
        return self.reference or f"{self.meeting.id}-item-{self.item.number}"

    @property
    def anchor(self) -> str:
        return "plan-" + slug(self.key)

    @property
    def exempt_label(self) -> str | None:
        return paragraphs_label(self.exempt) if self.exempt else None

    @property
    def private(self) -> str:
        return f"Yes: exempt ({self.exempt_label})" if self.exempt else "No"


def _committee_name(view: MeetingView) -> str:
    return view.committee.name if view.committee else view.committee_id


def _planned(site: Site, view: MeetingView, item: AgendaItem) -> PlanEntry | None:
    decision = item.entry.key_decision
    if not decision:
        return None
    detail = None if isinstance(decision, bool) else decision
    archive = site.archive
    return PlanEntry(
        reference=detail.forward_plan if detail else None,
        title=public_title(item.title, item.exempt),
        decision_maker=_committee_name(view),
        expected=view.date,
        lead_member=person(archive, detail.lead_member) if detail and detail.lead_member else None,
        lead_officer=person(archive, item.entry.lead) if item.entry.lead else None,
        exempt=item.exempt,
        meeting=view,
        item=item,
        report_url=None,
        first_published=detail.forward_plan_published if detail else None,
    )


def _reported(site: Site, view: MeetingView, item: AgendaItem) -> PlanEntry | None:
    report = item.report
    if report is None or report.report is None or report.report.key_decision is None:
        return None
    if not site.publication.report_visible(view.folder, report):
        return None
    decision, paper = report.report.key_decision, report.report
    archive = site.archive
    return PlanEntry(
        reference=decision.forward_plan,
        title=public_title(paper.title, paper.exempt),
        decision_maker=paper.decision_maker or _committee_name(view),
        expected=paper.decision_date or view.date,
        lead_member=person(archive, decision.lead_member) if decision.lead_member else None,
        lead_officer=person(archive, paper.signed_by) if paper.signed_by else None,
        exempt=paper.exempt,
        meeting=view,
        item=item,
        report_url=urls.report(view.id, public_report_id(item)),
        first_published=decision.forward_plan_published,
    )


def forward_plan(site: Site) -> list[PlanEntry]:
    """Every key decision on the plan, in the order they are expected."""
    entries = []
    for view in site.meetings:
        if view.meeting.status == "cancelled":
            continue
        for item in view.items:
            found = _planned(site, view, item) if item.kind == "planned" else _reported(site, view, item) if item.kind == "report" else None
            if found is not None:
                entries.append(found)
    return sorted(entries, key=lambda e: (e.expected, e.meeting.id, e.item.number))


def forward_plan_page(renderer):
    site = renderer.site
    entries = forward_plan(site)
    coming = [e for e in entries if e.expected >= site.today]
    taken = [e for e in reversed(entries) if e.expected < site.today and e.expected >= site.today - dt.timedelta(days=365)]
    decided = {}
    for entry in taken:
        if site.publication.minutes_visible(entry.meeting.folder):
            decided[entry.key] = [d.number for d in site.decisions_by_minute.get((entry.meeting.id, entry.item.number), [])]
    return renderer.page(
        urls.forward_plan(),
        "pages/forward-plan.html",
        "Forward plan of key decisions",
        [("Home", urls.home())],
        description="The key decisions the council expects to take, with who takes them and when.",
        coming=coming,
        taken=taken,
        decided=decided,
    )
