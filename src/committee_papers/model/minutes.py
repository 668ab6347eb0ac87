"""minutes.md: attendance in front matter, then one `## N. Title` minute per agenda item."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import Field

from committee_papers.model.base import Id, PersonRef, StrictModel, Time


class MinutesFront(StrictModel):
    present: list[Id] = []
    absent: list[Id] = []
    apologies: list[Id] = []
    substitutes: dict[Id, Id] = Field(default_factory=dict)
    other_members: list[Id] = []
    officers: list[PersonRef] = []
    chair: Id | None = None
    started_at: Time | None = None
    closed_at: Time | None = None


@dataclass
class Resolution:
    number: str
    line: int
    column: int
    items: list[str] = field(default_factory=list)
    markdown: str = ""
    exempt: bool = False  # written inside a `::: exempt` block: never published


@dataclass
class Minute:
    number: int
    title: str
    line: int
    markdown: str = ""
    resolutions: list[Resolution] = field(default_factory=list)


@dataclass
class HeadingLike:
    """A line of the minutes that reads like a minute heading (`## N. Title`) but is not read as one."""

    line: int
    column: int
    number: int
    title: str
    text: str  # the line as written, without its indent
    hashes: bool  # written with `#`s, as a heading
    why: str  # why it is not read as a minute heading, in a clerk's words
    within: int | None = None  # the number of the minute it is read as part of (None: before the first minute)
    reported: bool = False  # a `##` heading the reader already reports (PAP213, PAP214, PAP221)
