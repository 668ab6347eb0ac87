"""House styles: how a council lays out its reports, as data.

The built-in styles live in `house_styles/`; a council's own in
`templates/house_styles/`, where a file may `extends:` another style and change
only what differs. Old names of the built-in styles still work.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from committee_papers.model.house_style import Appendices, ContactLabels, Grid, HouseStyleFile, Numbering, Row, Section
from committee_papers.yamlsource import YamlProblem, parse_yaml

DEFAULT = "numbered-paragraphs"
ALIASES = {"numbered": "numbered-paragraphs", "cover-table": "cover-sheet", "implications": "numbered-sections"}
LEGACY_TEMPLATES = {
    "report/numbered.html": "numbered-paragraphs",
    "report/cover-table.html": "cover-sheet",
    "report/implications.html": "numbered-sections",
}

# Where a row or section can take its value from, and the front matter keys each one shows.
SOURCES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "meeting_date": (),
    "agenda_item": (),
    "committee": (),
    "report_of": ("report_of",),
    "decision_maker": ("decision_maker",),
    "decision_date": ("decision_date",),
    "purpose": ("purpose",),
    "summary": ("summary",),
    "reasons": ("reasons",),
    "alternative_options": ("alternative_options",),
    "body": (),
    "recommendations": ("recommendations",),
    "signed_by": ("signed_by",),
    "contacts": ("contact", "contacts"),
    "comments": ("comments",),
    "background_papers": ("background_papers",),
    "divisions_affected": ("divisions_affected",),
    "key_decision": ("key_decision",),
    "forward_plan": ("key_decision",),
    "exempt": ("exempt",),
    "members_rooms": ("members_rooms",),
    "equality_impact": ("equality_impact",),
    "appendices": ("appendices",),
}
TEXT_SOURCES = ("purpose", "summary", "reasons", "alternative_options")  # Markdown that may also be a body section
ALWAYS_SHOWN = ("title", "status", "revised", "exempt", "appendices")  # used whatever the layout


def section_name(section: Section) -> str:
    """How a section is named in `starts_at`, `inside` and `change_sections`: its label, or its source."""
    return section.label or section.from_ or ""


@dataclass(frozen=True)
class HouseStyle:
    name: str
    title: str
    description: str
    template: str | None
    header: tuple[Row, ...]
    cover: tuple[Row, ...]
    sections: tuple[Section, ...]
    numbering: Numbering
    appendices: Appendices
    contact_labels: ContactLabels
    grids: tuple[Grid, ...]
    extra_required_fields: tuple[str, ...] = ()
    required_implications: tuple[str, ...] = ()

    @property
    def number_paragraphs(self) -> bool:
        return self.numbering.scheme == "paragraphs"

    @property
    def required_fields(self) -> tuple[str, ...]:
        rows = [r.from_ for r in (*self.header, *self.cover) if r.required and r.from_]
        fields = [s.from_ for s in self.sections if s.required and s.from_ not in (None, "body")]
        return tuple(dict.fromkeys(f for name in (*rows, *fields) for f in SOURCES.get(name, ())[:1])) + self.extra_required_fields

    @property
    def required_sections(self) -> tuple[str, ...]:
        return tuple(s.label for s in self.sections if s.required and s.from_ == "body" and s.label)

    def sources(self) -> set[str]:
        used = {r.from_ for r in (*self.header, *self.cover) if r.from_}
        used |= {s.from_ for s in self.sections if s.from_}
        return used

    def shown_fields(self) -> set[str]:
        shown = set(ALWAYS_SHOWN)
        for source in self.sources():
            shown.update(SOURCES.get(source, ()))
        shown.update(s for s in TEXT_SOURCES if any(sec.from_ == s for sec in self.sections))
        if self.grids:
            shown.add("implications")
        return shown

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if section_name(s) == name), None)

    def appendix_mark(self, index: int) -> str:
        """The appendix's letter or number: A, B ... or 1, 2 ..."""
        return str(index + 1) if self.appendices.numbers == "numbers" else letter(index)

    def appendix_label(self, index: int) -> str:
        """As printed everywhere the appendix is named: "Appendix A", "Annex A", "Appendix 1"."""
        return f"{self.appendices.label} {self.appendix_mark(index)}"


