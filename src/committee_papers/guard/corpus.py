"""Everything exempt in a build, read from the members' side of the papers, and the public sources to tell it from.

The exempt text is gathered from the papers themselves, not from any public
output: whole exempt reports (every part of Markdown), exempt appendices
(Markdown, and the text of PDFs), the minutes of exempt items, exempt agenda
items' text, and every `::: exempt` passage as the parser marks it
(`meta["exempt"]`). Each piece is indexed by its shingles of words
(words.SHINGLE); title-exempt names (the titles, and the file names that
repeat them) are indexed as whole phrases, to be looked for in addresses and
file names too.

`public_sources` gives the text the papers publish on purpose: a phrase found
there as well as in exempt text is the author's own repetition (or the
tool's wording), not a leak.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from committee_papers.guard.words import mentions_exempt, pieces, words
from committee_papers.markdown.exempt_text import chunks, disguised_line

_TAG = re.compile(r"<[^>]*>")
PDF_PAGES = 200  # the pages of an exempt PDF appendix whose text is read


@dataclass(frozen=True)
class Source:
    file: str  # relative to the council folder
    line: int
    what: str  # "an exempt passage", "exempt report 05-secret"...


@dataclass
class Corpus:
    sources: list[Source] = field(default_factory=list)
    text: dict[tuple[str, ...], int] = field(default_factory=dict)  # shingle or short piece → its source
    names: dict[tuple[str, ...], int] = field(default_factory=dict)  # title-exempt name → its source
    files: dict[str, int] = field(default_factory=dict)  # an exempt appendix's bytes (SHA-256) → its source
    withheld: set[str] = field(default_factory=set)  # what was exempt as the corpus was gathered (`_key`)
    archive: object = None  # where `public_sources` reads from

    def add(self, source: Source, text_words: list[str]) -> None:
        found = pieces(text_words)
        if not found:
            return
        self.sources.append(source)
        index = len(self.sources) - 1
        for piece in found:
            self.text.setdefault(piece, index)

    def add_name(self, source: Source, name: str) -> None:
        name_words = tuple(words(name))
        if name_words:
            self.sources.append(source)
            self.names.setdefault(name_words, len(self.sources) - 1)

    def digest(self) -> str:
        """What the exempt text is, in one value: a build whose exempt text changed checks every file again."""
        keys = sorted([*(" ".join(key) for key in [*self.text, *self.names]), *self.files])
        return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()


def exempt_corpus(archive) -> Corpus:
    """Every exempt word of the archive, each piece with the file and line it was written at."""
    from committee_papers.agenda import agenda_items

    corpus = Corpus(archive=archive)
    for folder in archive.meetings.values():
        if folder.meeting is None:
            continue
        items = agenda_items(archive, folder)
        for report_file in folder.reports.values():
            _report(corpus, archive, folder, report_file)
        _minutes(corpus, archive, folder, {item.number: item for item in items})
        _items(corpus, archive, folder, items)
    return corpus


# -- what is exempt -------------------------------------------------------------


def _where(archive, path: Path) -> str:
    try:
        return path.relative_to(archive.root).as_posix()
    except ValueError:
        return path.as_posix()


def _line(doc, path: tuple, default: int = 1) -> int:
    try:
        return doc.value_at(path)[0] if doc is not None else default
    except Exception:  # noqa: BLE001 - a position is a courtesy; the file is named either way
        return default


def _markdown(corpus: Corpus, archive, text: str | None, file: str, line: int, what: str, whole: bool) -> None:
    """A piece of Markdown: all of it (`whole`), or its `::: exempt` passages."""
    if not text or not (whole or mentions_exempt(text)):
        return
    from committee_papers.markdown.parser import parser

    for chunk, offset in chunks(parser(archive.allow_html).parse(text), exempt=True, everything=whole, after=disguised_line(text)):
        corpus.add(Source(file, line + offset, what), words(chunk))


def _part_line(report_file, part: str) -> int:
    if part == "body":
        return report_file.body_line
    path = tuple(int(key) if key.isdigit() else key for key in part.split("."))
    return _line(report_file.doc, (*path, "text") if part.startswith(("comments.", "implications.")) else path)


def _report_texts(report_file) -> Iterator[tuple[str, str | None, tuple]]:
    """Every part of a report's Markdown: (name, text, where in the front matter)."""
    from committee_papers.house_style import TEXT_SOURCES

    report = report_file.report
    yield "body", report_file.body, ()
    for name in TEXT_SOURCES:
        yield name, getattr(report, name), (name,)
    for key, comment in report.comments.items():
        yield f"comments.{key}", comment.text, ("comments", key, "text")
    for index, text in enumerate(report.recommendations):
        yield f"recommendations.{index}", text, ("recommendations", index)
    for key, implication in report.implications.items():
        yield f"implications.{key}", implication.text, ("implications", key, "text")


