"""Clear working days, as the access-to-information rules count them.

"Clear" days exclude the day of publication and the day of the meeting
(R v Swansea City Council ex p Elitestone, 1993); working days also exclude
weekends and the bank holidays of the council's nation, and any day the
council lists in `closure_days`.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays

SUBDIVISION = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern-ireland": "NIR"}
REQUIRED_CLEAR_WORKING_DAYS = {"england": 5, "wales": 5, "northern-ireland": 5, "scotland": 3}


@cache
def _bank_holidays(jurisdiction: str, year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv=SUBDIVISION[jurisdiction], years=[year]))


def is_working_day(day: dt.date, jurisdiction: str, closures: frozenset[dt.date] = frozenset()) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(jurisdiction, day.year) and day not in closures


def clear_working_days(published: dt.date, meeting: dt.date, jurisdiction: str, closures: frozenset[dt.date] = frozenset()) -> int:
    """Working days strictly between publication and the meeting."""
    days = 0
    day = published + dt.timedelta(days=1)
    while day < meeting:
        days += is_working_day(day, jurisdiction, closures)
        day += dt.timedelta(days=1)
    return days


def latest_publication(meeting: dt.date, required: int, jurisdiction: str, closures: frozenset[dt.date] = frozenset()) -> dt.date:
    """The last day on which the agenda can be published and still leave `required` clear working days."""
    day = meeting - dt.timedelta(days=1)
    counted = 0
    while day > dt.date.min + dt.timedelta(days=required + 30):
        if is_working_day(day, jurisdiction, closures):
            counted += 1
            if counted == required:
                return day - dt.timedelta(days=1)
        day -= dt.timedelta(days=1)
    return dt.date.min  # a meeting in the first days of the calendar: no earlier day to name


def last_publication_day(meeting: dt.date, jurisdiction: str, closures: frozenset[dt.date] = frozenset()) -> dt.date:
    """The last day the office is open on which the agenda can go out in time for the meeting."""
    latest = latest_publication(meeting, REQUIRED_CLEAR_WORKING_DAYS[jurisdiction], jurisdiction, closures)
    while latest > dt.date.min and not is_working_day(latest, jurisdiction, closures):
        latest -= dt.timedelta(days=1)
    return latest


def clear_days(earlier: dt.date, later: dt.date) -> int:
    """Calendar days strictly between two dates (for the 28 clear days of the forward plan)."""
    return (later - earlier).days - 1
