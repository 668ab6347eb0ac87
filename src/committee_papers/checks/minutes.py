"""Minutes match the agenda, every exempt item has a minute under its own heading, and everyone in them is a known person."""

from __future__ import annotations

from committee_papers.agenda import agenda_items, same_title
from committee_papers.checks.references import check_person
from committee_papers.minute_ties import heading_slips, untied_exempt_items
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
        check_minute_headings(minutes, items, problems)


def check_minute_headings(minutes, items: dict, problems: Problems) -> None:
    """Lines that look like an item's minute heading but are not read as one (PAP240); exempt items with no minute (PAP241)."""
    for line, item in heading_slips(minutes, items):
        if line.reported:
            continue  # a `##` heading the reader has reported already (PAP213, PAP214, PAP221)
        where = f"minute {line.within}" if line.within is not None else "the text before the first minute"
        problems.add(
            "PAP240",
            minutes.path,
            line.line,
            line.column,
            f"the line `{line.text}` looks like the heading of the minute of item {item.number}, `{item.title}`, but is not read as a heading: "
            f"{line.why}; what follows it is read as part of {where}",
            f"write the heading at the start of its own line as `## {item.number}. {item.title}`, and close any code block, quote, "
            "list or HTML above it; if the line is not a heading, reword it so it does not start with the item's number",
        )
    for item in untied_exempt_items(minutes, items):
        problems.add(
            "PAP241",
            minutes.path,
            1,
            1,
            f"the minutes have no minute for exempt item {item.number}, `{item.title}`, so the public minutes of this meeting are withheld",
            f"write its minute under a heading `## {item.number}. {item.title}`",
        )