def _report(corpus: Corpus, archive, folder, report_file) -> None:
    report = report_file.report
    if report is None:
        return
    file = _where(archive, report_file.path)
    whole = report.exempt is not None
    if whole:
        corpus.withheld.add(_key("report", report_file.path))
        if report.exempt.title_exempt:
            corpus.withheld.add(_key("title", report_file.path))
    what = f"exempt report {report_file.id}" if whole else "an exempt passage"
    from committee_papers.render.prepared import prepared

    ready = prepared(archive, report_file)
    for part, text, offset in ready.exempt_blocks:
        corpus.add(Source(file, _part_line(report_file, part) + offset, what), words(text))
    if whole and report.exempt.title_exempt:
        title = Source(file, _line(report_file.doc, ("title",)), f"the exempt title of report {report_file.id}")
        corpus.add_name(title, report.title)
        corpus.add_name(title, f"{folder.id}/{report_file.id}")  # its address and its folder of files
        if len(words(report_file.id)) >= 3:
            corpus.add_name(title, report_file.id)
    for index, appendix in enumerate(report.appendices):
        _appendix(corpus, archive, folder, report_file, index, appendix, whole)


def _appendix(corpus: Corpus, archive, folder, report_file, index: int, appendix, report_exempt: bool) -> None:
    exempt = report_exempt or appendix.exempt is not None
    if exempt:
        corpus.withheld.add(_key("appendix", report_file.path, index))
    line = _line(report_file.doc, ("appendices", index))
    if appendix.exempt is not None and appendix.exempt.title_exempt:
        corpus.add_name(Source(_where(archive, report_file.path), line, f"the exempt title of an appendix of {report_file.id}"), appendix.title)
    path = folder.path / appendix.file
    if not path.is_file() or not path.resolve().is_relative_to(folder.path.resolve()):
        return
    file = _where(archive, path)
    what = f"exempt appendix {appendix.file}" if exempt else "an exempt passage"
    if exempt:
        corpus.sources.append(Source(file, 1, what))
        corpus.files.setdefault(file_digest(path.read_bytes()), len(corpus.sources) - 1)
    if path.suffix.lower() == ".md":
        _markdown(corpus, archive, path.read_text("utf-8", "replace"), file, 1, what, exempt)
    elif path.suffix.lower() == ".pdf" and exempt:
        for number, text in enumerate(pdf_pages(path), start=1):
            for paragraph in re.split(r"\n\s*\n|\.\s*\n", text):
                corpus.add(Source(file, 1, f"{what}, page {number}"), words(paragraph))


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pdf_pages(path: Path) -> Iterator[str]:
    """The text of a PDF's pages (at most PDF_PAGES); nothing if it cannot be read."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(path)
        for page in reader.pages[:PDF_PAGES]:
            yield page.extract_text() or ""
    except Exception:  # noqa: BLE001 - an unreadable PDF has no text to compare; the check reports bad PDFs
        return


def _minutes(corpus: Corpus, archive, folder, items: dict) -> None:
    from committee_papers.publication import exempt_item_of

    minutes = folder.minutes
    if minutes is None:
        return
    file = _where(archive, minutes.path)
    tied = {minute.number: exempt_item_of(minute, items) for minute in minutes.minutes}
    tied_to = {item.number for item in tied.values() if item is not None}
    lost = next((item for item in items.values() if item.exempt is not None and item.number not in tied_to), None)
    for minute in minutes.minutes:
        item = tied[minute.number] or lost  # an exempt item whose minute is not under its own heading: all are exempt
        if item is not None:
            corpus.withheld.add(_key("minute", minutes.path, minute.number, minute.line))
            if item.exempt.title_exempt:
                corpus.withheld.add(_key("minute title", minutes.path, minute.number, minute.line))
        what = f"the minute of exempt item {item.number}" if item is not None else "an exempt passage"
        _markdown(corpus, archive, minute.markdown, file, minute.line + 1, what, item is not None)


def _items(corpus: Corpus, archive, folder, items) -> None:
    file = _where(archive, folder.path / "meeting.yml")
    doc = folder.doc
    _markdown(corpus, archive, folder.meeting.notes, file, _line(doc, ("notes",)), "an exempt passage", False)
    for item in items:
        if item.kind not in ("item", "planned"):
            continue
        line = _line(doc, ("agenda", item.index)) if item.index is not None else 1
        exempt = item.exempt is not None
        if exempt:
            corpus.withheld.add(_key("item", folder.path, item.number))
            if item.exempt.title_exempt:
                corpus.withheld.add(_key("item title", folder.path, item.number))
        what = f"exempt item {item.number}" if exempt else "an exempt passage"
        _markdown(corpus, archive, getattr(item.entry, "text", None), file, line, what, exempt)
        if exempt and item.exempt.title_exempt:
            corpus.add_name(Source(file, line, f"the exempt title of item {item.number}"), item.title)


def _key(kind: str, path: Path, *more) -> str:
    return "\0".join([kind, str(path), *map(str, more)])


# -- what is public on purpose ----------------------------------------------------


def public_sources(corpus: Corpus) -> Iterator[str]:
    """The text the papers publish on purpose (everything not exempt), and the tool's and council's own wording.

    What is exempt is as the corpus recorded it, whatever the archive's data says by now."""
    from committee_papers.agenda import agenda_items

    archive, withheld = corpus.archive, corpus.withheld
    for folder in archive.meetings.values():
        if folder.meeting is None:
            continue
        for report_file in folder.reports.values():
            yield from _public_report(corpus, folder, report_file)
        yield from _public_markdown(archive, folder.meeting.notes)
        for item in agenda_items(archive, folder):
            if _key("item title", folder.path, item.number) not in withheld and _key("title", getattr(item.report, "path", "")) not in withheld:
                yield item.title
            if _key("item", folder.path, item.number) not in withheld:
                yield from _public_markdown(archive, getattr(item.entry, "text", None))
        for minute in folder.minutes.minutes if folder.minutes else []:
            if _key("minute title", folder.minutes.path, minute.number, minute.line) not in withheld:
                yield minute.title
            if _key("minute", folder.minutes.path, minute.number, minute.line) not in withheld:
                yield from _public_markdown(archive, minute.markdown)
    papers = archive.papers
    for path in [papers / "council.yml", papers / "people.yml", *sorted((papers / "committees").glob("*.yml"))]:
        if path.is_file():
            yield path.read_text("utf-8", "replace")
    for folder in (archive.templates, archive.root / "pages"):
        if folder is not None and folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix in (".html", ".md", ".yml", ".txt", ".css"):
                    yield path.read_text("utf-8", "replace")
    yield from _own_wording()


