"""Supplementary agendas: items added, and reports revised, after an agenda was published.

Each date on which something went out late is one supplement, numbered in date
order: "Supplementary Agenda 1", "2"... with its own front sheet and pack. The
original pack keeps the items that were on the agenda when it was published.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from committee_papers.agenda import AgendaItem


@dataclass
class Supplement:
    number: int
    date: dt.date
    items: list[AgendaItem] = field(default_factory=list)

    def reason(self, item: AgendaItem) -> str | None:
        if item.added == self.date:
            return item.urgency
        revision = revision_of(item)
        return revision.reason if revision is not None else None

    @property
    def title(self) -> str:
        return f"Supplementary Agenda {self.number}"


def revision_of(item: AgendaItem):
    """The report's revision, or the day a report that was "to follow" on the published agenda went out."""
    report = item.report.report if item.report else None
    if report is None:
        return None
    return report.revised or report.followed


def followed_late(item: AgendaItem, published: dt.date | None) -> bool:
    """The item's report was "to follow" when the agenda was published, and went out later in a supplement."""
    report = item.report.report if item.report else None
    followed = report.followed if report is not None else None
    return published is not None and followed is not None and followed.date > published


def added_late(item: AgendaItem, published: dt.date | None) -> bool:
    return published is not None and item.added is not None and item.added > published


def supplements(items: list[AgendaItem], published: dt.date | None) -> list[Supplement]:
    if published is None:
        return []
    dates: dict[dt.date, list[AgendaItem]] = {}
    for item in items:
        if added_late(item, published):
            dates.setdefault(item.added, []).append(item)
        revision = revision_of(item)
        if revision is not None and revision.date > published and not added_late(item, published):
            dates.setdefault(revision.date, []).append(item)
    return [Supplement(number, day, sorted(found, key=lambda i: i.number)) for number, (day, found) in enumerate(sorted(dates.items()), start=1)]


def original_items(items: list[AgendaItem], published: dt.date | None) -> list[AgendaItem]:
    """The items of the agenda as first published."""
    return [item for item in items if not added_late(item, published)]
