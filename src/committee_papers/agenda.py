"""A meeting's agenda as numbered items, from meeting.yml or from the default order."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from committee_papers.model.archive import Archive, MeetingFolder, ReportFile
from committee_papers.model.base import Exempt
from committee_papers.model.meeting import ApologiesEntry, DeclarationsEntry, ExclusionEntry, MinutesEntry, ReportEntry

_WORDS = re.compile(r"[^a-z0-9]+")

STANDARD_TITLES = {
    "apologies": "Apologies for Absence",
    "declarations": "Declarations of Interests",
    "exclusion": "Exclusion of the Public",
}


@dataclass
class AgendaItem:
    number: int
    kind: str
    title: str
    entry: object | None = None
    report: ReportFile | None = None
    exempt: Exempt | None = None
    index: int | None = None  # position in meeting.yml's agenda list, when there is one
    minutes_of: str | None = None
    added: dt.date | None = None
    urgency: str | None = None
    public_id: str | None = None  # the id a report is published under, when it is not its file stem (see publication.public_report_id)


def previous_meeting(archive: Archive, folder: MeetingFolder) -> MeetingFolder | None:
    """The committee's latest earlier meeting that was held."""
    if folder.meeting is None:
        return None
    earlier = [m for m in archive.meetings_of(folder.meeting.committee) if m.meeting and m.meeting.date < folder.meeting.date and m.meeting.status == "held"]
    return max(earlier, key=lambda m: (m.meeting.date, m.id), default=None)


def minutes_title(archive: Archive, meeting_id: str | None) -> str:
    other = archive.meetings.get(meeting_id or "")
    if other and other.meeting:
        return f"Minutes of the Meeting held on {long_date(other.meeting.date)}"
    return "Minutes of the Previous Meeting"


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _default_entries(archive: Archive, folder: MeetingFolder) -> list[object]:
    committee = archive.committees.get(folder.meeting.committee) if folder.meeting else None
    standard = committee.standard_items if committee else ["minutes", "apologies", "declarations"]
    entries: list[object] = []
    for kind in standard:
        if kind == "minutes":
            previous = previous_meeting(archive, folder)
            if previous is not None:
                entries.append(MinutesEntry(minutes=previous.id))
        elif kind == "apologies":
            entries.append(ApologiesEntry())
        elif kind == "declarations":
            entries.append(DeclarationsEntry())
    reports = sorted(folder.reports.values(), key=lambda r: r.path.name)
    public = [r for r in reports if not (r.report and r.report.exempt)]
    exempt = [r for r in reports if r.report and r.report.exempt]
    entries += [ReportEntry(report=r.id) for r in public]
    if exempt:
        entries.append(ExclusionEntry())
        entries += [ReportEntry(report=r.id) for r in exempt]
    return entries


def agenda_items(archive: Archive, folder: MeetingFolder) -> list[AgendaItem]:
    """The numbered items of a meeting's agenda; numbers are positions counting from 1."""
    if folder.meeting is None:
        return []
    explicit = folder.meeting.agenda is not None
    entries = folder.meeting.agenda if explicit else _default_entries(archive, folder)
    items = []
    for position, entry in enumerate(entries, start=1):
        kind = entry.kind
        item = AgendaItem(
            number=position,
            kind=kind,
            title=STANDARD_TITLES.get(kind, ""),
            entry=entry,
            index=position - 1 if explicit else None,
            added=entry.added,
            urgency=entry.urgency,
        )
        if kind == "minutes":
            item.minutes_of = entry.minutes
            item.title = minutes_title(archive, entry.minutes)
        elif kind == "item":
            item.title = entry.item
            item.exempt = entry.exempt
        elif kind == "planned":
            item.title = entry.planned
            item.exempt = entry.exempt
        elif kind == "report":
            item.report = folder.reports.get(entry.report)
            if item.report and item.report.report:
                item.title = item.report.report.title
                item.exempt = item.report.report.exempt
            else:
                item.title = entry.report
        items.append(item)
    _neutral_ids(items, set(folder.reports))
    return items


def _neutral_ids(items: list[AgendaItem], stems: set[str]) -> None:
    """A report whose title is exempt is published as `exempt-item-N`, never its stem (which repeats the title).

    The id must not be another report's stem in the meeting (a public report may be
    named `exempt-item-4.md`), or one page would take the other's place: it then takes
    a suffix, `exempt-item-4-2`.
    """
    taken = set(stems)
    for item in items:
        report = item.report.report if item.report else None
        if report is None or report.exempt is None or not report.exempt.title_exempt:
            continue
        neutral, suffix = f"exempt-item-{item.number}", 2
        while neutral in taken:
            neutral, suffix = f"exempt-item-{item.number}-{suffix}", suffix + 1
        taken.add(neutral)
        item.public_id = neutral


def title_words(title: str) -> str:
    """A title as lower-case words, so that punctuation, spacing and HTML entities (`&nbsp;`) do not make two titles differ."""
    return _WORDS.sub(" ", html.unescape(title).lower()).strip()


def same_title(a: str, b: str) -> bool:
    return title_words(a) == title_words(b)
