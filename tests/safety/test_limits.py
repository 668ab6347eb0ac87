"""Each limit on what the papers may hold, tried just under (the check passes) and just over (a located error).

The figures are written out here as docs/safety.md gives them, not read from the
code: changing a limit means changing this test and the documentation with it.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from generated import boxed_pdf, pdf_file, png_file

from committee_papers.cli import main

FOLDER = "papers/meetings/2026-04-14-audit"
REPORT = f"{FOLDER}/04-internal-audit-plan.md"
APPENDIX = f"{FOLDER}/04-internal-audit-plan/appendix-a.md"
MB = 1024 * 1024


def problems(council) -> set[str]:
    result = CliRunner().invoke(main, ["check", str(council), "--format", "json"], catch_exceptions=False)
    return {f"{p['file']}:{p['line']}:{p['column']}: {p['code']}" for p in json.loads(result.stdout)}


def append(council, relative: str, text: str) -> int:
    """Add `text` to the end of a file; returns the line number its first line gets."""
    path = council / relative
    before = path.read_text("utf-8")
    path.write_text(before + text, "utf-8")
    return before.count("\n") + 1


def with_appendices(council, files: dict[str, bytes]) -> None:
    """The report's appendices replaced by these files (written into its appendix folder)."""
    report = council / REPORT
    listed = "".join(f"  - {{title: Appendix {i}, file: 04-internal-audit-plan/{name}}}\n" for i, name in enumerate(files))
    text = report.read_text("utf-8").replace("  - {title: Audit plan detail, file: 04-internal-audit-plan/appendix-a.md}\n", listed)
    report.write_text(text, "utf-8")
    for name, data in files.items():
        (council / FOLDER / "04-internal-audit-plan" / name).write_bytes(data)


def test_a_line_of_20000_characters_passes_and_20001_is_refused(minimal):
    append(minimal, REPORT, "\n" + "x" * 20_000 + "\n")
    assert problems(minimal) == set()
    line = append(minimal, REPORT, "y" * 20_001 + "\n")
    assert problems(minimal) == {f"{REPORT}:{line}:20001: PAP012"}


def test_lists_and_quotations_10_deep_pass_and_11_deep_are_refused(minimal):
    append(minimal, APPENDIX, "\n" + "> " * 10 + "Deep.\n")
    assert problems(minimal) == set()
    line = append(minimal, APPENDIX, "\n" + "> " * 10 + "- Deeper.\n")
    assert problems(minimal) == {f"{APPENDIX}:{line + 1}:1: PAP330"}


@pytest.mark.parametrize("paragraphs, found", [(10_000, set()), (10_001, {f"{APPENDIX}:20001:1: PAP331"})])
def test_a_document_of_10000_blocks_passes_and_10001_is_refused(minimal, paragraphs, found):
    (minimal / APPENDIX).write_text("".join(f"Paragraph {n}.\n\n" for n in range(paragraphs)), "utf-8")
    assert problems(minimal) == found


def test_a_table_of_64_columns_passes_and_65_is_refused(minimal):
    def table(columns: int) -> str:
        return "\n|" + "|".join(f"C{i}" for i in range(columns)) + "|\n|" + "-|" * columns + "\n|" + "1|" * columns + "\n"

    append(minimal, APPENDIX, table(64))
    assert problems(minimal) == set()
    line = append(minimal, APPENDIX, table(65))
    assert problems(minimal) == {f"{APPENDIX}:{line + 1}:1: PAP332"}


@pytest.mark.parametrize("pages, found", [(1000, set()), (1001, {f"{REPORT}:15:31: PAP013"})])
def test_a_pdf_of_1000_pages_passes_and_1001_is_refused(minimal, pages, found):
    with_appendices(minimal, {"long.pdf": pdf_file(pages)})
    assert problems(minimal) == found


@pytest.mark.parametrize("last, found", [(1000, set()), (1001, {f"{REPORT}:17:31: PAP013"})])
def test_a_meetings_pdfs_of_3000_pages_pass_and_3001_are_refused(minimal, last, found):
    with_appendices(minimal, {"one.pdf": pdf_file(1000), "two.pdf": pdf_file(1000), "six.pdf": pdf_file(last)})
    assert problems(minimal) == found


@pytest.mark.parametrize("expanded, found", [(50 * MB, set()), (50 * MB + 1, {f"{REPORT}:15:31: PAP014"})])
def test_pdf_drawing_expanding_to_50_mb_passes_and_a_byte_more_is_refused(minimal, expanded, found):
    with_appendices(minimal, {"plan.pdf": pdf_file(1, expanded)})
    assert problems(minimal) == found


@pytest.mark.parametrize(
    "page, tree",
    [
        ("/MediaBox [0 0 595 842]", ""),
        ("", "/MediaBox [0 0 842 595] /Rotate 90"),  # size and turn inherited from the page tree
        ("/MediaBox [-297.5 -421 297.5 421] /Rotate -90", ""),  # corners either side of the origin
        ("/MediaBox [0 0 3 14400]", ""),
        ("/MediaBox [0 0 595 842] /CropBox [0 0 1] /Rotate 180", ""),  # a box the pack does not use is not read
    ],
)
def test_a_pdf_page_of_a_usable_size_and_turn_passes(minimal, page, tree):
    with_appendices(minimal, {"plan.pdf": boxed_pdf(page, tree)})
    assert problems(minimal) == set()


