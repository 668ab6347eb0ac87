"""Links in the papers' Markdown lead to web pages, email, telephone numbers or files in the papers: never `javascript:`, `data:` or `file:` (PAP333).

The renderer never makes such a link (it shows the words as text); the check says so
where the link is written, in every piece of Markdown: reports and their front
matter, Markdown appendices, minutes, committees' terms of reference, agenda items
and the council's boilerplate.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from committee_papers.addresses import link_allowed
from committee_papers.checks.locate import value
from committee_papers.loading.files import read_text
from committee_papers.model.archive import Archive, ReportFile
from committee_papers.problems import Problems

# Where Markdown can write an address with a scheme: `](x:`, `<x:`, or a reference `[name]: x:`.
_LINKISH = re.compile(r"\]\(\s*<?\s*[A-Za-z][A-Za-z0-9+.-]*:|<[A-Za-z][A-Za-z0-9+.-]*:|^ {0,3}\[[^\]\n]+\]:\s*<?[A-Za-z][A-Za-z0-9+.-]*:", re.M)
_REPORT_FIELDS = ("purpose", "summary", "reasons", "alternative_options")


@cache
def _every_link() -> MarkdownIt:
    """A parser that makes every link it can read, whatever its address, so the check can see the addresses refused."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
    md.validateLink = lambda url: True
    return md


def refused_links(text: str) -> list[tuple[int, str]]:
    """(line within `text`, from 0; address) of each link or image whose address is not allowed."""
    if not text or not _LINKISH.search(text):
        return []
    found = []
    for token in _every_link().parse(text):
        for child in token.children or []:
            address = child.attrGet("href") if child.type == "link_open" else child.attrGet("src") if child.type == "image" else None
            if isinstance(address, str) and not link_allowed(address):
                found.append((token.map[0] if token.map else 0, address))
    return found


def _report(problems: Problems, path: Path, line: int, column: int, address: str) -> None:
    shown = address if len(address) <= 60 else address[:57] + "..."
    problems.add("PAP333", path, line, column, f"the link to `{shown}` is not to a web page, email address, telephone number or file, so it is not made")


def check_text(text: str, path: Path, first_line: int, problems: Problems) -> None:
    """Markdown written in a file of its own (a body, minutes, an appendix), whose first line is `first_line`."""
    lines = text.split("\n")
    for line, address in refused_links(text):
        written = next((i for i in range(line, len(lines)) if address.split(":", 1)[0] + ":" in lines[i].lower()), line)
        column = lines[written].lower().find(address.split(":", 1)[0] + ":") + 1 if written < len(lines) else 1
        _report(problems, path, first_line + written, max(column, 1), address)


def check_field(text: str | None, path: Path, doc, where: tuple, problems: Problems) -> None:
    """Markdown written as a YAML value: told at the value."""
    for _, address in refused_links(text or ""):
        line, column = value(doc, *where)
        _report(problems, path, line, column, address)


def check_report_links(archive: Archive, report_file: ReportFile, problems: Problems) -> None:
    report = report_file.report
    if report is None:
        return
    path, doc = report_file.path, report_file.doc
    check_text(report_file.body, path, report_file.body_line, problems)
    for name in _REPORT_FIELDS:
        check_field(getattr(report, name), path, doc, (name,), problems)
    for index, text in enumerate(report.recommendations):
        check_field(text, path, doc, ("recommendations", index), problems)
    for key, comment in report.comments.items():
        check_field(comment.text, path, doc, ("comments", key, "text"), problems)
    for key, implication in report.implications.items():
        check_field(implication.text, path, doc, ("implications", key, "text"), problems)
    folder = path.parent
    for appendix in report.appendices:
        target = folder / appendix.file
        if target.suffix.lower() == ".md" and "\\" not in appendix.file and os.path.isfile(target):
            text = read_text(target, Problems(archive.root))  # what it cannot read is told by the appendix checks
            if text is not None:
                check_text(text, target, 1, problems)


def check_minutes_links(archive: Archive, folder, problems: Problems) -> None:
    if folder.minutes is not None:
        for minute in folder.minutes.minutes:
            check_text(minute.markdown, folder.minutes.path, minute.line + 1, problems)


def check_archive_links(archive: Archive, problems: Problems, today=None) -> None:
    """Markdown in council.yml, the committees and the agendas."""
    if archive.council is not None:
        check_field(
            archive.council.boilerplate.statutory_implications,
            archive.papers / "council.yml",
            archive.council_doc,
            ("boilerplate", "statutory_implications"),
            problems,
        )
    for cid, committee in archive.committees.items():
        check_field(
            committee.terms_of_reference, archive.papers / "committees" / f"{cid}.yml", archive.committee_docs.get(cid), ("terms_of_reference",), problems
        )
    for folder in archive.meetings.values():
        for index, entry in enumerate(folder.meeting.agenda or [] if folder.meeting else []):
            check_field(getattr(entry, "text", None), folder.path / "meeting.yml", folder.doc, ("agenda", index, "text"), problems)
