"""A report's front matter: <NN>-<slug>.md."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from committee_papers.model.base import Date, ExemptOrNot, Id, PersonRef, StrictModel, Text

UNSIGNED = "TBC"  # the initials a scaffolded comment carries until the clearing officer signs it


class Comment(StrictModel):
    """A clearing officer's signed comment; the checks require all three parts once it is signed."""

    by: str | None = None
    date: Date | None = None
    text: str | None = None

    @property
    def unsigned(self) -> bool:
        return (self.by or "").strip().upper() == UNSIGNED


class KeyDecision(StrictModel):
    forward_plan: Text
    forward_plan_published: Date | None = None
    general_exception: bool = False
    special_urgency: bool = False
    lead_member: Id | None = None  # the councillor responsible (portfolio holder or chair)


class Appendix(StrictModel):
    title: Text
    file: Text
    exempt: ExemptOrNot = None


class Revision(StrictModel):
    """A report changed after the agenda was published: it goes out again in a supplementary agenda."""

    date: Date
    reason: str | None = None


class Implication(StrictModel):
    applies: bool
    text: str = ""


def _implication(value: Any) -> Any:
    return {"applies": value} if isinstance(value, bool) else value  # `Capital: no` is a box marked no, with no text


class ContactEntry(StrictModel):
    """One of several contacts: a person from people.yml (`person:`) or written out (`name:`), under a role."""

    person: Id | None = None
    name: str | None = None
    role: str | None = None
    phone: str | None = None
    email: str | None = None

    @model_validator(mode="after")
    def _someone(self) -> ContactEntry:
        if not (self.person or (self.name or "").strip()):
            raise PydanticCustomError("contact_someone", "a contact needs `person:` (an id from people.yml) or `name:`")
        return self


def _contact_kind(value: Any) -> str | None:
    return "person id" if isinstance(value, str) else "contact details" if isinstance(value, (dict, ContactEntry)) else None


ContactRef = Annotated[
    Annotated[Id, Tag("person id")] | Annotated[ContactEntry, Tag("contact details")],
    Discriminator(
        _contact_kind,
        custom_error_type="person_ref",
        custom_error_message="a contact is an id from people.yml or a mapping with `person:` or `name:`",
    ),
]


class BackgroundPaper(StrictModel):
    """A background paper with the Schedule 12A paragraphs that allow it to be withheld from inspection."""

    title: Text
    exempt_paragraphs: list[int] = []


def _divisions(value: Any) -> Any:
    if isinstance(value, str):
        if value.strip().lower() == "all":
            return "all"
        return [value]
    return value


def _key_decision(value: Any) -> Any:
    if value is False or value is None:
        return None
    if value is True:
        raise PydanticCustomError("key_decision_true", "a key decision needs its forward plan reference")
    return value


class Report(StrictModel):
    title: Text
    report_of: str | None = None
    purpose: str | None = None
    recommendations: list[Text] = []
    signed_by: PersonRef | None = None
    contact: PersonRef | None = None
    contacts: list[ContactRef] = []
    comments: dict[str, Comment] = Field(default_factory=dict)
    background_papers: list[Text | BackgroundPaper] = []
    divisions_affected: Annotated[Literal["all"] | list[Text], BeforeValidator(_divisions)] = "all"
    key_decision: Annotated[KeyDecision | None, BeforeValidator(_key_decision)] = None
    exempt: ExemptOrNot = None
    appendices: list[Appendix] = []
    status: Literal["draft", "final"] = "final"
    revised: Revision | None = None
    followed: Revision | None = None  # a report "to follow" on the published agenda: the day it went out, and why it was late
    # parts that some house styles show (docs/house-styles.md)
    summary: str | None = None
    decision_maker: str | None = None
    decision_date: Date | None = None
    reasons: str | None = None
    alternative_options: str | None = None
    implications: dict[str, Annotated[Implication, BeforeValidator(_implication)]] = Field(default_factory=dict)
    members_rooms: list[Text] = []
    equality_impact: bool | None = None
