"""The statutory rules: publication, urgency, exempt information, key decisions, comments, attendance (resolutions: checks/resolutions.py)."""

from __future__ import annotations

import datetime as dt

from committee_papers.agenda import agenda_items
from committee_papers.checks.locate import key, value
from committee_papers.exemption import valid_paragraphs
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems, registry
from committee_papers.working_days import REQUIRED_CLEAR_WORKING_DAYS, clear_days, clear_working_days, last_publication_day

FORWARD_PLAN_CLEAR_DAYS = 28


def _jurisdiction(archive: Archive) -> str:
    return archive.council.jurisdiction if archive.council else "england"


def _closures(archive: Archive) -> frozenset[dt.date]:
    return frozenset(archive.council.closure_days) if archive.council else frozenset()


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def check_publication(archive: Archive, problems: Problems, today: dt.date) -> None:
    """Agendas go out at least five clear working days before the meeting (three in Scotland)."""
    jurisdiction = _jurisdiction(archive)
    required = REQUIRED_CLEAR_WORKING_DAYS[jurisdiction]
    closures = _closures(archive)
    for folder in archive.meetings.values():
        meeting = folder.meeting
        if meeting is None or meeting.status == "cancelled":
            continue
        file = folder.path / "meeting.yml"
        if meeting.published is None:
            if meeting.status == "held":
                line, column = key(folder.doc, "status")
                problems.add(
                    "PAP401",
                    file,
                    line,
                    column,
                    "the meeting was held but meeting.yml does not say when its agenda was published",
                    "add `published: YYYY-MM-DD`, the day the agenda went out",
                )
            continue
        line, column = value(folder.doc, "published")
        if meeting.published >= meeting.date:
            problems.add("PAP400", file, line, column, "the agenda is published on or after the day of the meeting")
            continue
        clear = clear_working_days(meeting.published, meeting.date, jurisdiction, closures)
        if clear < required:
            latest = last_publication_day(meeting.date, jurisdiction, closures)
            problems.add(
                "PAP400",
                file,
                line,
                column,
                f"the agenda was published on {_day(meeting.published)}, {clear} clear working day{'s' if clear != 1 else ''} "
                f"before the meeting on {_day(meeting.date)}; the law requires {required}",
                f"publish by {_day(latest)} at the latest, or move the meeting; an item that cannot wait needs the chair's reasons for urgency",
            )


def check_late_items(archive: Archive, problems: Problems, today: dt.date) -> None:
    """An item added after the agenda was published needs the chair's recorded reasons for urgency."""
    for folder in archive.meetings.values():
        meeting = folder.meeting
        if meeting is None or not meeting.agenda or meeting.published is None:
            continue
        for index, entry in enumerate(meeting.agenda):
            if entry.added is not None and entry.added > meeting.published and not (entry.urgency or "").strip():
                line, column = value(folder.doc, "agenda", index, "added")
                problems.add(
                    "PAP402",
                    folder.path / "meeting.yml",
                    line,
                    column,
                    f"agenda item {index + 1} was added on {_day(entry.added)}, after the agenda was published, with no reasons for urgency",
                    "record the chair's reasons in `urgency:` on the item",
                )


def check_revisions(archive: Archive, problems: Problems, today: dt.date) -> None:
    """A report revised after publication goes out as a supplement, with the chair's reasons recorded."""
    for folder in archive.meetings.values():
        published = folder.meeting.published if folder.meeting else None
        for report in folder.reports.values():
            for name, what in (("revised", "revised"), ("followed", "sent out")):
                revision = getattr(report.report, name) if report.report else None
                if revision is None or published is None or revision.date <= published:
                    continue
                if not (revision.reason or "").strip():
                    line, column = key(report.doc, name)
                    problems.add(
                        "PAP402",
                        report.path,
                        line,
                        column,
                        f"the report was {what} on {_day(revision.date)}, after the agenda was published, with no reasons for urgency",
                        f"record the chair's reasons in `reason:` under `{name}:`",
                    )


