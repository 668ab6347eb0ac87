"""A PDF appendix page's size and turn: refused by the check when the pack could not use them, never a crash in the packs."""

from __future__ import annotations

import io

import pytest
from conftest import run_papers
from generated import boxed_pdf
from pypdf import PdfReader, PdfWriter

from committee_papers.packs.weasy import BOX_LEFT, BOX_RIGHT, _fit, _form

FOLDER = "papers/meetings/2026-04-14-audit"
REPORT = f"{FOLDER}/04-internal-audit-plan.md"


def with_pdf_appendix(council, data: bytes) -> None:
    report = council / REPORT
    text = report.read_text("utf-8").replace(
        "  - {title: Audit plan detail, file: 04-internal-audit-plan/appendix-a.md}\n",
        "  - {title: Audit plan detail, file: 04-internal-audit-plan/appendix-a.md}\n  - {title: Site plan, file: 04-internal-audit-plan/plan.pdf}\n",
    )
    report.write_text(text, "utf-8")
    (council / FOLDER / "04-internal-audit-plan/plan.pdf").write_bytes(data)


@pytest.mark.parametrize(
    "page",
    [
        "",
        "/MediaBox [0 0 0 0]",
        "/MediaBox [0 0 (wide) /tall]",
        "/MediaBox [0 0 595]",
        "/MediaBox 595",
        "/MediaBox [0 0 99999999999999999999999999999999999999 842]",
        "/MediaBox [0 0 595 842] /Rotate (upside down)",
        "/MediaBox [0 0 595 842] /Rotate 90 /CropBox [0 0 1]",
    ],
)
def test_the_packs_lay_in_a_page_whose_size_is_unusable_on_an_a4_sheet(page):
    """What the check refuses (PAP017) never reaches the packs; should it, the page is laid in at A4 rather than crash."""
    source = PdfWriter(clone_from=PdfReader(io.BytesIO(boxed_pdf(page)))).pages[0]
    scale, *_ = _fit(source).ctm
    writer = PdfWriter()
    form = _form(writer, source).get_object()
    assert [float(v) for v in form["/BBox"]] in ([0, 0, 595, 842], [0, 0, 842, 595])
    assert 0 < scale <= (BOX_RIGHT - BOX_LEFT) / 595 + 1e-9


def test_papers_build_stops_at_a_pdf_page_of_no_size_instead_of_crashing(minimal):
    with_pdf_appendix(minimal, boxed_pdf("/MediaBox [0 0 0 0]"))
    result = run_papers("build", str(minimal), give_up=120)
    assert result.returncode == 1
    assert f"{REPORT}:16:30: error PAP017: page 1 of the PDF `04-internal-audit-plan/plan.pdf` cannot be laid into the pack" in result.stderr
    assert "hint: re-save the PDF from the program that made it" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_a_page_whose_size_and_turn_come_from_its_page_tree_is_laid_into_the_pack(minimal):
    with_pdf_appendix(minimal, boxed_pdf("", "/MediaBox [0 0 842 595] /Rotate 90", text="Inherited landscape plan"))
    result = run_papers("build", str(minimal))
    assert result.returncode == 0, result.stderr
    pack = PdfReader(minimal / "site/meetings/2026-04-14-audit/agenda-pack.pdf")
    assert any("Inherited landscape plan" in page.extract_text() for page in pack.pages)


def test_the_packs_take_a_pages_size_and_turn_from_its_page_tree():
    source = PdfWriter(clone_from=PdfReader(io.BytesIO(boxed_pdf("", "/MediaBox [0 0 400 300] /Rotate 90")))).pages[0]
    _fit(source)
    assert [float(v) for v in _form(PdfWriter(), source).get_object()["/BBox"]] == [0, 0, 300, 400]
