"""The council's own templates and house styles: each one must load before a build uses it."""

from __future__ import annotations

from pathlib import Path

import jinja2

from committee_papers.checks.style_files import check_style_file
from committee_papers.loading.archive import read_yaml_file
from committee_papers.model.archive import Archive
from committee_papers.model.house_style import HouseStyleFile
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
    if style is not None:
        check_style_file(env, path.parent.parent, path, style, doc, problems)