def _public_report(corpus: Corpus, folder, report_file) -> Iterator[str]:
    archive, report = corpus.archive, report_file.report
    if report is None or _key("report", report_file.path) in corpus.withheld:
        return
    yield report.title
    yield f"{folder.id}/{report_file.id}"
    for _, text, _ in _report_texts(report_file):
        yield from _public_markdown(archive, text)
    for index, appendix in enumerate(report.appendices):
        if _key("appendix", report_file.path, index) in corpus.withheld:
            continue
        yield appendix.title
        path = folder.path / appendix.file
        if path.suffix.lower() == ".md" and path.is_file():
            yield from _public_markdown(archive, path.read_text("utf-8", "replace"))


def _public_markdown(archive, text: str | None) -> Iterator[str]:
    if not text:
        return
    if not mentions_exempt(text):
        yield text
        return
    from committee_papers.markdown.parser import parser

    for chunk, _ in chunks(parser(archive.allow_html).parse(text), exempt=False, after=disguised_line(text)):
        yield chunk


def _own_wording() -> Iterator[str]:
    """The tool's templates, house styles and notices: wording every council's site prints."""
    from committee_papers.render.report import EXEMPT_PASSAGE
    from committee_papers.render.text import EXEMPT_MINUTE

    yield EXEMPT_PASSAGE
    yield EXEMPT_MINUTE
    package = resources.files("committee_papers")
    yield package.joinpath("exempt_paragraphs.yml").read_text("utf-8")
    for folder in ("templates", "house_styles"):
        yield from _texts_under(package.joinpath(folder))


def _texts_under(folder) -> Iterator[str]:
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _texts_under(entry)
        elif entry.name.endswith((".html", ".yml", ".md", ".txt")):
            yield entry.read_text("utf-8")
