"""Report rendering: golden HTML fragments for each fixture, and what a reader sees in them."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from casefile import apply_case, parse_case

from committee_papers.agenda import agenda_items
from committee_papers.check import check
from committee_papers.render.view import render_report

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(FIXTURES.glob("*.case"))
MEETING, REPORT = "2026-04-14-audit", "04-internal-audit-plan"


def render_case(name: str, council: Path, confidential: bool = False) -> str:
    apply_case(parse_case(FIXTURES / f"{name}.case"), council)
    result = check(council)
    assert not result.problems.errors, [p.to_text() for p in result.problems.errors]
    folder = result.archive.meetings[MEETING]
    item = next(i for i in agenda_items(result.archive, folder) if i.report and i.report.id == REPORT)
    return str(render_report(result.archive, folder, item, item.report, confidential=confidential))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case, minimal, regen):
    html = render_case(case.stem, minimal)
    golden = case.with_suffix(".html")
    if regen or not golden.exists():
        golden.write_text(html, "utf-8")
    assert html == golden.read_text("utf-8")


def texts(html: str, xpath: str) -> list[str]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [" ".join(" ".join(e.itertext()).split()).replace(" .", ".").replace(" ,", ",") for e in root.xpath(xpath)]


def test_numbering_runs_from_purpose_through_comments(minimal):
    html = render_case("numbering", minimal)
    numbered = texts(html, "//p[@class='numbered']")
    assert [p.split(".")[0] for p in numbered] == [str(n) for n in range(1, len(numbered) + 1)]
    assert numbered[0] == "1. To seek approval of the internal audit plan for 2026/27."
    assert numbered[1] == "2. And to note the audit charter."
    assert numbered[2] == "3. The plan covers twelve audits."
    assert numbered[3] == "4. Each audit is risk-based."
    boilerplate = next(p for p in numbered if "In writing this report" in p)
    assert boilerplate.startswith("7. ")  # the boilerplate opens the implications section
    assert numbered[-1] == "13. No procurement implications."
    for unnumbered in ("//li", "//td", "//th", "//blockquote", "//h2", "//h3", "//ol[contains(@class, 'recommendations')]"):
        assert not texts(html, unnumbered + "//span[@class='para-number']"), unnumbered
    headings = texts(html, "//h2")
    assert "Constitutional Comments (JP 27/03/2026)" in headings
    assert "Financial Comments (LW 26/03/2026)" in headings
    assert "HR Comments (MT 25/03/2026)" in headings
    assert "Procurement Comments (RS 25/03/2026)" in headings
    assert texts(html, "//ol[contains(@class, 'recommendations')]/li") == ["Approve the internal audit plan.", "Note the audit charter."]
    assert "It is recommended that Members:" in texts(html, "//section[contains(@class, 'report-recommendations')]/p")
    assert texts(html, "//section[contains(@class, 'report-divisions-affected')]//li") == ["Westgate", "Marshside"]
    assert texts(html, "//section[contains(@class, 'report-background-papers')]//li") == ["Audit charter, 2025"]
    assert texts(html, "//p[@class='agenda-item']") == ["Agenda Item 4"]
    assert "Lee Park, Audit Manager Telephone: 01632 960111 Email: lee.park@fenbridge.example" in texts(html, "//div[@class='report-contact']/p")


def test_cross_references_say_paragraph_number_and_link_to_it(minimal):
    html = render_case("cross-references", minimal)
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    risks = root.xpath("//p[contains(., 'The main risks')]")[0]
    assert risks.get("id") == "p3"
    links = {(" ".join(a.text_content().split()), a.get("href")) for a in root.xpath("//a")}
    assert ("paragraph 3", "#p3") in links
    assert ("paragraph 2", "#p2") in links
    assert ("the scope, paragraph 2", "#p2") in links
    comment = root.xpath("//section[@id='comment-constitutional']//a")[0]
    assert (comment.text_content(), comment.get("href")) == ("paragraph 3", "#p3")


def sections(html: str) -> list[str]:
    """The report's section headings in order, as printed."""
    return texts(html, "//section[contains(@class, 'report-section')]/*[1][self::h2 or self::h3]")


