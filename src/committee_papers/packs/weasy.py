"""Laying out a pack with WeasyPrint: tagged PDF, real page numbers, PDF appendices laid in."""

from __future__ import annotations

import io
import re
from pathlib import Path

import weasyprint
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject

from committee_papers.addresses import inert_links
from committee_papers.packs.document import PackDocument
from committee_papers.packs.fetcher import SCHEME, PapersURLFetcher
from committee_papers.packs.tagging import scope_header_cells
from committee_papers.pdf_pages import make_usable
from committee_papers.shims.pdf import add_object

MM = 72 / 25.4
# The area of a placeholder page a PDF appendix page is scaled into (A4, below its caption).
BOX_LEFT, BOX_RIGHT = 20 * MM, (210 - 20) * MM
BOX_BOTTOM, BOX_TOP = 20 * MM, (297 - 25 - 12) * MM


def render_pdf(document: PackDocument, papers: Path) -> bytes:
    """The pack as tagged PDF (PDF/UA-1), with its PDF appendices laid onto their placeholder pages."""
    source = inert_links(document.html, also=(SCHEME,))
    rendered = _render(source, papers)
    single = _one_page_items(rendered)
    if single:  # CSS cannot compare two page numbers: lay out again with those items' ranges as one number ("2", not "2 - 2")
        rendered = _render(
            _RANGE.sub(lambda m: m.group(0).replace('class="range"', 'class="range single"') if m.group(1) in single else m.group(0), source), papers
        )
    pdf = rendered.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    scope_header_cells(writer)
    if document.placeholders:
        pages_of = {}
        for index, page in enumerate(rendered.pages):
            for anchor in page.anchors:
                if anchor.startswith("pdf-"):
                    pages_of.setdefault(anchor, index)
        lay_in_appendices(writer, document, pages_of)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_RANGE = re.compile(r'<span class="range" data-start="#(item-\d+)"')


def _render(source: str, papers: Path) -> weasyprint.Document:
    return weasyprint.HTML(string=source, base_url=str(papers) + "/", url_fetcher=PapersURLFetcher(papers)).render()


def _one_page_items(rendered: weasyprint.Document) -> set[str]:
    """The items (`item-N`) that begin and end on the same page of the pack."""
    first: dict[str, int] = {}
    for index, page in enumerate(rendered.pages):
        for anchor in page.anchors:
            first.setdefault(anchor, index)
    return {anchor for anchor, page in first.items() if re.fullmatch(r"item-\d+", anchor) and first.get(f"{anchor}-end") == page}


def _fit(source: PageObject) -> Transformation:
    make_usable(source)
    box = source.mediabox
    width, height = float(box.width), float(box.height)
    scale = min((BOX_RIGHT - BOX_LEFT) / width, (BOX_TOP - BOX_BOTTOM) / height, 1.0)
    x = BOX_LEFT + ((BOX_RIGHT - BOX_LEFT) - width * scale) / 2 - float(box.left) * scale
    y = BOX_TOP - height * scale - float(box.bottom) * scale
    return Transformation().scale(scale, scale).translate(x, y)


def _form(writer: PdfWriter, source: PageObject):
    """The source page as a Form XObject owned by `writer`."""
    form = DecodedStreamObject()
    form.set_data(source.get_contents().get_data() if source.get_contents() is not None else b"")
    box = source.mediabox
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (box.left, box.bottom, box.right, box.top)]),
            NameObject("/Resources"): source["/Resources"].clone(writer) if "/Resources" in source else DictionaryObject(),
        }
    )
    return add_object(writer, form)


def lay_in_appendices(writer: PdfWriter, document: PackDocument, pages_of: dict[str, int]) -> None:
    """Draw each PDF appendix page onto its placeholder page, marked as an artifact.

    A supplied PDF has no structure we could tag, so its drawing is an artifact that
    screen readers skip; the placeholder carries a tagged description of the page.
    """
    sources: dict[Path, PdfWriter] = {}
    for number, holder in enumerate(document.placeholders):
        index = pages_of.get(holder.id)
        if index is None:
            raise RuntimeError(f"the placeholder {holder.id} was not laid out")
        if holder.source not in sources:
            sources[holder.source] = PdfWriter(clone_from=holder.source)
        source = sources[holder.source].pages[holder.page]
        matrix = _fit(source).ctm
        page = writer.pages[index]
        resources = page["/Resources"].get_object()
        if "/XObject" not in resources:
            resources[NameObject("/XObject")] = DictionaryObject()
        name = f"/CPAppendix{number}"
        resources["/XObject"].get_object()[NameObject(name)] = _form(writer, source)
        drawing = DecodedStreamObject()
        numbers = " ".join(f"{v:.6f}" for v in matrix)
        drawing.set_data(f"/Artifact BMC q {numbers} cm {name} Do Q EMC".encode("ascii"))
        contents = page[NameObject("/Contents")]
        existing = contents.get_object()
        streams = list(existing) if isinstance(existing, ArrayObject) else [contents]
        save, restore = DecodedStreamObject(), DecodedStreamObject()
        save.set_data(b"q\n")
        restore.set_data(b"\nQ\n")  # the page's own drawing may leave its coordinates flipped
        page[NameObject("/Contents")] = ArrayObject([add_object(writer, save), *streams, add_object(writer, restore), add_object(writer, drawing)])
