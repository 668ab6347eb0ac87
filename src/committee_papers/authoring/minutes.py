"""`papers new minutes`: a minute for each agenda item, the attendance, and the year's next resolution numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from committee_papers.agenda import AgendaItem, agenda_items, long_date
from committee_papers.authoring.emit import Inline, front_matter
from committee_papers.authoring.files import NewFile, Plan, ScaffoldError
from committee_papers.authoring.reading import committee, load, meeting_folder, person
from committee_papers.exemption import categories
from committee_papers.model.archive import Archive, MeetingFolder
from committee_papers.placeholders import is_placeholder
from committee_papers.publication import municipal_year


def new_minutes(
    root: Path,
    meeting_id: str,
    apologies: tuple[str, ...] = (),
    absent: tuple[str, ...] = (),
    substitutes: tuple[tuple[str, str], ...] = (),
    officers: tuple[str, ...] = (),
) -> Plan:
    archive = load(root)
    folder = meeting_folder(archive, meeting_id)
    path = folder.path / "minutes.md"
    if path.exists() or path.is_symlink():
        raise ScaffoldError(f"{meeting_id} already has minutes.md; it was left as it was")
    front = attendance(archive, folder, apologies, absent, dict(substitutes), officers)
    numbers = ResolutionNumbers(archive, folder)
    items = agenda_items(archive, folder)
    minutes = [_minute(archive, item, items, numbers, front) for item in items]
    plan = Plan(files=[NewFile(path, front_matter(front) + "\n" + "\n\n".join(minutes) + "\n")])
    plan.notes.append("check every minute against your notes of the meeting: who was there, the declarations and what was decided")
    if folder.meeting.status != "held":
        plan.notes.append(f"the minutes are published once the meeting is marked held: `papers meeting held {meeting_id}`")
    plan.notes += numbers.notes()
    return plan


# --- attendance --------------------------------------------------------------------


def attendance(
    archive: Archive, folder: MeetingFolder, apologies: tuple[str, ...], absent: tuple[str, ...], substitutes: dict[str, str], officers: tuple[str, ...]
) -> dict[str, Any]:
    """The front matter: the committee's members present unless absent, their substitutes, the clerk and officers named."""
    found = committee(archive, folder.meeting.committee)
    members = list(found.members)
    away = list(dict.fromkeys((*apologies, *absent)))
    for who in away:
        if who not in members:
            person(archive, who, "councillor", "member sending apologies or absent")
            raise ScaffoldError(f"`{who}` is not a member of the {found.name}; its members are {', '.join(members) or 'not listed'}")
    for member, substitute in substitutes.items():
        if member not in away:
            raise ScaffoldError(f"`{member}` has a substitute but is not among the absent members; give --apologies {member} or --absent {member} too")
        person(archive, substitute, "councillor", "substitute")
        if substitute in members:
            raise ScaffoldError(f"`{substitute}` is a member of the {found.name}, so cannot be a substitute on it")
    present = [m for m in members if m not in away] + [s for s in substitutes.values() if s not in members]
    front: dict[str, Any] = {}
    chair = next((c for c in (found.chair, found.vice_chair) if c and c in present), None)
    if chair:
        front["chair"] = chair
    front["present"] = Inline(present)
    if away:
        front["absent"] = Inline(away)
    if apologies:
        front["apologies"] = Inline(dict.fromkeys(apologies))
    if substitutes:
        front["substitutes"] = dict(substitutes)
    staff = [person(archive, o, "officer", "officer in attendance") for o in officers]
    if found.clerk and found.clerk in archive.people.officers:
        staff.insert(0, found.clerk)
    if staff:
        front["officers"] = Inline(dict.fromkeys(staff))
    return front


