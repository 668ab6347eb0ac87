"""`papers new report`: a report in the house style, with placeholders to replace, and its place on the agenda.

Planning functions return what to write; `write_report` does the writing. A
new file never replaces an existing one. The one change made to an author's
existing file is the report's line on the `agenda:` list of meeting.yml,
leaving every other byte as it was. The other commands that write papers are
in `committee_papers.authoring`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from committee_papers.agenda import agenda_items
from committee_papers.authoring.edit import add_to_list
from committee_papers.authoring.emit import Inline, front_matter, scalar  # noqa: F401 - scalar for word_import and tests
from committee_papers.authoring.files import Edit, NewFile, Plan, ScaffoldError, apply_edit, carry_out, read_text, write_new  # noqa: F401
from committee_papers.authoring.reading import SLUG_LENGTH, load, meeting_folder, one_line, slug  # noqa: F401 - SLUG_LENGTH for tests
from committee_papers.exemption import categories, valid_paragraphs
from committee_papers.model.archive import Archive, MeetingFolder
from committee_papers.model.report import UNSIGNED, Report
from committee_papers.render.report import comment_title, house_style

_NUMBERED = re.compile(r"^(\d+)-")
# Stems whose web address or PDF would be taken by a meeting's own pages and packs.
_RESERVED = re.compile(r"^(minutes|agenda-pack|supplement-\d+|exempt-item-\d+)$")

PLACEHOLDERS: dict[str, Any] = {
    "report_of": "TBC: the role of the reporting officer, such as Director of Place",
    "decision_maker": "TBC: who takes the decision, such as Resources Committee",
    "purpose": "TBC: what this report is for, in a sentence or two.",
    "summary": "TBC: a brief summary of the report.",
    "recommendations": ["TBC: what the committee is asked to do, such as Approve the proposals in Appendix A."],
    "reasons": "TBC: the reasons for the recommendations.",
    "alternative_options": "TBC: the alternative options considered, and why they were rejected.",
    "signed_by": {"name": UNSIGNED, "role": UNSIGNED},
    "contact": {"name": UNSIGNED, "role": UNSIGNED, "phone": UNSIGNED, "email": UNSIGNED},
    "background_papers": ["TBC: an unpublished document relied on in writing the report"],
    "divisions_affected": "all",
}
SECTION_TEXT = {
    "information": "TBC: the information members need, under sub-headings (`###`) of your choosing.",
    "other options considered": "TBC: the other options considered, and why they were rejected.",
    "reason/s for recommendation/s": "TBC: why the recommendations are made.",
    "statutory and policy implications": "TBC: describe each material implication under its own `###` heading, or delete this sentence.",
}


@dataclass(frozen=True)
class NewReport:
    file: NewFile
    agenda: Edit | None  # meeting.yml with the report added, when the meeting lists its agenda
    agenda_line: str = ""
    notes: tuple[str, ...] = ()
    added_exclusion: bool = False


# --- a new report ----------------------------------------------------------------


def new_report(root: Path, meeting_id: str, title: str, exempt: list[int] | None = None) -> NewReport:
    """A report that passes the check except for its unsigned comments, and its place on the agenda.

    With `exempt` (paragraph numbers), the report is exempt and goes after the exclusion of the public.
    """
    archive = load(root)
    folder = meeting_folder(archive, meeting_id)
    title = one_line(title, "report's title")
    fields: dict[str, Any] = {"title": title}
    fields.update((name, PLACEHOLDERS[name]) for name in required_fields(archive) if name in PLACEHOLDERS)
    fields.update(style_fields(archive, folder))
    if exempt:
        fields["exempt"] = exempt_placeholder(archive, exempt)
    fields["comments"] = {key: unsigned_comment(key) for key in required_comments(archive)}
    fields["status"] = "draft"
    body = "\n\n".join(f"## {label}\n\n{placeholder}" for label, placeholder in body_sections(house_style(archive)))
    text = front_matter(fields) + "\n" + (body or "TBC: the body of the report.") + "\n"
    return place_report(archive, folder, title, text, exempt=bool(exempt))


def required_fields(archive: Archive) -> list[str]:
    """The front matter keys the council's house style needs, in the model's order."""
    wanted = {"title", *house_style(archive).required_fields}
    return [name for name in Report.model_fields if name in wanted]


def body_sections(style) -> list[tuple[str, str]]:
    """Each section of the body the house style names, in its order, with the words to replace.

    A section the style does not insist on says it may be deleted; one the style fills itself
    (a grid's section) is left for the style to add.
    """
    grids = {grid.inside for grid in style.grids}
    sections = []
    for section in style.sections:
        if section.from_ != "body" or not section.label or (section.label in grids and not section.required):
            continue
        words = section_placeholder(section.label)
        sections.append((section.label, words if section.required else words.rstrip(".") + ", or delete this section."))
    return sections


def style_fields(archive: Archive, folder: MeetingFolder) -> dict[str, Any]:
    """Placeholders that depend on the meeting or the house style rather than a fixed text."""
    style = house_style(archive)
    fields: dict[str, Any] = {}
    if "decision_date" in style.required_fields:
        fields["decision_date"] = folder.meeting.date
    boxes = [box for grid in style.grids for box in grid.boxes] + list(style.required_implications)
    if boxes or "implications" in style.required_fields:
        rows = dict.fromkeys(boxes or ("Financial",))
        fields["implications"] = {row: {"applies": False, "text": f"TBC: the {row.lower()} implications, if any."} for row in rows}
    return fields


def required_comments(archive: Archive) -> list[str]:
    return list(archive.council.required_comments) if archive.council else ["constitutional", "financial"]


def unsigned_comment(key: str) -> dict[str, str]:
    return {"by": UNSIGNED, "text": f"TBC: the {comment_title(key)[: -len(' Comments')].lower()} comment, given, initialled and dated by the clearing officer."}


def exempt_placeholder(archive: Archive, paragraphs: list[int]) -> dict[str, Any]:
    """`exempt:` citing the paragraphs, with the reason and public interest test to write."""
    jurisdiction = archive.council.jurisdiction if archive.council else "england"
    valid = valid_paragraphs(jurisdiction)
    wrong = [n for n in paragraphs if n not in valid]
    if wrong:
        raise ScaffoldError(
            f"paragraph {wrong[0]} is not in {categories()[jurisdiction]['schedule']}, which council.yml's jurisdiction ({jurisdiction}) uses; "
            f"use one of {valid[0]} to {valid[-1]}"
        )
    numbers = sorted(set(paragraphs))
    which = "paragraph " + ", ".join(map(str, numbers)) if len(numbers) == 1 else "paragraphs " + ", ".join(map(str, numbers))
    return {
        "paragraphs": Inline(numbers),
        "reason": f"TBC: why the information in the report falls within {which}.",
        "public_interest": "TBC: why the public interest in keeping the information exempt outweighs the public interest in disclosing it.",
    }


def section_placeholder(section: str) -> str:
    return SECTION_TEXT.get(section.casefold(), f"TBC: the {section.lower()} section.")


def place_report(archive: Archive, folder: MeetingFolder, title: str, text: str, exempt: bool = False) -> NewReport:
    """Where a new report goes in the meeting folder, and its line on an explicit agenda.

    A meeting that lists its agenda orders its reports by the list, so the file is named for its
    title alone and its name stays true when items move. Without a list, reports are taken in file
    name order, so the name starts with the report's item number.
    """
    explicit = folder.meeting.agenda is not None
    stem = slug(title) if explicit else f"{_next_number(archive, folder):02d}-{slug(title)}"
    if _RESERVED.match(stem):
        stem += "-report"
    path = folder.path / f"{stem}.md"
    if path.exists() or path.is_symlink() or (folder.path / stem).exists():
        raise ScaffoldError(f"{path.name} already exists in {folder.id}; choose another title")
    if not explicit:
        return NewReport(NewFile(path, text), None)
    line = f"- report: {stem}"
    entries = [e for e in folder.meeting.agenda if e.kind == "report" and e.report == stem]
    if entries:
        return NewReport(NewFile(path, text), None, line, (f"the agenda already lists `{line}`, so meeting.yml was left as it was",))
    meeting_yml = folder.path / "meeting.yml"
    original = read_text(meeting_yml)
    needs_exclusion = exempt and not any(e.kind == "exclusion" for e in folder.meeting.agenda)
    edited = add_to_agenda(original, stem, exempt)
    if edited is None:
        lines = "`- exclusion` then " * needs_exclusion + f"`{line}`"
        note = f"meeting.yml's agenda could not be changed safely: add {lines} to it yourself"
        return NewReport(NewFile(path, text), None, line, (note,))
    return NewReport(NewFile(path, text), Edit(meeting_yml, original, edited), line, added_exclusion=needs_exclusion)


def _next_number(archive: Archive, folder: MeetingFolder) -> int:
    """The item number the report will have on the default agenda (file name order), past any number a file uses."""
    used = {int(m.group(1)) for p in folder.path.iterdir() if (m := _NUMBERED.match(p.name))}
    number = max([len(agenda_items(archive, folder)) + 1, *(n + 1 for n in used)])
    while number in used:
        number += 1
    return number


def add_to_agenda(text: str, stem: str, exempt: bool = False) -> str | None:
    """meeting.yml's text with the report added to its `agenda:` list, or None if that cannot be done safely.

    A public report goes before the motion to exclude the public if there is one, else at the end;
    an exempt one at the end, after that motion (added if missing). Nothing else in the text changes.
    """
    try:
        data = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    agenda = data.get("agenda") if isinstance(data, dict) else None
    if not isinstance(agenda, list):
        return None
    exclusion = next((i for i, e in enumerate(agenda) if e == "exclusion" or (isinstance(e, dict) and "exclusion" in e)), None)
    entry = {"report": stem}
    if not exempt:
        return add_to_list(text, "agenda", [entry], at=exclusion)
    return add_to_list(text, "agenda", [entry] if exclusion is not None else ["exclusion", entry])


def write_report(report: NewReport) -> None:
    """The report and its line on the agenda, both or neither."""
    carry_out(Plan(files=[report.file], edits=[report.agenda] if report.agenda else []))
