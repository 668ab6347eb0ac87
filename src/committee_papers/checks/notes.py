"""Authors' comments (`<!-- … -->`) written in a plain-text value, where they are not comments.

A comment is a note only in Markdown (a report's body, purpose and comments, an
item's text, terms of reference). A title, a name, a venue, a reason for
urgency are plain text, shown exactly as written, so a `<!-- note -->` in one
is published word for word (PAP229). A note in a YAML file is written as a YAML
comment, `# like this`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from committee_papers.markdown.comments import OPEN
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems
from committee_papers.yamlsource import YamlDoc

ANY = object()  # any key or list position
# The values that are Markdown, where a comment is a comment: by file kind, their paths.
MARKDOWN = {
    "report": [
        ("purpose",),
        ("summary",),
        ("reasons",),
        ("alternative_options",),
        ("comments", ANY, "text"),
        ("implications", ANY, "text"),
        ("recommendations", ANY),
    ],
    "meeting": [("agenda", ANY, "text")],
    "committee": [("terms_of_reference",)],
    "council": [("boilerplate", "statutory_implications")],
    "other": [],
}


def check_plain_text_notes(archive: Archive, problems: Problems, today=None) -> None:
    files: list[tuple[Path, YamlDoc | None, str]] = [
        (archive.papers / "council.yml", archive.council_doc, "council"),
        (archive.papers / "people.yml", archive.people_doc, "other"),
        *((archive.papers / "committees" / f"{cid}.yml", doc, "committee") for cid, doc in archive.committee_docs.items()),
    ]
    for folder in archive.meetings.values():
        files.append((folder.path / "meeting.yml", folder.doc, "meeting"))
        files += [(report.path, report.doc, "report") for report in folder.reports.values()]
        if folder.minutes is not None:
            files.append((folder.minutes.path, folder.minutes.doc, "other"))
    for path, doc, kind in files:
        if doc is None:
            continue
        for where, text in _strings(doc.data, ()):
            if OPEN in text and not any(_matches(where, pattern) for pattern in MARKDOWN[kind]):
                line, column = doc.value_at(where)
                problems.add(
                    "PAP229",
                    path,
                    line,
                    column,
                    f"`{'.'.join(str(part) for part in where)}` is plain text, so the comment in it would be published as written",
                )


def _strings(data: Any, where: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield where, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*where, index))


def _matches(where: tuple, pattern: tuple) -> bool:
    return len(where) == len(pattern) and all(p is ANY or p == w for w, p in zip(where, pattern))
