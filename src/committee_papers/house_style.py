"""House styles: which template shows a report and which sections it must have, as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from committee_papers.model.house_style import HouseStyleFile
from committee_papers.yamlsource import YamlProblem, parse_yaml


@dataclass(frozen=True)
class HouseStyle:
    name: str
    title: str
    template: str
    number_paragraphs: bool
    required_fields: tuple[str, ...] = ()
    required_sections: tuple[str, ...] = ()
    required_implications: tuple[str, ...] = field(default=())


def _from_yaml(name: str, text: str) -> HouseStyle:
    """A house style, read as `papers check` reads its file (so what passes the check is what renders)."""
    data = HouseStyleFile.model_validate(parse_yaml(text).data or {})
    return HouseStyle(
        name=name,
        title=data.title or name,
        template=data.template,
        number_paragraphs=data.number_paragraphs,
        required_fields=tuple(data.required_fields),
        required_sections=tuple(data.required_sections),
        required_implications=tuple(data.required_implications),
    )


@lru_cache(maxsize=8)
def available_styles(templates: Path | None) -> dict[str, HouseStyle]:
    """The shipped styles, then the council's own in templates/house_styles/ (which win)."""
    styles = {}
    for entry in resources.files("committee_papers").joinpath("house_styles").iterdir():
        if entry.name.endswith(".yml"):
            styles[entry.name[:-4]] = _from_yaml(entry.name[:-4], entry.read_text("utf-8"))
    own = templates / "house_styles" if templates else None
    if own and own.is_dir():
        for path in sorted(own.glob("*.yml")):
            try:
                styles[path.stem] = _from_yaml(path.stem, path.read_text("utf-8"))
            except (YamlProblem, UnicodeDecodeError, ValidationError, OSError, ValueError):
                continue  # reported by the check of the council's templates
    return styles
