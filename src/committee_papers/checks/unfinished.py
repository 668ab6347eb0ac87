"""What a clerk forgets: placeholders left in a finished report, an agenda not published in time."""

from __future__ import annotations

import datetime as dt

from committee_papers.checks.locate import key
from committee_papers.model.archive import Archive, ReportFile
from committee_papers.placeholders import in_lines, in_values
from committee_papers.problems import Problems
from committee_papers.working_days import last_publication_day

# An agenda is "due" from this long before the last day it can lawfully be published.
PUBLICATION_WINDOW = dt.timedelta(days=14)
_SHOWN = 60


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "…"


def check_placeholders(archive: Archive, report_file: ReportFile, problems: Problems) -> None:
    """A report that is not a draft has no `TBC` placeholder left, in any front matter value or the body."""
    report = report_file.report
    if report is None or report.status == "draft" or report_file.doc is None:
        return
    path = report_file.path
    hint = "write the words the placeholder asks for, or set `status: draft` until the report is ready"
    for where, text in in_values(report_file.doc.data):
        if where[:1] == ("comments",) and len(where) > 1 and where[1] in report.comments and report.comments[where[1]].unsigned:
            continue  # an unsigned comment is reported once, as PAP409
        line, column = report_file.doc.value_at(where)
        problems.add("PAP430", path, line, column, f"{_name(where)} still holds the placeholder “{_shown(text)}”", hint)
    for index, column, text in in_lines(report_file.body):
        problems.add("PAP430", path, report_file.body_line + index, column + 1, f"the text still holds the placeholder “{_shown(text[column:])}”", hint)


def _name(where: tuple) -> str:
    """`recommendations` (item 1), `signed_by.name`: a front matter value as the author finds it."""
    keys = ".".join(str(part) for part in where if not isinstance(part, int))
    items = "".join(f" (item {part + 1})" for part in where if isinstance(part, int))
    return f"`{keys}`{items}"


def check_unpublished(archive: Archive, problems: Problems, today: dt.date) -> None:
    """A scheduled meeting whose agenda is due, or overdue, and not yet recorded as published."""
    jurisdiction = archive.council.jurisdiction if archive.council else "england"
    closures = frozenset(archive.council.closure_days) if archive.council else frozenset()
    for folder in archive.meetings.values():
        meeting = folder.meeting
        if meeting is None or meeting.status != "scheduled" or meeting.published is not None or today > meeting.date:
            continue
        latest = last_publication_day(meeting.date, jurisdiction, closures)
        if today < latest - PUBLICATION_WINDOW:
            continue
        line, column = key(folder.doc, "date")
        when = f"{latest:%a} {latest.day} {latest:%b %Y}"
        meets = f"{meeting.date:%a} {meeting.date.day} {meeting.date:%b %Y}"
        if today <= latest:
            message = f"the agenda for the meeting on {meets} is not yet published: the last day to publish it is {when}"
        else:
            message = f"the agenda for the meeting on {meets} is not published, and the last lawful day to publish it was {when}"
        problems.add(
            "PAP431",
            folder.path / "meeting.yml",
            line,
            column,
            message,
            f"publish the agenda and record the day: `papers meeting publish {folder.id} --on YYYY-MM-DD`",
        )
