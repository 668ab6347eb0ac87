"""The Jinja2 environment: the council's templates first, the built-in ones second."""

from __future__ import annotations

import datetime as dt
import re
import traceback
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, StrictUndefined, select_autoescape

from committee_papers.addresses import tel_address
from committee_papers.house_style import letter


def ddmmyyyy(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def long_date(day: dt.date | None) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}" if day else ""


def short_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def twelve_hour(time: str | None) -> str:
    if not time:
        return ""
    hours, minutes = (int(part) for part in time.split(":"))
    suffix = "am" if hours < 12 else "pm"
    hours = hours % 12 or 12
    return f"{hours}.{minutes:02d}{suffix}" if minutes else f"{hours}{suffix}"


@lru_cache(maxsize=8)
def template_environment(council_templates: Path | None = None) -> Environment:
    """Templates in the council's folder override the built-in ones of the same name.

    A council template can extend the built-in one it replaces as `builtin/<name>`
    and override a single block.
    """
    builtin = PackageLoader("committee_papers", "templates")
    loaders = [FileSystemLoader(str(council_templates))] if council_templates and council_templates.is_dir() else []
    env = Environment(
        loader=ChoiceLoader([*loaders, PrefixLoader({"builtin": builtin}), builtin]),
        autoescape=select_autoescape(["html", "xml", "svg"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(ddmmyyyy=ddmmyyyy, long_date=long_date, short_date=short_date, twelve_hour=twelve_hour, letter=letter, tel=tel_address)
    return env


def template_problem(error: Exception, root: Path, templates: Path | None):
    """A rendering error whose innermost template is one of the council's, as a problem (PAP306).

    None when the error did not happen in a council template (a fault in a built-in
    template or in this tool is our bug, even under a council template that extends it).
    """
    from committee_papers.problems import Problems

    if templates is None:
        return None
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        frames = [(error.filename, error.lineno or 1)]
    else:
        frames = [(frame.filename, frame.lineno or 1) for frame in traceback.extract_tb(error.__traceback__)]
        cause = error.__cause__  # from a worker process: its traceback comes as text
        if cause is not None and type(cause).__name__ == "_RemoteTraceback":
            frames += [(m[1], int(m[2])) for m in re.finditer(r'File "([^"]+)", line (\d+)', str(cause))]
    council, builtin = templates.resolve(), (Path(__file__).parent.parent / "templates").resolve()
    real = [(_real(name), line) for name, line in frames]
    in_templates = [(path, line) for path, line in real if path.is_relative_to(council) or path.is_relative_to(builtin)]
    if not in_templates or not in_templates[-1][0].is_relative_to(council):
        return None
    problems = Problems(root)
    path, line = in_templates[-1]
    problems.add("PAP306", path, line, 1, f"the template failed while the site was built: {_plain(str(getattr(error, 'message', None) or error))}")
    return problems.items[0]


def _real(name: str) -> Path:
    try:
        return Path(name).resolve()
    except (OSError, RuntimeError):
        return Path(name).absolute()


def _plain(message: str) -> str:
    """Jinja's words for a missing value, without Python's names."""
    missing = re.fullmatch(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '(\w+)'", message)
    if missing:
        return f"it asks for `{missing[2]}`, which the value it is given does not have"
    undefined = re.fullmatch(r"'(\w+)' is undefined", message)
    if undefined:
        return f"it uses `{undefined[1]}`, which this template is not given"
    return message
