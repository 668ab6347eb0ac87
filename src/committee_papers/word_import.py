"""`papers import`: a Word report turned into a draft report in the papers format.

mammoth turns the .docx into HTML; that HTML is turned into Markdown here (so
that tables become pipe tables). Sections the headings make recognisable are
lifted into the front matter: the title, purpose, recommendations and the
clearing officers' comments. Everything else stays in the body under its
headings, and whatever could not be placed is listed for the author.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import mammoth

from committee_papers import limits, scaffold
from committee_papers.house_style import HouseStyle
from committee_papers.model.report import UNSIGNED, Report
from committee_papers.problems import Problem, registry
from committee_papers.render.report import comment_title, house_style

STYLE_MAP = """
p[style-name='Title'] => h1.title:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""
HEADINGS = {f"h{n}": n for n in range(1, 7)}
_ESCAPE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PURPOSE = {"purpose", "purpose of the report", "purpose of report", "purpose of this report"}
_RECOMMENDATIONS = re.compile(r"^recommendations?(\s*/\s*s|\s*\(s\))?$")
_COMMENT = re.compile(r"^(?P<name>[a-z][a-z &/-]*?)\s+comments?\s*(\((?P<sign>[^)]*)\))?$")
_COMMENT_KEYS = {"constitutional": "constitutional", "financial": "financial", "hr": "hr", "human resources": "hr", "legal": "legal"}
_DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y")


class WordImportError(scaffold.ScaffoldError):
    """A Word file that cannot be imported; the message is written for the clerk."""


@dataclass
class Block:
    kind: str  # heading, paragraph, list, table, quote
    markdown: str
    plain: str = ""
    level: int = 0
    classes: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # a list's items, each on one line


@dataclass
class Imported:
    report: scaffold.NewReport
    unplaced: list[str]
    to_fill: list[str]


@dataclass
class _Lifted:
    title: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    comments: dict[str, dict[str, Any]] = field(default_factory=dict)
    body: list[Block] = field(default_factory=list)


# --- the command's library call -------------------------------------------------------


def import_docx(root: Path, docx: Path, meeting_id: str) -> Imported:
    html, notes = read_docx(docx)
    archive = scaffold.load(root)
    folder = scaffold.meeting_folder(archive, meeting_id)
    converter = Converter()
    blocks = converter.blocks(html)
    style = house_style(archive)
    lifted = lift(blocks, set(scaffold.required_comments(archive)), converter.unplaced)
    title = lifted.title or _title_from_name(docx)
    to_fill: list[str] = []
    fields = _front_matter_fields(archive, folder, title, lifted, converter, to_fill)
    body = _body(lifted.body, converter)
    to_fill += [f"the `## {s}` section, which the house style requires" for s in _missing_sections(style, lifted.body)]
    if style.number_paragraphs and any(b.kind == "list" and b.markdown.startswith("1. ") for b in lifted.body):
        converter.unplaced.append(
            "numbered lists were kept as lists: if they are Word's paragraph numbering, make them plain paragraphs (the house style numbers paragraphs itself)"
        )
    text = scaffold.front_matter(fields) + ("\n" + body if body else "")
    report = scaffold.place_report(archive, folder, title, text)
    return Imported(report, notes + converter.unplaced + list(report.notes), to_fill)


def read_docx(path: Path) -> tuple[ElementTree.Element, list[str]]:
    """The document as HTML (a `<body>` element), and mammoth's messages rewritten for the author."""
    if path.suffix.lower() != ".docx":
        hint = " (save it from Word as a .docx first)" if path.suffix.lower() in (".doc", ".rtf", ".odt") else ""
        raise WordImportError(f"{path.name} is not a Word .docx file{hint}")
    if not path.is_file():  # a named pipe would wait for ever for a writer
        raise WordImportError(f"{path.name} is not an ordinary file")
    if not zipfile.is_zipfile(path):
        raise WordImportError(f"{path.name} is not a Word document, or it is damaged")
    check_expansion(path)
    try:
        with zipfile.ZipFile(path) as archive:
            document = archive.read("word/document.xml").decode("utf-8", "replace")
        with open(path, "rb") as handle:
            result = mammoth.convert_to_html(handle, style_map=STYLE_MAP, convert_image=mammoth.images.img_element(lambda image: {"src": ""}))
        html = ElementTree.fromstring(f"<body>{_NOT_XML.sub('', result.value)}</body>")
    except Exception as exc:  # noqa: BLE001 - a damaged file can fail anywhere inside mammoth
        raise WordImportError(f"{path.name} could not be read as a Word document ({type(exc).__name__}: {exc})") from None
    notes = [_message(m.message) for m in result.messages]
    boxes = document.count("<w:txbxContent")
    if boxes:
        notes.append(f"{boxes} text box{'es' if boxes > 1 else ''}: the text was imported where each box is anchored; check that it reads in the right place")
    return html, notes


