"""Reading the council before writing to it: the archive, a meeting, a committee, a person."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from committee_papers.authoring.files import ScaffoldError
from committee_papers.checks.locate import did_you_mean
from committee_papers.loading import find_papers, load_archive
from committee_papers.model.archive import Archive, MeetingFolder
from committee_papers.model.committee import Committee
from committee_papers.problems import Problems

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SLUG_LENGTH = 60


def load(root: Path) -> Archive:
    if not find_papers(root).is_dir():
        raise ScaffoldError(f"there is no `papers` folder in {root}; run the command in the council's folder, or name it (`papers init` makes one)")
    return load_archive(root, Problems(root), workers=1)


def meeting_folder(archive: Archive, meeting_id: str) -> MeetingFolder:
    folder = archive.meetings.get(meeting_id)
    if folder is None:
        raise ScaffoldError(f"there is no meeting `{meeting_id}` in papers/meetings/; {did_you_mean(meeting_id, archive.meetings, 'meeting folder')}")
    if folder.meeting is None:
        raise ScaffoldError(f"papers/meetings/{meeting_id}/meeting.yml cannot be read; run `papers check` to see why")
    return folder


def committee(archive: Archive, committee_id: str) -> Committee:
    found = archive.committees.get(committee_id)
    if found is None:
        if committee_id in archive.unreadable:
            raise ScaffoldError(f"papers/committees/{committee_id}.yml cannot be read; run `papers check` to see why")
        raise ScaffoldError(f"there is no committee `{committee_id}` in papers/committees/; {did_you_mean(committee_id, archive.committees, 'committee')}")
    return found


def committee_file(archive: Archive, committee_id: str) -> Path:
    for suffix in (".yml", ".yaml"):
        path = archive.papers / "committees" / f"{committee_id}{suffix}"
        if path.is_file():
            return path
    raise ScaffoldError(f"there is no committee `{committee_id}` in papers/committees/")


def person(archive: Archive, person_id: str, kind: str, role: str) -> str:
    """A person's id, provided people.yml has them as a `kind` ("councillor" or "officer")."""
    people = archive.people.councillors if kind == "councillor" else archive.people.officers
    if person_id in people:
        return person_id
    others = archive.people.officers if kind == "councillor" else archive.people.councillors
    if person_id in others:
        raise ScaffoldError(
            f"the {role} must be {'a councillor' if kind == 'councillor' else 'an officer'}, but `{person_id}` is listed under {'officers' if kind == 'councillor' else 'councillors'} in papers/people.yml"
        )
    raise ScaffoldError(
        f"there is no {kind} `{person_id}` in papers/people.yml; {did_you_mean(person_id, people, kind)} (add them with `papers new person {kind} NAME`)"
    )


def parse_date(text: str) -> dt.date:
    try:
        if _DATE.match(text.strip()):
            return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ScaffoldError(f"`{text}` is not a real date") from None
    raise ScaffoldError(f"`{text}` is not a date written YYYY-MM-DD, such as 2027-03-02")


def parse_time(text: str) -> str:
    found = _TIME.match(text.strip())
    if found:
        return f"{int(found.group(1)):02d}:{found.group(2)}"
    raise ScaffoldError(f"`{text}` is not a time written HH:MM on the 24-hour clock, such as 18:30")


def one_line(text: str, what: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ScaffoldError(f"the {what} cannot be empty")
    return text


def slug(title: str) -> str:
    """`Car Park Tariffs: 2027/28` is `car-park-tariffs-2027-28`."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) > SLUG_LENGTH:
        words = words[:SLUG_LENGTH].rsplit("-", 1)[0]
    return words or "report"


def id_from(name: str, what: str) -> str:
    """A person's or committee's id made from their name: `Samira Haddad` is `samira-haddad`."""
    if not re.search(r"[A-Za-z0-9]", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")):
        raise ScaffoldError(f"no id can be made from the name `{name}`; give the {what} an id with --id")
    return slug(name)


def committee_id(name: str) -> str:
    """`Property and Assets Sub-Committee` is `property-and-assets`, as committee ids usually are."""
    full = id_from(name, "committee")
    return re.sub(r"-(sub-)?committee$", "", full) or full


def new_id(text: str, what: str) -> str:
    if not ID.match(text):
        raise ScaffoldError(f"`{text}` cannot be a {what} id: use lower-case letters, digits and hyphens, starting with a letter or digit")
    return text