def _exempt_problems(archive: Archive, problems: Problems, file, doc, path: tuple, exempt, what: str) -> None:
    jurisdiction = _jurisdiction(archive)
    allowed = valid_paragraphs(jurisdiction)
    for index, number in enumerate(exempt.paragraphs):
        if number not in allowed:
            line, column = value(doc, *path, "paragraphs", index)
            problems.add(
                "PAP403",
                file,
                line,
                column,
                f"{what} relies on paragraph {number}, which is not an exempt category in {jurisdiction.replace('-', ' ').title()}",
                f"use one of paragraphs {allowed[0]} to {allowed[-1]}",
            )
    for field, words in (("reason", "the reason it is exempt"), ("public_interest", "the public interest test")):
        if not (getattr(exempt, field) or "").strip():
            line, column = key(doc, *path)
            problems.add(
                "PAP404",
                file,
                line,
                column,
                f"{what} is exempt but does not record {words}",
                f"add `{field}:` under `exempt:`",
            )


def check_exempt(archive: Archive, problems: Problems, today: dt.date) -> None:
    for folder in archive.meetings.values():
        for report in folder.reports.values():
            if report.report is None:
                continue
            if report.report.exempt is not None:
                _exempt_problems(archive, problems, report.path, report.doc, ("exempt",), report.report.exempt, "the report")
            for index, appendix in enumerate(report.report.appendices):
                if appendix.exempt is not None:
                    _exempt_problems(
                        archive, problems, report.path, report.doc, ("appendices", index, "exempt"), appendix.exempt, f"appendix {appendix.title!r}"
                    )
        meeting = folder.meeting
        if meeting is None:
            continue
        file = folder.path / "meeting.yml"
        for index, entry in enumerate(meeting.agenda or []):
            if entry.kind in ("item", "planned") and entry.exempt is not None:
                _exempt_problems(archive, problems, file, folder.doc, ("agenda", index, "exempt"), entry.exempt, f"agenda item {index + 1}")
        if meeting.agenda is None:
            continue
        exclusion = next((i for i, e in enumerate(meeting.agenda) if e.kind == "exclusion"), None)
        for item in agenda_items(archive, folder):
            if item.exempt is None or item.index is None:
                continue
            if exclusion is None or item.index < exclusion:
                line, column = value(folder.doc, "agenda", item.index)
                problems.add(
                    "PAP405",
                    file,
                    line,
                    column,
                    f"agenda item {item.number} is exempt but is not placed after the motion to exclude the public",
                    "put `- exclusion` on the agenda before the exempt items, and the exempt items last",
                )


def check_key_decisions(archive: Archive, problems: Problems, today: dt.date) -> None:
    """A key decision is on the forward plan at least 28 clear days before it is taken."""
    for folder in archive.meetings.values():
        if folder.meeting is None:
            continue
        for report in folder.reports.values():
            decision = report.report.key_decision if report.report else None
            if decision is None or decision.general_exception or decision.special_urgency:
                continue
            if decision.forward_plan_published is None:
                line, column = key(report.doc, "key_decision")
                problems.add(
                    "PAP406",
                    report.path,
                    line,
                    column,
                    f"the key decision {decision.forward_plan} does not say when it was published on the forward plan",
                    "add `forward_plan_published: YYYY-MM-DD` under `key_decision:`",
                )
                continue
            days = clear_days(decision.forward_plan_published, folder.meeting.date)
            if days < FORWARD_PLAN_CLEAR_DAYS:
                line, column = value(report.doc, "key_decision", "forward_plan_published")
                latest = folder.meeting.date - dt.timedelta(days=FORWARD_PLAN_CLEAR_DAYS + 1)
                problems.add(
                    "PAP406",
                    report.path,
                    line,
                    column,
                    f"the key decision was published on the forward plan {days} clear days before the meeting; 28 are required",
                    f"it needed to be on the forward plan by {_day(latest)}; otherwise record `general_exception: true` or `special_urgency: true` with the notices those need",
                )


def _published_on(folder, report) -> dt.date | None:
    """The day a report went out: with the agenda, or later in a supplement if it was added or revised."""
    meeting = folder.meeting
    published = meeting.published if meeting else None
    if published is None:
        return None
    added = next((e.added for e in meeting.agenda or [] if e.kind == "report" and e.report == report.id), None)
    if added is not None and added > published:
        return added
    for later in (report.report.revised, report.report.followed):
        if later is not None and later.date > published:
            return later.date
    return published


