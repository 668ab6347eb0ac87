"""A report against its house style: advice, not law.

A missing section, a heading worded differently, sections in another order, a
front matter key the style does not print: each is a warning by default, which
a council can raise to an error (or switch off) in council.yml's `rules:`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from committee_papers.checks.locate import key
from committee_papers.house_style import ALWAYS_SHOWN, LEGACY_TEMPLATES, SOURCES, HouseStyle, section_name
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems
from committee_papers.render.report import ParsedReport

_TYPED_NUMBER = re.compile(r"^\d+(\.\d+)*\.?\s")


def difflib_close(word: str, choices: Iterable[str]) -> bool:
    return bool(difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6))


def check_layout(parsed: ParsedReport, problems: Problems, cleared: bool = False) -> None:
    """`cleared`: the council requires signed comments, which serve the clearance of a report whether or not its style prints them."""
    _required(parsed, problems)
    _wording(parsed, problems)
    _order(parsed, problems)
    _typed_numbers(parsed, problems)
    if parsed.style.template is None:  # a council's own template may show anything; only the data can be read
        _not_shown(parsed, problems, {"comments"} if cleared else set())


def _empty(value) -> bool:
    return value is None or value is False or value in ("", [], {})


def _required(parsed: ParsedReport, problems: Problems) -> None:
    report_file, style = parsed.report_file, parsed.style
    report, path = report_file.report, report_file.path
    top = key(report_file.doc) if report_file.doc else (1, 1)
    for name in style.required_fields:
        present = report.contact or report.contacts if name == "contact" else getattr(report, name, None)
        if not _empty(present):
            continue
        found = next((i for i, s in enumerate(style.sections) if s.from_ == name), None)
        if found is not None and found in parsed.found:
            continue  # written as a section of the body instead
        words = f"or a `## {style.sections[found].label.rstrip(':')}` section" if found is not None and style.sections[found].label else ""
        problems.add(
            "PAP303", path, *top,
            f"the `{style.name}` house style needs `{name}` in the front matter",
            f"add `{name}:` to the front matter {words}".strip(),
        )
    for index, section in enumerate(style.sections):
        if section.required and section.from_ == "body" and index not in parsed.found:
            problems.add(
                "PAP303", path, report_file.body_line, 1,
                f"the report has no `## {section.label}` section, which the `{style.name}` house style expects",
                f"add a heading `## {section.label}` and its text" + (f", or one of: {', '.join(section.also)}" if section.also else ""),
            )
    given = {name.casefold() for name in report.implications}
    groups = [(f"the grid `{grid.name}`", grid.boxes) for grid in style.grids]
    groups += [("the implications", style.required_implications)] if style.required_implications else []
    for what, boxes in groups:
        missing = [box for box in boxes if box.casefold() not in given]
        if missing:
            line, column = key(report_file.doc, "implications") if report.implications else top
            problems.add(
                "PAP303", path, line, column,
                f"{what} has no answer for " + ", ".join(f"`{box}`" for box in missing),
                f"add `{missing[0]}: no` (or `yes`) under `implications:`, and the same for the others",
            )


def _wording(parsed: ParsedReport, problems: Problems) -> None:
    report_file = parsed.report_file
    for index, (chunk, how) in parsed.found.items():
        if how != "close":
            continue
        section = parsed.style.sections[index]
        heading = parsed.chunks[chunk]
        problems.add(
            "PAP311", report_file.path, report_file.body_line + heading.line, 1,
            f"the heading `## {heading.words}` is worded differently from the `{parsed.style.name}` house style's `{section.label}`",
            f"write `## {section.label}`, or add `{heading.words}` to the section's `also:` in the house style",
        )


def _order(parsed: ParsedReport, problems: Problems) -> None:
    report_file = parsed.report_file
    by_chunk = sorted((chunk, index) for index, (chunk, _) in parsed.found.items() if chunk >= 0)
    for (_, before), (chunk, after) in zip(by_chunk, by_chunk[1:]):
        if after < before:
            heading, other = parsed.chunks[chunk], parsed.style.sections[before]
            problems.add(
                "PAP312", report_file.path, report_file.body_line + heading.line, 1,
                f"`## {heading.words}` comes after `## {section_name(other)}` here, but before it in the `{parsed.style.name}` house style",
                "move the section, or leave it where it is if this report needs that order",
            )
            return


def _typed_numbers(parsed: ParsedReport, problems: Problems) -> None:
    if parsed.style.numbering.scheme != "sections":
        return
    report_file = parsed.report_file
    for index, token in enumerate(parsed.body.tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3") and token.map:
            words = parsed.body.tokens[index + 1].content
            if _TYPED_NUMBER.match(words):
                problems.add(
                    "PAP315", report_file.path, report_file.body_line + token.map[0], 1,
                    f"the heading `{words}` has a number typed in; the `{parsed.style.name}` house style numbers sections itself",
                    f"write `{token.markup} {_TYPED_NUMBER.sub('', words)}`",
                )


def _not_shown(parsed: ParsedReport, problems: Problems, used: set[str]) -> None:
    report_file, style = parsed.report_file, parsed.style
    data = report_file.doc.data if report_file.doc and isinstance(report_file.doc.data, dict) else {}
    shown = style.shown_fields() | used
    for name, written in data.items():
        if name in shown or name in ALWAYS_SHOWN or _empty(written) or name not in SOURCES and name != "implications":
            continue
        line, column = key(report_file.doc, name)
        problems.add(
            "PAP310", report_file.path, line, column,
            f"the `{style.name}` house style does not print `{name}`, so it would not be published",
            f"remove `{name}`, or show it in the council's house style (docs/house-styles.md)",
        )
    if style.grids and isinstance(data.get("implications"), dict):
        boxes = {box.casefold() for grid in style.grids for box in grid.boxes}
        for name in data["implications"]:
            if str(name).casefold() not in boxes:
                line, column = key(report_file.doc, "implications", name)
                close = difflib.get_close_matches(str(name), [b for g in style.grids for b in g.boxes], n=1, cutoff=0.6)
                problems.add(
                    "PAP310", report_file.path, line, column,
                    f"`{name}` is not a box in the `{style.name}` house style's grids, so it would not be published",
                    f"did you mean `{close[0]}`?" if close else "the boxes are: " + ", ".join(b for g in style.grids for b in g.boxes),
                )


def check_unused_templates(archive: Archive, style: HouseStyle | None, problems: Problems) -> None:
    """A council's copy of a template the chosen style no longer uses would be silently ignored."""
    if archive.templates is None or style is None:
        return
    legacy = ("base.html", "parts/heading.html", "parts/recommendations.html", "parts/background.html", "parts/divisions.html")
    for name in (*LEGACY_TEMPLATES, *(f"report/{n}" for n in legacy)):
        path = archive.templates / name
        if path.is_file() and style.template is None:
            problems.add(
                "PAP314", path, 1, 1,
                f"the `{style.name}` house style does not use {name}, so this copy of it changes nothing",
                f"set `template: {name}` in templates/house_styles/<style>.yml to lay reports out with it, or describe the layout in the house style (docs/house-styles.md) and delete this file",
            )
