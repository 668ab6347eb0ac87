"""The council's own pages (`pages/*.md`, MkDocs' `docs_dir`), as the generated pages link to them.

MkDocs publishes them beside the generated pages; the home page and each coming
meeting's "Attend or speak" section link to them, so that a page such as
`pages/have-your-say.md` is found where a resident looks for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from committee_papers.yamlsource import YamlProblem, parse_yaml

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_FRONT_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:\s*(.+?)\s*\n(?:.*\n)*?---\n")
_INDEXES = {"index.md", "readme.md"}  # the folder's own page: the home page's address, not a page of its own


@dataclass(frozen=True)
class OwnPage:
    url: str
    title: str


def pages_folder(root: Path) -> Path | None:
    """The folder of the council's own pages: mkdocs.yml's `docs_dir` (MkDocs' default `docs`), if it exists."""
    config = root / "mkdocs.yml"
    declared = "pages"
    if config.is_file():
        try:
            data = parse_yaml(config.read_text("utf-8")).data
        except (OSError, UnicodeDecodeError, YamlProblem):
            return None
        declared = data.get("docs_dir", "docs") if isinstance(data, dict) else "docs"
        if not isinstance(declared, str):
            return None
    folder = root / declared
    return folder if folder.is_dir() else None


def own_pages(root: Path) -> list[OwnPage]:
    """The council's top-level pages, in the order of their file names, each titled as it is headed."""
    folder = pages_folder(root)
    if folder is None:
        return []
    found = []
    for path in sorted(folder.glob("*.md")):
        if path.name.startswith(".") or path.name.lower() in _INDEXES or not path.is_file():
            continue
        try:
            text = path.read_text("utf-8")[:20_000]
        except (OSError, UnicodeDecodeError):
            continue
        found.append(OwnPage(url=f"{path.stem}/", title=_title(text, path.stem)))
    return found


def _title(text: str, stem: str) -> str:
    match = _FRONT_TITLE.match(text.replace("\r\n", "\n")) or _HEADING.search(text)
    if match:
        return match.group(1).strip().strip("\"'")
    return stem.replace("-", " ").replace("_", " ").capitalize()