def test_numbered_paragraphs_style(minimal):
    html = render_case("numbered-paragraphs", minimal)
    assert texts(html, "//header[@class='report-heading']/*") == ["14 April 2026", "Agenda Item 4", "REPORT OF THE Head of Audit", "Allotment Rents 2027/28"]
    assert texts(html, "//header//*[@class='case-upper']") == ["Head of Audit", "Allotment Rents 2027/28"]  # printed in capitals
    assert sections(html) == [
        "Purpose of the Report",
        "Information",
        "Other Options Considered",
        "Reasons for Recommendation",
        "Statutory and Policy Implications",
        "RECOMMENDATION/S",
        "Background Papers and Published Documents",
        "Electoral Division(s) and Member(s) Affected",
    ]
    numbered = texts(html, "//p[@class='numbered']")
    assert [p.split(".")[0] for p in numbered] == [str(n) for n in range(1, 11)]
    assert numbered[0].startswith("1. To propose the rents")  # the purpose is paragraph 1
    assert numbered[2] == "3. The proposed rents would:"  # the lettered list after it is not numbered
    assert numbered[-1].startswith("10. The proposed rents cover")  # through to the last comment
    assert texts(html, "//ol[@type='a' and @class='lower-alpha-close']/li")[0] == "rise by 6 per cent for a full plot;"
    assert "Keeping the rents as they are would leave the shortfall described in paragraph 2 to the general fund." in numbered[4]
    assert texts(html, "//section[contains(@class, 'report-recommendations')]/p") == ["It is recommended that Members:"]
    assert texts(html, "//ol[@class='recommendations decimal-close' and @type='1']/li")[1].startswith("Ask the Head of Audit")


def test_cover_sheet_style(minimal):
    html = render_case("cover-sheet", minimal)
    rows = texts(html, "//table[@class='cover-table']/tbody/tr/th")
    assert rows == ["DECISION-MAKER:", "SUBJECT:", "DATE OF DECISION:", "REPORT OF:", "CONTACT DETAILS", "STATEMENT OF CONFIDENTIALITY"]
    assert texts(html, "//table[@class='cover-table']//h1") == ["Street Trading Policy Review"]
    contacts = [texts(html, f"//table[@class='contacts']/tbody/tr[{n}]/*") for n in (1, 2, 3)]
    assert contacts[0] == ["AUTHOR:", "Ada Finch", "01632 960101", "ada.finch@fenbridge.example"]
    assert contacts[1][:2] == ["Director of Place", "Priya Lal"] and contacts[2][:2] == ["Chief Executive", "Tom Hale"]
    assert texts(html, "//table[@class='contacts']/thead//th") == ["Role", "Name:", "Tel:", "E-mail:"]
    assert texts(html, "//table[@class='cover-table']/tbody/tr[6]/td") == ["N/A"]
    assert sections(html) == [
        "BRIEF SUMMARY",
        "RECOMMENDATIONS:",
        "REASONS FOR REPORT RECOMMENDATIONS",
        "ALTERNATIVE OPTIONS CONSIDERED AND REJECTED",
        "DETAIL",
        "RESOURCE IMPLICATIONS",
        "LEGAL IMPLICATIONS",
        "POLICY FRAMEWORK IMPLICATIONS",
        "SUPPORTING DOCUMENTATION",
        "Appendices",
        "Documents In Members' Rooms",
        "Equality Impact Assessment",
        "Other Background Documents",
    ]
    assert not texts(html, "//section[contains(@class, 'report-summary')]//span[@class='para-number']")  # the summary is not numbered
    assert not texts(html, "//section[contains(@class, 'report-recommendations')]/p")  # no lead-in
    assert texts(html, "//ol[@class='recommendations lower-roman-paren' and @type='i']/li")[0] == "To adopt the street trading policy in Appendix 1."
    numbered = texts(html, "//p[@class='numbered']")
    assert numbered[0] == "1. The current policy does not cover mobile food vans."  # paragraph 1 is the first reason
    assert numbered[2] == "3. Keeping the 2019 policy was rejected because of the gap in paragraph 1."
    assert numbered[4] == "5. The new policy would:" and numbered[-1] == "10. The policy supports the town centre strategy."
    facts = dict(zip(texts(html, "//table[@class='report-facts']//th"), texts(html, "//table[@class='report-facts']//td")))
    assert facts == {"KEY DECISION?": "Yes (forward plan FP-2026-031)", "WARDS/COMMUNITIES AFFECTED:": "Westgate, Marshside"}
    assert texts(html, "//table[@class='background-papers']/tbody/tr") == ["Street trading policy 2019", "Traders' accounts 3"]
    assert texts(html, "//section[contains(@class, 'report-equality-impact')]/p[@class='answer']") == ["No"]


