"""The optional second engine: wkhtmltopdf through pdfkit, for councils that already run it.

Debian's wkhtmltopdf is built without its patched Qt, so it cannot print running
headers, footers or page numbers, make bookmarks, or tag the PDF. This module does
what it can around that (page ranges from the laid-out pages, bookmarks and
metadata added afterwards) and `limitations()` says plainly what it cannot.
"""

from __future__ import annotations

import io
import re
import shutil
import socket
import subprocess
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import lxml.html
import pdfkit
from pypdf import PdfReader, PdfWriter

from committee_papers.addresses import inert_links
from committee_papers.packs.document import PackDocument
from committee_papers.packs.weasy import _fit

OPTIONS = {
    "page-size": "A4",
    "margin-top": "25mm",
    "margin-bottom": "20mm",
    "margin-left": "20mm",
    "margin-right": "20mm",
    "encoding": "UTF-8",
    "disable-javascript": None,
    "disable-local-file-access": None,
    "load-error-handling": "ignore",  # a refused fetch (see _no_network) leaves a gap, not a failed pack
    "load-media-error-handling": "ignore",
    "quiet": None,
}


@cache
def patched_qt() -> bool:
    binary = shutil.which("wkhtmltopdf")
    if binary is None:
        return False
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    return "with patched qt" in version


def limitations() -> list[str]:
    """What packs made with this engine lack, said plainly at build time."""
    missing = ["the PDFs are not tagged, so screen readers cannot follow their structure (required for published documents)"]
    if not patched_qt():
        missing.insert(0, "this wkhtmltopdf is built without patched Qt: no running 'Agenda Item N' headers and no page numbers on the pages")
    return missing


def _strip_remote(html: str) -> str:
    """wkhtmltopdf has no way to refuse network fetches, so remote images become their alt text."""
    tree = lxml.html.document_fromstring(html)
    for image in tree.xpath("//img"):
        source = image.get("src") or ""
        if not source.startswith(("file:", "/")) or "://" in source and not source.startswith("file:"):
            alt = image.get("alt") or ""
            span = lxml.html.Element("span")
            span.text = alt
            image.getparent().replace(image, span)
    for link in tree.xpath("//link"):
        link.getparent().remove(link)
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


# Old WebKit knows page-break-*, not break-*; and the item markers must be laid out (invisibly)
# so that the pages they fall on can be found.
_WEBKIT_CSS = """
<style>
.item, .appendix, .pdf-appendix-page { page-break-before: always; }
.item-heading.visually-hidden { position: static; width: auto; height: auto; clip: auto; overflow: visible;
  font-size: 1px; line-height: 1px; color: #fff; margin: 0; }
.front-sheet + .item { page-break-before: always; }
</style>
"""


@contextmanager
def _no_network():
    """A proxy address that refuses every connection: a port held open on the loopback address but never listened on.

    wkhtmltopdf has no switch to turn the network off; sent through this proxy, every
    request for a web address fails at once (host names too, which the proxy is asked
    to look up), whatever the HTML asks for. Files inside the papers are still read.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as hole:
        hole.bind(("127.0.0.1", 0))
        yield {"proxy": f"http://127.0.0.1:{hole.getsockname()[1]}", "proxy-hostname-lookup": None}


def _pdf(html: str, papers: Path) -> bytes:
    if shutil.which("wkhtmltopdf") is None:
        raise RuntimeError("wkhtmltopdf is not installed; install it (apt-get install wkhtmltopdf) or use --pdf-engine weasyprint")
    html = html.replace("</head>", _WEBKIT_CSS + "</head>", 1)
    with _no_network() as proxy:
        return _Offline(_strip_remote(inert_links(html)), "string", options={**OPTIONS, "allow": str(papers), **proxy}).to_pdf(False)


class _Offline(pdfkit.PDFKit):
    @staticmethod
    def handle_error(exit_code, stderr):
        """wkhtmltopdf finishes the PDF, then exits with 1 if any fetch failed: those are the fetches the proxy refused."""
        if exit_code == 1 and "due to network error" in stderr:
            return
        pdfkit.PDFKit.handle_error(exit_code, stderr)


def _split(html: str) -> tuple[str, str]:
    """The front sheet alone, and the pack without it."""
    match = re.search(r'<section class="front-sheet">.*?</section>\n?', html, flags=re.S)
    if not match:
        return "", html
    front = html[: match.start()] + match.group(0) + "</body></html>"
    body = html[: match.start()] + html[match.end() :]
    body = body.replace('<section class="item"', '<section class="item first-item"', 1)
    body = body.replace("</head>", "<style>.first-item { page-break-before: avoid !important; }</style></head>", 1)
    return front, body


def render_pdf(document: PackDocument, papers: Path) -> bytes:
    front_html, body_html = _split(document.html)
    body = PdfReader(io.BytesIO(_pdf(body_html, papers)))
    texts = [" ".join(page.extract_text().split()) for page in body.pages]
    starts = {}
    for number in document.item_numbers:
        marker = f"Agenda Item {number}:"
        starts[number] = next((i for i, t in enumerate(texts) if marker in t), None)
    front = PdfReader(io.BytesIO(_pdf(_with_ranges(front_html, starts, len(texts), 0), papers))) if front_html else None
    offset = len(front.pages) if front else 0
    if front is not None:
        front = PdfReader(io.BytesIO(_pdf(_with_ranges(front_html, starts, len(texts), offset), papers)))
    writer = PdfWriter()
    if front is not None:
        writer.append(front)
    writer.append(body)
    for holder in document.placeholders:
        index = _placeholder_page(texts, holder)  # found by its caption: wkhtmltopdf reports no anchors
        if index is not None:
            source = PdfWriter(clone_from=holder.source).pages[holder.page]
            writer.pages[offset + index].merge_transformed_page(source, _fit(source))
    for number, start in starts.items():
        if start is not None:
            writer.add_outline_item(f"Agenda Item {number}", offset + start)
    writer.add_metadata({"/Title": document.title, "/Producer": "committee-papers with wkhtmltopdf"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _placeholder_page(texts: list[str], holder) -> int | None:
    wanted = f"(page {holder.page + 1} of "
    label = holder.label or f"Appendix {holder.id.split('-')[2].upper()}"
    for index, text in enumerate(texts):
        if f"{label}:" in text and wanted in text:
            return index
    return None


def _with_ranges(front_html: str, starts: dict, total: int, offset: int) -> str:
    """Write the real page ranges into the front sheet (wkhtmltopdf has no target-counter)."""
    ordered = sorted((s, n) for n, s in starts.items() if s is not None)
    ranges = {}
    for position, (start, number) in enumerate(ordered):
        end = ordered[position + 1][0] - 1 if position + 1 < len(ordered) else total - 1
        ranges[number] = f"{start + 1 + offset}" if end <= start else f"{start + 1 + offset} - {end + 1 + offset}"

    def replace(match: re.Match) -> str:
        number = int(match.group(1))
        return f'<span class="range-text">{ranges.get(number, "")}</span>'

    return re.sub(r'<span class="range" data-start="#item-(\d+)" data-end="#item-\d+-end"></span>', replace, front_html)
