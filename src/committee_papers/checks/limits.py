"""What a paper may cost to build: Markdown's nesting, blocks and table columns, PDF pages and drawing, image pixels.

Each limit (figures in committee_papers.limits, reasons in docs/safety.md) is far
beyond any real paper and keeps a build bounded; each is told where it is passed.
"""

from __future__ import annotations

import os
import warnings
import zlib
from pathlib import Path

from markdown_it.token import Token

from committee_papers import limits
from committee_papers.checks.locate import value
from committee_papers.model.archive import Archive
from committee_papers.pdf_pages import page_problem
from committee_papers.problems import Problems
from committee_papers.shims.pdf import stored_bytes
from committee_papers.yamlsource import NUMBER_HINT, long_numbers, too_long_number

_CONTAINERS = ("blockquote_open", "bullet_list_open", "ordered_list_open")
_LEAVES = ("fence", "code_block", "hr", "html_block")


def check_markdown_limits(path: Path, pieces: list[tuple[list[Token], int]], problems: Problems) -> None:
    """One document's Markdown, in pieces (tokens, the file line of their first line): nesting, blocks and columns."""
    blocks = 0
    for tokens, first_line in pieces:
        depth, told_depth = 0, False
        columns, row, told_table = 0, first_line, False
        for token in tokens:
            if token.meta.get("generated"):
                continue  # the council's boilerplate, spliced in
            where = first_line + (token.map[0] if token.map else 0)
            if token.nesting == 1 and token.block or token.type in _LEAVES:
                blocks += 1
                if blocks == limits.BLOCKS + 1:
                    problems.add(
                        "PAP331",
                        path,
                        where,
                        1,
                        f"the document has more than {limits.BLOCKS:,} paragraphs, headings, list items and table rows and cells; this is the first one past that",
                    )
            if token.type in _CONTAINERS or token.type.startswith("container_") and token.nesting == 1:
                depth += 1
                if depth > limits.NESTING and not told_depth:
                    told_depth = True
                    problems.add("PAP330", path, where, 1, f"lists and quotations are nested more than {limits.NESTING} deep here")
            elif token.nesting == -1 and (token.type.replace("_close", "_open") in _CONTAINERS or token.type.startswith("container_")):
                depth -= 1
            elif token.type == "table_open":
                told_table = False
            elif token.type == "tr_open":
                columns, row = 0, where
            elif token.type in ("th_open", "td_open"):
                columns += 1
                if columns > limits.TABLE_COLUMNS and not told_table:
                    told_table = True
                    problems.add("PAP332", path, row, 1, f"this table has more than {limits.TABLE_COLUMNS} columns")


def image_pixels(path: Path) -> int | None:
    """Width times height of an image, read from its header alone; None if it cannot be read as an image."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        return limits.IMAGE_PIXELS * 4  # Pillow itself refuses to open it: far too large
    except (OSError, ValueError, SyntaxError):
        return None
    return width * height


def check_image(path: Path, shown_as: str, file: Path, line: int, column: int, problems: Problems) -> None:
    pixels = image_pixels(path)
    if pixels is not None and pixels > limits.IMAGE_PIXELS:
        problems.add(
            "PAP015",
            file,
            line,
            column,
            f"the image `{shown_as}` has {pixels / 1e6:,.0f} million pixels; an image may have at most {limits.IMAGE_PIXELS / 1e6:,.0f} million",
        )


def check_photo_pixels(archive: Archive, problems: Problems, today=None) -> None:
    """Councillors' photos are images the website shows too."""
    from committee_papers.loading.paths import resolve_inside

    for pid, councillor in archive.people.councillors.items():
        photo = resolve_inside(archive.papers, councillor.photo) if councillor.photo else None
        if photo is not None and os.path.isfile(photo):
            line, column = value(archive.people_doc, "councillors", pid, "photo")
            check_image(photo, councillor.photo, archive.papers / "people.yml", line, column, problems)


