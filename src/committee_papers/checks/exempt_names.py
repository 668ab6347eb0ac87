"""A public report may not link to a file whose path names a report whose title is exempt (PAP233).

The file would be published at its path in the meeting folder, putting the
exempt report's file stem (which usually repeats its title) in an address.
The build leaves the file out and shows the link's words (exempt_titles);
the check says so at the link, so the clerk moves or renames the file. Only
links in what is published are read: a link inside an exempt passage is not.
"""

from __future__ import annotations

import re
from html import unescape

from committee_papers.exempt_titles import exempt_name_in, title_exempt_ids
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems
from committee_papers.render.prepared import prepared
from committee_papers.render.text import render_markdown

_LINK = re.compile(r' (?:href|src)="#papers-file-[0-9a-f]{12}:([^"#]*)')


def check_exempt_names(archive: Archive, problems: Problems, today=None) -> None:
    for folder in archive.meetings.values():
        hidden = title_exempt_ids(folder)
        if not hidden:
            continue
        for report_file in folder.reports.values():
            report = report_file.report
            if report is None or report.exempt is not None:
                continue  # an exempt report publishes no files
            linked = [(report_file.path, path) for path in _linked(prepared(archive, report_file).public)]
            for appendix in report.appendices:
                source = folder.path / appendix.file
                if appendix.exempt is None and source.suffix.lower() == ".md" and source.is_file():
                    paths: list[str] = []
                    render_markdown(source.read_text("utf-8", errors="replace"), archive.allow_html, public=True, resolve=paths.append)
                    linked += [(source, path) for path in paths]
            for where, path in dict.fromkeys(linked):
                named = exempt_name_in(path, hidden)
                if named is not None:
                    line, column = _written(where, path)
                    problems.add(
                        "PAP233",
                        where,
                        line,
                        column,
                        f"the link to `{path}` names `{named}`, whose title is exempt: published, the file would show that name",
                    )


def _linked(parts) -> list[str]:
    """The local files a report's public HTML links to or shows."""
    found: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            found.extend(unescape(m) for m in _LINK.findall(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk([parts.blocks, parts.purpose, parts.comments, parts.extras])
    return found


def _written(path, target: str) -> tuple[int, int]:
    try:
        lines = path.read_text("utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1, 1
    for number, line in enumerate(lines, start=1):
        if target in line:
            return number, line.index(target) + 1
    return 1, 1
