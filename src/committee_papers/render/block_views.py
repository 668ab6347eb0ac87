"""A parsed report's blocks as its template takes them: the house style's entries, and each block's HTML (strings, no tokens)."""

from __future__ import annotations

import copy

from markdown_it.token import Token
from markupsafe import Markup, escape

from committee_papers.markdown.html import render_tokens
from committee_papers.markdown.parser import parser
from committee_papers.model.house_style import Section
from committee_papers.render.layout import Block, Part
from committee_papers.render.report import ParsedReport


def html_of(part: Part | None, allow_html: bool) -> Markup:
    if part is None:
        return Markup("")
    return Markup(render_tokens(parser(allow_html), _with_section_numbers(part.tokens), part.env))


def _with_section_numbers(tokens: list[Token]) -> list[Token]:
    """Sub-section headings with their generated number in front (on copies: the checks read the originals)."""
    if not any(t.meta.get("section_number") for t in tokens if t.type == "heading_open"):
        return tokens
    result = list(tokens)
    for index, token in enumerate(tokens[:-1]):
        number = token.meta.get("section_number") if token.type == "heading_open" else None
        if number and tokens[index + 1].type == "inline":
            inline = copy.copy(tokens[index + 1])
            span = Token("html_inline", "", 0)
            span.content = f'<span class="section-number">{escape(number)}</span> '
            inline.children = [span, *(inline.children or [])]
            result[index + 1] = inline
    return result


def _heading_html(block: Block, allow_html: bool) -> Markup | None:
    if block.chunk is not None:
        inline = block.chunk.heading[1]
        return Markup(render_tokens(parser(allow_html), [inline], {}).strip())
    return Markup(escape(block.heading)) if block.heading else None


def _empty(section: Section | None, report) -> bool:
    """A section with nothing to show; it is left out unless the style gives words for nothing (`none:`).

    Whether a report has appendices to list is known only where it is rendered (render, below).
    """
    if section is None or section.none is not None or not section.from_ or section.from_ in ("body", "appendices"):
        return False
    source = section.from_
    if source in ("divisions_affected", "forward_plan", "meeting_date", "agenda_item", "committee", "title", "exempt"):
        return False
    if source == "contacts":
        return report.contact is None and not report.contacts
    value = getattr(report, source, None)
    return value in (None, "", [], {})


def _grid_view(grid, report, parsed: ParsedReport, allow_html: bool) -> dict:
    given = {name.casefold(): (name, row) for name, row in report.implications.items()}
    boxes = []
    for box in grid.boxes:
        name, row = given.get(box.casefold(), (box, None))
        boxes.append(
            {
                "box": box,
                "mark": "" if row is None else grid.mark_yes if row.applies else grid.mark_no,
                "words": "" if row is None else "yes" if row.applies else "no",
                "html": html_of(parsed.extras.get(f"implications.{name}"), allow_html),
            }
        )
    rows = [boxes[i : i + grid.columns] for i in range(0, len(boxes), grid.columns)]
    return {"name": grid.name, "columns": grid.columns, "rows": rows, "details": [b for b in boxes if b["html"]], "at": grid.at}


def block_views(parsed: ParsedReport, allow_html: bool) -> list[dict]:
    """The report's blocks as the templates take them: the style's entries, and HTML (strings, no tokens)."""
    report = parsed.report_file.report
    index = {id(section): number for number, section in enumerate(parsed.style.sections)}  # kept as numbers: the views are cached as JSON
    views = []
    for block in parsed.blocks:
        if block.kind != "section":
            rows = [index[id(row)] for row in block.rows] if block.kind == "facts" else []
            views.append({"kind": block.kind, "rows": rows, "html": [html_of(p, allow_html) for p in block.parts]})
            continue
        if block.chunk is None and not block.parts and not block.grids and _empty(block.section, report):
            continue
        views.append(
            {
                "kind": "section",
                "section": index[id(block.section)] if block.section is not None else None,
                "source": block.source,
                "level": block.level,
                "heading": _heading_html(block, allow_html),
                "number": block.number,
                "id": f"s{block.number}" if block.number else None,
                "html": [html_of(p, allow_html) for p in block.parts] if block.source != "comments" else [],
                "grids": [_grid_view(g, report, parsed, allow_html) for g in block.grids],
            }
        )
    return views
