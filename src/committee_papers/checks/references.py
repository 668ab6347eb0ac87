"""People and committee ids resolve; folders are named for their meeting."""

from __future__ import annotations

from committee_papers.checks.locate import did_you_mean, key, value
from committee_papers.loading.archive import MEETING_ID
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems
from committee_papers.yamlsource import YamlDoc


def check_person(archive: Archive, problems: Problems, file, doc: YamlDoc | None, path: tuple, ref, role: str = "any") -> None:
    """An id must name a person in people.yml, and a councillor where a councillor is needed."""
    if not isinstance(ref, str) or "people.yml" in archive.unreadable:
        return
    councillors, officers = archive.people.councillors, archive.people.officers
    line, column = value(doc, *path)
    if ref not in councillors and ref not in officers:
        pool = councillors if role == "councillor" else officers if role == "officer" else {**councillors, **officers}
        problems.add(
            "PAP200",
            file,
            line,
            column,
            f"`{ref}` is not a person in people.yml",
            did_you_mean(ref, pool, "people.yml") if pool else "add the person to papers/people.yml",
        )
    elif role == "councillor" and ref not in councillors:
        problems.add("PAP218", file, line, column, f"`{ref}` is an officer, but a councillor is needed here")
    elif role == "officer" and ref not in officers:
        problems.add("PAP218", file, line, column, f"`{ref}` is a councillor, but an officer is needed here")


def check_people_file(archive: Archive, problems: Problems, today=None) -> None:
    both = set(archive.people.councillors) & set(archive.people.officers)
    for person in sorted(both):
        line, column = key(archive.people_doc, "officers", person)
        problems.add(
            "PAP219",
            archive.papers / "people.yml",
            line,
            column,
            f"`{person}` is both a councillor and an officer",
            "give one of them a different id, for example adding a middle initial",
        )


def check_committees(archive: Archive, problems: Problems, today=None) -> None:
    for cid, committee in archive.committees.items():
        file = archive.papers / "committees" / f"{cid}.yml"
        doc = archive.committee_docs[cid]
        for field in ("chair", "vice_chair"):
            ref = getattr(committee, field)
            check_person(archive, problems, file, doc, (field,), ref, "councillor")
            if ref and ref not in committee.members and ref in archive.people.councillors:
                line, column = value(doc, field)
                problems.add("PAP220", file, line, column, f"the {field.replace('_', '-')} `{ref}` is not in the committee's members")
        for index, member in enumerate(committee.members):
            check_person(archive, problems, file, doc, ("members", index), member, "councillor")
        check_person(archive, problems, file, doc, ("clerk",), committee.clerk, "officer")
        if committee.parent and committee.parent not in archive.committees:
            line, column = value(doc, "parent")
            problems.add(
                "PAP201",
                file,
                line,
                column,
                f"the parent committee `{committee.parent}` does not exist",
                did_you_mean(committee.parent, archive.committees, "committee"),
            )


def check_meeting_folders(archive: Archive, problems: Problems, today=None) -> None:
    for folder in archive.meetings.values():
        meeting, doc = folder.meeting, folder.doc
        file = folder.path / "meeting.yml"
        match = MEETING_ID.match(folder.id)
        if not match:
            problems.add(
                "PAP202",
                folder.path,
                1,
                1,
                f"the meeting folder `{folder.id}` is not named YYYY-MM-DD-<committee id>",
                "rename it, for example 2026-09-22-planning-committee",
            )
        if meeting is None:
            continue
        known = meeting.committee in archive.committees or meeting.committee in archive.unreadable
        if not known:
            line, column = value(doc, "committee")
            problems.add(
                "PAP201",
                file,
                line,
                column,
                f"there is no committee `{meeting.committee}`",
                did_you_mean(meeting.committee, archive.committees, "committee"),
            )
        if match and known:
            if match.group(1) != meeting.date.isoformat():
                line, column = value(doc, "date")
                problems.add(
                    "PAP202",
                    file,
                    line,
                    column,
                    f"the meeting's date {meeting.date.isoformat()} differs from its folder name `{folder.id}`",
                    "make the date and the folder name agree; the folder name is the meeting's web address",
                )
            folder_committee = folder.id[len(match.group(1)) + 1 :]
            if folder_committee != meeting.committee and not (
                folder_committee.startswith(meeting.committee + "-") and folder_committee[len(meeting.committee) + 1 :].isdigit()
            ):
                line, column = value(doc, "committee")
                problems.add(
                    "PAP202",
                    file,
                    line,
                    column,
                    f"the meeting's committee `{meeting.committee}` differs from its folder name `{folder.id}`",
                    "make the committee and the folder name agree",
                )
        for index, entry in enumerate(meeting.agenda or []):
            if entry.kind == "planned" and entry.lead is not None:
                check_person(archive, problems, file, doc, ("agenda", index, "lead"), entry.lead)
            if entry.kind == "planned" and not isinstance(entry.key_decision, bool):
                check_person(archive, problems, file, doc, ("agenda", index, "key_decision", "lead_member"), entry.key_decision.lead_member, "councillor")
        for other in folder.other_files:
            problems.add("PAP010", other, 1, 1, f"`{other.name}` is not a file the papers format uses and will be ignored")


def check_report_people(archive: Archive, problems: Problems, today=None) -> None:
    for folder in archive.meetings.values():
        for report in folder.reports.values():
            if report.report is None:
                continue
            for field in ("signed_by", "contact"):
                check_person(archive, problems, report.path, report.doc, (field,), getattr(report.report, field))
            if report.report.key_decision is not None:
                check_person(archive, problems, report.path, report.doc, ("key_decision", "lead_member"), report.report.key_decision.lead_member, "councillor")
