"""The agenda names real reports, every report is on it, and minutes point backwards."""

from __future__ import annotations

import re

from committee_papers.checks.locate import did_you_mean, key, value
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems


def check_agendas(archive: Archive, problems: Problems, today=None) -> None:
    for folder in archive.meetings.values():
        meeting = folder.meeting
        if meeting is None or meeting.agenda is None:
            continue
        file = folder.path / "meeting.yml"
        doc = folder.doc
        listed: dict[str, int] = {}
        for index, entry in enumerate(meeting.agenda):
            if entry.kind == "report":
                line, column = value(doc, "agenda", index, "report")
                if entry.report not in folder.reports:
                    problems.add(
                        "PAP203",
                        file,
                        line,
                        column,
                        f"agenda item {index + 1} names the report `{entry.report}`, but there is no {entry.report}.md in this folder",
                        did_you_mean(entry.report, folder.reports, "report"),
                    )
                elif entry.report in listed:
                    problems.add(
                        "PAP205",
                        file,
                        line,
                        column,
                        f"the report `{entry.report}` is on the agenda twice (items {listed[entry.report] + 1} and {index + 1})",
                        "remove one of the entries",
                    )
                listed.setdefault(entry.report, index)
            elif entry.kind == "minutes":
                check_minutes_entry(archive, problems, folder, index, entry.minutes)
        for report_id, report in folder.reports.items():
            if report_id not in listed:
                problems.add(
                    "PAP204",
                    report.path,
                    1,
                    1,
                    f"the report `{report_id}` is in the meeting folder but not on its agenda",
                    f"add `- report: {report_id}` to the agenda in meeting.yml, or move the file out of the folder",
                )
        _check_pack_names(folder, problems)


_PACK_NAME = re.compile(r"agenda-pack|supplement-\d+", re.IGNORECASE)


def _check_pack_names(folder, problems: Problems) -> None:
    """A report named like one of the meeting's packs would be published at the pack's address, and one would replace the other."""
    for report_id, report in folder.reports.items():
        if _PACK_NAME.fullmatch(report_id):
            problems.add(
                "PAP227",
                report.path,
                1,
                1,
                f"the report `{report_id}` would be published as `{report_id}.pdf`, the address of the meeting's "
                + ("agenda pack" if report_id.lower() == "agenda-pack" else "supplementary agenda")
                + ", so one would replace the other",
                f"rename the file, for example to `{report_id}-report.md`, and its entry on the agenda",
            )


def check_minutes_entry(archive: Archive, problems: Problems, folder, index: int, meeting_id: str) -> None:
    file = folder.path / "meeting.yml"
    line, column = value(folder.doc, "agenda", index, "minutes")
    other = archive.meetings.get(meeting_id)
    if other is None:
        problems.add(
            "PAP206",
            file,
            line,
            column,
            f"agenda item {index + 1} approves the minutes of `{meeting_id}`, but there is no such meeting",
            did_you_mean(meeting_id, archive.meetings, "meeting folder"),
        )
        return
    if other.meeting is None:
        return
    this = folder.meeting
    if other.meeting.committee not in archive.committees:
        return  # reported where that meeting names its committee
    if other.meeting.committee != this.committee:
        problems.add(
            "PAP207",
            file,
            line,
            column,
            f"`{meeting_id}` is a meeting of another committee ({other.meeting.committee})",
            "a committee approves the minutes of its own earlier meeting",
        )
    elif other.meeting.date > this.date or other.id == folder.id:
        problems.add(
            "PAP207",
            file,
            line,
            column,
            f"`{meeting_id}` is not an earlier meeting than this one",
            "name the committee's previous meeting",
        )


def check_required_comments(archive: Archive, problems: Problems, today=None) -> None:
    required = archive.council.required_comments if archive.council else []
    for folder in archive.meetings.values():
        for report in folder.reports.values():
            if report.report is None:
                continue
            for name in required:
                if name not in report.report.comments:
                    where = ("comments",) if report.doc and ("comments",) in report.doc.keys else ()
                    line, column = key(report.doc, *where) if where else (2, 1)
                    problems.add(
                        "PAP215",
                        report.path,
                        line,
                        column,
                        f"the report has no {name} comment, which the council requires",
                        f"ask the clearing officer for their comment and add it under comments.{name} with `by`, `date` and `text`",
                    )