def check_expansion(path: Path) -> None:
    """Refuse a .docx whose parts expand beyond the limits (PAP019), before anything reads it whole."""
    try:
        with zipfile.ZipFile(path) as archive:
            too_much = _too_much(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError, RuntimeError, ValueError, zlib.error) as exc:
        raise WordImportError(f"{path.name} could not be read as a Word document ({type(exc).__name__}: {exc})") from None
    if too_much is not None:
        what, figure = too_much
        size = f"{path.stat().st_size / 1024:,.0f} KB"
        message = f"the Word document is {size}, but {what} expand to more than {figure // 1024 // 1024} MB"
        raise WordImportError(Problem(str(path), 1, 1, "PAP019", message, registry()["PAP019"].hint).to_text())


def _too_much(archive: zipfile.ZipFile) -> tuple[str, int] | None:
    """What expands past its limit, counted as each part really inflates (a megabyte at a time, never trusting declared sizes)."""
    parts = (limits.DOCX_EXPANDED_BYTES, "its parts")
    text = (limits.DOCX_TEXT_BYTES, "its text (the XML that holds the document)")
    if sum(info.file_size for info in archive.infolist()) > parts[0]:
        return parts[1], parts[0]
    expanded = {parts: 0, text: 0}
    for info in archive.infolist():
        counts = [parts, text] if info.filename.lower().endswith((".xml", ".rels")) else [parts]
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                for limit in counts:
                    expanded[limit] += len(chunk)
                    if expanded[limit] > limit[0]:
                        return limit[1], limit[0]
    return None


def _message(text: str) -> str:
    match = re.match(r"Unrecognised (paragraph|run) style: (.*?) \(Style ID", text)
    if match:
        return f"the Word style '{match.group(2)}' is not recognised: its text was imported without that style"
    return f"Word: {text}"


def _title_from_name(path: Path) -> str:
    words = " ".join(re.sub(r"[-_]+", " ", path.stem).split())
    return (words[:1].upper() + words[1:]) or "Untitled report"


# --- HTML to Markdown ----------------------------------------------------------------


