"""Open data: meetings, items, reports, decisions and people as JSON, each with its JSON Schema."""

from __future__ import annotations

import datetime as dt
import json

from pydantic import BaseModel, ConfigDict, TypeAdapter

from committee_papers.pages import urls
from committee_papers.pages.site import Site
from committee_papers.publication import public_report_id
from committee_papers.render.report import public_title


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeetingRecord(_Record):
    id: str
    committee: str
    committee_name: str
    date: dt.date
    time: str | None
    venue: str | None
    status: str
    agenda_published: dt.date | None
    url: str


class ItemRecord(_Record):
    meeting: str
    number: int
    kind: str
    title: str
    exempt_paragraphs: list[int] | None
    report: str | None


class ReportRecord(_Record):
    meeting: str
    id: str
    item_number: int
    title: str
    report_of: str | None
    key_decision: str | None
    exempt_paragraphs: list[int] | None
    url: str
    pdf: str | None


class DecisionRecord(_Record):
    number: str
    meeting: str
    date: dt.date
    committee: str
    minute: int
    title: str
    resolutions: list[str]
    exempt: str | None


class PersonRecord(_Record):
    id: str
    name: str
    party: str | None
    division: str | None
    committees: list[str]
    meetings_attended: int
    meetings_held: int


class ForwardPlanRecord(_Record):
    reference: str | None
    title: str
    decision_maker: str
    expected_date: dt.date
    meeting: str
    item_number: int
    lead_member: str | None
    lead_officer: str | None
    exempt_paragraphs: list[int] | None
    forward_plan_published: dt.date | None
    report: str | None


DATASETS = {
    "meetings": MeetingRecord,
    "items": ItemRecord,
    "reports": ReportRecord,
    "decisions": DecisionRecord,
    "people": PersonRecord,
    "forward-plan": ForwardPlanRecord,
}


def records(site: Site) -> dict[str, list[BaseModel]]:
    website = (site.council.website or "").rstrip("/") if site.council else ""
    data: dict[str, list[BaseModel]] = {name: [] for name in DATASETS}
    for view in site.meetings:
        data["meetings"].append(
            MeetingRecord(
                id=view.id,
                committee=view.committee_id,
                committee_name=view.committee.name if view.committee else view.committee_id,
                date=view.date,
                time=view.time,
                venue=view.venue,
                status=view.meeting.status,
                agenda_published=view.meeting.published if view.agenda_published else None,
                url=f"{website}/{urls.meeting(view.id)}",
            )
        )
        for item in view.items:
            if not view.agenda_published and item.kind != "planned":
                continue
            if item.added is not None and not site.publication.date_reached(item.added):
                continue  # its supplementary agenda is not out yet
            visible = item.report is not None and site.publication.report_visible(view.folder, item.report)
            data["items"].append(
                ItemRecord(
                    meeting=view.id,
                    number=item.number,
                    kind=item.kind,
                    title=public_title(item.title, item.exempt),
                    exempt_paragraphs=item.exempt.paragraphs if item.exempt else None,
                    report=public_report_id(item) if visible else None,
                )
            )
            if visible:
                report = item.report.report
                data["reports"].append(
                    ReportRecord(
                        meeting=view.id,
                        id=public_report_id(item),
                        item_number=item.number,
                        title=public_title(report.title, report.exempt),
                        report_of=None if report.exempt else report.report_of,
                        key_decision=report.key_decision.forward_plan if report.key_decision and not report.exempt else None,
                        exempt_paragraphs=report.exempt.paragraphs if report.exempt else None,
                        url=f"{website}/{urls.report(view.id, public_report_id(item))}",
                        pdf=None if report.exempt else f"{website}/{urls.report_pdf(view.id, item.report.id)}",
                    )
                )
    for decision in site.decisions:
        data["decisions"].append(
            DecisionRecord(
                number=decision.number,
                meeting=decision.meeting.id,
                date=decision.meeting.date,
                committee=decision.meeting.committee_id,
                minute=decision.minute.number,
                title=public_title(decision.minute.title, decision.exempt),
                resolutions=decision.public_items,
                exempt=decision.withheld_label,
            )
        )
    from committee_papers.pages.forward_plan import forward_plan

    for entry in forward_plan(site):
        data["forward-plan"].append(
            ForwardPlanRecord(
                reference=entry.reference,
                title=entry.title,
                decision_maker=entry.decision_maker,
                expected_date=entry.expected,
                meeting=entry.meeting.id,
                item_number=entry.item.number,
                lead_member=entry.lead_member.name if entry.lead_member else None,
                lead_officer=entry.lead_officer.name if entry.lead_officer else None,
                exempt_paragraphs=entry.exempt.paragraphs if entry.exempt else None,
                forward_plan_published=entry.first_published,
                report=f"{website}/{entry.report_url}" if entry.report_url else None,
            )
        )
    for pid, councillor in site.archive.people.councillors.items():
        attended, held = site.attendance(pid)
        data["people"].append(
            PersonRecord(
                id=pid,
                name=councillor.name,
                party=councillor.party,
                division=councillor.division,
                committees=[cid for cid, _, _ in site.memberships(pid)],
                meetings_attended=attended,
                meetings_held=held,
            )
        )
    return data


def open_data(site: Site) -> dict[str, bytes]:
    files = {}
    for name, rows in records(site).items():
        model = DATASETS[name]
        adapter = TypeAdapter(list[model])
        files[f"data/{name}.json"] = adapter.dump_json(rows, indent=2) + b"\n"
        schema = adapter.json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"{name} (committee-papers open data)"
        files[f"data/{name}.schema.json"] = (json.dumps(schema, indent=2, sort_keys=True) + "\n").encode("utf-8")
    return files