@pytest.mark.parametrize(
    "page, tree",
    [
        ("", ""),
        ("/MediaBox null", ""),
        ("/MediaBox [0 0 0 0]", ""),
        ("/MediaBox [0 0 595 0]", ""),
        ("/MediaBox [0 0 -595 -842]", ""),
        ("/MediaBox [595 842 0 0]", ""),
        ("/MediaBox [0 0 (wide) /tall]", ""),
        ("/MediaBox [0 0 595]", ""),
        ("/MediaBox [0 0 595 842 0]", ""),
        ("/MediaBox 595", ""),
        ("/MediaBox [0 0 2.9 842]", ""),
        ("/MediaBox [0 0 14401 842]", ""),
        ("/MediaBox [0 0 99999999999999999999999999999999999999 842]", ""),
        ("/MediaBox [1000000 0 1000595 842]", ""),
        ("", "/MediaBox [0 0 0 0]"),
        ("/MediaBox [0 0 595 842] /Rotate 45", ""),
        ("/MediaBox [0 0 595 842] /Rotate (upside down)", ""),
    ],
)
def test_a_pdf_page_without_a_usable_size_or_turn_is_refused(minimal, page, tree):
    with_appendices(minimal, {"plan.pdf": boxed_pdf(page, tree)})
    assert problems(minimal) == {f"{REPORT}:15:31: PAP017"}


@pytest.mark.parametrize("height, found", [(5000, set()), (5001, {f"{REPORT}:{{line}}:26: PAP015"})])
def test_an_image_of_50_million_pixels_passes_and_one_row_more_is_refused(minimal, height, found):
    (minimal / FOLDER / "04-internal-audit-plan/chart.png").write_bytes(png_file(10_000, height))
    line = append(minimal, REPORT, "\n![A chart of audit days](04-internal-audit-plan/chart.png)\n")
    assert problems(minimal) == {f.format(line=line + 1) for f in found}


@pytest.mark.parametrize("height, found", [(5000, set()), (5001, {"papers/people.yml:2:82: PAP015"})])
def test_a_councillors_photo_of_50_million_pixels_passes_and_one_row_more_is_refused(minimal, height, found):
    (minimal / "papers/people").mkdir()
    (minimal / "papers/people/mira-holt.png").write_bytes(png_file(10_000, height))
    people = minimal / "papers/people.yml"
    people.write_text(people.read_text("utf-8").replace("division: Fenbridge Central}", "division: Fenbridge Central, photo: people/mira-holt.png}"), "utf-8")
    assert problems(minimal) == found


NUMBER_PLACES = [
    # (file, text there, the text with {number} in its place, where the number starts)
    (REPORT, "title: Internal Audit Plan 2026/27", "title: {number}", "2:8"),
    (REPORT, "  - Approve the internal audit plan.", "  - {number}", "6:5"),
    ("papers/council.yml", "name: Fenbridge Borough Council", "name: {number}", "1:7"),
    ("papers/people.yml", "party: Green", "party: {number}", "2:39"),
    ("papers/committees/audit.yml", "name: Audit Committee", "name: {number}", "1:7"),
    (f"{FOLDER}/meeting.yml", "published: 2026-04-02", "published: 2026-04-02\nextra: {number}", "5:8"),
    ("templates/house_styles/plain.yml", "", "title: {number}\nextends: numbered-paragraphs", "1:8"),
    ("mkdocs.yml", "", "site_name: Papers\nplugins: [committee-papers]\nextra:\n  count: {number}", "4:10"),
]


def put_number(council, file: str, text: str, new: str, number: str) -> None:
    path = council / file
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.read_text("utf-8") if path.exists() else ""
    path.write_text(before.replace(text, new.format(number=number), 1) if text else new.format(number=number) + "\n", "utf-8")


@pytest.mark.parametrize("file, text, new, where", NUMBER_PLACES, ids=[f"{p[0].split('/')[-1]}-{p[3]}" for p in NUMBER_PLACES])
def test_a_number_of_1000_characters_is_read_and_1001_is_refused_where_it_is_written(minimal, file, text, new, where):
    put_number(minimal, file, text, new, "1" * 1000)
    assert not {p for p in problems(minimal) if p.endswith("PAP018")}
    put_number(minimal, file, "1" * 1000, "{number}", "-" + "1" * 1000)
    assert f"{file}:{where}: PAP018" in problems(minimal)


@pytest.mark.parametrize(
    "number", ["9" * 4301, "0x" + "f" * 5000, "1_" * 3000 + "1", "1." + "5" * 5000 + "e+999"], ids=["decimal", "hexadecimal", "underscores", "float"]
)
def test_a_number_python_will_not_read_is_refused_and_the_rest_still_checked(minimal, number):
    put_number(minimal, "papers/council.yml", "name: Fenbridge Borough Council", "name: {number}", number)
    put_number(minimal, REPORT, "report_of: Head of Audit", "report_of: Head of Audit\nreport_off: a slip", "")
    assert problems(minimal) == {"papers/council.yml:1:7: PAP018", f"{REPORT}:4:1: PAP100"}


@pytest.mark.parametrize(
    "date, found",
    [
        ("1900-01-01", set()),
        ("2199-12-31", set()),
        ("1899-12-31", {"papers/meetings/2026-04-14-audit/meeting.yml:4:12: PAP107"}),
        ("2200-01-01", {"papers/meetings/2026-04-14-audit/meeting.yml:4:12: PAP107"}),
    ],
)
def test_dates_from_1900_to_2199_pass_and_others_are_refused(minimal, date, found):
    meeting = minimal / FOLDER / "meeting.yml"
    meeting.write_text(meeting.read_text("utf-8").replace("published: 2026-04-02", f"published: {date}"), "utf-8")
    # a publication date far from the meeting is a statutory matter (PAP4xx) the council may see; only PAP107 is the limit
    assert {p for p in problems(minimal) if not p.split(": ")[-1].startswith("PAP4")} == found