class Converter:
    """mammoth's HTML as Markdown blocks; notes what it cannot place."""

    def __init__(self) -> None:
        self.unplaced: list[str] = []
        self.section = "the start of the document"
        self.note_labels: dict[str, str] = {}  # a footnote's element id -> its label
        self.notes: dict[str, str] = {}  # label -> the note's Markdown

    def blocks(self, parent: ElementTree.Element) -> list[Block]:
        return [block for child in parent for block in self.block(child)]

    def block(self, el: ElementTree.Element) -> list[Block]:
        tag = el.tag
        if tag in HEADINGS:
            text = _one_line(self.inline(el))
            self.section = _plain(el) or self.section
            return [Block("heading", text, _plain(el), HEADINGS[tag], tuple(el.get("class", "").split()))] if text else []
        if tag in ("ul", "ol"):
            if _is_notes(el):
                self.read_notes(el)
                return []
            lines, items = self.list_lines(el, "")
            return [Block("list", "\n".join(lines), _plain(el), items=tuple(items))] if lines else []
        if tag == "table":
            return [Block("table", self.table(el), _plain(el))]
        if tag == "blockquote":
            inner = "\n\n".join(b.markdown for b in self.blocks(el))
            return [Block("quote", "\n".join(f"> {line}".rstrip() for line in inner.split("\n")), _plain(el))] if inner else []
        if tag == "dl":
            if len(el):
                self.unplaced.append("review comments in the Word document were left out")
            return []
        markdown = "\n".join(_escape_start(line) for line in self.inline(el).strip().split("\n"))
        return [Block("paragraph", markdown, _plain(el))] if markdown.strip(" \\\n") else []

    def inline(self, el: ElementTree.Element, one_line: bool = False) -> str:
        parts = [_escape(el.text or "")]
        for child in el:
            parts.append(self.inline_element(child, one_line))
            parts.append(_escape(child.tail or ""))
        return "".join(parts)

    def inline_element(self, el: ElementTree.Element, one_line: bool) -> str:
        tag = el.tag
        if tag in ("strong", "b"):
            return _wrap(self.inline(el, one_line), "**")
        if tag in ("em", "i"):
            return _wrap(self.inline(el, one_line), "*")
        if tag in ("s", "del"):
            return _wrap(self.inline(el, one_line), "~~")
        if tag == "br":
            return " " if one_line else "\\\n"
        if tag == "img":
            alt = f" ('{el.get('alt')}')" if el.get("alt") else ""
            self.unplaced.append(
                f"an image{alt} under '{self.section}' was left out: save it in the report's folder and add it with ![what it shows](its file name)"
            )
            return ""
        if tag == "a":
            return self.link(el, one_line)
        if tag in ("p", "ul", "ol", "table"):
            return " " + " ".join(self.inline(el, True).split()) + " "
        return self.inline(el, one_line)

    def link(self, el: ElementTree.Element, one_line: bool) -> str:
        href = el.get("href", "")
        note = re.match(r"^#((?:footnote|endnote)-(?:ref-)?[\w-]+)$", href)
        if note:
            if "-ref-" in href:
                return ""  # the note's link back to its reference
            label = re.sub(r"\D", "", "".join(el.itertext())) or str(len(self.note_labels) + 1)
            self.note_labels[note.group(1)] = label
            return f"[^{label}]"
        text = self.inline(el, one_line)
        if re.match(r"^(https?:|mailto:|tel:)", href) and text.strip():
            target = re.sub(r"[\s()<>]", lambda m: f"%{ord(m.group()):02X}", href)
            return f"[{text}]({target})"
        return text

    def list_lines(self, el: ElementTree.Element, indent: str) -> tuple[list[str], list[str]]:
        lines: list[str] = []
        items: list[str] = []
        for number, li in enumerate((c for c in el if c.tag == "li"), 1):
            marker = f"{number}. " if el.tag == "ol" else "- "
            nested = [c for c in li if c.tag in ("ul", "ol")]
            text = _escape_start(_one_line(self._without(li, nested)))
            lines.append(f"{indent}{marker}{text}")
            sub_items: list[str] = []
            for sub in nested:
                sub_lines, found = self.list_lines(sub, indent + " " * len(marker))
                lines += sub_lines
                sub_items += found
            items.append(" ".join([text, *sub_items]).strip())
        return lines, items

    def _without(self, li: ElementTree.Element, nested: list) -> str:
        parts = [_escape(li.text or "")]
        for child in li:
            if child not in nested:
                parts.append(self.inline_element(child, True))
            parts.append(_escape(child.tail or ""))
        return "".join(parts)

    def table(self, el: ElementTree.Element) -> str:
        rows = [r for part in [el, *[c for c in el if c.tag in ("thead", "tbody")]] for r in part if r.tag == "tr"]
        grid = _grid(rows, self.cell)
        width = max((len(row) for row in grid), default=1)
        grid = [row + [""] * (width - len(row)) for row in grid] or [[""]]
        lines = [_row(grid[0]), _row(["---"] * width)] + [_row(row) for row in grid[1:]]
        return "\n".join(lines)

    def cell(self, td: ElementTree.Element) -> str:
        if any(child.tag == "table" for child in td.iter() if child is not td):
            self.unplaced.append(f"a table inside a table under '{self.section}' was flattened into its cell's text")
        return _one_line(self.inline(td, True))

    def read_notes(self, el: ElementTree.Element) -> None:
        for li in el:
            label = self.note_labels.get(li.get("id", ""))
            text = _one_line(self.inline(li, True))
            if label:
                self.notes[label] = text


def _grid(rows: list, cell) -> list[list[str]]:
    """Table rows as cells, with merged cells spread out so that columns line up."""
    grid: list[list[str]] = []
    spans: dict[int, int] = {}  # column -> rows still covered by a cell above
    for tr in rows:
        row: list[str] = []
        for td in (c for c in tr if c.tag in ("td", "th")):
            _skip_covered(row, spans)
            text, colspan, rowspan = cell(td), _int(td.get("colspan")), _int(td.get("rowspan"))
            for offset in range(colspan):
                if rowspan > 1:
                    spans[len(row)] = rowspan - 1
                row.append("" if offset else text)
        while any(n > 0 and column >= len(row) for column, n in spans.items()):
            if spans.get(len(row), 0) > 0:
                spans[len(row)] -= 1
            row.append("")
        grid.append(row)
    return grid


