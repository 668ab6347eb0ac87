"""The packs and report PDFs, read as assistive technology reads them: through the structure tree."""

from __future__ import annotations

import re

from helpers import front_matter
from pdf_structure import marked_text, structure
from pypdf import PdfReader


def pdfs(built_example):
    site = built_example / "site"
    return sorted(site.rglob("*.pdf"))


def public_documents(built_example):
    """Our own PDFs: packs and report PDFs, not the appendices copied as they were supplied."""
    return [p for p in pdfs(built_example) if p.name == "agenda-pack.pdf" or p.parent.name.startswith("20")]


def test_every_pack_and_report_pdf_is_tagged_with_language_and_title(built_example):
    documents = public_documents(built_example)
    assert len(documents) >= 25
    for path in documents:
        reader = PdfReader(path)
        catalog = reader.trailer["/Root"]
        assert bool(catalog["/MarkInfo"]["/Marked"]), path
        assert catalog["/Lang"] == "en-GB", path
        assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"]), path
        assert reader.metadata.title and "committee" in reader.metadata.title.lower() or "Committee" in reader.metadata.title
        tree = structure(reader)
        assert [c.tag for c in tree.children] == ["Document"], path


def test_headings_go_down_one_level_at_a_time(built_example):
    for path in public_documents(built_example):
        levels = [int(e.tag[1]) for e in structure(PdfReader(path)).walk() if re.fullmatch(r"H[1-6]", e.tag)]
        assert levels and levels[0] == 1, path
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{path.name}: H{before} is followed by H{after}"


def test_tables_have_header_cells(built_example):
    tables = 0
    for path in public_documents(built_example):
        for table in (e for e in structure(PdfReader(path)).walk() if e.tag == "Table"):
            tables += 1
            assert any(cell.tag == "TH" for cell in table.walk()), path
    assert tables >= 20


def test_figures_have_their_alt_text(built_example):
    path = built_example / "site/meetings/2026-10-14-environment-and-planning/04-garden-waste-charges.pdf"
    body = (built_example / "papers/meetings/2026-10-14-environment-and-planning/04-garden-waste-charges.md").read_text("utf-8")
    expected = re.search(r"!\[([^\]]+)\]", body).group(1)
    figures = [e for e in structure(PdfReader(path)).walk() if e.tag == "Figure"]
    assert [f.alt for f in figures] == [expected]
    for document in public_documents(built_example):
        for figure in (e for e in structure(PdfReader(document)).walk() if e.tag == "Figure"):
            assert figure.alt and figure.alt.strip(), document


def test_reading_order_follows_the_pages(built_example):
    path = built_example / "site/meetings/2026-09-22-resources/agenda-pack.pdf"
    reader = PdfReader(path)
    texts = marked_text(reader)
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    headings = []
    for element in structure(reader).walk():
        if re.fullmatch(r"H[1-6]", element.tag):
            mcids = list(element.all_mcids())
            text = " ".join("".join(texts[m] for m in mcids).split())
            headings.append((mcids[0][0], text))
    assert len(headings) > 20
    assert [page for page, _ in headings] == sorted(page for page, _ in headings)
    position = {}
    for page, text in headings:
        found = pages[page].find(text, position.get(page, 0))
        assert found >= 0, f"heading {text!r} is not where the structure says (page {page + 1})"
        position[page] = found + len(text)
    report = front_matter(built_example / "papers/meetings/2026-09-22-resources/04-leisure-centre-operating-contract.md")
    assert report["title"].upper() in [t.upper() for _, t in headings]


def test_supplied_pdf_pages_are_artifacts_with_a_tagged_description(built_example):
    path = built_example / "site/meetings/2026-10-14-environment-and-planning/agenda-pack.pdf"
    reader = PdfReader(path)
    texts = marked_text(reader)
    described = [t for t in texts.values() if "This page reproduces page" in t]
    assert len(described) == 2
    for page in reader.pages:
        content = page.get_contents().get_data()
        for match in re.finditer(rb"/CPAppendix\d+ Do", content):
            before = content[: match.start()]
            assert before.rfind(b"/Artifact BMC") > before.rfind(b"EMC"), "the supplied drawing is an artifact"


def pdfua_findings(path) -> dict:
    import json
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "pdfua", "check", "--format", "json", str(path)], capture_output=True, text=True)
    assert result.returncode in (0, 1, 2, 3), result.stderr
    return json.loads(result.stdout)


def test_pdfua_check_finds_nothing_in_any_pack_or_report_pdf(built_example):
    """`pdfua check` (the PDF/UA-1 machine-checkable rules) on every pack and report PDF the example council builds,
    the members' confidential packs among them."""
    members = sorted((built_example / "confidential").rglob("*.pdf"))
    documents = public_documents(built_example) + members
    assert len(documents) >= 28 and members
    found = {}
    for path in documents:
        report = pdfua_findings(path)
        assert report["summary"]["rules_run"] >= 10, path
        if report["findings"]:
            found[path.name] = [(f["rule_id"], f["location"]) for f in report["findings"]]
    assert found == {}


def test_every_table_header_cell_says_which_cells_it_heads(built_example):
    from pypdf.generic import ArrayObject

    path = built_example / "site/meetings/2026-09-22-resources/agenda-pack.pdf"
    reader = PdfReader(path)
    scopes = []

    def walk(node, in_head=False):
        node = node.get_object()
        if not hasattr(node, "get"):
            return
        if node.get("/S") == "/TH":
            attributes = node["/A"].get_object()
            owners = list(attributes) if isinstance(attributes, ArrayObject) else [attributes]
            scopes.append((in_head, [str(a.get_object().get("/Scope")) for a in owners if a.get_object().get("/O") == "/Table"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
            if not isinstance(kid, int):
                walk(kid, in_head or node.get("/S") == "/THead")

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert len(scopes) > 10
    assert all(scope == ["/Column"] for in_head, scope in scopes if in_head)


def test_a_reports_image_is_drawn_in_its_pdf_not_replaced_by_its_alt_text(built_example):
    from PIL import Image

    folder = "meetings/2026-10-14-environment-and-planning"
    chart = next((built_example / "papers" / folder).rglob("subscriptions.png"))
    reader = PdfReader(built_example / f"site/{folder}/04-garden-waste-charges.pdf")
    drawn = [(image.image.width, image.image.height) for page in reader.pages for image in page.images]
    with Image.open(chart) as image:
        assert image.size in drawn
    assert "Bar chart of subscribed" not in "".join(page.extract_text() for page in reader.pages)
