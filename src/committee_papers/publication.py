"""What may be published, and when: the rules every public output obeys.

Public outputs are built only from what these functions allow. Exempt content
is never passed to a public renderer at all, so no template can leak it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from committee_papers.model.archive import MeetingFolder, ReportFile


PUBLISHABLE = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".csv"}  # files a paper may link to or show


def build_date() -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


@dataclass(frozen=True)
class Publication:
    today: dt.date
    drafts: bool = False

    def agenda_published(self, folder: MeetingFolder) -> bool:
        """An agenda is public once its publication date has come."""
        meeting = folder.meeting
        if meeting is None:
            return False
        if self.drafts:
            return True
        return meeting.published is not None and meeting.published <= self.today

    def agenda_is_draft(self, folder: MeetingFolder) -> bool:
        meeting = folder.meeting
        return meeting is not None and (meeting.published is None or meeting.published > self.today)

    def report_visible(self, folder: MeetingFolder, report: ReportFile) -> bool:
        """A report's page exists once its agenda (or the supplement adding it) is published, unless it is a draft."""
        if report.report is None or not self.agenda_published(folder):
            return False
        if self.drafts:
            return True
        added = next((e.added for e in folder.meeting.agenda or [] if e.kind == "report" and e.report == report.id), None)
        if added is not None and added > self.today:
            return False
        revised = report.report.revised
        if revised is not None and revised.date > self.today:
            return False  # the file holds the revised text, which goes out with its supplement, on its date
        return report.report.status != "draft"

    def date_reached(self, day: dt.date) -> bool:
        return self.drafts or day <= self.today

    def minutes_visible(self, folder: MeetingFolder) -> bool:
        return folder.minutes is not None and folder.meeting is not None and folder.meeting.status == "held"


def municipal_year(day: dt.date, starts: str = "05-01") -> int:
    """The calendar year in which the municipal year holding `day` began."""
    month, date = (int(part) for part in starts.split("-"))
    return day.year if (day.month, day.day) >= (month, date) else day.year - 1


def year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def year_slug(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def public_report_id(item) -> str:
    """The id a report is published under: its file stem, unless its title is itself exempt.

    A file stem usually repeats the title, so a report whose title is exempt is
    published as `exempt-item-N` and its stem appears nowhere public. The neutral id
    is made with the agenda (agenda._neutral_ids), clear of every report's stem.
    """
    return item.public_id or item.report.id


def exempt_item_of(minute, items: dict):
    """The exempt agenda item a minute records, if any: its own item, or an exempt item whose title it carries.

    A minute written under a neighbouring item's number still names the exempt item
    it records; it is withheld as that item's minute (and `papers check` reports it, PAP224).
    """
    from committee_papers.agenda import same_title, title_words

    item = items.get(minute.number)
    if item is not None and (item.exempt is not None or same_title(item.title, minute.title)):
        return item if item.exempt is not None else None
    words = f" {title_words(minute.title)} "
    return next((other for other in items.values() if other.exempt is not None and f" {title_words(other.title)} " in words), None)