def _skip_covered(row: list[str], spans: dict[int, int]) -> None:
    while spans.get(len(row), 0) > 0:
        spans[len(row)] -= 1
        row.append("")


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() and int(value) > 0 else 1


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _is_notes(el: ElementTree.Element) -> bool:
    items = [c for c in el if c.tag == "li"]
    return bool(items) and all(re.match(r"^(footnote|endnote)-", c.get("id", "")) for c in items)


def _escape(text: str) -> str:
    text = _ESCAPE.sub(r"\\\1", text.replace("\t", " "))
    return _ENTITY.sub(r"\\&", text)


def _escape_start(line: str) -> str:
    """A line of text that Markdown would otherwise read as a heading, list item or rule."""
    line = line.lstrip(" ")
    if re.match(r"(#{1,6}|[-+=]+)(\s|$)", line):
        return "\\" + line
    number = re.match(r"(\d{1,9})[.)](\s|$)", line)
    if number:
        return number.group(1) + "\\" + line[len(number.group(1)) :]
    return line


def _wrap(text: str, mark: str) -> str:
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _one_line(text: str) -> str:
    return " ".join(text.replace("\\\n", " ").split())


def _plain(el: ElementTree.Element) -> str:
    return " ".join("".join(el.itertext()).split())


# --- lifting sections into the front matter ---------------------------------------------


def lift(blocks: list[Block], required_comments: set[str], unplaced: list[str]) -> _Lifted:
    lifted = _Lifted()
    blocks = list(blocks)
    lifted.title = _take_title(blocks, required_comments)
    _take_report_of(blocks, lifted)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        kind = _section_kind(block, required_comments) if block.kind == "heading" else None
        if kind is None:
            lifted.body.append(block)
            index += 1
            continue
        end = index + 1
        while end < len(blocks) and not (blocks[end].kind == "heading" and blocks[end].level <= block.level):
            end += 1
        leftover = _take_section(kind, block, blocks[index + 1 : end], lifted, unplaced)
        if leftover:
            unplaced.append(f"part of '{block.plain}' (a {leftover[0].kind}) could not go in the front matter and was left in the body")
            lifted.body += [block, *leftover]
        index = end
    return lifted


def _take_title(blocks: list[Block], required_comments: set[str]) -> str | None:
    for index, block in enumerate(blocks):
        if block.kind == "heading" and "title" in block.classes:
            return blocks.pop(index).plain
    first = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
    if first is not None and blocks[first].level == 1 and _section_kind(blocks[first], required_comments) is None:
        return blocks.pop(first).plain
    return None


def _take_report_of(blocks: list[Block], lifted: _Lifted) -> None:
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            return
        match = re.match(r"^report of (the )?(?P<role>.+?)\.?$", block.plain, re.I) if block.kind == "paragraph" else None
        if match:
            lifted.fields["report_of"] = match.group("role")
            del blocks[index]
            return


def _normal(text: str) -> str:
    text = re.sub(r"^\s*\d+(\.\d+)*[.)]?\s+", "", text.lower())
    return " ".join(text.split()).rstrip(":. ")


def _section_kind(block: Block, required_comments: set[str]) -> str | None:
    words = _normal(block.plain)
    if words in _PURPOSE:
        return "purpose"
    if _RECOMMENDATIONS.match(words):
        return "recommendations"
    match = _COMMENT.match(words)
    if match:
        key = _comment_key(match.group("name"))
        by, date = _signature(match.group("sign"))
        if key in _COMMENT_KEYS.values() or key in required_comments or (by and date):
            return f"comment:{key}"
    return None


def _comment_key(name: str) -> str:
    name = " ".join(name.split())
    return _COMMENT_KEYS.get(name) or re.sub(r"[^a-z0-9]+", "_", name).strip("_")