def check_comments(archive: Archive, problems: Problems, today: dt.date) -> None:
    """Every comment signed with initials and a date, on or before publication, and not in the future."""
    for folder in archive.meetings.values():
        for report in folder.reports.values():
            if report.report is None:
                continue
            published = _published_on(folder, report)
            for name, comment in report.report.comments.items():
                line, column = key(report.doc, "comments", name)
                if comment.unsigned:
                    problems.add(
                        "PAP409",
                        report.path,
                        line,
                        column,
                        f"the {name} comment has not been signed yet",
                        "the clearing officer replaces `by: TBC` with their initials and adds the date and their comment",
                    )
                    continue
                if not (comment.by or "").strip():
                    problems.add("PAP104", report.path, line, column, f"comment '{name}' has no initials (`by`)", f"add `by: INITIALS` to comments.{name}")
                if comment.date is None:
                    problems.add("PAP103", report.path, line, column, f"comment '{name}' has no date", f"add `date: YYYY-MM-DD` to comments.{name}")
                if not (comment.text or "").strip():
                    problems.add("PAP105", report.path, line, column, f"comment '{name}' has no text", f"add `text: ...` to comments.{name}")
                if comment.date is None:
                    continue
                where = value(report.doc, "comments", name, "date")
                if comment.date > today:
                    problems.add(
                        "PAP408",
                        report.path,
                        *where,
                        f"the {name} comment is dated {_day(comment.date)}, which is in the future",
                        "correct the date: a comment is dated the day it was given",
                    )
                elif published is not None and comment.date > published:
                    problems.add(
                        "PAP407",
                        report.path,
                        *where,
                        f"the {name} comment is dated {_day(comment.date)}, after the agenda was published on {_day(published)}",
                        "a report is cleared before it is published; check the date, or publish the report as a supplement",
                    )


def check_attendance(archive: Archive, problems: Problems, today: dt.date) -> None:
    """Those recorded present are members of the committee, named substitutes, or listed as other members."""
    for folder in archive.meetings.values():
        minutes, meeting = folder.minutes, folder.meeting
        if minutes is None or minutes.front is None or meeting is None:
            continue
        committee = archive.committees.get(meeting.committee)
        if committee is None:
            continue
        front = minutes.front
        allowed = set(committee.members) | set(front.substitutes.values())
        for index, pid in enumerate(front.present):
            if pid not in allowed and pid not in front.other_members:
                line, column = value(minutes.doc, "present", index)
                problems.add(
                    "PAP412",
                    minutes.path,
                    line,
                    column,
                    f"`{pid}` is recorded as present but is neither a member of the {committee.name} nor a named substitute",
                    "record them under `substitutes:` (for the member they replaced) or `other_members:`",
                )
        for field in ("absent", "apologies"):
            for index, pid in enumerate(getattr(front, field)):
                if pid not in committee.members:
                    line, column = value(minutes.doc, field, index)
                    problems.add(
                        "PAP412",
                        minutes.path,
                        line,
                        column,
                        f"`{pid}` is recorded under {field} but is not a member of the {committee.name}",
                        "only members of the committee are recorded as absent or sending apologies",
                    )


def check_rule_settings(archive: Archive, problems: Problems, today: dt.date) -> None:
    """`rules:` in council.yml may change or switch off rules, not the checks that keep the papers readable."""
    if archive.council is None:
        return
    codes = registry()
    for code in archive.council.rules:
        line, column = key(archive.council_doc, "rules", code)
        if code not in codes:
            problems.add("PAP413", archive.papers / "council.yml", line, column, f"there is no rule {code}", "run `papers explain` to list the codes")
        elif not codes[code].configurable:
            problems.add(
                "PAP413",
                archive.papers / "council.yml",
                line,
                column,
                f"{code} ({codes[code].title.lower()}) cannot be changed: the papers could not be read or published safely without it",
                f"remove {code} from `rules:`",
            )
