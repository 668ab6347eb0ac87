"""Browsing meetings by month: one page per month, a calendar table with links to the months either side."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from committee_papers.pages import urls
from committee_papers.pages.site import MeetingView

WEEKDAYS = list(calendar.day_name)  # Monday first


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def calendar_months(site) -> list[tuple[int, int]]:
    """Every month from the first meeting's to the last's (and this month), so that each has both neighbours."""
    dates = [view.date for view in site.meetings]
    if not dates:
        return []
    return months_between(min(min(dates), site.today), max(max(dates), site.today))


def current_month(site) -> tuple[int, int] | None:
    months = calendar_months(site)
    today = (site.today.year, site.today.month)
    return today if today in months else (months[-1] if months else None)


def month_label(year: int, month: int) -> str:
    return f"{calendar.month_name[month]} {year}"


def weeks(year: int, month: int, meetings: list[MeetingView], today: dt.date) -> list[list[dict]]:
    by_day: dict[dt.date, list[MeetingView]] = defaultdict(list)
    for view in meetings:
        by_day[view.date].append(view)
    rows = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        rows.append(
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "today": day == today,
                    "label": f"{WEEKDAYS[day.weekday()]} {day.day} {calendar.month_name[day.month]}",
                    "meetings": by_day.get(day, []) if day.month == month else [],
                }
                for day in week
            ]
        )
    return rows


def month_pages(renderer) -> list:
    site = renderer.site
    months = calendar_months(site)
    by_month: dict[tuple[int, int], list[MeetingView]] = defaultdict(list)
    for view in site.meetings:
        by_month[(view.date.year, view.date.month)].append(view)
    pages = []
    for index, (year, month) in enumerate(months):
        before = months[index - 1] if index > 0 else None
        after = months[index + 1] if index + 1 < len(months) else None
        meetings = sorted(by_month.get((year, month), []), key=lambda v: (v.date, v.time or "", v.id))
        pages.append(
            renderer.page(
                urls.calendar_month(year, month),
                "pages/calendar-month.html",
                f"Meetings in {month_label(year, month)}",
                [("Home", urls.home()), ("Meetings", urls.meetings())],
                description=f"Committee meetings in {month_label(year, month)}, as a calendar.",
                month=month_label(year, month),
                weekdays=WEEKDAYS,
                weeks=weeks(year, month, meetings, site.today),
                meetings=meetings,
                before=(month_label(*before), urls.calendar_month(*before)) if before else None,
                after=(month_label(*after), urls.calendar_month(*after)) if after else None,
            )
        )
    return pages
