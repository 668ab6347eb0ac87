"""A council's whole archive of papers, as loaded: the files, their data and positions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from committee_papers.model.committee import Committee
from committee_papers.model.council import Council
from committee_papers.model.meeting import Meeting
from committee_papers.model.minutes import HeadingLike, Minute, MinutesFront
from committee_papers.model.people import People
from committee_papers.model.report import Report
from committee_papers.yamlsource import YamlDoc


@dataclass
class ReportFile:
    id: str
    path: Path
    report: Report | None
    doc: YamlDoc | None
    body: str = ""
    body_line: int = 1
    prepared: Any = None  # its Markdown rendered for the public and members, once per build (render.prepared)


@dataclass
class MinutesFile:
    path: Path
    front: MinutesFront | None
    doc: YamlDoc | None
    minutes: list[Minute] = field(default_factory=list)
    body_line: int = 1
    heading_like: list[HeadingLike] = field(default_factory=list)  # lines that look like a minute heading but are not one


@dataclass
class MeetingFolder:
    id: str
    path: Path
    meeting: Meeting | None
    doc: YamlDoc | None
    reports: dict[str, ReportFile] = field(default_factory=dict)
    minutes: MinutesFile | None = None
    other_files: list[Path] = field(default_factory=list)

    @property
    def date(self) -> dt.date | None:
        return self.meeting.date if self.meeting else None


@dataclass
class Archive:
    root: Path
    papers: Path
    council: Council | None = None
    council_doc: YamlDoc | None = None
    people: People = field(default_factory=People)
    people_doc: YamlDoc | None = None
    committees: dict[str, Committee] = field(default_factory=dict)
    committee_docs: dict[str, YamlDoc] = field(default_factory=dict)
    meetings: dict[str, MeetingFolder] = field(default_factory=dict)
    templates: Path | None = None
    folder_digests: dict[str, str] = field(default_factory=dict)  # meeting folder → digest of its files, when known
    folder_problems: dict[str, list] = field(default_factory=dict)  # meeting folder → the problems found reading and checking it
    other_problems: list = field(default_factory=list)  # problems found reading the rest (council, people, committees)
    unreadable: set[str] = field(default_factory=set)  # files that failed to load, so checks that need them stay quiet

    @property
    def allow_html(self) -> bool:
        """Whether the council publishes HTML typed into Markdown: every parse of its papers uses this setting."""
        return bool(self.council and self.council.allow_raw_html)

    def person_name(self, ref: Any) -> str | None:
        if isinstance(ref, str):
            person = self.people.councillors.get(ref) or self.people.officers.get(ref)
            return person.name if person else None
        return getattr(ref, "name", None)

    def meetings_of(self, committee_id: str) -> list[MeetingFolder]:
        return [m for m in self.meetings.values() if m.meeting and m.meeting.committee == committee_id]
