"""Report content: paragraph labels and references, raw HTML, links, and the house style's sections."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it.common.html_re import HTML_TAG_RE

from committee_papers.checks.accessibility import check_tokens
from committee_papers.checks.blocks import check_block_markers
from committee_papers.checks.limits import check_markdown_limits
from committee_papers.checks.local_links import check_links, find_in
from committee_papers.checks.locate import did_you_mean, value
from committee_papers.checks.style_layout import check_layout, check_unused_templates, difflib_close
from committee_papers.house_style import ALIASES, available_styles, find_style
from committee_papers.loading.paths import real_path
from committee_papers.model.archive import Archive, ReportFile
from committee_papers.problems import Problems
from committee_papers.render.report import ParsedReport, house_style, parse_report

# markdown-it's own pattern for an HTML tag; before 4.3 it is anchored at the start of the text
_TAG = re.compile(HTML_TAG_RE.pattern.removeprefix("^"), HTML_TAG_RE.flags)
_HTML_HINT = re.compile(r"<[A-Za-z!/]")


def check_house_style(archive: Archive, problems: Problems, today=None) -> None:
    """council.yml names a house style that exists; an old name of a built-in style still works, with a warning."""
    if archive.council is None:
        return
    styles = available_styles(archive.templates)
    name = archive.council.house_style
    own = archive.templates / "house_styles" / f"{name}.yml" if archive.templates else None
    if own is not None and own.is_file():
        check_unused_templates(archive, styles.get(name), problems)
        return  # the council's style file exists: any problem in it is reported against the file (PAP306, PAP307)
    line, column = value(archive.council_doc, "house_style")
    if name in ALIASES and name not in styles:
        problems.add(
            "PAP313",
            archive.papers / "council.yml",
            line,
            column,
            f"the house style `{name}` is now called `{ALIASES[name]}`",
            f"write `house_style: {ALIASES[name]}`",
        )
    elif find_style(styles, name) is None:
        problems.add(
            "PAP304",
            archive.papers / "council.yml",
            line,
            column,
            f"there is no house style `{name}`",
            did_you_mean(name, styles, "house style") if difflib_close(name, styles) else "use one of: " + ", ".join(sorted(styles)),
        )
    check_unused_templates(archive, find_style(styles, name), problems)


def check_report(archive: Archive, report_file: ReportFile, problems: Problems) -> ParsedReport | None:
    """Checks that need one report and the council only; they run where the report is read. Returns the parse."""
    if report_file.report is None:
        return None
    # One parse, exactly as the report is rendered, serves every check of its Markdown.
    parsed = parse_report(archive, report_file, house_style(archive), public=False)
    _labels(parsed, problems)
    _raw_html(archive, report_file, parsed, problems)
    _links(report_file.path.parent, parsed, problems)
    chosen = archive.council.house_style if archive.council else "numbered-paragraphs"
    if find_style(available_styles(archive.templates), chosen) is not None:  # otherwise PAP304, or the style file's own problems, say why
        check_layout(parsed, problems, cleared=bool(archive.council and archive.council.required_comments))
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
            check_block_markers(
                parsed.report_file.path, part.text, 1, problems, allow_html, part.tokens, where=lambda line, column, name=part.name: _where(parsed, name, line)
            )


def _parts(parsed: ParsedReport) -> list:
    """The author's Markdown: the body whole, then each part from the front matter (not the style's or council's text)."""
    return [parsed.body, *(p for p in parsed.parts() if p.name not in ("body", "boilerplate", "style"))]


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
                    "labels go at the end of a numbered paragraph, not in a heading, list, table or quote,"
                    f" nor before the `{parsed.style.numbering.starts_at}` section where numbering starts"
                    if parsed.style.numbering.starts_at
                    else "labels go at the end of a numbered paragraph, not in a heading, list, table or quote",
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
