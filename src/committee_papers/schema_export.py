"""JSON Schemas of the papers' files, generated from the model, for editors to suggest keys and catch mistakes.

The schemas describe the YAML as an editor reads it (YAML 1.2: dates are
text). Where the model accepts more than its types say (a bare `apologies`
agenda entry, `exempt: false`), the schema is widened to match.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from committee_papers.model.committee import Committee
from committee_papers.model.council import Council
from committee_papers.model.meeting import Meeting
from committee_papers.model.minutes import MinutesFront
from committee_papers.model.people import People
from committee_papers.model.report import Report

DRAFT = "http://json-schema.org/draft-07/schema#"
ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"

KINDS: dict[str, tuple[type[BaseModel], str, str]] = {
    "report": (Report, "Report front matter", "The YAML between the `---` lines at the top of a report, papers/meetings/<meeting>/<NN>-<name>.md."),
    "council": (Council, "council.yml", "The council itself: papers/council.yml."),
    "people": (People, "people.yml", "Councillors and officers, each under an id: papers/people.yml."),
    "committee": (Committee, "Committee", "One committee: papers/committees/<id>.yml; the file name is the committee's id."),
    "meeting": (Meeting, "meeting.yml", "When and where a meeting is held, and its agenda: papers/meetings/<date>-<committee>/meeting.yml."),
    "minutes": (MinutesFront, "Minutes front matter", "The attendance at the top of papers/meetings/<meeting>/minutes.md."),
}

DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Report": {
        "title": "The report's title, as on the agenda. Put it in quotes if it contains a colon.",
        "report_of": 'The role of the reporting officer, printed as "Report of the ...": write `Director of Place`.',
        "purpose": "The purpose of the report (Markdown). In the numbered house style it is paragraph 1.",
        "recommendations": 'What the committee is asked to do, one line each, as it follows "It is recommended that Members:".',
        "signed_by": "The officer who signs the report: an id from people.yml, or {name, role, phone, email}.",
        "contact": "Who to contact about the report: an id from people.yml, or {name, role, phone, email}.",
        "comments": "The clearing officers' signed comments, by key: constitutional, financial, hr, or any other.",
        "background_papers": "Unpublished documents relied on in writing the report (plain text).",
        "divisions_affected": "`all`, or the electoral divisions (wards) affected.",
        "key_decision": "`false`, or the forward plan entry of an executive key decision.",
        "exempt": "`false`, or why the whole report is exempt from publication.",
        "appendices": "The report's appendices in order, lettered A, B, C...",
        "status": "`draft` (not ready for publication) or `final`.",
        "revised": "When the report was revised after the agenda was published, and the chair's reasons: it goes out in a supplementary agenda.",
        "followed": "When a report that was still a draft (to follow) at the agenda's publication went out, and the chair's reasons: it goes out in a supplementary agenda.",
        "summary": "A brief or executive summary (Markdown), in house styles that have one.",
        "decision_maker": "Who takes the decision: Cabinet, a committee, a cabinet member.",
        "decision_date": "The date of the decision (YYYY-MM-DD); default the meeting's date.",
        "reasons": "The reasons for the recommendations (Markdown), in house styles that print them from the front matter.",
        "alternative_options": "The alternative options considered and rejected (Markdown).",
        "implications": "The boxes of the house style's implication grids, by name: yes, no, or {applies, text}.",
        "contacts": "Several contacts, each an id from people.yml or {person or name, role, phone, email}.",
        "members_rooms": "Documents placed in the members' rooms (plain text), in house styles that list them.",
        "equality_impact": "The answer to the house style's question whether an equality impact assessment is needed: true or false.",
    },
    "Comment": {
        "by": "The clearing officer's initials; `TBC` until they sign.",
        "date": "The date the comment was given, YYYY-MM-DD.",
        "text": "The comment itself (Markdown).",
    },
    "KeyDecision": {
        "forward_plan": "The forward plan reference, such as FP-2027-004.",
        "forward_plan_published": "When the decision first appeared in the forward plan (28 clear days before it is taken).",
        "general_exception": "The general exception procedure was used.",
        "special_urgency": "The special urgency procedure was used.",
        "lead_member": "The councillor responsible for the decision (portfolio holder or chair): a councillor id from people.yml.",
    },
    "Appendix": {
        "title": 'The appendix\'s title, printed after "Appendix A:".',
        "file": "The file's path from the meeting folder: a .md or .pdf file, such as 05-car-park-tariffs/appendix-a.md.",
        "exempt": "`false`, or why this appendix alone is exempt.",
    },
    "Revision": {
        "date": "The day the revised report (or the report to follow) was published, YYYY-MM-DD.",
        "reason": "The chair's reasons for considering the report as a matter of urgency.",
    },
    "ContactEntry": {
        "person": "An id from people.yml; their name, telephone and email are used unless given here.",
        "name": "Full name, as printed (instead of `person`).",
        "role": "The role they are listed under, such as AUTHOR: or Director of Place.",
        "phone": "Telephone number.",
        "email": "Email address.",
    },
    "BackgroundPaper": {
        "title": "The background paper's title.",
        "exempt_paragraphs": "The exempt-information paragraphs that allow it to be withheld from inspection, such as [3].",
    },
    "Implication": {
        "applies": "Whether the implication applies: true or false.",
        "text": "The implication (Markdown).",
    },
    "Exempt": {
        "paragraphs": "The exempt-information paragraphs relied on, such as [3].",
        "reason": "Why the information is exempt.",
        "public_interest": "Why the public interest in keeping it exempt outweighs that in disclosing it.",
        "title_exempt": 'The title itself is exempt: the public sees "Exempt item".',
    },
    "InlinePerson": {
        "name": "Full name, as printed.",
        "role": "Job title.",
        "phone": "Telephone number, in quotes if it is all digits.",
        "email": "Email address.",
    },
    "Council": {
        "name": "The council's full name, as printed on agendas and the website.",
        "jurisdiction": "Which law applies: england, wales, scotland or northern-ireland.",
        "website": "The address of the council's papers website.",
        "address": "The council's postal address.",
        "democratic_services": "How to contact Democratic Services: {email, phone}.",
        "municipal_year_starts": "The first day of the municipal year, MM-DD (05-01 is 1 May).",
        "required_comments": "The comments every report must carry, such as [constitutional, financial].",
        "boilerplate": "Standard text printed in every report.",
        "agenda_notes": "Notes printed on the front sheet of every agenda.",
        "house_style": "The house style reports are laid out in: numbered-paragraphs, cover-sheet, numbered-sections, or one in templates/house_styles/.",
        "allow_raw_html": "Whether HTML typed into Markdown is published (after cleaning).",
        "closure_days": "Extra days the council offices are closed, not counted as working days.",
        "resolutions": "How resolutions are numbered: {sequence: council or committee, year: municipal or calendar}.",
        "rules": 'Changes how a rule is applied: problem code → "off", warning or error.',
        "language": "The language of the published pages, such as en-GB or cy.",
        "electoral_area": "What the areas councillors represent are called: division (the default) or ward.",
    },
    "ResolutionNumbering": {
        "sequence": "`council`: one sequence across all committees; `committee`: one for each committee.",
        "year": "`municipal`: the sequence starts again each municipal year; `calendar`: each January.",
    },
    "Contact": {"email": "Email address.", "phone": "Telephone number."},
    "Boilerplate": {
        "statutory_implications": 'The paragraph that opens "Statutory and Policy Implications" in every report (Markdown).',
        "background_papers": "The sentence printed above every report's list of background papers.",
    },
    "People": {
        "councillors": "Councillors, each under an id such as samira-haddad.",
        "officers": "Officers, each under an id such as nikhil-rao.",
    },
    "Councillor": {
        "name": "Full name, as printed.",
        "party": "Political party or group.",
        "division": "The electoral division (or ward) the councillor represents.",
        "email": "Email address.",
        "phone": "Telephone number.",
        "photo": "A photograph: a .jpg, .png or .webp file under papers/, such as people/samira-haddad.jpg.",
        "photo_alt": 'What the photograph shows, for people who cannot see it; default "Councillor <name>".',
        "interests": "The web address (https://...) of the councillor's register of interests.",
    },
    "Officer": {
        "name": "Full name, as printed.",
        "role": "Job title, as printed under the name.",
        "email": "Email address.",
        "phone": "Telephone number.",
    },
    "Committee": {
        "name": "The committee's full name.",
        "parent": "For a sub-committee, the id of the committee it reports to.",
        "chair": "The chair: a councillor id.",
        "vice_chair": "The vice-chair: a councillor id.",
        "members": "The committee's members: councillor ids.",
        "clerk": "The democratic services officer who clerks the committee: an officer id.",
        "default_time": 'The usual start time, "HH:MM" in quotes.',
        "default_venue": "The usual venue.",
        "terms_of_reference": "What the committee may decide (Markdown).",
        "standard_items": "The items that open every agenda: minutes, apologies, declarations.",
    },
    "Meeting": {
        "committee": "The committee's id; it must agree with the folder name.",
        "date": "The date of the meeting, YYYY-MM-DD; it must agree with the folder name.",
        "time": 'Start time, "HH:MM" in quotes; default the committee\'s default_time.',
        "venue": "Where the meeting is held; default the committee's default_venue.",
        "webcast": "Where the meeting is broadcast or recorded.",
        "status": "scheduled, held, cancelled or postponed.",
        "published": "The day the agenda and reports were published, YYYY-MM-DD.",
        "agenda": "The items in order; item numbers are positions in this list.",
        "notes": "Free notes about the meeting.",
    },
    "MinutesFront": {
        "present": "Members present: councillor ids.",
        "absent": "Members who were not there: councillor ids.",
        "apologies": "Members who sent apologies: councillor ids.",
        "substitutes": "Each absent member's id, with the id of the councillor who substituted.",
        "other_members": "Councillors who attended but are not members of the committee.",
        "officers": "Officers in attendance: ids, or {name, role}.",
        "chair": "Who chaired the meeting: a councillor id.",
        "started_at": 'When the meeting started, "HH:MM".',
        "closed_at": 'When the meeting closed, "HH:MM".',
    },
}
ENTRY_DESCRIPTIONS = {
    "MinutesEntry": ("minutes", "Approve the minutes of an earlier meeting of this committee, named by its folder."),
    "ApologiesEntry": ("apologies", "Apologies for Absence."),
    "DeclarationsEntry": ("declarations", "Declarations of Interests."),
    "ItemEntry": ("item", "An item with no report: its title, with optional `text:` and `exempt:`."),
    "ReportEntry": ("report", "A report in this folder, by its file name without .md."),
    "PlannedEntry": (
        "planned",
        "A future item whose report does not exist yet, with optional `lead:`, `key_decision:` (true, or its forward plan entry), `exempt:` and `text:`.",
    ),
    "ExclusionEntry": ("exclusion", "The motion to exclude the public; exempt items follow it."),
}
BARE_ENTRIES = ("ApologiesEntry", "DeclarationsEntry", "ExclusionEntry")
COMMON_ENTRY_KEYS = {
    "added": "The date the item was added after the agenda was published, YYYY-MM-DD.",
    "urgency": "The chair's reasons for urgency for a late item.",
}
FALSE_MEANS_NONE = ("exempt", "key_decision")


def schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema for each kind of file, by kind."""
    return {kind: schema(kind) for kind in KINDS}


