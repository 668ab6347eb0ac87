"""The Jinja2 environment: the council's templates first, the built-in ones second."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, StrictUndefined, select_autoescape


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


def letter(index: int) -> str:
    """Appendix letters: A, B, ... Z, AA, AB ..."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text


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
    env.filters.update(
        ddmmyyyy=ddmmyyyy, long_date=long_date, short_date=short_date, twelve_hour=twelve_hour, letter=letter
    )
    return env
