"""The council's own templates and house styles: each one must load before a build uses it."""

from __future__ import annotations

import difflib
from pathlib import Path

import jinja2

from committee_papers.checks.locate import value
from committee_papers.loading.archive import read_yaml_file
from committee_papers.model.archive import Archive
from committee_papers.model.house_style import HouseStyleFile
from committee_papers.model.report import Report
from committee_papers.problems import Problems
from committee_papers.render.environment import template_environment

TEMPLATE_SUFFIXES = (".html", ".xml", ".txt", ".css")  # the pack stylesheet is a template too
HINT = "compare it with the built-in template of the same name (docs/format.md, section 7)"


def check_templates(archive: Archive, problems: Problems, today=None) -> None:
    if archive.templates is None:
        return
    env = template_environment(archive.templates)
    for path in sorted(archive.templates.rglob("*")):
        if path.suffix in TEMPLATE_SUFFIXES and path.is_file():
            _compile(env, archive.templates, path, problems)
    for path in sorted((archive.templates / "house_styles").glob("*.yml")):
        _house_style(env, path, problems)


def _compile(env: jinja2.Environment, root: Path, path: Path, problems: Problems) -> None:
    try:
        source = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        problems.add("PAP306", path, 1, 1, "the template cannot be read as UTF-8 text", "save the file as UTF-8")
        return
    try:
        env.compile(source, path.relative_to(root).as_posix(), str(path))
    except jinja2.TemplateSyntaxError as error:
        problems.add("PAP306", path, error.lineno or 1, 1, f"the template has an error: {error.message}", HINT)


def _house_style(env: jinja2.Environment, path: Path, problems: Problems) -> None:
    style, doc = read_yaml_file(path, HouseStyleFile, "house style", problems)
    if style is None:
        return
    known = set(Report.model_fields)
    for index, name in enumerate(style.required_fields):
        if name not in known:
            line, column = value(doc, "required_fields", index)
            close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
            hint = f"did you mean `{close[0]}`?" if close else "use a key of a report's front matter, such as `purpose` or `summary`"
            problems.add("PAP307", path, line, column, f"reports have no front matter key `{name}`", hint)
    try:
        env.loader.get_source(env, style.template)
    except jinja2.TemplateNotFound:  # (before OSError, which it is too)
        line, column = value(doc, "template")
        problems.add(
            "PAP307", path, line, column, f"there is no template `{style.template}`",
            "give a built-in template (report/numbered.html, report/cover-table.html, report/implications.html) or a path under templates/",
        )
    except (UnicodeDecodeError, OSError):
        pass  # a template that cannot be read is reported against its own file (PAP306)
