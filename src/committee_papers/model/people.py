"""people.yml: councillors and officers, by id."""

from __future__ import annotations

from pydantic import Field

from committee_papers.model.base import Id, StrictModel, Text


class Councillor(StrictModel):
    name: Text
    party: str | None = None
    division: str | None = None
    email: str | None = None
    phone: str | None = None


class Officer(StrictModel):
    name: Text
    role: str | None = None
    email: str | None = None
    phone: str | None = None


class People(StrictModel):
    councillors: dict[Id, Councillor] = Field(default_factory=dict)
    officers: dict[Id, Officer] = Field(default_factory=dict)
