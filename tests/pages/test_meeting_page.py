"""The meeting page as a resident reads it: each item's documents with type and size, recommendations, decision."""

from __future__ import annotations

import re

from conftest import run_papers
from helpers import content, front_matter, page, text

MEETING = "meetings/2026-09-22-resources/"


def kilobytes(path) -> str:
    return f"{round(path.stat().st_size / 1024)} KB"


def documents(root, number: int) -> list[str]:
    return [text(li) for li in root.xpath(f"//li[@id='item-{number}']/ul[@class='documents']/li")]


def test_each_item_lists_its_documents_with_type_and_size(built_example):
    site, papers = built_example / "site", built_example / "papers"
    root = content(page(site, MEETING))
    report = front_matter(papers / MEETING / "04-leisure-centre-operating-contract.md")
    pdf = site / MEETING / "04-leisure-centre-operating-contract.pdf"
    assert documents(root, 4) == [
        "Report (web page)",
        f"Report (PDF, {kilobytes(pdf)})",
        f"Appendix A: {report['appendices'][0]['title']} (web page)",
        f"Appendix B: {report['appendices'][1]['title']} (exempt, Paragraph 3: not published)",
    ]
    links = root.xpath("//li[@id='item-4']/ul[@class='documents']//a/@href")
    assert links == ["04-leisure-centre-operating-contract/", "04-leisure-centre-operating-contract.pdf", "04-leisure-centre-operating-contract/#appendix-a"]
    pack = root.xpath("//a[text()='Download the agenda pack']/..")[0]
    assert text(pack).startswith(f"Download the agenda pack (PDF, {kilobytes(site / MEETING / 'agenda-pack.pdf')})")


def test_a_supplied_pdf_appendix_has_its_own_size(built_example):
    site = built_example / "site"
    meeting = "meetings/2026-10-14-environment-and-planning/"
    root = content(page(site, meeting))
    appendix = site / meeting / "04-garden-waste-charges/appendix-a.pdf"
    listed = documents(root, 4)
    assert f"Appendix A: Schedule of Waste and Recycling Charges 2027/28 (PDF, {kilobytes(appendix)})" in listed


def test_recommendations_and_decision_under_the_item(built_example):
    site, papers = built_example / "site", built_example / "papers"
    root = content(page(site, MEETING))
    report = front_matter(papers / MEETING / "04-leisure-centre-operating-contract.md")
    shown = [text(li) for li in root.xpath("//li[@id='item-4']/div[@class='item-recommendations']/ol/li")]
    assert shown == report["recommendations"]
    minutes = (papers / MEETING / "minutes.md").read_text("utf-8")
    number = re.search(r"## 4\..*?resolved (\S+)", minutes, re.S).group(1)
    decision = root.xpath("//li[@id='item-4']/div[@class='item-decision']")[0]
    assert text(decision.xpath("p")[0]) == f"Decision: resolution {number}"
    assert decision.xpath("p/a/@href") == ["minutes/#minute-4"]
    assert "procurement of a new leisure operating contract" in text(decision)


def test_attendance_from_the_minutes(built_example):
    site, papers = built_example / "site", built_example / "papers"
    root = content(page(site, MEETING))
    summary = {text(dt): text(dt.getnext()) for dt in root.xpath("//dl[contains(@class,'attendance-summary')]/dt")}
    minutes = front_matter(papers / MEETING / "minutes.md")
    assert summary["Present"].count(",") == len(minutes["present"]) - 1
    assert "Colin Marsh" in summary["Apologies"]


def test_no_size_is_given_for_a_file_that_was_not_built(example):
    result = run_papers("build", str(example), "--no-packs")
    assert result.returncode == 0, result.stderr
    root = content(page(example / "site", MEETING))
    assert documents(root, 4)[1] == "Report (PDF)"
    assert "KB" not in text(root.xpath("//ul[@class='meeting-links']")[0])
    assert not root.xpath("//span[@data-file]"), "no marker is left in the page"