def check_config_numbers(archive: Archive, problems: Problems, today=None) -> None:
    """mkdocs.yml is read by MkDocs, which stops with a traceback at a number too long for Python to read: told here first."""
    config = archive.root / "mkdocs.yml"
    try:
        text = config.read_text("utf-8") if config.is_file() and config.stat().st_size <= limits.TEXT_FILE_BYTES else ""
    except (OSError, UnicodeDecodeError):
        return  # MkDocs says what is wrong with it
    for line, column, length in long_numbers(text):
        problems.add("PAP018", config, line, column, too_long_number(length), NUMBER_HINT)


# -- PDF appendices ---------------------------------------------------------------------------------------------
def count_pages(reader, limit: int) -> int:
    """The pages in the PDF's page tree, counted up to `limit` + 1 at most (a tree of 20,000 pages is not all read)."""
    seen: set = set()
    stack = [reader.trailer["/Root"]["/Pages"]]
    pages = 0
    while stack and pages <= limit:
        node = stack.pop()
        key = (node.idnum, node.generation) if hasattr(node, "idnum") else id(node)
        node = node.get_object()
        if key in seen:
            continue  # a tree that loops back on itself
        seen.add(key)
        kids = node.get("/Kids")
        if kids is None:
            pages += 1
        else:
            stack.extend(reversed(list(kids.get_object())))
    return pages


def expanded_drawing(reader) -> int:
    """The bytes the pages' drawing expands to, counted up to just past the limit (never all held at once)."""
    from pypdf.generic import ArrayObject

    expanded = 0
    for page in reader.pages:
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = list(contents) if isinstance(contents, ArrayObject) else [contents] if contents is not None else []
        for stream in streams:
            expanded += _expanded_size(stream.get_object(), limits.PDF_EXPANDED_BYTES - expanded + 1)
            if expanded > limits.PDF_EXPANDED_BYTES:
                return expanded
    return expanded


def _expanded_size(stream, budget: int) -> int:
    """The length of a stream once decoded, or just over `budget` if it is longer; Flate is inflated in chunks and thrown away."""
    filters = stream.get("/Filter")
    filters = [filters] if not isinstance(filters, list) else list(filters)
    raw = stored_bytes(stream)
    if not filters or filters == [None]:
        return len(raw)
    if [str(f) for f in filters] != ["/FlateDecode"]:
        return len(stream.get_data())  # rare filters on drawing: pypdf decodes them within its own limits
    inflater = zlib.decompressobj()
    size, data = 0, raw
    while data and size <= budget:
        size += len(inflater.decompress(data, 1 << 20))
        data = inflater.unconsumed_tail
    return size


def check_pdf_limits(reader, name: str, report_path: Path, line: int, column: int, problems: Problems) -> int:
    """A PDF appendix's pages, their sizes and drawing against the limits; returns its pages (0 when it is refused)."""
    try:
        pages = count_pages(reader, limits.PDF_PAGES)
        if pages > limits.PDF_PAGES:
            problems.add("PAP013", report_path, line, column, f"the PDF `{name}` has more than {limits.PDF_PAGES:,} pages, the most a PDF appendix may have")
            return 0
        unusable = next(((number, why) for number, page in enumerate(reader.pages, 1) if (why := page_problem(page))), None)
        expanded = expanded_drawing(reader) if unusable is None else 0
    except Exception:  # noqa: BLE001 - pypdf's own limits and a damaged file raise many kinds of error
        problems.add("PAP014", report_path, line, column, f"the PDF `{name}` could not be measured: its pages are damaged or expand beyond what can be read")
        return 0
    if unusable is not None:
        number, why = unusable
        problems.add("PAP017", report_path, line, column, f"page {number} of the PDF `{name}` cannot be laid into the pack: {why}")
        return 0
    if expanded > limits.PDF_EXPANDED_BYTES:
        problems.add(
            "PAP014", report_path, line, column, f"the pages of the PDF `{name}` expand to more than {limits.PDF_EXPANDED_BYTES // 1024 // 1024} MB of drawing"
        )
        return 0
    return pages
