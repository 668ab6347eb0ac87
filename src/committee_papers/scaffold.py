"""`papers new`: the files for a new meeting or report, worked out before anything is written.

Planning functions return what to write; `write_new` and `apply_edit` do the
writing. A new file never replaces an existing one. The one change made to an
author's existing file is a line added to the `agenda:` list of meeting.yml,
leaving every other byte as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from committee_papers.agenda import agenda_items, previous_meeting
from committee_papers.checks.locate import did_you_mean
from committee_papers.loading import find_papers, load_archive
from committee_papers.model.archive import Archive, MeetingFolder
from committee_papers.model.meeting import Meeting
from committee_papers.model.report import UNSIGNED, Report
from committee_papers.problems import Problems
from committee_papers.render.report import comment_title, house_style

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBERED = re.compile(r"^(\d+)-")
SLUG_LENGTH = 60

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
BASE_FIELDS = ("title", "report_of", "purpose", "recommendations", "signed_by", "contact")
SECTION_TEXT = {
    "information": "TBC: the information members need, under sub-headings (`###`) of your choosing.",
    "other options considered": "TBC: the other options considered, and why they were rejected.",
    "reason/s for recommendation/s": "TBC: why the recommendations are made.",
    "statutory and policy implications": "TBC: describe each material implication under its own `###` heading, or delete this sentence.",
}


class ScaffoldError(Exception):
    """A request that cannot be carried out; the message is written for the clerk."""


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str


@dataclass(frozen=True)
class Edit:
    """A change to an existing file: `after` replaces `before`, provided the file still holds `before`."""

    path: Path
    before: str
    after: str


@dataclass(frozen=True)
class NewMeeting:
    file: NewFile
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class NewReport:
    file: NewFile
    agenda: Edit | None  # meeting.yml with the report added, when the meeting lists its agenda
    agenda_line: str = ""
    notes: tuple[str, ...] = ()


# --- reading the council --------------------------------------------------------


def load(root: Path) -> Archive:
    if not find_papers(root).is_dir():
        raise ScaffoldError(f"there is no `papers` folder in {root}; run the command in the council's folder, or name it")
    return load_archive(root, Problems(root), workers=1)


def meeting_folder(archive: Archive, meeting_id: str) -> MeetingFolder:
    folder = archive.meetings.get(meeting_id)
    if folder is None:
        raise ScaffoldError(f"there is no meeting `{meeting_id}` in papers/meetings/; {did_you_mean(meeting_id, archive.meetings, 'meeting folder')}")
    if folder.meeting is None:
        raise ScaffoldError(f"papers/meetings/{meeting_id}/meeting.yml cannot be read; run `papers check` to see why")
    return folder


# --- a new meeting ---------------------------------------------------------------


def new_meeting(root: Path, committee_id: str, date_text: str) -> NewMeeting:
    """papers/meetings/<date>-<committee>[-N]/meeting.yml with the committee's defaults and standard items."""
    date = _parse_date(date_text)
    archive = load(root)
    committee = archive.committees.get(committee_id)
    if committee is None:
        if committee_id in archive.unreadable:
            raise ScaffoldError(f"papers/committees/{committee_id}.yml cannot be read; run `papers check` to see why")
        raise ScaffoldError(f"there is no committee `{committee_id}` in papers/committees/; {did_you_mean(committee_id, archive.committees, 'committee')}")
    folder = _free_meeting_folder(archive.papers / "meetings", f"{date.isoformat()}-{committee_id}")
    this = MeetingFolder(id=folder.name, path=folder, meeting=Meeting(committee=committee_id, date=date), doc=None)
    lines = [f"committee: {committee_id}", f"date: {date.isoformat()}"]
    if committee.default_time:
        lines.append(f'time: "{committee.default_time}"')
    if committee.default_venue:
        lines.append(f"venue: {scalar(committee.default_venue)}")
    lines.append("status: scheduled")
    entries, notes = [], ()
    for item in committee.standard_items:
        if item == "minutes":
            previous = previous_meeting(archive, this)
            entries += [f"minutes: {previous.id}"] if previous else []
            notes = _minutes_notes(archive, this, previous)
        else:
            entries.append(item)
    if entries:
        lines += ["agenda:", *(f"  - {entry}" for entry in entries)]
    return NewMeeting(NewFile(folder / "meeting.yml", "\n".join(lines) + "\n"), notes)