def schema(kind: str) -> dict[str, Any]:
    model, title, description = KINDS[kind]
    result = copy.deepcopy(model.model_json_schema())
    for name, definition in [(model.__name__, result), *result.get("$defs", {}).items()]:
        _describe(name, definition)
        _widen(definition)
    _bare_entries(result.get("$defs", {}))
    return {"$schema": DRAFT, "title": title, "description": description, **{k: v for k, v in result.items() if k not in ("title", "description")}}


def _describe(model_name: str, definition: dict) -> None:
    texts = {**DESCRIPTIONS.get(model_name, {})}
    if model_name in ENTRY_DESCRIPTIONS:
        key, text = ENTRY_DESCRIPTIONS[model_name]
        definition["description"] = text
        texts.update(COMMON_ENTRY_KEYS)
        texts.setdefault(key, text)
    for field, prop in definition.get("properties", {}).items():
        if field in texts:
            prop.pop("title", None)
            if set(prop) <= {"$ref"}:
                prop["allOf"] = [{"$ref": prop.pop("$ref")}]
            prop["description"] = texts[field]


def _widen(definition: dict) -> None:
    """Accept what the model accepts beyond its types."""
    props = definition.get("properties", {})
    for name in FALSE_MEANS_NONE:
        if name in props and "anyOf" in props[name]:
            props[name]["anyOf"].append({"const": False})
    if "divisions_affected" in props:
        props["divisions_affected"]["anyOf"][0] = {"type": "string", "minLength": 1}
    boxes = props.get("implications", {}).get("additionalProperties")
    if boxes and "$ref" in boxes:
        props["implications"]["additionalProperties"] = {"anyOf": [boxes, {"type": "boolean"}]}  # `Capital: no`
    if "municipal_year_starts" in props:
        props["municipal_year_starts"]["pattern"] = "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    rules = props.get("rules", {}).get("additionalProperties")
    if rules and "enum" in rules:
        rules.pop("type", None)
        rules["enum"].append(False)  # YAML 1.1 reads an unquoted `off` as false; the model takes it as "off"


def _bare_entries(defs: dict) -> None:
    """`- apologies` is the same entry as `- apologies:`; the object form must name its kind."""
    for name in BARE_ENTRIES:
        if name not in defs:
            continue
        key = ENTRY_DESCRIPTIONS[name][0]
        written_out = defs[name]
        written_out["required"] = [key]
        defs[name] = {"description": written_out.pop("description", ""), "anyOf": [{"const": key}, written_out]}


def write_schemas(directory: Path) -> list[Path]:
    """One <kind>.schema.json per kind in `directory`; never inside a papers folder."""
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        if (folder / "council.yml").is_file():
            raise ValueError(f"{directory} is inside the papers folder {folder}; write the schemas somewhere else, such as .vscode/schemas")
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, data in schemas().items():
        path = directory / f"{kind}.schema.json"
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
        written.append(path)
    return written