def test_numbered_sections_style(minimal):
    html = render_case("numbered-sections", minimal)
    assert texts(html, "//header[@class='report-heading']/*") == ["Wards Affected: All Wards", "Community Hall Lettings", "Author: Ada Finch – Head of Audit"]
    assert sections(html) == [
        "Executive Summary:",
        "1. Recommendation(s)",
        "2. Background",
        "3. Options",
        "4. Implications and Risk",
        "5. Legal",
        "6. Other Implications",
        "Supporting Papers",
    ]
    assert texts(html, "//section[@id='s2']/h3") == ["2.1 Demand", "2.2 Hire rates"]
    assert not texts(html, "//span[@class='para-number']")  # paragraphs are not numbered
    assert texts(html, "//section[@id='s1']/p") == ["That the report be noted."]  # one recommendation: no marker, no lead-in
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [(a.text_content(), a.get("href")) for a in root.xpath("//section[@id='s3']//a")] == [("section 2.2", "#s2.2")]
    assert root.xpath("//h3[@id='s2.2']")
    grids = root.xpath("//table[@class='implications-grid']")
    assert [g.getparent().get("id") for g in grids] == ["s4", "s6"]  # inside their sections, not at the end
    first = [(c.text or "").strip() for c in grids[0].xpath(".//td")]
    assert first == ["X", "Y", "Y", "X", "X", "Y"]
    assert texts(html, "(//table[@class='implications-grid'])[1]/tbody/tr[1]/th") == ["Capital", "Revenue", "Accommodation"]
    assert texts(html, "//div[@class='grid-detail']") == ["Revenue Lettings income was £18,300."]  # a box marked no needs no text


def links_and_sources(html: str) -> list[str]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [value for element in root.iter() for name, value in element.attrib.items() if name in ("href", "src")]


def test_raw_html_allowed_is_sanitised(minimal):
    html = render_case("raw-html-allowed", minimal)
    assert "<b>bold</b>" in html
    for bad in ("<script", "onclick", "onerror"):
        assert bad not in html
    assert not [url for url in links_and_sources(html) if url.lower().startswith(("javascript:", "data:"))]
    assert 'alt="A picture"' in html


def test_raw_html_refused_is_text(minimal):
    html = render_case("raw-html-refused", minimal)
    assert "&lt;script&gt;" in html and "<script" not in html
    assert "<b>" not in html and "<b " not in html
    assert not [url for url in links_and_sources(html) if url.lower().startswith("javascript:")]
    assert "[Markdown trap](javascript:alert(2))" in html


def test_exempt_report_shows_title_and_paragraphs_only(minimal):
    html = render_case("exempt-public", minimal)
    assert "CANARY" not in html
    assert texts(html, "//h1") == ["Internal Audit Plan 2026/27"]
    assert "paragraphs 3 and 7 of Part 1 of Schedule 12A" in html
    confidential = render_case("exempt-public", minimal, confidential=True)
    assert "CANARY-BODY" in confidential and "NOT FOR PUBLICATION" in confidential


def _report_with(council, body: str) -> tuple[str, str]:
    """Render the minimal council's report with `body` for the public and for members."""
    path = council / "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"
    front = path.read_text("utf-8").split("---\n")[1]
    path.write_text("---\n" + front + "---\n" + body, "utf-8")
    result = check(council)
    folder = result.archive.meetings[MEETING]
    item = next(i for i in agenda_items(result.archive, folder) if i.report and i.report.id == REPORT)
    public = str(render_report(result.archive, folder, item, item.report))
    members = str(render_report(result.archive, folder, item, item.report, confidential=True))
    return public, members