def _minutes_notes(archive: Archive, this: MeetingFolder, previous: MeetingFolder | None) -> tuple[str, ...]:
    """A word when the minutes item is missing or older than the committee's latest earlier meeting."""
    earlier = [m for m in archive.meetings_of(this.meeting.committee) if m.meeting.date < this.meeting.date and m.meeting.status != "cancelled"]
    latest = max(earlier, key=lambda m: (m.meeting.date, m.id), default=None)
    if latest is None:
        return ("the agenda has no minutes item: the committee has no earlier meeting",)
    if previous is None:
        return (f"the agenda has no minutes item: {latest.id} is not yet marked `held`; once it is, add `- minutes: {latest.id}`",)
    if latest.id != previous.id:
        return (f"the minutes item names {previous.id}, the last meeting marked `held`; once {latest.id} is held, change it to `- minutes: {latest.id}`",)
    return ()


def _parse_date(text: str) -> dt.date:
    try:
        if _DATE.match(text.strip()):
            return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ScaffoldError(f"`{text}` is not a real date") from None
    raise ScaffoldError(f"`{text}` is not a date written YYYY-MM-DD, such as 2027-03-02")


def _free_meeting_folder(meetings: Path, name: str) -> Path:
    candidate, suffix = meetings / name, 1
    while candidate.exists():
        suffix += 1
        candidate = meetings / f"{name}-{suffix}"
    return candidate


# --- a new report ----------------------------------------------------------------


def new_report(root: Path, meeting_id: str, title: str) -> NewReport:
    """A report that passes the check except for its unsigned comments, and its place on the agenda."""
    archive = load(root)
    folder = meeting_folder(archive, meeting_id)
    title = _one_line(title)
    fields: dict[str, Any] = {"title": title}
    fields.update((name, PLACEHOLDERS[name]) for name in required_fields(archive) if name in PLACEHOLDERS)
    fields.update(style_fields(archive, folder))
    fields["comments"] = {key: unsigned_comment(key) for key in required_comments(archive)}
    fields["status"] = "draft"
    body = "\n\n".join(f"## {section}\n\n{section_placeholder(section)}" for section in house_style(archive).required_sections)
    return place_report(archive, folder, title, front_matter(fields) + "\n" + (body or "TBC: the body of the report.") + "\n")


def required_fields(archive: Archive) -> list[str]:
    """The front matter keys the council's house style needs, in the model's order, the usual ones first."""
    wanted = set(BASE_FIELDS) | set(house_style(archive).required_fields)
    return [name for name in Report.model_fields if name in wanted]


def style_fields(archive: Archive, folder: MeetingFolder) -> dict[str, Any]:
    """Placeholders that depend on the meeting or the house style rather than a fixed text."""
    style = house_style(archive)
    fields: dict[str, Any] = {}
    if "decision_date" in style.required_fields:
        fields["decision_date"] = folder.meeting.date
    if "implications" in style.required_fields:
        rows = style.required_implications or ("Financial",)
        fields["implications"] = {row: {"applies": False, "text": f"TBC: the {row.lower()} implications, if any."} for row in rows}
    return fields


def required_comments(archive: Archive) -> list[str]:
    return list(archive.council.required_comments) if archive.council else ["constitutional", "financial"]


def unsigned_comment(key: str) -> dict[str, str]:
    return {"by": UNSIGNED, "text": f"TBC: the {comment_title(key)[: -len(' Comments')].lower()} comment, given, initialled and dated by the clearing officer."}


def section_placeholder(section: str) -> str:
    return SECTION_TEXT.get(section.casefold(), f"TBC: the {section.lower()} section.")


def place_report(archive: Archive, folder: MeetingFolder, title: str, text: str) -> NewReport:
    """Where a new report goes in the meeting folder, and its line on an explicit agenda."""
    stem = f"{_next_number(archive, folder, _exclusion_index(folder)):02d}-{slug(title)}"
    path = folder.path / f"{stem}.md"
    if path.exists() or (folder.path / stem).exists():
        raise ScaffoldError(f"{path.name} already exists in {folder.id}; choose another title")
    if folder.meeting.agenda is None:
        return NewReport(NewFile(path, text), None)
    meeting_yml = folder.path / "meeting.yml"
    original = meeting_yml.read_bytes().decode("utf-8")
    edited = add_to_agenda(original, stem)
    line = f"- report: {stem}"
    if edited is None:
        note = f"meeting.yml's agenda could not be changed safely: add `{line}` to it yourself"
        return NewReport(NewFile(path, text), None, line, (note,))
    return NewReport(NewFile(path, text), Edit(meeting_yml, original, edited), line)


