"""Reading a tagged PDF's structure tree: elements in order, their pages, alt text and their text."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NumberObject


@dataclass
class Element:
    tag: str
    alt: str | None
    page: int | None
    mcids: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID) of its own content
    children: list[Element] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def all_mcids(self):
        for element in self.walk():
            yield from element.mcids


def _page_index(reader: PdfReader, reference) -> int | None:
    if reference is None:
        return None
    target = reference.indirect_reference if hasattr(reference, "indirect_reference") else reference
    for index, page in enumerate(reader.pages):
        if page.indirect_reference == target or page.indirect_reference.idnum == getattr(target, "idnum", None):
            return index
    return None


def structure(reader: PdfReader) -> Element:
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}

    def build(node, inherited_page) -> Element | None:
        node = node.get_object()
        if not isinstance(node, DictionaryObject) or "/S" not in node:
            return None
        page_ref = node.get("/Pg")
        page = pages.get(page_ref.idnum) if isinstance(page_ref, IndirectObject) else inherited_page
        alt = node.get("/Alt")
        element = Element(tag=str(node["/S"])[1:], alt=str(alt) if alt is not None else None, page=page)
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, ArrayObject) else ([] if kids is None else [kids])
        for kid in kids:
            if isinstance(kid, NumberObject):
                element.mcids.append((page, int(kid)))
                continue
            kid_object = kid.get_object()
            if isinstance(kid_object, DictionaryObject) and kid_object.get("/Type") == "/MCR":
                ref = kid_object.get("/Pg")
                element.mcids.append((pages.get(ref.idnum) if ref is not None else page, int(kid_object["/MCID"])))
                continue
            child = build(kid, page)
            if child is not None:
                element.children.append(child)
        return element

    document = Element(tag="StructTreeRoot", alt=None, page=None)
    kids = root.get("/K")
    for kid in list(kids) if isinstance(kids, ArrayObject) else [kids]:
        child = build(kid, None)
        if child is not None:
            document.children.append(child)
    return document


def marked_text(reader: PdfReader) -> dict[tuple[int, int], str]:
    """The text drawn inside each marked-content sequence, by (page index, MCID)."""
    texts: dict[tuple[int, int], str] = defaultdict(str)
    for index, page in enumerate(reader.pages):
        stack: list[int | None] = []

        def before(operator, operands, cm, tm):
            if operator == b"BDC":
                properties = operands[1] if len(operands) > 1 else None
                stack.append(int(properties["/MCID"]) if isinstance(properties, dict) and "/MCID" in properties else None)
            elif operator == b"BMC":
                stack.append(None)
            elif operator == b"EMC" and stack:
                stack.pop()

        def text(value, cm, tm, font, size):
            mcid = next((m for m in reversed(stack) if m is not None), None)
            if mcid is not None:
                texts[(index, mcid)] += value

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts
