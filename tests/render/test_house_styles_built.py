"""Each built-in house style through a real build: the report's page, its PDF and the agenda pack.

The reports are the fixtures of test_report.py (our own fictional papers in each style), built
with MkDocs and WeasyPrint; the PDFs are read back with pdftotext and pypdf.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from casefile import apply_case, parse_case
from conftest import MINIMAL, copy_council, run_papers, serve_folder
from helpers import content, page, text
from pypdf import PdfReader

FIXTURES = Path(__file__).parent / "fixtures"
MEETING = "meetings/2026-04-14-audit"

# What a reader meets, in this order, in the report's PDF (and on its page).
IN_ORDER = {
    "numbered-paragraphs": [
        "14 April 2026",
        "Agenda Item 4",
        "REPORT OF THE HEAD OF AUDIT",
        "ALLOTMENT RENTS 2027/28",
        "Purpose of the Report",
        "1. To propose the rents",
        "Information",
        "The sites",
        "2. The council lets 412 plots",
        "3. The proposed rents would:",
        "|a) rise by 6 per cent",
        "|b) stay the same",
        "|c) be halved",
        "The waiting list",
        "4. There are 96 people",
        "Other Options Considered",
        "5. Keeping the rents",
        "paragraph 2",
        "Reasons for Recommendation",
        "6. The rents should meet",
        "Statutory and Policy Implications",
        "7. In writing this report",
        "Financial Implications",
        "8. The new rents",
        "RECOMMENDATION/S",
        "It is recommended that Members:",
        "|1) Approve the rents",
        "|2) Ask the Head of Audit",
        "Ada Finch",
        "For any enquiries about this report please contact:",
        "Constitutional Comments (JP 27/03/2026)",
        "9. Setting rents",
        "Financial Comments (LW 26/03/2026)",
        "10. The proposed rents cover",
        "Background Papers and Published Documents",
        "Allotment tenants' survey",
        "Electoral Division(s) and Member(s) Affected",
        "Westgate",
        "Marshside",
        "Appendix A: Proposed rents",
        "Appendix B: Site plans",
    ],
    "cover-sheet": [
        "DECISION-MAKER: CABINET",
        "SUBJECT:",
        "STREET TRADING POLICY REVIEW",
        "DATE OF DECISION: 14 April 2026",
        "REPORT OF:",
        "CABINET MEMBER FOR COMMUNITIES",
        "CONTACT DETAILS",
        "AUTHOR:",
        "Director of",
        "Chief",
        "STATEMENT OF",
        "N/A",
        "BRIEF SUMMARY",
        "The street trading policy was last reviewed",
        "It follows a public consultation.",
        "RECOMMENDATIONS:",
        "|(i) To adopt the street trading policy in Appendix 1.",
        "|(ii) To delegate",
        "|(iii) To review",
        "REASONS FOR REPORT RECOMMENDATIONS",
        "1. The current policy",
        "2. Traders asked",
        "ALTERNATIVE OPTIONS CONSIDERED AND REJECTED",
        "3. Keeping the 2019 policy was rejected because of the gap in paragraph 1.",
        "DETAIL",
        "4. The consultation ran",
        "5. The new policy would:",
        "|a) allow trading",
        "|b) set one pitch fee",
        "|c) require",
        "RESOURCE IMPLICATIONS",
        "Capital/Revenue",
        "6. Pitch fees",
        "Property/Other",
        "7. None.",
        "LEGAL IMPLICATIONS",
        "Statutory power to undertake proposals in the report:",
        "8. Schedule 4",
        "Other Legal Implications:",
        "9. None.",
        "POLICY FRAMEWORK IMPLICATIONS",
        "10. The policy supports",
        "KEY DECISION? Yes (forward plan FP-2026-031)",
        "WARDS/COMMUNITIES AFFECTED:",
        "Westgate, Marshside",
        "SUPPORTING DOCUMENTATION",
        "Appendices",
        "|1. Street trading policy",
        "|2. Consultation responses",
        "Documents In Members' Rooms",
        "|1. Draft licence conditions",
        "Equality Impact Assessment",
        "No",
        "Other Background Documents",
        "Street trading policy 2019",
        "Traders' accounts 3",
        "Appendix 1: Street trading policy",
        "Appendix 2: Consultation responses",
    ],
    "numbered-sections": [
        "Wards Affected: All Wards",
        "Community Hall Lettings",
        "Author: Ada Finch – Head of Audit",
        "Executive Summary:",
        "The council lets its three community halls",
        "This report sets out",
        "1. Recommendation(s)",
        "That the report be noted.",
        "2. Background",
        "2.1 Demand",
        "Bookings rose at all three halls, as Annex A shows.",
        "2.2 Hire rates",
        "The hourly rate",
        "3. Options",
        "The rate in section 2.2 could rise",
        "4. Implications and Risk",
        "Implications and risk",
        "Capital X",
        "Revenue Y",
        "Accommodation Y",
        "IT X",
        "Medium Term Plan X",
        "Asset Management Y",
        "Revenue",
        "Lettings income was £18,300.",
        "Income covered",
        "5. Legal",
        "6. Other Implications",
        "Other implications",
        "E-Government X",
        "Stakeholders Y",
        "Supporting Papers",
        "Annex A: Lettings by hall",
        "Annex A: Lettings by hall",
    ],
}
APPENDICES = {
    "numbered-paragraphs": ["Appendix A: Proposed rents", "Appendix B: Site plans"],
    "cover-sheet": ["Appendix 1: Street trading policy", "Appendix 2: Consultation responses"],
    "numbered-sections": ["Annex A: Lettings by hall"],
}
_HIDDEN = re.compile(r" \((yes|no)\)")  # what a grid box says to a screen reader after its mark
_MARKER = re.compile(r"^\|\S+ ")  # "|(i) words": a list item, whose marker the stylesheet draws on the page


def markers_in_browser(tab, url: str) -> list[tuple[str, str]]:
    """Each ordered list's first marker as Chromium draws it: its counter style, with the style's brackets."""
    tab.goto(url)
    return tab.evaluate(
        """() => {
          const styles = {};
          for (const sheet of document.styleSheets) {
            for (const rule of sheet.cssRules) {
              if (rule instanceof CSSCounterStyleRule) styles[rule.name] = [rule.prefix, rule.suffix];
            }
          }
          const roman = ['i', 'ii', 'iii'], alpha = ['a', 'b', 'c'];
          return [...document.querySelectorAll('article.report ol')].map(ol => {
            const type = getComputedStyle(ol).listStyleType;
            const [prefix, suffix] = styles[type] || ['', '. '];
            const base = type.includes('roman') ? roman[0] : type.includes('alpha') ? alpha[0] : '1';
            return [ol.querySelector('li').textContent.trim().slice(0, 12).trim(), (prefix.replaceAll('"', '') + base + suffix.replaceAll('"', '')).trim()];
          });
        }"""
    )


def built(style: str, tmp_path: Path) -> Path:
    council = copy_council(MINIMAL, tmp_path / style)
    apply_case(parse_case(FIXTURES / f"{style}.case"), council)
    result = run_papers("build", str(council))
    assert result.returncode == 0, result.stdout + result.stderr
    return council / "site"


def pdf_lines(path: Path) -> str:
    """The PDF's text as laid out, one printed line a line, spaces collapsed."""
    layout = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "\n".join(" ".join(line.split()) for line in layout.split("\n"))


