"""The site as data: meetings, agendas, decisions and attendance, filtered for the public."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from committee_papers.agenda import AgendaItem, agenda_items
from committee_papers.loading.own_pages import OwnPage, own_pages
from committee_papers.minute_ties import public_minutes_withheld
from committee_papers.model.archive import Archive, MeetingFolder
from committee_papers.model.base import Exempt
from committee_papers.model.committee import Committee
from committee_papers.model.minutes import Minute
from committee_papers.publication import Publication, exempt_item_of, municipal_year


@dataclass
class MeetingView:
    id: str
    folder: MeetingFolder
    committee_id: str
    committee: Committee | None
    items: list[AgendaItem]
    year: int
    agenda_published: bool
    draft: bool

    @property
    def meeting(self):
        return self.folder.meeting

    @property
    def date(self) -> dt.date:
        return self.folder.meeting.date

    @property
    def time(self) -> str | None:
        return self.meeting.time or (self.committee.default_time if self.committee else None)

    @property
    def venue(self) -> str | None:
        return self.meeting.venue or (self.committee.default_venue if self.committee else None)

    @property
    def title(self) -> str:
        name = self.committee.name if self.committee else self.committee_id
        return f"{name}, {self.date.day} {self.date:%B %Y}"


PROCEDURAL_KINDS = ("minutes", "apologies", "declarations", "exclusion")  # the standard items of every agenda (agenda.py)


@dataclass
class DecisionView:
    number: str
    meeting: MeetingView
    minute: Minute
    items: list[str]
    exempt: Exempt | None  # the agenda item is exempt
    in_exempt_passage: bool = False  # the resolution sits in a `::: exempt` block of a public minute
    procedural: bool = False  # the minute is of a standard item: approving minutes, apologies, interests, exclusion

    @property
    def withheld(self) -> bool:
        return self.exempt is not None or self.in_exempt_passage

    @property
    def public_items(self) -> list[str]:
        """The resolution's text, or nothing when it must not be published."""
        return [] if self.withheld else self.items

    @property
    def withheld_label(self) -> str | None:
        from committee_papers.exemption import paragraphs_label

        if self.exempt is not None:
            return paragraphs_label(self.exempt)
        return "exempt information" if self.in_exempt_passage else None


@dataclass
class Site:
    archive: Archive
    publication: Publication
    meetings: list[MeetingView] = field(default_factory=list)

    @property
    def council(self):
        return self.archive.council

    @property
    def today(self) -> dt.date:
        return self.publication.today

    @cached_property
    def by_id(self) -> dict[str, MeetingView]:
        return {m.id: m for m in self.meetings}

    @cached_property
    def by_committee(self) -> dict[str, list[MeetingView]]:
        grouped: dict[str, list[MeetingView]] = defaultdict(list)
        for view in self.meetings:
            grouped[view.committee_id].append(view)
        return grouped

    @cached_property
    def own_pages(self) -> list[OwnPage]:
        """The council's own pages, which the home page and coming meetings link to."""
        return own_pages(self.archive.root)

    def upcoming(self) -> list[MeetingView]:
        return [m for m in self.meetings if m.date >= self.today]

    @cached_property
    def decisions(self) -> list[DecisionView]:
        """Every resolution in the published minutes, newest first."""
        found = []
        for view in self.meetings:
            if not self.publication.minutes_visible(view.folder):
                continue
            items = {item.number: item for item in view.items}
            if public_minutes_withheld(view.folder.minutes, items):
                continue  # an exempt item's minute cannot be told apart: none of the meeting's resolutions is published
            for minute in view.folder.minutes.minutes:
                item = exempt_item_of(minute, items)
                own = items.get(minute.number)
                for resolution in minute.resolutions:
                    found.append(
                        DecisionView(
                            number=resolution.number,
                            meeting=view,
                            minute=minute,
                            items=resolution.items,
                            exempt=item.exempt if item else None,
                            in_exempt_passage=resolution.exempt,
                            procedural=own is not None and own.kind in PROCEDURAL_KINDS,
                        )
                    )
        return sorted(found, key=lambda d: (d.meeting.date, d.number), reverse=True)

    @cached_property
    def decisions_by_minute(self) -> dict[tuple[str, int], list[DecisionView]]:
        """Each published minute's resolutions, in number order, by (meeting id, minute number)."""
        found: dict[tuple[str, int], list[DecisionView]] = defaultdict(list)
        for decision in reversed(self.decisions):
            found[(decision.meeting.id, decision.minute.number)].append(decision)
        return found

    @cached_property
    def _approvers(self) -> dict[str, list[MeetingView]]:
        """For each meeting, the later meetings whose agendas approve its minutes, in date order."""
        found: dict[str, list[MeetingView]] = defaultdict(list)
        for other in self.meetings:
            for item in other.items:
                if item.kind == "minutes" and item.minutes_of:
                    found[item.minutes_of].append(other)
        return found

    def approval(self, view: MeetingView) -> tuple[str, MeetingView | None]:
        """Whether a meeting's minutes are approved: ("approved", the meeting that approved them),
        ("to be approved", the meeting that will consider them), or ("draft", None)."""
        approving = [other for other in self._approvers.get(view.id, []) if other.date > view.date]
        held = [m for m in approving if m.meeting.status == "held"]
        if held:
            return "approved", held[0]
        pending = [m for m in approving if m.meeting.status == "scheduled"]
        return ("to be approved", pending[0]) if pending else ("draft", None)

    def years_of(self, committee_id: str | None = None) -> dict[int, list[MeetingView]]:
        meetings = self.by_committee.get(committee_id, []) if committee_id else self.meetings
        grouped: dict[int, list[MeetingView]] = defaultdict(list)
        for view in meetings:
            grouped[view.year].append(view)
        return dict(sorted(grouped.items(), reverse=True))

    def memberships(self, pid: str) -> list[tuple[str, Committee, str]]:
        roles = []
        for cid, committee in self.archive.committees.items():
            if pid == committee.chair:
                roles.append((cid, committee, "Chair"))
            elif pid == committee.vice_chair:
                roles.append((cid, committee, "Vice-Chair"))
            elif pid in committee.members:
                roles.append((cid, committee, "Member"))
        return roles

    def attendance(self, pid: str) -> tuple[int, int]:
        """Meetings attended out of meetings held, from the minutes of the councillor's committees."""
        attended = held = 0
        member_of = {cid for cid, _, _ in self.memberships(pid)}
        for view in self.meetings:
            minutes = view.folder.minutes
            if minutes is None or minutes.front is None or view.meeting.status != "held":
                continue
            front = minutes.front
            expected = view.committee_id in member_of or pid in front.present
            if not expected:
                continue
            held += 1
            attended += pid in front.present
        return attended, held


def build_site(archive: Archive, publication: Publication) -> Site:
    """The public view of the archive: every meeting that can be shown, in date order."""
    starts = archive.council.municipal_year_starts if archive.council else "05-01"
    meetings = []
    for folder in sorted(archive.meetings.values(), key=lambda f: (f.date or dt.date.min, f.id)):
        if folder.meeting is None:
            continue
        cid = folder.meeting.committee
        meetings.append(
            MeetingView(
                id=folder.id,
                folder=folder,
                committee_id=cid,
                committee=archive.committees.get(cid),
                items=agenda_items(archive, folder),
                year=municipal_year(folder.meeting.date, starts),
                agenda_published=publication.agenda_published(folder),
                draft=publication.agenda_is_draft(folder),
            )
        )
    return Site(archive=archive, publication=publication, meetings=meetings)
