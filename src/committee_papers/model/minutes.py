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
