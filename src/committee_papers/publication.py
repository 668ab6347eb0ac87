"""What may be published, and when: the rules every public output obeys.

Public outputs are built only from what these functions allow. Exempt content
is never passed to a public renderer at all, so no template can leak it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from committee_papers.model.archive import MeetingFolder, ReportFile

PUBLISHABLE = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".csv"}  # files a paper may link to or show


def build_date() -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
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
        followed = report.report.followed
        if followed is not None and followed.date > self.today:
            return False  # a report to follow goes out with its supplement, on its date
        return report.report.status != "draft"

    def report_to_follow(self, folder: MeetingFolder, report: ReportFile | None) -> bool:
        """On a published agenda, an item whose report is still a draft, or is to follow later: "Report to follow"."""
        if report is None or report.report is None or self.drafts or not self.agenda_published(folder):
            return False
        followed = report.report.followed
        return report.report.status == "draft" or (followed is not None and followed.date > self.today)

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
    it records, if not always exactly ("Disposal of Kelmscott Depot" for "Disposal of
    the Kelmscott Depot", a typing slip, the public "Exempt item" for a title that is
    itself exempt); it is withheld as that item's minute (and `papers check` reports
    it, PAP224). A minute whose title is closer to its own item's than to any exempt
    item's is its own item's minute.
    """
    from committee_papers.agenda import same_title

    item = items.get(minute.number)
    if item is not None and (item.exempt is not None or same_title(item.title, minute.title)):
        return item if item.exempt is not None else None
    own = _likeness(minute.title, item.title) if item is not None else 0.0
    candidates = [
        (_likeness(minute.title, other.title, other), -abs(other.number - minute.number), other) for other in items.values() if other.exempt is not None
    ]
    best = max(candidates, key=lambda c: c[:2], default=None)
    return best[2] if best is not None and best[0] >= _LIKE and best[0] > own else None


def carries_title(title: str, item, sentence_ok: bool = True) -> bool:
    """Whether a minute (or a line that looks like a minute heading) titled so carries the item's title.

    Without `sentence_ok`, a longer sentence holding the title ("That the minutes of the
    meeting held on … be confirmed") does not carry it: the line must be the title.
    """
    return _likeness(title, item.title, item, sentence_ok, at_least=_LIKE) >= _LIKE


_LIKE = 0.8  # how alike two titles must be to be one item's (difflib's ratio: 1.0 is the same words)
_PLACEHOLDER = re.compile(r"exempt item(?: \d+)?")
_SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"}


def _likeness(minute_title: str, title: str, item=None, sentence_ok: bool = True, at_least: float = 0.0) -> float:
    """How alike a minute's title is to an item's, from 0 to 1 (1: it carries the item's title); 0 when that is
    certainly below `at_least` (difflib's quick upper bounds, so that many lines are compared quickly)."""
    from difflib import SequenceMatcher

    from committee_papers.agenda import title_words

    words, other = title_words(minute_title), title_words(title)
    if not words or not other:
        return 0.0
    if words == other or (sentence_ok and f" {other} " in f" {words} "):
        return 1.0
    if item is not None and _PLACEHOLDER.fullmatch(words) and getattr(item.exempt, "title_exempt", False):
        return 1.0  # the words the public sees for a title that is itself exempt
    significant, of_title = set(words.split()) - _SMALL_WORDS, set(other.split()) - _SMALL_WORDS
    if len(significant) >= 2 and significant <= of_title and 2 * len(significant) >= len(of_title):
        return 0.9  # the item's title shortened: "Kelmscott Depot" for "Disposal of the Kelmscott Depot"
    matcher = SequenceMatcher(None, words, other)
    if at_least and (matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least):
        return 0.0
    return matcher.ratio()