def assert_in_order(words: list[str], found: str) -> None:
    position = 0
    for expected in words:
        at = found.find(expected, position)
        assert at >= 0, f"{expected!r} not found after {found[max(0, position - 80) : position]!r}"
        position = at + len(expected)


MARKERS = {
    "numbered-paragraphs": [("rise by 6 pe", "a)"), ("Approve the", "1)")],
    "cover-sheet": [("To adopt the", "(i)"), ("allow tradin", "a)"), ("Street tradi", "1."), ("Draft licenc", "1.")],
    "numbered-sections": [],
}


@pytest.mark.parametrize("style", list(IN_ORDER))
def test_report_page_pdf_and_pack_in_each_built_in_style(style, tmp_path, tab):
    site = built(style, tmp_path)

    # The report's PDF: every label, number and marker in the style's order, the item's header on every page.
    report_pdf = site / MEETING / "04-internal-audit-plan.pdf"
    printed = _HIDDEN.sub("", pdf_lines(report_pdf))
    assert_in_order([w.lstrip("|") for w in IN_ORDER[style]], printed)
    pages = [p.extract_text() for p in PdfReader(report_pdf).pages]
    assert all("Agenda Item 4" in p.split("\n") for p in pages)

    # The page: the same words in the same order (list markers are the stylesheet's, below; so are the
    # capitals a style asks for: the words stay as written, for screen readers), the appendices under the style's labels.
    report_page = content(page(site, f"{MEETING}/04-internal-audit-plan"))
    shown = ".//*[self::h1 or self::h2 or self::h3 or self::p or self::li or self::tr or self::caption]"
    on_page = "\n".join(text(e) for e in report_page.xpath(shown))
    assert_in_order([_MARKER.sub("", w).casefold() for w in IN_ORDER[style]], _HIDDEN.sub("", on_page).casefold())
    assert [text(h) for h in report_page.xpath(".//section[@class='appendix']/h2")] == APPENDICES[style]
    with serve_folder(site) as address:
        assert [tuple(m) for m in markers_in_browser(tab, f"{address}{MEETING}/04-internal-audit-plan/")] == MARKERS[style]
        from browser import axe_violations

        assert axe_violations(tab) == []
    from pdf_structure import structure  # (tests/accessibility, on the path once the browser is up)

    tagged = structure(PdfReader(report_pdf))  # what assistive technology reads: headings in order, tables with headers
    levels = [int(e.tag[1]) for e in tagged.walk() if re.fullmatch(r"H[1-6]", e.tag)]
    assert levels[0] == 1 and all(after <= before + 1 for before, after in zip(levels, levels[1:])), levels
    assert all(any(cell.tag == "TH" for cell in table.walk()) for table in tagged.walk() if table.tag == "Table")

    # The pack: the same labels on the front sheet, in the bookmarks and in the printed appendices.
    pack = site / MEETING / "agenda-pack.pdf"
    reader = PdfReader(pack)
    front = " ".join(reader.pages[0].extract_text().split())
    assert all(label in front for label in APPENDICES[style])
    bookmarks = [entry.title for group in reader.outline if isinstance(group, list) for entry in group]
    assert bookmarks == APPENDICES[style]
    assert_in_order([w.lstrip("|") for w in IN_ORDER[style]], _HIDDEN.sub("", pdf_lines(pack)))


def test_the_example_council_is_built_in_its_own_style_from_templates(built_example):
    """templates/house_styles/ravensmere.yml extends numbered-paragraphs: the committee above the date, and its own heading."""
    report = content(page(built_example / "site", "meetings/2026-09-22-resources/04-leisure-centre-operating-contract"))
    assert text(report.xpath(".//header[@class='report-heading']/p")[0]) == "Report to the Resources Committee"
    headings = [text(h) for h in report.xpath(".//section[contains(@class, 'report-section')]/h2")]
    assert headings.index("Key Decision and Forward Plan Reference") == headings.index("Electoral Division(s) and Member(s) Affected") + 1
    assert "Yes (forward plan FP-2026-021)" in [text(p) for p in report.xpath(".//section[contains(@class, 'report-key-decision')]/p")]
