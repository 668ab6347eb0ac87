"""A council's house style file: every name it gives must lead somewhere (PAP307)."""

from __future__ import annotations

import difflib
from pathlib import Path

import jinja2

from committee_papers.checks.locate import key, value
from committee_papers.house_style import (
    ALIASES,
    BUILT_IN_NAMES,
    SOURCES,
    _built_in_files,
    _own_files,
    parent_name,
    resolve_files,
    section_name,
)
from committee_papers.model.house_style import HouseStyleFile
from committee_papers.model.report import Report
from committee_papers.problems import Problems
from committee_papers.yamlsource import YamlDoc


def _hint(word: str, choices, what: str) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else f"{what}: " + ", ".join(sorted(choices))


def check_style_file(env: jinja2.Environment, templates: Path, path: Path, style: HouseStyleFile, doc: YamlDoc, problems: Problems) -> None:
    def problem(where: tuple, message: str, hint: str, at_key: bool = False) -> None:
        problems.add("PAP307", path, *(key(doc, *where) if at_key else value(doc, *where)), message, hint)

    built_in, own = _built_in_files(), _own_files(templates)
    resolved = resolve_files(built_in, {**own, path.stem: style})
    names = set(built_in) | set(own) | set(ALIASES)
    parent = parent_name(path.stem, style)
    if style.extends and parent not in names:
        problem(("extends",), f"there is no house style `{style.extends}` to extend", _hint(style.extends, set(BUILT_IN_NAMES) | set(own), "the styles are"))
        return
    if path.stem not in resolved:
        problem(("extends",), f"`extends: {style.extends}` leads back to this style", "extend a built-in style, such as numbered-paragraphs")
        return
    merged = resolved[path.stem][0]
    parent_style = (resolve_files(built_in, {}) if parent == path.stem else resolved).get(parent) if parent else None
    parent_sections = {section_name(s) for s in (parent_style[0].sections or [])} if parent_style else set()
    for index, name in enumerate(style.remove_sections or []):
        if name not in parent_sections:
            problem(("remove_sections", index), f"the style it extends has no section `{name}`", _hint(name, parent_sections, "its sections are"))
    for name in style.change_sections or {}:
        if name not in parent_sections:
            problem(("change_sections", name), f"the style it extends has no section `{name}`", _hint(name, parent_sections, "its sections are"), True)
    for index, added in enumerate(style.add_sections or []):
        for side in ("after", "before"):
            anchor = getattr(added, side)
            if anchor is not None and anchor not in parent_sections:
                problem(("add_sections", index, side), f"the style it extends has no section `{anchor}`", _hint(anchor, parent_sections, "its sections are"))
    _sources(style, problem)
    final = {section_name(s) for s in merged.sections or []}
    start = merged.numbering.starts_at if merged.numbering else None
    if start is not None and start not in final:
        problem(("numbering", "starts_at"), f"numbering starts at `{start}`, which is not a section of this style", _hint(start, final, "its sections are"))
    for index, grid in enumerate(merged.grids or []):
        if grid.inside not in final:
            problem(("grids", index, "inside"), f"the grid `{grid.name}` goes inside `{grid.inside}`, which is not a section of this style", _hint(grid.inside, final, "its sections are"))
    _legacy_fields(style, problem)
    if style.template:
        try:
            env.loader.get_source(env, style.template)
        except jinja2.TemplateNotFound:  # (before OSError, which it is too)
            problem(("template",), f"there is no template `{style.template}`", "give the path of a template under templates/, such as report/ravensmere.html, or leave `template:` out")
        except (UnicodeDecodeError, OSError):
            pass  # a template that cannot be read is reported against its own file (PAP306)


def _sources(style: HouseStyleFile, problem) -> None:
    """Every `from:` is a key of the front matter, `body`, or one of the values the layout knows."""
    places = [("header", style.header), ("cover", style.cover), ("sections", style.sections), ("add_sections", style.add_sections)]
    entries = [((where, index), entry) for where, items in places for index, entry in enumerate(items or [])]
    entries += [(("change_sections", name), entry) for name, entry in (style.change_sections or {}).items()]
    for where, entry in entries:
        if entry.from_ is not None and entry.from_ not in SOURCES:
            problem((*where, "from"), f"`from: {entry.from_}` is not something a report has", _hint(entry.from_, SOURCES, "use one of"))


def _legacy_fields(style: HouseStyleFile, problem) -> None:
    known = set(Report.model_fields)
    for index, name in enumerate(style.required_fields or []):
        if name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
            problem(
                ("required_fields", index),
                f"reports have no front matter key `{name}`",
                f"did you mean `{close[0]}`?" if close else "use a key of a report's front matter, such as `purpose` or `summary`",
            )
