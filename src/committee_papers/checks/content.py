"""Report content: paragraph labels and references, raw HTML, links, and the house style's sections."""

from __future__ import annotations

import os

import re
from pathlib import Path

from markdown_it.common.html_re import HTML_TAG_RE

from committee_papers.checks.blocks import check_block_markers
from committee_papers.checks.accessibility import check_tokens
from committee_papers.checks.appendices import backslashed, real_path, resolve_inside
from committee_papers.checks.limits import check_image, check_markdown_limits
from committee_papers.checks.locate import key, value
from committee_papers.house_style import available_styles
from committee_papers.markdown.parser import parser
from committee_papers.model.archive import Archive, ReportFile
from committee_papers.problems import Problems
from committee_papers.publication import PUBLISHABLE
from committee_papers.render.report import ParsedReport, house_style, parse_report

# markdown-it's own pattern for an HTML tag; before 4.3 it is anchored at the start of the text
_TAG = re.compile(HTML_TAG_RE.pattern.removeprefix("^"), HTML_TAG_RE.flags)
_HTML_HINT = re.compile(r"<[A-Za-z!/]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check_house_style(archive: Archive, problems: Problems, today=None) -> None:
    if archive.council is None:
        return
    styles = available_styles(archive.templates)
    own = archive.templates / "house_styles" / f"{archive.council.house_style}.yml" if archive.templates else None
    if own is not None and own.is_file():
        return  # the council's style file exists: any problem in it is reported against the file (PAP306, PAP307)
    if archive.council.house_style not in styles:
        line, column = value(archive.council_doc, "house_style")
        problems.add(
            "PAP304",
            archive.papers / "council.yml",
            line,
            column,
            f"there is no house style `{archive.council.house_style}`",
            "use one of: " + ", ".join(sorted(styles)),
        )


def check_report(archive: Archive, report_file: ReportFile, problems: Problems) -> ParsedReport | None:
    """Checks that need one report and the council only; they run where the report is read. Returns the parse."""
    if report_file.report is None:
        return None
    # One parse, exactly as the report is rendered, serves every check of its Markdown.
    parsed = parse_report(archive, report_file, house_style(archive), public=False)
    _labels(parsed, problems)
    _raw_html(archive, report_file, parsed, problems)
    _links(report_file.path.parent, parsed, problems)
    chosen = archive.council.house_style if archive.council else "numbered"
    if chosen in available_styles(archive.templates):  # otherwise PAP304, or the style file's own problems, say why
        _required(parsed, problems)
    check_tokens(report_file.path, parsed.body.tokens, report_file.body_line, problems)
    _blocks(archive, parsed, problems)
    check_markdown_limits(report_file.path, [(part.tokens, _where(parsed, part.name, 0)[0]) for part in _parts(parsed)], problems)
    return parsed


def _blocks(archive: Archive, parsed: ParsedReport, problems: Problems) -> None:
    """`:::` markers in every Markdown part of the report, as its renderer reads them."""
    allow_html = archive.allow_html
    for part in _parts(parsed):
        if part.text is None:
            continue
        if part.name == "body":
            check_block_markers(parsed.report_file.path, part.text, parsed.report_file.body_line, problems, allow_html, part.tokens)
        else:
            check_block_markers(parsed.report_file.path, part.text, 1, problems, allow_html, part.tokens,
                                where=lambda line, column, name=part.name: _where(parsed, name, line))


def _parts(parsed: ParsedReport) -> list:
    return [p for p in [parsed.purpose, parsed.body, *[c for _, _, c in parsed.comments], *parsed.extras.values()] if p]


def _where(parsed: ParsedReport, part_name: str, line: int) -> tuple[int, int]:
    report_file = parsed.report_file
    if part_name == "body":
        return report_file.body_line + line, 1
    path = tuple(int(p) if p.isdigit() else p for p in part_name.split("."))
    if part_name.startswith("comments."):
        path = (*path, "text")
    return value(report_file.doc, *path)


def _labels(parsed: ParsedReport, problems: Problems) -> None:
    numbering = parsed.numbering
    path = parsed.report_file.path
    # Labels and references are recorded by line within their part; find which part holds each.
    for part in _parts(parsed):
        for token in part.tokens:
            label = token.meta.get("label")
            if label and (label, token.meta.get("label_line", 0)) in numbering.duplicate_labels:
                line, column = _where(parsed, part.name, token.meta["label_line"])
                problems.add("PAP301", path, line, column, f"the label `{{#para:{label}}}` is used on two paragraphs")
            if label and (label, token.meta.get("label_line", 0)) in numbering.misplaced_labels:
                line, column = _where(parsed, part.name, token.meta["label_line"])
                problems.add(
                    "PAP305",
                    path,
                    line,
                    column,
                    f"the label `{{#para:{label}}}` is not on a numbered paragraph",
                    "labels go at the end of a numbered paragraph, not in a list, table or quote"
                    if parsed.style.number_paragraphs
                    else f"the `{parsed.style.name}` house style does not number paragraphs; refer to the section instead",
                )
            for child in token.children or []:
                name = child.meta.get("para_ref")
                if name is not None and name not in numbering.labels:
                    if part.name == "body":
                        line, column = _find(parsed.report_file, token.map, f"(#para:{name})")
                        column += 1
                    else:
                        line, column = _where(parsed, part.name, 0)
                    close = [n for n in numbering.labels if n.startswith(name[:3])]
                    problems.add(
                        "PAP300",
                        path,
                        line,
                        column,
                        f"the link to `#para:{name}` names no labelled paragraph in this report",
                        f"did you mean `#para:{close[0]}`?" if close else "add `{#para:" + name + "}` at the end of the paragraph it refers to",
                    )


def _find(report_file: ReportFile, map_: list[int] | None, text: str) -> tuple[int, int]:
    return find_in(report_file.body.split("\n"), report_file.body_line, map_, text)


def find_in(lines: list[str], first_line: int, map_: list[int] | None, text: str) -> tuple[int, int]:
    """The line and column of `text` within a token's lines (its first line if not found)."""
    from urllib.parse import unquote

    start, end = (map_ or [0, 1])[0], (map_ or [0, 1])[1]
    for written in dict.fromkeys((text, unquote(text))):  # a link's address arrives %-encoded
        for offset in range(start, min(end, len(lines))):
            if written in lines[offset]:
                return first_line + offset, lines[offset].index(written) + 1
    return first_line + start, 1


def _raw_html(archive: Archive, report_file: ReportFile, parsed: ParsedReport, problems: Problems) -> None:
    """HTML in a council that does not allow it: the parser left it as text, so it would be shown as typed."""
    if archive.allow_html:
        return
    if not _HTML_HINT.search(report_file.body):
        return
    for token in parsed.body.tokens:
        found = any(c.type == "text" and _has_tag(c.content) for c in token.children or [])
        if found and token.map and _has_tag(_unescaped(report_file.body, token.map)):
            problems.add(
                "PAP302",
                report_file.path,
                report_file.body_line + token.map[0],
                1,
                "this line has HTML, which will be shown as plain text rather than as HTML",
                "use Markdown instead, or ask for `allow_raw_html: true` in council.yml",
            )


def _unescaped(body: str, map_: list[int]) -> str:
    """A token's source lines without backslash escapes: `\\<b\\>` is text the author escaped, not HTML."""
    return re.sub(r"\\.", "", "\n".join(body.split("\n")[map_[0] : map_[1]]))


def _has_tag(text: str) -> bool:
    return any(_TAG.match(text, m.start()) for m in _HTML_HINT.finditer(text))


def _links(folder: Path, parsed: ParsedReport, problems: Problems) -> None:
    report_file = parsed.report_file
    appendices = {real_path(folder / a.file) for a in report_file.report.appendices} if report_file.report else set()
    check_links(folder, report_file.id, report_file.path, report_file.body.split("\n"), report_file.body_line, parsed.body.tokens, problems, appendices)


def check_links(
    folder: Path, report_id: str, path: Path, lines: list[str], first_line: int, tokens, problems: Problems, appendices: set[Path] = frozenset()
) -> None:
    """Links and images must stay in the meeting folder, exist, and be files the site publishes."""
    for token in tokens:
        for child in token.children or []:
            target = child.attrGet("href") if child.type == "link_open" else child.attrGet("src") if child.type == "image" else None
            if not target or not isinstance(target, str) or child.meta.get("para_ref") is not None:
                continue
            remote = bool(_SCHEME.match(target)) or target.startswith("//")
            if child.type == "image" and remote and not target.startswith("#"):
                line, column = find_in(lines, first_line, token.map, target)
                problems.add(
                    "PAP505", path, line, column,
                    f"the image `{target}` comes from another website",
                    f"save the image in {folder.name}/{report_id}/ and link to it there",
                )
                continue
            if target.startswith("#") or remote:
                continue
            local = target.split("#", 1)[0].split("?", 1)[0]
            if not local:
                continue
            line, column = find_in(lines, first_line, token.map, target)
            if backslashed(local, path, line, column, problems):
                continue
            resolved = resolve_inside(folder, local)
            if resolved is None:
                problems.add(
                    "PAP209", path, line, column,
                    f"the link `{target}` leads outside this meeting's folder",
                    f"put the file in {folder.name}/{report_id}/ and link to it from there",
                )
            elif not os.path.exists(resolved):
                problems.add(
                    "PAP208", path, line, column,
                    f"the linked file `{target}` does not exist",
                    f"add the file, or correct the path; paths start from the meeting folder {folder.name}/",
                )
            elif child.type == "image" and os.path.isfile(resolved):
                check_image(resolved, target, path, line, column, problems)
            elif os.path.isfile(resolved) and resolved.suffix.lower() not in PUBLISHABLE and real_path(resolved) not in appendices:
                problems.add(
                    "PAP506", path, line, column,
                    f"the link to `{target}` will be shown as plain text: {resolved.suffix or 'files without a type'} files are not published",
                    "save it as PDF, or make it an appendix; images, PDF and CSV files are published",
                )


def _required(parsed: ParsedReport, problems: Problems) -> None:
    report_file, style = parsed.report_file, parsed.style
    report = report_file.report
    for name in style.required_fields:
        present = getattr(report, name, None)
        if present in (None, "", [], {}):
            line, column = key(report_file.doc) if report_file.doc else (1, 1)
            problems.add(
                "PAP303",
                report_file.path,
                line,
                column,
                f"the `{style.name}` house style needs `{name}` in the front matter",
                f"add `{name}:` to the front matter",
            )
    headings = {
        parsed.body.tokens[i + 1].content.strip().casefold()
        for i, t in enumerate(parsed.body.tokens)
        if t.type == "heading_open" and t.tag == "h2" and not t.meta.get("generated")
    }
    for section in style.required_sections:
        if section.casefold() not in headings:
            problems.add(
                "PAP303",
                report_file.path,
                report_file.body_line,
                1,
                f"the report has no `## {section}` section, which the `{style.name}` house style requires",
                f"add a heading `## {section}` and its text",
            )
    given = {name.casefold() for name in report.implications}
    for name in style.required_implications:
        if name.casefold() not in given:
            line, column = key(report_file.doc, "implications") if report.implications else (2, 1)
            problems.add(
                "PAP303",
                report_file.path,
                line,
                column,
                f"the implications table has no row for `{name}`",
                f"add `{name}: {{applies: false, text: ...}}` under implications",
            )
