"""council.yml: the authority itself."""

from __future__ import annotations

import calendar
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from committee_papers.model.base import Date, EmailAddress, PhoneNumber, StrictModel, WebAddress

_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")


def _month_day(value: Any) -> Any:
    if isinstance(value, str) and _MONTH_DAY.match(value.strip()):
        month, day = (int(part) for part in value.strip().split("-"))
        if day <= calendar.monthrange(2000, month)[1]:  # a leap year: 02-29 is a day some years have
            return value.strip()
        raise PydanticCustomError("month_day_invalid", "`{value}` is not a day of the year", {"value": str(value)})
    raise PydanticCustomError("month_day_invalid", "`{value}` is not a month and day written MM-DD", {"value": str(value)})


MonthDay = Annotated[str, BeforeValidator(_month_day)]
Jurisdiction = Literal["england", "wales", "scotland", "northern-ireland"]


def _rule_setting(value: Any) -> Any:
    return "off" if value is False else value  # YAML 1.1 reads an unquoted `off` as false


RuleSetting = Annotated[Literal["off", "warning", "error"], BeforeValidator(_rule_setting)]


class Contact(StrictModel):
    email: EmailAddress | None = None
    phone: PhoneNumber | None = None


class Boilerplate(StrictModel):
    statutory_implications: str | None = None
    background_papers: str | None = None


class ResolutionNumbering(StrictModel):
    """How the council numbers its resolutions: one sequence for the council or one per committee, by municipal or calendar year."""

    sequence: Literal["council", "committee"] = "council"
    year: Literal["municipal", "calendar"] = "municipal"


class Council(StrictModel):
    name: Annotated[str, Field(min_length=1)]
    jurisdiction: Jurisdiction = "england"
    website: WebAddress | None = None
    address: str | None = None
    democratic_services: Contact = Field(default_factory=Contact)
    municipal_year_starts: MonthDay = "05-01"
    required_comments: list[str] = ["constitutional", "financial"]
    boilerplate: Boilerplate = Field(default_factory=Boilerplate)
    agenda_notes: list[str] = []
    house_style: str = "numbered-paragraphs"
    resolutions: ResolutionNumbering = Field(default_factory=ResolutionNumbering)
    allow_raw_html: bool = False
    closure_days: list[Date] = []
    rules: dict[str, RuleSetting] = {}
    language: str = "en-GB"
    electoral_area: Literal["division", "ward"] = "division"
