"""`papers init`: a council folder that passes the check and builds at once."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from committee_papers.authoring.emit import Inline, document
from committee_papers.authoring.files import NewFile, Plan, ScaffoldError
from committee_papers.authoring.reading import committee_id as default_committee_id
from committee_papers.authoring.reading import new_id, one_line
from committee_papers.house_style import ALIASES, available_styles
from committee_papers.working_days import SUBDIVISION

JURISDICTIONS = tuple(SUBDIVISION)
_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")

# The build writes these beside the papers; the confidential packs must never be shared with the papers.
GITIGNORE = """\
# Written by `papers build`: never commit them with the papers.
site/
confidential/
.papers-cache/
"""


def shipped_styles() -> list[str]:
    """The built-in styles, then their old names (which write the new one)."""
    return sorted(available_styles(None)) + sorted(ALIASES)


def init(directory: Path, name: str, jurisdiction: str, house_style: str, year_start: str, committee_name: str, committee_id: str | None = None) -> Plan:
    """council.yml, people.yml, one committee and the meetings folder, in `directory` (made if need be)."""
    name = one_line(name, "council's name")
    if jurisdiction not in JURISDICTIONS:
        raise ScaffoldError(f"`{jurisdiction}` is not a jurisdiction: use one of {', '.join(JURISDICTIONS)}")
    if house_style not in shipped_styles():
        raise ScaffoldError(f"there is no house style `{house_style}`: use one of {', '.join(sorted(available_styles(None)))}")
    house_style = ALIASES.get(house_style, house_style)
    year_start = _month_day(year_start)
    committee_name = one_line(committee_name, "committee's name")
    committee_id = new_id(committee_id, "committee") if committee_id is not None else default_committee_id(committee_name)
    if directory.exists() and not directory.is_dir():
        raise ScaffoldError(f"{directory} is a file, not a folder")
    papers = directory / "papers"
    if papers.exists() and not papers.is_dir():
        raise ScaffoldError(f"{papers} is a file, not a folder")
    files = [
        NewFile(papers / "council.yml", _council(name, jurisdiction, house_style, year_start)),
        NewFile(papers / "people.yml", _PEOPLE),
        NewFile(papers / "committees" / f"{committee_id}.yml", _committee(committee_name)),
    ]
    taken = [f.path for f in files if f.path.exists() or f.path.is_symlink()]
    if taken:
        shown = ", ".join(str(p.relative_to(directory)) for p in taken)
        raise ScaffoldError(f"{directory} already holds {shown}; `papers init` never replaces a file, so nothing was written")
    plan = Plan(folders=[papers / "meetings"], files=files)
    ignore = directory / ".gitignore"
    if ignore.exists() or ignore.is_symlink():
        plan.notes.append(".gitignore was left as it was: make sure it lists site/, confidential/ and .papers-cache/")
    else:
        plan.files.append(NewFile(ignore, GITIGNORE))
    return plan


def _month_day(text: str) -> str:
    match = _MONTH_DAY.match(text.strip())
    try:
        if match:
            dt.date(2001, int(match.group(1)), int(match.group(2)))
            return text.strip()
    except ValueError:
        pass
    raise ScaffoldError(f"`{text}` is not a month and day written MM-DD, such as 05-01 for 1 May")


def _council(name: str, jurisdiction: str, house_style: str, year_start: str) -> str:
    fields = {
        "name": name,
        "jurisdiction": jurisdiction,
        "house_style": house_style,
        "municipal_year_starts": year_start,
        "required_comments": Inline(["constitutional", "financial"]),
    }
    return "# The council's settings: the papers format reference, section 2, lists every key.\n" + document(fields) + _COUNCIL_HINT


_COUNCIL_HINT = """\
# Add these as you need them, for example:
# website: https://democracy.example.gov.uk
# address: Council Offices, High Street, Exampletown EX1 1AA
# democratic_services: {email: democratic.services@example.gov.uk, phone: 01632 960000}
# agenda_notes:
#   - Members of the public are welcome to attend, except for any item from which the public is excluded.
# closure_days: [2027-12-29, 2027-12-30, 2027-12-31]
"""

_PEOPLE = """\
# Everyone the papers name, by id. Add people with `papers new person`.
councillors: {}
officers: {}
"""


def _committee(name: str) -> str:
    fields = {"name": name, "members": Inline(), "standard_items": Inline(["minutes", "apologies", "declarations"])}
    return document(fields) + "# Add members with `papers new person councillor NAME --member-of ID`.\n"
