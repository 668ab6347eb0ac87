"""The council's own pages (`pages/*.md`, MkDocs' `docs_dir`) are published exactly as written.

They are not papers: MkDocs renders them, so an `::: exempt` passage in one is
published as text and an author's comment goes into the page's HTML. Either is
reported (PAP228) where it is written, from the renderer's own parse.
"""

from __future__ import annotations

import stat
from pathlib import Path

from committee_papers.loading.folders import papers_folder, publishes_papers
from committee_papers.loading.own_pages import pages_folder
from committee_papers.markdown import exempt
from committee_papers.markdown.parser import parser
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems

_LARGEST = 2_000_000  # as for the papers' own text files (PAP002); a larger page is not read here


def check_own_pages(archive: Archive, problems: Problems, today=None) -> None:
    folder = pages_folder(archive.root)
    root = archive.root.resolve()
    if folder is None or publishes_papers(folder.resolve(), root, papers_folder(root)):
        return  # refused as a whole (PAP602), not page by page
    for path in sorted(folder.rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue  # MkDocs leaves these out of the site
        text = _text(path)
        if text is None:
            continue
        for line, message in _published_as_written(text):
            problems.add("PAP228", path, line, 1, message)


def _text(path: Path) -> str | None:
    """The page's text, if it is an ordinary file of a sensible size in UTF-8 (a pipe or device is never opened)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > _LARGEST:
            return None
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _published_as_written(text: str) -> list[tuple[int, str]]:
    """The lines (from 1) of exempt passages and comments in a page, each with what happens to it."""
    found = []
    for token in parser(False).parse(text):
        if token.map is None:
            continue
        if token.type == exempt.OPEN:
            found.append(
                (token.map[0] + 1, "`::: exempt` does not work in the council's own pages, which are published as written: the passage would be public")
            )
        elif token.type == "comment" or (token.type == "inline" and any(child.type == "comment_inline" for child in token.children or [])):
            found.append((token.map[0] + 1, "an author's comment in the council's own pages is published in the page's HTML, which anyone can read"))
    return found
