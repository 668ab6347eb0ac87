"""Finishing WeasyPrint's structure tree: every table header cell says which cells it heads.

WeasyPrint tags `<th>` as /TH and links data cells to them with /Headers, but gives
no header cell a /Scope, which PDF/UA-1 (7.5) asks for. A header cell in a table's
head, or in a row of header cells only, heads its column; a header cell beside data
cells in a row heads its row, as HTML's own scope rules say.
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject


def _kids(node: DictionaryObject) -> list[DictionaryObject]:
    kids = node.get("/K")
    if kids is None:
        return []
    kids = list(kids) if isinstance(kids, ArrayObject) else [kids]
    found = []
    for kid in kids:
        kid = kid.get_object()
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            found.append(kid)
    return found


def _scope(cell: DictionaryObject, row: DictionaryObject, in_head: bool) -> str:
    if in_head or all(other["/S"] == "/TH" for other in _kids(row) if other["/S"] in ("/TH", "/TD")):
        return "/Column"
    return "/Row"


def _set_scope(cell: DictionaryObject, scope: str) -> None:
    attributes = cell.get("/A")
    owners = [a.get_object() for a in attributes] if isinstance(attributes, ArrayObject) else [attributes.get_object()] if attributes is not None else []
    table = next((a for a in owners if isinstance(a, DictionaryObject) and a.get("/O") == "/Table"), None)
    if table is None:
        table = DictionaryObject({NameObject("/O"): NameObject("/Table")})
        if isinstance(attributes, ArrayObject):
            attributes.append(table)
        elif attributes is None:
            cell[NameObject("/A")] = table
        else:
            cell[NameObject("/A")] = ArrayObject([attributes, table])
    if "/Scope" not in table:
        table[NameObject("/Scope")] = NameObject(scope)


def scope_header_cells(writer: PdfWriter) -> int:
    """Give every /TH in the structure tree a /Scope; returns how many were given one."""
    root = writer.root_object.get("/StructTreeRoot")
    if root is None:
        return 0
    count = 0
    stack: list[tuple[DictionaryObject, bool]] = [(node, False) for node in _kids(root.get_object())]
    while stack:
        node, in_head = stack.pop()
        tag = node["/S"]
        if tag == "/TR":
            for cell in _kids(node):
                if cell["/S"] == "/TH":
                    _set_scope(cell, _scope(cell, node, in_head))
                    count += 1
        stack += [(kid, in_head or tag == "/THead") for kid in _kids(node)]
    return count