def _councillors(archive: Archive, ids) -> str:
    names = [f"Councillor {archive.person_name(i) or i}" for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --- the minutes -----------------------------------------------------------------


def _minute(archive: Archive, item: AgendaItem, items: list[AgendaItem], numbers: ResolutionNumbers, front: dict[str, Any]) -> str:
    parts = [f"## {item.number}. {item.title}"]
    if item.kind == "minutes":
        held = archive.meetings[item.minutes_of].meeting.date if item.minutes_of in archive.meetings else None
        when = f"the meeting held on {long_date(held)}" if held else "the previous meeting"
        parts.append(numbers.block([f"That the minutes of {when} be confirmed as a correct record and signed by the Chair."]))
    elif item.kind == "apologies":
        parts.append(_apologies(archive, front))
    elif item.kind == "declarations":
        parts.append("There were no declarations of interests.")
    elif item.kind == "exclusion":
        parts.append(numbers.block([_exclusion(archive, [i.exempt for i in items if i.number > item.number and i.exempt])]))
    elif item.kind == "report" and item.report and item.report.report:
        report = item.report.report
        who = f" of the {report.report_of}" if report.report_of and not is_placeholder(report.report_of) else ""
        parts.append(f"The committee considered the report{who}.")
        parts.append(numbers.block(_resolutions(report)))
    return "\n\n".join(parts)


def _apologies(archive: Archive, front: dict[str, Any]) -> str:
    sent = front.get("apologies") or []
    text = f"Apologies for absence were received from {_councillors(archive, sent)}." if sent else "There were no apologies for absence."
    for member, substitute in (front.get("substitutes") or {}).items():
        text += f" {_councillors(archive, [substitute])} attended as a substitute for {_councillors(archive, [member])}."
    return text


def _exclusion(archive: Archive, following: list) -> str:
    """The motion to exclude the public, citing the paragraphs the exempt items after it rely on."""
    if not following:
        return "That the public be excluded from the meeting for the following business, which involves the likely disclosure of exempt information."
    jurisdiction = archive.council.jurisdiction if archive.council else "england"
    numbers = sorted({n for exempt in following for n in exempt.paragraphs})
    which = f"paragraph {numbers[0]}" if len(numbers) == 1 else "paragraphs " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
    one = len(following) == 1
    return (
        f"That the public be excluded from the meeting for the following {'item' if one else 'items'}, which "
        f"{'involves' if one else 'involve'} the likely disclosure of exempt information under "
        f"{which} of {categories()[jurisdiction]['schedule']}."
    )


def _resolutions(report) -> list[str]:
    if report.exempt:
        return ["That the recommendations in the exempt report be approved."]
    if any(is_placeholder(text) for text in report.recommendations):
        return ["That the recommendations in the report be approved."]
    if not report.recommendations:
        return ["That the report be noted."]
    return [_resolution(text) for text in report.recommendations]


def _resolution(recommendation: str) -> str:
    """`Approve the tariffs.` as a resolution: `That the committee approve the tariffs.`"""
    text = " ".join(recommendation.split()).rstrip(".;")
    first = text.split(" ", 1)[0]
    if first.lower() == "that":
        return text[0].upper() + text[1:] + "."
    if first[:1].isupper() and first[1:].islower():
        text = first.lower() + text[len(first) :]
    return f"That the committee {text}."


# --- resolution numbers ----------------------------------------------------------


_DIGITS = re.compile(r"\d+")


class ResolutionNumbers:
    """The next numbers of the council's one sequence for the municipal year, written as its other numbers are."""

    def __init__(self, archive: Archive, folder: MeetingFolder):
        starts = archive.council.municipal_year_starts if archive.council else "05-01"
        self.year = municipal_year(folder.meeting.date, starts)
        here = (folder.meeting.date, folder.id)
        written = sorted(
            (
                ((f.meeting.date, f.id), municipal_year(f.meeting.date, starts), r.number)
                for f in archive.meetings.values()
                if f.meeting and f.minutes and f.id != folder.id
                for minute in f.minutes.minutes
                for r in minute.resolutions
            ),
            key=lambda found: found[0],  # a stable sort: each meeting's numbers stay in the order written, as the check takes them
        )
        this_year = [number for when, year, number in written if year == self.year and when < here]
        self.later = sorted({when[1] for when, year, _ in written if year == self.year and when > here})
        if this_year and _DIGITS.search(this_year[-1]):
            self.template, self.next = this_year[-1], int(_DIGITS.findall(this_year[-1])[-1]) + 1
        elif written:
            self.template, self.next = _another_year(written[-1][2], written[-1][1], self.year), 1
        else:
            self.template, self.next = f"{self.year}/000", 1
        self.first = self.next

    def take(self) -> str:
        number = _with_sequence(self.template, self.next)
        self.next += 1
        return number

    def block(self, resolutions: list[str]) -> str:
        lines = "\n".join(f"{i}. {text}" for i, text in enumerate(resolutions, start=1))
        return f"::: resolved {self.take()}\n{lines}\n:::"

    def notes(self) -> list[str]:
        if not self.later or self.next == self.first:
            return []
        return [
            f"the minutes of {', '.join(self.later)}, later in the same municipal year, already number resolutions: "
            f"renumber theirs to follow {_with_sequence(self.template, self.next - 1)}"
        ]


def _with_sequence(number: str, sequence: int) -> str:
    match = list(_DIGITS.finditer(number))[-1]
    return number[: match.start()] + str(sequence).zfill(len(match.group())) + number[match.end() :]


def _another_year(number: str, year: int, new_year: int) -> str:
    """A number of another municipal year, with that year changed to this one."""
    if not _DIGITS.search(number):
        return f"{new_year}/000"
    return re.sub(rf"\b{year}\b", str(new_year), number, count=1)
