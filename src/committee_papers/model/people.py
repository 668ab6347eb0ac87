"""people.yml: councillors and officers, by id."""

from __future__ import annotations

from pydantic import Field

from committee_papers.model.base import EmailAddress, Id, PhoneNumber, StrictModel, Text


class Councillor(StrictModel):
    name: Text
    party: str | None = None
    division: str | None = None
    email: EmailAddress | None = None
    phone: PhoneNumber | None = None
    photo: Text | None = None  # an image file under papers/, such as people/samira-haddad.jpg
    photo_alt: Text | None = None  # what the photograph shows; default "Councillor <name>"
    interests: Text | None = None  # the web address of the councillor's register of interests


class Officer(StrictModel):
    name: Text
    role: str | None = None
    email: EmailAddress | None = None
    phone: PhoneNumber | None = None


class People(StrictModel):
    councillors: dict[Id, Councillor] = Field(default_factory=dict)
    officers: dict[Id, Officer] = Field(default_factory=dict)
