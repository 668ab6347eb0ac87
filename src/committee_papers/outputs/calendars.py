"""iCalendar files: one per meeting, one per committee, and one for everything (Europe/London)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from committee_papers.pages import urls
from committee_papers.pages.site import MeetingView, Site

LONDON = ZoneInfo("Europe/London")
DEFAULT_LENGTH = dt.timedelta(hours=2)


def _start(view: MeetingView) -> dt.datetime | dt.date:
    if not view.time:
        return view.date
    hours, minutes = (int(part) for part in view.time.split(":"))
    return dt.datetime.combine(view.date, dt.time(hours, minutes), tzinfo=LONDON)


def _end(view: MeetingView, start: dt.datetime) -> dt.datetime:
    minutes = view.folder.minutes
    closed = minutes.front.closed_at if minutes and minutes.front else None
    if closed:
        hours, mins = (int(part) for part in closed.split(":"))
        end = dt.datetime.combine(view.date, dt.time(hours, mins), tzinfo=LONDON)
        if end > start:
            return end
    return start + DEFAULT_LENGTH


def event(site: Site, view: MeetingView) -> Event:
    council = site.council
    website = (council.website or "").rstrip("/") if council else ""
    host = website.split("://", 1)[-1] or "committee-papers.invalid"
    item = Event()
    item.add("uid", f"{view.id}@{host}")
    start = _start(view)
    item.add("dtstart", start)
    if isinstance(start, dt.datetime):
        item.add("dtend", _end(view, start))
    stamp = view.meeting.published or view.date
    item.add("dtstamp", dt.datetime.combine(stamp, dt.time(0, 0), tzinfo=dt.UTC))
    name = view.committee.name if view.committee else view.committee_id
    item.add("summary", f"{name}{' (cancelled)' if view.meeting.status == 'cancelled' else ''}")
    if view.venue:
        item.add("location", view.venue)
    if website:
        item.add("url", f"{website}/{urls.meeting(view.id)}")
    description = f"Meeting of the {name}."
    if view.meeting.webcast:
        description += f" Webcast: {view.meeting.webcast}"
    item.add("description", description)
    status = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}.get(view.meeting.status, "CONFIRMED")
    item.add("status", status)
    return item


@lru_cache(maxsize=1)
def _london_timezone():
    """Europe/London as a VTIMEZONE, worked out once: every calendar carries the same one."""
    probe = Calendar()
    happening = Event()
    happening.add("dtstart", dt.datetime(2026, 1, 1, 12, tzinfo=LONDON))
    probe.add_component(happening)
    probe.add_missing_timezones()
    return next(iter(probe.walk("VTIMEZONE")))


_END = b"END:VCALENDAR\r\n"


@lru_cache(maxsize=1)
def _london_timezone_text() -> bytes:
    return _london_timezone().to_ical()


def _one_line(name: str) -> str:
    """A calendar's name is one line; a name written as a YAML block (`name: >`) holds line breaks."""
    return " ".join(name.split())


def calendar(site: Site, views: list[MeetingView], name: str, events: dict[str, bytes] | None = None) -> bytes:
    """A calendar of `views`; each event is serialised once and shared by every calendar that holds it."""
    cal = Calendar()
    cal.add("prodid", "-//committee-papers//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _one_line(name))
    cal.add("x-wr-timezone", "Europe/London")
    head = cal.to_ical()
    assert head.endswith(_END)
    if any(view.time for view in views):
        head = head[: -len(_END)] + _london_timezone_text() + _END
    body = b"".join(events[view.id] if events and view.id in events else event(site, view).to_ical() for view in views)
    return head[: -len(_END)] + body + _END


def all_calendars(site: Site, known: dict[str, bytes] | None = None) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Every calendar file, and each meeting's event (reuse `known` events of unchanged meetings)."""
    council = site.council.name if site.council else "Council"
    known = known or {}
    events = {view.id: known.get(view.id) or event(site, view).to_ical() for view in site.meetings}
    files = {urls.calendar(): calendar(site, site.meetings, f"{council} meetings", events)}
    for cid, committee in site.archive.committees.items():
        files[urls.committee_calendar(cid)] = calendar(site, site.by_committee.get(cid, []), committee.name, events)
    for view in site.meetings:
        files[urls.meeting_calendar(view.id)] = calendar(site, [view], view.title, events)
    return files, events


def forward_plan_calendar(site: Site) -> bytes:
    """Each key decision on the forward plan as an all-day event on the day it is expected."""
    from committee_papers.pages.forward_plan import forward_plan

    council = site.council
    website = (council.website or "").rstrip("/") if council else ""
    host = website.split("://", 1)[-1] or "committee-papers.invalid"
    cal = Calendar()
    cal.add("prodid", "-//committee-papers//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _one_line(f"{council.name if council else 'Council'}: key decisions"))
    for entry in forward_plan(site):
        happening = Event()
        happening.add("uid", f"key-decision-{entry.key}@{host}")
        happening.add("dtstart", entry.expected)
        happening.add("dtstamp", dt.datetime.combine(entry.first_published or entry.expected, dt.time(0, 0), tzinfo=dt.UTC))
        happening.add("summary", f"Key decision: {entry.title}")
        happening.add(
            "description",
            f"Decision maker: {entry.decision_maker}. Reference: {entry.reference or 'not yet given'}. Taken in private: {entry.private}.",
        )
        if website:
            happening.add("url", f"{website}/{urls.forward_plan()}#{entry.anchor}")
        cal.add_component(happening)
    return cal.to_ical()