def merge(parent: HouseStyleFile, child: HouseStyleFile) -> HouseStyleFile:
    """`child` laid over `parent`: its keys replace the parent's, nested settings key by key."""
    merged = parent.model_copy(deep=True)
    for key in child.model_fields_set - {"extends", "change_sections", "remove_sections", "add_sections"}:
        value, old = getattr(child, key), getattr(merged, key)
        if isinstance(value, (Numbering, Appendices, ContactLabels)) and old is not None:
            value = old.model_copy(update={k: getattr(value, k) for k in value.model_fields_set})
        setattr(merged, key, value)
    sections = list(merged.sections or [])
    removed = set(child.remove_sections or ())
    sections = [s for s in sections if section_name(s) not in removed]
    for name, change in (child.change_sections or {}).items():
        sections = [s.model_copy(update={k: getattr(change, k) for k in change.model_fields_set}) if section_name(s) == name else s for s in sections]
    for added in child.add_sections or ():
        section = Section(**added.model_dump(by_alias=True, exclude={"after", "before"}, exclude_unset=True))
        names = [section_name(s) for s in sections]
        anchor = added.after or added.before
        if anchor in names:
            sections.insert(names.index(anchor) + (1 if added.after else 0), section)
        else:
            sections.append(section)
    merged.sections = sections
    return merged


def _legacy(data: HouseStyleFile, merged: HouseStyleFile) -> HouseStyleFile:
    """The keys of older style files (number_paragraphs, required_fields, required_sections), applied to the layout."""
    if data.number_paragraphs is not None:
        start = merged.numbering.starts_at if merged.numbering else None
        merged.numbering = Numbering(scheme="paragraphs" if data.number_paragraphs else "none", starts_at=start)
    sections = list(merged.sections or [])
    if data.required_sections is not None:
        wanted = {name.casefold() for name in data.required_sections}
        sections = [s.model_copy(update={"required": (s.label or "").casefold() in wanted}) if s.from_ == "body" else s for s in sections]
        present = {(s.label or "").casefold() for s in sections}
        last_body = max((i for i, s in enumerate(sections) if s.from_ == "body"), default=len(sections) - 1)
        for offset, name in enumerate(n for n in data.required_sections if n.casefold() not in present):
            sections.insert(last_body + 1 + offset, Section(label=name, **{"from": "body"}, required=True))
    if data.required_fields is not None:
        wanted = set(data.required_fields)

        def needed(source: str | None) -> bool:
            return any(name in wanted for name in SOURCES.get(source or "", ())[:1])

        sections = [s.model_copy(update={"required": needed(s.from_)}) if s.from_ not in (None, "body") else s for s in sections]
        merged.header = [r.model_copy(update={"required": needed(r.from_)}) for r in merged.header or []]
        merged.cover = [r.model_copy(update={"required": needed(r.from_)}) for r in merged.cover or []]
    merged.sections = sections
    return merged


def parent_name(name: str, data: HouseStyleFile) -> str | None:
    """The style a file builds on: its `extends:`, or for an older file without a layout, the style its template had."""
    if data.extends:
        return ALIASES.get(data.extends, data.extends)
    if data.header is None and data.cover is None and data.sections is None and name not in BUILT_IN_NAMES:
        return LEGACY_TEMPLATES.get(data.template or "", DEFAULT)
    return None


def build(name: str, data: HouseStyleFile, parent: HouseStyleFile | None) -> HouseStyleFile:
    merged = merge(parent, data) if parent is not None else data.model_copy(deep=True)
    return _legacy(data, merged)


