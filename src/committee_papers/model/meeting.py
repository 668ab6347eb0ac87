"""meetings/<date>-<committee>/meeting.yml: when, where, and the agenda's order."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Tag

from committee_papers.model.base import Date, ExemptOrNot, Id, PersonRef, StrictModel, Text, Time, WebAddress
from committee_papers.model.report import KeyDecision

Status = Literal["scheduled", "held", "cancelled", "postponed"]
SIMPLE_KINDS = ("apologies", "declarations", "exclusion")
KINDS = ("minutes", "apologies", "declarations", "item", "report", "planned", "exclusion")


class _Entry(StrictModel):
    added: Date | None = None
    urgency: str | None = None

    @property
    def kind(self) -> str:
        raise NotImplementedError


def _bare(kind: str):
    def convert(value: Any) -> Any:
        return {kind: None} if value == kind else value

    return BeforeValidator(convert)


class MinutesEntry(_Entry):
    minutes: Id

    @property
    def kind(self) -> str:
        return "minutes"


class ApologiesEntry(_Entry):
    apologies: None = None

    @property
    def kind(self) -> str:
        return "apologies"


class DeclarationsEntry(_Entry):
    declarations: None = None

    @property
    def kind(self) -> str:
        return "declarations"


class ExclusionEntry(_Entry):
    exclusion: None = None

    @property
    def kind(self) -> str:
        return "exclusion"


class ItemEntry(_Entry):
    item: Text
    text: str | None = None
    exempt: ExemptOrNot = None

    @property
    def kind(self) -> str:
        return "item"


class ReportEntry(_Entry):
    report: Id

    @property
    def kind(self) -> str:
        return "report"


class PlannedEntry(_Entry):
    planned: Text
    lead: PersonRef | None = None
    key_decision: bool | KeyDecision = False
    exempt: ExemptOrNot = None
    text: str | None = None

    @property
    def kind(self) -> str:
        return "planned"


def entry_kind(value: Any) -> str | None:
    """The union tag for a raw agenda entry (its kind + " entry"), or None if it is no kind.

    The tags must not equal a key of the data, or error locations would be misread.
    """
    if isinstance(value, str):
        return f"{value} entry" if value in SIMPLE_KINDS else None
    if isinstance(value, dict):
        for kind in KINDS:
            if kind in value:
                return f"{kind} entry"
        return None
    if isinstance(value, _Entry):
        return f"{value.kind} entry"
    return None


AgendaEntry = Annotated[
    Annotated[MinutesEntry, Tag("minutes entry")]
    | Annotated[ApologiesEntry, _bare("apologies"), Tag("apologies entry")]
    | Annotated[DeclarationsEntry, _bare("declarations"), Tag("declarations entry")]
    | Annotated[ItemEntry, Tag("item entry")]
    | Annotated[ReportEntry, Tag("report entry")]
    | Annotated[PlannedEntry, Tag("planned entry")]
    | Annotated[ExclusionEntry, _bare("exclusion"), Tag("exclusion entry")],
    Discriminator(
        entry_kind,
        custom_error_type="agenda_entry",
        custom_error_message="an agenda entry is one of: minutes, apologies, declarations, item, report, planned, exclusion",
    ),
]


class Meeting(StrictModel):
    committee: Id
    date: Date
    time: Time | None = None
    venue: str | None = None
    webcast: WebAddress | None = None
    status: Status = "scheduled"
    published: Date | None = None
    agenda: list[AgendaEntry] | None = None
    notes: str | None = None