def _exclusion_index(folder: MeetingFolder) -> int | None:
    entries = folder.meeting.agenda or []
    return next((i for i, entry in enumerate(entries) if entry.kind == "exclusion"), None)


def _next_number(archive: Archive, folder: MeetingFolder, exclusion: int | None) -> int:
    """The agenda item number the report will have, moved on past any number a file already uses."""
    used = {int(m.group(1)) for p in folder.path.iterdir() if (m := _NUMBERED.match(p.name))}
    if folder.meeting.agenda is not None:
        number = (exclusion if exclusion is not None else len(folder.meeting.agenda)) + 1
    else:  # the default agenda takes reports in file-name order: this one goes last
        number = max([len(agenda_items(archive, folder)) + 1, *(n + 1 for n in used)])
    while number in used:
        number += 1
    return number


def slug(title: str) -> str:
    """`Car Park Tariffs: 2027/28` is `car-park-tariffs-2027-28`."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) > SLUG_LENGTH:
        words = words[:SLUG_LENGTH].rsplit("-", 1)[0]
    return words or "report"


def _one_line(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("the report needs a title")
    return title


# --- adding a report to an agenda ------------------------------------------------


def add_to_agenda(text: str, stem: str) -> str | None:
    """meeting.yml's text with the report added to its `agenda:` list, or None if that cannot be done safely.

    The report goes before the motion to exclude the public if there is one,
    else at the end. Nothing else in the text changes.
    """
    try:
        before = yaml.load(text, Loader=yaml.SafeLoader)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    found = _agenda_node(root)
    if found is None:
        return None
    agenda, next_key = found
    index = next((i for i, node in enumerate(agenda.value) if _is_exclusion(node)), None)
    if agenda.flow_style:
        edited = _add_to_flow(text, agenda, index, stem)
    else:
        edited = _add_to_block(text, agenda, next_key, index, stem)
    return edited if edited is not None and _only_added(before, edited, index, stem) else None


def _agenda_node(root) -> tuple[yaml.SequenceNode, yaml.Node | None] | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    pairs = root.value
    for position, (key, value) in enumerate(pairs):
        if isinstance(key, yaml.ScalarNode) and key.value == "agenda" and isinstance(value, yaml.SequenceNode):
            return value, pairs[position + 1][0] if position + 1 < len(pairs) else None
    return None


def _is_exclusion(node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return node.value == "exclusion"
    return isinstance(node, yaml.MappingNode) and any(k.value == "exclusion" for k, _ in node.value)


def _add_to_flow(text: str, agenda, index: int | None, stem: str) -> str | None:
    entry = f"{{report: {stem}}}"
    if index is not None:
        at = agenda.value[index].start_mark.index
        return text[:at] + entry + ", " + text[at:]
    at = agenda.end_mark.index - 1
    if text[at] != "]":
        return None
    return text[:at] + (", " if agenda.value else "") + entry + text[at:]


def _add_to_block(text: str, agenda, next_key, index: int | None, stem: str) -> str | None:
    first = agenda.value[0].start_mark.index if agenda.value else None
    if first is None:
        return None
    line_start = text.rfind("\n", 0, first) + 1
    dash = text[line_start:first].rfind("-")
    if dash < 0 or text[line_start : line_start + dash].strip():
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    line = " " * dash + f"- report: {stem}" + newline
    if index is not None:
        at = text.rfind("\n", 0, agenda.value[index].start_mark.index) + 1
        return text[:at] + line + text[at:]
    end = text.rfind("\n", 0, next_key.start_mark.index) + 1 if next_key is not None else len(text)
    last = agenda.value[-1].start_mark.index
    at = text.find("\n", last) + 1 or len(text)
    return _insert_after_item(text, at, end, dash, line, newline)


def _insert_after_item(text: str, at: int, end: int, dash: int, line: str, newline: str) -> str:
    """Insert `line` after the last line between `at` and `end` that belongs to the last item (indented past the dash)."""
    position = at
    offset = at
    for raw in re.findall(r"[^\n]*\n|[^\n]+$", text[at:end]):
        content = raw.rstrip("\r\n")
        offset += len(raw)
        if content.strip() and len(content) - len(content.lstrip(" ")) > dash:
            position = offset
    if position > 0 and not text[:position].endswith("\n"):
        return text[:position] + newline + line.rstrip("\r\n") + text[position:]
    return text[:position] + line + text[position:]


def _only_added(before: Any, edited: str, index: int | None, stem: str) -> bool:
    try:
        after = yaml.load(edited, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    expected = dict(before)
    agenda = list(before["agenda"])
    agenda.insert(len(agenda) if index is None else index, {"report": stem})
    expected["agenda"] = agenda
    return after == expected


# --- writing ----------------------------------------------------------------------


def write_new(file: NewFile) -> None:
    """Create the file; refuse if anything is already there."""
    try:
        file.path.parent.mkdir(parents=True, exist_ok=True)
        with open(file.path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(file.text)
    except FileExistsError:
        raise ScaffoldError(f"{file.path} already exists; it was left as it was") from None
    except OSError as exc:
        raise ScaffoldError(f"{file.path} could not be written: {exc.strerror or exc}") from None


def apply_edit(edit: Edit) -> None:
    """Replace the file's text, provided no one has changed it since it was read."""
    if edit.path.read_bytes().decode("utf-8", "replace") != edit.before:
        raise ScaffoldError(f"{edit.path} changed while the command ran, so it was left as it was")
    handle, temporary = tempfile.mkstemp(dir=edit.path.parent, prefix=".papers-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(edit.after.encode("utf-8"))
        os.chmod(temporary, edit.path.stat().st_mode & 0o7777)
        os.replace(temporary, edit.path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_report(report: NewReport) -> None:
    """The report, then its line on the agenda."""
    write_new(report.file)
    if report.agenda is None:
        return
    try:
        apply_edit(report.agenda)
    except (ScaffoldError, OSError) as exc:
        reason = str(exc) if isinstance(exc, ScaffoldError) else f"{report.agenda.path} could not be written: {exc.strerror or exc}"
        raise ScaffoldError(f"{report.file.path} was created, but {reason}: add `{report.agenda_line}` to its agenda yourself") from None


# --- front matter as readable YAML --------------------------------------------------


def front_matter(fields: dict[str, Any]) -> str:
    lines = ["---"]
    for key, value in fields.items():
        lines += _emit(key, value, 0)
    return "\n".join(lines + ["---"]) + "\n"


def _emit(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    head = f"{pad}{scalar(key)}:"
    if isinstance(value, dict):
        if all(not isinstance(v, (dict, list)) and "\n" not in str(v) for v in value.values()):
            inline = ", ".join(f"{scalar(k, flow=True)}: {scalar(v, flow=True)}" for k, v in value.items())
            if len(head) + len(inline) < 140:
                return [f"{head} {{{inline}}}"]
        return [head] + [line for k, v in value.items() for line in _emit(k, v, indent + 2)]
    if isinstance(value, list):
        return [head] + [f"{pad}  - {scalar(item)}" for item in value]
    if isinstance(value, str) and "\n" in value.strip() and _printable(value):
        text = value.strip("\n")
        indicator = "2" if text[:1] == " " else ""
        return [f"{head} |{indicator}"] + [f"{pad}  {line}" if line.strip() else "" for line in text.split("\n")]
    return [f"{head} {scalar(value)}"]


def scalar(value: Any, flow: bool = False) -> str:
    """A YAML scalar: plain where that reads back as the same text, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    text = str(value)
    if text and text == text.strip() and "\n" not in text and _printable(text) and _reads_back(text, flow):
        return text
    return _quoted(text)


def _reads_back(text: str, flow: bool) -> bool:
    source = f"{{k: {text}}}" if flow else f"k: {text}"
    try:
        return yaml.load(source, Loader=yaml.SafeLoader) == {"k": text}
    except yaml.YAMLError:
        return False


def _printable(text: str) -> bool:
    return not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u2028\u2029\ufeff\ufffe\uffff]", text)


def _quoted(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return re.sub("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]", lambda m: f"\\u{ord(m.group()):04x}", quoted)
