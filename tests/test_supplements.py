"""Supplementary agendas and minutes approval, as the clerk publishes them and a resident sees them."""

from __future__ import annotations

import re

from conftest import run_papers
from helpers import content, load_yaml, page, text
from pypdf import PdfReader

MEETING = "meetings/2026-12-08-resources/"


def pages_text(path):
    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


def test_late_item_goes_out_as_a_supplement_with_its_own_pack(built_example):
    site, papers = built_example / "site", built_example / "papers"
    agenda = load_yaml(papers / MEETING / "meeting.yml")
    late = next(e for e in agenda["agenda"] if isinstance(e, dict) and e.get("added"))
    number = agenda["agenda"].index(late) + 1
    links = {text(a): a.getparent() for a in content(page(site, MEETING)).xpath("//ul[@class='meeting-links']//a")}
    assert "Download the agenda pack" in links
    supplement = links["Download Supplementary Agenda 1"]
    size = round((site / MEETING / "supplement-1.pdf").stat().st_size / 1024)
    assert text(supplement) == f"Download Supplementary Agenda 1 (PDF, {size} KB), published {late['added'].day} {late['added']:%B %Y}: item {number}"

    texts = pages_text(site / MEETING / "supplement-1.pdf")
    assert "Supplementary Agenda 1" in texts[0]
    reason = " ".join(late["urgency"].split())
    assert f"Reasons for urgency: {reason}" in texts[0]
    first, last = map(int, re.search(rf"{number}\. .*? (\d+) - (\d+)", texts[0]).groups())
    assert [i + 1 for i, t in enumerate(texts) if f"Agenda Item {number}" in t] == list(range(first, last + 1))

    original = pages_text(site / MEETING / "agenda-pack.pdf")
    assert f"Agenda Item {number}" not in " ".join(original)
    assert not re.search(rf"\b{number}\. Calderby Pool", original[0])
    assert (site / MEETING / "06-calderby-pool-boiler/index.html").exists()


def test_supplement_and_its_report_wait_for_their_date(example):
    meeting = example / "papers" / MEETING / "meeting.yml"
    meeting.write_text(meeting.read_text("utf-8").replace("added: 2026-11-26", "added: 2026-11-27"), "utf-8")
    result = run_papers("build", str(example), "--no-packs")
    assert result.returncode == 0, result.stderr
    site = example / "site"
    assert not (site / MEETING / "06-calderby-pool-boiler").exists()
    meeting = text(content(page(site, MEETING)))
    assert "Supplementary Agenda" not in meeting and "Calderby Pool" not in meeting
    assert "Emergency Boiler Replacement" not in (site / "search/search_index.json").read_text("utf-8")


def test_minutes_show_whether_they_are_approved(built_example):
    site = built_example / "site"
    approved = text(content(page(site, "meetings/2026-06-16-resources/minutes/")).xpath("//p[contains(@class,'minutes-status')]")[0])
    assert approved.startswith("Approved as a correct record at the meeting on Tuesday 22 September 2026")
    pending = text(content(page(site, "meetings/2026-09-22-resources/minutes/")).xpath("//p[contains(@class,'minutes-status')]")[0])
    assert pending == "Draft minutes: to be approved at the meeting on Tuesday 8 December 2026."
    item = content(page(site, MEETING)).xpath("//li[@id='item-1']/a")[0]
    assert item.get("href") == "../2026-09-22-resources/minutes/"


def test_a_report_revised_on_a_later_day_waits_for_its_supplement(minimal):
    report = minimal / "papers/meetings/2026-04-14-audit/04-internal-audit-plan.md"
    revision = "revised: {date: 2026-12-01, reason: The audit days changed after the agenda went out.}"
    text_ = report.read_text("utf-8").replace("background_papers: []", f"background_papers: []\n{revision}")
    report.write_text(text_.replace("The plan covers twelve audits.", "The plan covers fourteen audits."), "utf-8")
    result = run_papers("build", str(minimal))
    assert result.returncode == 0, result.stderr
    site = minimal / "site"
    published = [p for p in site.rglob("*") if p.is_file() and b"fourteen audits" in p.read_bytes()]
    assert published == [], "the revised text went out before its date"
    assert not (site / "meetings/2026-04-14-audit/supplement-1.pdf").exists()
    assert not any("fourteen audits" in t for t in pages_text(site / "meetings/2026-04-14-audit/agenda-pack.pdf"))
    assert not (site / "meetings/2026-04-14-audit/04-internal-audit-plan").exists()
