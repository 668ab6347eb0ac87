"""docs/safety.md's table of limits gives the figures the check applies."""

from __future__ import annotations

from pathlib import Path

from committee_papers import limits

DOC = Path(__file__).resolve().parent.parent / "docs" / "safety.md"


def row(section: str, code: str) -> str:
    return next(line for line in section.splitlines() if line.startswith("|") and f"| {code} |" in line)


def test_the_limits_table_gives_each_figure_with_its_code():
    section = DOC.read_text("utf-8").split("## Limits", 1)[1].split("\n## ", 1)[0]
    mb = 1024 * 1024
    expected = {
        "PAP012": f"{limits.LINE_CHARACTERS:,} characters",
        "PAP014": f"{limits.PDF_EXPANDED_BYTES // mb} MB",
        "PAP015": f"{limits.IMAGE_PIXELS // 1_000_000} million pixels",
        "PAP330": f"{limits.NESTING} deep",
        "PAP331": f"{limits.BLOCKS:,}",
        "PAP332": f"{limits.TABLE_COLUMNS}",
        "PAP107": f"{limits.FIRST_YEAR} to {limits.LAST_YEAR}",
    }
    for code, figure in expected.items():
        assert f"| {figure} |" in row(section, code), (code, figure)
    pages = [line for line in section.splitlines() if "| PAP013 |" in line]
    assert f"| {limits.PDF_PAGES:,} |" in pages[0] and f"| {limits.MEETING_PDF_PAGES:,} pages |" in pages[1]
    sizes = [line for line in section.splitlines() if "| PAP002 |" in line]
    assert f"| {limits.TEXT_FILE_BYTES // mb} MB |" in sizes[0] and f"| {limits.PDF_FILE_BYTES // mb} MB |" in sizes[1]
