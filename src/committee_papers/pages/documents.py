"""The documents under each agenda item, with their type and size, as a resident downloads them.

A file that exists while the pages are written (a PDF appendix, copied as it was
supplied) is given its size at once. Packs and report PDFs are laid out after the
pages, so a page marks where their size goes (`size_marker`) and `fill_sizes`
writes it in once they exist; a file that was not built gets no size at all.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from committee_papers.agenda import AgendaItem
from committee_papers.exemption import paragraphs_label
from committee_papers.house_style import letter
from committee_papers.pages import urls
from committee_papers.pages.site import MeetingView
from committee_papers.publication import public_report_id
from committee_papers.render.report import public_title


@dataclass
class Document:
    label: str
    url: str | None  # site-relative; None when it is not published
    kind: str = "PDF"  # "PDF" or "web page"
    size: int | None = None  # bytes, when the file exists as the page is written
    built_later: bool = False  # a pack or report PDF: its size is filled in once it is laid out
    withheld: str | None = None  # why it is not published (exempt paragraphs)
    supplement: object | None = None  # the supplementary agenda this file is

    def kind_and_size(self) -> Markup:
        """`PDF, 240 KB`, `web page`, or `PDF` plus a marker that `fill_sizes` replaces."""
        if self.size is not None:
            return Markup(f"{html.escape(self.kind)}, {size_label(self.size)}")
        if self.built_later and self.url:
            return Markup(html.escape(self.kind)) + size_marker(self.url)
        return Markup(html.escape(self.kind))


def size_label(size: int) -> str:
    """A file's size as people read it: `240 KB`, `1.2 MB` (1 KB = 1,024 bytes)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def size_marker(url: str) -> Markup:
    return Markup(f'<span class="file-size" data-file="{html.escape(url)}"></span>')


_MARKER = re.compile(r'<span class="file-size" data-file="([^"]*)"></span>')


def fill_sizes(site_dir: Path, pages: list[str]) -> int:
    """Write each marked file's size into `pages` (site-relative HTML files); returns how many were written.

    A page is written anew, never in place: a page kept from the last build may be
    a hard link to the published one.
    """
    filled = 0
    for name in pages:
        path = site_dir / name
        try:
            text = path.read_text("utf-8")
        except OSError:
            continue
        if 'class="file-size" data-file=' not in text:
            continue

        def replace(match: re.Match) -> str:
            nonlocal filled
            target = site_dir / html.unescape(match.group(1))
            try:
                size = target.stat().st_size
            except OSError:
                return ""
            filled += 1
            return f'<span class="file-size">, {size_label(size)}</span>'

        fresh = path.with_name(path.name + ".sizes")
        fresh.write_text(_MARKER.sub(replace, text), "utf-8")
        os.replace(fresh, path)
    return filled


def report_documents(view: MeetingView, item: AgendaItem, papers_path: Path) -> list[Document]:
    """The report's page, its PDF and each appendix, for an item whose report is published."""
    report = item.report
    exempt = report.report.exempt
    documents = [Document("Report", urls.report(view.id, public_report_id(item)), kind="web page")]
    if exempt is not None:
        return documents
    documents.append(Document("Report", urls.report_pdf(view.id, report.id), built_later=True))
    for index, appendix in enumerate(report.report.appendices):
        code = letter(index)
        label = f"Appendix {code}: {public_title(appendix.title, appendix.exempt)}"
        if appendix.exempt is not None:
            documents.append(Document(label, None, withheld=paragraphs_label(appendix.exempt)))
        elif PurePosixPath(appendix.file).suffix.lower() == ".pdf":
            source = papers_path / appendix.file
            try:
                size = source.stat().st_size
            except OSError:
                size = None
            documents.append(Document(label, urls.appendix_file(view.id, report.id, f"appendix-{code.lower()}.pdf"), size=size))
        else:
            page = urls.report(view.id, public_report_id(item))
            documents.append(Document(label, f"{page}#appendix-{code.lower()}", kind="web page"))
    return documents
