"""The example council's packs read back with pypdf: ranges, headers, bookmarks, tags, appendices, exemption."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_papers
from helpers import front_matter
from pypdf import PdfReader

RANGE = re.compile(r"^(\d+)\.\s.*?\s(\d{1,3})(?: - (\d{1,3}))?\s*$")  # "2 - 4", or "2" for a one-page item


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def front_sheet_ranges(texts: list[str]) -> dict[int, tuple[int, int]]:
    ranges = {}
    for line in texts[0].splitlines():
        match = RANGE.match(line.strip())
        if match:
            ranges[int(match.group(1))] = (int(match.group(2)), int(match.group(3) or match.group(2)))
    return ranges


def outline_titles(reader: PdfReader) -> list[str]:
    titles = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                titles.append("  " * depth + entry.title)

    walk(reader.outline, 0)
    return titles


def packs(built_example) -> list[Path]:
    return sorted((built_example / "site/meetings").glob("*/agenda-pack.pdf"))


def test_front_sheet_ranges_are_the_pages_with_each_items_header(built_example):
    checked = 0
    for pack in packs(built_example):
        texts = pages_text(pack)
        ranges = front_sheet_ranges(texts)
        assert ranges, pack
        for number, (first, last) in ranges.items():
            header = f"Agenda Item {number}"
            with_header = [i + 1 for i, t in enumerate(texts) if header in t.split("\n")]
            assert with_header == list(range(first, last + 1)), (pack, number)
            checked += 1
        assert "Agenda Item" not in texts[0]  # the front sheet itself has no item header
        assert texts[-1].strip().endswith(str(len(texts)))  # continuous page numbers to the end
    assert checked >= 15


def test_a_one_page_item_is_given_one_page_number_on_the_front_sheet(minimal):
    result = run_papers("build", str(minimal))
    assert result.returncode == 0, result.stderr
    texts = pages_text(minimal / "site/meetings/2026-04-14-audit/agenda-pack.pdf")
    lines = {line.split(".")[0]: line.strip() for line in texts[0].splitlines() if re.match(r"^\d+\.\s", line.strip())}
    with_header = [i + 1 for i, t in enumerate(texts) if "Agenda Item 1" in t.split("\n")]
    assert with_header == [2], "the minutes of the last meeting fill one page"
    assert re.search(r"\s2$", lines["1"]) and " - " not in lines["1"], lines["1"]
    assert re.search(r"\s3 - \d+$", lines["4"]), lines["4"]


def test_bookmarks_name_every_item_and_appendix(built_example):
    pack = built_example / "site/meetings/2026-09-22-resources/agenda-pack.pdf"
    papers = built_example / "papers/meetings/2026-09-22-resources"
    report = front_matter(papers / "04-leisure-centre-operating-contract.md")
    titles = outline_titles(PdfReader(pack))
    assert f"4. {report['title']}" in titles
    assert f"  Appendix A: {report['appendices'][0]['title']}" in titles
    assert not any(report["appendices"][1]["title"] in t for t in titles)  # the exempt appendix is left out
    assert titles[0].startswith("1. Minutes of the Meeting held on")


def test_packs_are_tagged_with_language_title_and_author(built_example):
    for pack in packs(built_example):
        reader = PdfReader(pack)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root
        assert bool(root["/MarkInfo"]["/Marked"])
        assert root["/Lang"] == "en-GB"
        assert reader.metadata.title.startswith("Agenda pack: ")
        assert reader.metadata.author == "Ravensmere District Council"
        fonts = {
            font.get("/FontFile2") is not None or font.get("/FontFile3") is not None
            for page in reader.pages[:2]
            for res in [page["/Resources"]]
            for f in res["/Font"].values()
            for font in [f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()]
        }
        assert fonts == {True}  # every font is embedded


def test_pdf_appendix_sits_in_place_with_its_pages_counted(built_example):
    pack = built_example / "site/meetings/2026-10-14-environment-and-planning/agenda-pack.pdf"
    source = built_example / "papers/meetings/2026-10-14-environment-and-planning/04-garden-waste-charges/appendix-a.pdf"
    texts = pages_text(pack)
    first, last = front_sheet_ranges(texts)[4]
    appendix_pages = [i + 1 for i, t in enumerate(texts) if i and "Appendix A: Schedule of Waste and Recycling Charges" in t]  # the front sheet lists it too
    assert len(appendix_pages) == len(PdfReader(source).pages)
    assert appendix_pages == list(range(last - len(appendix_pages) + 1, last + 1))
    source_words = PdfReader(source).pages[1].extract_text().split("\n")[2]
    assert source_words in texts[appendix_pages[1] - 1]
    assert "Agenda Item 4" in texts[appendix_pages[0] - 1].split("\n")


def test_exempt_text_only_in_the_confidential_pack(built_example):
    confidential = built_example / "confidential"
    public_text = "\n".join(t for pack in packs(built_example) for t in pages_text(pack))
    public_text += "\n".join(t for pdf in (built_example / "site").rglob("*.pdf") for t in pages_text(pdf))
    assert "EXEMPT-CANARY" not in public_text
    depot = pages_text(confidential / "2026-01-20-property-and-assets/agenda-pack.pdf")
    leisure = pages_text(confidential / "2026-09-22-resources/agenda-pack.pdf")
    assert any("EXEMPT-CANARY-REPORT" in t for t in depot)
    assert any("EXEMPT-CANARY-APPENDIX" in t for t in leisure)
    for texts in (depot, leisure):
        for t in texts:
            if "EXEMPT-CANARY" in t:
                assert "NOT FOR PUBLICATION: paragraph 3 of Schedule 12A" in t
    public_depot = pages_text(built_example / "site/meetings/2026-01-20-property-and-assets/agenda-pack.pdf")
    assert "Former Calderby Depot" in public_depot[0]
    assert "paragraph 3 of Part 1 of Schedule 12A" in public_depot[0].replace("\n", " ")
    assert not (built_example / "site" / "confidential").exists()


def test_report_pdf_has_the_report_and_public_appendices(built_example):
    pdf = built_example / "site/meetings/2026-09-22-resources/04-leisure-centre-operating-contract.pdf"
    texts = pages_text(pdf)
    assert all("Agenda Item 4" in t.split("\n") for t in texts)
    assert "Appendix A: Evaluation Criteria" in "\n".join(texts)
    assert "EXEMPT-CANARY" not in "\n".join(texts)
