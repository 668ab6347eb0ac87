"""People as the templates show them: an id from people.yml or an inline mapping, resolved."""

from __future__ import annotations

from dataclasses import dataclass

from committee_papers.model.archive import Archive


@dataclass(frozen=True)
class PersonView:
    id: str | None
    name: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None
    party: str | None = None
    division: str | None = None
    councillor: bool = False


def person(archive: Archive, ref) -> PersonView | None:
    if ref is None:
        return None
    if isinstance(ref, str):
        councillor = archive.people.councillors.get(ref)
        if councillor:
            return PersonView(
                id=ref,
                name=councillor.name,
                role="Councillor",
                phone=councillor.phone,
                email=councillor.email,
                party=councillor.party,
                division=councillor.division,
                councillor=True,
            )
        officer = archive.people.officers.get(ref)
        if officer:
            return PersonView(id=ref, name=officer.name, role=officer.role, phone=officer.phone, email=officer.email)
        return PersonView(id=ref, name=ref)
    return PersonView(id=None, name=ref.name, role=ref.role, phone=ref.phone, email=ref.email)
