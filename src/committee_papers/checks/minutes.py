"""Minutes match the agenda, and everyone in them is a known person."""

from __future__ import annotations

import re

from committee_papers.agenda import agenda_items
from committee_papers.checks.locate import value
from committee_papers.checks.references import check_person
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems

_WORDS = re.compile(r"[^a-z0-9]+")


def _same_title(a: str, b: str) -> bool:
    return _WORDS.sub(" ", a.lower()).strip() == _WORDS.sub(" ", b.lower()).strip()


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
            elif item.kind in ("report", "item", "planned") and not _same_title(item.title, minute.title):
                problems.add(
                    "PAP212",
                    minutes.path,
                    minute.line,
                    4 + len(str(minute.number)) + 2,
                    f"minute {minute.number} is titled `{minute.title}`, but agenda item {minute.number} is `{item.title}`",
                    "check the minute is numbered for the right item, and use the item's title",
                )
