"""A PDF page's size (/MediaBox, inherited from its page tree) and turn (/Rotate), read without trusting either.

The check refuses a page whose size or turn the pack could not use (PAP017);
the packs lay in such a page on an A4 sheet, unturned, rather than fail.
"""

from __future__ import annotations

import math

from committee_papers import limits

A4 = (0.0, 0.0, 595.0, 842.0)
_BOXES = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")


def _resolved(value):
    return value.get_object() if hasattr(value, "get_object") else value


def _inherited(page, key: str):
    """`key` of the page, or of the nearest page-tree node above it that has it (a loop in the tree ends the search)."""
    seen: set[int] = set()
    node = page
    while node is not None and id(node) not in seen and len(seen) < 100:
        seen.add(id(node))
        if key in node:
            return _resolved(node[key])
        parent = node.get("/Parent")
        node = _resolved(parent) if parent is not None else None
        if not hasattr(node, "get"):
            return None
    return None


def _corners(page) -> tuple[float, float, float, float] | str:
    """The /MediaBox's four numbers as written, or why there are not four usable numbers."""
    box = _inherited(page, "/MediaBox")
    if box is None or type(box).__name__ == "NullObject":
        return "it has no page size (/MediaBox)"
    if not isinstance(box, list) or len(box) != 4:
        return "its page size (/MediaBox) is not a list of four numbers"
    corners = []
    for number in map(_resolved, box):
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            return "its page size (/MediaBox) is not a list of four numbers"
        try:
            number = float(number)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number) or abs(number) > limits.PDF_PAGE_REACH:
            return f"its page size (/MediaBox) reaches more than {limits.PDF_PAGE_REACH:,} points from the page's origin"
        corners.append(number)
    return tuple(corners)


def page_box(page) -> tuple[float, float, float, float] | str:
    """The page's size as (left, bottom, right, top) in points, or why the pack could not use it."""
    corners = _corners(page)
    if isinstance(corners, str):
        return corners
    left, bottom, right, top = corners
    width, height = right - left, top - bottom
    smallest, largest = limits.PDF_PAGE_SIDE
    if width <= 0 or height <= 0:
        return f"its page size (/MediaBox) is {width:g} by {height:g} points; a page's width and height must be more than nothing, written left, bottom, right, top"
    if min(width, height) < smallest or max(width, height) > largest:
        return f"its page size (/MediaBox) is {width:g} by {height:g} points; a page is between {smallest} and {largest:,} points (5 metres) each way"
    return corners


def page_turn(page) -> int | str:
    """The page's turn in degrees (0, 90, 180 or 270), or why it is not one."""
    turn = _inherited(page, "/Rotate")
    turn = 0 if turn is None else turn
    if isinstance(turn, bool) or not isinstance(turn, int) or turn % 90:
        return "its turn (/Rotate) is not a whole number of quarter turns (0, 90, 180 or 270 degrees)"
    return turn % 360


def page_problem(page) -> str | None:
    """Why the pack could not lay this page in, or None."""
    box, turn = page_box(page), page_turn(page)
    return box if isinstance(box, str) else turn if isinstance(turn, str) else None


def usable_box(page) -> tuple[float, float, float, float]:
    """The page's size for laying it in: as written, put the right way round, or A4 when it is unusable."""
    corners = _corners(page)
    if isinstance(corners, str):
        return A4
    left, bottom, right, top = min(corners[0], corners[2]), min(corners[1], corners[3]), max(corners[0], corners[2]), max(corners[1], corners[3])
    smallest, largest = limits.PDF_PAGE_SIDE
    if min(right - left, top - bottom) < smallest or max(right - left, top - bottom) > largest:
        return A4
    return left, bottom, right, top


def make_usable(page) -> None:
    """Give a page (a copy to be laid in) a usable /MediaBox and no other box, with its turn applied to its drawing."""
    from pypdf.generic import NameObject, NumberObject, RectangleObject

    box = usable_box(page)
    turn = page_turn(page)
    for name in _BOXES:
        if name in page:
            del page[name]
    page[NameObject("/MediaBox")] = RectangleObject(box)
    page[NameObject("/Rotate")] = NumberObject(turn if isinstance(turn, int) else 0)
    if page.rotation:
        page.transfer_rotation_to_content()
