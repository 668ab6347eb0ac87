"""Accessible content: alt text, table headers, heading order, link text, no ALL CAPS paragraphs."""

from __future__ import annotations

import os
import re

from committee_papers.checks.blocks import check_block_markers
from committee_papers.checks.limits import check_markdown_limits
from committee_papers.loading.files import read_text
from committee_papers.loading.paths import real_path
from committee_papers.markdown.parser import parser
from committee_papers.model.archive import Archive, ReportFile
from committee_papers.problems import Problems

VAGUE_LINK_TEXT = {
    "click here", "here", "click", "this link", "link", "read more", "more", "more info", "more information",
    "this", "this page", "go", "see here", "details", "download", "this document",
}  # fmt: skip
_LETTERS = re.compile(r"[A-Za-z]")
_NO_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")
_NO_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _mostly_capitals(content: str) -> bool:
    """Four or more words, and more than 80% of the letters capitals (acronyms alone do not count)."""
    lower = len(content) - len(content.translate(_NO_LOWER))
    upper = len(content) - len(content.translate(_NO_UPPER))
    if not upper or upper / (upper + lower) <= 0.8:
        return False
    return sum(len(_LETTERS.findall(word)) >= 3 for word in content.split()) >= 4


def check_tokens(path, tokens, first_line: int, problems: Problems, top_level: int | None = 2, higher_reported: bool = False) -> None:
    """Content rules over parsed Markdown. Tokens the tool added (the council's boilerplate) are skipped.

    With `top_level` None (appendices, which sit under a heading of their own), the
    first heading may be at any level; after it, headings still go down one at a time.
    """
    tokens = [t for t in tokens if not t.meta.get("generated")]
    if top_level is None:
        top_level = next((int(t.tag[1]) for t in tokens if t.type == "heading_open"), 1)
    level = top_level - 1
    for index, token in enumerate(tokens):
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open":
            current = int(token.tag[1])
            title = tokens[index + 1].content
            if current < top_level and higher_reported:
                continue  # a minute heading, checked by the minutes' own rules
            if current < top_level:
                problems.add(
                    "PAP502",
                    path,
                    line,
                    1,
                    f"the heading `{title}` is level {current}; headings in this text start at level {top_level} (`{'#' * top_level} `)",
                    f"use `{'#' * top_level}` for the main sections: the page's title is the only level-1 heading",
                )
            elif current > level + 1:
                problems.add(
                    "PAP502",
                    path,
                    line,
                    1,
                    f"the heading `{title}` jumps from level {level} to level {current}",
                    f"use `{'#' * (level + 1)}` here: headings go down one level at a time",
                )
            level = current
        elif token.type == "thead_open":
            header = []
            for inner in tokens[index:]:
                if inner.type == "thead_close":
                    break
                if inner.type == "inline":
                    header.append(inner.content.strip())
            if not any(header):
                problems.add("PAP501", path, line, 1, "the table's header row is empty", "give every column a heading in the table's first row")
        elif token.type == "paragraph_open" and tokens[index + 1].type == "inline" and _mostly_capitals(tokens[index + 1].content):
            problems.add(
                "PAP504",
                path,
                line,
                1,
                "this paragraph is written in capital letters, which is hard to read and is read out letter by letter by some screen readers",
                "write it in sentence case; use bold (`**...**`) for emphasis",
            )
        if token.type == "inline":
            _inline_rules(path, token, line, problems)


def _inline_rules(path, token, line: int, problems: Problems) -> None:
    children = token.children or []
    for position, child in enumerate(children):
        if child.type == "image" and not (child.content or "").strip():
            problems.add(
                "PAP500",
                path,
                line,
                1,
                f"the image `{child.attrGet('src')}` has no text alternative",
                "describe the image in the square brackets: `![What the image shows](file.png)`",
            )
        elif child.type == "link_open" and not child.meta.get("para_ref"):
            words = []
            for inner in children[position + 1 :]:
                if inner.type == "link_close":
                    break
                words.append(inner.content)
            label = " ".join("".join(words).split()).strip(" .:").lower()
            if label in VAGUE_LINK_TEXT:
                problems.add(
                    "PAP503",
                    path,
                    line,
                    1,
                    f"the link text `{''.join(words).strip()}` does not say where the link goes",
                    "use words that describe the destination, for example [the 2026 budget report](...)",
                )


def check_appendices_accessibility(archive: Archive, report_file: ReportFile, problems: Problems) -> None:
    """The content rules for a report's Markdown appendices (its body is checked with its other content)."""
    if report_file.report is None:
        return
    folder = report_file.path.parent
    for appendix in report_file.report.appendices:
        target = folder / appendix.file
        if target.suffix.lower() == ".md" and os.path.isfile(target) and real_path(target).is_relative_to(real_path(folder)):
            text = read_text(target, Problems(archive.root))  # what it cannot read is told by the appendix checks
            if text is None:
                continue
            from committee_papers.checks.local_links import check_links

            allow_html = archive.allow_html
            tokens = parser(allow_html).parse(text)
            check_markdown_limits(target, [(tokens, 1)], problems)
            check_tokens(target, tokens, 1, problems, top_level=None)
            check_block_markers(target, text, 1, problems, allow_html, tokens)
            check_links(folder, report_file.id, target, text.split("\n"), 1, tokens, problems)


def check_minutes_accessibility(archive: Archive, folder, problems: Problems) -> None:
    if folder.minutes is not None:
        allow_html = archive.allow_html
        pieces = []
        for minute in folder.minutes.minutes:
            tokens = parser(allow_html).parse(minute.markdown)  # as the minutes page reads it
            check_block_markers(folder.minutes.path, minute.markdown, minute.line + 1, problems, allow_html, tokens)
            check_tokens(folder.minutes.path, tokens, minute.line + 1, problems, top_level=3, higher_reported=True)
            pieces.append((tokens, minute.line + 1))
        check_markdown_limits(folder.minutes.path, pieces, problems)