def _take_section(kind: str, heading: Block, section: list[Block], lifted: _Lifted, unplaced: list[str]) -> list[Block]:
    """Put one recognised section in the front matter; returns what could not go there."""
    if kind == "purpose":
        lifted.fields["purpose"] = _markdown(section)
        return []
    if kind == "recommendations":
        items, leftover = _recommendations(section)
        if any(re.search(r"\[\^\d+\]", item) for item in items):
            unplaced.append("a footnote in the recommendations was left out: recommendations cannot have footnotes")
        lifted.fields["recommendations"] = [_one_line(re.sub(r"\[\^\d+\]", "", item)) for item in items]
        return leftover
    key = kind.split(":", 1)[1]
    by, date = _signature(_COMMENT.match(_normal(heading.plain)).group("sign"))
    text = _markdown(section)
    if by and date:
        lifted.comments[key] = {"by": by, "date": date, "text": text}
    else:
        lifted.comments[key] = {"by": UNSIGNED, "text": text or scaffold.unsigned_comment(key)["text"]}
        if by or date:
            unplaced.append(
                f"the heading '{heading.plain}' has {'initials' if by else 'a date'} but no {'date' if by else 'initials'}: the comment is marked unsigned (by: TBC)"
            )
    return []


def _recommendations(section: list[Block]) -> tuple[list[str], list[Block]]:
    items: list[str] = []
    leftover: list[Block] = []
    for block in section:
        if block.kind == "list":
            items += block.items
        elif block.kind == "paragraph" and re.match(r"^it is recommended", block.plain, re.I):
            continue
        elif block.kind == "paragraph":
            items.append(_one_line(block.markdown))
        else:
            leftover.append(block)
    return [item for item in items if item], leftover


def _markdown(blocks: list[Block]) -> str:
    return "\n\n".join(f"### {b.markdown}" if b.kind == "heading" else b.markdown for b in blocks)


def _signature(sign: str | None) -> tuple[str | None, dt.date | None]:
    """`CE 09/09/2026` is the initials CE and 9 September 2026."""
    words = (sign or "").replace(",", " ").split()
    if not words:
        return None, None
    initials = None
    if re.fullmatch(r"[A-Za-z][A-Za-z.]{0,7}", words[0]) and not _date(" ".join(words)):
        initials, words = words[0].replace(".", "").upper(), words[1:]
    return initials, _date(" ".join(words))


def _date(text: str) -> dt.date | None:
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip(), flags=re.I)
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


# --- putting the report together ---------------------------------------------------------


def _front_matter_fields(archive, folder, title: str, lifted: _Lifted, converter: Converter, to_fill: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {"title": title, **lifted.fields}
    for name in scaffold.required_fields(archive):
        if not fields.get(name) and name in scaffold.PLACEHOLDERS:
            fields[name] = scaffold.PLACEHOLDERS[name]
            to_fill.append(f"`{name}` in the front matter")
    for name, value in scaffold.style_fields(archive, folder).items():
        if name not in fields:
            fields[name] = value
            to_fill.append(f"`{name}` in the front matter")
    for key in ("purpose",):
        if key in lifted.fields:
            fields[key] = _with_notes(fields[key], converter)
    comments = {key: {**c, "text": _with_notes(c["text"], converter)} for key, c in lifted.comments.items()}
    for key in scaffold.required_comments(archive):
        if key not in comments:
            comments[key] = scaffold.unsigned_comment(key)
            to_fill.append(f"the {comment_title(key)} (the document has none)")
    ordered = {name: fields[name] for name in Report.model_fields if name in fields}
    return {**ordered, "comments": comments, "status": "draft"}


def _body(blocks: list[Block], converter: Converter) -> str:
    levels = sorted({b.level for b in blocks if b.kind == "heading"})
    rank = {level: min(6, 2 + i) for i, level in enumerate(levels)}
    parts = [f"{'#' * rank[b.level]} {b.markdown}" if b.kind == "heading" else b.markdown for b in blocks]
    body = "\n\n".join(parts)
    return _with_notes(body, converter) + "\n" if body else ""


def _with_notes(markdown: str, converter: Converter) -> str:
    """The Markdown with the definitions of the footnotes it refers to added at its end."""
    labels = [label for label in dict.fromkeys(re.findall(r"\[\^(\d+)\]", markdown)) if label in converter.notes]
    definitions = [f"[^{label}]: {converter.notes[label]}" for label in labels]
    return "\n\n".join([markdown, *definitions]) if definitions else markdown


def _missing_sections(style: HouseStyle, body: list[Block]) -> list[str]:
    present = {b.plain.casefold() for b in body if b.kind == "heading"}
    return [s for s in style.required_sections if s.casefold() not in present]
