"""`papers new person` and `papers new committee`: people.yml and the committee files, added to, never rewritten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from committee_papers.authoring.edit import add_to_list, add_to_mapping, set_value
from committee_papers.authoring.emit import Inline, document, scalar
from committee_papers.authoring.files import Edit, NewFile, Plan, ScaffoldError, read_text
from committee_papers.authoring.reading import committee, committee_file, id_from, load, new_id, one_line, parse_time, person
from committee_papers.authoring.reading import committee_id as default_committee_id
from committee_papers.model.archive import Archive

KINDS = {"councillor": "councillors", "officer": "officers"}
STANDARD_ITEMS = ("minutes", "apologies", "declarations")


# --- a person ------------------------------------------------------------------------


def new_person(
    root: Path,
    kind: str,
    name: str,
    person_id: str | None = None,
    details: dict[str, str | None] | None = None,
    member_of: tuple[str, ...] = (),
    chair_of: tuple[str, ...] = (),
    clerk_of: tuple[str, ...] = (),
) -> Plan:
    """The person added to people.yml, and to the committees named (as member, chair or clerk)."""
    name = one_line(name, "name")
    person_id = new_id(person_id, "person") if person_id is not None else id_from(name, "person")
    archive = load(root)
    if "people.yml" in archive.unreadable and (archive.papers / "people.yml").exists():
        raise ScaffoldError("papers/people.yml cannot be read; run `papers check` to see why")
    for group, people in (("councillor", archive.people.councillors), ("officer", archive.people.officers)):
        if person_id in people:
            raise ScaffoldError(
                f"there is already a {group} `{person_id}` ({people[person_id].name}) in papers/people.yml; give the new person another id with --id"
            )
    if kind == "officer" and (member_of or chair_of):
        raise ScaffoldError("only councillors can be members or chairs of a committee; an officer can be its clerk (--clerk-of)")
    if kind == "councillor" and clerk_of:
        raise ScaffoldError("a committee's clerk is an officer, not a councillor")
    entry: dict[str, Any] = {"name": name}
    entry.update((key, one_line(value, key)) for key, value in (details or {}).items() if value is not None)
    plan = Plan()
    plan.files, plan.edits = _people_file(archive, KINDS[kind], person_id, entry)
    for committee_id in dict.fromkeys((*member_of, *chair_of, *clerk_of)):
        edit = _join(archive, committee_id, person_id, committee_id in chair_of, committee_id in clerk_of)
        if edit.after != edit.before:
            plan.edits.append(edit)
        else:
            plan.notes.append(f"papers/committees/{edit.path.name} already lists {person_id}; it was left as it was")
    return plan


def _people_file(archive: Archive, group: str, person_id: str, entry: dict) -> tuple[list[NewFile], list[Edit]]:
    path = archive.papers / "people.yml"
    if not path.exists():
        return [NewFile(path, document({group: {person_id: entry}}))], []
    text = read_text(path)
    edited = add_to_mapping(text, group, person_id, entry)
    if edited is None:
        raise ScaffoldError(
            f"papers/people.yml could not be added to safely; add `{person_id}: {{name: {scalar(entry['name'], flow=True)}, …}}` under `{group}:` yourself"
        )
    return [], [Edit(path, text, edited, f"Added {person_id} under `{group}`")]


def _join(archive: Archive, committee_id: str, person_id: str, chair: bool, clerk: bool) -> Edit:
    """The committee file with the person as member (and chair), or as clerk."""
    found = committee(archive, committee_id)
    path = committee_file(archive, committee_id)
    text = edited = read_text(path)
    if clerk:
        if found.clerk:
            raise ScaffoldError(f"the {found.name} already has a clerk, `{found.clerk}`; change `clerk:` in {path.name} yourself")
        edited = set_value(edited, "clerk", person_id, ("default_time", "default_venue", "terms_of_reference", "standard_items"))
    else:
        if chair and found.chair:
            raise ScaffoldError(f"the {found.name} already has a chair, `{found.chair}`; change `chair:` in {path.name} yourself")
        if chair:
            edited = set_value(
                edited, "chair", person_id, ("vice_chair", "members", "clerk", "default_time", "default_venue", "terms_of_reference", "standard_items")
            )
        if edited is not None and person_id not in found.members:  # listed before they were in people.yml
            edited = add_to_list(edited, "members", [person_id], create=True)
    if edited is None:
        raise ScaffoldError(f"papers/committees/{path.name} could not be changed safely; add `{person_id}` to it yourself")
    role = "the clerk" if clerk else "the chair and a member" if chair else "a member"
    return Edit(path, text, edited, f"Made {person_id} {role} of the {found.name}")


# --- a committee ---------------------------------------------------------------------


def new_committee(
    root: Path,
    name: str,
    committee_id: str | None = None,
    *,
    chair: str | None = None,
    vice_chair: str | None = None,
    members: tuple[str, ...] = (),
    clerk: str | None = None,
    parent: str | None = None,
    time: str | None = None,
    venue: str | None = None,
    standard_items: tuple[str, ...] | None = None,
) -> Plan:
    """papers/committees/<id>.yml; the chair and vice-chair are members too."""
    name = one_line(name, "committee's name")
    committee_id = new_id(committee_id, "committee") if committee_id is not None else default_committee_id(name)
    archive = load(root)
    for suffix in (".yml", ".yaml"):
        existing = archive.papers / "committees" / f"{committee_id}{suffix}"
        if existing.exists() or existing.is_symlink():
            raise ScaffoldError(f"papers/committees/{existing.name} already exists; give the new committee another id with --id")
    fields: dict[str, Any] = {"name": name}
    if parent is not None:
        committee(archive, parent)
        fields["parent"] = parent
    everyone = list(dict.fromkeys(m for m in (chair, vice_chair, *members) if m))
    for role, who in (("chair", chair), ("vice_chair", vice_chair)):
        if who:
            fields[role] = person(archive, who, "councillor", role.replace("_", "-"))
    fields["members"] = Inline(person(archive, m, "councillor", "member") for m in everyone)
    if clerk:
        fields["clerk"] = person(archive, clerk, "officer", "clerk")
    if time is not None:
        fields["default_time"] = parse_time(time)
    if venue is not None:
        fields["default_venue"] = one_line(venue, "venue")
    items = STANDARD_ITEMS if standard_items is None else standard_items
    wrong = [item for item in items if item not in STANDARD_ITEMS]
    if wrong:
        raise ScaffoldError(f"`{wrong[0]}` is not a standard item: use minutes, apologies or declarations")
    fields["standard_items"] = Inline(dict.fromkeys(items))
    text = document(fields) + _TERMS_HINT
    return Plan(files=[NewFile(archive.papers / "committees" / f"{committee_id}.yml", text)])


_TERMS_HINT = """\
# What the committee may decide, shown on its web page (Markdown), for example:
# terms_of_reference: |
#   The committee decides the council's budget and policy framework.
"""