def to_style(name: str, data: HouseStyleFile, own: HouseStyleFile) -> HouseStyle:
    template = data.template if data.template else None
    layout = [entry.from_ for entry in (*(data.header or ()), *(data.cover or ()), *(data.sections or ()))]
    shown = {field for source in layout for field in SOURCES.get(source or "", ())[:1]}
    extra = tuple(f for f in own.required_fields or () if f not in shown)
    return HouseStyle(
        name=name,
        title=data.title or name,
        description=data.description or "",
        template=template,
        header=tuple(data.header or ()),
        cover=tuple(data.cover or ()),
        sections=tuple(data.sections or ()),
        numbering=data.numbering or Numbering(),
        appendices=data.appendices or Appendices(),
        contact_labels=data.contact_labels or ContactLabels(),
        grids=tuple(data.grids or ()),
        extra_required_fields=tuple(f for f in extra if f in SOURCES or f == "implications"),
        required_implications=tuple(own.required_implications or ()),
    )


def read_style_file(text: str) -> HouseStyleFile:
    return HouseStyleFile.model_validate(parse_yaml(text).data or {})


@lru_cache(maxsize=1)
def _built_in_files() -> dict[str, HouseStyleFile]:
    folder = resources.files("committee_papers").joinpath("house_styles")
    return {e.name[:-4]: read_style_file(e.read_text("utf-8")) for e in folder.iterdir() if e.name.endswith(".yml")}


BUILT_IN_NAMES = ("numbered-paragraphs", "cover-sheet", "numbered-sections")


def _own_files(templates: Path | None) -> dict[str, HouseStyleFile]:
    folder = templates / "house_styles" if templates else None
    files = {}
    if folder and folder.is_dir():
        for path in sorted(folder.glob("*.yml")):
            try:
                files[path.stem] = read_style_file(path.read_text("utf-8"))
            except (YamlProblem, UnicodeDecodeError, ValidationError, OSError, ValueError):
                continue  # reported by the check of the council's templates
    return files


def resolve_files(built_in: dict[str, HouseStyleFile], own: dict[str, HouseStyleFile]) -> dict[str, tuple[HouseStyleFile, HouseStyleFile]]:
    """Each style's merged file and its own file; a style whose `extends:` leads nowhere (or round in a circle) is left out."""
    resolved: dict[tuple[str, bool], HouseStyleFile | None] = {}

    def merged(name: str, council: bool, seen: tuple) -> HouseStyleFile | None:
        files = own if council and name in own else built_in
        if name not in files or (name, council) in seen:
            return None
        key = (name, council and name in own)
        if key not in resolved:
            data = files[name]
            parent = parent_name(name, data)
            base = None
            if parent is not None:
                # a council file that extends the built-in style of its own name builds on the built-in one
                base = merged(parent, key[1] and parent != name, (*seen, key))
                if base is None:
                    resolved[key] = None
                    return None
            resolved[key] = build(name, data, base)
        return resolved[key]

    result = {}
    for name, data in [*built_in.items(), *own.items()]:
        council = name in own and own[name] is data
        style = merged(name, council, ())
        if style is not None:
            result[name] = (style, data)
    return result


@lru_cache(maxsize=8)
def available_styles(templates: Path | None) -> dict[str, HouseStyle]:
    """The built-in styles, then the council's own in templates/house_styles/ (which win)."""
    return {name: to_style(name, merged, data) for name, (merged, data) in resolve_files(_built_in_files(), _own_files(templates)).items()}


def find_style(styles: dict[str, HouseStyle], name: str) -> HouseStyle | None:
    """A style by its name or the old name of a built-in style."""
    return styles.get(name) or styles.get(ALIASES.get(name, ""))


def chosen_style(council, templates: Path | None) -> HouseStyle:
    styles = available_styles(templates)
    name = council.house_style if council else DEFAULT
    return find_style(styles, name) or styles[DEFAULT]


def letter(index: int) -> str:
    """Appendix letters: A, B, ... Z, AA, AB ..."""
    text = ""
    index += 1
    if index < 1:
        return ""
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text
