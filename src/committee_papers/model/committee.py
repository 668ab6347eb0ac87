"""committees/<id>.yml: a committee, its membership and terms of reference."""

from __future__ import annotations

from typing import Literal

from committee_papers.model.base import Id, StrictModel, Text, Time

StandardItem = Literal["minutes", "apologies", "declarations"]


class Committee(StrictModel):
    name: Text
    parent: Id | None = None
    chair: Id | None = None
    vice_chair: Id | None = None
    members: list[Id] = []
    clerk: Id | None = None
    default_time: Time | None = None
    default_venue: str | None = None
    terms_of_reference: str = ""
    standard_items: list[StandardItem] = ["minutes", "apologies", "declarations"]
