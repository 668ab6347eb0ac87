"""A report's front matter: <NN>-<slug>.md."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
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
    comments: dict[str, Comment] = Field(default_factory=dict)
    background_papers: list[Text] = []
    divisions_affected: Annotated[Literal["all"] | list[Text], BeforeValidator(_divisions)] = "all"
    key_decision: Annotated[KeyDecision | None, BeforeValidator(_key_decision)] = None
    exempt: ExemptOrNot = None
    appendices: list[Appendix] = []
    status: Literal["draft", "final"] = "final"
    revised: Revision | None = None
    # sections of the cover-table and implications house styles
    summary: str | None = None
    decision_maker: str | None = None
    decision_date: Date | None = None
    reasons: str | None = None
    alternative_options: str | None = None
    implications: dict[str, Implication] = Field(default_factory=dict)
