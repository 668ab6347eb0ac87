"""Records that contradict themselves: a person both present and away, an agenda entry twice, committees in a circle."""

from __future__ import annotations

from committee_papers.checks.locate import value
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems

ATTENDANCE = ("present", "absent", "apologies")
ONCE = ("apologies", "declarations", "exclusion")  # agenda entries with one place on an agenda


def check_attendance_lists(archive: Archive, problems: Problems, today=None) -> None:
    """No one is both present and away (absent, or sending apologies), and no one is listed twice in one list.

    Absent and apologies together are fine: a member who sent apologies is absent too.
    """
    for folder in archive.meetings.values():
        minutes = folder.minutes
        if minutes is None or minutes.front is None:
            continue
        present = {pid: index for index, pid in reversed(list(enumerate(minutes.front.present)))}
        for field in ATTENDANCE:
            seen: set[str] = set()
            for index, pid in enumerate(getattr(minutes.front, field)):
                line, column = value(minutes.doc, field, index)
                if pid in seen:
                    problems.add("PAP230", minutes.path, line, column, f"`{pid}` is recorded twice under `{field}`")
                elif field != "present" and pid in present:
                    problems.add("PAP230", minutes.path, line, column, f"`{pid}` is recorded under `present` and under `{field}`")
                seen.add(pid)


def check_single_entries(archive: Archive, problems: Problems, today=None) -> None:
    """`- exclusion`, `- apologies`, `- declarations` and the minutes of one meeting appear once on an agenda."""
    for folder in archive.meetings.values():
        if folder.meeting is None:
            continue
        seen: dict[tuple, int] = {}
        for index, entry in enumerate(folder.meeting.agenda or []):
            if entry.kind in ONCE:
                what, name = (entry.kind,), f"`- {entry.kind}`"
            elif entry.kind == "minutes":
                what, name = ("minutes", entry.minutes), f"the minutes of `{entry.minutes}`"
            else:
                continue
            if what in seen:
                line, column = value(folder.doc, "agenda", index)
                problems.add("PAP231", folder.path / "meeting.yml", line, column, f"{name} is on the agenda twice (items {seen[what] + 1} and {index + 1})")
            else:
                seen[what] = index


def check_committee_parents(archive: Archive, problems: Problems, today=None) -> None:
    """Following `parent:` from any committee ends at a committee with no parent."""
    reported: set[str] = set()
    for start in sorted(archive.committees):
        chain: list[str] = []
        current = start
        while current in archive.committees and current not in chain:
            chain.append(current)
            current = archive.committees[current].parent
        if current is None or current not in chain:
            continue  # reaches the top, or a committee that does not exist (PAP201)
        circle = chain[chain.index(current) :]
        for cid in circle:
            if cid in reported:
                continue
            reported.add(cid)
            line, column = value(archive.committee_docs.get(cid), "parent")
            route = " → ".join([*circle[circle.index(cid) :], *circle[: circle.index(cid)], cid])
            problems.add(
                "PAP232",
                archive.papers / "committees" / f"{cid}.yml",
                line,
                column,
                f"the committee `{cid}` is its own parent" if len(circle) == 1 else f"the committees' parents go round in a circle: {route}",
            )
