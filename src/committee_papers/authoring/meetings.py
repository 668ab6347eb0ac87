"""A meeting's life: `papers new meeting`, then `papers meeting publish` and `papers meeting held`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from committee_papers.agenda import previous_meeting
from committee_papers.authoring.edit import set_value
from committee_papers.authoring.emit import scalar
from committee_papers.authoring.files import Edit, NewFile, Plan, ScaffoldError, read_text
from committee_papers.authoring.reading import committee, load, meeting_folder, one_line, parse_date, parse_time
from committee_papers.model.archive import Archive, MeetingFolder
from committee_papers.model.meeting import Meeting
from committee_papers.publication import build_date
from committee_papers.working_days import REQUIRED_CLEAR_WORKING_DAYS, clear_working_days, last_publication_day


def day(date: dt.date) -> str:
    """`Tue 2 Mar 2027`, as the check writes dates."""
    return f"{date:%a} {date.day} {date:%b %Y}"


def jurisdiction(archive: Archive) -> str:
    return archive.council.jurisdiction if archive.council else "england"


def closures(archive: Archive) -> frozenset[dt.date]:
    return frozenset(archive.council.closure_days) if archive.council else frozenset()


# --- a new meeting ---------------------------------------------------------------


def new_meeting(root: Path, committee_id: str, date_text: str, time: str | None = None, venue: str | None = None) -> Plan:
    """papers/meetings/<date>-<committee>[-N]/meeting.yml with the committee's defaults and standard items."""
    date = parse_date(date_text)
    time = parse_time(time) if time is not None else None
    venue = one_line(venue, "venue") if venue is not None else None
    archive = load(root)
    found = committee(archive, committee_id)
    folder = _free_meeting_folder(archive.papers / "meetings", f"{date.isoformat()}-{committee_id}")
    this = MeetingFolder(id=folder.name, path=folder, meeting=Meeting(committee=committee_id, date=date), doc=None)
    lines = [f"committee: {committee_id}", f"date: {date.isoformat()}"]
    if time or found.default_time:
        lines.append(f'time: "{time or found.default_time}"')
    if venue or found.default_venue:
        lines.append(f"venue: {scalar(venue or found.default_venue)}")
    lines.append("status: scheduled")
    entries, notes = [], []
    for item in found.standard_items:
        if item == "minutes":
            previous = previous_meeting(archive, this)
            entries += [f"minutes: {previous.id}"] if previous else []
            notes += _minutes_notes(archive, this, previous)
        else:
            entries.append(item)
    # An agenda list even when empty: reports are then named for their titles, and placed by the list, not by file name.
    lines += ["agenda:", *(f"  - {entry}" for entry in entries)] if entries else ["agenda: []"]
    latest = last_publication_day(date, jurisdiction(archive), closures(archive))
    notes.append(f"publish the agenda by {day(latest)} at the latest, with `papers meeting publish {folder.name}`")
    return Plan(files=[NewFile(folder / "meeting.yml", "\n".join(lines) + "\n")], notes=notes)


def _minutes_notes(archive: Archive, this: MeetingFolder, previous: MeetingFolder | None) -> list[str]:
    """A word when the minutes item is missing or older than the committee's latest earlier meeting."""
    earlier = [m for m in archive.meetings_of(this.meeting.committee) if m.meeting.date < this.meeting.date and m.meeting.status != "cancelled"]
    latest = max(earlier, key=lambda m: (m.meeting.date, m.id), default=None)
    if latest is None:
        return ["the agenda has no minutes item: the committee has no earlier meeting"]
    if previous is None:
        return [f"the agenda has no minutes item: {latest.id} is not yet marked `held`; once it is, add `- minutes: {latest.id}`"]
    if latest.id != previous.id:
        return [f"the minutes item names {previous.id}, the last meeting marked `held`; once {latest.id} is held, change it to `- minutes: {latest.id}`"]
    return []


def _free_meeting_folder(meetings: Path, name: str) -> Path:
    candidate, suffix = meetings / name, 1
    while candidate.exists():
        suffix += 1
        candidate = meetings / f"{name}-{suffix}"
    return candidate


# --- publishing the agenda and holding the meeting ---------------------------------


def publish(root: Path, meeting_id: str, on: str | None = None) -> Plan:
    """`published: DATE` added to meeting.yml, provided the date leaves the clear working days the law requires."""
    archive = load(root)
    folder = meeting_folder(archive, meeting_id)
    meeting = folder.meeting
    date = parse_date(on) if on is not None else build_date()
    if meeting.status == "cancelled":
        raise ScaffoldError(f"{meeting_id} was cancelled: there is no agenda to publish")
    if meeting.published is not None:
        raise ScaffoldError(
            f"the agenda of {meeting_id} was already published on {day(meeting.published)}; "
            "if that date is wrong, correct `published:` in its meeting.yml yourself"
        )
    places = jurisdiction(archive), closures(archive)
    latest = last_publication_day(meeting.date, *places)
    if date >= meeting.date:
        raise ScaffoldError(f"{day(date)} is not before the meeting on {day(meeting.date)}; the last day to publish its agenda was {day(latest)}")
    clear = clear_working_days(date, meeting.date, *places)
    required = REQUIRED_CLEAR_WORKING_DAYS[places[0]]
    if clear < required:
        raise ScaffoldError(
            f"publishing on {day(date)} leaves {clear} clear working day{'s' * (clear != 1)} before the meeting on "
            f"{day(meeting.date)}, and the law requires {required}: the last day to publish was {day(latest)}. "
            "Move the meeting, or record the date yourself and treat the business as urgent"
        )
    edit = _edit_meeting(folder, "published", date, ("agenda", "notes"))
    notes = []
    drafts = sorted(r.id for r in folder.reports.values() if r.report is not None and r.report.status == "draft")
    if drafts:
        notes.append("still drafts, so not published with the agenda until set to `status: final`: " + ", ".join(drafts))
    if date > build_date():
        notes.append(f"the agenda appears on the website at the first build on or after {day(date)}")
    return Plan(edits=[edit], notes=notes)


def held(root: Path, meeting_id: str) -> Plan:
    """`status: held` in meeting.yml, once the meeting's day has come."""
    archive = load(root)
    folder = meeting_folder(archive, meeting_id)
    meeting = folder.meeting
    if meeting.status == "held":
        return Plan(notes=[f"{meeting_id} is already marked held; nothing was changed"])
    if meeting.status == "cancelled":
        raise ScaffoldError(f"{meeting_id} was cancelled; if it took place after all, change `status:` in its meeting.yml yourself")
    if meeting.date > build_date():
        raise ScaffoldError(f"the meeting is on {day(meeting.date)}, which has not come yet")
    notes = []
    if meeting.published is None:
        notes.append(f"meeting.yml does not say when the agenda was published: add it with `papers meeting publish {meeting_id} --on DATE`")
    if folder.minutes is None:
        notes.append(f"write the minutes with `papers new minutes {meeting_id}`; they are published once the meeting is held")
    else:
        notes.append("its minutes.md is published at the next build")
    return Plan(edits=[_edit_meeting(folder, "status", "held", ("published", "agenda", "notes"))], notes=notes)


def _edit_meeting(folder: MeetingFolder, key: str, value, before_keys: tuple[str, ...]) -> Edit:
    path = folder.path / "meeting.yml"
    text = read_text(path)
    edited = set_value(text, key, value, before_keys)
    if edited is None:
        raise ScaffoldError(f"{path} could not be changed safely; write `{key}: {scalar(value)}` in it yourself")
    return Edit(path, text, edited, f"Recorded `{key}: {scalar(value)}`")
