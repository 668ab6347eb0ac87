"""Minutes match the agenda, and everyone in them is a known person."""

from __future__ import annotations

from committee_papers.agenda import agenda_items, same_title
from committee_papers.checks.references import check_person
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems
from committee_papers.publication import exempt_item_of


def check_minutes(archive: Archive, problems: Problems, today=None) -> None:
    for folder in archive.meetings.values():
        minutes = folder.minutes
        if minutes is None:
            continue
        if folder.meeting and folder.meeting.status != "held":
            problems.add(
                "PAP217",
                minutes.path,
                1,
                1,
                f"the meeting has minutes but its status is `{folder.meeting.status}`",
                "set `status: held` in meeting.yml once the meeting has taken place",
            )
        front, doc = minutes.front, minutes.doc
        if front is not None:
            for field in ("present", "absent", "apologies", "other_members"):
                for index, ref in enumerate(getattr(front, field)):
                    check_person(archive, problems, minutes.path, doc, (field, index), ref, "councillor")
            for absent, substitute in front.substitutes.items():
                check_person(archive, problems, minutes.path, doc, ("substitutes",), absent, "councillor")
                check_person(archive, problems, minutes.path, doc, ("substitutes", absent), substitute, "councillor")
            for index, ref in enumerate(front.officers):
                check_person(archive, problems, minutes.path, doc, ("officers", index), ref, "officer")
            if front.chair:
                check_person(archive, problems, minutes.path, doc, ("chair",), front.chair, "councillor")
        if folder.meeting is None:
            continue  # the agenda could not be read; its problems are reported already
        items = {item.number: item for item in agenda_items(archive, folder)}
        seen: dict[int, int] = {}
        for minute in minutes.minutes:
            if minute.number in seen:
                problems.add(
                    "PAP216",
                    minutes.path,
                    minute.line,
                    4,
                    f"there are two minutes numbered {minute.number} (the first on line {seen[minute.number]})",
                    "each agenda item has one minute",
                )
                continue
            seen[minute.number] = minute.line
            item = items.get(minute.number)
            if item is None:
                problems.add(
                    "PAP211",
                    minutes.path,
                    minute.line,
                    4,
                    f"minute {minute.number} does not match an agenda item: the agenda has {len(items)} items",
                    "number each minute with its item's position on the agenda",
                )
            elif item.exempt is None and (exempt_item := exempt_item_of(minute, items)) is not None:
                problems.add(
                    "PAP224",
                    minutes.path,
                    minute.line,
                    4,
                    f"minute {minute.number} carries the title of agenda item {exempt_item.number}, which is exempt, so it is withheld from the public as that item's minute",
                    f"number the minute {exempt_item.number}, the exempt item's number, or give it the title of agenda item {minute.number}",
                )
            elif item.kind in ("report", "item", "planned") and not same_title(item.title, minute.title):
                problems.add(
                    "PAP212",
                    minutes.path,
                    minute.line,
                    4 + len(str(minute.number)) + 2,
                    f"minute {minute.number} is titled `{minute.title}`, but agenda item {minute.number} is `{item.title}`",
                    "check the minute is numbered for the right item, and use the item's title",
                )
