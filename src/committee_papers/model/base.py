"""Shared building blocks of the papers model: strict models, dates, times, people."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag
from pydantic_core import PydanticCustomError

from committee_papers import addresses, limits

_TIME = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")


class StrictModel(BaseModel):
    """Every model refuses keys it does not know, so a misspelt key is never silently ignored."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, populate_by_name=True)


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("date_invalid", "`{value}` is not a real date", {"value": value}) from None
    if not isinstance(value, dt.date):
        raise PydanticCustomError("date_invalid", "`{value}` is not a date", {"value": str(value)})
    if not limits.FIRST_YEAR <= value.year <= limits.LAST_YEAR:  # beyond them, date arithmetic runs off the calendar
        raise PydanticCustomError(
            "date_invalid",
            "`{value}` is not a date between {first} and {last}",
            {"value": value.isoformat(), "first": limits.FIRST_YEAR, "last": limits.LAST_YEAR},
        )
    return value


def _time(value: Any) -> Any:
    if isinstance(value, bool):  # YAML reads `yes`, `on` and `true` as true, which Python counts as the number 1
        raise PydanticCustomError("time_invalid", "`{value}` is not a time of day", {"value": str(value).lower()})
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int) and 0 <= value <= 2359 and value % 100 < 60:
        value = f"{value // 100:02d}:{value % 100:02d}"
    if isinstance(value, str) and _TIME.match(value.strip()):
        hours, minutes = value.strip().split(":")
        return f"{int(hours):02d}:{minutes}"
    raise PydanticCustomError("time_invalid", "`{value}` is not a time of day", {"value": str(value)})


def _whole_number(value: Any) -> Any:
    if isinstance(value, bool):  # never 1 for `true`
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]


def _false_is_none(value: Any) -> Any:
    return None if value is False else value


def _address(kind: str, problem_of):
    def check(value: str) -> str:
        from committee_papers.placeholders import is_placeholder

        problem = None if is_placeholder(value) else problem_of(value)  # `TBC` in a draft: told by PAP430 once final
        if problem:
            raise PydanticCustomError(kind, "{problem}", {"problem": problem})
        return value.strip()

    return AfterValidator(check)


# Addresses that become links: checked where they are written, so no other kind of address is ever a link.
WebAddress = Annotated[str, _address("web_address", addresses.web_address_problem)]
EmailAddress = Annotated[str, _address("email_address", addresses.email_problem)]
PhoneNumber = Annotated[str, _address("phone_number", addresses.phone_problem)]
Date = Annotated[dt.date, BeforeValidator(_date)]
Time = Annotated[str, BeforeValidator(_time), Field(json_schema_extra={"pattern": "^[0-2]?[0-9]:[0-5][0-9]$"})]
Text = Annotated[str, Field(min_length=1)]
Id = Annotated[str, Field(min_length=1)]


class InlinePerson(StrictModel):
    """A person written out in place instead of an id from people.yml."""

    name: Text
    role: str | None = None
    phone: PhoneNumber | None = None
    email: EmailAddress | None = None


def _person_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "person id"
    if isinstance(value, dict):
        return "person details"
    if isinstance(value, InlinePerson):
        return "person details"
    return None


PersonRef = Annotated[
    Annotated[Id, Tag("person id")] | Annotated[InlinePerson, Tag("person details")],
    Discriminator(
        _person_kind,
        custom_error_type="person_ref",
        custom_error_message="a person is an id from people.yml or a mapping with at least a name",
    ),
]


class Exempt(StrictModel):
    """Why a paper is exempt from publication (Schedule 12A paragraphs)."""

    paragraphs: Annotated[list[WholeNumber], Field(min_length=1)]
    reason: str | None = None
    public_interest: str | None = None
    title_exempt: bool = False


ExemptOrNot = Annotated[Exempt | None, BeforeValidator(_false_is_none)]