def test_exempt_passage_takes_one_number_and_public_paragraphs_keep_the_members_numbers(minimal):
    public, members = _report_with(
        minimal,
        "## Information\n\nFirst.\n\n::: exempt\nThe price is secret. {#para:price}\n\nSo is the buyer.\n:::\n\nAfter the passage. {#para:after}\n\n"
        "See [paragraph](#para:after) and [paragraph](#para:price).\n",
    )
    assert "The price is secret" not in public and "The price is secret" in members
    numbered = texts(public, "//p[contains(@class, 'numbered')]")
    assert "3. A passage of this report contains exempt information and is not published." in numbered
    assert "3.1. The price is secret." in texts(members, "//p[@class='numbered']")
    assert "3.2. So is the buyer." in texts(members, "//p[@class='numbered']")
    after = [p for p in numbered if "After the passage" in p]
    assert after == [p for p in texts(members, "//p[@class='numbered']") if "After the passage" in p] == ["4. After the passage."]
    assert _references(public) == {("paragraph 4", "#p4"), ("paragraph 3", "#p3")}  # an exempt paragraph is cited by its passage's number
    assert _references(members) == {("paragraph 4", "#p4"), ("paragraph 3.1", "#p3-1")}
    assert lxml.html.fragment_fromstring(members, create_parent="div").xpath("//div[@class='exempt']/@id") == ["p3"]


def _references(html: str) -> set[tuple[str, str]]:
    links = lxml.html.fragment_fromstring(html, create_parent="div").xpath("//a[starts-with(@href, '#p')]")
    return {(" ".join(a.text_content().split()), a.get("href")) for a in links}


def test_public_numbering_does_not_reveal_how_many_paragraphs_were_withheld(minimal):
    one, _ = _report_with(minimal, "## Information\n\nFirst.\n\n::: exempt\nSecret.\n:::\n\nAfter. {#para:after}\n\nSee [paragraph](#para:after).\n")
    many, members = _report_with(
        minimal, "## Information\n\nFirst.\n\n::: exempt\nSecret.\n\nMore.\n\nAnd more.\n:::\n\nAfter. {#para:after}\n\nSee [paragraph](#para:after).\n"
    )
    assert "3.3. And more." in texts(members, "//p[@class='numbered']")
    assert one == many


def test_checker_directives_are_never_shown(minimal):
    public, _ = _report_with(minimal, "## Information\n\n<!-- papers: ignore PAP503 -->\nFor the charter [click here](https://example.org/).\n")
    assert "papers: ignore" not in public and "PAP503" not in public
    assert "For the charter" in public


@pytest.mark.parametrize("allow_raw_html", [False, True])
def test_an_authors_comment_is_never_shown_nor_numbered(minimal, allow_raw_html):
    if allow_raw_html:
        council = minimal / "papers/council.yml"
        council.write_text(council.read_text("utf-8") + "allow_raw_html: true\n", "utf-8")
    public, members = _report_with(minimal, "## Information\n\nFirst.\n\n<!-- Ask finance to confirm the figure. -->\n\nSecond <!-- was third -->.\n")
    for html in (public, members):
        assert "Ask finance" not in html and "was third" not in html and "&lt;!--" not in html
        numbered = [p for p in texts(html, "//p[@class='numbered']") if p.split(". ", 1)[1] in ("First.", "Second.")]
        assert numbered == ["2. First.", "3. Second."]  # the purpose takes 1


def test_numbering_starts_where_the_named_section_would_be_when_a_report_lacks_it(minimal):
    """A cover-sheet report without its reasons (a warning) is still numbered, from the next section on."""
    apply_case(parse_case(FIXTURES / "cover-sheet.case"), minimal)
    path = minimal / f"papers/meetings/{MEETING}/{REPORT}.md"
    text = path.read_text("utf-8")
    start, end = text.index("reasons: |"), text.index("key_decision:")
    path.write_text(text[:start] + text[end:], "utf-8")
    result = check(minimal)
    folder = result.archive.meetings[MEETING]
    item = next(i for i in agenda_items(result.archive, folder) if i.report and i.report.id == REPORT)
    html = str(render_report(result.archive, folder, item, item.report))
    numbered = texts(html, "//p[@class='numbered']")
    assert numbered[0] == "1. The consultation ran for eight weeks. The responses are in Appendix 2."
    assert not texts(html, "//section[contains(@class, 'report-summary')]//span[@class='para-number']")
